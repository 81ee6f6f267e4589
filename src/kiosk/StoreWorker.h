// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AttendeeCsv.h"
#include "HybridClock.h"
#include "SearchIndex.h"
#include "SearchIndexBuilder.h"
#include "StoreTypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>

#include <memory>
#include <optional>

class QSqlQuery;
class QTimer;
class QSqlError;

namespace checkin {

// The kiosk's SQLite database, synchronously. It lives on LocalStore's worker thread and is only
// ever called there; every write is one transaction, committed with synchronous=FULL before the
// caller hears about it.
class StoreWorker : public QObject
{
    Q_OBJECT
public:
    StoreWorker(const QString &dataDir, const WallClock *clock);
    ~StoreWorker() override;

    StoreStatus open();
    void setIndexAhead(bool ahead) { m_indexAhead = ahead; }
    void close();
    // Closes the database, deletes its files and opens a fresh, empty one (a new device id): the
    // kiosk is handed back after the event. Everything it remembered of the old data goes too.
    StoreStatus wipe();
    QString databasePath() const;

    ImportSummary importAttendees(const QList<AttendeeCsv::Row> &rows, const QString &eventName);
    // Parses and imports a CSV file in one transaction, streaming rows; rolled back on any error.
    CsvImport importCsv(const QByteArray &bytes, const QString &eventName,
                        const AttendeeCsv::Options &options);
    ScanOutcome checkIn(const ScanRequest &request);
    ScanOutcome undo(const QString &checkInId);
    // Walk-ins (StoreWalkIn.cpp): creates an attendee of the active event for somebody not on the
    // list and records their entry, in one transaction. The entry remembers that it registered
    // them, so that its upload carries the person to the server.
    ScanOutcome registerWalkIn(WalkIn walkIn);
    // The event's ticket types, the most common first, at most `limit`.
    QStringList ticketTypes(int limit, QString *error);

    // Sync (StoreSync.cpp).
    SyncState syncState();
    Outbox outbox(int limit, int offset);
    StoreStatus markDelivered(const QStringList &checkInIds);
    // How the last sync attempt went, for `checkinctl status` and the status bar after a restart.
    StoreStatus recordSync(qint64 lastSyncMs, const QString &problem);
    // Applies a page of the server's change feed in one transaction, with the cursor it reached.
    StoreStatus applyChanges(const QList<Attendee> &attendees, const QList<CheckIn> &checkIns,
                             const QString &cursor, const QHash<QString, QString> &deviceNames = {},
                             const QList<BadgePrint> &prints = {}, const QList<CheckInList> &lists = {});
    // Doors that talk to each other (StorePeers.cpp).
    // The event's peer key as the server last gave it; a lower generation than the one kept is ignored.
    StoreStatus setPeerKey(const PeerKey &key);
    // Who this door is, its key, what it holds, the doors it heard and how many of its check-ins
    // another door holds (`replicatedUpTo`: the highest number of this door's check-ins that one
    // holds; -1: read it from the doors stored).
    PeerState peerState(qint64 replicatedUpTo = -1);
    HoldVector holdings(QString *error);
    // A door's check-ins held here with a number above `after`, by number, at most `limit`.
    PeerItems peerItems(const QString &originDevice, qint64 after, int limit);
    // Check-ins from other doors, in one transaction: new ones are kept as undelivered (the server
    // may not have them) and counted by the rules; `deviceNames` names the doors they come from.
    PeerApplied storePeerItems(const QList<PeerItem> &items, const QHash<QString, QString> &deviceNames);
    StoreStatus recordPeers(const QList<PeerRecord> &peers);
    // The doors whose undelivered check-ins held here this door leaves to them (they are alive and
    // reach the server): its outbox skips them. Empty: it delivers whatever it holds.
    void leaveToPeers(const QStringList &deviceIds) { m_leftToPeers = deviceIds; }

    // After enrolment: the server's event becomes the active one and this device takes the id the
    // server gave it (undelivered check-ins too, so that both sides order them alike).
    StoreStatus adoptEnrolment(const Event &event, const QString &deviceId, const QString &deviceName);

    // Check-in lists (StoreLists.cpp). The kiosk checks people in on one list of the active event;
    // its verdicts, "inside" and duplicates are that list's.
    ListsState lists();
    // Makes `listId` this kiosk's list (a retired or unknown one is refused) and re-derives who is
    // inside on it.
    StoreStatus chooseList(const QString &listId);
    // Sets the event's lists on a kiosk that has no server (checkinctl lists import): added or
    // replaced by id, never removed; every check-in is re-derived by the new rules. `timezone`
    // (an IANA name) becomes the event's; an event without one takes this computer's zone.
    StoreStatus setLists(const QList<CheckInList> &lists, const QString &timezone = {});

