// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: the change feed, statistics and the review list. Reads only; nothing is written.
#include "ServerRows.h"
#include "ServerStore.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace checkin {

namespace {

// A feed position: (writing transaction, sequence number). Text form "<txid>.<seq>".
struct FeedPos
{
    quint64 txid = 0;
    qint64 seq = 0;
    bool operator<(const FeedPos &o) const { return txid != o.txid ? txid < o.txid : seq < o.seq; }
    QString toString() const { return QString::number(txid) + QLatin1Char('.') + QString::number(seq); }
    static bool parse(const QString &text, FeedPos *pos)
    {
        if (text.isEmpty()) {
            *pos = {};
            return true;
        }
        const qsizetype dot = text.indexOf(QLatin1Char('.'));
        bool okTx = false;
        bool okSeq = false;
        pos->txid = text.left(dot).toULongLong(&okTx);
        pos->seq = text.mid(dot + 1).toLongLong(&okSeq);
        return dot > 0 && okTx && okSeq && pos->seq >= 0;
    }
};

} // namespace

Result<ChangePage> ServerStore::changes(const QString &eventId, const QString &cursor, int limit,
                                        bool countRemaining)
{
    using R = Result<ChangePage>;
    FeedPos after;
    if (!FeedPos::parse(cursor, &after))
        return R::fail(
            400, QStringLiteral("bad_cursor"),
            QStringLiteral("The cursor \"%1\" is not one this server gave out: start again without one.")
                .arg(cursor));
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("reading changes"), error)};
    QSqlQuery q(db);
    q.setForwardOnly(true);

    // Only transactions older than every running one are final: read up to that watermark, so a
    // change that commits late with a lower number is never skipped (PostgreSQL).
    QString watermark;
    if (m_config.isPostgres()) {
        if (!q.exec(QStringLiteral("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) || !q.next())
            return {{}, dbError(QStringLiteral("reading changes"), q.lastError().text())};
        watermark = q.value(0).toString();
    }
    const QString txidParam = m_config.isPostgres() ? QStringLiteral("CAST(? AS xid8)") : QStringLiteral("?");
    const QString txidText =
        m_config.isPostgres() ? QStringLiteral("txid::text AS feed_txid") : QStringLiteral("txid");
    const QString range =
        QStringLiteral("event_id = ? AND (txid, seq) > (%1, ?)%2 ORDER BY txid, seq LIMIT ?")
            .arg(txidParam,
                 m_config.isPostgres() ? QStringLiteral(" AND txid < CAST(? AS xid8)") : QString());
    // The range's parameters, and the page's limit unless only counting.
    auto bindRange = [&](bool withLimit = true) {
        q.addBindValue(eventId);
        q.addBindValue(m_config.isPostgres() ? QVariant(QString::number(after.txid))
                                             : QVariant(qint64(after.txid)));
        q.addBindValue(after.seq);
        if (m_config.isPostgres())
            q.addBindValue(watermark);
        if (withLimit)
            q.addBindValue(limit + 1);
    };

    struct Row
    {
        FeedPos pos;
        Change change;
    };
    QList<Row> rows;
    q.prepare(QStringLiteral("SELECT %1, %2, seq FROM attendees WHERE %3")
                  .arg(ServerRows::attendeeColumns(), txidText, range));
    bindRange();
    if (!q.exec())
        return {{}, dbError(QStringLiteral("reading changes"), q.lastError().text())};
    while (q.next()) {
        Row r;
        r.change.attendee = ServerRows::readAttendee(q, 0, eventId);
        r.pos = {q.value(12).toULongLong(), q.value(13).toLongLong()};
        rows << r;
    }
    q.prepare(QStringLiteral("SELECT %1, %2, seq FROM checkins WHERE %3")
                  .arg(ServerRows::checkInColumns(), txidText, range));
    bindRange();
    if (!q.exec())
        return {{}, dbError(QStringLiteral("reading changes"), q.lastError().text())};
    while (q.next()) {
        Row r;
        r.change.isAttendee = false;
        ServerRows::readCheckIn(q, 0, eventId, &r.change.checkIn, &r.change.classification);
        r.pos = {q.value(14).toULongLong(), q.value(15).toLongLong()};
        rows << r;
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.pos < b.pos; });

    // The names of the devices on this page, so that a kiosk can say "at Door 2": one query.
    QSet<QString> deviceIds;
    for (const Row &r : std::as_const(rows)) {
        if (!r.change.isAttendee && !r.change.checkIn.deviceId.isEmpty())
            deviceIds.insert(r.change.checkIn.deviceId);
    }
    if (!deviceIds.isEmpty()) {
        const QStringList ids(deviceIds.cbegin(), deviceIds.cend());
        q.prepare(
            QStringLiteral("SELECT id, name FROM devices WHERE id IN (%1)").arg(listParams(ids.size())));
        bindList(q, ids);
        if (!q.exec())
            return {{}, dbError(QStringLiteral("reading changes"), q.lastError().text())};
        QHash<QString, QString> names;
        while (q.next())
            names.insert(q.value(0).toString(), q.value(1).toString());
        for (Row &r : rows) {
            if (!r.change.isAttendee)
                r.change.deviceName = names.value(r.change.checkIn.deviceId);
        }
    }

    ChangePage page;
    if (countRemaining) {
        // The same range without order and limit: a count over the feed index.
        const QString counted =
            QString(range).replace(QStringLiteral(" ORDER BY txid, seq LIMIT ?"), QString());
        page.remaining = 0;
        for (const char *table : {"attendees", "checkins"}) {
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(QLatin1String(table), counted));
            bindRange(false);
            if (!q.exec() || !q.next())
                return {{}, dbError(QStringLiteral("counting changes"), q.lastError().text())};
            page.remaining += q.value(0).toLongLong();
        }
    }
    page.more = rows.size() > limit;
    if (page.more)
        rows.resize(limit);
    page.changes.reserve(rows.size());
    for (const Row &r : std::as_const(rows))
        page.changes << r.change;
    page.cursor = rows.isEmpty() ? after.toString() : rows.constLast().pos.toString();

    // Changes committed by transactions younger than the watermark wait until the older ones end
    // (anywhere in the cluster). Say so with "more": the reader asks again shortly rather than
    // taking a short page for the end of the feed.
    if (m_config.isPostgres() && !page.more) {
        for (const char *table : {"attendees", "checkins"}) {
            // Every row this reader has is below the watermark, so any row at or above it is new:
            // one probe of the index at the watermark, however far behind the reader is.
            q.prepare(QStringLiteral(
                          "SELECT EXISTS (SELECT 1 FROM %1 WHERE event_id = ? AND txid >= CAST(? AS xid8))")
                          .arg(QLatin1String(table)));
            q.addBindValue(eventId);
            q.addBindValue(watermark);
            if (!q.exec() || !q.next())
                return {{}, dbError(QStringLiteral("reading changes"), q.lastError().text())};
            if (q.value(0).toBool()) {
                page.more = true;
                page.heldBack = true;
                break;
            }
        }
    }
    return {page, {}};
}

