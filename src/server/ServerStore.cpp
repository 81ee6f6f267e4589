// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerStore.h"
#include "OwnerOnly.h"
#include "ServerLogging.h"

#include "IngestCache.h"
#include "ServerSchema.h"
#include "SqlStatement.h"
#include "TicketCode.h"
#include "WallClock.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace checkin {

ServerStore::ServerStore(const DatabaseConfig &config, const WallClock *clock)
    : m_config(config)
    , m_clock(clock)
{}

ServerStore::~ServerStore()
{
    if (m_writer) {
        {
            QMutexLocker lock(&m_groupMutex);
            m_writerStopping = true;
        }
        m_groupWake.wakeAll();
        m_writer->wait();
    }
    if (m_checkpointer.joinable()) {
        {
            std::lock_guard wake(m_checkpointMutex);
            m_stopping = true;
        }
        m_checkpointWake.notify_all();
        m_checkpointer.join();
    }
    QMutexLocker lock(&m_mutex);
    // The pool's threads are done; their connections close as they are removed.
    for (const QString &name : std::as_const(m_connections))
        QSqlDatabase::removeDatabase(name);
}

QSqlDatabase ServerStore::connection(QString *error)
{
    const QString name = QStringLiteral("server-%1-%2")
                             .arg(quintptr(this), 0, 16)
                             .arg(quintptr(QThread::currentThreadId()), 0, 16);
    if (QSqlDatabase::contains(name)) {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (db.isOpen())
            return db;
    }
    QSqlDatabase db =
        QSqlDatabase::contains(name)
            ? QSqlDatabase::database(name, false)
            : QSqlDatabase::addDatabase(
                  m_config.isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    {
        QMutexLocker lock(&m_mutex);
        if (!m_connections.contains(name))
            m_connections << name;
    }
    if (!db.isValid()) {
        *error = m_config.isPostgres()
                     ? QStringLiteral("The PostgreSQL driver for Qt is missing: install libqt6sql6-psql.")
                     : QStringLiteral("The SQLite driver for Qt is missing: install libqt6sql6-sqlite.");
        return db;
    }
    if (m_config.isPostgres()) {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.database);
        db.setConnectOptions(QStringLiteral("connect_timeout=5;application_name=checkin-server"));
    } else {
        db.setDatabaseName(m_config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open()) {
        *error =
            QStringLiteral("Cannot open the database %1: %2. Check that it is running and reachable and that "
                           "the user may connect.")
                .arg(m_config.describe(), db.lastError().text());
        return db;
    }
    QSqlQuery q(db);
    const QStringList setup =
        m_config.isPostgres()
            ? QStringList{QStringLiteral("SET statement_timeout = '30s'"),
                          QStringLiteral("SET lock_timeout = '10s'")}
            : QStringList{QStringLiteral("PRAGMA journal_mode=WAL"),
                          QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA foreign_keys=ON"),
                          // A batch's pages stay in memory until the commit
                          // instead of spilling to the log mid-transaction.
                          QStringLiteral("PRAGMA cache_size=-32000"),
                          // Checkpoints run on a thread of their own (checkpointLoop); this
                          // is only a backstop should that thread fall far behind.
                          QStringLiteral("PRAGMA wal_autocheckpoint=64000"),
                          QStringLiteral("PRAGMA mmap_size=268435456")};
    for (const QString &statement : setup) {
        if (!q.exec(statement)) {
            *error = QStringLiteral("Cannot set up the database connection (%1): %2")
                         .arg(statement, q.lastError().text());
            db.close();
            return db;
        }
    }
    return db;
}

bool ServerStore::open(QString *error)
{
    if (!m_config.isPostgres()) {
        const QString dir = QFileInfo(m_config.path).absolutePath();
        if (!QDir().mkpath(dir)) {
            *error = QStringLiteral("Cannot create the directory %1 for the database.").arg(dir);
            return false;
        }
    }
    QSqlDatabase db = connection(error);
    if (!db.isOpen())
        return false;
    // Names and e-mails: the database and its journals are the service user's only, those made
    // by an older version too.
    if (!m_config.isPostgres() && !OwnerOnly::restrictDatabase(m_config.path, error))
        return false;
    if (!ServerSchema::migrate(db, m_config.isPostgres(), error) || !fillSearchKeys(error))
        return false;
    qCInfo(lcServerStore) << "database" << m_config.describe() << "at schema"
                          << ServerSchema::latestVersion();
    return true;
}

bool ServerStore::healthy(QString *error)
{
    QSqlDatabase db = connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT 1 FROM schema_meta WHERE key = 'version'")) || !q.next()) {
        *error = q.lastError().text();
        db.close(); // reconnect on the next request
        return false;
    }
    return true;
}

