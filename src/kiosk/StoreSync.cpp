// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: what the sync engine reads and writes: the outbox, pages of the server's change
// feed, and the device's identity after enrolment.
#include "KioskLogging.h"
#include "Protocol.h"
#include "StorePrepared.h"
#include "StoreRows.h"
#include "StoreWorker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

namespace {
const QString cursorKey = QStringLiteral("feed_cursor");
const QString lastSyncKey = QStringLiteral("last_sync");
const QString problemKey = QStringLiteral("sync_problem");

QString jsonList(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}
} // namespace

SyncState StoreWorker::syncState()
{
    SyncState state;
    state.eventId = m_event.id;
    state.deviceId = meta(QStringLiteral("device_id"));
    state.cursor = meta(cursorKey);
    state.lastSyncMs = meta(lastSyncKey).toLongLong();
    state.problem = meta(problemKey);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(device_id = ?), 0), COALESCE(SUM(device_id <> ?), 0) "
                             "FROM checkins WHERE delivered = 0"));
    q.addBindValue(StoreRows::text(state.deviceId));
    q.addBindValue(StoreRows::text(state.deviceId));
    if (!q.exec() || !q.next()) {
        state.error = describe(q.lastError(), StoreWorker::tr("counting undelivered check-ins"));
    } else {
        state.undelivered = q.value(0).toInt();
        state.heldForOthers = q.value(1).toInt();
    }
    return state;
}

Outbox StoreWorker::outbox(int limit, int offset)
{
    Outbox out;
    out.deviceId = meta(QStringLiteral("device_id"));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The entry that registered a walk-in carries the person, as this device has them now. Other
    // doors' check-ins held here go too, but for those of doors that deliver their own.
    q.prepare(
        QStringLiteral("SELECT %1, a.pk, a.first_name, a.last_name, a.company, a.ticket_type FROM checkins c "
                       "LEFT JOIN attendees a ON a.event_id = c.event_id AND a.id = c.attendee_id "
                       "AND a.walk_in_checkin = c.id "
                       "WHERE c.delivered = 0 AND c.event_id = ? AND c.device_id NOT IN "
                       "(SELECT value FROM json_each(?)) ORDER BY c.seq LIMIT ? OFFSET ?")
            .arg(StoreRows::checkInColumns(QStringLiteral("c"))));
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(jsonList(m_leftToPeers));
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec()) {
        out.error = describe(q.lastError(), StoreWorker::tr("reading the check-ins to deliver"));
        return out;
    }
    while (q.next()) {
        const CheckIn c = StoreRows::checkInRecord(q).checkIn;
        constexpr int w = StoreRows::CheckInWidth;
        if (!q.isNull(w))
            out.walkIns.insert(c.id, WalkIn{q.value(w + 1).toString(), q.value(w + 2).toString(),
                                            q.value(w + 3).toString(), q.value(w + 4).toString()});
        out.checkIns << c;
    }
    return out;
}

