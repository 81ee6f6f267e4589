// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServerTypes.h"

#include <QHash>
#include <QMutex>

#include <memory>

class QThreadPool;

namespace checkin {

class ServerStore;
class WallClock;

// The live door view's counts, shared by every console that looks. While an event is being looked
// at, its counts are read again about once a second on the pool (refreshWatched(), from a timer) if
// anything was written since (or every MaxAgeMs, to be safe), however many consoles poll; a look
// answers at once from the last counts read. Only the first look at an event waits for a read.
// Reading writes nothing. Thread-safe.
class LiveView
{
public:
    static constexpr qint64 RefreshMs = 1000; // counts are at most this old plus one read
    static constexpr qint64 MaxAgeMs = 10'000;
    static constexpr qint64 WatchMs = 15'000; // an event is watched this long after its last look

    LiveView(ServerStore *store, const WallClock *clock, QThreadPool *pool);

    struct Snapshot
    {
        std::shared_ptr<const LiveCounts> counts;
        qint64 readAtMs = 0;
    };
    Result<Snapshot> counts(const QString &eventId);
    // Has the counts of every watched event read again (call every RefreshMs); forgets the others.
    void refreshWatched();

private:
    struct Entry
    {
        Snapshot snapshot;
        qint64 mark = -1; // the store's feed mark when the counts were read
        qint64 checkedAtMs = 0;
        qint64 lookedAtMs = 0;
        bool refreshing = false;
    };
    // Reads the counts again unless nothing was written since `knownMark`; under no lock.
    Result<Snapshot> read(const QString &eventId, qint64 knownMark, qint64 *mark);
    void refresh(const QString &eventId);

    ServerStore *m_store;
    const WallClock *m_clock;
    QThreadPool *m_pool;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace checkin
