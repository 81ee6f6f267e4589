// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin {

// A person registered at the door who is not on the attendee list: what the volunteer typed. The
// kiosk creates the attendee at once; the server creates it from the entry that carries it, the
// first time that entry arrives (docs/protocol.md, "Walk-ins").
struct WalkIn
{
    // The longest first name, last name, company or ticket type (Protocol::MaxNameLength).
    static constexpr qsizetype MaxFieldLength = 200;

    QString firstName;
    QString lastName;
    QString company;
    QString ticketType;

    QString displayName() const;

    // Trims every field and checks it as kiosk and server both do: a first or a last name, no
    // field over MaxFieldLength, no line breaks or other control characters. False with a sentence
    // a volunteer can act on ("Enter a first or last name."); the fields are trimmed either way.
    bool normalize(QString *error);

    friend bool operator==(const WalkIn &, const WalkIn &) = default;
};

} // namespace checkin
