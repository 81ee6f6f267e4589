#pragma once

#include "StoreTypes.h"

class QSqlQuery;
class QVariant;

namespace checkin::StoreRows {

// Column lists and row readers shared by the store's queries, so every query reads rows one way.
QString attendeeColumns(); // pk, id, event_id, code_hash, ... (16 columns)
QString checkInColumns();  // id, event_id, attendee_id, ... (16 columns)

// A text value for a NOT NULL column: a null QString is bound as '' rather than NULL.
QVariant text(const QString &value);

// Reads the attendee columns starting at `first`.
AttendeeView attendeeView(const QSqlQuery &query, int first = 0);
CheckInRecord checkInRecord(const QSqlQuery &query, int first = 0);

} // namespace checkin::StoreRows