ServerStore::Transaction::Transaction(ServerStore *store, QSqlDatabase &db)
    : m_store(store)
    , m_db(db)
{}

ServerStore::Transaction::~Transaction()
{
    rollback();
}

bool ServerStore::Transaction::begin(QString *error)
{
    if (!m_db.isOpen())
        return false;
    const bool postgres = m_store->m_config.isPostgres();
    if (!postgres) {
        m_store->m_sqliteWriter.lock();
        m_locked = true;
    }
    QSqlQuery q(m_db);
    if (q.exec(postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"))) {
        m_open = true;
        return true;
    }
    *error = q.lastError().text();
    rollback();
    return false;
}

bool ServerStore::Transaction::commit(QString *error)
{
    QSqlQuery q(m_db);
    const bool ok = m_open && q.exec(QStringLiteral("COMMIT"));
    if (ok)
        m_open = false;
    else if (error)
        *error = q.lastError().text();
    rollback();
    if (ok)
        m_store->requestCheckpoint();
    return ok;
}

void ServerStore::Transaction::rollback()
{
    if (m_open) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
        m_open = false;
    }
    if (m_locked) {
        m_store->m_sqliteWriter.unlock();
        m_locked = false;
    }
}

ApiError ServerStore::dbError(const QString &what, const QString &detail) const
{
    qCWarning(lcServerStore) << what << "failed:" << detail;
    return {503, QStringLiteral("storage_unavailable"),
            QStringLiteral("The server's database failed while %1; nothing was changed. Try again shortly.")
                .arg(what)};
}

QString ServerStore::txidExpression() const
{
    return m_config.isPostgres() ? QStringLiteral("pg_current_xact_id()") : QStringLiteral("0");
}

bool ServerStore::allocateSeqs(QSqlDatabase &db, int count, QList<qint64> *seqs, QString *error)
{
    seqs->clear();
    if (count <= 0)
        return true;
    SqlStatement q(db);
    if (m_config.isPostgres()) {
        if (!q.prepare(QStringLiteral("SELECT nextval('feed_seq') FROM generate_series(1, ?)")) ||
            !q.bind(count).exec()) {
            *error = q.lastError();
            return false;
        }
        while (q.next())
            seqs->append(q.int64(0));
        *error = q.lastError();
        return error->isEmpty();
    }
    // SQLite: one writer at a time, so a counter row hands out a contiguous range.
    if (!q.prepare(
            QStringLiteral("UPDATE counters SET value = value + ? WHERE name = 'feed' RETURNING value")) ||
        !q.bind(count).exec() || !q.next()) {
        *error = q.lastError().isEmpty() ? QStringLiteral("the feed counter is missing") : q.lastError();
        return false;
    }
    const qint64 last = q.int64(0);
    for (qint64 s = last - count + 1; s <= last; ++s)
        seqs->append(s);
    return true;
}

bool ServerStore::insertRows(QSqlDatabase &db, const QString &tableAndColumns, int width, qsizetype count,
                             const std::function<void(SqlStatement &, qsizetype)> &bindRow, QString *error)
{
    if (count <= 0)
        return true;
    QString tuple = QStringLiteral("(");
    for (int i = 0; i < width; ++i)
        tuple += i ? QStringLiteral(", ?") : QStringLiteral("?");
    tuple += QLatin1Char(')');
    // PostgreSQL: many rows a statement, one round trip for each chunk. SQLite: one row a
    // statement, prepared once and run for each row (no round trips to save).
    const qsizetype chunk = m_config.isPostgres() ? 100 : 1;
    SqlStatement q(db);
    qsizetype preparedFor = 0;
    for (qsizetype start = 0; start < count; start += chunk) {
        const qsizetype n = std::min(chunk, count - start);
        if (n != preparedFor) {
            QString sql = QStringLiteral("INSERT INTO ") + tableAndColumns + QStringLiteral(" VALUES ");
            for (qsizetype r = 0; r < n; ++r)
                sql += r ? QStringLiteral(", ") + tuple : tuple;
            if (!q.prepare(sql)) {
                *error = q.lastError();
                return false;
            }
            preparedFor = n;
        }
        for (qsizetype r = start; r < start + n; ++r)
            bindRow(q, r);
        if (!q.exec()) {
            *error = q.lastError();
            return false;
        }
    }
    return true;
}

