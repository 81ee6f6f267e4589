// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: reads (search, attendee detail, counts, the log for export).
#include "Protocol.h"
#include "StoreRows.h"
#include "StoreWorker.h"
#include "TicketCode.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace checkin {

SearchResult StoreWorker::search(const QString &text, int limit)
{
    SearchResult result;
    if (m_event.id.isEmpty() || limit <= 0 || !ensureIndex(&result.error))
        return result;
    const QList<SearchIndex::Hit> hits = m_index.search(text, limit);
    if (hits.isEmpty())
        return result;
    QStringList keys;
    keys.reserve(hits.size());
    for (const SearchIndex::Hit &hit : hits)
        keys.append(QString::number(hit.key));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM attendees WHERE pk IN (%2)")
                        .arg(StoreRows::attendeeColumns(), keys.join(QLatin1Char(','))))) {
        result.error = describe(query.lastError(), StoreWorker::tr("searching"));
        return result;
    }
    QHash<qint64, AttendeeView> byKey;
    while (query.next()) {
        AttendeeView view = StoreRows::attendeeView(query);
        view.insideDeviceName = deviceName(view.insideDeviceId);
        byKey.insert(view.key, view);
    }
    for (const SearchIndex::Hit &hit : hits) {
        auto it = byKey.constFind(hit.key);
        if (it != byKey.constEnd())
            result.attendees.append(*it);
    }
    return result;
}

AttendeeDetail StoreWorker::attendee(const QString &attendeeId)
{
    AttendeeDetail detail;
    if (m_event.id.isEmpty())
        return detail;
    if (!findAttendee(QStringLiteral("id"), attendeeId, &detail.view, &detail.found, &detail.error) ||
        !detail.found)
        return detail;
    if (!loadCheckIns(m_event.id, attendeeId, {}, &detail.history, &detail.error))
        return detail;
    std::sort(detail.history.begin(), detail.history.end(),
              [](const CheckInRecord &a, const CheckInRecord &b) { return precedes(a.checkIn, b.checkIn); });
    for (CheckInRecord &r : detail.history) {
        r.attendeeName = detail.view.attendee.displayName();
        r.walkIn = r.checkIn.id == detail.view.attendee.walkInCheckIn;
        r.deviceName = deviceName(r.checkIn.deviceId);
    }
    loadPrints(attendeeId, &detail.prints, &detail.error);
    return detail;
}

AttendeeDetail StoreWorker::attendeeByCode(const QString &code)
{
    AttendeeDetail detail;
    if (m_event.id.isEmpty())
        return detail;
    const QString trimmed = code.trimmed();
    AttendeeView view;
    bool found = false;
    for (const QString &reading : {trimmed, TicketCode::otherLayoutReading(trimmed)}) {
        if (reading.isEmpty() || found)
            continue;
        if (!findAttendee(QStringLiteral("code_hash"), TicketCode::hash(m_event.salt, reading), &view, &found,
                          &detail.error))
            return detail;
    }
    if (!found && Protocol::isCanonicalUuid(trimmed)) {
        if (!findAttendee(QStringLiteral("id"), trimmed, &view, &found, &detail.error))
            return detail;
        found = found && !view.attendee.walkInCheckIn.isEmpty();
    }
    return found ? attendee(view.attendee.id) : detail;
}

