// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: batched check-in ingest, exactly once per check-in id, classified by the same rules
// as the kiosk (src/domain), with re-classification published on the change feed.
#include "ServerStore.h"

#include "CheckInRules.h"
#include "IngestCache.h"
#include "ServerLogging.h"
#include "ServerRows.h"
#include "SqlStatement.h"
#include "WallClock.h"

#include <QElapsedTimer>
#include <QSet>
#include <QThread>

namespace checkin {

namespace {

// An attendee of the event from columns id, status, cancelled_at (the first three).
void readPerson(const SqlStatement &q, IngestPerson *p)
{
    p->known = true;
    p->status = q.int32(1) == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
    p->cancelledAtMs = q.int64(2);
    p->ticketType = q.text(3);
}

bool sameClassification(const Classification &a, const Classification &b)
{
    return a.status == b.status && a.reason == b.reason && a.first == b.first && a.undoneBy == b.undoneBy;
}

} // namespace

Result<QList<CheckInResult>> ServerStore::ingest(const QString &eventId, const QString &deviceId,
                                                 QList<CheckIn> items, const QStringList &bodyHashes,
                                                 const QHash<int, WalkIn> &walkIns,
                                                 const QHash<QString, qint64> &earliest)
{
    auto mine = std::make_shared<IngestBatch>(
        IngestBatch{eventId, deviceId, std::move(items), bodyHashes, walkIns, earliest, {}, {}});
    if (m_config.isPostgres()) {
        // PostgreSQL runs batches side by side (and groups commits itself).
        runGroup({mine});
    } else {
        // SQLite has one writer: one thread writes every batch (writerLoop), and the batches that
        // arrive while it writes are written together in its next transaction, so one disk flush
        // serves them all.
        QMutexLocker lock(&m_groupMutex);
        if (!m_writer) {
            m_cache = std::make_unique<IngestCache>();
            m_writer.reset(QThread::create([this] { writerLoop(); }));
            m_writer->setObjectName(QStringLiteral("ingest-writer")); // as top -H shows it
            m_writer->start();
        }
        m_groupQueue << mine;
        m_groupWake.wakeOne();
        while (!mine->done)
            m_groupDone.wait(&m_groupMutex);
    }
    if (!mine->error.isEmpty())
        return {{}, dbError(QStringLiteral("storing check-ins"), mine->error)};
    return {mine->results, {}};
}

void ServerStore::runGroup(const QList<std::shared_ptr<IngestBatch>> &group)
{
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (db.isOpen() && tx.begin(&error)) {
        // Under the writer lock: nobody else writes people until this transaction ends.
        if (m_cache)
            m_cache->sync(m_peopleChanged.loadAcquire());
        for (const std::shared_ptr<IngestBatch> &batch : group) {
            if (!ingestBatch(db, *batch, &error))
                break;
        }
        if (error.isEmpty())
            tx.commit(&error);
    } else if (error.isEmpty()) {
        error = QStringLiteral("no database connection");
    }
    if (!error.isEmpty() && m_cache)
        m_cache->clear(); // it holds what was rolled back
    for (const std::shared_ptr<IngestBatch> &batch : group) {
        batch->error = error;
        if (error.isEmpty())
            m_ingestedSinceAnalyze.fetchAndAddRelaxed(batch->items.size());
    }
}

void ServerStore::writerLoop()
{
    // One connection for every batch: its page cache stays warm from one transaction to the next
    // (SQLite drops a connection's cache when another connection wrote since its last one).
    QMutexLocker lock(&m_groupMutex);
    for (;;) {
        while (m_groupQueue.isEmpty() && !m_writerStopping)
            m_groupWake.wait(&m_groupMutex);
        if (m_groupQueue.isEmpty())
            break; // stopping, and nothing left to write
        const QList<std::shared_ptr<IngestBatch>> group = std::exchange(m_groupQueue, {});
        lock.unlock();
        runGroup(group);
        lock.relock();
        for (const std::shared_ptr<IngestBatch> &batch : group)
            batch->done = true;
        m_groupDone.wakeAll();
    }
}

bool ServerStore::ingestBatch(QSqlDatabase &db, IngestBatch &batch, QString *errorOut)
{
    const QString &eventId = batch.eventId;
    const QString &deviceId = batch.deviceId;
    QList<CheckIn> &items = batch.items;
    const QStringList &bodyHashes = batch.bodyHashes;
    QString error;
    SqlStatement q(db);
    auto fail = [&](const QString &detail) {
        *errorOut = detail;
        return false;
    };

    // 1. What is known already: the same id with the same body gets its stored result. Ids are
    //    the event's own (the key is (event, id)): another event's check-in with the same id is
    //    neither seen nor answered here.
    QHash<QString, QPair<QString, CheckInResult>> known; // id -> (body hash, result)
    {
        QStringList ids;
        for (const CheckIn &c : std::as_const(items))
            ids << c.id;
        if (!q.prepare(QStringLiteral("SELECT id, body_hash, status, reason, first FROM checkins WHERE "
                                      "event_id = ? AND id IN (%1)")
                           .arg(q.list(ids.size()))))
            return fail(q.lastError());
        if (!q.bind(eventId).bindList(ids).exec())
            return fail(q.lastError());
        while (q.next()) {
            const QString id = q.text(0);
            known.insert(id, {q.text(1), CheckInResult{id, CheckInStatus(q.int32(2)), q.text(3), q.text(4)}});
        }
        if (!q.lastError().isEmpty())
            return fail(q.lastError());
    }

    QList<CheckInResult> results(items.size());
    QList<int> fresh;   // indexes of items to store
    QList<int> repeats; // the same id again in this batch, with the same body
    QHash<QString, int> inBatch;
    for (int i = 0; i < items.size(); ++i) {
        const CheckIn &c = items[i];
        results[i].id = c.id;
        const auto stored = known.constFind(c.id);
        const QString &hash = bodyHashes[i];
        const bool seen = stored != known.constEnd() || inBatch.contains(c.id);
        const QString seenHash =
            stored != known.constEnd() ? stored->first : (seen ? bodyHashes[inBatch.value(c.id)] : QString());
        if (seen && seenHash != hash) {
            results[i] = {c.id, CheckInStatus::Rejected, QStringLiteral("id_reused"), {}};
            continue;
        }
        if (stored != known.constEnd()) {
            results[i] = stored->second;
            continue;
        }
        if (seen) {
            repeats << i; // answered like its first occurrence, below
            continue;
        }
        inBatch.insert(c.id, i);
        fresh << i;
    }

    // 1b. Walk-ins: the people new entries register, created before they are classified. Ordinary
    //     batches carry none and skip this.
    if (!batch.walkIns.isEmpty() && !createWalkIns(db, batch, fresh, &error))
        return fail(error);

    // 2. Whom the new check-ins are for: codes are resolved to attendees of this event here;
    //    attendee ids are checked by the classification (an unknown one is rejected, kept for audit).
    QSet<QString> attendeeIds;
    QSet<int> clamped; // items whose device clock was too far ahead
    QSet<int> early;   // items that claimed a time before their device's earliest
    {
        QStringList byCode;
        for (int i : std::as_const(fresh)) {
            if (items[i].attendeeId.isEmpty())
                byCode << items[i].codeHash;
        }
        QHash<QString, QString> codeOwner;
        if (!byCode.isEmpty()) {
            if (!q.prepare(QStringLiteral(
                               "SELECT id, code_hash FROM attendees WHERE event_id = ? AND code_hash IN (%1)")
                               .arg(q.list(byCode.size()))))
                return fail(q.lastError());
            if (!q.bind(eventId).bindList(byCode).exec())
                return fail(q.lastError());
            while (q.next())
                codeOwner.insert(q.text(1), q.text(0));
            if (!q.lastError().isEmpty())
                return fail(q.lastError());
        }
        const qint64 now = m_clock->nowMs();
        for (int i : std::as_const(fresh)) {
            CheckIn &c = items[i];
            c.eventId = eventId;
            if (c.deviceId.isEmpty())
                c.deviceId = deviceId;
            if (c.attendeeId.isEmpty())
                c.attendeeId = codeOwner.value(c.codeHash);
            const HybridClock::Observation seen = HybridClock::clamp(c.hlc, now);
            c.hlc = seen.hlc;
            if (seen.clamped)
                clamped.insert(i);
            // A time before the event (or long before its door was enrolled) is not believed: the
            // check-in counts from when it arrived, after everything the server has, and the lead
            // sees it flagged. Otherwise a door could put its entry before another door's.
            if (const qint64 floor = batch.earliest.value(c.deviceId, 0); floor > 0 && c.hlc.ms < floor) {
                c.hlc = Hlc{now, c.hlc.counter};
                c.atMs = now;
                early.insert(i);
            }
            if (!c.attendeeId.isEmpty())
                attendeeIds.insert(c.attendeeId);
        }
    }

    // 3. Lock the attendees concerned, derive their check-ins with the new ones, write what changed.
    QList<CheckIn> freshItems;
    for (int i : std::as_const(fresh))
        freshItems << items[i];
    QHash<QString, Classification> classified; // the new check-ins
    if (!classify(db, eventId, QStringList(attendeeIds.cbegin(), attendeeIds.cend()), freshItems, &classified,
                  m_cache.get(), &error))
        return fail(error);

    // 4. Store the new check-ins with their classification and feed numbers.
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(fresh.size()), &seqs, &error))
        return fail(error);
    const qint64 now = m_clock->nowMs();
    QList<Classification> stored(fresh.size());
    for (qsizetype n = 0; n < fresh.size(); ++n) {
        const CheckIn &c = items[fresh[n]];
        stored[n] = c.attendeeId.isEmpty() ? Classification{.status = CheckInStatus::Rejected,
                                                            .reason = QStringLiteral("unknown_attendee")}
                                           : classified.value(c.id);
        results[fresh[n]] = {c.id, stored[n].status, stored[n].reason, stored[n].first};
    }
    // Bound value by value, not gathered into rows of QVariants first: this is the ingest's
    // hottest loop.
    const auto bindRow = [&](SqlStatement &row, qsizetype n) {
        const int i = fresh[n];
        const CheckIn &c = items[i];
        const Classification &cls = stored[n];
        row.bind(c.id).bind(eventId).bind(c.attendeeId).bind(c.codeHash).bind(int(c.kind)).bind(c.ref);
        row.bind(c.atMs).bind(qint64(c.hlc.packed())).bind(c.deviceId).bind(c.forced ? 1 : 0).bind(c.note);
        row.bind(early.contains(i)     ? 2
                 : clamped.contains(i) ? 1
                                       : 0)
            .bind(bodyHashes[i])
            .bind(now)
            .bind(int(cls.status));
        row.bind(cls.reason).bind(cls.first).bind(cls.undoneBy).bind(seqs[n]).bind(c.list).bind(c.answer);
        row.bind(c.paper ? 1 : 0).bind(c.deviceId == deviceId ? QString() : deviceId);
    };
    if (!insertRows(
            db,
            QStringLiteral("checkins (id, event_id, attendee_id, code_hash, kind, ref, at, hlc, device_id, "
                           "forced, note, clamped, body_hash, received_at, status, reason, first, undone_by, "
                           "seq, list, answer, paper, relayed_by)"),
            23, fresh.size(), bindRow, &error))
        return fail(error);

    for (int i : std::as_const(repeats))
        results[i] = results[inBatch.value(items[i].id)];
    batch.results = results;
    return true;
}

