// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeviceActivity.h"

#include <algorithm>
#include <cmath>

namespace checkin {

DeviceActivity::DeviceActivity(double requestsPerSecond, int burst)
    : m_rate(requestsPerSecond)
    , m_burst(burst)
{}

bool DeviceActivity::admit(const QString &deviceId, qint64 nowMs, int queue, const QString &version,
                           int *retryAfter)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(deviceId);
    if (it == m_entries.end())
        it = m_entries.insert(deviceId, Entry{0, 0, {}, double(m_burst), nowMs});
    Entry &e = *it;
    e.tokens = std::min(double(m_burst), e.tokens + double(nowMs - e.refilledAtMs) * m_rate / 1000.0);
    e.refilledAtMs = nowMs;
    e.lastSeenMs = nowMs;
    if (queue >= 0)
        e.queue = queue;
    if (!version.isEmpty())
        e.version = version;
    m_dirty.insert(deviceId);
    if (e.tokens < 1.0) {
        *retryAfter = std::max(1, int(std::ceil((1.0 - e.tokens) / m_rate)));
        return false;
    }
    e.tokens -= 1.0;
    return true;
}

QList<DeviceInfo> DeviceActivity::takeDirty()
{
    QMutexLocker lock(&m_mutex);
    QList<DeviceInfo> out;
    for (const QString &id : std::as_const(m_dirty)) {
        const Entry &e = m_entries[id];
        DeviceInfo d;
        d.id = id;
        d.lastSeenMs = e.lastSeenMs;
        d.queue = e.queue;
        d.version = e.version;
        out << d;
    }
    m_dirty.clear();
    return out;
}

void DeviceActivity::overlay(QList<DeviceInfo> *devices) const
{
    QMutexLocker lock(&m_mutex);
    for (DeviceInfo &d : *devices) {
        const auto it = m_entries.constFind(d.id);
        if (it == m_entries.constEnd() || it->lastSeenMs < d.lastSeenMs)
            continue;
        d.lastSeenMs = it->lastSeenMs;
        d.queue = it->queue;
        if (!it->version.isEmpty())
            d.version = it->version;
    }
}

} // namespace checkin
