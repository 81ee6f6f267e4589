// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StoreWorker.h"
#include "CipherVfs.h"
#include "DatabaseKey.h"
#include "KioskLogging.h"
#include "OwnerOnly.h"

#include "Migrations.h"
#include "StorePrepared.h"
#include "StoreRows.h"
#include "TicketCode.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>
#include <QVariant>

#include <sqlite3.h>

#include <cstdio>

namespace checkin {

namespace {
constexpr int SqliteBusy = 5;
constexpr int SqliteReadOnly = 8;
constexpr int SqliteIoError = 10;
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteCantOpen = 14;
constexpr int SqliteNotADatabase = 26;

// Every page keeps CipherVfs::Reserve bytes free for its nonce and tag, at CipherVfs::PageSize
// (for a new database before its first write, or for a VACUUM INTO's copy). The page size first:
// PRAGMA page_size forgets the reserve asked for before it.
bool askForEncryptedPages(QSqlDatabase &db, QSqlQuery &query)
{
    int reserve = CipherVfs::Reserve;
    auto *handle = *static_cast<sqlite3 *const *>(db.driver()->handle().constData());
    return query.exec(QStringLiteral("PRAGMA page_size=%1").arg(CipherVfs::PageSize)) &&
           sqlite3_file_control(handle, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK;
}
} // namespace

StoreWorker::StoreWorker(const QString &dataDir, const WallClock *clock)
    : m_dataDir(dataDir)
    , m_connectionName(QStringLiteral("kiosk-store-") + QUuid::createUuid().toString(QUuid::Id128))
    , m_wall(clock)
    , m_clock(clock)
{}

StoreWorker::~StoreWorker()
{
    close();
}

QString StoreWorker::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("kiosk.sqlite"));
}

void StoreWorker::close()
{
    if (!m_db.isValid())
        return;
    m_q.reset();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreStatus StoreWorker::wipe()
{
    close();
    const QString path = databasePath();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(path + suffix);
        if (file.exists() && !file.remove())
            return {tr("Cannot delete %1: %2. Check the data directory's permissions.")
                        .arg(QDir::toNativeSeparators(file.fileName()), file.errorString())};
    }
    m_meta.clear();
    m_event = {};
    m_otherEvents.clear();
    m_deviceNames.clear();
    m_index.clear();
    forgetIndex();
    m_counts = {};
    return open();
}