bool ServerStore::createWalkIns(QSqlDatabase &db, const IngestBatch &batch, const QList<int> &fresh,
                                QString *error)
{
    // The first entry for each attendee id registers them; a later one (or one for somebody the
    // event has) only checks in.
    QStringList ids;
    QHash<QString, int> registering; // attendee id -> item index
    for (int i : fresh) {
        const auto walkIn = batch.walkIns.constFind(i);
        if (walkIn == batch.walkIns.constEnd() || registering.contains(batch.items[i].attendeeId))
            continue;
        registering.insert(batch.items[i].attendeeId, i);
        ids << batch.items[i].attendeeId;
    }
    if (ids.isEmpty())
        return true;
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("SELECT id FROM attendees WHERE event_id = ? AND id IN (%1)")
                       .arg(q.list(ids.size()))) ||
        !q.bind(batch.eventId).bindList(ids).exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        registering.remove(q.text(0));
    if (!q.lastError().isEmpty()) {
        *error = q.lastError();
        return false;
    }
    ids.removeIf([&](const QString &id) { return !registering.contains(id); });
    if (ids.isEmpty())
        return true;

    QList<qint64> seqs;
    if (!allocateSeqs(db, int(ids.size()), &seqs, error))
        return false;
    const qint64 now = m_clock->nowMs();
    QList<QVariantList> rows;
    for (qsizetype n = 0; n < ids.size(); ++n) {
        const int i = registering.value(ids[n]);
        const WalkIn w = batch.walkIns.value(i);
        rows << QVariantList{
            QVariant(batch.eventId),
            QVariant(ids[n]),
            QVariant(), // no ticket code
            ServerRows::text(w.firstName),
            ServerRows::text(w.lastName),
            ServerRows::text(w.company),
            ServerRows::text(w.ticketType),
            QVariant(now),
            QVariant(seqs[n]),
            QVariant(batch.items[i].id),
            QVariant(batch.items[i].deviceId.isEmpty() ? batch.deviceId : batch.items[i].deviceId),
            ServerRows::searchKeys(
                Attendee{.firstName = w.firstName, .lastName = w.lastName, .company = w.company})};
    }
    if (!insertRows(db,
                    QStringLiteral("attendees (event_id, id, code_hash, first_name, last_name, company, "
                                   "ticket_type, updated_at, seq, walk_in_checkin, walk_in_device, search)"),
                    rows, error))
        return false;
    // The writer knew them as nobody: it reads them again, as attendees now.
    if (m_cache) {
        QHash<QString, IngestPerson> people;
        if (!loadPeople(db, batch.eventId, ids, &people, error))
            return false;
        m_cache->remember(batch.eventId, std::move(people));
    }
    return true;
}

