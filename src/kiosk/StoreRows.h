// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

class QSqlQuery;
class QVariant;

namespace checkin::StoreRows {

// Column lists and row readers shared by the store's queries, so every query reads rows one way.
QString attendeeColumns(); // pk, id, event_id, code_hash, ... (19 columns; no e-mail on a kiosk)
QString checkInColumns();  // id, event_id, attendee_id, ... (CheckInWidth columns)
QString checkInColumns(const QString &alias); // the same of a table named `alias`: c.id, c.event_id, ...
constexpr int CheckInWidth = 19;

// A text value for a NOT NULL column: a null QString is bound as '' rather than NULL.
QVariant text(const QString &value);

// Ticket-code hashes are stored as 32-byte blobs, half the size of their hex text.
QVariant hash(const QString &hex);       // '' for none (check-ins, refused scans)
QVariant hashOrNull(const QString &hex); // NULL for none (attendees: the unique index skips NULLs)
QString hashText(const QVariant &value);

// Reads the attendee columns starting at `first`.
AttendeeView attendeeView(const QSqlQuery &query, int first = 0);
CheckInRecord checkInRecord(const QSqlQuery &query, int first = 0);

} // namespace checkin::StoreRows
