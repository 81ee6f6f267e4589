// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ApiServer: the endpoints the event lead's console adds to the admin API (docs/protocol.md,
// "Console"): the live door view, attendee search and history, reviews, exports.
#include "ApiJson.h"
#include "ApiServer.h"

#include "CsvWriter.h"
#include "LiveTally.h"
#include "ServerStore.h"
#include "WallClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace checkin {

namespace {

constexpr qint64 BucketMs = LiveTally::BucketMs;
constexpr int ChartBuckets = 48; // four hours of arrivals

// Arrivals per five minutes, without gaps: the last ChartBuckets up to now, or up to the last
// arrival when that is more than the chart's span ago (the view of a day that is over).
QJsonArray arrivalBuckets(const QList<QPair<qint64, int>> &arrivals, qint64 nowMs)
{
    QJsonArray buckets;
    if (arrivals.isEmpty())
        return buckets;
    const qint64 nowBucket = nowMs / BucketMs * BucketMs;
    const qint64 lastArrival = arrivals.constLast().first;
    const qint64 end =
        nowBucket - lastArrival < ChartBuckets * BucketMs ? std::max(nowBucket, lastArrival) : lastArrival;
    const qint64 start = std::max(arrivals.constFirst().first, end - (ChartBuckets - 1) * BucketMs);
    QHash<qint64, int> counts;
    for (const auto &[at, n] : arrivals)
        counts.insert(at, n);
    for (qint64 at = start; at <= end; at += BucketMs)
        buckets.append(QJsonObject{{QStringLiteral("start"), Protocol::isoTime(at)},
                                   {QStringLiteral("count"), counts.value(at)}});
    return buckets;
}

ApiServer::Reply jsonBytes(const QByteArray &body)
{
    ApiServer::Reply reply;
    reply.raw = body;
    reply.contentType = QByteArrayLiteral("application/json");
    return reply;
}

ApiServer::Reply csvFile(const QString &fileName, const QByteArray &body)
{
    ApiServer::Reply reply;
    reply.raw = body;
    reply.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
    reply.headers << qMakePair(QByteArrayLiteral("Content-Disposition"),
                               QByteArrayLiteral("attachment; filename=\"") + fileName.toUtf8() + '"');
    return reply;
}

QString isoOrEmpty(qint64 ms)
{
    return ms ? Protocol::isoTime(ms) : QString();
}

} // namespace

QStringList ApiServer::serverUrls(const Request &request) const
{
    if (!m_options.publicUrls.isEmpty())
        return m_options.publicUrls;
    // The address the lead's browser reached this server at: the kiosks are usually on the same
    // network. Several servers: --public-url.
    static const QRegularExpression hostPattern(
        QStringLiteral("^[A-Za-z0-9.\\-]+(:[0-9]{1,5})?$|^\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?$"));
    const QString host = QString::fromLatin1(request.host);
    const QString scheme = request.secure ? QStringLiteral("https://") : QStringLiteral("http://");
    if (hostPattern.match(host).hasMatch())
        return {scheme + host};
    return {scheme + QStringLiteral("127.0.0.1:%1").arg(m_port)};
}

