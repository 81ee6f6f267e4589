// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Full disk: on a real, small file system (tmpfs) filled to the last byte, a check-in fails with
// a clear error, nothing recorded before is lost, and check-ins work again when space returns.
// Needs root to mount the tmpfs (CI runs as root); elsewhere the test is skipped and says so.
#include "CheckInDesk.h"
#include "KioskDatabase.h"
#include "LocalStore.h"
#include "SmallDisk.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace checkin;
using namespace checkin::test;

class TestFullDisk : public QObject
{
    Q_OBJECT

    SmallDisk m_disk{3}; // MiB

private Q_SLOTS:
    void initTestCase()
    {
        const QString why = m_disk.mount();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
    }

    void checkInFailsCleanlyAndRecovers()
    {
        const QString dataDir = m_disk.filePath(QStringLiteral("kiosk"));
        const QString fillerPath = m_disk.filePath(QStringLiteral("filler.bin"));
        ManualClock clock;
        QStringList recorded;
        {
            LocalStore store(dataDir, &clock);
            QVERIFY(await(store.open()).ok());
            QList<AttendeeCsv::Row> rows;
            for (int i = 0; i < 400; ++i) {
                AttendeeCsv::Row r;
                r.row = i + 2;
                r.firstName = QStringLiteral("Voll");
                r.lastName = QStringLiteral("Platte %1").arg(i);
                r.ticketCode = QStringLiteral("DISK-%1").arg(i);
                rows << r;
            }
            QVERIFY(await(store.importAttendees(rows, QStringLiteral("Full disk"))).error.isEmpty());
            CheckInDesk desk(&store);
            for (int i = 0; i < 5; ++i)
                recorded << await(desk.scan(QStringLiteral("DISK-%1").arg(i))).checkInId;

            QVERIFY(SmallDisk::fill(fillerPath) > 0);
            // Check in until the database has to grow and cannot. (The write-ahead log may have room
            // left in pages it already owns: those check-ins are durable and must count.)
            QString error;
            int next = 5;
            for (; next < 400 && error.isEmpty(); ++next) {
                clock.advance(1000);
                const ScanOutcome o = await(desk.scan(QStringLiteral("DISK-%1").arg(next)));
                if (o.error.isEmpty()) {
                    QVERIFY(o.recorded);
                    recorded << o.checkInId;
                } else {
                    error = o.error;
                    QVERIFY(!o.recorded);
                    QVERIFY(o.checkInId.isEmpty());
                }
            }
            QVERIFY2(!error.isEmpty(), "the disk never filled up");
            qInfo("after %lld check-ins: %s", qlonglong(recorded.size()), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("disk is full")), qPrintable(error));
            QVERIFY(error.contains(QLatin1String("nothing was recorded")));
            // It keeps failing cleanly while the disk is full, and reading still works.
            QVERIFY(!await(desk.scan(QStringLiteral("DISK-399"))).error.isEmpty());
            const StoreStats full = await(store.stats());
            QVERIFY2(full.error.isEmpty(), qPrintable(full.error));
            QCOMPARE(full.checkIns, recorded.size());

            // Space returns: the same store carries on.
            QVERIFY(QFile::remove(fillerPath));
            const ScanOutcome again = await(desk.scan(QStringLiteral("DISK-399")));
            QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
            QCOMPARE(again.verdict, Verdict::Admitted);
            recorded << again.checkInId;
        }
        // Nothing recorded is lost, and the database is intact.
        LocalStore reopened(dataDir, &clock);
        QVERIFY(await(reopened.open()).ok());
        const LocalStore::Log log = await(reopened.checkInLog());
        QStringList ids;
        for (const CheckInRecord &r : log.checkIns)
            ids << r.checkIn.id;
        ids.sort();
        recorded.sort();
        QCOMPARE(ids, recorded);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        useKioskDatabase(db, reopened.databasePath());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
