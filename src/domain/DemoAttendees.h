// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CheckInList.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QtGlobal>

namespace checkin::DemoAttendees {

// A realistic generated attendee list as CSV (UTF-8, comma-separated, quoted where needed):
// international and German names with umlauts, accents, apostrophes and hyphens, companies
// (some with commas), ticket types, unique ticket codes, and about 2 % cancelled tickets.
// The same seed gives the same list.
// With `doorInfo`, three more columns in front (Order code, Allergies, Notes: families of three
// share an order, a few people have something the door must know) and a few pending payments;
// the people, codes and types are the same as without.
QByteArray csv(int attendees, quint64 seed, bool doorInfo = false);

// Check-in lists for the demo's event in the week of `today`: the main entrance (every ticket, any
// time), the main hall (day passes on their day only), a workshop room (three ticket types) and
// tonight's dinner (once, no exits, with a question).
QList<CheckInList> lists(const QDate &today);

} // namespace checkin::DemoAttendees
