// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CheckInList.h"

#include <QList>
#include <QString>

namespace checkin::cli {

struct Context;

// checkinctl lists [use ID | import FILE] on a kiosk's data directory.
int listsCommand(const Context &ctx);
// The lists one per line, the current one marked with '*'.
QString listLines(const QList<CheckInList> &lists, const QString &current);
// Reads a lists file (CSV or JSON); on failure prints why and returns false.
bool readListFile(const Context &ctx, const QString &path, QList<CheckInList> *lists);

} // namespace checkin::cli
