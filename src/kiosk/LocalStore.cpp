// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LocalStore.h"

#include "KioskLogging.h"
#include "StoreWorker.h"

namespace checkin {

LocalStore::LocalStore(const QString &dataDir, const WallClock *clock, QObject *parent)
    : QObject(parent)
    , m_dataDir(dataDir)
    , m_worker(new StoreWorker(dataDir, clock))
    , m_workerObject(m_worker)
{
    m_thread.setObjectName(QStringLiteral("kiosk-store"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LocalStore::~LocalStore()
{
    // Queued work finishes first; the worker closes the database on its own thread.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString LocalStore::databasePath() const
{
    return m_worker->databasePath();
}

QFuture<StoreStatus> LocalStore::setIndexAhead(bool ahead)
{
    return run<StoreStatus>([ahead](StoreWorker &w) {
        w.setIndexAhead(ahead);
        return StoreStatus{};
    });
}

QFuture<StoreStatus> LocalStore::open()
{
    return run<StoreStatus>([](StoreWorker &w) { return w.open(); });
}

QFuture<StoreStatus> LocalStore::wipe()
{
    return run<StoreStatus>([](StoreWorker &w) { return w.wipe(); });
}

QFuture<ImportSummary> LocalStore::importAttendees(const QList<AttendeeCsv::Row> &rows,
                                                   const QString &eventName)
{
    return run<ImportSummary>(
        [rows, eventName](StoreWorker &w) { return w.importAttendees(rows, eventName); });
}

QFuture<CsvImport> LocalStore::importCsv(const QByteArray &bytes, const QString &eventName,
                                         const AttendeeCsv::Options &options)
{
    return run<CsvImport>(
        [bytes, eventName, options](StoreWorker &w) { return w.importCsv(bytes, eventName, options); });
}

QFuture<ScanOutcome> LocalStore::checkIn(const ScanRequest &request)
{
    return run<ScanOutcome>([this, request](StoreWorker &w) { return announce(w.checkIn(request)); });
}

QFuture<ScanOutcome> LocalStore::undo(const QString &checkInId)
{
    return run<ScanOutcome>([this, checkInId](StoreWorker &w) { return announce(w.undo(checkInId)); });
}

QFuture<ScanOutcome> LocalStore::registerWalkIn(const WalkIn &walkIn)
{
    return run<ScanOutcome>([this, walkIn](StoreWorker &w) { return announce(w.registerWalkIn(walkIn)); });
}

// On the worker thread: tells listeners about a recorded check-in (queued to their threads).
ScanOutcome LocalStore::announce(const ScanOutcome &outcome)
{
    if (outcome.recorded)
        Q_EMIT checkInRecorded(outcome.checkInId);
    return outcome;
}

QFuture<SyncState> LocalStore::syncState()
{
    return run<SyncState>([](StoreWorker &w) { return w.syncState(); });
}

QFuture<Outbox> LocalStore::outbox(int limit, int offset)
{
    return run<Outbox>([limit, offset](StoreWorker &w) { return w.outbox(limit, offset); });
}

QFuture<StoreStatus> LocalStore::recordSync(qint64 lastSyncMs, const QString &problem)
{
    return run<StoreStatus>(
        [lastSyncMs, problem](StoreWorker &w) { return w.recordSync(lastSyncMs, problem); });
}

QFuture<StoreStatus> LocalStore::markDelivered(const QStringList &checkInIds)
{
    return run<StoreStatus>([checkInIds](StoreWorker &w) { return w.markDelivered(checkInIds); });
}

QFuture<StoreStatus> LocalStore::applyChanges(const QList<Attendee> &attendees,
                                              const QList<CheckIn> &checkIns, const QString &cursor,
                                              const QHash<QString, QString> &deviceNames,
                                              const QList<BadgePrint> &prints,
                                              const QList<CheckInList> &lists)
{
    return run<StoreStatus>([attendees, checkIns, cursor, deviceNames, prints, lists](StoreWorker &w) {
        return w.applyChanges(attendees, checkIns, cursor, deviceNames, prints, lists);
    });
}

QFuture<ListsState> LocalStore::lists()
{
    return run<ListsState>([](StoreWorker &w) { return w.lists(); });
}

QFuture<StoreStatus> LocalStore::chooseList(const QString &listId)
{
    return run<StoreStatus>([listId](StoreWorker &w) { return w.chooseList(listId); });
}

QFuture<StoreStatus> LocalStore::setLists(const QList<CheckInList> &lists, const QString &timezone)
{
    return run<StoreStatus>([lists, timezone](StoreWorker &w) { return w.setLists(lists, timezone); });
}

QFuture<StoreStatus> LocalStore::adoptEnrolment(const Event &event, const QString &deviceId,
                                                const QString &deviceName)
{
    return run<StoreStatus>([event, deviceId, deviceName](StoreWorker &w) {
        return w.adoptEnrolment(event, deviceId, deviceName);
    });
}

QFuture<SearchResult> LocalStore::search(const QString &query, int limit)
{
    return run<SearchResult>([query, limit](StoreWorker &w) { return w.search(query, limit); });
}

QFuture<AttendeeDetail> LocalStore::attendee(const QString &attendeeId)
{
    return run<AttendeeDetail>([attendeeId](StoreWorker &w) { return w.attendee(attendeeId); });
}

QFuture<AttendeeDetail> LocalStore::attendeeByCode(const QString &code)
{
    return run<AttendeeDetail>([code](StoreWorker &w) { return w.attendeeByCode(code); });
}

QFuture<BadgePrint> LocalStore::recordPrint(const QString &attendeeId, const QString &layout)
{
    return run<BadgePrint>([attendeeId, layout](StoreWorker &w) {
        BadgePrint recorded;
        const StoreStatus status = w.recordPrint(attendeeId, layout, &recorded);
        if (!status.ok())
            qCWarning(lcStore) << "the badge print could not be logged:" << status.error;
        return recorded; // an empty id: not logged
    });
}

QFuture<PrintOutbox> LocalStore::printOutbox(int limit)
{
    return run<PrintOutbox>([limit](StoreWorker &w) { return w.printOutbox(limit); });
}

QFuture<StoreStatus> LocalStore::markPrintsDelivered(const QStringList &printIds)
{
    return run<StoreStatus>([printIds](StoreWorker &w) { return w.markPrintsDelivered(printIds); });
}

QFuture<StoreStats> LocalStore::stats()
{
    return run<StoreStats>([](StoreWorker &w) { return w.stats(); });
}

QFuture<StoreStatus> LocalStore::setPeerKey(const PeerKey &key)
{
    return run<StoreStatus>([key](StoreWorker &w) { return w.setPeerKey(key); });
}

QFuture<PeerState> LocalStore::peerState(qint64 replicatedUpTo)
{
    return run<PeerState>([replicatedUpTo](StoreWorker &w) { return w.peerState(replicatedUpTo); });
}

QFuture<PeerItems> LocalStore::peerItems(const QString &originDevice, qint64 after, int limit)
{
    return run<PeerItems>(
        [originDevice, after, limit](StoreWorker &w) { return w.peerItems(originDevice, after, limit); });
}

QFuture<PeerApplied> LocalStore::storePeerItems(const QList<PeerItem> &items,
                                                const QHash<QString, QString> &deviceNames)
{
    return run<PeerApplied>([this, items, deviceNames](StoreWorker &w) {
        PeerApplied applied = w.storePeerItems(items, deviceNames);
        if (applied.stored > 0)
            QMetaObject::invokeMethod(
                this, [this, n = applied.stored] { Q_EMIT peerCheckInsStored(n); }, Qt::QueuedConnection);
        return applied;
    });
}

QFuture<StoreStatus> LocalStore::recordPeers(const QList<PeerRecord> &peers)
{
    return run<StoreStatus>([peers](StoreWorker &w) { return w.recordPeers(peers); });
}

void LocalStore::leaveToPeers(const QStringList &deviceIds)
{
    // In the order of the calls, like everything else: an outbox read after this one skips them.
    run<bool>([deviceIds](StoreWorker &w) {
        w.leaveToPeers(deviceIds);
        return true;
    });
}

QFuture<ReviewList> LocalStore::reviewItems(std::optional<ReviewKind> kind, int limit)
{
    return run<ReviewList>([kind, limit](StoreWorker &w) { return w.reviewItems(kind, limit); });
}

QFuture<LocalStore::Log> LocalStore::checkInLog()
{
    return run<Log>([](StoreWorker &w) {
        Log log;
        log.checkIns = w.checkInLog(&log.error);
        return log;
    });
}

QFuture<LocalStore::States> LocalStore::attendeeStates()
{
    return run<States>([](StoreWorker &w) {
        States states;
        states.attendees = w.attendeeStates(&states.error);
        return states;
    });
}

QFuture<LocalStore::TicketTypes> LocalStore::ticketTypes(int limit)
{
    return run<TicketTypes>([limit](StoreWorker &w) {
        TicketTypes types;
        types.names = w.ticketTypes(limit, &types.error);
        return types;
    });
}

} // namespace checkin