bool ServerStore::loadPeople(QSqlDatabase &db, const QString &eventId, const QStringList &ids,
                             QHash<QString, IngestPerson> *people, QString *error)
{
    for (const QString &id : ids)
        people->insert(id, {});
    if (ids.isEmpty())
        return true;
    // The attendees with their check-ins, in one statement. Check-ins for an id the event does not
    // know are not read: they are rejected whatever else arrives, until the attendee exists.
    SqlStatement q(db);
    if (!q.prepare(
            QStringLiteral("SELECT a.id, a.status, a.cancelled_at, a.ticket_type, %1 FROM attendees a "
                           "LEFT JOIN checkins c "
                           "ON c.event_id = a.event_id AND c.attendee_id = a.id WHERE a.event_id = ? AND "
                           "a.id IN (%2)")
                .arg(ServerRows::checkInColumns(QStringLiteral("c.")), q.list(ids.size()))) ||
        !q.bind(eventId).bindList(ids).exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next()) {
        IngestPerson &p = (*people)[q.text(0)];
        readPerson(q, &p);
        if (q.text(4).isNull()) // no check-ins yet
            continue;
        CheckIn c;
        Classification cls;
        ServerRows::readCheckIn(q, 4, eventId, &c, &cls);
        p.checkIns << IngestPerson::Stored::of(std::move(c), cls);
    }
    *error = q.lastError();
    return error->isEmpty();
}

