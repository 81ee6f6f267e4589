// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: batched check-in ingest, exactly once per check-in id, classified by the same rules
// as the kiosk (src/domain), with re-classification published on the change feed.
#include "ServerStore.h"

#include "CheckInRules.h"
#include "ServerRows.h"
#include "WallClock.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

namespace {

struct Stored
{
    CheckIn checkIn;
    Classification classification;
};

Stored storedFrom(const QSqlQuery &q, const QString &eventId)
{
    Stored s;
    ServerRows::readCheckIn(q, 0, eventId, &s.checkIn, &s.classification);
    return s;
}

bool sameClassification(const Classification &a, const Classification &b)
{
    return a.status == b.status && a.reason == b.reason && a.first == b.first && a.undoneBy == b.undoneBy;
}

} // namespace

Result<QList<CheckInResult>> ServerStore::ingest(const QString &eventId, const QString &deviceId,
                                                 QList<CheckIn> items, const QStringList &bodyHashes,
                                                 const QHash<int, WalkIn> &walkIns)
{
    auto mine = std::make_shared<IngestBatch>(
        IngestBatch{eventId, deviceId, std::move(items), bodyHashes, walkIns, {}, {}});
    if (m_config.isPostgres()) {
        // PostgreSQL runs batches side by side (and groups commits itself).
        runGroup({mine});
    } else {
        // SQLite has one writer: batches that arrive while one is being written are written
        // together in the next transaction, so one disk flush serves them all.
        QMutexLocker lock(&m_groupMutex);
        m_groupQueue << mine;
        while (!mine->done) {
            if (m_groupLeader) {
                m_groupDone.wait(&m_groupMutex);
                continue;
            }
            m_groupLeader = true;
            const QList<std::shared_ptr<IngestBatch>> group = std::exchange(m_groupQueue, {});
            lock.unlock();
            runGroup(group);
            lock.relock();
            m_groupLeader = false;
            m_groupDone.wakeAll();
        }
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
        for (const std::shared_ptr<IngestBatch> &batch : group) {
            if (!ingestBatch(db, *batch, &error))
                break;
        }
        if (error.isEmpty())
            tx.commit(&error);
    } else if (error.isEmpty()) {
        error = QStringLiteral("no database connection");
    }
    for (const std::shared_ptr<IngestBatch> &batch : group) {
        batch->error = error;
        batch->done = true;
        if (error.isEmpty())
            m_ingestedSinceAnalyze.fetchAndAddRelaxed(batch->items.size());
    }
}

