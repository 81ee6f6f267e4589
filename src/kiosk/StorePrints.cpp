// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: the print log, badges printed for attendees here and at the other doors.
#include "StoreRows.h"
#include "StoreWorker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace checkin {

StoreStatus StoreWorker::recordPrint(const QString &attendeeId, const QString &layout, BadgePrint *recorded)
{
    if (m_event.id.isEmpty())
        return {tr("No event on this device yet.")};
    BadgePrint print;
    print.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    print.attendeeId = attendeeId;
    print.atMs = m_wall->nowMs();
    print.deviceId = meta(QStringLiteral("device_id"));
    print.layout = layout;
    print.deviceName = deviceName(print.deviceId);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO prints (id, event_id, attendee_id, at, device_id, layout)"
                             " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &v :
         {StoreRows::text(print.id), StoreRows::text(m_event.id), StoreRows::text(attendeeId),
          QVariant(print.atMs), StoreRows::text(print.deviceId), StoreRows::text(layout)})
        q.addBindValue(v);
    if (!q.exec())
        return {describe(q.lastError(), tr("logging the badge print"))};
    *recorded = print;
    return {};
}

bool StoreWorker::loadPrints(const QString &attendeeId, QList<BadgePrint> *prints, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT id, at, device_id, layout FROM prints WHERE event_id = ? AND attendee_id = ?"
                       " ORDER BY at, id"));
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(StoreRows::text(attendeeId));
    if (!q.exec()) {
        *error = describe(q.lastError(), tr("reading the print log"));
        return false;
    }
    while (q.next()) {
        BadgePrint p{q.value(0).toString(), attendeeId, q.value(1).toLongLong(), q.value(2).toString(),
                     q.value(3).toString(), {}};
        p.deviceName = deviceName(p.deviceId);
        prints->append(p);
    }
    return true;
}

PrintOutbox StoreWorker::printOutbox(int limit)
{
    PrintOutbox out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, attendee_id, at, device_id, layout FROM prints"
                             " WHERE delivered = 0 AND event_id = ? ORDER BY seq LIMIT ?"));
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(limit);
    if (!q.exec()) {
        out.error = describe(q.lastError(), tr("reading the print log"));
        return out;
    }
    while (q.next())
        out.prints.append({q.value(0).toString(),
                           q.value(1).toString(),
                           q.value(2).toLongLong(),
                           q.value(3).toString(),
                           q.value(4).toString(),
                           {}});
    return out;
}

StoreStatus StoreWorker::markPrintsDelivered(const QStringList &ids)
{
    if (ids.isEmpty())
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE prints SET delivered = 1 WHERE id IN (SELECT value FROM json_each(?))"));
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ids)).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return {describe(q.lastError(), tr("marking badge prints as delivered"))};
    return {};
}

bool StoreWorker::applyPrints(const QList<BadgePrint> &prints, QString *error)
{
    // From the feed: another door's (or our own, back from the server). Known ids are kept as they
    // are; the server has them, so they count as delivered.
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO prints (id, event_id, attendee_id, at, device_id, layout, delivered)"
                       " VALUES (?, ?, ?, ?, ?, ?, 1)"
                       " ON CONFLICT (id) DO UPDATE SET delivered = 1"));
    for (const BadgePrint &p : prints) {
        for (const QVariant &v :
             {StoreRows::text(p.id), StoreRows::text(m_event.id), StoreRows::text(p.attendeeId),
              QVariant(p.atMs), StoreRows::text(p.deviceId), StoreRows::text(p.layout)})
            q.addBindValue(v);
        if (!q.exec()) {
            *error = describe(q.lastError(), tr("saving badge prints from the server"));
            return false;
        }
    }
    return true;
}

} // namespace checkin
