// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"

#include <QList>
#include <QString>

namespace checkin::print {

// The door's paper list, for when no device works: everybody the list admits, alphabetically by
// last name, with the ticket type, what the door must know (attention notes marked), and a box to
// tick. The ticks come back afterwards as check-ins (checkinctl checkin --at, checkinctl paper).
struct DoorListSheet
{
    struct Entry
    {
        Attendee attendee;
        QString insideSince; // "09:14" when already checked in on this list; empty otherwise
    };

    QString event;
    QString list;      // the check-in list's name
    QString printedAt; // "Sat 6 Jun 2026 08:00", in the event's time
    QList<Entry> entries;
    int leftOut = 0; // cancelled tickets and types this list does not admit (said in the footer)
};

// Sorts the entries as the sheet prints them: by last name, then first name, as the current
// locale sorts (Ä with A, case ignored).
void sortForPaper(QList<DoorListSheet::Entry> *entries);

// Writes the sheet as an A4 PDF; an error for a person, empty when done.
QString writeDoorListPdf(const QString &path, const DoorListSheet &sheet);

} // namespace checkin::print
