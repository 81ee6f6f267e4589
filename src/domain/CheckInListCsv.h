// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CheckInList.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace checkin {

// Check-in lists as the event lead writes them: the protocol's JSON ({"lists": [...]} or a bare
// array), or a spreadsheet with one list per row (docs/checkinctl.md, "Check-in lists"):
//
//   id,name,ticket_types,windows,entries,track_exit,question
//   friday,Friday door,"Day pass Friday [2026-06-05 06:00 - 23:59]; Weekend",,unlimited,yes,
//   dinner,Friday dinner,,2026-06-05 18:00 - 2026-06-06 01:00,once,no,Photo consent?
//
// ticket_types: types separated by ';', each with its windows in [ ] (several separated by ',');
// windows: "DATE HH:MM - [DATE] HH:MM" (the second date defaults to the first), separated by ',' or
// ';'; entries: unlimited, once or daily; track_exit and retired: yes or no. Only id and name are
// required; an empty cell takes the default list's rule.
class CheckInListCsv
{
public:
    struct Result
    {
        QList<CheckInList> lists;
        QStringList errors; // "row 3: ..." (or the file's problem); nothing is usable when not empty
        bool ok() const { return errors.isEmpty(); }
    };

    // JSON when the text starts with '{' or '[', otherwise CSV.
    static Result read(const QByteArray &bytes);
    static Result parseCsv(const QByteArray &bytes);
    static Result parseJson(const QByteArray &bytes);

    // One window in the spreadsheet's words: "2026-06-05 06:00 - 23:59".
    static bool parseWindow(QStringView text, TimeWindow *window);
};

} // namespace checkin
