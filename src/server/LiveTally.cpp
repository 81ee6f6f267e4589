// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LiveTally.h"

namespace checkin {

namespace {

constexpr size_t HashSeed = 0x6c697665; // any; the same for every key

} // namespace

qint32 LiveTally::deviceIndex(const QString &deviceId)
{
    const auto it = m_deviceIndex.constFind(deviceId);
    if (it != m_deviceIndex.constEnd())
        return *it;
    const qint32 index = qint32(m_deviceIds.size());
    m_deviceIndex.insert(deviceId, index);
    m_deviceIds << deviceId;
    m_doors << DoorCounts{};
    return index;
}

void LiveTally::count(const Mark &m, int sign)
{
    if (m.undone)
        return;
    const auto status = CheckInStatus(m.status);
    const auto kind = CheckInKind(m.kind);
    DoorCounts &door = m_doors[m.device];
    if (kind == CheckInKind::Entry &&
        (status == CheckInStatus::Accepted || status == CheckInStatus::Conflict)) {
        door.entries += sign;
        m_totals.entries += sign;
        if ((m_arrivals[m.bucket] += sign) == 0)
            m_arrivals.remove(m.bucket);
    }
    if (status == CheckInStatus::Duplicate && kind != CheckInKind::Undo) {
        door.duplicates += sign;
        m_totals.duplicates += sign;
    }
    if (status == CheckInStatus::Conflict) {
        door.conflicts += sign;
        m_totals.conflicts += sign;
    }
    if (status == CheckInStatus::Rejected) {
        door.rejected += sign;
        m_totals.rejected += sign;
    }
}

void LiveTally::count(const Person &p, int sign)
{
    m_totals.attendees += sign;
    if (p.cancelled)
        m_totals.cancelled += sign;
    if (p.walkInDevice >= 0) {
        m_totals.walkIns += sign;
        m_doors[p.walkInDevice].walkIns += sign;
    }
}

void LiveTally::apply(const Change &change)
{
    if (change.kind == Change::Print || change.kind == Change::List)
        return; // not counted here (the tally's feed does not read them anyway)
    if (change.kind == Change::Attendee) {
        const Attendee &a = change.attendee;
        const Person now{a.isCancelled(), a.walkInCheckIn.isEmpty() ? -1 : deviceIndex(a.walkInDevice)};
        const size_t key = qHash(a.id, HashSeed);
        const auto before = m_attendees.constFind(key);
        if (before != m_attendees.constEnd())
            count(*before, -1);
        count(now, +1);
        m_attendees.insert(key, now);
        return;
    }
    const CheckIn &c = change.checkIn;
    const Mark now{deviceIndex(c.deviceId), qint32(c.atMs / BucketMs), quint8(change.classification.status),
                   quint8(c.kind), change.classification.undone};
    const size_t key = qHash(c.id, HashSeed);
    const auto before = m_checkIns.constFind(key);
    if (before != m_checkIns.constEnd())
        count(*before, -1);
    count(now, +1);
    m_checkIns.insert(key, now);
}

LiveCounts LiveTally::counts(const QList<DeviceInfo> &devices, int inside) const
{
    LiveCounts live;
    live.totals = m_totals;
    live.totals.inside = inside;
    live.totals.devices = devices;
    for (qsizetype i = 0; i < m_deviceIds.size(); ++i)
        live.doors.insert(m_deviceIds[i], m_doors[i]);
    for (auto it = m_arrivals.constBegin(); it != m_arrivals.constEnd(); ++it)
        live.arrivals << qMakePair(qint64(it.key()) * BucketMs, it.value());
    return live;
}

} // namespace checkin