ApiServer::Reply ApiServer::live(const QString &eventId)
{
    const qint64 nowMs = m_clock->nowMs();
    // Every console that looks within the same second gets the same bytes: the answer is made
    // once a second per event, not once per look.
    {
        QMutexLocker lock(&m_liveAnswersMutex);
        const auto it = m_liveAnswers.constFind(eventId);
        if (it != m_liveAnswers.constEnd() && nowMs - it->madeAtMs < LiveView::RefreshMs)
            return jsonBytes(it->body);
    }
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    const Result<LiveView::Snapshot> snapshot = m_live.counts(eventId);
    if (!snapshot.ok())
        return error(snapshot.error);
    const LiveCounts &counts = *snapshot.value.counts;
    const EventStats &t = counts.totals;
    const qint64 now = m_clock->nowMs();
    QList<DeviceInfo> devices = t.devices;
    m_activity.overlay(&devices); // last seen and queue as of this moment
    QJsonArray doors;
    for (const DeviceInfo &d : std::as_const(devices)) {
        const DoorCounts c = counts.doors.value(d.id);
        QJsonObject door = ApiJson::device(d, now);
        door.insert(QStringLiteral("device_id"), d.id);
        door.insert(QStringLiteral("entries"), c.entries);
        door.insert(QStringLiteral("duplicates"), c.duplicates);
        door.insert(QStringLiteral("conflicts"), c.conflicts);
        door.insert(QStringLiteral("rejected"), c.rejected);
        door.insert(QStringLiteral("walk_ins"), c.walkIns);
        doors.append(door);
    }
    const QJsonObject answer{
        {QStringLiteral("generated_at"), Protocol::isoTime(snapshot.value.readAtMs)},
        {QStringLiteral("event"), Protocol::toJson(ev.value)},
        {QStringLiteral("totals"), QJsonObject{{QStringLiteral("attendees"), t.attendees},
                                               {QStringLiteral("walk_ins"), t.walkIns},
                                               {QStringLiteral("cancelled"), t.cancelled},
                                               {QStringLiteral("inside"), t.inside},
                                               {QStringLiteral("entries"), t.entries},
                                               {QStringLiteral("duplicates"), t.duplicates},
                                               {QStringLiteral("conflicts"), t.conflicts},
                                               {QStringLiteral("rejected"), t.rejected}}},
        {QStringLiteral("doors"), doors},
        {QStringLiteral("arrivals"),
         QJsonObject{{QStringLiteral("bucket_minutes"), int(BucketMs / 60'000)},
                     {QStringLiteral("buckets"), arrivalBuckets(counts.arrivals, now)}}},
        {QStringLiteral("alerts"), ApiJson::alerts(devices, now)}};
    const QByteArray body = QJsonDocument(answer).toJson(QJsonDocument::Compact);
    QMutexLocker lock(&m_liveAnswersMutex);
    m_liveAnswers.insert(eventId, {nowMs, body});
    return jsonBytes(body);
}

ApiServer::Reply ApiServer::findAttendees(const QString &eventId, const Request &request)
{
    bool ok = true;
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 50 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 500)
        return error(400, QStringLiteral("invalid_limit"),
                     QStringLiteral("limit must be a number from 1 to 500."));
    const QString offsetText = request.query.queryItemValue(QStringLiteral("offset"));
    const int offset = offsetText.isEmpty() ? 0 : offsetText.toInt(&ok);
    if (!ok || offset < 0)
        return error(400, QStringLiteral("invalid_offset"),
                     QStringLiteral("offset must be a number from 0."));
    const QString query = request.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).left(200);
    int total = 0;
    const Result<QList<AttendeeSummary>> found =
        m_store->findAttendees(eventId, query, limit, offset, &total);
    if (!found.ok())
        return error(found.error);
    QJsonArray list;
    for (const AttendeeSummary &s : found.value)
        list.append(ApiJson::attendee(s));
    return {200, QJsonObject{{QStringLiteral("attendees"), list}, {QStringLiteral("total"), total}}, {}};
}

ApiServer::Reply ApiServer::attendeeHistory(const QString &eventId, const QString &attendeeId)
{
    QList<HistoryItem> history;
    const Result<AttendeeSummary> person = m_store->attendee(eventId, attendeeId, &history);
    if (!person.ok())
        return error(person.error);
    QJsonArray checkIns;
    for (const HistoryItem &item : std::as_const(history))
        checkIns.append(ApiJson::historyItem(item));
    return {200,
            QJsonObject{{QStringLiteral("attendee"), ApiJson::attendee(person.value)},
                        {QStringLiteral("checkins"), checkIns}},
            {}};
}

