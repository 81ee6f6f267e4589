// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: what the event lead reviews: duplicates, conflicts, rejected check-ins and the
// volunteers' overrides, with whom, where and when, and for a duplicate the entry it repeats.
#include "StoreRows.h"
#include "StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

namespace {

// The check-ins of one kind. Overrides first: a forced check-in is reviewed as an override, whatever
// the walk made of it. The explicit "status <> 0" lets SQLite use the partial status index.
QString kindCondition(std::optional<ReviewKind> kind)
{
    if (!kind)
        return QStringLiteral("(c.status <> 0 OR c.forced = 1)");
    switch (*kind) {
    case ReviewKind::Forced:
        return QStringLiteral("c.forced = 1");
    case ReviewKind::Duplicate:
        return QStringLiteral("c.status <> 0 AND c.status = %1 AND c.forced = 0")
            .arg(int(CheckInStatus::Duplicate));
    case ReviewKind::Conflict:
        return QStringLiteral("c.status <> 0 AND c.status = %1 AND c.forced = 0")
            .arg(int(CheckInStatus::Conflict));
    case ReviewKind::Rejected:
        return QStringLiteral("c.status <> 0 AND c.status = %1 AND c.forced = 0")
            .arg(int(CheckInStatus::Rejected));
    }
    return QStringLiteral("0");
}

ReviewKind kindOf(const CheckInRecord &r)
{
    if (r.checkIn.forced)
        return ReviewKind::Forced;
    switch (r.classification.status) {
    case CheckInStatus::Conflict:
        return ReviewKind::Conflict;
    case CheckInStatus::Rejected:
        return ReviewKind::Rejected;
    case CheckInStatus::Duplicate:
    case CheckInStatus::Accepted:
        break;
    }
    return ReviewKind::Duplicate;
}

} // namespace

ReviewList StoreWorker::reviewItems(std::optional<ReviewKind> kind, int limit)
{
    ReviewList list;
    if (m_event.id.isEmpty())
        return list;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT TOTAL(c.forced = 0 AND c.status = %1), TOTAL(c.forced = 0 AND c.status = %2),"
                       " TOTAL(c.forced = 0 AND c.status = %3), TOTAL(c.forced = 1)"
                       " FROM checkins c WHERE c.event_id = ? AND %4")
            .arg(int(CheckInStatus::Duplicate))
            .arg(int(CheckInStatus::Conflict))
            .arg(int(CheckInStatus::Rejected))
            .arg(kindCondition(std::nullopt)));
    q.addBindValue(StoreRows::text(m_event.id));
    if (!q.exec() || !q.next()) {
        list.error = describe(q.lastError(), tr("counting the check-ins to review"));
        return list;
    }
    list.counts = {q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt()};
    q.finish();
    if (limit <= 0)
        return list;

    const QString columns = StoreRows::checkInColumns(QStringLiteral("c"));
    q.prepare(QStringLiteral("SELECT %1, a.first_name, a.last_name, a.ticket_type, a.status, a.cancelled_at,"
                             " a.pk IS NOT NULL, f.id IS NOT NULL, f.kind, f.at, f.device_id"
                             " FROM checkins c"
                             " LEFT JOIN attendees a ON c.attendee_id <> '' AND a.event_id = c.event_id"
                             " AND a.id = c.attendee_id"
                             " LEFT JOIN checkins f ON c.first <> '' AND f.id = c.first"
                             " WHERE c.event_id = ? AND %2"
                             " ORDER BY c.hlc DESC, c.device_id DESC, c.id DESC LIMIT ?")
                  .arg(columns, kindCondition(kind)));
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(limit);
    if (!q.exec()) {
        list.error = describe(q.lastError(), tr("reading the check-ins to review"));
        return list;
    }
    while (q.next()) {
        ReviewItem item;
        constexpr int w = StoreRows::CheckInWidth;
        item.record = StoreRows::checkInRecord(q);
        item.kind = kindOf(item.record);
        item.knownAttendee = q.value(w + 5).toBool();
        if (item.knownAttendee) {
            item.record.attendeeName =
                Attendee{.firstName = q.value(w).toString(), .lastName = q.value(w + 1).toString()}
                    .displayName();
            item.ticketType = q.value(w + 2).toString();
            if (q.value(w + 3).toInt() == 1)
                item.cancelledAtMs = q.value(w + 4).toLongLong();
        }
        item.record.deviceName = deviceName(item.record.checkIn.deviceId);
        item.hasFirst = q.value(w + 6).toBool();
        if (item.hasFirst) {
            item.firstKind = CheckInKind(q.value(w + 7).toInt());
            item.firstAtMs = q.value(w + 8).toLongLong();
            item.firstDeviceName = deviceName(q.value(w + 9).toString());
        }
        list.items.append(item);
    }
    return list;
}

} // namespace checkin
