// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The translation files are complete and current: lupdate over the sources (as update_translations
// runs it) into a copy of each .ts file must find no unfinished and no vanished entry, and every
// translation keeps the placeholders of its source. Fails with the texts to translate and the one
// command that brings the files up to date (docs/translations.md).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString context;
    QString source;
    QString type;             // "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or one per plural form
};

QList<Entry> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Entry> entries;
    QString context;
    Entry entry;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name")
                context = xml.readElementText();
            else if (name == u"message")
                entry = Entry{context, {}, {}, {}};
            else if (name == u"source")
                entry.source = xml.readElementText();
            else if (name == u"translation") {
                entry.type = xml.attributes().value(QLatin1String("type")).toString();
                // Either text, or <numerusform> children.
                QString text;
                while (!xml.atEnd()) {
                    xml.readNext();
                    if (xml.isCharacters())
                        text += xml.text();
                    else if (xml.isStartElement() && xml.name() == u"numerusform")
                        entry.translations << xml.readElementText();
                    else if (xml.isEndElement() && xml.name() == u"translation")
                        break;
                }
                if (entry.translations.isEmpty())
                    entry.translations << text;
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            entries << entry;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

// %1 .. %99 (also %L1), %n (also %Ln): what a translation must keep.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(1));
    return found;
}

QString where(const Entry &e)
{
    return QStringLiteral("  [%1] \"%2\"").arg(e.context, e.source);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private:
    // lupdate over the sources into a copy of `tsName`; the entries of the result.
    QList<Entry> updatedCopy(const QString &tsName, const QStringList &options)
    {
        const QString original = QStringLiteral(CHECKIN_TS_DIR "/") + tsName;
        const QString copy = m_dir.filePath(tsName);
        QFile::remove(copy);
        if (!QFile::copy(original, copy)) {
            qWarning("cannot copy %s", qPrintable(original));
            return {};
        }
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(CHECKIN_LUPDATE),
                      QStringList{QStringLiteral("@" CHECKIN_TRANSLATED_SOURCES)} + options +
                          QStringList{QStringLiteral("-ts"), copy});
        if (!lupdate.waitForFinished(120'000) || lupdate.exitCode() != 0) {
            qWarning("lupdate failed: %s", lupdate.readAll().constData());
            return {};
        }
        const QString output = QString::fromLocal8Bit(lupdate.readAll());
        // lupdate's own complaints ("Cannot invoke tr() like this", "lacks Q_OBJECT") are bugs too.
        for (const QString &line : output.split(u'\n')) {
            if (line.contains(QLatin1String("tr()")) || line.contains(QLatin1String("Q_OBJECT")) ||
                line.contains(QLatin1String("warning"), Qt::CaseInsensitive))
                m_lupdateWarnings << line.trimmed();
        }
        QString error;
        const QList<Entry> entries = readTs(copy, &error);
        if (!error.isEmpty())
            qWarning("cannot read %s: %s", qPrintable(copy), qPrintable(error));
        return entries;
    }

    QTemporaryDir m_dir;
    QStringList m_lupdateWarnings;

private Q_SLOTS:
    void germanIsCompleteAndCurrent()
    {
        const QList<Entry> entries = updatedCopy(QStringLiteral("kiosk_de.ts"),
                                                 {QStringLiteral("-locations"), QStringLiteral("none")});
        QVERIFY2(entries.size() > 100, "lupdate found (next to) nothing: is the list of sources right?");
        QStringList unfinished, vanished, placeholderMismatch;
        for (const Entry &e : entries) {
            if (e.type == QLatin1String("unfinished"))
                unfinished << where(e);
            else if (e.type == QLatin1String("vanished") || e.type == QLatin1String("obsolete"))
                vanished << where(e);
            else {
                for (const QString &t : e.translations) {
                    if (placeholders(t) != placeholders(e.source))
                        placeholderMismatch << where(e) + QStringLiteral(" -> \"%1\"").arg(t);
                }
            }
        }
        QVERIFY2(
            unfinished.isEmpty(),
            qPrintable(QStringLiteral("%1 text(s) without a German translation. Run `cmake --build build "
                                      "--target update_translations`, translate them in "
                                      "resources/translations/kiosk_de.ts (Qt Linguist or an editor) "
                                      "and remove type=\"unfinished\":\n")
                           .arg(unfinished.size()) +
                       unfinished.join(u'\n')));
        QVERIFY2(vanished.isEmpty(),
                 qPrintable(QStringLiteral("kiosk_de.ts holds texts the sources no longer have; run "
                                           "`cmake --build build --target update_translations`:\n") +
                            vanished.join(u'\n')));
        QVERIFY2(placeholderMismatch.isEmpty(),
                 qPrintable(QStringLiteral("translations that lose or add a placeholder (%1, %L1, %n):\n") +
                            placeholderMismatch.join(u'\n')));
        QVERIFY2(m_lupdateWarnings.isEmpty(), qPrintable(m_lupdateWarnings.join(u'\n')));
    }

    void englishHasEveryPluralForm()
    {
        const QList<Entry> entries =
            updatedCopy(QStringLiteral("kiosk_en.ts"), {QStringLiteral("-locations"), QStringLiteral("none"),
                                                        QStringLiteral("-pluralonly")});
        QVERIFY2(!entries.isEmpty(), "no plural forms found: is the list of sources right?");
        QStringList missing;
        for (const Entry &e : entries) {
            const bool empty = std::any_of(e.translations.cbegin(), e.translations.cend(),
                                           [](const QString &t) { return t.isEmpty(); });
            if (!e.type.isEmpty() || e.translations.size() != 2 || empty)
                missing << where(e);
        }
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("English plural forms (\"1 check-in\", \"2 check-ins\") missing or "
                                      "out of date in resources/translations/kiosk_en.ts; run "
                                      "`cmake --build build --target update_translations` and fill "
                                      "them in:\n") +
                       missing.join(u'\n')));
    }

    // The check itself: a text nobody translated is found.
    void findsAnUntranslatedText()
    {
        QTemporaryDir dir;
        const QString source = dir.filePath(QStringLiteral("Extra.qml"));
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("import QtQuick\nText { text: qsTr(\"A text nobody has translated yet\") }\n");
        file.close();
        const QString ts = dir.filePath(QStringLiteral("kiosk_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(CHECKIN_TS_DIR "/kiosk_de.ts"), ts));
        QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.start(QStringLiteral(CHECKIN_LUPDATE),
                      {QStringLiteral("@" CHECKIN_TRANSLATED_SOURCES), source, QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-ts"), ts});
        QVERIFY(lupdate.waitForFinished(120'000));
        QString error;
        const QList<Entry> entries = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const bool flagged = std::any_of(entries.cbegin(), entries.cend(), [](const Entry &e) {
            return e.context == QLatin1String("Extra") && e.type == QLatin1String("unfinished");
        });
        QVERIFY(flagged);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
