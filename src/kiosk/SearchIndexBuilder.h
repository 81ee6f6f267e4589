// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SearchIndex.h"

#include <QFuture>
#include <QString>

#include <memory>

namespace checkin {

// Builds the search index of an event away from the store's thread, on a connection of its own
// (the database is in WAL mode: reading does not hold up the check-ins being written meanwhile),
// so that a kiosk's first search after start is as fast as the others and its first scan does not
// wait for the index.
class SearchIndexBuilder
{
public:
    struct Result
    {
        std::shared_ptr<SearchIndex> index; // null when it failed
        QString eventId;
        quint64 generation = 0; // the store's count of attendee changes when the build began
        QString error;
    };

    // Starts the build on the global thread pool.
    static QFuture<Result> start(const QString &databasePath, const QString &eventId, quint64 generation);
    // The build itself, on the calling thread.
    static Result build(const QString &databasePath, const QString &eventId, quint64 generation);
};

} // namespace checkin