bool ServerStore::loadWholeEvent(QSqlDatabase &db, const QString &eventId, IngestCache *cache, QString *error)
{
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("SELECT COUNT(*) FROM attendees WHERE event_id = ?")) ||
        !q.bind(eventId).exec() || !q.next()) {
        *error = q.lastError();
        return false;
    }
    if (q.int64(0) > IngestCache::maxPeople) {
        cache->setTooLarge(eventId);
        return true;
    }
    QElapsedTimer took;
    took.start();
    // Two passes, each in index order, rather than a probe for each attendee.
    QHash<QString, IngestPerson> people;
    people.reserve(q.int64(0));
    if (!q.prepare(QStringLiteral(
            "SELECT id, status, cancelled_at, ticket_type FROM attendees WHERE event_id = ?")) ||
        !q.bind(eventId).exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        readPerson(q, &people[q.text(0)]);
    if (!q.lastError().isEmpty() ||
        !q.prepare(
            QStringLiteral("SELECT %1 FROM checkins WHERE event_id = ?").arg(ServerRows::checkInColumns())) ||
        !q.bind(eventId).exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next()) {
        CheckIn c;
        Classification cls;
        ServerRows::readCheckIn(q, 0, eventId, &c, &cls);
        const auto person = people.find(c.attendeeId);
        if (person != people.end()) // check-ins for nobody the event has are not held
            person->checkIns << IngestPerson::Stored::of(std::move(c), cls);
    }
    if (!q.lastError().isEmpty()) {
        *error = q.lastError();
        return false;
    }
    const qsizetype count = people.size();
    cache->setWhole(eventId, std::move(people));
    qCDebug(lcIngest) << "the writer read the" << count << "attendees of event" << eventId << "with"
                      << cache->checkInCount() << "check-ins held in" << took.elapsed() << "ms";
    return true;
}

