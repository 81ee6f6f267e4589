// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin {

enum class TicketStatus { Valid, Cancelled };

// One person who may enter an event: the fields the door needs, never the plain ticket code.
struct Attendee
{
    QString id;
    QString eventId;
    QString codeHash; // lowercase hex SHA-256 of "<event salt>:<ticket code>", empty without a code
    QString firstName;
    QString lastName;
    QString company;
    QString email;
    QString ticketType;
    TicketStatus status = TicketStatus::Valid;
    qint64 cancelledAtMs = 0; // when cancelled: since when (ms since epoch; 0 = from the start)
    qint64 updatedAtMs = 0;
    // A walk-in, registered at the door rather than imported: the entry that registered them and
    // the device that recorded it (the kiosk keeps only the entry). Empty for the list's attendees.
    QString walkInCheckIn;
    QString walkInDevice;

    QString displayName() const;
    // What a self-service screen may show of a name: the first name and the initial of the last
    // name ("Anna M."); the last name's initial alone when there is no first name.
    QString shortName() const;
    bool isCancelled() const { return status == TicketStatus::Cancelled; }
    bool isWalkIn() const { return !walkInCheckIn.isEmpty(); }

    friend bool operator==(const Attendee &, const Attendee &) = default;
};

QString ticketStatusName(TicketStatus status);
// Accepts "valid" and "cancelled" (protocol words); returns false for anything else.
bool parseTicketStatus(QStringView text, TicketStatus *status);

} // namespace checkin
