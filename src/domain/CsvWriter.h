// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QStringList>

namespace checkin::CsvWriter {

// One CSV cell, quoted when needed. A cell that a spreadsheet would run as a formula (starting
// with = + - @ or their full-width forms, after blanks or not, or with a tab, carriage return or
// line feed) gets a leading apostrophe, so that it shows as text.
QByteArray cell(const QString &value);
// One line of cells, comma-separated, ending in CRLF.
QByteArray line(const QStringList &values);

} // namespace checkin::CsvWriter
