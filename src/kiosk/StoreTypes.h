// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "AttendeeCsv.h"
#include "BadgePrint.h"
#include "CheckIn.h"
#include "CheckInList.h"
#include "CheckInRules.h"
#include "Event.h"
#include "PeerKey.h"
#include "WalkIn.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Plain values that travel between the store's worker thread and its callers.
namespace checkin {

// An attendee as the door shows it: the record plus where they are.
struct AttendeeView
{
    qint64 key = 0; // row id in the local store
    Attendee attendee;
    bool inside = false;
    qint64 insideSinceMs = 0;
    QString insideDeviceId;
    QString insideDeviceName;
};

// A check-in with how it counts and whether the server has it.
struct CheckInRecord
{
    CheckIn checkIn;
    Classification classification;
    bool delivered = false;
    bool walkIn = false; // this entry registered its attendee at the door
    QString attendeeName;
    QString deviceName;

    friend bool operator==(const CheckInRecord &, const CheckInRecord &) = default;
};

struct ScanRequest
{
    QString code;       // a scanned or typed ticket code, or
    QString attendeeId; // an attendee chosen by search
    CheckInKind kind = CheckInKind::Entry;
    bool forced = false;
    QString note;
    // The answer to the list's question. Without one, an entry the list asks a question for is
    // not recorded: the outcome is NeedsAnswer with the question, and the door asks it.
    QString answer;
    // A tick on the door's paper list, entered afterwards: at `paperAtMs` (when it was ticked; not
    // in the future), never asked the question. The person was let in: a known attendee's tick is
    // always recorded, and the rules classify it where it happened among the other check-ins
    // (ScanOutcome::classification). An unknown code is not recorded. Entering the same tick
    // again records nothing (ScanOutcome::repeated).
    bool paper = false;
    qint64 paperAtMs = 0;
    // The code may be an order's: its attendees come back as a group (an Order verdict). Never in
    // self-service, where a guessed order code must not show anybody's name.
    bool orders = false;
};

// The answer to a scan, given only after the check-in (if any) is committed to disk.
struct ScanOutcome
{
    QString error; // non-empty: nothing was recorded; a sentence saying what to do
    Verdict verdict = Verdict::UnknownCode;
    bool recorded = false;
    QString checkInId;
    bool forced = false;
    bool registered = false; // a walk-in: this entry registered the attendee
    bool hasAttendee = false;
    AttendeeView attendee;       // the attendee after this check-in
    QString otherEventName;      // for WrongEvent
    CheckInRecord undoneCheckIn; // for Undone: what was undone
    QString listName;            // the check-in list it was decided on
    RuleRefusal refusal;         // for NotAdmitted: the rule that refused
    // For AlreadyUsed: the entry that used the list's one entry (ever, or today: `listEntries`).
    EntryLimit listEntries = EntryLimit::Unlimited;
    qint64 usedAtMs = 0;
    QString usedDeviceName;
    bool repeated = false;         // a paper tick entered before (checkInId): nothing recorded again
    Classification classification; // a paper tick: how the rules count it among the others
    QString question;              // the list's question, if it asks one (NeedsAnswer: not answered yet)
    // The other attendees of the same order (an Order verdict: all of them), each with their
    // state on this kiosk's list; empty when the attendee came alone.
    QList<AttendeeView> group;
};

// The event's check-in lists and the one this kiosk checks people in on.
struct ListsState
{
    QString error;
    QList<CheckInList> lists; // the event's; the default list first when the event has not set it
    QString current;          // the id of this kiosk's list (never empty)
    bool chosen = false;      // somebody chose it (else it is the default list by default)
    QString timezone;         // the event's
};

struct ImportSummary
{
    QString error;
    QString eventId;
    QString eventName;
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

// An attendee list read and imported in one go: what the file held, and what the import did.
struct CsvImport
{
    AttendeeCsv::Result parsed; // columns, encoding, warnings, row errors (rows are not kept)
    ImportSummary summary;      // summary.error is set when anything failed; then nothing changed
};

struct StoreStats
{
    QString error;
    Event event; // the active event (empty id when none)
    QString deviceId;
    QString deviceName;
    QString listId; // the check-in list this kiosk checks people in on
    QString listName;
    int lists = 0; // the event's lists that a door may choose (not retired)
    int attendees = 0;
    int walkIns = 0; // attendees registered at a door, this one or another (included in `attendees`)
    int cancelled = 0;
    int inside = 0;
    int checkIns = 0; // check-ins recorded for the event (entries, exits, undos)
    int undelivered = 0;
    int duplicates = 0;
    int conflicts = 0;
    int denied = 0; // refused scans kept for audit
    qint64 databaseBytes = 0;
};

struct SearchResult
{
    QString error;
    QList<AttendeeView> attendees;
};

struct AttendeeDetail
{
    QString error;
    bool found = false;
    AttendeeView view;
    QList<CheckInRecord> history; // in the agreed order
    QList<BadgePrint> prints;     // badges printed for them, oldest first, with device names
};

// Badges printed on this kiosk that the server does not have yet, oldest first.
struct PrintOutbox
{
    QString error;
    QList<BadgePrint> prints;
};

// What the event lead reviews: a check-in that did not plainly count (a duplicate, a conflict, a
// rejected one) or that a volunteer forced. Each falls in one kind; an override is an override
// whatever the rules made of it, so that the volunteers' decisions stay together.
enum class ReviewKind { Duplicate, Conflict, Rejected, Forced };

struct ReviewItem
{
    ReviewKind kind = ReviewKind::Duplicate;
    CheckInRecord record; // the check-in and its classification, with attendee and device names
    bool knownAttendee = false;
    QString ticketType;
    qint64 cancelledAtMs = -1; // when the ticket is cancelled: since when (0: from the start); else -1
    // For a duplicate: the check-in it repeats (the entry that let them in), when this kiosk has it.
    bool hasFirst = false;
    CheckInKind firstKind = CheckInKind::Entry;
    qint64 firstAtMs = 0;
    QString firstDeviceName;