StoreStatus StoreWorker::open()
{
    if (!QDir().mkpath(m_dataDir))
        return {tr("Cannot create the data directory %1: check the path and its permissions.")
                    .arg(QDir::toNativeSeparators(m_dataDir))};
    bool fresh = false;
    if (StoreStatus ready = prepareEncryption(&fresh); !ready.ok())
        return ready;
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return {tr("The SQLite driver for Qt is missing: install the package libqt6sql6-sqlite.")};
    m_db.setDatabaseName(CipherVfs::uri(databasePath()));
    m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return {describe(m_db.lastError(), StoreWorker::tr("opening the database"))};
    if (QSqlQuery size(m_db); fresh && !askForEncryptedPages(m_db, size))
        return {describe(m_db.lastError(), StoreWorker::tr("creating the encrypted database"))};
    // Names and notes: the database and its journals are this user's only (older ones narrowed).
    if (QString narrowed; !OwnerOnly::restrictDatabase(databasePath(), &narrowed))
        return {narrowed};

    QString error;
    QSqlQuery pragma(m_db);
    for (const char *statement :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
          "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-8000", "PRAGMA journal_size_limit=4194304"}) {
        if (!pragma.exec(QString::fromLatin1(statement)))
            return {describe(pragma.lastError(), StoreWorker::tr("opening the database"))};
        if (pragma.isActive() && pragma.next() && QLatin1String(statement).contains(QLatin1String("WAL")) &&
            pragma.value(0).toString() != QLatin1String("wal"))
            return {tr("The database at %1 cannot use write-ahead logging (is it on a network drive?). "
                       "Use a data directory on a local disk.")
                        .arg(QDir::toNativeSeparators(databasePath()))};
    }
    if (!Migrations::migrate(m_db, &error))
        return {error};
    // Page 1 goes into the database file at once: from now on a wrong key shows there, before
    // anything else is read (CipherVfs::probe).
    if (QSqlQuery checkpoint(m_db);
        fresh && !exec(checkpoint, &error, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return {error};
    if (!loadMeta(&error) || !loadEvents(&error))
        return {error};

    m_q = std::make_unique<Prepared>(m_db);
    const QString attendeeColumns = StoreRows::attendeeColumns();
    const QString checkInColumns = StoreRows::checkInColumns();
    const bool prepared =
        m_q->byCode.prepare(
            QStringLiteral("SELECT %1 FROM attendees WHERE code_hash = ?").arg(attendeeColumns)) &&
        m_q->byId.prepare(
            QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ? AND id = ?").arg(attendeeColumns)) &&
        m_q->byOrder.prepare(
            QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ? AND order_code <> '' AND "
                           "order_code = ? COLLATE NOCASE "
                           "AND id <> ? ORDER BY last_name, first_name, id LIMIT %2")
                .arg(attendeeColumns)
                .arg(MaxGroup)) &&
        m_q->checkInsOfAttendee.prepare(
            QStringLiteral("SELECT %1 FROM checkins WHERE event_id = ? AND attendee_id = ?")
                .arg(checkInColumns)) &&
        m_q->checkInsOfCode.prepare(
            QStringLiteral(
                "SELECT %1 FROM checkins WHERE event_id = ? AND attendee_id = '' AND code_hash = ?")
                .arg(checkInColumns)) &&
        m_q->insertCheckIn.prepare(
            QStringLiteral("INSERT INTO checkins (id, event_id, attendee_id, code_hash, kind, ref, at, hlc, "
                           "device_id, forced, note, list, answer, paper, delivered, origin_seq)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0,"
                           " (SELECT COALESCE(MAX(origin_seq), 0) + 1 FROM checkins"
                           "  WHERE device_id = ? AND origin_seq > 0))")) &&
        m_q->updateClassification.prepare(QStringLiteral(
            "UPDATE checkins SET status = ?, reason = ?, first = ?, undone_by = ? WHERE id = ?")) &&
        m_q->updateState.prepare(QStringLiteral("UPDATE attendees SET inside = ?, inside_since = ?, "
                                                "inside_device = ?, entry_id = ? WHERE pk = ?")) &&
        m_q->insertRefusal.prepare(QStringLiteral(
            "INSERT INTO scan_log (event_id, at, verdict, kind, attendee_id, code_hash, device_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)")) &&
        m_q->checkInById.prepare(
            QStringLiteral("SELECT %1 FROM checkins WHERE event_id = ? AND id = ?").arg(checkInColumns));
    if (!prepared)
        return {describe(m_db.lastError(), StoreWorker::tr("preparing queries"))};

    QSqlQuery lastHlc(m_db);
    if (!exec(lastHlc, &error, QStringLiteral("SELECT MAX(hlc) FROM checkins")))
        return {error};
    if (lastHlc.next())
        m_clock = HybridClock(m_wall, Hlc::fromPacked(lastHlc.value(0).toULongLong()));
    qCInfo(lcStore) << "opened" << databasePath() << "schema" << Migrations::latestVersion() << "device"
                    << m_meta.value(QStringLiteral("device_id"));
    prepareIndexSoon();
    return {};
}

StoreStatus StoreWorker::prepareEncryption(bool *fresh)
{
    const QString path = databasePath();
    const QString shown = QDir::toNativeSeparators(path);
    CipherVfs::FileState state = CipherVfs::probe(path);
    QString error;
    if (!DatabaseKey::install(state == CipherVfs::FileState::Missing || state == CipherVfs::FileState::Clear,
                              &error))
        return {error};
    state = CipherVfs::probe(path);
    switch (state) {
    case CipherVfs::FileState::Missing:
        *fresh = true;
        return {};
    case CipherVfs::FileState::Encrypted:
        return {};
    case CipherVfs::FileState::Clear:
        return encryptClearDatabase();
    case CipherVfs::FileState::WrongKey:
        return {tr("%1 is not a kiosk database this device can read: it was made with another key than this "
                   "device's (%2), or it is damaged or some other file. Restore the key it was made with, or "
                   "move it out of the data directory and enrol this device again.")
                    .arg(shown, DatabaseKey::installedSource())};
    case CipherVfs::FileState::Unreadable:
        break;
    }
    return {tr("The database %1 cannot be read: check the permissions of the data directory and its files.")
                .arg(shown)};
}

// A database from before encryption at rest: copied page by page into an encrypted one (VACUUM INTO
// through the encrypting VFS), which then takes its place in one rename. Until the rename the clear
// database stays as it was; a copy left half-made by a crash is made again.
StoreStatus StoreWorker::encryptClearDatabase()
{
    const QString path = databasePath();
    const QString next = path + QStringLiteral(".encrypting");
    for (const QString &suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(next + suffix);
    const QString connection = m_connectionName + QStringLiteral("-clear");
    QString failure;
    {
        QSqlDatabase clear = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        clear.setDatabaseName(path);
        clear.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!clear.open()) {
            failure = describe(clear.lastError(), tr("encrypting the database"));
        } else {
            QSqlQuery copy(clear);
            QString target = CipherVfs::uri(next);
            target.replace(QLatin1Char('\''), QStringLiteral("''"));
            // The copy gets the reserved bytes and the page size of an encrypted database.
            if (!askForEncryptedPages(clear, copy) ||
                !copy.exec(QStringLiteral("VACUUM INTO '%1'").arg(target)))
                failure = describe(copy.lastError(), tr("encrypting the database"));
            copy.finish();
        }
        clear.close();
    }
    QSqlDatabase::removeDatabase(connection);
    // The clear database's WAL is checkpointed and gone once its last connection closed.
    if (QString unmarked; failure.isEmpty() && !CipherVfs::markWal(next, &unmarked))
        failure = tr("The database could not be encrypted: %1").arg(unmarked);
    if (failure.isEmpty() && QFileInfo(path + QStringLiteral("-wal")).size() > 0)
        failure =
            tr("The database %1 could not be encrypted: another program still has it open. Close it and "
               "start again.")
                .arg(QDir::toNativeSeparators(path));
    if (!failure.isEmpty()) {
        QFile::remove(next);
        return {failure};
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(next).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(next);
        return {
            tr("The database %1 could not be replaced by its encrypted copy. Check the permissions of the "
               "data directory.")
                .arg(QDir::toNativeSeparators(path))};
    }
    qCInfo(lcStore) << "encrypted the database made by an older version:" << path;
    return {};
}

QString StoreWorker::describe(const QSqlError &error, const QString &what) const
{
    const int code = error.nativeErrorCode().toInt() & 0xff; // the primary result code
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString path = QDir::toNativeSeparators(databasePath());
    if (error.nativeErrorCode().toInt() == SQLITE_IOERR_DATA)
        return tr("A page of the database %1 does not decrypt with this device's key (%2) while %3: it is "
                  "damaged, or was changed outside this program. Stop using this device for check-in, keep "
                  "the data directory for recovery, and use another device.")
            .arg(path, DatabaseKey::installedSource(), what);
    // In the sentences below, `what` is what the store was doing: "while recording the check-in".
    switch (code) {
    case SqliteFull:
        return tr("The disk is full while %1: nothing was recorded. Everything recorded before is safe. "
                  "Free some space on this device, then try again.")
            .arg(what);
    case SqliteReadOnly:
        return tr("The database %1 is read-only while %2: nothing was recorded. Check the permissions "
                  "of the data directory and its files.")
            .arg(path, what);
    case SqliteBusy:
        return tr("The database %1 is locked by another program while %2: nothing was recorded. "
                  "Close other check-in programs on this data directory and try again.")
            .arg(path, what);
    case SqliteCorrupt:
        return tr("The database %1 is damaged (%2). Stop using this device for check-in, keep the data "
                  "directory for recovery, and use another device.")
            .arg(path, detail);
    case SqliteNotADatabase:
        return tr("%1 is not a kiosk database (it is damaged or some other file). Move it out of the "
                  "data directory, or use another data directory with --data-dir.")
            .arg(path);
    case SqliteIoError:
    case SqliteCantOpen:
        return tr("The disk could not be read or written while %1 (%2): nothing was recorded. Check the "
                  "storage of this device (is it full, removed or failing?) and try again.")
            .arg(what, detail);
    default:
        return tr("The database failed while %1: %2.").arg(what, detail);
    }
}

bool StoreWorker::exec(QSqlQuery &query, QString *error, const QString &what)
{
    if (query.exec(what))
        return true;
    *error = describe(query.lastError(), tr("running \"%1\"").arg(what.left(60)));
    return false;
}

bool StoreWorker::begin(QString *error)
{
    QSqlQuery query(m_db);
    return exec(query, error, QStringLiteral("BEGIN IMMEDIATE"));
}

bool StoreWorker::commit(QString *error)
{
    QSqlQuery query(m_db);
    if (query.exec(QStringLiteral("COMMIT"))) {
        m_listsTouched = false;
        return true;
    }
    *error = describe(query.lastError(), StoreWorker::tr("saving"));
    rollback();
    return false;
}

void StoreWorker::rollback()
{
    m_counts.valid = false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCDebug(lcStore) << "rollback:" << query.lastError().text();
    if (m_listsTouched) {
        // The lists and the kiosk's choice as they are on disk again.
        m_listsTouched = false;
        QString error;
        if (!loadMeta(&error) || !loadLists(&error))
            qCWarning(lcStore, "reading the check-in lists again: %s", qPrintable(error));
    }
}

QString StoreWorker::meta(const QString &key) const
{
    return m_meta.value(key);
}

bool StoreWorker::setMeta(const QString &key, const QString &value, QString *error)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(StoreRows::text(value));
    if (!query.exec()) {
        *error = describe(query.lastError(), StoreWorker::tr("saving settings"));
        return false;
    }
    m_meta.insert(key, value);
    return true;
}

