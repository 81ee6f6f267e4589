// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServerTypes.h"

#include <QHash>
#include <QMap>

namespace checkin {

// The live view's counts of one event, kept up to date from its change feed: every change is
// applied once (a check-in that changes again takes back what it counted before), so a refresh
// costs what was written since the last one, not what the event holds. The rules are stats()'s:
// entries are accepted or conflicting entries, duplicates are duplicates other than undos,
// undone check-ins count for nothing. Not thread-safe: one reader at a time.
class LiveTally
{
public:
    static constexpr qint64 BucketMs = 5 * 60 * 1000;

    QString cursor; // the feed position after the last change applied

    void apply(const Change &change);
    // The counts, with the event's devices (each with a row) and how many are inside.
    LiveCounts counts(const QList<DeviceInfo> &devices, int inside) const;
    qsizetype size() const { return m_checkIns.size() + m_attendees.size(); }

private:
    struct Mark
    {
        qint32 device = -1;
        qint32 bucket = 0; // five-minute bucket of its device time
        quint8 status = 0;
        quint8 kind = 0;
        bool undone = false;
    };
    struct Person
    {
        bool cancelled = false;
        qint32 walkInDevice = -1; // registered at this device's door (-1: on the list)
    };
    void count(const Mark &mark, int sign);
    void count(const Person &person, int sign);
    qint32 deviceIndex(const QString &deviceId);

    QHash<size_t, Mark> m_checkIns;    // by a 64-bit hash of the check-in id
    QHash<size_t, Person> m_attendees; // by a 64-bit hash of the attendee id
    QHash<QString, qint32> m_deviceIndex;
    QList<QString> m_deviceIds;
    QList<DoorCounts> m_doors;
    QMap<qint32, int> m_arrivals; // bucket -> entries
    EventStats m_totals;          // without inside and devices
};

} // namespace checkin