    SearchResult search(const QString &query, int limit);
    AttendeeDetail attendee(const QString &attendeeId);
    AttendeeDetail attendeeByCode(const QString &code);
    // The print log (StorePrints.cpp).
    StoreStatus recordPrint(const QString &attendeeId, const QString &layout, BadgePrint *recorded);
    bool loadPrints(const QString &attendeeId, QList<BadgePrint> *prints, QString *error);
    PrintOutbox printOutbox(int limit);
    StoreStatus markPrintsDelivered(const QStringList &ids);
    bool applyPrints(const QList<BadgePrint> &prints, QString *error);
    StoreStats stats();
    QList<CheckInRecord> checkInLog(QString *error);
    QList<AttendeeView> attendeeStates(QString *error);
    // For the event lead (StoreReview.cpp).
    ReviewList reviewItems(std::optional<ReviewKind> kind, int limit);

private:
    struct Prepared;
    class AttendeeUpsert;

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();
    QString describe(const QSqlError &error, const QString &what) const;
    // The key installed and the database encrypted (an older clear one copied into an encrypted
    // one); `fresh` is set when there is no database yet.
    StoreStatus prepareEncryption(bool *fresh);
    StoreStatus encryptClearDatabase();
    bool exec(QSqlQuery &query, QString *error, const QString &what);

    bool loadMeta(QString *error);
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value, QString *error);
    bool loadEvents(QString *error);
    bool createEvent(const QString &name, Event *event, QString *error);
    bool beginImport(const QString &eventName, Event *event, QString *error);
    ImportSummary endImport(const Event &event, AttendeeUpsert &upsert, QString error);

    bool loadLists(QString *error);
    // Stores lists (by id), reloads the rule book and re-derives every check-in when they changed.
    bool storeLists(const QList<CheckInList> &lists, QString *error);
    // Re-walks every attendee with check-ins, by the rule book and list of now.
    bool reclassifyAll(QString *error);

    bool findAttendee(const QString &column, const QString &value, AttendeeView *view, bool *found,
                      QString *error);
    bool loadCheckIns(const QString &eventId, const QString &attendeeId, const QString &codeHash,
                      QList<CheckInRecord> *records, QString *error);
    bool insertCheckIn(const CheckIn &checkIn, QString *error);
    // Re-derives the attendees `touched` that have check-ins (StoreSync.cpp).
    bool rederive(const QSet<QString> &touched, QString *error);
    // Keeps the names of other doors that are new or changed (returned in `newNames`).
    bool storeDeviceNames(const QHash<QString, QString> &deviceNames, QHash<QString, QString> *newNames,
                          QString *error);
    // Re-walks an attendee's check-ins and writes back the statuses and state that changed.
    bool reclassify(const Attendee *attendee, QList<CheckInRecord> records, AttendeeView *view,
                    QString *error);
    bool logRefusal(const ScanRequest &request, Verdict verdict, const QString &attendeeId,
                    const QString &codeHash, QString *error);
    ScanOutcome recordFor(const ScanRequest &request, AttendeeView *view, bool found,
                          const QString &codeHash);
    // The attendees of an order but `exceptId`, by name (at most MaxGroup); none for no order.
    static constexpr int MaxGroup = 50;
    bool loadOrder(const QString &orderCode, const QString &exceptId, QList<AttendeeView> *members,
                   QString *error);

    // The search index (StoreSearchIndex.cpp).
    bool ensureIndex(QString *error);
    // Starts building the search index off this thread after `delayMs` (restarted by each call),
    // ahead of the first search: after opening, an import, an enrolment, the last page of a pull.
    static constexpr int QuietMs = 300;
    void prepareIndexSoon(int delayMs = 0);
    void startIndexBuild();
    void adoptIndex(const SearchIndexBuilder::Result &result);
    // The attendees changed and the index is not (or no longer) up to date.
    void forgetIndex();
    // Puts a page of the server's attendees into a built index (a full rebuild per page would
    // cost a preload of 100,000 people minutes).
    bool indexAttendees(const QList<Attendee> &attendees, QString *error);
    QString deviceName(const QString &deviceId) const;

    QString m_dataDir;
    QString m_connectionName;
    const WallClock *m_wall;
    HybridClock m_clock;
    QSqlDatabase m_db;
    std::unique_ptr<Prepared> m_q;
    QHash<QString, QString> m_meta;
    Event m_event;               // the active event
    QList<Event> m_otherEvents;  // other events on this device, for "wrong event"
    RuleBook m_rules;            // the active event's lists and time zone
    QString m_listId;            // this kiosk's list ("" for the default list)
    bool m_listsTouched = false; // the open transaction changed them: a rollback reads them again
    QHash<QString, QString> m_deviceNames;
    QStringList m_leftToPeers; // leaveToPeers()
    SearchIndex m_index;
    bool m_indexReady = false;
    bool m_indexAhead = true;      // built ahead of the first search (LocalStore::setIndexAhead)
    quint64 m_indexGeneration = 0; // counts changes of attendees while the index is not ready
    bool m_indexBuilding = false;
    quint64 m_buildGeneration = 0;
    QFuture<SearchIndexBuilder::Result> m_indexBuild;
    QTimer *m_indexTimer = nullptr;
    // The attendee counts of the active event, kept between stats() calls: counting 100,000 rows
    // takes ~90 ms, and the status bar asks after every check-in. Check-ins adjust `inside`;
    // anything else that writes attendees, and every rollback, drops them.
    struct AttendeeCounts
    {
        bool valid = false;
        QString eventId;
        int attendees = 0;
        int cancelled = 0;
        int inside = 0;
        int walkIns = 0;
    };
    AttendeeCounts m_counts;
};

} // namespace checkin
