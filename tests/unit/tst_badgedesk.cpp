// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Badges at the door against a real CUPS (tests/support/with-cups.sh starts a throwaway cupsd with
// a cups-pdf queue "badges"): a check-in prints a badge that arrives as a PDF with the person's
// name; the print goes into the print log and onto the card; a stopped, rejecting or missing
// printer leaves the check-in recorded, says why, and prints after "Try again" once it is back.
#include "AttendeeDetailModel.h"
#include "BadgeDesk.h"
#include "BadgePrinter.h"
#include "CheckInDesk.h"
#include "CodeDecoder.h"
#include "DoorController.h"
#include "KioskPreferences.h"
#include "StoreFixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::BadgeDesk;
using checkin::ui::DoorController;
using checkin::ui::KioskPreferences;

namespace {

bool cups(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    return process.waitForFinished(20000) && process.exitCode() == 0;
}

QStringList printedPdfs()
{
    return QDir(qEnvironmentVariable("CUPS_PDF_OUT"))
        .entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Time);
}

// The codes on a printed PDF, read off a 300 dpi picture of it.
QStringList codesOn(const QString &name)
{
    QTemporaryDir dir;
    QProcess process;
    process.start(QStringLiteral("pdftoppm"),
                  {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-png"),
                   QStringLiteral("-singlefile"), QDir(qEnvironmentVariable("CUPS_PDF_OUT")).filePath(name),
                   dir.filePath(QStringLiteral("page"))});
    process.waitForFinished(30000);
    QStringList texts;
    const QImage page(dir.filePath(QStringLiteral("page.png")));
    for (const scan::DecodedCode &code : scan::CodeDecoder(scan::CodeDecoder::Effort::Still).decode(page))
        texts << code.text;
    return texts;
}

} // namespace

