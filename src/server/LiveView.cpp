// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LiveView.h"

#include "LiveTally.h"
#include "ServerStore.h"
#include "WallClock.h"

#include <QThreadPool>

namespace checkin {

struct LiveView::Entry
{
    QMutex tallyMutex; // one reader of the feed at a time
    LiveTally tally;
    Snapshot snapshot;
    qint64 lookedAtMs = 0;
    bool refreshing = false;
};

LiveView::LiveView(ServerStore *store, const WallClock *clock, QThreadPool *pool)
    : m_store(store)
    , m_clock(clock)
    , m_pool(pool)
{}

LiveView::~LiveView() = default;

std::shared_ptr<LiveView::Entry> LiveView::entry(const QString &eventId)
{
    QMutexLocker lock(&m_mutex);
    std::shared_ptr<Entry> &e = m_entries[eventId];
    if (!e)
        e = std::make_shared<Entry>();
    e->lookedAtMs = m_clock->nowMs();
    return e;
}

Result<LiveView::Snapshot> LiveView::counts(const QString &eventId)
{
    const std::shared_ptr<Entry> e = entry(eventId);
    {
        QMutexLocker lock(&m_mutex);
        if (e->snapshot.counts)
            return {e->snapshot, {}};
    }
    // The first look: the tally reads the feed from the start (other first looks wait for it).
    QMutexLocker tallyLock(&e->tallyMutex);
    {
        QMutexLocker lock(&m_mutex);
        if (e->snapshot.counts)
            return {e->snapshot, {}};
    }
    return update(eventId, *e, 0);
}

Result<LiveView::Snapshot> LiveView::update(const QString &eventId, Entry &e, int pages)
{
    for (int page = 0; pages == 0 || page < pages; ++page) {
        const Result<ChangePage> read =
            m_store->changes(eventId, e.tally.cursor, 5000, false, ServerStore::FeedColumns::Tally);
        if (!read.ok())
            return {{}, read.error};
        for (const Change &change : read.value.changes)
            e.tally.apply(change);
        e.tally.cursor = read.value.cursor;
        // Held back (older transactions still running): the next refresh reads on.
        if (!read.value.more || read.value.changes.isEmpty())
            break;
    }
    const Result<QList<DeviceInfo>> devices = m_store->devices(eventId);
    if (!devices.ok())
        return {{}, devices.error};
    const Result<int> inside = m_store->insideCount(eventId);
    if (!inside.ok())
        return {{}, inside.error};
    const Snapshot fresh{std::make_shared<const LiveCounts>(e.tally.counts(devices.value, inside.value)),
                         m_clock->nowMs()};
    QMutexLocker lock(&m_mutex);
    e.snapshot = fresh;
    return {fresh, {}};
}

void LiveView::refreshWatched()
{
    const qint64 now = m_clock->nowMs();
    QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        const std::shared_ptr<Entry> e = it.value();
        if (now - e->lookedAtMs >= ForgetMs && !e->refreshing) {
            it = m_entries.erase(it);
            continue;
        }
        // Only what a console looked at lately (a tally behind catches up when looked at again).
        if (e->snapshot.counts && !e->refreshing && now - e->lookedAtMs < WatchMs) {
            e->refreshing = true;
            m_pool->start([this, e, eventId = it.key()] {
                {
                    QMutexLocker tallyLock(&e->tallyMutex);
                    update(eventId, *e, PagesPerRefresh); // on failure the last counts stay
                }
                QMutexLocker done(&m_mutex);
                e->refreshing = false;
            });
        }
        ++it;
    }
}

} // namespace checkin