bool ServerStore::classify(QSqlDatabase &db, const QString &eventId, QStringList attendeeIds,
                           const QList<CheckIn> &fresh, QHash<QString, Classification> *freshResults,
                           IngestCache *cache, QString *error, int *changedCount, const RuleBook *rulesBefore)
{
    if (attendeeIds.isEmpty())
        return true;
    attendeeIds.removeDuplicates();
    // The rules of now (and on PostgreSQL the event row shared: lists do not change meanwhile).
    RuleBook rules;
    if (!loadRules(db, eventId, &rules, error))
        return false;
    // Lock the attendees concerned, in one order (no deadlocks), so that two doors' batches for
    // the same person are classified one after the other (PostgreSQL; SQLite has one writer).
    if (m_config.isPostgres()) {
        std::sort(attendeeIds.begin(), attendeeIds.end());
        SqlStatement lock(db);
        if (!lock.prepare(
                QStringLiteral(
                    "SELECT id FROM attendees WHERE event_id = ? AND id IN (%1) ORDER BY id FOR UPDATE")
                    .arg(lock.list(attendeeIds.size()))) ||
            !lock.bind(eventId).bindList(attendeeIds).exec()) {
            *error = lock.lastError();
            return false;
        }
    }
    // The people concerned: from the writer's cache where it has them, else from the database.
    if (cache && cache->wantsWhole(eventId) && !loadWholeEvent(db, eventId, cache, error))
        return false;
    // People the cache holds are classified where they are held (the cache is cleared if the
    // transaction fails); the others are read, then remembered.
    QHash<QString, IngestPerson> read;
    read.reserve(attendeeIds.size());
    if (!loadPeople(db, eventId, cache ? cache->missing(eventId, attendeeIds) : attendeeIds, &read, error))
        return false;
    QList<IngestPerson *> people(attendeeIds.size(), nullptr);
    for (qsizetype n = 0; n < attendeeIds.size(); ++n) {
        const QString &id = attendeeIds[n];
        if (read.contains(id))
            continue;
        people[n] = cache ? cache->held(eventId, id) : nullptr;
        if (!people[n])
            read.insert(id, {}); // nobody the event has
    }
    for (qsizetype n = 0; n < attendeeIds.size(); ++n) {
        if (!people[n])
            people[n] = &read[attendeeIds[n]]; // no insertion: every one is there
    }
    QHash<QString, QList<CheckIn>> freshOf;
    for (const CheckIn &c : fresh) {
        if (!c.attendeeId.isEmpty())
            freshOf[c.attendeeId] << c;
    }

    QHash<QString, Classification> changed; // stored check-ins whose classification changed
    QHash<QString, bool> inside;            // attendees who came in (true) or went out (false)
    qsizetype heldGrew = 0;                 // check-ins added to people the cache holds
    for (qsizetype n = 0; n < attendeeIds.size(); ++n) {
        const QString &id = attendeeIds[n];
        IngestPerson &person = *people[n];
        const QList<CheckIn> mine = freshOf.value(id);
        QList<CheckIn> before;
        before.reserve(person.checkIns.size());
        for (const IngestPerson::Stored &s : std::as_const(person.checkIns))
            before << s.checkIn;
        const Attendee attendee = person.attendee(id);
        const Attendee *known = person.known ? &attendee : nullptr;
        const Derivation d = derive(known, before + mine, &rules);
        // Whether they were inside: the same walk over what was stored (the classification of a
        // stored check-in may change with the new ones, so it is walked, not read).
        // After a change of rules, by the rules they were counted by.
        const bool wasInside =
            !before.isEmpty() && derive(known, before, rulesBefore ? rulesBefore : &rules).state.inside;
        if (d.state.inside != wasInside)
            inside.insert(id, d.state.inside);
        for (IngestPerson::Stored &s : person.checkIns) {
            const Classification &now = d.byId.value(s.checkIn.id);
            if (!sameClassification(now, s.classification))
                changed.insert(s.checkIn.id, now);
            s.classification = now;
        }
        for (const CheckIn &c : mine) {
            const Classification &now = d.byId.value(c.id);
            freshResults->insert(c.id, now);
            if (person.known) // as the database will read them back
                person.checkIns << IngestPerson::Stored::of(c, now);
        }
        if (person.known && !mine.isEmpty() && !read.contains(id))
            heldGrew += mine.size();
    }

    if (changedCount)
        *changedCount += int(changed.size());
    // Re-classified check-ins get new feed numbers: every kiosk hears of the change.
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(changed.size()), &seqs, error))
        return false;
    qsizetype next = 0;
    SqlStatement update(db);
    if (!changed.isEmpty() &&
        !update.prepare(
            QStringLiteral("UPDATE checkins SET status = ?, reason = ?, first = ?, undone_by = ?, "
                           "seq = ?, txid = %1 WHERE event_id = ? AND id = ?")
                .arg(txidExpression()))) {
        *error = update.lastError();
        return false;
    }
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const Classification &cls = it.value();
        update.bind(int(cls.status)).bind(cls.reason).bind(cls.first).bind(cls.undoneBy).bind(seqs[next++]);
        if (!update.bind(eventId).bind(it.key()).exec()) {
            *error = update.lastError();
            return false;
        }
    }
    if (!recordInside(db, eventId, inside, error))
        return false;
    if (cache) {
        cache->grew(heldGrew);
        cache->remember(eventId, std::move(read));
    }
    return true;
}