Result<EventStats> ServerStore::stats(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("counting"), error)};
    EventStats s;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 1 THEN 1 ELSE 0 END), 0), "
                             "COALESCE(SUM(inside), 0), "
                             "COALESCE(SUM(CASE WHEN walk_in_checkin <> '' THEN 1 ELSE 0 END), 0) "
                             "FROM attendees WHERE event_id = ?"));
    q.addBindValue(eventId);
    if (!q.exec() || !q.next())
        return {{}, dbError(QStringLiteral("counting"), q.lastError().text())};
    s.attendees = q.value(0).toInt();
    s.cancelled = q.value(1).toInt();
    s.inside = q.value(2).toInt();
    s.walkIns = q.value(3).toInt();
    // Classifications that count: not undone.
    q.prepare(
        QStringLiteral("SELECT status, kind, COUNT(*) FROM checkins WHERE event_id = ? AND undone_by = '' "
                       "GROUP BY status, kind"));
    q.addBindValue(eventId);
    if (!q.exec())
        return {{}, dbError(QStringLiteral("counting"), q.lastError().text())};
    while (q.next()) {
        const auto status = CheckInStatus(q.value(0).toInt());
        const auto kind = CheckInKind(q.value(1).toInt());
        const int n = q.value(2).toInt();
        if (kind == CheckInKind::Entry &&
            (status == CheckInStatus::Accepted || status == CheckInStatus::Conflict))
            s.entries += n;
        if (status == CheckInStatus::Duplicate && kind != CheckInKind::Undo)
            s.duplicates += n;
        if (status == CheckInStatus::Conflict)
            s.conflicts += n;
        if (status == CheckInStatus::Rejected)
            s.rejected += n;
    }
    const Result<QList<DeviceInfo>> devs = devices(eventId);
    if (!devs.ok())
        return {{}, devs.error};
    s.devices = devs.value;
    return {s, {}};
}

Result<QList<ReviewItem>> ServerStore::review(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("listing conflicts"), error)};
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT %1, a.first_name, a.last_name, d.name, a.walk_in_checkin FROM checkins c "
                       "LEFT JOIN attendees a ON a.event_id = c.event_id AND a.id = c.attendee_id "
                       "LEFT JOIN devices d ON d.id = c.device_id "
                       "WHERE c.event_id = ? AND c.status IN (1, 2) AND c.undone_by = '' AND c.kind <> 2 "
                       "ORDER BY c.hlc, c.device_id, c.id")
            .arg(ServerRows::checkInColumns(QStringLiteral("c."))));
    q.addBindValue(eventId);
    if (!q.exec())
        return {{}, dbError(QStringLiteral("listing conflicts"), q.lastError().text())};
    QList<ReviewItem> items;
    while (q.next()) {
        ReviewItem r;
        ServerRows::readCheckIn(q, 0, eventId, &r.checkIn, &r.classification);
        r.attendeeName =
            Attendee{.firstName = q.value(14).toString(), .lastName = q.value(15).toString()}.displayName();
        r.deviceName = q.value(16).toString();
        r.walkIn = !q.value(17).toString().isEmpty();
        items << r;
    }
    return {items, {}};
}

} // namespace checkin