bool StoreWorker::loadMeta(QString *error)
{
    QSqlQuery query(m_db);
    if (!exec(query, error, QStringLiteral("SELECT key, value FROM meta")))
        return false;
    while (query.next())
        m_meta.insert(query.value(0).toString(), query.value(1).toString());
    if (!m_meta.value(QStringLiteral("device_id")).isEmpty())
        return true;
    // First start of this data directory: give the device its identity.
    if (!begin(error))
        return false;
    const QString host = QSysInfo::machineHostName();
    if (!setMeta(QStringLiteral("device_id"), QUuid::createUuid().toString(QUuid::WithoutBraces), error) ||
        !setMeta(QStringLiteral("device_name"), host.isEmpty() ? QStringLiteral("kiosk") : host, error)) {
        rollback();
        return false;
    }
    return commit(error);
}

bool StoreWorker::loadEvents(QString *error)
{
    QSqlQuery query(m_db);
    if (!exec(query, error,
              QStringLiteral("SELECT id, name, salt, starts_at, ends_at, timezone FROM events")))
        return false;
    m_event = {};
    m_otherEvents.clear();
    const QString active = meta(QStringLiteral("event_id"));
    while (query.next()) {
        Event event{query.value(0).toString(),   query.value(1).toString(),   query.value(2).toString(),
                    query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toString()};
        if (event.id == active)
            m_event = event;
        else
            m_otherEvents.append(event);
    }
    QSqlQuery devices(m_db);
    if (!exec(devices, error, QStringLiteral("SELECT id, name FROM devices")))
        return false;
    while (devices.next())
        m_deviceNames.insert(devices.value(0).toString(), devices.value(1).toString());
    return loadLists(error);
}

bool StoreWorker::createEvent(const QString &name, Event *event, QString *error)
{
    *event = Event{QUuid::createUuid().toString(QUuid::WithoutBraces), name, TicketCode::newSalt(), 0, 0, {}};
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO events (id, name, salt, created_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(event->id);
    query.addBindValue(event->name);
    query.addBindValue(event->salt);
    query.addBindValue(m_wall->nowMs());
    if (!query.exec()) {
        *error = describe(query.lastError(), StoreWorker::tr("creating the event"));
        return false;
    }
    return true;
}

QString StoreWorker::deviceName(const QString &deviceId) const
{
    if (deviceId.isEmpty())
        return {};
    if (deviceId == meta(QStringLiteral("device_id")))
        return meta(QStringLiteral("device_name"));
    return m_deviceNames.value(deviceId, deviceId.left(8));
}

} // namespace checkin
