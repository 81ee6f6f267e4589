// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Switching the language at runtime: the real Main.qml on a scratch kiosk, offscreen. The words of
// the screens (qsTr) and of the view models (tr() in C++, the core's verdict sentence) change at
// once, the locale with them, without a warning; and back. Also which language a system gets.
#include "DoorController.h"
#include "KioskPreferences.h"
#include "KioskServices.h"
#include "SelfTest.h"
#include "TimeOfDay.h"
#include "Translations.h"

#include <QDateTime>
#include <QEventLoop>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace checkin;
using ui::Translations;

namespace {

QStringList g_warnings;

void collect(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && !message.startsWith(QLatin1String("QStandardPaths")))
        g_warnings << message;
}

// The text of every visible item, as a person would read it.
QStringList visibleTexts(QQuickItem *item)
{
    QStringList texts;
    if (!item || !item->isVisible())
        return texts;
    const QVariant text = item->property("text");
    if (text.typeId() == QMetaType::QString && !text.toString().isEmpty())
        texts << text.toString();
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        texts << visibleTexts(child);
    return texts;
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ui::KioskServices::Options options;
        options.peersEnabled = false; // no announcements or listening port from a test
        options.dataDir = m_dir.filePath(QStringLiteral("kiosk"));
        m_services = std::make_unique<ui::KioskServices>(options);
        QEventLoop loop;
        QString error;
        connect(m_services.get(), &ui::KioskServices::opened, &loop, [&](const QString &e) {
            error = e;
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        m_services->start();
        loop.exec();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_services->preferences().setLanguage(QStringLiteral("en"));
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_window = m_services->loadMain(m_engine.get());
        QVERIFY(m_window);
        // A fresh kiosk shows its setup screen once the store said it has no event.
        QTRY_VERIFY(visibleTexts(m_window->contentItem()).contains(QStringLiteral("Set up this kiosk")));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_services.reset();
    }

    void resolve_data()
    {
        QTest::addColumn<QString>("preference");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("language");
        QTest::newRow("German system") << QString() << QStringLiteral("de_DE") << QStringLiteral("de");
        QTest::newRow("Austrian system") << QString() << QStringLiteral("de_AT") << QStringLiteral("de");
        QTest::newRow("British system") << QString() << QStringLiteral("en_GB") << QStringLiteral("en");
        QTest::newRow("French system: English")
            << QString() << QStringLiteral("fr_FR") << QStringLiteral("en");
        QTest::newRow("C locale: English") << QString() << QStringLiteral("C") << QStringLiteral("en");
        QTest::newRow("German chosen")
            << QStringLiteral("de") << QStringLiteral("en_US") << QStringLiteral("de");
        QTest::newRow("English chosen")
            << QStringLiteral("en") << QStringLiteral("de_DE") << QStringLiteral("en");
        QTest::newRow("unknown: the system's")
            << QStringLiteral("xx") << QStringLiteral("de_DE") << QStringLiteral("de");
    }

    void resolve()
    {
        QFETCH(QString, preference);
        QFETCH(QString, system);
        QFETCH(QString, language);
        QCOMPARE(Translations::resolve(preference, QLocale(system)), language);
    }

    void localeFor()
    {
        // The system's own locale when it speaks the language; else the language in its country.
        QCOMPARE(Translations::localeFor(QStringLiteral("de"), QLocale(QStringLiteral("de_AT"))).name(),
                 QStringLiteral("de_AT"));
        QCOMPARE(Translations::localeFor(QStringLiteral("en"), QLocale(QStringLiteral("de_DE"))).name(),
                 QStringLiteral("en_DE"));
        QCOMPARE(Translations::localeFor(QStringLiteral("de"), QLocale(QStringLiteral("en_US"))).language(),
                 QLocale::German);
    }

    void switchesEveryScreenAtOnceAndBack()
    {
        ui::DoorController &door = m_services->door();
        door.present(ui::SelfTest::sampleOutcomes().constFirst()); // "Checked in", Anna Müller
        QStringList texts = visibleTexts(m_window->contentItem());
        QVERIFY2(texts.contains(QStringLiteral("Checked in")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Admitted: Anna Müller (Full conference).")),
                 qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Last sync: never")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("This kiosk only (no server)")), qPrintable(texts.join(u'|')));
        const int verdicts = door.verdictCount();

        g_warnings.clear();
        const QtMessageHandler previous = qInstallMessageHandler(collect);
        m_services->preferences().setLanguage(QStringLiteral("de"));
        QCOMPARE(m_services->translations().language(), QStringLiteral("de"));
        texts = visibleTexts(m_window->contentItem());
        // qsTr() in QML
        QVERIFY2(texts.contains(QStringLiteral("Kiosk einrichten")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Nur dieser Kiosk (kein Server)")),
                 qPrintable(texts.join(u'|')));
        QVERIFY(!texts.contains(QStringLiteral("Set up this kiosk")));
        // tr() in the view models: the verdict's headline, the core's sentence, "never"
        QVERIFY2(texts.contains(QStringLiteral("Eingecheckt")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Eingelassen: Anna Müller (Full conference).")),
                 qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Abgleich: nie")), qPrintable(texts.join(u'|')));
        // The words changed, not the verdict: it is not shown again.
        QCOMPARE(door.verdictCount(), verdicts);
        // Numbers and times in the German way.
        QCOMPARE(QStringLiteral("%L1").arg(1954), QStringLiteral("1.954"));
        QCOMPARE(timeOfDay(QDateTime(QDate(2026, 11, 26), QTime(9, 12))), QStringLiteral("09:12"));

        m_services->preferences().setLanguage(QStringLiteral("en"));
        texts = visibleTexts(m_window->contentItem());
        QVERIFY2(texts.contains(QStringLiteral("Set up this kiosk")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Checked in")), qPrintable(texts.join(u'|')));
        QVERIFY2(texts.contains(QStringLiteral("Last sync: never")), qPrintable(texts.join(u'|')));
        QVERIFY(!texts.contains(QStringLiteral("Kiosk einrichten")));
        QCOMPARE(QStringLiteral("%L1").arg(1954).remove(u','), QStringLiteral("1954"));
        qInstallMessageHandler(previous);
        QVERIFY2(g_warnings.isEmpty(), qPrintable(g_warnings.join(u'\n')));
    }

    void theAdminAreaChoosesTheLanguage()
    {
        QMetaObject::invokeMethod(m_window, "openAdmin");
        // Repeater delegates are child items of the Flow, not QObject children: itemNamed().
        QQuickItem *button = ui::SelfTest::itemNamed(m_window->contentItem(), QStringLiteral("language_de"));
        QVERIFY(button);
        QCOMPARE(button->property("text").toString(), QStringLiteral("Deutsch"));
        QMetaObject::invokeMethod(button, "clicked");
        QCOMPARE(m_services->preferences().language(), QStringLiteral("de"));
        QCOMPARE(m_services->translations().language(), QStringLiteral("de"));
        QVERIFY(visibleTexts(m_window->contentItem()).contains(QStringLiteral("Sprache")));
        // Each language keeps its own name; "System language" is said in the current one.
        QCOMPARE(ui::SelfTest::itemNamed(m_window->contentItem(), QStringLiteral("language_en"))
                     ->property("text")
                     .toString(),
                 QStringLiteral("English"));
        QVERIFY(ui::SelfTest::itemNamed(m_window->contentItem(), QStringLiteral("languageSystem"))
                    ->property("text")
                    .toString()
                    .startsWith(QStringLiteral("Systemsprache (")));
        QVERIFY(button->property("chosen").toBool());

        QMetaObject::invokeMethod(
            ui::SelfTest::itemNamed(m_window->contentItem(), QStringLiteral("language_en")), "clicked");
        QCOMPARE(m_services->translations().language(), QStringLiteral("en"));
        QVERIFY(visibleTexts(m_window->contentItem()).contains(QStringLiteral("Language")));
        QMetaObject::invokeMethod(m_window, "goHome");
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ui::KioskServices> m_services;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
