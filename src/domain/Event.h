// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin {

// An event attendees are admitted to; its salt makes ticket-code hashes event-specific.
struct Event
{
    QString id;
    QString name;
    QString salt;
    qint64 startsAtMs = 0;
    qint64 endsAtMs = 0;
    QString timezone;

    friend bool operator==(const Event &, const Event &) = default;
};

} // namespace checkin