bool ServerStore::ingestBatch(QSqlDatabase &db, IngestBatch &batch, QString *errorOut)
{
    const QString &eventId = batch.eventId;
    const QString &deviceId = batch.deviceId;
    QList<CheckIn> &items = batch.items;
    const QStringList &bodyHashes = batch.bodyHashes;
    QString error;
    QSqlQuery q(db);
    auto fail = [&](const QString &detail) {
        *errorOut = detail;
        return false;
    };

    // 1. What is known already: the same id with the same body gets its stored result.
    QHash<QString, QPair<QString, CheckInResult>> known; // id -> (body hash, result)
    {
        QStringList ids;
        for (const CheckIn &c : std::as_const(items))
            ids << c.id;
        q.prepare(QStringLiteral("SELECT id, body_hash, status, reason, first FROM checkins WHERE id IN (%1)")
                      .arg(listParams(ids.size())));
        bindList(q, ids);
        if (!q.exec())
            return fail(q.lastError().text());
        while (q.next())
            known.insert(q.value(0).toString(),
                         {q.value(1).toString(),
                          CheckInResult{q.value(0).toString(), CheckInStatus(q.value(2).toInt()),
                                        q.value(3).toString(), q.value(4).toString()}});
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
    {
        QStringList byCode;
        for (int i : std::as_const(fresh)) {
            if (items[i].attendeeId.isEmpty())
                byCode << items[i].codeHash;
        }
        QHash<QString, QString> codeOwner;
        if (!byCode.isEmpty()) {
            q.prepare(
                QStringLiteral("SELECT id, code_hash FROM attendees WHERE event_id = ? AND code_hash IN (%1)")
                    .arg(listParams(byCode.size())));
            q.addBindValue(eventId);
            bindList(q, byCode);
            if (!q.exec())
                return fail(q.lastError().text());
            while (q.next())
                codeOwner.insert(q.value(1).toString(), q.value(0).toString());
        }
        const qint64 now = m_clock->nowMs();
        for (int i : std::as_const(fresh)) {
            CheckIn &c = items[i];
            c.eventId = eventId;
            c.deviceId = deviceId;
            if (c.attendeeId.isEmpty())
                c.attendeeId = codeOwner.value(c.codeHash);
            const HybridClock::Observation seen = HybridClock::clamp(c.hlc, now);
            c.hlc = seen.hlc;
            if (seen.clamped)
                clamped.insert(i);
            if (!c.attendeeId.isEmpty())
                attendeeIds.insert(c.attendeeId);
        }
    }

    // 3. Lock the attendees concerned, derive their check-ins with the new ones, write what changed.
    QSet<QString> freshIds;
    QList<CheckIn> freshItems;
    for (int i : std::as_const(fresh)) {
        freshIds.insert(items[i].id);
        freshItems << items[i];
    }
    QHash<QString, Classification> classified; // the new check-ins
    if (!classify(db, eventId, QStringList(attendeeIds.cbegin(), attendeeIds.cend()), freshItems, &classified,
                  &error))
        return fail(error);

    // 4. Store the new check-ins with their classification and feed numbers.
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(fresh.size()), &seqs, &error))
        return fail(error);
    qsizetype nextSeq = 0;
    const qint64 now = m_clock->nowMs();
    QList<QVariantList> rows;
    rows.reserve(fresh.size());
    for (int i : std::as_const(fresh)) {
        const CheckIn &c = items[i];
        const Classification cls = c.attendeeId.isEmpty()
                                       ? Classification{.status = CheckInStatus::Rejected,
                                                        .reason = QStringLiteral("unknown_attendee")}
                                       : classified.value(c.id);
        rows << QVariantList{QVariant(c.id),
                             QVariant(eventId),
                             ServerRows::text(c.attendeeId),
                             ServerRows::text(c.codeHash),
                             QVariant(int(c.kind)),
                             ServerRows::text(c.ref),
                             QVariant(c.atMs),
                             QVariant(qint64(c.hlc.packed())),
                             QVariant(deviceId),
                             QVariant(c.forced ? 1 : 0),
                             ServerRows::text(c.note),
                             QVariant(clamped.contains(i) ? 1 : 0),
                             QVariant(bodyHashes[i]),
                             QVariant(now),
                             QVariant(int(cls.status)),
                             ServerRows::text(cls.reason),
                             ServerRows::text(cls.first),
                             ServerRows::text(cls.undoneBy),
                             QVariant(seqs[nextSeq++])};
        results[i] = {c.id, cls.status, cls.reason, cls.first};
    }
    if (!insertRows(
            db,
            QStringLiteral("checkins (id, event_id, attendee_id, code_hash, kind, ref, at, hlc, device_id, "
                           "forced, note, clamped, body_hash, received_at, status, reason, first, undone_by, "
                           "seq)"),
            rows, &error))
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
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM attendees WHERE event_id = ? AND id IN (%1)")
                  .arg(listParams(ids.size())));
    q.addBindValue(batch.eventId);
    bindList(q, ids);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        registering.remove(q.value(0).toString());
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
        rows << QVariantList{QVariant(batch.eventId),
                             QVariant(ids[n]),
                             QVariant(), // no ticket code
                             ServerRows::text(w.firstName),
                             ServerRows::text(w.lastName),
                             ServerRows::text(w.company),
                             ServerRows::text(w.ticketType),
                             QVariant(now),
                             QVariant(seqs[n]),
                             QVariant(batch.items[i].id),
                             QVariant(batch.deviceId)};
    }
    return insertRows(db,
                      QStringLiteral("attendees (event_id, id, code_hash, first_name, last_name, company, "
                                     "ticket_type, updated_at, seq, walk_in_checkin, walk_in_device)"),
                      rows, error);
}

