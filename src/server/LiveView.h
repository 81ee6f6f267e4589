// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServerTypes.h"

#include <QHash>
#include <QMutex>

#include <memory>

class QThreadPool;

namespace checkin {

class LiveTally;
class ServerStore;
class WallClock;

// The live door view's counts, shared by every console that looks. Each watched event has a
// LiveTally that follows its change feed: about once a second (refreshWatched(), from a timer)
// it applies what was written since, on the pool, and makes new counts; a look answers at once
// with the last counts made. Only the first look at an event waits, while its tally reads the
// feed from the start. Reading writes nothing. Thread-safe.
class LiveView
{
public:
    static constexpr qint64 RefreshMs = 1000;
    // A tally nobody looked at for this long is dropped (and read again from the start if needed).
    static constexpr qint64 ForgetMs = 10 * 60 * 1000;
    // An event is refreshed while a console looked at it within this long.
    static constexpr qint64 WatchMs = 15'000;
    // A refresh applies at most this many pages of 5,000 changes; the rest waits for the next one.
    static constexpr int PagesPerRefresh = 20;

    LiveView(ServerStore *store, const WallClock *clock, QThreadPool *pool);
    ~LiveView();

    struct Snapshot
    {
        std::shared_ptr<const LiveCounts> counts;
        qint64 readAtMs = 0; // the feed was read up to this moment
    };
    Result<Snapshot> counts(const QString &eventId);
    // Has every watched event's tally catch up (call every RefreshMs); forgets the others.
    void refreshWatched();

private:
    struct Entry;
    // Applies the changes since the tally's cursor (at most `pages` pages; 0: all) and makes new
    // counts; runs with the entry's tally mutex held.
    Result<Snapshot> update(const QString &eventId, Entry &entry, int pages);
    std::shared_ptr<Entry> entry(const QString &eventId);

    ServerStore *m_store;
    const WallClock *m_clock;
    QThreadPool *m_pool;
    QMutex m_mutex; // guards m_entries and each entry's snapshot, look time and refreshing flag
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace checkin
