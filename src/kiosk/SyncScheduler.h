// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QObject>

#include <functional>
#include <map>
#include <memory>

class QTimer;

namespace checkin {

// Time, timers and randomness for the sync engine, injected so that backoff, Retry-After and
// periodic pulls are tested (and simulated) without sleeping.
class SyncScheduler
{
public:
    virtual ~SyncScheduler() = default;
    virtual qint64 nowMs() const = 0;
    // A number in [0, 1) for the backoff's jitter.
    virtual double uniform() = 0;
    // Calls `fire` once, `delayMs` from now (on the caller's thread); an id for cancel().
    virtual int start(qint64 delayMs, std::function<void()> fire) = 0;
    virtual void cancel(int id) = 0;
};

// The real clock, QTimer and the system's random generator.
class SystemScheduler final : public QObject, public SyncScheduler
{
public:
    explicit SystemScheduler(QObject *parent = nullptr);
    ~SystemScheduler() override;
    qint64 nowMs() const override;
    double uniform() override;
    int start(qint64 delayMs, std::function<void()> fire) override;
    void cancel(int id) override;

private:
    QHash<int, QTimer *> m_timers;
    int m_next = 0;
};

// A clock that moves only when told to, and a seeded generator: tests and simulations advance it
// to the next timer when nothing else is going on.
class ManualScheduler final : public SyncScheduler
{
public:
    explicit ManualScheduler(qint64 startMs = 1'780'000'000'000, quint32 seed = 1);
    qint64 nowMs() const override { return m_now; }
    double uniform() override;
    int start(qint64 delayMs, std::function<void()> fire) override;
    void cancel(int id) override;

    void setNow(qint64 ms) { m_now = ms; }
    bool hasPending() const { return !m_pending.empty(); }
    qint64 nextDueMs() const; // the earliest timer's time; -1 when none
    // Moves the clock to the earliest timer (never backwards) and fires every timer due then.
    // False when no timer is pending.
    bool advanceToNext();
    // Moves the clock forward by `ms`, firing the timers that fall due on the way, in order.
    void advance(qint64 ms);

private:
    qint64 m_now;
    quint64 m_state;
    int m_next = 0;
    std::multimap<std::pair<qint64, int>, std::function<void()>> m_pending; // (due, id) -> fire
};

} // namespace checkin
