// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace checkin {

enum class TicketStatus { Valid, Cancelled };

// What the door must know about a person: the value of a column the event lead chose at import
// ("Allergies: nuts", "Accessibility: wheelchair"). Volunteers see it on the verdict and the
// person's card; a self-service screen never shows it. `attention` marks the ones the lead wants
// noticed (shown with a mark of their own).
struct DoorNote
{
    static constexpr qsizetype MaxNotes = 10; // of one attendee
    static constexpr qsizetype MaxTextLength = 500;

    QString label; // the column's header
    QString text;
    bool attention = false;

    friend bool operator==(const DoorNote &, const DoorNote &) = default;
};

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
    // The order the ticket was bought in (an export's order code); the attendees of one order form
    // a group the door can check in together. Not secret, unlike a ticket code.
    QString orderCode;
    // An export's "pending"/"unpaid": the ticket is valid, but the door asks before letting in.
    bool paymentPending = false;
    QList<DoorNote> notes; // in the order of the lead's columns
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
    bool needsAttention() const;

    friend bool operator==(const Attendee &, const Attendee &) = default;
};

// The notes in one line for an export: "Allergies: nuts (!); Notes: speaker" ("(!)": attention).
QString doorNotesText(const QList<DoorNote> &notes);

QString ticketStatusName(TicketStatus status);
// Accepts "valid" and "cancelled" (protocol words); returns false for anything else.
bool parseTicketStatus(QStringView text, TicketStatus *status);

} // namespace checkin
