// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace checkin::DemoAttendees {

// A realistic generated attendee list as CSV (UTF-8, comma-separated, quoted where needed):
// international and German names with umlauts, accents, apostrophes and hyphens, companies
// (some with commas), ticket types, unique ticket codes, and about 2 % cancelled tickets.
// The same seed gives the same list.
QByteArray csv(int attendees, quint64 seed);

} // namespace checkin::DemoAttendees
