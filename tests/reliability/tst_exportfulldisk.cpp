// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The check-in log exported from the admin area onto a full disk (a small tmpfs filled to the last
// byte): the export fails with a sentence that says so, leaves no part of a file, and works once
// there is space again. Needs root to mount the tmpfs (CI runs as root); elsewhere it is skipped.
#include "AdminController.h"
#include "CheckInDesk.h"
#include "DemoAttendees.h"
#include "ExportMemo.h"
#include "LocalStore.h"
#include "SmallDisk.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::AdminController;
using checkin::ui::ExportMemo;

class TestExportFullDisk : public QObject
{
    Q_OBJECT

    SmallDisk m_disk{16}; // MiB

    static QString exportNow(AdminController &admin)
    {
        QSignalSpy exported(&admin, &AdminController::exported);
        admin.exportCheckIns();
        return exported.wait(20000) ? exported.constFirst().constFirst().toString()
                                    : QStringLiteral("<none>");
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_disk.mount();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
    }

    void exportOntoAFullDisk()
    {
        const QString dataDir = m_disk.filePath(QStringLiteral("kiosk"));
        const QString fillerPath = m_disk.filePath(QStringLiteral("filler.bin"));
        const QString exportDir = QDir(dataDir).filePath(QStringLiteral("exports"));
        ManualClock clock;
        LocalStore store(dataDir, &clock);
        QVERIFY(await(store.open()).ok());
        QVERIFY(await(store.importCsv(DemoAttendees::csv(250, 3), QStringLiteral("Full disk")))
                    .summary.error.isEmpty());
        CheckInDesk desk(&store);
        const QList<AttendeeView> people = await(store.attendeeStates()).attendees;
        int recorded = 0;
        for (const AttendeeView &person : people) {
            if (!person.attendee.isCancelled() && await(desk.checkInAttendee(person.attendee.id)).recorded)
                ++recorded;
        }
        QVERIFY2(recorded > 200,
                 qPrintable(QStringLiteral("%1 of %2 checked in").arg(recorded).arg(people.size())));
        ManualScheduler scheduler;
        SyncEngine engine(&store, &scheduler, {});
        engine.load();
        AdminController admin(&store, &engine, &clock);
        QVERIFY(QDir().mkpath(exportDir));

        SmallDisk::fill(fillerPath);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be saved")));
        QCOMPARE(exportNow(admin), QString());
        QVERIFY(admin.exportFailed());
        QVERIFY2(admin.exportMessage().contains(QStringLiteral("No space left on device")) &&
                     admin.exportMessage().contains(QStringLiteral("Nothing was written")) &&
                     admin.exportMessage().contains(QStringLiteral("Free some space")),
                 qPrintable(admin.exportMessage()));
        QCOMPARE(QDir(exportDir).entryList(QDir::Files | QDir::Hidden), QStringList());
        QVERIFY(!ExportMemo::load(exportDir).known());

        QVERIFY(QFile::remove(fillerPath));
        const QString path = exportNow(admin);
        QVERIFY2(!path.isEmpty(), qPrintable(admin.exportMessage()));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll().count('\n'), recorded + 1);
        QCOMPARE(ExportMemo::load(exportDir).checkIns, recorded);
    }
};

QTEST_GUILESS_MAIN(TestExportFullDisk)
#include "tst_exportfulldisk.moc"