bool ServerStore::recordInside(QSqlDatabase &db, const QString &eventId, const QHash<QString, bool> &inside,
                               QString *error)
{
    if (inside.isEmpty())
        return true;
    if (!m_config.isPostgres()) {
        // One writer: the event's counter row takes the batch's net change.
        qint64 delta = 0;
        for (const bool in : inside)
            delta += in ? 1 : -1;
        if (delta == 0)
            return true;
        SqlStatement q(db);
        if (!q.prepare(
                QStringLiteral("INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO "
                               "UPDATE SET value = counters.value + excluded.value")) ||
            !q.bind(insideCounter(eventId)).bind(delta).exec()) {
            *error = q.lastError();
            return false;
        }
        return true;
    }
    // Writers side by side: each sets the flag on the attendee rows it has locked. Two statements,
    // not one per person.
    for (const bool value : {true, false}) {
        QStringList ids;
        for (auto it = inside.cbegin(); it != inside.cend(); ++it) {
            if (it.value() == value)
                ids << it.key();
        }
        if (ids.isEmpty())
            continue;
        SqlStatement state(db);
        if (!state.prepare(QStringLiteral("UPDATE attendees SET inside = ? WHERE event_id = ? AND id IN (%1)")
                               .arg(state.list(ids.size()))) ||
            !state.bind(value ? 1 : 0).bind(eventId).bindList(ids).exec()) {
            *error = state.lastError();
            return false;
        }
    }
    return true;
}

QString ServerStore::insideCounter(const QString &eventId)
{
    return QStringLiteral("inside:") + eventId;
}

bool ServerStore::noteWritingPeople()
{
    m_peopleChanged.fetchAndAddOrdered(1);
    return true;
}

Result<bool> ServerStore::reclassify(const QString &eventId, const QStringList &attendeeIds)
{
    QString error;
    QSqlDatabase db = connection(&error);
    QHash<QString, Classification> none;
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error) || !noteWritingPeople() ||
        !classify(db, eventId, attendeeIds, {}, &none, nullptr, &error) || !tx.commit(&error)) {
        return {false, dbError(QStringLiteral("re-classifying check-ins"), error)};
    }
    return {true, {}};
}

} // namespace checkin
