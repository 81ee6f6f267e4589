// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync schedule on its own, with the time and the random numbers handed in: backoff with full
// jitter and its cap, the server's Retry-After, rotation across the URLs, and when it gives up.
#include "SyncSchedule.h"

#include <QTest>

using namespace checkin;
using Failure = SyncSchedule::Failure;
using Action = SyncSchedule::Next::Action;

class TestSyncSchedule : public QObject
{
    Q_OBJECT

    static constexpr qint64 Now = 1'780'000'000'000;
    static SyncSchedule schedule(int servers = 1)
    {
        SyncSchedule s({1000, 60'000, 15'000});
        s.setServerCount(servers);
        return s;
    }

private Q_SLOTS:
    void ceilingDoublesUpToTheCap()
    {
        const SyncSchedule s = schedule();
        QCOMPARE(s.ceilingMs(0), 1000);
        QCOMPARE(s.ceilingMs(1), 2000);
        QCOMPARE(s.ceilingMs(5), 32'000);
        QCOMPARE(s.ceilingMs(6), 60'000);
        QCOMPARE(s.ceilingMs(100), 60'000); // no overflow however long the outage
    }

    // random(0, ceiling): the whole range, never beyond it.
    void fullJitter()
    {
        SyncSchedule s = schedule();
        qint64 now = Now;
        for (int n = 0; n < 10; ++n) {
            const SyncSchedule::Next next = s.failed(Failure::Other, -1, now, 0.999);
            QCOMPARE(next.action, Action::RetryLater);
            QVERIFY(next.atMs >= now);
            QVERIFY(next.atMs < now + s.ceilingMs(n));
            QVERIFY(next.atMs >= now + s.ceilingMs(n) * 99 / 100);
            QCOMPARE(next.notBeforeMs, 0);
            QCOMPARE(s.failures(), n + 1);
            now = next.atMs;
        }
        QCOMPARE(s.failed(Failure::Other, -1, now, 0.0).atMs, now); // the bottom of the range too
    }

    // Overloaded: the server is up and said when to come back. Retry-After is a floor, the jitter
    // comes on top; its exponent counts only the overloaded answers.
    void overloadedWaitsForRetryAfterPlusJitter()
    {
        SyncSchedule s = schedule();
        s.failed(Failure::NoConnection, -1, Now, 0.5);
        s.failed(Failure::NoConnection, -1, Now, 0.5);
        QCOMPARE(s.failures(), 2);
        SyncSchedule::Next next = s.failed(Failure::Overloaded, 7, Now, 0.5);
        QCOMPARE(next.action, Action::RetryLater);
        QCOMPARE(next.notBeforeMs, Now + 7000);
        QCOMPARE(next.atMs, Now + 7000 + 500); // n = 0 for the first overload: ceiling 1000
        next = s.failed(Failure::Overloaded, 7, Now, 0.5);
        QCOMPARE(next.atMs, Now + 7000 + 1000); // n = 1
        QCOMPARE(s.notBeforeMs(), Now + 7000);
    }

    // Turned away again and again: the jitter on top of Retry-After stops growing at 10 s (it grew to
    // the minute of an outage, and kiosks that had been shed a few times sat idle while the server
    // had room: the fleet's drain stalled for 20 s at a time).
    void overloadJitterStaysWithinSeconds()
    {
        SyncSchedule s = schedule();
        for (int n = 0; n < 12; ++n) {
            const SyncSchedule::Next next = s.failed(Failure::Overloaded, 2, Now, 0.999);
            QVERIFY2(next.atMs < Now + 2000 + 10'000, qPrintable(QString::number(next.atMs - Now)));
            QVERIFY(next.atMs >= Now + 2000 + std::min<qint64>(s.ceilingMs(n), 10'000) * 99 / 100);
        }
        QCOMPARE(s.failures(), 12);
    }

    // The server answered (if only "overloaded"): it is up, and the outage's backoff is over. A
    // connection that fails next waits up to a second, not the minute the outage had grown to.
    void anAnswerEndsTheOutagesBackoff()
    {
        SyncSchedule s = schedule();
        for (int n = 0; n < 8; ++n)
            s.failed(Failure::NoConnection, -1, Now, 0.5);
        QCOMPARE(s.failed(Failure::NoConnection, -1, Now, 0.999).atMs, Now + 59'940); // at the cap
        s.failed(Failure::Overloaded, 2, Now, 0.5);
        SyncSchedule::Next next = s.failed(Failure::NoConnection, -1, Now, 0.999);
        QVERIFY2(next.atMs < Now + 1000, qPrintable(QString::number(next.atMs - Now)));
        next = s.failed(Failure::NoConnection, -1, Now, 0.999);
        QVERIFY(next.atMs < Now + 2000); // and grows again from there
        QCOMPARE(s.failures(), 12);      // the status still counts every failed cycle
    }

    // The network came back (or a person asked): a failure right after backs off from 1 s, not
    // from the outage's minute; the failures are still counted, and a Retry-After still binds.
    void aCueStartsTheBackoffOver()
    {
        SyncSchedule s = schedule();
        for (int n = 0; n < 8; ++n)
            s.failed(Failure::NoConnection, -1, Now, 0.5);
        s.startOver();
        SyncSchedule::Next next = s.failed(Failure::NoConnection, -1, Now, 0.999);
        QVERIFY2(next.atMs < Now + 1000, qPrintable(QString::number(next.atMs - Now)));
        QCOMPARE(s.failures(), 9);
        s.failed(Failure::Overloaded, 5, Now, 0.5);
        s.startOver();
        QCOMPARE(s.notBeforeMs(), Now + 5000);
    }

    // Any other failure with a Retry-After: the later of the two.
    void retryAfterIsAFloorForOtherFailures()
    {
        SyncSchedule s = schedule();
        const SyncSchedule::Next next = s.failed(Failure::Other, 30, Now, 0.5);
        QCOMPARE(next.atMs, Now + 30'000);
        QCOMPARE(next.notBeforeMs, Now + 30'000);
        s.succeeded();
        QCOMPARE(s.notBeforeMs(), 0);
        QCOMPARE(s.failures(), 0);
    }

    // Three URLs: the next one at once while one has not been tried, then the backoff, and the next
    // round starts with the URL after the last one tried.
    void rotatesAcrossTheUrls()
    {
        SyncSchedule s = schedule(3);
        QCOMPARE(s.serverIndex(), 0);
        SyncSchedule::Next next = s.failed(Failure::NoConnection, -1, Now, 0.5);
        QCOMPARE(next.action, Action::TryNextServerNow);
        QCOMPARE(s.serverIndex(), 1);
        next = s.failed(Failure::NoConnection, -1, Now, 0.5);
        QCOMPARE(next.action, Action::TryNextServerNow);
        QCOMPARE(s.serverIndex(), 2);
        QCOMPARE(s.failures(), 0); // not a failed cycle yet: other URLs were left
        next = s.failed(Failure::NoConnection, -1, Now, 0.5);
        QCOMPARE(next.action, Action::RetryLater);
        QCOMPARE(s.serverIndex(), 0);
        QCOMPARE(s.failures(), 1);
        QCOMPARE(next.atMs, Now + 500);
        // The next round tries them all again before backing off further.
        QCOMPARE(s.failed(Failure::NoConnection, -1, Now, 0.5).action, Action::TryNextServerNow);
    }

    // A server that answers (even with an error) is not a reason to try another URL.
    void anAnswerStaysWithTheServer()
    {
        SyncSchedule s = schedule(2);
        QCOMPARE(s.failed(Failure::Other, -1, Now, 0.5).action, Action::RetryLater);
        QCOMPARE(s.serverIndex(), 0);
        QCOMPARE(s.failed(Failure::Overloaded, 5, Now, 0.5).action, Action::RetryLater);
        QCOMPARE(s.serverIndex(), 0);
    }

    void revokedStops()
    {
        SyncSchedule s = schedule(2);
        const SyncSchedule::Next next = s.failed(Failure::Fatal, 10, Now, 0.5);
        QCOMPARE(next.action, Action::Stop);
        QCOMPARE(s.failures(), 0);
    }

    // After a cycle that went through: a pull interval; after a recovery that delivered first, a
    // random point within it.
    void nextCycle()
    {
        const SyncSchedule s = schedule();
        QCOMPARE(s.nextCycleDelayMs(false, 0.3), 15'000);
        QCOMPARE(s.nextCycleDelayMs(true, 0.3), 4500);
        QCOMPARE(s.nextCycleDelayMs(true, 0.0), 0);
    }

    // Enrolled again (new URLs): the first one, and a clean slate.
    void newServersStartOver()
    {
        SyncSchedule s = schedule(2);
        s.failed(Failure::NoConnection, -1, Now, 0.5);
        s.failed(Failure::Overloaded, 9, Now, 0.5);
        s.setServerCount(3);
        QCOMPARE(s.serverIndex(), 0);
        QCOMPARE(s.failures(), 0);
        QCOMPARE(s.notBeforeMs(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncSchedule)
#include "tst_syncschedule.moc"
