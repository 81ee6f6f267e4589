// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: walk-ins, people registered at the door who are not on the attendee list.
#include "StoreRows.h"
#include "StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace checkin {

ScanOutcome StoreWorker::registerWalkIn(WalkIn walkIn)
{
    ScanOutcome out;
    if (m_event.id.isEmpty()) {
        out.error = tr("No event on this device yet: import an attendee list or preload an event before "
                       "registering walk-ins.");
        return out;
    }
    if (!walkIn.normalize(&out.error))
        return out;
    if (!begin(&out.error))
        return out;
    auto fail = [&](const QString &message) {
        rollback();
        return ScanOutcome{.error = message};
    };

    // A new attendee: an id of its own (a UUID, as the protocol asks of walk-ins), no ticket code.
    AttendeeView view;
    Attendee &a = view.attendee;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.eventId = m_event.id;
    a.firstName = walkIn.firstName;
    a.lastName = walkIn.lastName;
    a.company = walkIn.company;
    a.ticketType = walkIn.ticketType;
    a.updatedAtMs = m_wall->nowMs();
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO attendees (id, event_id, first_name, last_name, company, ticket_type, "
                       "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v : {StoreRows::text(a.id), StoreRows::text(a.eventId), StoreRows::text(a.firstName),
                              StoreRows::text(a.lastName), StoreRows::text(a.company),
                              StoreRows::text(a.ticketType), QVariant(a.updatedAtMs)})
        q.addBindValue(v);
    if (!q.exec())
        return fail(describe(q.lastError(), tr("registering the walk-in")));
    view.key = q.lastInsertId().toLongLong();

    // Their entry, by the same rules as any check-in; it remembers that it registered them.
    ScanRequest entry;
    entry.attendeeId = a.id;
    entry.kind = CheckInKind::Entry;
    ScanOutcome recorded = recordFor(entry, &view, true, {});
    if (!recorded.error.isEmpty())
        return fail(recorded.error);
    if (!recorded.recorded)
        return fail(tr("The walk-in's entry was not recorded (%1); nothing was saved.")
                        .arg(verdictName(recorded.verdict)));
    q.prepare(QStringLiteral("UPDATE attendees SET walk_in_checkin = ? WHERE pk = ?"));
    q.addBindValue(recorded.checkInId);
    q.addBindValue(view.key);
    if (!q.exec())
        return fail(describe(q.lastError(), tr("registering the walk-in")));
    if (!commit(&recorded.error))
        return ScanOutcome{.error = recorded.error};

    // Found by search and counted from now on, without rebuilding either.
    if (m_counts.valid) {
        ++m_counts.attendees;
        ++m_counts.walkIns;
    }
    if (m_indexReady)
        m_index.upsert({{view.key, a.firstName, a.lastName, a.company}});
    else
        forgetIndex();
    recorded.registered = true;
    recorded.attendee.attendee.walkInCheckIn = recorded.checkInId;
    return recorded;
}

QStringList StoreWorker::ticketTypes(int limit, QString *error)
{
    QStringList types;
    if (m_event.id.isEmpty() || limit <= 0)
        return types;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ticket_type FROM attendees WHERE event_id = ? AND ticket_type <> '' "
                             "GROUP BY ticket_type ORDER BY COUNT(*) DESC, ticket_type LIMIT ?"));
    q.addBindValue(m_event.id);
    q.addBindValue(limit);
    if (!q.exec()) {
        *error = describe(q.lastError(), tr("reading the ticket types"));
        return types;
    }
    while (q.next())
        types << q.value(0).toString();
    return types;
}

} // namespace checkin