ApiServer::Reply ApiServer::saveReview(const QString &eventId, const QString &checkInId,
                                       const Request &request)
{
    QJsonObject json;
    Reply failure;
    if (!parseObject(request.body, &json, &failure))
        return failure;
    const QJsonValue note = json.value(QStringLiteral("note"));
    if (!note.isUndefined() && !note.isNull() && (!note.isString() || note.toString().size() > 2000))
        return error(400, QStringLiteral("invalid_note"),
                     QStringLiteral("note must be text of at most 2000 characters."));
    const Result<Review> saved = m_store->saveReview(eventId, checkInId, note.toString().trimmed());
    if (!saved.ok())
        return error(saved.error);
    return {200,
            QJsonObject{{QStringLiteral("checkin_id"), checkInId},
                        {QStringLiteral("reviewed_at"), Protocol::isoTime(saved.value.atMs)},
                        {QStringLiteral("note"), saved.value.note}},
            {}};
}

ApiServer::Reply ApiServer::exportAttendees(const QString &eventId)
{
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    // A byte order mark: spreadsheets then read the file as UTF-8 (umlauts intact).
    QByteArray csv =
        QByteArrayLiteral("\xEF\xBB\xBF") +
        CsvWriter::line({QStringLiteral("id"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                         QStringLiteral("company"), QStringLiteral("email"), QStringLiteral("ticket_type"),
                         QStringLiteral("status"), QStringLiteral("walk_in"), QStringLiteral("inside"),
                         QStringLiteral("entries"), QStringLiteral("last_checkin_at"),
                         QStringLiteral("last_checkin_kind"), QStringLiteral("last_checkin_device"),
                         QStringLiteral("order_code"), QStringLiteral("payment_pending"),
                         QStringLiteral("notes")});
    const Result<bool> done = m_store->forEachAttendee(eventId, [&csv](const AttendeeSummary &s) {
        const Attendee &a = s.attendee;
        csv += CsvWriter::line(
            {a.id, a.firstName, a.lastName, a.company, a.email, a.ticketType, ticketStatusName(a.status),
             a.walkInCheckIn.isEmpty() ? QStringLiteral("no") : QStringLiteral("yes"),
             s.state.inside ? QStringLiteral("yes") : QStringLiteral("no"), QString::number(s.state.entries),
             s.last ? Protocol::isoTime(s.last->atMs) : QString(),
             s.last ? checkInKindName(s.last->kind) : QString(), s.lastDeviceName, a.orderCode,
             a.paymentPending ? QStringLiteral("yes") : QStringLiteral("no"), doorNotesText(a.notes)});
    });
    if (!done.ok())
        return error(done.error);
    return csvFile(eventId + QStringLiteral("-attendees.csv"), csv);
}

ApiServer::Reply ApiServer::exportCheckIns(const QString &eventId)
{
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    QByteArray csv =
        QByteArrayLiteral("\xEF\xBB\xBF") +
        CsvWriter::line({QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("hlc"),
                         QStringLiteral("kind"), QStringLiteral("status"), QStringLiteral("reason"),
                         QStringLiteral("attendee_id"), QStringLiteral("attendee"),
                         QStringLiteral("device_id"), QStringLiteral("device"), QStringLiteral("forced"),
                         QStringLiteral("note"), QStringLiteral("first"), QStringLiteral("undone_by"),
                         QStringLiteral("reviewed_at"), QStringLiteral("review_note"), QStringLiteral("list"),
                         QStringLiteral("answer"), QStringLiteral("paper")});
    const Result<bool> done =
        m_store->forEachCheckIn(eventId, [&csv](const HistoryItem &item, const QString &name) {
            const CheckIn &c = item.checkIn;
            const Classification &cls = item.classification;
            csv += CsvWriter::line({c.id, Protocol::isoTime(c.atMs), c.hlc.toString(),
                                    checkInKindName(c.kind), checkInStatusName(cls.status), cls.reason,
                                    c.attendeeId, name, c.deviceId, item.deviceName,
                                    c.forced ? QStringLiteral("yes") : QStringLiteral("no"), c.note,
                                    cls.first, cls.undoneBy, isoOrEmpty(item.review.atMs), item.review.note,
                                    c.list.isEmpty() ? CheckInList::DefaultId.toString() : c.list, c.answer,
                                    c.paper ? QStringLiteral("yes") : QStringLiteral("no")});
        });
    if (!done.ok())
        return error(done.error);
    return csvFile(eventId + QStringLiteral("-checkins.csv"), csv);
}

} // namespace checkin
