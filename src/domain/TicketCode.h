// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin::TicketCode {

// What a scanner or a person typed, as a code: surrounding whitespace and control characters
// (scanner prefixes/suffixes) removed.
QString clean(QStringView scanned);

// Whether text typed into the search is a ticket code rather than a name: it holds a digit and,
// trimmed, no whitespace ("QY7NBGBE8TR9", "4006381333931"; not "Anna", "Anna 2").
bool looksLikeCode(QStringView text);

// The code as it was meant when a barcode scanner set to the other keyboard layout typed it: a US
// scanner on a German (QWERTZ) kiosk, or a German one on a US kiosk, swaps Y and Z, and turns "-"
// into "ß" (or "/") and "_" into "?". The cleaned code with those undone; empty when nothing in it
// differs between the layouts.
QString otherLayoutReading(QStringView scanned);

// Lowercase hex SHA-256 of "<salt>:<code>" (docs/protocol.md). The code is cleaned first.
QString hash(QStringView salt, QStringView code);

// A new random event salt (32 hex characters).
QString newSalt();

} // namespace checkin::TicketCode
