// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServerTypes.h"

#include <QHash>
#include <QMutex>
#include <QSet>

namespace checkin {

// What devices report on every request (last seen, queue depth, version), kept in memory so that
// polling costs the database no writes; the server saves what changed at most once a minute. Also
// a per-device rate limit (token bucket). Thread-safe.
class DeviceActivity
{
public:
    DeviceActivity(double requestsPerSecond, int burst);

    // Records a request; false when the device sends too often (429), with the seconds to wait.
    bool admit(const QString &deviceId, qint64 nowMs, int queue, const QString &version, int *retryAfter);
    // The entries changed since the last call (to be saved).
    QList<DeviceInfo> takeDirty();
    // Overlays what is known in memory on devices read from the database.
    void overlay(QList<DeviceInfo> *devices) const;

private:
    struct Entry
    {
        qint64 lastSeenMs = 0;
        int queue = 0;
        QString version;
        double tokens = 0;
        qint64 refilledAtMs = 0;
    };
    double m_rate;
    int m_burst;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QSet<QString> m_dirty;
};

} // namespace checkin