bool ServerStore::insertRows(QSqlDatabase &db, const QString &tableAndColumns,
                             const QList<QVariantList> &rows, QString *error)
{
    if (rows.isEmpty())
        return true;
    return insertRows(
        db, tableAndColumns, int(rows.first().size()), rows.size(),
        [&rows](SqlStatement &q, qsizetype r) {
            for (const QVariant &v : rows[r])
                q.bind(v);
        },
        error);
}

void ServerStore::requestCheckpoint()
{
    if (m_config.isPostgres())
        return;
    {
        std::lock_guard wake(m_checkpointMutex);
        m_checkpointWanted = true;
        if (!m_checkpointer.joinable())
            m_checkpointer = std::thread([this] { checkpointLoop(); });
    }
    m_checkpointWake.notify_one();
}

void ServerStore::checkpointLoop()
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen()) {
        qCWarning(lcServerStore) << "checkpoints fall back to the writer:" << error;
        return;
    }
    QSqlQuery q(db);
    for (;;) {
        {
            std::unique_lock wait(m_checkpointMutex);
            m_checkpointWake.wait(wait, [this] { return m_checkpointWanted || m_stopping; });
            if (m_stopping)
                break;
            m_checkpointWanted = false;
        }
        // PASSIVE: copies what no reader still needs and never blocks the writer or readers.
        if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
            qCWarning(lcServerStore) << "checkpoint failed:" << q.lastError().text();
        q.finish();
        // At most one checkpoint a second: each one syncs the database file, and the flushes of the
        // writer's commits wait behind it.
        std::unique_lock pause(m_checkpointMutex);
        m_checkpointWake.wait_for(pause, std::chrono::milliseconds(1000), [this] { return m_stopping; });
        if (m_stopping)
            break;
    }
    q = QSqlQuery();
    db.close();
}

void ServerStore::refreshStatistics()
{
    if (!m_config.isPostgres() || m_ingestedSinceAnalyze.loadRelaxed() < 5000)
        return;
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return;
    m_ingestedSinceAnalyze.storeRelaxed(0);
    QSqlQuery(db).exec(QStringLiteral("ANALYZE checkins"));
}

QString ServerStore::newToken()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

QString ServerStore::hashToken(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<Event> ServerStore::createEvent(Event event)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("creating the event"), error)};
    if (event.id.isEmpty())
        event.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    event.salt = TicketCode::newSalt();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO events (id, name, salt, starts_at, ends_at, timezone, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"));
    for (const QVariant &v :
         {QVariant(event.id), QVariant(event.name), QVariant(event.salt), QVariant(event.startsAtMs),
          QVariant(event.endsAtMs), QVariant(event.timezone.isNull() ? QStringLiteral("") : event.timezone),
          QVariant(m_clock->nowMs())})
        q.addBindValue(v);
    if (!q.exec())
        return {{}, dbError(QStringLiteral("creating the event"), q.lastError().text())};
    if (q.numRowsAffected() == 0)
        return Result<Event>::fail(409, QStringLiteral("event_exists"),
                                   QStringLiteral("An event with id %1 exists already.").arg(event.id));
    return {event, {}};
}

namespace {
Event eventFrom(const QSqlQuery &q)
{
    return Event{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toString(),
                 q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toString()};
}
} // namespace

Result<QList<Event>> ServerStore::events()
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("listing events"), error)};
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral(
            "SELECT id, name, salt, starts_at, ends_at, timezone FROM events ORDER BY created_at, id")))
        return {{}, dbError(QStringLiteral("listing events"), q.lastError().text())};
    QList<Event> list;
    while (q.next())
        list << eventFrom(q);
    return {list, {}};
}

Result<Event> ServerStore::event(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("reading the event"), error)};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, name, salt, starts_at, ends_at, timezone FROM events WHERE id = ?"));
    q.addBindValue(eventId);
    if (!q.exec())
        return {{}, dbError(QStringLiteral("reading the event"), q.lastError().text())};
    if (!q.next())
        return Result<Event>::fail(404, QStringLiteral("no_such_event"),
                                   QStringLiteral("There is no event %1.").arg(eventId));
    return {eventFrom(q), {}};
}

} // namespace checkin
