// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LiveView.h"

#include "ServerStore.h"
#include "WallClock.h"

#include <QThreadPool>

namespace checkin {

LiveView::LiveView(ServerStore *store, const WallClock *clock, QThreadPool *pool)
    : m_store(store)
    , m_clock(clock)
    , m_pool(pool)
{}

Result<LiveView::Snapshot> LiveView::counts(const QString &eventId)
{
    const qint64 now = m_clock->nowMs();
    {
        QMutexLocker lock(&m_mutex);
        Entry &e = m_entries[eventId];
        e.lookedAtMs = now;
        if (e.snapshot.counts && now - e.checkedAtMs < MaxAgeMs)
            return {{e.snapshot.counts, e.checkedAtMs}, {}};
    }
    // None yet, or not refreshed for long: this look waits for a read.
    qint64 mark = -1;
    const Result<Snapshot> fresh = read(eventId, -1, &mark);
    if (!fresh.ok())
        return fresh;
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[eventId];
    if (fresh.value.readAtMs >= e.snapshot.readAtMs) {
        e.snapshot = fresh.value;
        e.mark = mark;
        e.checkedAtMs = fresh.value.readAtMs;
    }
    return fresh;
}

void LiveView::refreshWatched()
{
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        Entry &e = it.value();
        if (now - e.lookedAtMs >= WatchMs && !e.refreshing) {
            it = m_entries.erase(it); // nobody looks: forget the counts
            continue;
        }
        if (e.snapshot.counts && !e.refreshing) {
            e.refreshing = true;
            m_pool->start([this, eventId = it.key()] { refresh(eventId); });
        }
        ++it;
    }
}

Result<LiveView::Snapshot> LiveView::read(const QString &eventId, qint64 knownMark, qint64 *mark)
{
    // The mark first: a write that lands while the counts are read moves it again.
    const Result<qint64> m = m_store->feedMark();
    if (!m.ok())
        return {{}, m.error};
    *mark = m.value;
    const qint64 at = m_clock->nowMs();
    if (m.value == knownMark)
        return {{nullptr, at}, {}};
    Result<LiveCounts> c = m_store->liveCounts(eventId);
    if (!c.ok())
        return {{}, c.error};
    return {{std::make_shared<const LiveCounts>(std::move(c.value)), at}, {}};
}

void LiveView::refresh(const QString &eventId)
{
    qint64 knownMark = -1;
    {
        QMutexLocker lock(&m_mutex);
        const Entry &e = m_entries[eventId];
        // Unchanged counts are trusted for MaxAgeMs; then they are read again whatever the mark says
        // (on PostgreSQL a number is taken before its transaction commits).
        if (m_clock->nowMs() - e.snapshot.readAtMs < MaxAgeMs)
            knownMark = e.mark;
    }
    qint64 mark = -1;
    const Result<Snapshot> fresh = read(eventId, knownMark, &mark);
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[eventId];
    e.refreshing = false;
    if (!fresh.ok())
        return; // the next look tries again; it shows the last counts meanwhile
    e.checkedAtMs = fresh.value.readAtMs;
    if (fresh.value.counts) {
        e.snapshot = fresh.value;
        e.mark = mark;
    }
}

} // namespace checkin
