// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace checkin {

// Slows down guessing a secret (the console's, an enrolment code): per client address, a few wrong
// tries are free, then each further one locks that address out for twice as long as the last
// (1 s, 2 s, 4 s, ... up to 5 minutes). A right secret clears the address. Across all addresses
// wrong tries are a budget too (a burst, then so many a second), so that many addresses guess no
// faster than one. In memory, per server process. Thread-safe.
class SignInGuard
{
public:
    static constexpr int FreeFailures = 5;
    static constexpr qint64 MaxLockMs = 5 * 60 * 1000;

    explicit SignInGuard(double globalFailuresPerSecond = 2.0, int globalBurst = 100)
        : m_rate(globalFailuresPerSecond)
        , m_burst(globalBurst)
        , m_tokens(globalBurst)
    {}

    // 0 when `address` may try now, else the seconds until it may (for Retry-After).
    int waitSeconds(const QString &address, qint64 nowMs) const;
    void failed(const QString &address, qint64 nowMs);
    void succeeded(const QString &address);

private:
    struct Entry
    {
        int failures = 0;
        qint64 lockedUntilMs = 0;
        qint64 lastMs = 0;
    };
    // The global budget: m_tokens wrong tries left at m_tokensAtMs, refilled at m_rate a second.
    double tokensAt(qint64 nowMs) const;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    double m_rate;
    int m_burst;
    double m_tokens;
    qint64 m_tokensAtMs = 0;
};

} // namespace checkin
