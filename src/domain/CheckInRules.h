// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "CheckIn.h"
#include "CheckInList.h"

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

// An attendee's state on one check-in list as derived from their check-ins on it.
struct AttendeeState
{
    // Inside: on a list that tracks exits, came in and did not go out since; on one that does not,
    // came in at all.
    bool inside = false;
    QString entryId;    // the entry that let them in (when inside)
    qint64 sinceMs = 0; // its device wall time
    QString deviceId;   // the device that let them in
    int entries = 0;    // entries that count (accepted or conflict)
    int duplicates = 0;
    int conflicts = 0;
    QString lastCheckInId; // the last check-in that counts, in the agreed order
    // The last entry that counts, whether or not they went out since (for "once" and "once a day").
    QString lastEntryId;
    qint64 lastEntryAtMs = 0;
    QString lastEntryDeviceId;

    friend bool operator==(const AttendeeState &, const AttendeeState &) = default;
};

struct Derivation
{
    AttendeeState state; // on the list derive() was asked about (the default list unless told)
    QHash<QString, AttendeeState> lists; // on every list they have check-ins on, by list id ("" default)
    QHash<QString, Classification> byId;

    friend bool operator==(const Derivation &, const Derivation &) = default;
};

// The one order every kiosk and the server agree on: (hlc, device id, id).
bool precedes(const CheckIn &a, const CheckIn &b);

// Derives an attendee's state and the status of each of their check-ins. Pure and deterministic:
// any permutation of the same check-ins gives the same result. `attendee` is null when the
// check-ins refer to nobody known (they are rejected, kept for audit). Each list is walked apart by
// its own rules from `rules` (none: every list has the default rules); an entry the rules would
// have refused counts, as a conflict for review, for it happened. `state` is the one on `list`.
Derivation derive(const Attendee *attendee, QList<CheckIn> checkIns, const RuleBook *rules = nullptr,
                  QStringView list = {});

// What the door says to a scan.
enum class Verdict {
    Admitted,       // entry recorded
    Exited,         // exit recorded
    AlreadyInside,  // entry refused: an entry already counts
    NotInside,      // exit refused: they are not inside
    Cancelled,      // entry refused: the ticket is cancelled
    UnknownCode,    // no attendee has this code
    WrongEvent,     // the code belongs to another event on this device
    Undone,         // an undo was recorded
    AlreadyUsed,    // entry refused: the list's one entry (ever, or today) is used
    NotAdmitted,    // refused by the list's rules: ticket type, time, or no exits here
    PaymentPending, // entry not recorded: the ticket is not paid yet; a volunteer may admit anyway
    NeedsAnswer,    // entry not recorded yet: the list's question is to be answered first
    Order,          // the code is an order's: its attendees are offered as a group, nobody recorded
};

QString verdictName(Verdict verdict);

struct Decision
{
    Verdict verdict;
    bool record;              // true when a check-in is to be recorded (and synced)
    RuleRefusal refusal = {}; // for NotAdmitted: which rule
};

// Decides a scan of `kind` for `attendee` (null: unknown code) in `state`, their state on `list`
// (null: the default list) of `rules` (null: no lists). `forced` is a volunteer override: it records
// the check-in whatever the state and rules; the walk then classifies it. An entry for a ticket
// whose payment is pending is PaymentPending unless forced (it is never refused afterwards: the
// payment is the lead's business, not the log's). NeedsAnswer and Order are the store's.
Decision decide(const Attendee *attendee, const AttendeeState &state, CheckInKind kind, bool forced,
                qint64 nowMs, const RuleBook *rules = nullptr, const CheckInList *list = nullptr);

} // namespace checkin
