// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DatabaseConfig.h"
#include "ServerTypes.h"

#include <QAtomicInteger>
#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <QSqlDatabase>
#include <QStringList>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

class QSqlQuery;
class QThread;

namespace checkin {

class IngestCache;
class SqlStatement;
struct IngestPerson;
class WallClock;

// The server's data on SQLite or PostgreSQL. Thread-safe: every method may be called from any
// thread of the request pool and uses that thread's own connection. Every write is one
// transaction; reads write nothing.
class ServerStore
{
public:
    ServerStore(const DatabaseConfig &config, const WallClock *clock);
    ~ServerStore();
    ServerStore(const ServerStore &) = delete;
    ServerStore &operator=(const ServerStore &) = delete;

    // Connects and migrates; a message a person can act on when that fails.
    bool open(QString *error);
    bool isPostgres() const { return m_config.isPostgres(); }
    bool healthy(QString *error); // a trivial query on this thread's connection

    Result<Event> createEvent(Event event);
    Result<QList<Event>> events();
    Result<Event> event(const QString &eventId);
    // All or nothing: any bad row fails the whole upload with row-numbered errors.
    // With `dryRun`, checks everything and counts what would be inserted and updated, but writes
    // nothing.
    Result<UpsertSummary> upsertAttendees(const QString &eventId, const QList<AttendeeInput> &inputs,
                                          QList<QPair<int, QString>> *rowErrors, bool dryRun = false);

    Result<EnrolmentCode> createEnrolmentCode(const QString &eventId, qint64 validForMs);
    Result<Enrolment> enrol(const QString &code, const QString &deviceName);
    Result<bool> revoke(const QString &deviceId);
    Result<QList<DeviceInfo>> devices(const QString &eventId);
    Principal deviceForToken(const QString &token, QString *error);
    // The event's peer key for its doors (made at the first ask; a new generation at each revocation).
    Result<PeerKey> peerKey(const QString &eventId);
    // Of `deviceIds`, those enrolled for the event (revoked ones included: what they recorded
    // before counts), each with the earliest time a check-in it records may claim (docs/protocol.md,
    // "Ingest, exactly once"): the event's start less a day when the event has one, else the
    // device's enrolment less a week.
    Result<QHash<QString, qint64>> devicesOfEvent(const QString &eventId, const QStringList &deviceIds);
    static constexpr qint64 EarliestBeforeStartMs = 24LL * 3600 * 1000;
    static constexpr qint64 EarliestBeforeEnrolmentMs = 7LL * 24 * 3600 * 1000;

    // Ingests one batch from a device in one transaction; results in the items' order. `walkIns`:
    // item index -> the person that entry registers; the attendee is created (a walk-in of the
    // item's device) unless the event has one with that id already. An item's deviceId is the
    // device that recorded it: `deviceId` (the sender) when empty; another one is a check-in the
    // sender delivers for that door (kept with relayed_by).
    // `earliest`: per recording device, the earliest time its check-ins may claim; an earlier one
    // counts from when the server received it and is flagged for the lead (clamped = 2).
    Result<QList<CheckInResult>> ingest(const QString &eventId, const QString &deviceId, QList<CheckIn> items,
                                        const QStringList &bodyHashes, const QHash<int, WalkIn> &walkIns = {},
                                        const QHash<QString, qint64> &earliest = {});

    // Stores a device's badge prints in one transaction; results in the items' order. Prints for
    // attendees the event does not have are refused (unknown_attendee), a known id with another
    // body too (id_reused); a known id with the same body is answered as stored again.
    Result<QList<Protocol::PrintResult>> storePrints(const QString &eventId, const QString &deviceId,
                                                     const QList<BadgePrint> &prints,
                                                     const QStringList &bodyHashes);

    // Check-in lists (ServerLists.cpp). The event's lists as the lead set them, and the default
    // list first when the lead has not set it.
    Result<QList<CheckInList>> lists(const QString &eventId);
    // Adds or replaces lists by id (never removes: a list is retired), in one transaction with the
    // re-classification of every check-in of the event by the new rules.
    Result<ListsSummary> putLists(const QString &eventId, const QList<CheckInList> &lists);

