// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Hybrid logical clock: monotonic, merges remote time, clamps and flags clocks far in the future.
#include "HybridClock.h"

#include <QTest>

using namespace checkin;

class TestHybridClock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheWallClock()
    {
        ManualClock wall(1'000'000);
        HybridClock clock(&wall);
        QCOMPARE(clock.now(), (Hlc{1'000'000, 0}));
        wall.advance(5);
        QCOMPARE(clock.now(), (Hlc{1'000'005, 0}));
    }

    void countsWhenTheWallClockStandsStillOrGoesBack()
    {
        ManualClock wall(1'000'000);
        HybridClock clock(&wall);
        const Hlc a = clock.now();
        const Hlc b = clock.now();
        wall.set(900'000); // the clock was set back
        const Hlc c = clock.now();
        QVERIFY(a < b);
        QVERIFY(b < c);
        QCOMPARE(c.ms, 1'000'000);
        QCOMPARE(c.counter, 2);
    }

    void counterOverflowMovesToTheNextMillisecond()
    {
        ManualClock wall(1'000);
        HybridClock clock(&wall, Hlc{1'000, 0xffff});
        QCOMPARE(clock.now(), (Hlc{1'001, 0}));
    }

    void restartsAfterItsLastTimestamp()
    {
        ManualClock wall(500);
        HybridClock clock(&wall, Hlc{2'000, 7}); // restored from the store
        QCOMPARE(clock.now(), (Hlc{2'000, 8}));
    }

    void observeMovesPastARemoteTimestamp()
    {
        ManualClock wall(1'000'000);
        HybridClock clock(&wall);
        const auto seen = clock.observe(Hlc{1'000'100, 3}); // a little ahead: fine
        QVERIFY(!seen.clamped);
        QCOMPARE(seen.hlc, (Hlc{1'000'100, 3}));
        QVERIFY(clock.now() > (Hlc{1'000'100, 3}));
    }

    void clampsAndFlagsAClockFarInTheFuture()
    {
        ManualClock wall(1'000'000);
        HybridClock clock(&wall);
        const qint64 hoursAhead = 1'000'000 + 3 * 3600 * 1000;
        const auto seen = clock.observe(Hlc{hoursAhead, 1});
        QVERIFY(seen.clamped);
        QCOMPARE(seen.hlc.ms, 1'000'000);
        QVERIFY(clock.now().ms < hoursAhead); // not poisoned
        // Exactly at the limit is still believed.
        const auto edge = HybridClock::clamp(Hlc{1'000'000 + HybridClock::MaxFutureMs, 0}, 1'000'000);
        QVERIFY(!edge.clamped);
    }

    void textRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("1780000000000.12") << true;
        QTest::newRow("zero counter") << QStringLiteral("5.0") << true;
        QTest::newRow("no dot") << QStringLiteral("1780000000000") << false;
        QTest::newRow("counter too big") << QStringLiteral("1.65536") << false;
        QTest::newRow("negative") << QStringLiteral("-1.0") << false;
        QTest::newRow("garbage") << QStringLiteral("abc.def") << false;
        QTest::newRow("empty counter") << QStringLiteral("12.") << false;
        QTest::newRow("beyond 48 bits") << QStringLiteral("281474976710656.0") << false;
    }

    void textRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const auto parsed = Hlc::parse(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(parsed->toString(), text);
    }

    void packedOrderEqualsHlcOrder()
    {
        const Hlc a{1000, 65535};
        const Hlc b{1001, 0};
        QVERIFY(a < b);
        QVERIFY(a.packed() < b.packed());
        QCOMPARE(Hlc::fromPacked(a.packed()), a);
    }
};

QTEST_GUILESS_MAIN(TestHybridClock)
#include "tst_hybridclock.moc"
