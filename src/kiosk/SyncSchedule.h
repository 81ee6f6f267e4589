// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

namespace checkin {

// When the sync engine tries again, and where: exponential backoff with full jitter after failed
// cycles, the server's Retry-After, and rotation across the configured server URLs. No clock and
// no network of its own: the engine hands in the time and a random number, and does what the
// answer says. Gentle with a recovering cluster (docs/sync.md, "When it fails").
class SyncSchedule
{
public:
    struct Settings
    {
        qint64 backoffBaseMs = 1000;
        qint64 backoffCapMs = 60'000;
        qint64 pullIntervalMs = 15'000;
        // The jitter on top of an "overloaded" answer's Retry-After grows with each such answer in
        // a row, up to this: the server is up and has room again within seconds, not a minute.
        qint64 overloadJitterCapMs = 10'000;
    };

    // How a cycle failed, as far as the schedule cares.
    enum class Failure {
        NoConnection, // nothing answered (refused, timed out, a proxy without its server)
        Overloaded,   // 503/429: the server is up and said when to come back
        Fatal,        // revoked or not enrolled: nothing to retry until a person acts
        Other         // it answered, but not as it should (a 500, a page it cannot read, the disk)
    };

    // What to do after a failure.
    struct Next
    {
        enum class Action {
            TryNextServerNow, // another URL may be up: a cycle with it at once
            RetryLater,       // a cycle at `atMs` (serverIndex() may have moved on)
            Stop              // no more cycles until a person acts
        };
        Action action = Action::RetryLater;
        qint64 atMs = 0;        // RetryLater: when the timer fires
        qint64 notBeforeMs = 0; // no request before this (the server's Retry-After); 0: none
    };

    explicit SyncSchedule(const Settings &settings);

    // A new list of servers (enrolled, or again): the first one, and no failures.
    void setServerCount(int count);
    int serverIndex() const { return m_serverIndex; }
    int failures() const { return m_failures; }
    // No request before this (the server's Retry-After of the last failure); 0 when none.
    qint64 notBeforeMs() const { return m_notBeforeMs; }

    // A cycle failed at `nowMs`; `retryAfterS` is the server's Retry-After (<= 0: none), `uniform`
    // a number in [0, 1) for the jitter.
    Next failed(Failure failure, int retryAfterS, qint64 nowMs, double uniform);
    // A cycle went through: no backoff, no floor, the same server.
    void succeeded();
    // Conditions changed (the network came back, a person asked for a sync): the next connection
    // failure backs off from the start again, not from the outage's count. Retry-After still binds.
    void startOver();
    // When the next cycle comes after one that went through: a pull interval later; after a
    // recovery that delivered first (`deferredPull`), at a random point within the interval so
    // that the kiosks of a fleet spread their pulls.
    qint64 nextCycleDelayMs(bool deferredPull, double uniform) const;

    // The ceiling of the jitter after `n` failures in a row: min(cap, base * 2^n).
    qint64 ceilingMs(int n) const;

private:
    Settings m_settings;
    int m_serverCount = 1;
    int m_serverIndex = 0;
    int m_serversTried = 0; // URLs that failed to connect since the last answer
    int m_failures = 0;     // failed cycles in a row
    int m_overloads = 0;    // "overloaded" answers in a row
    int m_unanswered = 0;   // other failures since the server last answered at all (the exponent)
    qint64 m_notBeforeMs = 0;
};

} // namespace checkin
