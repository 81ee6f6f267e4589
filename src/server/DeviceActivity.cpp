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

bool DeviceActivity::admit(const QString &deviceId, qint64 nowMs, const Report &report, int *retryAfter)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(deviceId);
    if (it == m_entries.end())
        it = m_entries.insert(deviceId, Entry{.tokens = double(m_burst), .refilledAtMs = nowMs});
    Entry &e = *it;
    e.tokens = std::min(double(m_burst), e.tokens + double(nowMs - e.refilledAtMs) * m_rate / 1000.0);
    e.refilledAtMs = nowMs;
    e.lastSeenMs = nowMs;
    if (report.queue >= 0) {
        e.queue = report.queue;
        sampleQueue(&e, nowMs);
    }
    if (!report.version.isEmpty())
        e.version = report.version;
    // Without the request's time on the way: a LAN's milliseconds do not matter here.
    if (report.clockMs > 0)
        e.clockOffsetMs = report.clockMs - nowMs;
    m_dirty.insert(deviceId);
    if (e.tokens < 1.0) {
        *retryAfter = std::max(1, int(std::ceil((1.0 - e.tokens) / m_rate)));
        return false;
    }
    e.tokens -= 1.0;
    return true;
}

void DeviceActivity::sampleQueue(Entry *e, qint64 nowMs)
{
    QList<QPair<qint64, int>> &samples = e->queueSamples;
    if (!samples.isEmpty() && nowMs - samples.constLast().first < 10'000)
        samples.last().second = std::max(samples.last().second, e->queue);
    else
        samples.append({nowMs, e->queue});
    samples.removeIf([nowMs](const QPair<qint64, int> &s) { return nowMs - s.first > GrowthWindowMs; });
    bool neverDown = true;
    for (qsizetype i = 1; i < samples.size(); ++i)
        neverDown = neverDown && samples[i].second >= samples[i - 1].second;
    e->growing = neverDown && samples.size() >= 2 &&
                 samples.constLast().first - samples.constFirst().first >= GrowthSpanMs &&
                 samples.constLast().second > samples.constFirst().second;
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
        d.clockOffsetMs = e.clockOffsetMs;
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
        d.queueGrowing = it->growing;
        if (!it->version.isEmpty())
            d.version = it->version;
        if (it->clockOffsetMs)
            d.clockOffsetMs = it->clockOffsetMs;
    }
}

} // namespace checkin
