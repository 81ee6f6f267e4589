// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "CheckIn.h"
#include "CheckInRules.h"

class QVariant;

// Column lists and row readers for the server's check-in and attendee rows, so that every query
// reads them one way.
namespace checkin {
class SqlStatement;
}

namespace checkin::ServerRows {

// A text value for a NOT NULL column: a null QString is bound as '' rather than NULL.
QVariant text(const QString &value);

// id, attendee_id, code_hash, kind, ref, at, hlc, device_id, forced, note, status, reason, first,
// undone_by, list, answer, paper (CheckInWidth columns), each with `prefix` (a table alias) when given.
constexpr int CheckInWidth = 17;
QString checkInColumns(const QString &prefix = {});
void readCheckIn(const SqlStatement &row, int first, const QString &eventId, CheckIn *checkIn,
                 Classification *classification);

// id, code_hash, first_name, last_name, company, email, ticket_type, status, cancelled_at,
// updated_at, walk_in_checkin, walk_in_device, order_code, pending, notes (AttendeeWidth columns),
// each with `prefix` when given.
constexpr int AttendeeWidth = 15;
QString attendeeColumns(const QString &prefix = {});
Attendee readAttendee(const SqlStatement &row, int first, const QString &eventId);

// The `search` column: the normalised words of the names, company and e-mail address, each
// preceded by a space (" anna muller mueller acme "), so that "LIKE '% mul%'" finds a word start.
QString searchKeys(const Attendee &attendee);

} // namespace checkin::ServerRows
