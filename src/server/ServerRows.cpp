// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerRows.h"
#include "Protocol.h"
#include "SearchText.h"
#include "SqlStatement.h"

#include <QStringList>
#include <QVariant>

namespace checkin::ServerRows {

namespace {

QString prefixed(const QStringList &columns, const QString &prefix)
{
    QStringList out;
    for (const QString &c : columns)
        out << prefix + c;
    return out.join(QStringLiteral(", "));
}

} // namespace

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString checkInColumns(const QString &prefix)
{
    static const QStringList columns{
        QStringLiteral("id"),     QStringLiteral("attendee_id"), QStringLiteral("code_hash"),
        QStringLiteral("kind"),   QStringLiteral("ref"),         QStringLiteral("at"),
        QStringLiteral("hlc"),    QStringLiteral("device_id"),   QStringLiteral("forced"),
        QStringLiteral("note"),   QStringLiteral("status"),      QStringLiteral("reason"),
        QStringLiteral("first"),  QStringLiteral("undone_by"),   QStringLiteral("list"),
        QStringLiteral("answer"), QStringLiteral("paper")};
    return prefixed(columns, prefix);
}

void readCheckIn(const SqlStatement &q, int first, const QString &eventId, CheckIn *c, Classification *cls)
{
    c->id = q.text(first);
    c->eventId = eventId;
    c->attendeeId = q.text(first + 1);
    c->codeHash = q.text(first + 2);
    c->kind = CheckInKind(q.int32(first + 3));
    c->ref = q.text(first + 4);
    c->atMs = q.int64(first + 5);
    c->hlc = Hlc::fromPacked(quint64(q.int64(first + 6)));
    c->deviceId = q.text(first + 7);
    c->forced = q.int32(first + 8) != 0;
    c->note = q.text(first + 9);
    cls->status = CheckInStatus(q.int32(first + 10));
    cls->reason = q.text(first + 11);
    cls->first = q.text(first + 12);
    cls->undoneBy = q.text(first + 13);
    cls->undone = !cls->undoneBy.isEmpty();
    c->list = q.text(first + 14);
    c->answer = q.text(first + 15);
    c->paper = q.int32(first + 16) != 0;
}

QString attendeeColumns(const QString &prefix)
{
    static const QStringList columns{
        QStringLiteral("id"),          QStringLiteral("code_hash"),       QStringLiteral("first_name"),
        QStringLiteral("last_name"),   QStringLiteral("company"),         QStringLiteral("email"),
        QStringLiteral("ticket_type"), QStringLiteral("status"),          QStringLiteral("cancelled_at"),
        QStringLiteral("updated_at"),  QStringLiteral("walk_in_checkin"), QStringLiteral("walk_in_device"),
        QStringLiteral("order_code"),  QStringLiteral("pending"),         QStringLiteral("notes")};
    return prefixed(columns, prefix);
}

Attendee readAttendee(const SqlStatement &q, int first, const QString &eventId)
{
    Attendee a;
    a.id = q.text(first);
    a.eventId = eventId;
    a.codeHash = q.text(first + 1);
    a.firstName = q.text(first + 2);
    a.lastName = q.text(first + 3);
    a.company = q.text(first + 4);
    a.email = q.text(first + 5);
    a.ticketType = q.text(first + 6);
    a.status = q.int32(first + 7) == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
    a.cancelledAtMs = q.int64(first + 8);
    a.updatedAtMs = q.int64(first + 9);
    a.walkInCheckIn = q.text(first + 10);
    a.walkInDevice = q.text(first + 11);
    a.orderCode = q.text(first + 12);
    a.paymentPending = q.int32(first + 13) != 0;
    a.notes = Protocol::doorNotesFromStored(q.text(first + 14));
    return a;
}

QString searchKeys(const Attendee &a)
{
    QStringList words;
    for (const QString &field : {a.firstName, a.lastName, a.company, a.email.section(QLatin1Char('@'), 0, 0)})
        words << SearchText::keys(field);
    words.removeDuplicates();
    return words.isEmpty() ? QString() : QLatin1Char(' ') + words.join(QLatin1Char(' ')) + QLatin1Char(' ');
}

} // namespace checkin::ServerRows
