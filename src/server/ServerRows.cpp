// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerRows.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace checkin::ServerRows {

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString checkInColumns(const QString &prefix)
{
    static const QStringList columns{
        QStringLiteral("id"),    QStringLiteral("attendee_id"), QStringLiteral("code_hash"),
        QStringLiteral("kind"),  QStringLiteral("ref"),         QStringLiteral("at"),
        QStringLiteral("hlc"),   QStringLiteral("device_id"),   QStringLiteral("forced"),
        QStringLiteral("note"),  QStringLiteral("status"),      QStringLiteral("reason"),
        QStringLiteral("first"), QStringLiteral("undone_by")};
    QStringList out;
    for (const QString &c : columns)
        out << prefix + c;
    return out.join(QStringLiteral(", "));
}

void readCheckIn(const QSqlQuery &q, int first, const QString &eventId, CheckIn *c, Classification *cls)
{
    auto value = [&](int i) { return q.value(first + i); };
    c->id = value(0).toString();
    c->eventId = eventId;
    c->attendeeId = value(1).toString();
    c->codeHash = value(2).toString();
    c->kind = CheckInKind(value(3).toInt());
    c->ref = value(4).toString();
    c->atMs = value(5).toLongLong();
    c->hlc = Hlc::fromPacked(value(6).toULongLong());
    c->deviceId = value(7).toString();
    c->forced = value(8).toInt() != 0;
    c->note = value(9).toString();
    cls->status = CheckInStatus(value(10).toInt());
    cls->reason = value(11).toString();
    cls->first = value(12).toString();
    cls->undoneBy = value(13).toString();
    cls->undone = !cls->undoneBy.isEmpty();
}

QString attendeeColumns()
{
    return QStringLiteral(
        "id, code_hash, first_name, last_name, company, email, ticket_type, status, cancelled_at, "
        "updated_at, walk_in_checkin, walk_in_device");
}

Attendee readAttendee(const QSqlQuery &q, int first, const QString &eventId)
{
    auto value = [&](int i) { return q.value(first + i); };
    Attendee a;
    a.id = value(0).toString();
    a.eventId = eventId;
    a.codeHash = value(1).toString();
    a.firstName = value(2).toString();
    a.lastName = value(3).toString();
    a.company = value(4).toString();
    a.email = value(5).toString();
    a.ticketType = value(6).toString();
    a.status = value(7).toInt() == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
    a.cancelledAtMs = value(8).toLongLong();
    a.updatedAtMs = value(9).toLongLong();
    a.walkInCheckIn = value(10).toString();
    a.walkInDevice = value(11).toString();
    return a;
}

} // namespace checkin::ServerRows