class TestBadgeDesk : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    DoorController *door = nullptr;
    KioskPreferences *preferences = nullptr;
    BadgeDesk *badges = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("CUPS_SERVER") || qEnvironmentVariableIsEmpty("CUPS_PDF_OUT"))
            QFAIL("run through tests/support/with-cups.sh: it starts the throwaway CUPS this test prints on");
        QVERIFY(print::BadgePrinter::queues().contains(QStringLiteral("badges")));
    }

    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        door = new DoorController(desk);
        preferences = new KioskPreferences(f->dir.path());
        preferences->setBadgePrinter(QStringLiteral("badges"));
        preferences->setBadgeLayout(QStringLiteral("brother-62"));
        preferences->setPrintOnCheckIn(true);
        badges = new BadgeDesk(f->store.get(), door, preferences, f->dir.path());
        badges->setEventName(QStringLiteral("Konferenz 2026"));
        badges->printer().setJobTimeoutMs(20000);
        QVERIFY(cups(QStringLiteral("cupsenable"), {QStringLiteral("badges")}));
        QVERIFY(cups(QStringLiteral("cupsaccept"), {QStringLiteral("badges")}));
        QVERIFY(cups(QStringLiteral("lpadmin"),
                     {QStringLiteral("-p"), QStringLiteral("badges"), QStringLiteral("-o"),
                      QStringLiteral("job-hold-until-default=no-hold")}));
    }
    void cleanup()
    {
        delete badges;
        delete preferences;
        delete door;
        delete desk;
        delete f;
    }

    void checkInPrintsABadge()
    {
        const int before = int(printedPdfs().size());
        QSignalSpy printed(badges, &BadgeDesk::printed);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait(10000));
        // The verdict is there; the badge is on its way, not in its way.
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QVERIFY(door->recorded());
        QVERIFY(printed.wait(60000));
        QCOMPARE(printed.first().first().toString(), door->attendeeId());
        QVERIFY(badges->warning().isEmpty());
        QCOMPARE(badges->lastDone(), QStringLiteral("Badge for Anna Müller printed."));
        // The PDF printer has it, with the name on it.
        QTRY_COMPARE_WITH_TIMEOUT(int(printedPdfs().size()), before + 1, 20000);
        // (cups-pdf's Ghostscript draws the words as glyphs without their text, so the badge is
        // read by its code: the ticket just scanned.)
        QCOMPARE(codesOn(printedPdfs().first()), QStringList{QStringLiteral("CODE-ANNA")});
        // In the print log, and on the card.
        const AttendeeDetail detail = await(f->store->attendee(door->attendeeId()));
        QCOMPARE(detail.prints.size(), 1);
        QCOMPARE(detail.prints.first().layout, QStringLiteral("brother-62"));
        ui::AttendeeDetailModel card(f->store.get());
        QSignalSpy loaded(&card, &ui::AttendeeDetailModel::loaded);
        card.setAttendeeId(door->attendeeId());
        QVERIFY(loaded.wait());
        QCOMPARE(card.badgeCount(), 1);
        QVERIFY2(card.badgeText().startsWith(QStringLiteral("Badge printed ")), qPrintable(card.badgeText()));
        // Printed again from the card: "2 times".
        badges->printFor(door->attendeeId());
        QVERIFY(printed.wait(60000));
        card.refresh();
        QVERIFY(loaded.wait());
        QCOMPARE(card.badgeCount(), 2);
        QVERIFY2(card.badgeText().startsWith(QStringLiteral("Badge printed 2 times, last ")),
                 qPrintable(card.badgeText()));
    }

    void noBadgeForARefusal()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-CANCELLED"));
        QVERIFY(verdict.wait(10000));
        QVERIFY(door->kind() != ui::Door::Kind::Admitted);
        QTest::qWait(300);
        QCOMPARE(badges->pending(), 0);
        QVERIFY(badges->lastDone().isEmpty());
    }

    void aStoppedPrinterNeverTouchesTheCheckIn()
    {
        QVERIFY(cups(QStringLiteral("cupsdisable"),
                     {QStringLiteral("-r"), QStringLiteral("out of labels"), QStringLiteral("badges")}));
        QSignalSpy state(badges, &BadgeDesk::stateChanged);
        QSignalSpy printed(badges, &BadgeDesk::printed);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-PETER"));
        QVERIFY(verdict.wait(10000));
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QVERIFY(door->recorded());
        QVERIFY(QTest::qWaitFor([&] { return badges->failed() == 1; }, 60000));
        QCOMPARE(badges->warning(), QStringLiteral("Badge for Peter Mueller not printed: The printer "
                                                   "\u201Cbadges\u201D is stopped (paused, out of labels)."));
        QCOMPARE(printed.size(), 0);
        // The check-in stands, and no print is logged.
        QCOMPARE(await(f->store->stats()).inside, 1);
        QVERIFY(await(f->store->attendee(door->attendeeId())).prints.isEmpty());
        // Back in service: "Try again" prints it, once.
        QVERIFY(cups(QStringLiteral("cupsenable"), {QStringLiteral("badges")}));
        badges->retry();
        QVERIFY(printed.wait(60000));
        QCOMPARE(badges->failed(), 0);
        QVERIFY(badges->warning().isEmpty());
        QCOMPARE(await(f->store->attendee(door->attendeeId())).prints.size(), 1);
    }

    void aPrinterThatRejectsJobs()
    {
        QVERIFY(cups(QStringLiteral("cupsreject"), {QStringLiteral("badges")}));
        badges->printFor(await(f->store->attendeeByCode(QStringLiteral("CODE-JOSE"))).view.attendee.id,
                         QStringLiteral("CODE-JOSE"));
        QVERIFY(QTest::qWaitFor([&] { return badges->failed() == 1; }, 60000));
        QVERIFY2(badges->warning().contains(QStringLiteral("does not accept jobs")),
                 qPrintable(badges->warning()));
        badges->dismiss();
        QVERIFY(badges->warning().isEmpty());
        QCOMPARE(badges->failed(), 0);
    }

    void aJobThatNeverCompletes()
    {
        // The queue takes the job and holds it (as a printer waiting for its operator would).
        QVERIFY(cups(QStringLiteral("lpadmin"),
                     {QStringLiteral("-p"), QStringLiteral("badges"), QStringLiteral("-o"),
                      QStringLiteral("job-hold-until-default=indefinite")}));
        badges->printer().setJobTimeoutMs(2000);
        const QString jose = await(f->store->attendeeByCode(QStringLiteral("CODE-JOSE"))).view.attendee.id;
        badges->printFor(jose, QStringLiteral("CODE-JOSE"));
        QVERIFY(QTest::qWaitFor([&] { return badges->failed() == 1; }, 60000));
        QCOMPARE(badges->warning(),
                 QStringLiteral("Badge for Jos\u00E9 Garc\u00EDa not printed: The printer "
                                "\u201Cbadges\u201D did not print the badge within 2 seconds."));
        // Taken back from the queue: "Try again" will not print it twice.
        QProcess lpstat;
        lpstat.start(QStringLiteral("lpstat"), {QStringLiteral("-o"), QStringLiteral("badges")});
        QVERIFY(lpstat.waitForFinished(20000));
        QCOMPARE(lpstat.readAllStandardOutput(), QByteArray());
        QVERIFY(await(f->store->attendee(jose)).prints.isEmpty());

        // The app closes while a badge waits at the printer: it does not wait for the printer.
        badges->printer().setJobTimeoutMs(60000);
        badges->printFor(jose, QStringLiteral("CODE-JOSE"));
        QVERIFY(QTest::qWaitFor([&] { return badges->pending() == 1; }, 10000));
        QTest::qWait(1500); // sent, and being watched
        QElapsedTimer closing;
        closing.start();
        delete badges;
        badges = nullptr;
        QVERIFY2(closing.elapsed() < 1500, qPrintable(QString::number(closing.elapsed())));
    }

    void aMissingPrinter()
    {
        preferences->setBadgePrinter(QStringLiteral("Brother_QL_gone"));
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-ANNA-S"));
        QVERIFY(verdict.wait(10000));
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QVERIFY(QTest::qWaitFor([&] { return badges->failed() == 1; }, 60000));
        QCOMPARE(badges->warning(), QStringLiteral("Badge for Anna Schmidt not printed: There is no printer "
                                                   "\u201CBrother_QL_gone\u201D on this device."));
    }

    void pdfFolderInstead()
    {
        preferences->setBadgePrinter(KioskPreferences::PdfFolder);
        QSignalSpy printed(badges, &BadgeDesk::printed);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-JOSE"));
        QVERIFY(verdict.wait(10000));
        QVERIFY(printed.wait(20000));
        const QStringList files = QDir(badges->pdfFolder()).entryList({QStringLiteral("badge-*.pdf")});
        QCOMPARE(files.size(), 1);
        QVERIFY2(files.first().contains(QStringLiteral("Jos")), qPrintable(files.first()));
    }

    void offMeansNoBadge()
    {
        preferences->setPrintOnCheckIn(false);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait(10000));
        QTest::qWait(300);
        QCOMPARE(badges->pending(), 0);
        preferences->setBadgePrinter({});
        badges->printFor(door->attendeeId());
        QCOMPARE(badges->warning(),
                 QStringLiteral("No badge printer is chosen: choose one in the admin area."));
    }
};

QTEST_MAIN(TestBadgeDesk)
#include "tst_badgedesk.moc"
