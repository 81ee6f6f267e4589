// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QTimeZone>

namespace checkin {
class LocalStore;
}

namespace checkin::cli {

struct Context;

// checkinctl door-list --pdf FILE [--list ID]: the door's paper list, for when no device works.
int doorListCommand(const Context &ctx);
// checkinctl paper FILE.csv: the ticks of a paper list (code or attendee id, and the time) as
// check-ins, each once however often the file is entered.
int paperCommand(const Context &ctx);

// The zone paper ticks are written in: the event's (the list is ticked where the event is), else
// this computer's.
QTimeZone eventZone(LocalStore &store);

// When a paper tick was made: "09:14" (today), "2026-06-05 09:14", "2026-06-05T09:14:30", each
// in `zone` unless it ends in "Z" or an offset ("+02:00"). Not in the future (beyond `nowMs`).
bool parsePaperTime(const QString &text, const QTimeZone &zone, qint64 nowMs, qint64 *ms, QString *error);

} // namespace checkin::cli
