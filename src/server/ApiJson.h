// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ServerTypes.h"

#include <QJsonArray>
#include <QJsonObject>

// The JSON of the admin API's answers that more than one endpoint gives (docs/protocol.md).
namespace checkin::ApiJson {

// A device is online when it was heard from within this long; else its door is "silent".
constexpr qint64 DeviceSilentMs = 2 * 60 * 1000;

// {"id","name","created_at","revoked","last_seen","queue","version","clock_offset_ms","online"}
QJsonObject device(const DeviceInfo &device, qint64 nowMs);
// The admin view of the attendee plus "walk_in", "inside", "entries" and "last_checkin"?.
QJsonObject attendee(const AttendeeSummary &summary);
// A check-in change plus "device_name" and "review"?.
QJsonObject historyItem(const HistoryItem &item);
// The live view's banners: {"kind":"silent","device_id","name","last_seen"} for a device (not
// revoked) not heard from for DeviceSilentMs (since its enrolment, if never: last_seen null), and
// {"kind":"queue_growing","device_id","name","queue"} for one whose queue keeps growing.
QJsonArray alerts(const QList<DeviceInfo> &devices, qint64 nowMs);
// {"at","note"}, or null when not reviewed.
QJsonValue review(const Review &review);

} // namespace checkin::ApiJson
