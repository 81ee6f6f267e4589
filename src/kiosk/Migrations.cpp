// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Migrations.h"
#include "KioskLogging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

const QList<Migrations::Step> &Migrations::steps()
{
    static const QList<Step> all = {
        {1,
         "events, attendees, check-in log",
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
             QStringLiteral("CREATE TABLE events ("
                            " id TEXT PRIMARY KEY, name TEXT NOT NULL, salt TEXT NOT NULL,"
                            " starts_at INTEGER NOT NULL DEFAULT 0, ends_at INTEGER NOT NULL DEFAULT 0,"
                            " timezone TEXT NOT NULL DEFAULT '', created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE attendees ("
                            " pk INTEGER PRIMARY KEY, id TEXT NOT NULL, event_id TEXT NOT NULL,"
                            " code_hash BLOB, first_name TEXT NOT NULL DEFAULT '',"
                            " last_name TEXT NOT NULL DEFAULT '', company TEXT NOT NULL DEFAULT '',"
                            " ticket_type TEXT NOT NULL DEFAULT '',"
                            " status INTEGER NOT NULL DEFAULT 0, cancelled_at INTEGER NOT NULL DEFAULT 0,"
                            " updated_at INTEGER NOT NULL DEFAULT 0,"
                            " inside INTEGER NOT NULL DEFAULT 0, inside_since INTEGER NOT NULL DEFAULT 0,"
                            " inside_device TEXT NOT NULL DEFAULT '', entry_id TEXT NOT NULL DEFAULT '',"
                            " UNIQUE (event_id, id))"),
             QStringLiteral("CREATE UNIQUE INDEX attendees_code ON attendees (code_hash)"
                            " WHERE code_hash IS NOT NULL"),
             QStringLiteral(
                 "CREATE TABLE checkins ("
                 " seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,"
                 " attendee_id TEXT NOT NULL DEFAULT '', code_hash BLOB NOT NULL DEFAULT x'',"
                 " kind INTEGER NOT NULL, ref TEXT NOT NULL DEFAULT '', at INTEGER NOT NULL,"
                 " hlc INTEGER NOT NULL, device_id TEXT NOT NULL, forced INTEGER NOT NULL DEFAULT 0,"
                 " note TEXT NOT NULL DEFAULT '', status INTEGER NOT NULL DEFAULT 0,"
                 " reason TEXT NOT NULL DEFAULT '', first TEXT NOT NULL DEFAULT '',"
                 " undone_by TEXT NOT NULL DEFAULT '', delivered INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX checkins_attendee ON checkins (event_id, attendee_id)"),
             QStringLiteral("CREATE INDEX checkins_outbox ON checkins (seq) WHERE delivered = 0"),
         }},
        {2,
         "audit of refused scans, names of other devices",
         {
             QStringLiteral(
                 "CREATE TABLE scan_log ("
                 " seq INTEGER PRIMARY KEY, event_id TEXT NOT NULL, at INTEGER NOT NULL,"
                 " verdict TEXT NOT NULL, kind INTEGER NOT NULL, attendee_id TEXT NOT NULL DEFAULT '',"
                 " code_hash BLOB NOT NULL DEFAULT x'', device_id TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE devices (id TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID"),
             QStringLiteral("CREATE INDEX checkins_status ON checkins (event_id, status) WHERE status <> 0"),
         }},
        {3,
         "walk-ins: the entry that registered an attendee at the door",
         {
             QStringLiteral("ALTER TABLE attendees ADD COLUMN walk_in_checkin TEXT NOT NULL DEFAULT ''"),
         }},
        {4,
         "badges printed: the print log, synced like check-ins",
         {
             QStringLiteral("CREATE TABLE prints ("
                            " seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, event_id TEXT NOT NULL,"
                            " attendee_id TEXT NOT NULL, at INTEGER NOT NULL, device_id TEXT NOT NULL,"
                            " layout TEXT NOT NULL DEFAULT '', delivered INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX prints_attendee ON prints (event_id, attendee_id)"),
             QStringLiteral("CREATE INDEX prints_outbox ON prints (seq) WHERE delivered = 0"),
         }},
        {5,
         "check-in lists: the event's lists and rules, and the list of each check-in",
         {
             QStringLiteral("CREATE TABLE lists ("
                            " event_id TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,"
                            " PRIMARY KEY (event_id, id)) WITHOUT ROWID"),
             QStringLiteral("ALTER TABLE checkins ADD COLUMN list TEXT NOT NULL DEFAULT ''"),
         }},
        {6,
         "what the door must know: orders, pending payments, door notes, the answer of a check-in",
         {
             QStringLiteral("ALTER TABLE attendees ADD COLUMN order_code TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE attendees ADD COLUMN pending INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE attendees ADD COLUMN notes TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("CREATE INDEX attendees_order ON attendees (event_id, order_code COLLATE NOCASE)"
                            " WHERE order_code <> ''"),
             QStringLiteral("ALTER TABLE checkins ADD COLUMN answer TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE checkins ADD COLUMN paper INTEGER NOT NULL DEFAULT 0"),
         }},
        {7,
         "doors that talk to each other: each check-in's number at the door that recorded it, the doors "
         "heard",
         {
             QStringLiteral("ALTER TABLE checkins ADD COLUMN origin_seq INTEGER NOT NULL DEFAULT 0"),
             // This device's own check-ins so far, numbered in the order they were recorded.
             QStringLiteral(
                 "UPDATE checkins SET origin_seq = own.n FROM (SELECT seq, ROW_NUMBER() OVER "
                 "(ORDER BY seq) AS n FROM checkins WHERE device_id = "
                 "(SELECT value FROM meta WHERE key = 'device_id')) AS own WHERE checkins.seq = own.seq"),
             QStringLiteral(
                 "CREATE INDEX checkins_origin ON checkins (device_id, origin_seq) WHERE origin_seq > 0"),
             QStringLiteral("CREATE TABLE peers ("
                            " device_id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '',"
                            " address TEXT NOT NULL DEFAULT '', version TEXT NOT NULL DEFAULT '',"
                            " last_heard INTEGER NOT NULL DEFAULT 0, holds INTEGER NOT NULL DEFAULT 0,"
                            " problem TEXT NOT NULL DEFAULT '') WITHOUT ROWID"),
         }},
    };
    return all;
}

