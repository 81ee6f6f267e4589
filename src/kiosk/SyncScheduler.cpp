// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncScheduler.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

namespace checkin {

SystemScheduler::SystemScheduler(QObject *parent)
    : QObject(parent)
{}

SystemScheduler::~SystemScheduler()
{
    qDeleteAll(m_timers);
}

qint64 SystemScheduler::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

double SystemScheduler::uniform()
{
    return QRandomGenerator::global()->generateDouble();
}

int SystemScheduler::start(qint64 delayMs, std::function<void()> fire)
{
    const int id = ++m_next;
    auto *timer = new QTimer;
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id, fire = std::move(fire)] {
        if (QTimer *t = m_timers.take(id))
            t->deleteLater();
        fire();
    });
    m_timers.insert(id, timer);
    timer->start(int(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
    return id;
}

void SystemScheduler::cancel(int id)
{
    if (QTimer *t = m_timers.take(id)) {
        t->stop();
        t->deleteLater();
    }
}

ManualScheduler::ManualScheduler(qint64 startMs, quint32 seed)
    : m_now(startMs)
    , m_state(0x9E3779B97F4A7C15ull ^ seed)
{}

double ManualScheduler::uniform()
{
    // splitmix64: small, seeded, the same sequence on every platform.
    quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) * (1.0 / 9007199254740992.0);
}

int ManualScheduler::start(qint64 delayMs, std::function<void()> fire)
{
    const int id = ++m_next;
    m_pending.emplace(std::make_pair(m_now + std::max<qint64>(0, delayMs), id), std::move(fire));
    return id;
}

void ManualScheduler::cancel(int id)
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        if (it->first.second == id) {
            m_pending.erase(it);
            return;
        }
    }
}

qint64 ManualScheduler::nextDueMs() const
{
    return m_pending.empty() ? -1 : m_pending.begin()->first.first;
}

bool ManualScheduler::advanceToNext()
{
    if (m_pending.empty())
        return false;
    const qint64 due = m_pending.begin()->first.first;
    m_now = std::max(m_now, due);
    while (!m_pending.empty() && m_pending.begin()->first.first <= m_now) {
        auto fire = std::move(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
        fire();
    }
    return true;
}

void ManualScheduler::advance(qint64 ms)
{
    const qint64 until = m_now + ms;
    while (!m_pending.empty() && m_pending.begin()->first.first <= until) {
        m_now = std::max(m_now, m_pending.begin()->first.first);
        auto fire = std::move(m_pending.begin()->second);
        m_pending.erase(m_pending.begin());
        fire();
    }
    m_now = until;
}

} // namespace checkin
