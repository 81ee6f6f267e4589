#pragma once

#include <QString>

namespace checkin::TicketCode {

// What a scanner or a person typed, as a code: surrounding whitespace and control characters
// (scanner prefixes/suffixes) removed.
QString clean(QStringView scanned);

// Lowercase hex SHA-256 of "<salt>:<code>" (PROTOCOL.md). The code is cleaned first.
QString hash(QStringView salt, QStringView code);

// A new random event salt (32 hex characters).
QString newSalt();

} // namespace checkin::TicketCode
