// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StatusModel: the status bar's connection, queue, last sync and counts, kept current.
#include "CheckInDesk.h"
#include "StatusModel.h"
#include "StoreFixture.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"

#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::StatusModel;

class TestStatusModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ago_data()
    {
        QTest::addColumn<qint64>("elapsedMs");
        QTest::addColumn<QString>("text");
        QTest::newRow("just now") << qint64(3000) << QStringLiteral("just now");
        QTest::newRow("seconds") << qint64(42'000) << QStringLiteral("42 s ago");
        QTest::newRow("minutes") << qint64(5 * 60'000 + 10'000) << QStringLiteral("5 min ago");
        QTest::newRow("hours") << qint64(2 * 3600'000) << QStringLiteral("2 h ago");
        QTest::newRow("hours and minutes")
            << qint64(2 * 3600'000 + 10 * 60'000) << QStringLiteral("2 h 10 min ago");
        QTest::newRow("clock went back") << qint64(-5000) << QStringLiteral("just now");
    }
    void ago()
    {
        QFETCH(qint64, elapsedMs);
        QFETCH(QString, text);
        const qint64 then = 1'780'000'000'000;
        QCOMPARE(StatusModel::ago(then + elapsedMs, then), text);
        QCOMPARE(StatusModel::ago(then, 0), QStringLiteral("never"));
    }

    void until()
    {
        const qint64 now = 1'780'000'000'000;
        QCOMPARE(StatusModel::until(now, now - 5000), QStringLiteral("now"));
        QCOMPARE(StatusModel::until(now, now + 11'200), QStringLiteral("in 12 s"));
        QCOMPARE(StatusModel::until(now, now + 150'000), QStringLiteral("in 3 min"));
    }

    void countsFollowCheckIns()
    {
        StoreFixture f;
        QVERIFY(f.open());
        QVERIFY(await(f.store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        QVERIFY(!engine.load()); // never enrolled
        StatusModel status(f.store.get(), &engine, &f.clock);
        // The counts arrive asynchronously; a signal may come before a wait() would start.
        QTRY_COMPARE_WITH_TIMEOUT(status.total(), 5, 20000); // six people, one ticket cancelled
        QCOMPARE(status.checkedIn(), 0);
        QCOMPARE(status.eventName(), QStringLiteral("Konferenz"));
        QCOMPARE(status.connection(), ui::StatusModel::Connection::Offline);
        QCOMPARE(status.reason(), QStringLiteral("not enrolled"));
        QCOMPARE(status.lastSync(), QStringLiteral("never"));

        CheckInDesk desk(f.store.get());
        QCOMPARE(await(desk.scan(QStringLiteral("CODE-ANNA"))).verdict, Verdict::Admitted);
        QTRY_COMPARE_WITH_TIMEOUT(status.checkedIn(), 1, 20000);
        QCOMPARE(status.undelivered(), 1);
    }

    void showsTheEnginesState()
    {
        StoreFixture f;
        QVERIFY(f.open());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        StatusModel status(f.store.get(), &engine, &f.clock);
        QSignalSpy sync(&status, &StatusModel::syncChanged);
        QSignalSpy last(&status, &StatusModel::lastSyncChanged);
        SyncEngine::Status s;
        s.connection = SyncEngine::Connection::Offline;
        s.problem = SyncEngine::Problem::Unreachable;
        s.reason = QStringLiteral("server unreachable");
        s.undelivered = 7;
        s.lastSyncMs = f.clock.nowMs() - 120'000;
        status.showSync(s);
        QCOMPARE(sync.size(), 1);
        QCOMPARE(last.size(), 1);
        QCOMPARE(status.reason(), QStringLiteral("server unreachable"));
        QCOMPARE(status.undelivered(), 7);
        QCOMPARE(status.lastSync(), QStringLiteral("2 min ago"));
        s.connection = SyncEngine::Connection::Syncing;
        status.showSync(s);
        QCOMPARE(status.connection(), ui::StatusModel::Connection::Syncing);
        QCOMPARE(last.size(), 1); // the last sync did not move
    }
};

QTEST_GUILESS_MAIN(TestStatusModel)
#include "tst_statusmodel.moc"
