// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ApiJson.h"

namespace checkin::ApiJson {

QJsonObject device(const DeviceInfo &d, qint64 nowMs)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("created_at"), Protocol::isoTime(d.createdAtMs)},
            {QStringLiteral("revoked"), d.revokedAtMs != 0},
            {QStringLiteral("last_seen"),
             d.lastSeenMs ? QJsonValue(Protocol::isoTime(d.lastSeenMs)) : QJsonValue()},
            {QStringLiteral("queue"), d.queue},
            {QStringLiteral("version"), d.version},
            {QStringLiteral("clock_offset_ms"),
             d.clockOffsetMs ? QJsonValue(double(*d.clockOffsetMs)) : QJsonValue()},
            {QStringLiteral("online"),
             d.revokedAtMs == 0 && d.lastSeenMs && nowMs - d.lastSeenMs < DeviceSilentMs}};
}

QJsonObject attendee(const AttendeeSummary &s)
{
    QJsonObject json = Protocol::toJson(s.attendee, Protocol::AttendeeView::Admin);
    json.insert(QStringLiteral("walk_in"), !s.attendee.walkInCheckIn.isEmpty());
    json.insert(QStringLiteral("inside"), s.state.inside);
    json.insert(QStringLiteral("entries"), s.state.entries);
    if (s.last)
        json.insert(QStringLiteral("last_checkin"),
                    QJsonObject{{QStringLiteral("at"), Protocol::isoTime(s.last->atMs)},
                                {QStringLiteral("kind"), checkInKindName(s.last->kind)},
                                {QStringLiteral("device_name"), s.lastDeviceName}});
    return json;
}

QJsonObject historyItem(const HistoryItem &item)
{
    QJsonObject json = Protocol::checkInChange(item.checkIn, item.classification, item.deviceName);
    json.remove(QStringLiteral("type"));
    if (item.review.atMs)
        json.insert(QStringLiteral("review"), review(item.review));
    return json;
}

QJsonArray alerts(const QList<DeviceInfo> &devices, qint64 nowMs)
{
    QJsonArray out;
    for (const DeviceInfo &d : devices) {
        if (d.revokedAtMs)
            continue;
        const qint64 heard = d.lastSeenMs ? d.lastSeenMs : d.createdAtMs;
        if (nowMs - heard >= DeviceSilentMs)
            out.append(
                QJsonObject{{QStringLiteral("kind"), QStringLiteral("silent")},
                            {QStringLiteral("device_id"), d.id},
                            {QStringLiteral("name"), d.name},
                            {QStringLiteral("last_seen"),
                             d.lastSeenMs ? QJsonValue(Protocol::isoTime(d.lastSeenMs)) : QJsonValue()}});
        if (d.queueGrowing)
            out.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("queue_growing")},
                                   {QStringLiteral("device_id"), d.id},
                                   {QStringLiteral("name"), d.name},
                                   {QStringLiteral("queue"), d.queue}});
    }
    return out;
}

QJsonValue review(const Review &r)
{
    if (!r.atMs)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("at"), Protocol::isoTime(r.atMs)}, {QStringLiteral("note"), r.note}};
}

} // namespace checkin::ApiJson