    friend bool operator==(const ReviewItem &, const ReviewItem &) = default;
};

struct ReviewCounts
{
    int duplicates = 0;
    int conflicts = 0;
    int rejected = 0;
    int forced = 0;
    int total() const { return duplicates + conflicts + rejected + forced; }
    friend bool operator==(const ReviewCounts &, const ReviewCounts &) = default;
};

struct ReviewList
{
    QString error;
    QList<ReviewItem> items; // newest first, at most the limit asked for
    ReviewCounts counts;     // of the whole event, whatever the kind asked for and the limit
};

// What the sync engine needs from the store between pushes and pulls.
struct SyncState
{
    QString error;
    QString eventId;
    QString deviceId;
    QString cursor;        // the change feed position reached
    int undelivered = 0;   // this device's check-ins the server does not have yet
    int heldForOthers = 0; // other doors' check-ins, received from them, the server does not have yet
    qint64 lastSyncMs = 0; // the last sync that went through, 0 when never
    QString problem;       // why the last attempt failed, in words; empty when it went through
};

struct Outbox
{
    QString error;
    QString deviceId;               // this device's (another door's check-in goes as relayed)
    QList<CheckIn> checkIns;        // undelivered, oldest first
    QHash<QString, WalkIn> walkIns; // check-in id -> the person that entry registered (walk-ins)
};

// Doors that talk to each other (StorePeers.cpp, src/kiosk/peers).

// What this door holds of each door's check-ins: device id -> the highest number (origin_seq) of
// that door's check-ins held here; every lower one is held too.
using HoldVector = QHash<QString, qint64>;

// A check-in as it travels between doors: as recorded at its door (deviceId), with its number
// there and, for the entry that registered a walk-in, the person.
struct PeerItem
{
    CheckIn checkIn;
    qint64 originSeq = 0;
    std::optional<WalkIn> walkIn;
};

struct PeerItems
{
    QString error;
    QList<PeerItem> items; // by number
};

// What storing a batch from another door did.
struct PeerApplied
{
    QString error;
    int stored = 0;   // check-ins new here
    QStringList ids;  // their ids
    HoldVector holds; // what this door holds now, of the doors the batch came from
};

// Another door as this one last heard of it (kept for the admin area and `checkinctl status`).
struct PeerRecord
{
    QString deviceId;
    QString name;
    QString address; // where it was heard from ("192.168.1.7:45872")
    QString version; // its app version
    qint64 lastHeardMs = 0;
    qint64 holds = 0;       // how many of this door's check-ins it holds (their highest number)
    QString problem;        // why it is refused, in words; empty when it is not
    bool connected = false; // a link is up now (not stored: the peer service knows)

    friend bool operator==(const PeerRecord &, const PeerRecord &) = default;
};

struct PeerState
{
    QString error;
    QString eventId;
    QString deviceId;
    QString deviceName;
    PeerKey key;
    HoldVector holds;
    QList<PeerRecord> peers; // as last stored, most recently heard first
    int own = 0;             // this door's check-ins of the event
    int replicated = 0;      // of them, those at least one other door holds
    int heldForOthers = 0;   // other doors' check-ins here that the server does not have yet
};

struct StoreStatus
{
    QString error;
    bool ok() const { return error.isEmpty(); }
};

} // namespace checkin
