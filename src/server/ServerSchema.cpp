// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerSchema.h"
#include "ServerLogging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

namespace {

// Statements shared by both engines where the SQL is the same.
QStringList common(std::initializer_list<const char *> statements)
{
    QStringList out;
    for (const char *s : statements)
        out << QString::fromLatin1(s);
    return out;
}

// PostgreSQL gets the same tables, with txid as the writing transaction's id (xid8).
QList<ServerSchema::Step> withPostgres(QList<ServerSchema::Step> steps)
{
    for (ServerSchema::Step &step : steps) {
        if (step.sqliteOnly)
            continue;
        for (QString statement : std::as_const(step.sqlite)) {
            statement.replace(QLatin1String("txid BIGINT NOT NULL DEFAULT 0"),
                              QLatin1String("txid xid8 NOT NULL DEFAULT pg_current_xact_id()"));
            step.postgres << statement;
        }
        // Feed numbers on PostgreSQL come from a sequence: a counter row would serialise writers.
        if (step.version == 1)
            step.postgres << QStringLiteral("CREATE SEQUENCE feed_seq");
    }
    return steps;
}

} // namespace

const QList<ServerSchema::Step> &ServerSchema::steps()
{
    // Feed order: every attendee and check-in row carries `seq` (from one counter) and, on
    // PostgreSQL, `txid` (the writing transaction). Readers page by (txid, seq) and only read rows
    // of transactions older than every running one, so a change that commits late with a lower
    // seq is never skipped. On SQLite there is one writer at a time and txid stays 0.
    static const QList<Step> all = withPostgres({
        {1,
         "events, attendees, devices, enrolment codes, check-ins",
         common({
             "CREATE TABLE schema_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
             "INSERT INTO counters (name, value) VALUES ('feed', 0)",
             "CREATE TABLE events (id TEXT PRIMARY KEY, name TEXT NOT NULL, salt TEXT NOT NULL,"
             " starts_at BIGINT NOT NULL DEFAULT 0, ends_at BIGINT NOT NULL DEFAULT 0,"
             " timezone TEXT NOT NULL DEFAULT '', created_at BIGINT NOT NULL)",
             "CREATE TABLE attendees (event_id TEXT NOT NULL REFERENCES events (id), id TEXT NOT NULL,"
             " code_hash TEXT, first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '',"
             " company TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', ticket_type TEXT NOT NULL "
             "DEFAULT '',"
             " status SMALLINT NOT NULL DEFAULT 0, cancelled_at BIGINT NOT NULL DEFAULT 0,"
             " updated_at BIGINT NOT NULL, inside SMALLINT NOT NULL DEFAULT 0, seq BIGINT NOT NULL,"
             " txid BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (event_id, id))",
             "CREATE UNIQUE INDEX attendees_code ON attendees (event_id, code_hash) WHERE code_hash IS NOT "
             "NULL",
             "CREATE INDEX attendees_feed ON attendees (event_id, txid, seq)",
             "CREATE TABLE devices (id TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events (id),"
             " name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL,"
             " revoked_at BIGINT NOT NULL DEFAULT 0, last_seen BIGINT NOT NULL DEFAULT 0,"
             " queue INTEGER NOT NULL DEFAULT 0, version TEXT NOT NULL DEFAULT '')",
             "CREATE TABLE enrolment_codes (code_hash TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES "
             "events (id),"
             " created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_at BIGINT NOT NULL DEFAULT 0,"
             " device_id TEXT NOT NULL DEFAULT '')",
             "CREATE TABLE checkins (id TEXT PRIMARY KEY, event_id TEXT NOT NULL REFERENCES events (id),"
             " attendee_id TEXT NOT NULL DEFAULT '', code_hash TEXT NOT NULL DEFAULT '', kind SMALLINT NOT "
             "NULL,"
             " ref TEXT NOT NULL DEFAULT '', at BIGINT NOT NULL, hlc BIGINT NOT NULL, device_id TEXT NOT "
             "NULL,"
             " forced SMALLINT NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '', clamped SMALLINT NOT NULL "
             "DEFAULT 0,"
             " body_hash TEXT NOT NULL, received_at BIGINT NOT NULL, status SMALLINT NOT NULL DEFAULT 0,"
             " reason TEXT NOT NULL DEFAULT '', first TEXT NOT NULL DEFAULT '', undone_by TEXT NOT NULL "
             "DEFAULT '',"
             " seq BIGINT NOT NULL, txid BIGINT NOT NULL DEFAULT 0)",
             "CREATE INDEX checkins_attendee ON checkins (event_id, attendee_id)",
             "CREATE INDEX checkins_feed ON checkins (event_id, txid, seq)",
             "CREATE INDEX checkins_review ON checkins (event_id, status) WHERE status <> 0",
         }),
         {}},
        // A walk-in is an attendee registered at a door: the entry that registered them and the
        // device that sent it. Empty for everybody uploaded by the event lead.
        {2,
         "walk-ins",
         common({
             "ALTER TABLE attendees ADD COLUMN walk_in_checkin TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE attendees ADD COLUMN walk_in_device TEXT NOT NULL DEFAULT ''",
         }),
         {}},
        // How many are inside: on SQLite one counter row per event (a batch writes one page, not
        // a page per person it admits); on PostgreSQL the attendee rows that classification
        // locks anyway keep their flag (a counter row would serialise the writers).
        {3,
         "inside counts per event (SQLite)",
         {QStringLiteral("INSERT INTO counters (name, value) SELECT 'inside:' || e.id, "
                         "(SELECT COALESCE(SUM(a.inside), 0) FROM attendees a WHERE a.event_id = e.id) "
                         "FROM events e"),
          QStringLiteral("ALTER TABLE attendees DROP COLUMN inside")},
         {},
         true},
        // The event lead's console (docs/console.md): signed-in sessions (by the SHA-256 of the
        // cookie), reviews of conflicts and duplicates, each device's clock offset as last
        // reported, and each attendee's search keys (filled by the server on open for older rows).
        {4,
         "console sessions, reviews, clock offsets, attendee search",
         common({
             "CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL, created_at BIGINT NOT "
             "NULL,"
             " expires_at BIGINT NOT NULL, address TEXT NOT NULL DEFAULT '')",
             "CREATE TABLE reviews (event_id TEXT NOT NULL REFERENCES events (id), checkin_id TEXT NOT NULL,"
             " note TEXT NOT NULL DEFAULT '', reviewed_at BIGINT NOT NULL, PRIMARY KEY (event_id, "
             "checkin_id))",
             "ALTER TABLE devices ADD COLUMN clock_offset BIGINT",
             "ALTER TABLE attendees ADD COLUMN search TEXT NOT NULL DEFAULT ''",
         }),
         {}},
        // Badges printed at the doors (docs/protocol.md, "Badge prints"): the print log every kiosk
        // of the event gets, so that no door prints a badge twice by accident. The id is the
        // kiosk's, unique within its event; body_hash makes a repeated upload idempotent.
        {5,
         "badge print log",
         common({
             "CREATE TABLE prints (event_id TEXT NOT NULL REFERENCES events (id), id TEXT NOT NULL,"
             " attendee_id TEXT NOT NULL, at BIGINT NOT NULL, device_id TEXT NOT NULL,"
             " layout TEXT NOT NULL DEFAULT '', body_hash TEXT NOT NULL, received_at BIGINT NOT NULL,"
             " seq BIGINT NOT NULL, txid BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (event_id, id))",
             "CREATE INDEX prints_feed ON prints (event_id, txid, seq)",
             "CREATE INDEX prints_attendee ON prints (event_id, attendee_id)",
         }),
         {}},
        // Check-in lists (docs/protocol.md, "Check-in lists"): each event's lists with their rules,
        // as the lead set them (the JSON of the protocol), in the feed like attendees; and the list
        // each check-in was recorded on ('' for the default list).
        {6,
         "check-in lists",
         common({
             "CREATE TABLE lists (event_id TEXT NOT NULL REFERENCES events (id), id TEXT NOT NULL,"
             " body TEXT NOT NULL, updated_at BIGINT NOT NULL, seq BIGINT NOT NULL,"
             " txid BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (event_id, id))",
             "CREATE INDEX lists_feed ON lists (event_id, txid, seq)",
             "ALTER TABLE checkins ADD COLUMN list TEXT NOT NULL DEFAULT ''",
         }),
         {}},
        // What the door must know (docs/protocol.md, "Attendees"): the order an attendee's ticket
        // was bought in (groups), a payment still pending, the lead's door notes (the protocol's
        // JSON array, '' for none); a check-in's answer to its list's question, and whether it
        // was ticked on a paper list and entered afterwards.
        {7,
         "orders, pending payments, door notes, answers",
         common({
             "ALTER TABLE attendees ADD COLUMN order_code TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE attendees ADD COLUMN pending INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE attendees ADD COLUMN notes TEXT NOT NULL DEFAULT ''",
             "CREATE INDEX attendees_order ON attendees (event_id, order_code)",
             "ALTER TABLE checkins ADD COLUMN answer TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE checkins ADD COLUMN paper INTEGER NOT NULL DEFAULT 0",
         }),
         {}},
        // Doors that talk to each other (docs/protocol.md): the event's peer key (base64url, '' until
        // a device first needs it) and its generation (one more at each revocation); the door that
        // delivered a check-in for the door that recorded it ('' when that door delivered it).
        {8,
         "peer keys, check-ins delivered by another door",
         common({
             "ALTER TABLE events ADD COLUMN peer_secret TEXT NOT NULL DEFAULT ''",
             "ALTER TABLE events ADD COLUMN peer_generation INTEGER NOT NULL DEFAULT 0",
             "ALTER TABLE checkins ADD COLUMN relayed_by TEXT NOT NULL DEFAULT ''",
         }),
         {}},
        // A check-in's id is its event's: the key is (event, id), as for attendees and prints, so
        // that one event's ids neither collide with nor tell anything about another's. SQLite
        // cannot change a primary key: the table is made again, rows and indexes alike.
        {9,
         "check-in ids per event",
         common({
             "CREATE TABLE checkins_by_event (event_id TEXT NOT NULL REFERENCES events (id), id TEXT NOT "
             "NULL,"
             " attendee_id TEXT NOT NULL DEFAULT '', code_hash TEXT NOT NULL DEFAULT '', kind SMALLINT NOT "
             "NULL,"
             " ref TEXT NOT NULL DEFAULT '', at BIGINT NOT NULL, hlc BIGINT NOT NULL, device_id TEXT NOT "
             "NULL,"
             " forced SMALLINT NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',"
             " clamped SMALLINT NOT NULL DEFAULT 0, body_hash TEXT NOT NULL, received_at BIGINT NOT NULL,"
             " status SMALLINT NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',"
             " first TEXT NOT NULL DEFAULT '', undone_by TEXT NOT NULL DEFAULT '', seq BIGINT NOT NULL,"
             " txid BIGINT NOT NULL DEFAULT 0, list TEXT NOT NULL DEFAULT '', answer TEXT NOT NULL DEFAULT "
             "'',"
             " paper INTEGER NOT NULL DEFAULT 0, relayed_by TEXT NOT NULL DEFAULT '', PRIMARY KEY (event_id, "
             "id))",
             "INSERT INTO checkins_by_event (event_id, id, attendee_id, code_hash, kind, ref, at, hlc, "
             "device_id,"
             " forced, note, clamped, body_hash, received_at, status, reason, first, undone_by, seq, txid, "
             "list,"
             " answer, paper, relayed_by) SELECT event_id, id, attendee_id, code_hash, kind, ref, at, hlc,"
             " device_id, forced, note, clamped, body_hash, received_at, status, reason, first, undone_by, "
             "seq,"
             " txid, list, answer, paper, relayed_by FROM checkins",
             "DROP TABLE checkins",
             "ALTER TABLE checkins_by_event RENAME TO checkins",
             "CREATE INDEX checkins_attendee ON checkins (event_id, attendee_id)",
             "CREATE INDEX checkins_feed ON checkins (event_id, txid, seq)",
             "CREATE INDEX checkins_review ON checkins (event_id, status) WHERE status <> 0",
         }),
         {QStringLiteral("ALTER TABLE checkins DROP CONSTRAINT checkins_pkey"),
          QStringLiteral("ALTER TABLE checkins ADD PRIMARY KEY (event_id, id)")},
         true},
    });
    return all;
}