int Migrations::latestVersion()
{
    return steps().constLast().version;
}

int Migrations::currentVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool Migrations::migrate(QSqlDatabase &db, QString *error, int targetVersion)
{
    const int latest = latestVersion();
    if (targetVersion < 0)
        targetVersion = latest;
    const int current = currentVersion(db);
    if (current < 0) {
        *error = tr("The database cannot be read: %1. Check the data directory or restore a backup.")
                     .arg(db.lastError().text());
        return false;
    }
    if (current > latest) {
        *error = tr("This data directory was written by a newer version of the kiosk (schema %1; "
                    "this program knows up to %2). Install the newer version; nothing was changed.")
                     .arg(current)
                     .arg(latest);
        return false;
    }
    int reached = current;
    for (const Step &step : steps()) {
        if (step.version <= current || step.version > targetVersion)
            continue;
        QSqlQuery query(db);
        auto fail = [&](const QString &what) {
            *error = tr("Upgrading the database to schema %1 (%2) failed: %3. The database is "
                        "unchanged at schema %4; free disk space or check permissions, then start again.")
                         .arg(step.version)
                         .arg(QLatin1String(step.description), what)
                         .arg(reached);
            query.exec(QStringLiteral("ROLLBACK"));
            return false;
        };
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(query.lastError().text());
        for (const QString &statement : step.statements) {
            if (!query.exec(statement))
                return fail(query.lastError().text());
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version)))
            return fail(query.lastError().text());
        if (!query.exec(QStringLiteral("COMMIT")))
            return fail(query.lastError().text());
        reached = step.version;
        qCInfo(lcMigrations) << "database upgraded to schema" << step.version;
    }
    return true;
}

} // namespace checkin
