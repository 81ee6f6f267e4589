// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: the event lead's attendee uploads, all or nothing.
#include "Protocol.h"
#include "ServerRows.h"
#include "ServerStore.h"
#include "SqlStatement.h"

#include "TicketCode.h"
#include "WallClock.h"

#include <QSqlQuery>

#include <algorithm>

namespace checkin {

namespace {

bool sameFields(const Attendee &a, const Attendee &b)
{
    return a.codeHash == b.codeHash && a.firstName == b.firstName && a.lastName == b.lastName &&
           a.company == b.company && a.email == b.email && a.ticketType == b.ticketType &&
           a.status == b.status && (a.cancelledAtMs == 0 || a.cancelledAtMs == b.cancelledAtMs) &&
           a.orderCode == b.orderCode && a.paymentPending == b.paymentPending && a.notes == b.notes;
}

} // namespace

Result<UpsertSummary> ServerStore::upsertAttendees(const QString &eventId, const QList<AttendeeInput> &inputs,
                                                   QList<QPair<int, QString>> *rowErrors, bool dryRun)
{
    using R = Result<UpsertSummary>;
    const Result<Event> ev = event(eventId);
    if (!ev.ok())
        return {{}, ev.error};
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {{}, dbError(QStringLiteral("importing attendees"), error)};
    SqlStatement q(db);
    auto fail = [&](const QString &detail) {
        tx.rollback();
        return R{{}, dbError(QStringLiteral("importing attendees"), detail)};
    };

    QHash<QString, Attendee> existing;
    QHash<QString, QString> codeOwner;
    if (!q.prepare(
            QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ?").arg(ServerRows::attendeeColumns())))
        return fail(q.lastError());
    q.bind(eventId);
    if (!q.exec())
        return fail(q.lastError());
    while (q.next()) {
        const Attendee a = ServerRows::readAttendee(q, 0, eventId);
        if (!a.codeHash.isEmpty())
            codeOwner.insert(a.codeHash, a.id);
        existing.insert(a.id, a);
    }
    if (!q.lastError().isEmpty())
        return fail(q.lastError());

    // Check everything first: ids and codes unique in the upload and in the event.
    const qint64 now = m_clock->nowMs();
    QList<Attendee> toWrite;
    QList<bool> isNew;
    QHash<QString, int> rowOfId;
    QHash<QString, int> rowOfCode;
    UpsertSummary summary;
    for (const AttendeeInput &in : inputs) {
        Attendee a = in.attendee;
        a.eventId = eventId;
        if (!in.ticketCode.isEmpty())
            a.codeHash = TicketCode::hash(ev.value.salt, in.ticketCode);
        if (const int other = rowOfId.value(a.id); other)
            rowErrors->append({in.row, QStringLiteral("the id %1 is also on row %2").arg(a.id).arg(other)});
        rowOfId.insert(a.id, in.row);
        if (!a.codeHash.isEmpty()) {
            if (const int other = rowOfCode.value(a.codeHash); other)
                rowErrors->append({in.row, QStringLiteral("the ticket code is also on row %1").arg(other)});
            rowOfCode.insert(a.codeHash, in.row);
            const QString owner = codeOwner.value(a.codeHash);
            if (!owner.isEmpty() && owner != a.id && !rowOfId.contains(owner))
                rowErrors->append(
                    {in.row, QStringLiteral("the ticket code belongs to attendee %1").arg(owner)});
        }
        const auto before = existing.constFind(a.id);
        if (before != existing.constEnd() && sameFields(a, *before)) {
            ++summary.unchanged;
            continue;
        }
        a.updatedAtMs = now;
        // Cancelled since the time the upload gives (an export's cancellation date; never later
        // than now), else since it was first cancelled here, else from now on.
        a.cancelledAtMs = !a.isCancelled()      ? 0
                          : a.cancelledAtMs > 0 ? std::min(a.cancelledAtMs, now)
                          : (before != existing.constEnd() && before->isCancelled()) ? before->cancelledAtMs
                                                                                     : now;
        toWrite << a;
        isNew << (before == existing.constEnd());
    }
    if (!rowErrors->isEmpty()) {
        tx.rollback();
        return R::fail(422, QStringLiteral("invalid_attendees"),
                       QStringLiteral("%1 rows have errors; nothing was imported.").arg(rowErrors->size()));
    }
    if (dryRun) {
        tx.rollback();
        summary.inserted = int(isNew.count(true));
        summary.updated = int(isNew.count(false));
        return {summary, {}};
    }

    noteWritingPeople();
    // PostgreSQL: lock the rows to update in the one order classification locks them in, so that
    // an upload and a batch of check-ins for the same people never deadlock.
    if (m_config.isPostgres()) {
        QStringList ids;
        for (int i = 0; i < toWrite.size(); ++i) {
            if (!isNew[i])
                ids << toWrite[i].id;
        }
        std::sort(ids.begin(), ids.end());
        if (!ids.isEmpty() &&
            (!q.prepare(
                 QStringLiteral(
                     "SELECT id FROM attendees WHERE event_id = ? AND id IN (%1) ORDER BY id FOR UPDATE")
                     .arg(q.list(ids.size()))) ||
             !q.bind(eventId).bindList(ids).exec()))
            return fail(q.lastError());
    }
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(toWrite.size()), &seqs, &error))
        return fail(error);
    // Codes that move between attendees in one upload: clear them first so the unique index holds.
    SqlStatement clear(db);
    if (!clear.prepare(QStringLiteral("UPDATE attendees SET code_hash = NULL WHERE event_id = ? AND id = ?")))
        return fail(clear.lastError());
    for (int i = 0; i < toWrite.size(); ++i) {
        if (isNew[i])
            continue;
        clear.bind(eventId).bind(toWrite[i].id);
        if (!clear.exec())
            return fail(clear.lastError());
    }
    SqlStatement update(db);
    if (!update.prepare(
            QStringLiteral(
                "UPDATE attendees SET code_hash = ?, first_name = ?, last_name = ?, company = ?, "
                "email = ?, ticket_type = ?, status = ?, cancelled_at = ?, updated_at = ?, seq = ?, "
                "search = ?, order_code = ?, pending = ?, notes = ?, txid = %1 WHERE event_id = ? AND id = ?")
                .arg(txidExpression())))
        return fail(update.lastError());
    QStringList statusChanged;
    QList<QVariantList> inserts;
    for (int i = 0; i < toWrite.size(); ++i) {
        const Attendee &a = toWrite[i];
        const QVariant code = a.codeHash.isEmpty() ? QVariant() : QVariant(a.codeHash);
        QVariantList fields{code,
                            ServerRows::text(a.firstName),
                            ServerRows::text(a.lastName),
                            ServerRows::text(a.company),
                            ServerRows::text(a.email),
                            ServerRows::text(a.ticketType),
                            a.isCancelled() ? 1 : 0,
                            a.cancelledAtMs,
                            a.updatedAtMs,
                            seqs[i],
                            ServerRows::searchKeys(a),
                            ServerRows::text(a.orderCode),
                            a.paymentPending ? 1 : 0,
                            Protocol::storedDoorNotes(a.notes)};
        if (isNew[i]) {
            fields.prepend(a.id);
            fields.prepend(eventId);
            inserts << fields;
            ++summary.inserted;
            continue;
        }
        for (const QVariant &v : std::as_const(fields))
            update.bind(v);
        update.bind(eventId).bind(a.id);
        if (!update.exec())
            return fail(update.lastError());
        ++summary.updated;
        // A ticket cancelled or restored (or since another time), or of another type now (the
        // lists' rules may differ).
        const Attendee was = existing.value(a.id);
        if (was.status != a.status || was.cancelledAtMs != a.cancelledAtMs ||
            !sameTicketType(was.ticketType, a.ticketType))
            statusChanged << a.id;
    }
    if (!insertRows(
            db,
            QStringLiteral("attendees (event_id, id, code_hash, first_name, last_name, company, email, "
                           "ticket_type, status, cancelled_at, updated_at, seq, search, order_code, pending, "
                           "notes)"),
            inserts, &error))
        return fail(error);
    if (!tx.commit(&error))
        return fail(error);
    // After a large upload PostgreSQL's statistics are stale until autovacuum gets to them, and the
    // planner then reads the whole event for each page of the feed: refresh them now.
    if (m_config.isPostgres() && summary.inserted >= 1000)
        QSqlQuery(db).exec(QStringLiteral("ANALYZE attendees"));
    // A ticket cancelled, restored or of another type changes how its check-ins count: an empty
    // batch re-derives them.
    if (!statusChanged.isEmpty()) {
        const Result<bool> re = reclassify(eventId, statusChanged);
        if (!re.ok())
            return {{}, re.error};
    }
    return {summary, {}};
}

} // namespace checkin