int ServerSchema::latestVersion()
{
    return steps().constLast().version;
}

int ServerSchema::currentVersion(QSqlDatabase &db, QString *error)
{
    if (!db.tables().contains(QLatin1String("schema_meta")))
        return 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT value FROM schema_meta WHERE key = 'version'"))) {
        *error = q.lastError().text();
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool ServerSchema::migrate(QSqlDatabase &db, bool postgres, QString *error, int targetVersion)
{
    const int latest = latestVersion();
    if (targetVersion < 0)
        targetVersion = latest;
    QSqlQuery q(db);
    auto fail = [&](int version, const QString &what) {
        *error =
            QStringLiteral("Upgrading the server database to schema %1 failed: %2. The database is unchanged "
                           "at the previous schema; fix the cause (disk, permissions, a lock held by another "
                           "program) and start the server again.")
                .arg(version)
                .arg(what);
        q.exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    for (const Step &step : steps()) {
        if (step.version > targetVersion)
            break;
        if (!q.exec(postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE")))
            return fail(step.version, q.lastError().text());
        if (postgres) {
            // One process migrates at a time; nobody waits long for a lock a live request holds.
            if (!q.exec(QStringLiteral("SET LOCAL lock_timeout = '3s'")) ||
                !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(726354)")))
                return fail(step.version, q.lastError().text());
        }
        QString readError;
        const int current = currentVersion(db, &readError);
        if (current < 0)
            return fail(step.version, readError);
        if (current > latest) {
            q.exec(QStringLiteral("ROLLBACK"));
            *error = QStringLiteral(
                         "The server database is at schema %1, newer than this server knows (%2). Run the "
                         "newer server version; nothing was changed.")
                         .arg(current)
                         .arg(latest);
            return false;
        }
        if (current >= step.version) {
            q.exec(QStringLiteral("ROLLBACK"));
            continue;
        }
        for (const QString &statement : postgres ? step.postgres : step.sqlite) {
            if (!q.exec(statement))
                return fail(step.version, q.lastError().text());
        }
        if (!q.exec(QStringLiteral("DELETE FROM schema_meta WHERE key = 'version'")) ||
            !q.exec(QStringLiteral("INSERT INTO schema_meta (key, value) VALUES ('version', '%1')")
                        .arg(step.version)) ||
            !q.exec(QStringLiteral("COMMIT")))
            return fail(step.version, q.lastError().text());
        qCInfo(lcSchema) << "server database upgraded to schema" << step.version;
    }
    return true;
}

} // namespace checkin
