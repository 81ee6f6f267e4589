// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "CheckIn.h"

#include <QHash>
#include <QList>

namespace checkin {

// How one check-in counts after the walk over its attendee's check-ins (docs/kiosk-core.md, "Rules").
struct Classification
{
    CheckInStatus status = CheckInStatus::Accepted;
    QString reason;      // machine-readable: "already_inside", "not_inside", "cancelled", ...
    QString first;       // for a duplicate: the check-in it repeats (the entry that let them in)
    bool undone = false; // an undo refers to it: it no longer counts
    QString undoneBy;

    friend bool operator==(const Classification &, const Classification &) = default;
};

// An attendee's state as derived from their check-ins.
struct AttendeeState
{
    bool inside = false;
    QString entryId;    // the entry that let them in (when inside)
    qint64 sinceMs = 0; // its device wall time
    QString deviceId;   // the device that let them in
    int entries = 0;    // entries that count (accepted or conflict)
    int duplicates = 0;
    int conflicts = 0;
    QString lastCheckInId; // the last check-in that counts, in the agreed order

    friend bool operator==(const AttendeeState &, const AttendeeState &) = default;
};

struct Derivation
{
    AttendeeState state;
    QHash<QString, Classification> byId;

    friend bool operator==(const Derivation &, const Derivation &) = default;
};

// The one order every kiosk and the server agree on: (hlc, device id, id).
bool precedes(const CheckIn &a, const CheckIn &b);

// Derives an attendee's state and the status of each of their check-ins. Pure and deterministic:
// any permutation of the same check-ins gives the same result. `attendee` is null when the
// check-ins refer to nobody known (they are rejected, kept for audit).
Derivation derive(const Attendee *attendee, QList<CheckIn> checkIns);

// What the door says to a scan.
enum class Verdict {
    Admitted,      // entry recorded
    Exited,        // exit recorded
    AlreadyInside, // entry refused: an entry already counts
    NotInside,     // exit refused: they are not inside
    Cancelled,     // entry refused: the ticket is cancelled
    UnknownCode,   // no attendee has this code
    WrongEvent,    // the code belongs to another event on this device
    Undone,        // an undo was recorded
};

QString verdictName(Verdict verdict);

struct Decision
{
    Verdict verdict;
    bool record; // true when a check-in is to be recorded (and synced)
};

// Decides a scan of `kind` for `attendee` (null: unknown code) in `state`. `forced` is a volunteer
// override: it records the check-in whatever the state; the walk then classifies it.
Decision decide(const Attendee *attendee, const AttendeeState &state, CheckInKind kind, bool forced,
                qint64 nowMs);

} // namespace checkin
