// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HybridClock.h"

#include <algorithm>

namespace checkin {

QString Hlc::toString() const
{
    return QString::number(ms) + QLatin1Char('.') + QString::number(counter);
}

std::optional<Hlc> Hlc::parse(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    if (dot <= 0 || dot == text.size() - 1)
        return std::nullopt;
    bool okMs = false;
    bool okCounter = false;
    const qint64 ms = text.left(dot).toLongLong(&okMs);
    const uint counter = text.mid(dot + 1).toUInt(&okCounter);
    if (!okMs || !okCounter || ms < 0 || ms > MaxMs || counter > 0xffff)
        return std::nullopt;
    return Hlc{ms, quint16(counter)};
}

HybridClock::HybridClock(const WallClock *wall, Hlc last)
    : m_wall(wall)
    , m_last(last)
{}

static Hlc advancePast(Hlc last, qint64 wallMs)
{
    wallMs = std::clamp<qint64>(wallMs, 0, Hlc::MaxMs);
    if (wallMs > last.ms)
        return {wallMs, 0};
    if (last.counter == 0xffff)
        return {last.ms + 1, 0};
    return {last.ms, quint16(last.counter + 1)};
}

Hlc HybridClock::now()
{
    m_last = advancePast(m_last, m_wall->nowMs());
    return m_last;
}

HybridClock::Observation HybridClock::clamp(Hlc remote, qint64 wallMs)
{
    if (remote.ms > wallMs + MaxFutureMs)
        return {Hlc{std::clamp<qint64>(wallMs, 0, Hlc::MaxMs), remote.counter}, true};
    return {remote, false};
}

HybridClock::Observation HybridClock::observe(Hlc remote)
{
    const qint64 wall = m_wall->nowMs();
    const Observation seen = clamp(remote, wall);
    const Hlc merged = std::max(m_last, seen.hlc);
    m_last = advancePast(merged, wall);
    return seen;
}

} // namespace checkin
