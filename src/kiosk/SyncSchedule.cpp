// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncSchedule.h"

#include <algorithm>
#include <cmath>

namespace checkin {

SyncSchedule::SyncSchedule(const Settings &settings)
    : m_settings(settings)
{}

void SyncSchedule::setServerCount(int count)
{
    m_serverCount = std::max(1, count);
    m_serverIndex = 0;
    m_serversTried = 0;
    m_failures = 0;
    m_overloads = 0;
    m_unanswered = 0;
    m_notBeforeMs = 0;
}

qint64 SyncSchedule::ceilingMs(int n) const
{
    const double ceiling = std::min(double(m_settings.backoffCapMs),
                                    double(m_settings.backoffBaseMs) * std::pow(2.0, std::min(n, 30)));
    return qint64(ceiling);
}

SyncSchedule::Next SyncSchedule::failed(Failure failure, int retryAfterS, qint64 nowMs, double uniform)
{
    Next next;
    const bool noConnection = failure == Failure::NoConnection;
    if (noConnection && m_serversTried + 1 < m_serverCount) {
        // Another URL may be up: try it at once; the backoff starts when every one has failed.
        ++m_serversTried;
        m_serverIndex = (m_serverIndex + 1) % m_serverCount;
        next.action = Next::Action::TryNextServerNow;
        next.notBeforeMs = m_notBeforeMs;
        return next;
    }
    m_serversTried = 0;
    if (failure == Failure::Fatal) {
        next.action = Next::Action::Stop;
        return next;
    }
    if (noConnection && m_serverCount > 1)
        m_serverIndex = (m_serverIndex + 1) % m_serverCount; // the next round starts elsewhere
    // Full jitter: random(0, min(cap, base * 2^n)), n the failures in a row. A server that answered
    // "overloaded" is up and has said when to come back: then n counts only those answers, the
    // jitter comes on top of Retry-After (a floor), so that the kiosks it turned away do not all
    // return in the same second, and it stays within seconds (overloadJitterCapMs): a kiosk turned
    // away a few times in a row must not sit out a minute while the server has room again. An
    // answer also ends the outage's backoff: a connection that fails after it starts over from 1 s.
    const bool overloaded = failure == Failure::Overloaded;
    m_overloads = overloaded ? m_overloads + 1 : 0;
    ++m_failures;
    qint64 delay = 0;
    if (overloaded) {
        m_unanswered = 0;
        delay =
            qint64(uniform * double(std::min(ceilingMs(m_overloads - 1), m_settings.overloadJitterCapMs)));
    } else {
        delay = qint64(uniform * double(ceilingMs(m_unanswered++)));
    }
    if (retryAfterS > 0)
        delay = overloaded ? retryAfterS * 1000LL + delay : std::max<qint64>(delay, retryAfterS * 1000LL);
    // The server's Retry-After binds every request; the backoff only the timer (a person's or the
    // network's cue may come sooner).
    m_notBeforeMs = retryAfterS > 0 ? nowMs + retryAfterS * 1000LL : 0;
    next.action = Next::Action::RetryLater;
    next.atMs = nowMs + delay;
    next.notBeforeMs = m_notBeforeMs;
    return next;
}

void SyncSchedule::succeeded()
{
    m_failures = 0;
    m_overloads = 0;
    m_unanswered = 0;
    m_serversTried = 0;
    m_notBeforeMs = 0;
}

void SyncSchedule::startOver()
{
    m_unanswered = 0;
}

qint64 SyncSchedule::nextCycleDelayMs(bool deferredPull, double uniform) const
{
    return deferredPull ? qint64(uniform * double(m_settings.pullIntervalMs)) : m_settings.pullIntervalMs;
}

} // namespace checkin
