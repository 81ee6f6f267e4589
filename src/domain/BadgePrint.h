// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin {

// One badge printed for an attendee: where and when, so that no door prints it twice by accident.
// Kept by every kiosk of the event (synced through the server like check-ins: the id is the key,
// the origin device stays).
struct BadgePrint
{
    QString id; // a lowercase UUID, made by the printing kiosk
    QString attendeeId;
    qint64 atMs = 0;
    QString deviceId;   // the kiosk that printed it
    QString layout;     // "a6", "brother-62", "dymo-89x36"
    QString deviceName; // when known (the feed carries it)

    friend bool operator==(const BadgePrint &, const BadgePrint &) = default;
};

} // namespace checkin