    // A page of the change feed after `cursor`; with `countRemaining`, also how many changes are
    // readable after the cursor (a kiosk's preload shows its progress with it).
    // `columns`: Tally reads only what the live view counts (attendee id, status, walk-in device;
    // check-in id, device, kind, time, status, undone_by) and no device names.
    enum class FeedColumns { Full, Tally };
    Result<ChangePage> changes(const QString &eventId, const QString &cursor, int limit,
                               bool countRemaining = false, FeedColumns columns = FeedColumns::Full);
    // How many attendees of the event are inside (SQLite: its counter; PostgreSQL: the flags).
    Result<int> insideCount(const QString &eventId);
    Result<EventStats> stats(const QString &eventId);
    Result<QList<ReviewItem>> review(const QString &eventId);

    // The event lead's console (ServerConsole.cpp). Sessions are keyed by the SHA-256 of the
    // cookie; a session that is unknown or expired is a 401.
    Result<bool> createSession(const QString &idHash, const AdminSession &session, const QString &address);
    Result<AdminSession> session(const QString &idHash);
    Result<bool> deleteSession(const QString &idHash);
    // Attendees whose names, company or e-mail have words starting with every word of `query`, or
    // whose ticket code is `query`; all when it is empty. By last name; `total`: all that match.
    Result<QList<AttendeeSummary>> findAttendees(const QString &eventId, const QString &query, int limit,
                                                 int offset, int *total);
    // One attendee and every check-in of theirs (in the agreed order), with reviews.
    Result<AttendeeSummary> attendee(const QString &eventId, const QString &attendeeId,
                                     QList<HistoryItem> *history);
    Result<Review> saveReview(const QString &eventId, const QString &checkInId, const QString &note);
    // Every attendee of the event with their state (ordered by id), and every check-in with its
    // attendee's name, its device's name and its review (in feed order), one at a time.
    Result<bool> forEachAttendee(const QString &eventId,
                                 const std::function<void(const AttendeeSummary &)> &row);
    Result<bool>
    forEachCheckIn(const QString &eventId,
                   const std::function<void(const HistoryItem &, const QString &attendeeName)> &row);
    int schemaVersion() const;

    // Writes devices' last-seen time, reported queue and version (kept in memory by the caller).
    void saveDeviceActivity(const QList<DeviceInfo> &activity);
    // PostgreSQL: refreshes the planner's statistics of the check-ins when many arrived since the
    // last time (autovacuum may lag behind an event's first hour); nothing otherwise.
    void refreshStatistics();

    // SQLite: copies committed pages from the write-ahead log into the database on a thread of
    // its own, so that the writer only appends to the log. Call after a commit; it coalesces.
    void requestCheckpoint();

    static QString newToken(); // 32 random bytes, hex
    static QString hashToken(const QString &token);

private:
    QSqlDatabase connection(QString *error);

    // A write transaction. On SQLite the writers of this process take turns on a mutex instead of
    // sleeping in SQLite's busy handler; on PostgreSQL they run concurrently. Rolls back unless
    // committed.
    class Transaction
    {
    public:
        Transaction(ServerStore *store, QSqlDatabase &db);
        ~Transaction();
        bool begin(QString *error);
        bool commit(QString *error);
        void rollback();

    private:
        ServerStore *m_store;
        QSqlDatabase &m_db;
        bool m_open = false;
        bool m_locked = false;
    };

