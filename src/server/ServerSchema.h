// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace checkin {

// The server's schema on SQLite and PostgreSQL as numbered steps, the same numbers on both. Each
// step runs in one transaction; on PostgreSQL under a lock timeout (a migration never queues live
// requests behind it: it fails and is retried at the next start) and an advisory lock (several
// server processes starting at once migrate one at a time).
class ServerSchema
{
public:
    struct Step
    {
        int version;
        const char *description;
        QStringList sqlite;
        QStringList postgres;
        // The SQLite statements are not PostgreSQL's: it runs `postgres` alone (none: it keeps its
        // schema at this step).
        bool sqliteOnly = false;
    };

    static const QList<Step> &steps();
    static int latestVersion();
    static int currentVersion(QSqlDatabase &db, QString *error);
    static bool migrate(QSqlDatabase &db, bool postgres, QString *error, int targetVersion = -1);
};

} // namespace checkin