bool ServerStore::classify(QSqlDatabase &db, const QString &eventId, QStringList attendeeIds,
                           const QList<CheckIn> &fresh, QHash<QString, Classification> *freshResults,
                           QString *error)
{
    if (attendeeIds.isEmpty())
        return true;
    std::sort(attendeeIds.begin(), attendeeIds.end());
    QSqlQuery q(db);
    q.setForwardOnly(true);
    auto bindIds = [&] {
        q.addBindValue(eventId);
        bindList(q, attendeeIds);
    };
    auto failed = [&] {
        *error = q.lastError().text();
        return false;
    };
    // Lock the attendees concerned, in one order (no deadlocks), so that two doors' batches for
    // the same person are classified one after the other (PostgreSQL; SQLite has one writer).
    if (m_config.isPostgres()) {
        q.prepare(QStringLiteral(
                      "SELECT id FROM attendees WHERE event_id = ? AND id IN (%1) ORDER BY id FOR UPDATE")
                      .arg(listParams(attendeeIds.size())));
        bindIds();
        if (!q.exec())
            return failed();
    }
    QHash<QString, QList<Stored>> byAttendee;
    q.prepare(QStringLiteral("SELECT %1 FROM checkins WHERE event_id = ? AND attendee_id IN (%2)")
                  .arg(ServerRows::checkInColumns(), listParams(attendeeIds.size())));
    bindIds();
    if (!q.exec())
        return failed();
    while (q.next()) {
        Stored s = storedFrom(q, eventId);
        byAttendee[s.checkIn.attendeeId] << s;
    }
    QHash<QString, Attendee> attendees;
    QHash<QString, bool> wasInside;
    q.prepare(QStringLiteral(
                  "SELECT id, status, cancelled_at, inside FROM attendees WHERE event_id = ? AND id IN (%1)")
                  .arg(listParams(attendeeIds.size())));
    bindIds();
    if (!q.exec())
        return failed();
    while (q.next()) {
        Attendee a;
        a.id = q.value(0).toString();
        a.status = q.value(1).toInt() == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
        a.cancelledAtMs = q.value(2).toLongLong();
        attendees.insert(a.id, a);
        wasInside.insert(a.id, q.value(3).toInt() != 0);
    }
    QSet<QString> freshIds;
    for (const CheckIn &c : fresh) {
        freshIds.insert(c.id);
        if (!c.attendeeId.isEmpty())
            byAttendee[c.attendeeId] << Stored{c, {}};
    }

    QHash<QString, Classification> changed; // stored check-ins whose classification changed
    QHash<QString, int> inside;             // attendees whose inside state changed
    for (auto it = byAttendee.cbegin(); it != byAttendee.cend(); ++it) {
        QList<CheckIn> all;
        for (const Stored &s : it.value())
            all << s.checkIn;
        const auto attendee = attendees.constFind(it.key());
        const Derivation d = derive(attendee == attendees.constEnd() ? nullptr : &*attendee, all);
        if (d.state.inside != wasInside.value(it.key()))
            inside.insert(it.key(), d.state.inside ? 1 : 0);
        for (const Stored &s : it.value()) {
            const Classification &now = d.byId.value(s.checkIn.id);
            if (freshIds.contains(s.checkIn.id))
                freshResults->insert(s.checkIn.id, now);
            else if (!sameClassification(now, s.classification))
                changed.insert(s.checkIn.id, now);
        }
    }

    // Re-classified check-ins get new feed numbers: every kiosk hears of the change.
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(changed.size()), &seqs, error))
        return false;
    qsizetype next = 0;
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE checkins SET status = ?, reason = ?, first = ?, undone_by = ?, seq = ?, "
                       "txid = %1 WHERE id = ?")
            .arg(txidExpression()));
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const Classification &cls = it.value();
        for (const QVariant &v :
             {QVariant(int(cls.status)), ServerRows::text(cls.reason), ServerRows::text(cls.first),
              ServerRows::text(cls.undoneBy), QVariant(seqs[next++]), QVariant(it.key())})
            update.addBindValue(v);
        if (!update.exec()) {
            *error = update.lastError().text();
            return false;
        }
    }
    // Attendees who came in or went out: two statements, not one per person.
    for (const int value : {1, 0}) {
        QStringList ids;
        for (auto it = inside.cbegin(); it != inside.cend(); ++it) {
            if (it.value() == value)
                ids << it.key();
        }
        if (ids.isEmpty())
            continue;
        QSqlQuery state(db);
        state.prepare(QStringLiteral("UPDATE attendees SET inside = ? WHERE event_id = ? AND id IN (%1)")
                          .arg(listParams(ids.size())));
        state.addBindValue(value);
        state.addBindValue(eventId);
        bindList(state, ids);
        if (!state.exec()) {
            *error = state.lastError().text();
            return false;
        }
    }
    return true;
}

Result<bool> ServerStore::reclassify(const QString &eventId, const QStringList &attendeeIds)
{
    QString error;
    QSqlDatabase db = connection(&error);
    QHash<QString, Classification> none;
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error) || !classify(db, eventId, attendeeIds, {}, &none, &error) ||
        !tx.commit(&error)) {
        return {false, dbError(QStringLiteral("re-classifying check-ins"), error)};
    }
    return {true, {}};
}

} // namespace checkin