    ApiError dbError(const QString &what, const QString &detail) const;
    bool allocateSeqs(QSqlDatabase &db, int count, QList<qint64> *seqs, QString *error);
    // INSERT INTO `tableAndColumns` VALUES ... for `count` rows of `width` values: `bindRow(q, r)`
    // binds row r's values in column order.
    bool insertRows(QSqlDatabase &db, const QString &tableAndColumns, int width, qsizetype count,
                    const std::function<void(SqlStatement &, qsizetype)> &bindRow, QString *error);
    // The same for rows held as values.
    bool insertRows(QSqlDatabase &db, const QString &tableAndColumns, const QList<QVariantList> &rows,
                    QString *error);
    QString txidExpression() const;
    // Inside an open transaction: locks the attendees, derives their check-ins together with
    // `fresh` (not yet stored), writes changed classifications (new feed numbers) and states, and
    // returns the classification of each fresh check-in.
    // `cache`: the SQLite writer's (IngestCache), or null.
    // `changedCount`: adds how many stored check-ins' classification changed. `rulesBefore`: after
    // a change of lists, the rules by which who is inside was last counted.
    bool classify(QSqlDatabase &db, const QString &eventId, QStringList attendeeIds,
                  const QList<CheckIn> &fresh, QHash<QString, Classification> *freshResults,
                  IngestCache *cache, QString *error, int *changedCount = nullptr,
                  const RuleBook *rulesBefore = nullptr);
    // The event's lists and time zone, read inside the caller's transaction. On PostgreSQL it
    // takes the event row FOR SHARE (`forUpdate`: FOR UPDATE), so that a change of lists and the
    // check-ins classified by the old ones never pass each other.
    bool loadRules(QSqlDatabase &db, const QString &eventId, RuleBook *rules, QString *error,
                   bool forUpdate = false);
    // Reads `ids` (attendee ids of the event, known or not) with their stored check-ins.
    bool loadPeople(QSqlDatabase &db, const QString &eventId, const QStringList &ids,
                    QHash<QString, IngestPerson> *people, QString *error);
    // Every attendee of the event with their check-ins into `cache`, unless there are too many.
    bool loadWholeEvent(QSqlDatabase &db, const QString &eventId, IngestCache *cache, QString *error);
    Result<bool> reclassify(const QString &eventId, const QStringList &attendeeIds);
    // Records who came in (true) or went out (false): on SQLite the event's counter, on
    // PostgreSQL the attendee rows (docs/server.md, "Storage").
    bool recordInside(QSqlDatabase &db, const QString &eventId, const QHash<QString, bool> &inside,
                      QString *error);
    static QString insideCounter(const QString &eventId); // its name in `counters` (SQLite)

    // One device's batch on its way through ingest.
    struct IngestBatch
    {
        QString eventId;
        QString deviceId;
        QList<CheckIn> items;
        QStringList bodyHashes;
        QHash<int, WalkIn> walkIns;
        QHash<QString, qint64> earliest; // device -> the earliest time its check-ins may claim
        QList<CheckInResult> results;
        QString error;
        bool done = false; // SQLite: the writer thread is through with it (under m_groupMutex)
    };
    // Writes batches in one transaction; each gets its results, or all get the error.
    void runGroup(const QList<std::shared_ptr<IngestBatch>> &group);
    bool ingestBatch(QSqlDatabase &db, IngestBatch &batch, QString *error);
    // Creates the attendees that the new entries `fresh` (indexes into batch.items) register and
    // the event does not have yet, with feed numbers: they reach every kiosk like any attendee.
    bool createWalkIns(QSqlDatabase &db, const IngestBatch &batch, const QList<int> &fresh, QString *error);

    DatabaseConfig m_config;
    const WallClock *m_clock;
    QMutex m_mutex;
    QMutex m_sqliteWriter;
    QAtomicInteger<qint64> m_ingestedSinceAnalyze = 0;
    // SQLite: ingest batches wait in m_groupQueue for the writer thread, which writes them in
    // groups (one transaction, one flush) on a connection of its own.
    void writerLoop();
    QMutex m_groupMutex;
    QWaitCondition m_groupWake; // the writer: batches are waiting, or stop
    QWaitCondition m_groupDone; // the requests: a group is written
    QList<std::shared_ptr<IngestBatch>> m_groupQueue;
    bool m_writerStopping = false;
    std::unique_ptr<QThread> m_writer;
    std::unique_ptr<IngestCache> m_cache; // the writer's, used by its thread only
    // Moves whenever attendees or check-ins are written other than by the writer (an upload, a
    // re-classification), inside that transaction: the writer's cache is then forgotten.
    QAtomicInteger<quint64> m_peopleChanged = 0;
    bool noteWritingPeople(); // moves it (inside the transaction); true
    // Fills the search keys of attendees written before schema 4 (on open).
    bool fillSearchKeys(QString *error);
    // The names of the event's devices by id.
    bool deviceNames(QSqlDatabase &db, const QString &eventId, QHash<QString, QString> *names,
                     QString *error);
    QStringList m_connections;

    void checkpointLoop();
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_checkpointWanted = false;
    bool m_stopping = false;
    std::thread m_checkpointer;
};

} // namespace checkin
