// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: the change feed, statistics and the review list. Reads only; nothing is written.
#include "ServerRows.h"
#include "ServerStore.h"
#include "SqlStatement.h"

#include <QMap>
#include <QSet>

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
                                        bool countRemaining, FeedColumns columns)
{
    const bool tally = columns == FeedColumns::Tally;
    using R = Result<ChangePage>;
    FeedPos after;
    if (!FeedPos::parse(cursor, &after))
        return R::fail(
            400, QStringLiteral("bad_cursor"),
            QStringLiteral("The cursor \"%1\" is not one this server gave out: start again without one.")
                .arg(cursor.size() > 64 ? cursor.left(64) + QStringLiteral("…") : cursor));
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("reading changes"), error)};
    SqlStatement q(db);

    // Only transactions older than every running one are final: read up to that watermark, so a
    // change that commits late with a lower number is never skipped (PostgreSQL).
    QString watermark;
    if (m_config.isPostgres()) {
        if (!q.prepare(QStringLiteral("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) || !q.exec() ||
            !q.next())
            return {{}, dbError(QStringLiteral("reading changes"), q.lastError())};
        watermark = q.text(0);
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
        q.bind(eventId);
        if (m_config.isPostgres())
            q.bind(QString::number(after.txid));
        else
            q.bind(qint64(after.txid));
        q.bind(after.seq);
        if (m_config.isPostgres())
            q.bind(watermark);
        if (withLimit)
            q.bind(limit + 1);
    };

    struct Row
    {
        FeedPos pos;
        Change change;
    };
    QList<Row> rows;
    auto failed = [&](const QString &what) { return R{{}, dbError(what, q.lastError())}; };
    if (!q.prepare(QStringLiteral("SELECT %1, %2, seq FROM attendees WHERE %3")
                       .arg(tally ? QStringLiteral("id, status, walk_in_checkin, walk_in_device")
                                  : ServerRows::attendeeColumns(),
                            txidText, range)))
        return failed(QStringLiteral("reading changes"));
    bindRange();
    if (!q.exec())
        return failed(QStringLiteral("reading changes"));
    const int attendeeWidth = tally ? 4 : ServerRows::AttendeeWidth;
    while (q.next()) {
        Row r;
        if (tally) {
            Attendee &a = r.change.attendee;
            a.id = q.text(0);
            a.status = q.int32(1) == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
            a.walkInCheckIn = q.text(2);
            a.walkInDevice = q.text(3);
        } else {
            r.change.attendee = ServerRows::readAttendee(q, 0, eventId);
        }
        r.pos = {quint64(q.int64(attendeeWidth)), q.int64(attendeeWidth + 1)};
        rows << r;
    }
    if (!q.lastError().isEmpty())
        return failed(QStringLiteral("reading changes"));
    if (!q.prepare(QStringLiteral("SELECT %1, %2, seq FROM checkins WHERE %3")
                       .arg(tally ? QStringLiteral("id, device_id, kind, at, status, undone_by")
                                  : ServerRows::checkInColumns(),
                            txidText, range)))
        return failed(QStringLiteral("reading changes"));
    bindRange();
    if (!q.exec())
        return failed(QStringLiteral("reading changes"));
    const int checkInWidth = tally ? 6 : ServerRows::CheckInWidth;
    while (q.next()) {
        Row r;
        r.change.kind = Change::CheckIn;
        if (tally) {
            CheckIn &c = r.change.checkIn;
            c.id = q.text(0);
            c.deviceId = q.text(1);
            c.kind = CheckInKind(q.int32(2));
            c.atMs = q.int64(3);
            r.change.classification.status = CheckInStatus(q.int32(4));
            r.change.classification.undoneBy = q.text(5);
            r.change.classification.undone = !r.change.classification.undoneBy.isEmpty();
        } else {
            ServerRows::readCheckIn(q, 0, eventId, &r.change.checkIn, &r.change.classification);
        }
        r.pos = {quint64(q.int64(checkInWidth)), q.int64(checkInWidth + 1)};
        rows << r;
    }
    if (!q.lastError().isEmpty())
        return failed(QStringLiteral("reading changes"));
    // Badge prints: for the kiosks (the console's live view does not count them).
    if (!tally) {
        if (!q.prepare(
                QStringLiteral("SELECT id, attendee_id, at, device_id, layout, %1, seq FROM prints WHERE %2")
                    .arg(txidText, range)))
            return failed(QStringLiteral("reading changes"));
        bindRange();
        if (!q.exec())
            return failed(QStringLiteral("reading changes"));
        while (q.next()) {
            Row r;
            r.change.kind = Change::Print;
            r.change.print = BadgePrint{q.text(0), q.text(1), q.int64(2), q.text(3), q.text(4), {}};
            r.pos = {quint64(q.int64(5)), q.int64(6)};
            rows << r;
        }
        if (!q.lastError().isEmpty())
            return failed(QStringLiteral("reading changes"));
        // Check-in lists, as the lead set them.
        if (!q.prepare(QStringLiteral("SELECT id, body, %1, seq FROM lists WHERE %2").arg(txidText, range)))
            return failed(QStringLiteral("reading changes"));
        bindRange();
        if (!q.exec())
            return failed(QStringLiteral("reading changes"));
        while (q.next()) {
            Row r;
            r.change.kind = Change::List;
            QString why;
            if (!Protocol::fromListText(q.text(1), &r.change.list, &why))
                return R{{}, dbError(QStringLiteral("reading check-in list %1").arg(q.text(0)), why)};
            r.pos = {quint64(q.int64(2)), q.int64(3)};
            rows << r;
        }
        if (!q.lastError().isEmpty())
            return failed(QStringLiteral("reading changes"));
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.pos < b.pos; });

    // The names of the devices on this page, so that a kiosk can say "at Door 2": one query.
    QSet<QString> deviceIds;
    auto deviceOf = [](const Change &c) {
        return c.kind == Change::Print     ? c.print.deviceId
               : c.kind == Change::CheckIn ? c.checkIn.deviceId
                                           : QString();
    };
    for (const Row &r : std::as_const(rows)) {
        if (!deviceOf(r.change).isEmpty())
            deviceIds.insert(deviceOf(r.change));
    }
    if (!deviceIds.isEmpty() && !tally) {
        const QStringList ids(deviceIds.cbegin(), deviceIds.cend());
        if (!q.prepare(
                QStringLiteral("SELECT id, name FROM devices WHERE id IN (%1)").arg(q.list(ids.size()))))
            return failed(QStringLiteral("reading changes"));
        q.bindList(ids);
        if (!q.exec())
            return failed(QStringLiteral("reading changes"));
        QHash<QString, QString> names;
        while (q.next())
            names.insert(q.text(0), q.text(1));
        for (Row &r : rows) {
            if (!deviceOf(r.change).isEmpty())
                r.change.deviceName = names.value(deviceOf(r.change));
            if (r.change.kind == Change::Print)
                r.change.print.deviceName = r.change.deviceName;
        }
    }

    ChangePage page;
    if (countRemaining) {
        // The same range without order and limit: a count over the feed index.
        const QString counted =
            QString(range).replace(QStringLiteral(" ORDER BY txid, seq LIMIT ?"), QString());
        page.remaining = 0;
        for (const char *table : {"attendees", "checkins", "prints", "lists"}) {
            if (tally && (qstrcmp(table, "prints") == 0 || qstrcmp(table, "lists") == 0))
                continue;
            if (!q.prepare(
                    QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(QLatin1String(table), counted)))
                return failed(QStringLiteral("counting changes"));
            bindRange(false);
            if (!q.exec() || !q.next())
                return failed(QStringLiteral("counting changes"));
            page.remaining += q.int64(0);
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
        for (const char *table : {"attendees", "checkins", "prints", "lists"}) {
            // Every row this reader has is below the watermark, so any row at or above it is new:
            // one probe of the index at the watermark, however far behind the reader is.
            if (!q.prepare(QStringLiteral("SELECT CASE WHEN EXISTS (SELECT 1 FROM %1 WHERE event_id = ? AND "
                                          "txid >= CAST(? AS xid8)) THEN 1 ELSE 0 END")
                               .arg(QLatin1String(table))))
                return failed(QStringLiteral("reading changes"));
            q.bind(eventId).bind(watermark);
            if (!q.exec() || !q.next())
                return failed(QStringLiteral("reading changes"));
            if (q.int64(0) != 0) {
                page.more = true;
                page.heldBack = true;
                break;
            }
        }
    }
    return {page, {}};
}

Result<int> ServerStore::insideCount(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {0, dbError(QStringLiteral("counting"), error)};
    SqlStatement q(db);
    if (!q.prepare(m_config.isPostgres()
                       ? QStringLiteral("SELECT COALESCE(SUM(inside), 0) FROM attendees WHERE event_id = ?")
                       : QStringLiteral("SELECT COALESCE((SELECT value FROM counters WHERE name = ?), 0)")) ||
        !q.bind(m_config.isPostgres() ? eventId : insideCounter(eventId)).exec() || !q.next())
        return {0, dbError(QStringLiteral("counting"), q.lastError())};
    return {q.int32(0), {}};
}

namespace {

// Each list's counts by list id (the default list as CheckInList::DefaultId).
bool listCounts(SqlStatement &q, const QString &eventId, QMap<QString, EventStats::List> *byId)
{
    auto entry = [&](const QString &stored) -> EventStats::List & {
        const QString id = stored.isEmpty() ? CheckInList::DefaultId.toString() : stored;
        EventStats::List &l = (*byId)[id];
        l.id = id;
        return l;
    };
    if (!q.prepare(QStringLiteral("SELECT list, status, kind, COUNT(*) FROM checkins WHERE event_id = ? AND "
                                  "undone_by = '' GROUP BY list, status, kind")))
        return false;
    q.bind(eventId);
    if (!q.exec())
        return false;
    while (q.next()) {
        EventStats::List &l = entry(q.text(0));
        const auto status = CheckInStatus(q.int32(1));
        const auto kind = CheckInKind(q.int32(2));
        const int n = q.int32(3);
        if (kind == CheckInKind::Entry &&
            (status == CheckInStatus::Accepted || status == CheckInStatus::Conflict))
            l.entries += n;
        if (status == CheckInStatus::Duplicate && kind != CheckInKind::Undo)
            l.duplicates += n;
        if (status == CheckInStatus::Conflict)
            l.conflicts += n;
    }
    if (!q.lastError().isEmpty())
        return false;
    if (!q.prepare(
            QStringLiteral("SELECT list, COUNT(DISTINCT attendee_id) FROM checkins WHERE event_id = ? AND "
                           "undone_by = '' AND kind = %1 AND status IN (%2, %3) AND attendee_id <> '' "
                           "GROUP BY list")
                .arg(int(CheckInKind::Entry))
                .arg(int(CheckInStatus::Accepted))
                .arg(int(CheckInStatus::Conflict))))
        return false;
    q.bind(eventId);
    if (!q.exec())
        return false;
    while (q.next())
        entry(q.text(0)).people = q.int32(1);
    return q.lastError().isEmpty();
}

} // namespace

Result<EventStats> ServerStore::stats(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("counting"), error)};
    EventStats s;
    SqlStatement q(db);
    auto failed = [&] { return Result<EventStats>{{}, dbError(QStringLiteral("counting"), q.lastError())}; };
    // Inside: on SQLite the event's counter, on PostgreSQL the attendees' flags (recordInside).
    if (!q.prepare(
            QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 1 THEN 1 ELSE 0 END), 0), %1, "
                           "COALESCE(SUM(CASE WHEN walk_in_checkin <> '' THEN 1 ELSE 0 END), 0) "
                           "FROM attendees WHERE event_id = ?")
                .arg(m_config.isPostgres()
                         ? QStringLiteral("COALESCE(SUM(inside), 0)")
                         : QStringLiteral("COALESCE((SELECT value FROM counters WHERE name = ?), 0)"))))
        return failed();
    if (!m_config.isPostgres())
        q.bind(insideCounter(eventId));
    q.bind(eventId);
    if (!q.exec() || !q.next())
        return failed();
    s.attendees = q.int32(0);
    s.cancelled = q.int32(1);
    s.inside = q.int32(2);
    s.walkIns = q.int32(3);
    // Classifications that count: not undone.
    if (!q.prepare(QStringLiteral("SELECT status, kind, COUNT(*) FROM checkins WHERE event_id = ? AND "
                                  "undone_by = '' GROUP BY status, kind")))
        return failed();
    q.bind(eventId);
    if (!q.exec())
        return failed();
    while (q.next()) {
        const auto status = CheckInStatus(q.int32(0));
        const auto kind = CheckInKind(q.int32(1));
        const int n = q.int32(2);
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
    if (!q.lastError().isEmpty())
        return failed();
    // Each list's counts, in the order of the event's lists (the default list first), then any
    // list only check-ins name (a door's list the server has not been given).
    QMap<QString, EventStats::List> counts;
    if (!listCounts(q, eventId, &counts))
        return failed();
    const Result<QList<CheckInList>> defined = lists(eventId);
    if (!defined.ok())
        return {{}, defined.error};
    for (const CheckInList &l : defined.value) {
        EventStats::List row = counts.take(l.id);
        row.id = l.id;
        row.name = l.name;
        s.lists << row;
    }
    for (EventStats::List &row : counts) {
        row.name = row.id;
        s.lists << row;
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
    SqlStatement q(db);
    auto failed = [&] {
        return Result<QList<ReviewItem>>{{}, dbError(QStringLiteral("listing conflicts"), q.lastError())};
    };
    if (!q.prepare(QStringLiteral(
                       "SELECT %1, a.first_name, a.last_name, d.name, a.walk_in_checkin, a.cancelled_at, "
                       "f.at, fd.name, r.note, r.reviewed_at, c.clamped FROM checkins c "
                       "LEFT JOIN attendees a ON a.event_id = c.event_id AND a.id = c.attendee_id "
                       "LEFT JOIN devices d ON d.id = c.device_id "
                       "LEFT JOIN checkins f ON f.event_id = c.event_id AND f.id = c.first AND c.first <> '' "
                       "LEFT JOIN devices fd ON fd.id = f.device_id "
                       "LEFT JOIN reviews r ON r.event_id = c.event_id AND r.checkin_id = c.id "
                       "WHERE c.event_id = ? AND ((c.status IN (1, 2) AND c.undone_by = '' AND c.kind <> 2) "
                       "OR c.clamped = 2) "
                       "ORDER BY c.hlc, c.device_id, c.id")
                       .arg(ServerRows::checkInColumns(QStringLiteral("c.")))))
        return failed();
    q.bind(eventId);
    if (!q.exec())
        return failed();
    QList<ReviewItem> items;
    while (q.next()) {
        ReviewItem r;
        ServerRows::readCheckIn(q, 0, eventId, &r.checkIn, &r.classification);
        constexpr int w = ServerRows::CheckInWidth;
        r.attendeeName = Attendee{.firstName = q.text(w), .lastName = q.text(w + 1)}.displayName();
        r.deviceName = q.text(w + 2);
        r.walkIn = !q.text(w + 3).isEmpty();
        r.cancelledAtMs = q.int64(w + 4);
        r.firstAtMs = q.int64(w + 5);
        r.firstDevice = q.text(w + 6);
        r.review = {q.int64(w + 8), q.text(w + 7)};
        r.timeOutOfRange = q.int32(w + 9) == 2;
        items << r;
    }
    if (!q.lastError().isEmpty())
        return failed();
    return {items, {}};
}

} // namespace checkin
