// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>

namespace checkin {

// A time of day for a person, in local time and the default locale's short format: "09:12" in
// German, "9:12 AM" in American English. The C locale (no locale set up, as in scripts) would add
// seconds; it gets "09:12".
QString timeOfDay(const QDateTime &at);
QString timeOfDay(qint64 msSinceEpoch);

} // namespace checkin