StoreStatus StoreWorker::markDelivered(const QStringList &checkInIds)
{
    if (checkInIds.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("UPDATE checkins SET delivered = 1 WHERE id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(jsonList(checkInIds));
    if (!q.exec())
        return {describe(q.lastError(), StoreWorker::tr("marking check-ins as delivered"))};
    return {};
}

StoreStatus StoreWorker::recordSync(qint64 lastSyncMs, const QString &problem)
{
    QString error;
    if (!begin(&error))
        return {error};
    if ((lastSyncMs > 0 && !setMeta(lastSyncKey, QString::number(lastSyncMs), &error)) ||
        !setMeta(problemKey, problem, &error)) {
        rollback();
        return {error};
    }
    if (!commit(&error))
        return {error};
    return {};
}

StoreStatus StoreWorker::applyChanges(const QList<Attendee> &attendees, const QList<CheckIn> &checkIns,
                                      const QString &cursor, const QHash<QString, QString> &deviceNames,
                                      const QList<BadgePrint> &prints, const QList<CheckInList> &lists)
{
    QString error;
    if (m_event.id.isEmpty())
        return {StoreWorker::tr("No event on this device: enrol it first.")};
    if (!begin(&error))
        return {error};
    auto fail = [&](const QSqlQuery &q, const QString &what) {
        const StoreStatus status{describe(q.lastError(), what)};
        rollback();
        return status;
    };

    // The lists first, so that what follows is walked by the rules of now (a change of rules walks
    // every check-in again).
    if (!storeLists(lists, &error)) {
        rollback();
        return {error};
    }

    // Attendees as the server has them; their check-ins are re-derived below.
    QSet<QString> touched;
    QSqlQuery upsert(m_db);
    // A walk-in registered here comes back as the server has it: the same row, updated.
    upsert.prepare(QStringLiteral(
        "INSERT INTO attendees (id, event_id, code_hash, first_name, last_name, company, ticket_type, "
        "status, cancelled_at, updated_at, walk_in_checkin, order_code, pending, notes) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (event_id, id) DO UPDATE SET "
        "code_hash = excluded.code_hash, first_name = excluded.first_name, last_name = excluded.last_name, "
        "company = excluded.company, ticket_type = excluded.ticket_type, status = excluded.status, "
        "cancelled_at = excluded.cancelled_at, updated_at = excluded.updated_at, "
        "order_code = excluded.order_code, pending = excluded.pending, notes = excluded.notes, "
        "walk_in_checkin = CASE WHEN excluded.walk_in_checkin <> '' THEN excluded.walk_in_checkin "
        "ELSE attendees.walk_in_checkin END"));
    for (const Attendee &a : attendees) {
        for (const QVariant &v :
             {StoreRows::text(a.id), StoreRows::text(m_event.id), StoreRows::hashOrNull(a.codeHash),
              StoreRows::text(a.firstName), StoreRows::text(a.lastName), StoreRows::text(a.company),
              StoreRows::text(a.ticketType), QVariant(a.isCancelled() ? 1 : 0), QVariant(a.cancelledAtMs),
              QVariant(a.updatedAtMs), StoreRows::text(a.walkInCheckIn), StoreRows::text(a.orderCode),
              QVariant(a.paymentPending ? 1 : 0), QVariant(Protocol::storedDoorNotes(a.notes))})
            upsert.addBindValue(v);
        if (!upsert.exec())
            return fail(upsert, QStringLiteral("storing attendees from the server"));
        touched.insert(a.id);
    }

    // Check-ins from every device; the server has them all (delivered). One of ours seen here has
    // arrived even if the answer to its upload was lost, and it takes the server's clock value
    // (clamped when this device's clock ran ahead) and attendee, so that every side orders alike.
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO checkins (id, event_id, attendee_id, code_hash, kind, ref, at, "
        "hlc, device_id, forced, note, list, answer, paper, delivered) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
        "ON CONFLICT (id) DO UPDATE SET delivered = 1, hlc = excluded.hlc, "
        "attendee_id = CASE WHEN attendee_id = '' THEN excluded.attendee_id ELSE attendee_id END "
        "WHERE checkins.delivered = 0 OR checkins.hlc <> excluded.hlc OR "
        "(checkins.attendee_id = '' AND excluded.attendee_id <> '')"));
    for (const CheckIn &c : checkIns) {
        for (const QVariant &v :
             {StoreRows::text(c.id), StoreRows::text(m_event.id), StoreRows::text(c.attendeeId),
              StoreRows::hash(c.codeHash), QVariant(int(c.kind)), StoreRows::text(c.ref), QVariant(c.atMs),
              QVariant(qint64(c.hlc.packed())), StoreRows::text(c.deviceId), QVariant(c.forced ? 1 : 0),
              StoreRows::text(c.note), StoreRows::text(c.list), StoreRows::text(c.answer),
              QVariant(c.paper ? 1 : 0)})
            insert.addBindValue(v);
        if (!insert.exec())
            return fail(insert, QStringLiteral("storing check-ins from the server"));
        // Unchanged (one of ours, already known as delivered, same clock): nothing to re-derive.
        if (!c.attendeeId.isEmpty() && insert.numRowsAffected() > 0)
            touched.insert(c.attendeeId);
        m_clock.observe(c.hlc); // later local check-ins order after what this device has seen
    }

    if (!rederive(touched, &error)) {
        rollback();
        return {error};
    }
    // Badges printed at the doors: kept as the server has them.
    if (!applyPrints(prints, &error)) {
        rollback();
        return {error};
    }
    // Names of the other doors, for "already inside since 9:02 at Door 2".
    QHash<QString, QString> newNames;
    if (!storeDeviceNames(deviceNames, &newNames, &error)) {
        rollback();
        return {error};
    }
    if (!setMeta(cursorKey, cursor, &error)) {
        rollback();
        return {error};
    }
    if (!commit(&error))
        return {error};
    m_deviceNames.insert(newNames);
    if (!attendees.isEmpty()) {
        m_counts.valid = false;
        if (!m_indexReady) {
            forgetIndex();
            prepareIndexSoon(QuietMs); // after the last page
        } else if (!indexAttendees(attendees, &error)) {
            qCWarning(lcStore, "search index not updated, rebuilt on the next search: %s", qPrintable(error));
            forgetIndex();
        }
    }
    return {};
}

bool StoreWorker::rederive(const QSet<QString> &touched, QString *error)
{
    // The same rules as everywhere: re-derive each touched attendee from all their check-ins.
    // Only attendees with check-ins have anything to derive (most of a preload has none).
    QSet<QString> withCheckIns;
    if (!touched.isEmpty()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(
            QStringLiteral("SELECT DISTINCT attendee_id FROM checkins WHERE event_id = ? AND attendee_id IN "
                           "(SELECT value FROM json_each(?))"));
        q.addBindValue(StoreRows::text(m_event.id));
        q.addBindValue(jsonList(QStringList(touched.cbegin(), touched.cend())));
        if (!q.exec()) {
            *error = describe(q.lastError(), StoreWorker::tr("finding check-ins to re-derive"));
            return false;
        }
        while (q.next())
            withCheckIns.insert(q.value(0).toString());
    }
    for (const QString &id : std::as_const(withCheckIns)) {
        AttendeeView view;
        bool found = false;
        QList<CheckInRecord> records;
        if (!findAttendee(QStringLiteral("id"), id, &view, &found, error) ||
            !loadCheckIns(m_event.id, id, {}, &records, error) ||
            (!records.isEmpty() &&
             !reclassify(found ? &view.attendee : nullptr, records, found ? &view : nullptr, error)))
            return false;
    }
    return true;
}

bool StoreWorker::storeDeviceNames(const QHash<QString, QString> &deviceNames,
                                   QHash<QString, QString> *newNames, QString *error)
{
    for (auto it = deviceNames.cbegin(); it != deviceNames.cend(); ++it) {
        if (!it.key().isEmpty() && !it.value().isEmpty() && m_deviceNames.value(it.key()) != it.value())
            newNames->insert(it.key(), it.value());
    }
    if (newNames->isEmpty())
        return true;
    QSqlQuery names(m_db);
    names.prepare(QStringLiteral("INSERT OR REPLACE INTO devices (id, name) VALUES (?, ?)"));
    for (auto it = newNames->cbegin(); it != newNames->cend(); ++it) {
        names.addBindValue(it.key());
        names.addBindValue(it.value());
        if (!names.exec()) {
            *error = describe(names.lastError(), QStringLiteral("storing the names of other devices"));
            return false;
        }
    }
    return true;
}

StoreStatus StoreWorker::adoptEnrolment(const Event &event, const QString &deviceId,
                                        const QString &deviceName)
{
    QString error;
    const QString oldDevice = meta(QStringLiteral("device_id"));
    if (!begin(&error))
        return {error};
    QSqlQuery q(m_db);
    auto fail = [&](const QString &what) {
        const StoreStatus status{describe(q.lastError(), what)};
        rollback();
        return status;
    };
    q.prepare(
        QStringLiteral("INSERT INTO events (id, name, salt, starts_at, ends_at, timezone, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name"));
    for (const QVariant &v :
         {StoreRows::text(event.id), StoreRows::text(event.name), StoreRows::text(event.salt),
          QVariant(event.startsAtMs), QVariant(event.endsAtMs), StoreRows::text(event.timezone),
          QVariant(m_wall->nowMs())})
        q.addBindValue(v);
    if (!q.exec())
        return fail(StoreWorker::tr("storing the event"));
    if (!deviceId.isEmpty() && deviceId != oldDevice) {
        // Undelivered check-ins were made by this device: they carry its new id to the server.
        for (const QString &sql :
             {QStringLiteral("UPDATE checkins SET device_id = ? WHERE device_id = ? AND delivered = 0"),
              QStringLiteral("UPDATE attendees SET inside_device = ? WHERE inside_device = ?")}) {
            q.prepare(sql);
            q.addBindValue(deviceId);
            q.addBindValue(StoreRows::text(oldDevice));
            if (!q.exec())
                return fail(StoreWorker::tr("taking the device id from the server"));
        }
    }
    if ((!deviceId.isEmpty() && !setMeta(QStringLiteral("device_id"), deviceId, &error)) ||
        (!deviceName.isEmpty() && !setMeta(QStringLiteral("device_name"), deviceName, &error)) ||
        !setMeta(QStringLiteral("event_id"), event.id, &error) ||
        (meta(QStringLiteral("event_id")) != m_event.id && !setMeta(cursorKey, QStringLiteral(""), &error))) {
        rollback();
        return {error};
    }
    if (!commit(&error) || !loadEvents(&error))
        return {error};
    forgetIndex();
    m_counts.valid = false;
    prepareIndexSoon();
    return {};
}

} // namespace checkin
