// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServerTypes.h"

#include <QHash>
#include <QMutex>
#include <QSet>

namespace checkin {

// What devices report on every request (last seen, queue depth, version, clock), kept in memory so
// that polling costs the database no writes; the server saves what changed at most once a minute.
// Also a per-device rate limit (token bucket). Thread-safe.
class DeviceActivity
{
public:
    // What a request says about its device; a field it does not carry is -1 or empty.
    struct Report
    {
        int queue = -1;      // X-Kiosk-Queue
        QString version;     // X-Kiosk-Version
        qint64 clockMs = -1; // X-Kiosk-Clock: the device's wall clock when it sent the request
    };

    DeviceActivity(double requestsPerSecond, int burst);

    // Records a request; false when the device sends too often (429), with the seconds to wait.
    bool admit(const QString &deviceId, qint64 nowMs, const Report &report, int *retryAfter);
    // The entries changed since the last call (to be saved).
    QList<DeviceInfo> takeDirty();
    // Overlays what is known in memory on devices read from the database.
    void overlay(QList<DeviceInfo> *devices) const;

    // A queue "keeps growing" when the reports of the last few minutes span at least this long and
    // never went down, and the last is higher than the first.
    static constexpr qint64 GrowthWindowMs = 3 * 60 * 1000;
    static constexpr qint64 GrowthSpanMs = 60 * 1000;

private:
    struct Entry
    {
        qint64 lastSeenMs = 0;
        int queue = 0;
        QString version;
        std::optional<qint64> clockOffsetMs;
        double tokens = 0;
        qint64 refilledAtMs = 0;
        QList<QPair<qint64, int>> queueSamples; // (time, queue) of the last GrowthWindowMs, >= 10 s apart
        bool growing = false;
    };
    static void sampleQueue(Entry *e, qint64 nowMs);

    double m_rate;
    int m_burst;
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    QSet<QString> m_dirty;
};

} // namespace checkin
