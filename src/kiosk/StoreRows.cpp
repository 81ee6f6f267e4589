// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StoreRows.h"

#include "Protocol.h"

#include <QSqlQuery>
#include <QVariant>

namespace checkin::StoreRows {

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant hash(const QString &hex)
{
    return QVariant(QByteArray::fromHex(hex.toLatin1()));
}

QVariant hashOrNull(const QString &hex)
{
    return hex.isEmpty() ? QVariant() : hash(hex);
}

QString hashText(const QVariant &value)
{
    return QString::fromLatin1(value.toByteArray().toHex());
}

QString attendeeColumns()
{
    return QStringLiteral("pk, id, event_id, code_hash, first_name, last_name, company, ticket_type, "
                          "status, cancelled_at, updated_at, inside, inside_since, inside_device, entry_id, "
                          "walk_in_checkin, order_code, pending, notes");
}

QString checkInColumns()
{
    return QStringLiteral(
        "id, event_id, attendee_id, code_hash, kind, ref, at, hlc, device_id, forced, note, "
        "status, reason, first, undone_by, delivered, list, answer, paper");
}

QString checkInColumns(const QString &alias)
{
    const QString prefix = alias + QLatin1Char('.');
    return checkInColumns().replace(QLatin1String(", "), QLatin1String(", ") + prefix).prepend(prefix);
}

AttendeeView attendeeView(const QSqlQuery &query, int first)
{
    auto value = [&](int i) { return query.value(first + i); };
    AttendeeView view;
    view.key = value(0).toLongLong();
    Attendee &a = view.attendee;
    a.id = value(1).toString();
    a.eventId = value(2).toString();
    a.codeHash = hashText(value(3));
    a.firstName = value(4).toString();
    a.lastName = value(5).toString();
    a.company = value(6).toString();
    a.ticketType = value(7).toString();
    a.status = value(8).toInt() == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
    a.cancelledAtMs = value(9).toLongLong();
    a.updatedAtMs = value(10).toLongLong();
    view.inside = value(11).toInt() != 0;
    view.insideSinceMs = value(12).toLongLong();
    view.insideDeviceId = value(13).toString();
    a.walkInCheckIn = value(15).toString();
    a.orderCode = value(16).toString();
    a.paymentPending = value(17).toInt() != 0;
    a.notes = Protocol::doorNotesFromStored(value(18).toString());
    return view;
}

CheckInRecord checkInRecord(const QSqlQuery &query, int first)
{
    auto value = [&](int i) { return query.value(first + i); };
    CheckInRecord record;
    CheckIn &c = record.checkIn;
    c.id = value(0).toString();
    c.eventId = value(1).toString();
    c.attendeeId = value(2).toString();
    c.codeHash = hashText(value(3));
    c.kind = CheckInKind(value(4).toInt());
    c.ref = value(5).toString();
    c.atMs = value(6).toLongLong();
    c.hlc = Hlc::fromPacked(value(7).toULongLong());
    c.deviceId = value(8).toString();
    c.forced = value(9).toInt() != 0;
    c.note = value(10).toString();
    Classification &cls = record.classification;
    cls.status = CheckInStatus(value(11).toInt());
    cls.reason = value(12).toString();
    cls.first = value(13).toString();
    cls.undoneBy = value(14).toString();
    cls.undone = !cls.undoneBy.isEmpty();
    record.delivered = value(15).toInt() != 0;
    c.list = value(16).toString();
    c.answer = value(17).toString();
    c.paper = value(18).toInt() != 0;
    return record;
}

} // namespace checkin::StoreRows
