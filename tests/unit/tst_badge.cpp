// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Badges on paper: every layout as a PDF of the label's size, read from outside (pdfinfo for the
// size, pdftotext for the words, pdftoppm for a picture whose QR code decodes to the ticket code);
// long names that still fit; a badge without a code; a folder that cannot be written.
#include "Badge.h"
#include "CodeDecoder.h"

#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin::print;
using namespace Qt::StringLiterals;

namespace {

QString run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QStringLiteral("<%1 failed: %2>")
            .arg(program, QString::fromUtf8(process.readAllStandardError()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The words of a PDF, each run of white space one space.
QString pdfText(const QString &pdf)
{
    return run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
}

} // namespace

class TestBadge : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"pdftotext", "pdftoppm", "pdfinfo"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QFAIL(
                    qPrintable(QStringLiteral("%1 is missing: run installers/setup-debian.sh (poppler-utils)")
                                   .arg(QLatin1String(tool))));
        }
    }

    void layouts()
    {
        QCOMPARE(BadgeLayout::ids(), QStringList({u"a6"_s, u"brother-62"_s, u"dymo-89x36"_s}));
        QVERIFY(!BadgeLayout::byId(QStringLiteral("letter")));
        QCOMPARE(BadgeLayout::byId(QStringLiteral("dymo-89x36"))->sizeMm, QSizeF(89, 36));
    }

    void pdfOfEveryLayout_data()
    {
        QTest::addColumn<QString>("layout");
        QTest::addColumn<QString>("pageSize"); // as pdfinfo prints it, in points
        QTest::newRow("A6") << "a6"
                            << "297.638 x 419.528 pts";
        QTest::newRow("Brother 62 mm") << "brother-62"
                                       << "175.748 x 283.465 pts";
        QTest::newRow("DYMO 89x36") << "dymo-89x36"
                                    << "252.283 x 102.047 pts";
    }
    void pdfOfEveryLayout()
    {
        QFETCH(QString, layout);
        QFETCH(QString, pageSize);
        const Badge badge{QStringLiteral("Anna Müller"), QStringLiteral("Acme GmbH"),
                          QStringLiteral("Full conference"), QStringLiteral("Konferenz 2026"),
                          QStringLiteral("CODE-QY7NBGBE8TR9")};
        const QString pdf = dir.filePath(layout + QStringLiteral(".pdf"));
        QCOMPARE(writeBadgePdf(pdf, badge, *BadgeLayout::byId(layout)), QString());

        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
        const QRegularExpressionMatch size =
            QRegularExpression(QStringLiteral("Page size:\\s+([0-9. x]+pts)")).match(info);
        QVERIFY2(size.hasMatch(), qPrintable(info));
        // Within a point of the label (pdfinfo rounds).
        const QStringList got = size.captured(1).split(QLatin1Char(' '));
        const QStringList want = pageSize.split(QLatin1Char(' '));
        QVERIFY2(qAbs(got[0].toDouble() - want[0].toDouble()) < 1.0 &&
                     qAbs(got[2].toDouble() - want[2].toDouble()) < 1.0,
                 qPrintable(size.captured(1)));

        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Anna Müller")) || text.contains(QStringLiteral("Anna")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Müller")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Acme GmbH")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Full conference")), qPrintable(text));

        // The QR code, as a printer would put it on paper (300 dpi), decodes to the ticket code.
        const QString png = dir.filePath(layout);
        QCOMPARE(run(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-png"),
                      QStringLiteral("-singlefile"), pdf, png}),
                 QString());
        const QImage picture(png + QStringLiteral(".png"));
        QVERIFY(!picture.isNull());
        const QList<checkin::scan::DecodedCode> codes =
            checkin::scan::CodeDecoder(checkin::scan::CodeDecoder::Effort::Still).decode(picture);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, QStringLiteral("CODE-QY7NBGBE8TR9"));
        QCOMPARE(codes.first().format, QStringLiteral("QRCode"));
    }

    void longNamesFit()
    {
        // A long double name on the smallest label: all of it, on two lines at most, readable.
        const Badge badge{QStringLiteral("Maximiliane Konstanze Wolkenstein-Rabensberg"),
                          QStringLiteral("Gemeinnützige Gesellschaft für Kirchenmusik mbH"),
                          QStringLiteral("Day pass"),
                          {},
                          QStringLiteral("CODE-LONG-1")};
        for (const BadgeLayout &layout : BadgeLayout::all()) {
            const QString pdf = dir.filePath(QStringLiteral("long-") + layout.id + QStringLiteral(".pdf"));
            QCOMPARE(writeBadgePdf(pdf, badge, layout), QString());
            const QString text = pdfText(pdf);
            // (pdftotext joins a name broken at its hyphen without the hyphen.)
            QVERIFY2(QString(text).remove(u'-').contains(QStringLiteral("WolkensteinRabensberg")),
                     qPrintable(layout.id + u": "_s + text));
            QVERIFY2(text.contains(QStringLiteral("Day pass")), qPrintable(layout.id + u": "_s + text));
        }
    }

    void noCodeNoQr()
    {
        // Found by name: the kiosk has no ticket code to put on it.
        const Badge badge{QStringLiteral("Ben Lee"), {}, QStringLiteral("Staff"), {}, {}};
        const QImage picture = badgeImage(badge, *BadgeLayout::byId(QStringLiteral("a6")), 200);
        QCOMPARE(picture.size(), QSize(827, 1165));
        QVERIFY(
            checkin::scan::CodeDecoder(checkin::scan::CodeDecoder::Effort::Still).decode(picture).isEmpty());
    }

    void unwritableFolder()
    {
        const QString error = writeBadgePdf(QStringLiteral("/proc/no-such-dir/badge.pdf"),
                                            Badge{QStringLiteral("Ann")}, BadgeLayout::all().first());
        QVERIFY2(error.startsWith(QStringLiteral("Cannot write /proc/no-such-dir/badge.pdf")),
                 qPrintable(error));
    }
};

QTEST_MAIN(TestBadge)
#include "tst_badge.moc"
