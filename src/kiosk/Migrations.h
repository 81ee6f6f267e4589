// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace checkin {

// The local store's schema as an ordered list of numbered steps. Each step runs in its own
// transaction together with the new PRAGMA user_version, so a crash or a full disk in the middle
// of an upgrade leaves the database at the previous version, never half-migrated.
class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    struct Step
    {
        int version;
        const char *description;
        QStringList statements;
    };

    static const QList<Step> &steps();
    static int latestVersion();

    // Upgrades `db` to `targetVersion` (default: the latest). Fails with a message a person can act
    // on when the database is newer than this program or a step fails.
    static bool migrate(QSqlDatabase &db, QString *error, int targetVersion = -1);
    static int currentVersion(QSqlDatabase &db);
};

} // namespace checkin