StoreStats StoreWorker::stats()
{
    StoreStats s;
    s.event = m_event;
    s.deviceId = meta(QStringLiteral("device_id"));
    s.deviceName = meta(QStringLiteral("device_name"));
    const CheckInList &list = m_rules.listOrDefault(m_listId);
    s.listId = list.id;
    s.listName = list.name;
    const QList<CheckInList> &lists = m_rules.lists();
    s.lists =
        int(std::count_if(lists.cbegin(), lists.cend(), [](const CheckInList &l) { return !l.retired; }));
    if (std::none_of(lists.cbegin(), lists.cend(),
                     [](const CheckInList &l) { return l.id == CheckInList::DefaultId; }))
        ++s.lists; // the default list
    for (const QString &suffix : {QString(), QStringLiteral("-wal")})
        s.databaseBytes += QFileInfo(databasePath() + suffix).size();
    if (m_event.id.isEmpty())
        return s;

    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!m_counts.valid || m_counts.eventId != m_event.id) {
        q.prepare(
            QStringLiteral("SELECT COUNT(*), TOTAL(status = 1), TOTAL(inside), TOTAL(walk_in_checkin <> '')"
                           " FROM attendees WHERE event_id = ?"));
        q.addBindValue(m_event.id);
        if (!q.exec() || !q.next()) {
            s.error = describe(q.lastError(), StoreWorker::tr("counting attendees"));
            return s;
        }
        m_counts = {
            true, m_event.id, q.value(0).toInt(), q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt()};
        q.finish();
    }
    s.attendees = m_counts.attendees;
    s.cancelled = m_counts.cancelled;
    s.inside = m_counts.inside;
    s.walkIns = m_counts.walkIns;

    q.prepare(QStringLiteral("SELECT COUNT(*),"
                             " TOTAL(status = 1 AND undone_by = ''), TOTAL(status = 2 AND undone_by = '')"
                             " FROM checkins WHERE event_id = ?"));
    q.addBindValue(m_event.id);
    if (!q.exec() || !q.next()) {
        s.error = describe(q.lastError(), StoreWorker::tr("counting check-ins"));
        return s;
    }
    s.checkIns = q.value(0).toInt();
    s.duplicates = q.value(1).toInt();
    s.conflicts = q.value(2).toInt();
    q.finish();

    q.prepare(QStringLiteral("SELECT COUNT(*) FROM checkins WHERE delivered = 0"));
    if (!q.exec() || !q.next()) {
        s.error = describe(q.lastError(), StoreWorker::tr("counting undelivered check-ins"));
        return s;
    }
    s.undelivered = q.value(0).toInt();
    q.finish();

    q.prepare(QStringLiteral("SELECT COUNT(*) FROM scan_log WHERE event_id = ?"));
    q.addBindValue(m_event.id);
    if (!q.exec() || !q.next()) {
        s.error = describe(q.lastError(), StoreWorker::tr("counting refused scans"));
        return s;
    }
    s.denied = q.value(0).toInt();
    return s;
}

QList<CheckInRecord> StoreWorker::checkInLog(QString *error)
{
    QList<CheckInRecord> log;
    if (m_event.id.isEmpty())
        return log;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, a.first_name, a.last_name, a.walk_in_checkin FROM checkins c"
                             " LEFT JOIN attendees a ON a.event_id = c.event_id AND a.id = c.attendee_id"
                             " WHERE c.event_id = ? ORDER BY c.hlc, c.device_id, c.id")
                  .arg(StoreRows::checkInColumns(QStringLiteral("c"))));
    q.addBindValue(m_event.id);
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("reading the check-in log"));
        return log;
    }
    while (q.next()) {
        constexpr int w = StoreRows::CheckInWidth;
        CheckInRecord r = StoreRows::checkInRecord(q);
        const QString first = q.value(w + 0).toString();
        const QString last = q.value(w + 1).toString();
        r.attendeeName = Attendee{.firstName = first, .lastName = last}.displayName();
        r.walkIn = q.value(w + 2).toString() == r.checkIn.id;
        r.deviceName = deviceName(r.checkIn.deviceId);
        log.append(r);
    }
    return log;
}

QList<AttendeeView> StoreWorker::attendeeStates(QString *error)
{
    QList<AttendeeView> all;
    if (m_event.id.isEmpty())
        return all;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ? ORDER BY last_name, first_name, id")
                  .arg(StoreRows::attendeeColumns()));
    q.addBindValue(m_event.id);
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("reading attendees"));
        return all;
    }
    while (q.next()) {
        AttendeeView view = StoreRows::attendeeView(q);
        view.insideDeviceName = deviceName(view.insideDeviceId);
        all.append(view);
    }
    return all;
}

} // namespace checkin
