// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AttendeeCsv.h"
#include "StoreTypes.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPromise>
#include <QThread>

#include <memory>
#include <optional>

namespace checkin {

class StoreWorker;
class WallClock;

// The kiosk's local database, used asynchronously: every call is queued to a worker thread that
// owns the SQLite connection, and answers with a QFuture. Calls run in the order they are made.
// The UI thread never waits on the disk.
class LocalStore : public QObject
{
    Q_OBJECT
public:
    LocalStore(const QString &dataDir, const WallClock *clock, QObject *parent = nullptr);
    ~LocalStore() override;

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const;

    QFuture<StoreStatus> open();
    // Whether the search index is built ahead of the first search, off the store's thread, after
    // opening, an import or a preload (the kiosk: yes, the default). A one-shot tool says no before
    // open(): it builds the index when it searches, and only then holds it in memory.
    QFuture<StoreStatus> setIndexAhead(bool ahead);
    // Deletes the database and starts an empty one (StoreWorker::wipe): for a kiosk handed back.
    QFuture<StoreStatus> wipe();
    QFuture<ImportSummary> importAttendees(const QList<AttendeeCsv::Row> &rows,
                                           const QString &eventName = {});
    // Parses and imports an attendee list on the worker thread, all or nothing.
    QFuture<CsvImport> importCsv(const QByteArray &bytes, const QString &eventName = {},
                                 const AttendeeCsv::Options &options = {});
    QFuture<ScanOutcome> checkIn(const ScanRequest &request);
    QFuture<ScanOutcome> undo(const QString &checkInId);
    // Registers somebody who is not on the list and records their entry (StoreWorker::registerWalkIn).
    QFuture<ScanOutcome> registerWalkIn(const WalkIn &walkIn);
    QFuture<SyncState> syncState();
    // Undelivered check-ins, oldest first, skipping the first `offset` (those already on their way).
    QFuture<Outbox> outbox(int limit, int offset = 0);
    QFuture<StoreStatus> markDelivered(const QStringList &checkInIds);
    QFuture<StoreStatus> recordSync(qint64 lastSyncMs, const QString &problem);
    // `deviceNames`: id -> name of the devices that recorded the check-ins, as the server knows them.
    // `prints`: badges printed at the doors (ours too, back from the server). `lists`: check-in
    // lists, new or changed (applied first; new rules re-derive every check-in).
    QFuture<StoreStatus> applyChanges(const QList<Attendee> &attendees, const QList<CheckIn> &checkIns,
                                      const QString &cursor, const QHash<QString, QString> &deviceNames = {},
                                      const QList<BadgePrint> &prints = {},
                                      const QList<CheckInList> &lists = {});
    // Check-in lists (StoreWorker::lists(), chooseList(), setLists()).
    QFuture<ListsState> lists();
    QFuture<StoreStatus> chooseList(const QString &listId);
    QFuture<StoreStatus> setLists(const QList<CheckInList> &lists, const QString &timezone = {});
    QFuture<StoreStatus> adoptEnrolment(const Event &event, const QString &deviceId,
                                        const QString &deviceName);
    QFuture<SearchResult> search(const QString &query, int limit = 50);
    QFuture<AttendeeDetail> attendee(const QString &attendeeId);
    // The attendee a ticket code (or a walk-in's badge) stands for, as a scan would find them
    // (the other keyboard layout's reading too); `found` false when none. Records nothing.
    QFuture<AttendeeDetail> attendeeByCode(const QString &code);
    // A badge printed here for the attendee: in the print log, for the server and every door.
    QFuture<BadgePrint> recordPrint(const QString &attendeeId, const QString &layout);
    QFuture<PrintOutbox> printOutbox(int limit);
    QFuture<StoreStatus> markPrintsDelivered(const QStringList &printIds);
    QFuture<StoreStats> stats();
    // Doors that talk to each other (StoreWorker::setPeerKey() and the rest; src/kiosk/peers).
    QFuture<StoreStatus> setPeerKey(const PeerKey &key);
    QFuture<PeerState> peerState(qint64 replicatedUpTo = -1);
    QFuture<PeerItems> peerItems(const QString &originDevice, qint64 after, int limit);
    // Emits peerCheckInsStored() when any were new here.
    QFuture<PeerApplied> storePeerItems(const QList<PeerItem> &items,
                                        const QHash<QString, QString> &deviceNames);
    QFuture<StoreStatus> recordPeers(const QList<PeerRecord> &peers);
    void leaveToPeers(const QStringList &deviceIds);
    struct Log
    {
        QString error;
        QList<CheckInRecord> checkIns;
    };
    QFuture<Log> checkInLog();
    // The check-ins the event lead reviews (duplicates, conflicts, rejected, overrides), newest
    // first, at most `limit`, of one kind or all; with the counts of each kind.
    QFuture<ReviewList> reviewItems(std::optional<ReviewKind> kind = std::nullopt, int limit = 500);
    struct States
    {
        QString error;
        QList<AttendeeView> attendees;
    };
    QFuture<States> attendeeStates();
    struct TicketTypes
    {
        QString error;
        QStringList names; // the most common first
    };
    QFuture<TicketTypes> ticketTypes(int limit = 12);

    // Runs `work` on the worker thread with the worker; for the few callers (tests, tools) that
    // need something this interface does not offer. Returns its result.
    template<typename T, typename Work> QFuture<T> run(Work work)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_workerObject,
            [promise, work = std::move(work), worker = m_worker]() mutable {
                promise->addResult(work(*worker));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

Q_SIGNALS:
    // A check-in was recorded (the sync engine's cue to push).
    void checkInRecorded(const QString &checkInId);
    // Check-ins from other doors were stored here (counts and verdicts may have changed).
    void peerCheckInsStored(int count);

private:
    ScanOutcome announce(const ScanOutcome &outcome);

    QString m_dataDir;
    QThread m_thread;
    StoreWorker *m_worker;
    QObject *m_workerObject; // the same object, as a QObject for queued calls
};

} // namespace checkin
