// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "BadgePrint.h"
#include "CheckIn.h"
#include "CheckInRules.h"
#include "Event.h"
#include "Protocol.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

// Values the server's store hands to its HTTP layer.
namespace checkin {

// A failure as the API reports it: HTTP status, machine-readable code, a sentence for a person.
struct ApiError
{
    int status = 0;
    QString code;
    QString message;
    bool isError() const { return status != 0; }
};

template<typename T> struct Result
{
    T value{};
    ApiError error;
    bool ok() const { return !error.isError(); }
    static Result fail(int status, const QString &code, const QString &message)
    {
        Result r;
        r.error = {status, code, message};
        return r;
    }
};

// A signed-in console session (the cookie's SHA-256 is its key).
struct AdminSession
{
    QString csrf;
    qint64 expiresAtMs = 0;
};

// Who is calling.
struct Principal
{
    enum class Role { None, Admin, Device };
    Role role = Role::None;
    QString deviceId;
    QString eventId; // a device's event
    QString deviceName;
    // An admin signed in to the console: the session (its cookie's SHA-256) and its CSRF token.
    QString sessionHash;
    AdminSession session;
    // The token is a device's that the lead revoked (role None): told apart so that the device
    // knows to delete its personal data (docs/security.md); only the token's holder hears it.
    bool revoked = false;
};

struct AttendeeInput
{
    Attendee attendee;  // id, names, company, email, ticket type, status
    QString ticketCode; // plain code from an admin upload (hashed with the event's salt), or
                        // attendee.codeHash already set
    int row = 0;        // position in the upload, for error reports (1-based)
};

struct UpsertSummary
{
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
};

struct EnrolmentCode
{
    QString code;
    qint64 expiresAtMs = 0;
};

struct Enrolment
{
    QString deviceId;
    QString token;
    Event event;
};

using CheckInResult = Protocol::CheckInResult;

struct Change
{
    enum Kind { Attendee, CheckIn, Print, List };
    Kind kind = Attendee;
    checkin::Attendee attendee;
    BadgePrint print;
    CheckInList list;
    checkin::CheckIn checkIn;
    Classification classification;
    QString deviceName; // of the device that recorded the check-in, for the other doors to show
};

// What POST .../lists did.
struct ListsSummary
{
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    int reclassified = 0; // stored check-ins whose classification the new rules changed
    QStringList warnings;
};

struct ChangePage
{
    QList<Change> changes;
    QString cursor;
    bool more = false;
    bool heldBack = false; // changes exist that still wait for older transactions to end
    qint64 remaining = -1; // when asked: changes after the cursor, this page's included
};

struct DeviceInfo
{
    QString id;
    QString name;
    qint64 createdAtMs = 0;
    qint64 revokedAtMs = 0;
    qint64 lastSeenMs = 0;
    int queue = 0;
    QString version;
    std::optional<qint64> clockOffsetMs; // the device's clock minus the server's, as last reported
    bool queueGrowing = false;           // its queue rose over the last minutes (in memory only)
};

struct EventStats
{
    int attendees = 0;
    int walkIns = 0; // attendees registered at a door (included in `attendees`)
    int cancelled = 0;
    int inside = 0;
    int entries = 0;
    int duplicates = 0;
    int conflicts = 0;
    int rejected = 0;
    QList<DeviceInfo> devices;
    // Each check-in list's own counts (a list with check-ins the server has no list for, too).
    struct List
    {
        QString id; // CheckInList::DefaultId for the default list
        QString name;
        int entries = 0;    // entries that count (accepted, or conflicts for review)
        int people = 0;     // different attendees with an entry that counts
        int duplicates = 0; // entries and exits
        int conflicts = 0;
    };
    QList<List> lists;
};

// The event lead's review of a conflict or duplicate.
struct Review
{
    qint64 atMs = 0; // 0: not reviewed
    QString note;
};

struct ReviewItem
{
    CheckIn checkIn;
    Classification classification;
    QString attendeeName;
    bool walkIn = false; // the attendee was registered at a door
    QString deviceName;
    qint64 firstAtMs = 0; // a duplicate: when the entry it repeats was made, and where
    QString firstDevice;
    qint64 cancelledAtMs = 0; // the attendee's ticket was cancelled then (0: it is not)
    Review review;
    bool timeOutOfRange = false; // claimed a time before the event: counts from its arrival
};

// One attendee as the console lists them: their row and their state from their check-ins.
struct AttendeeSummary
{
    Attendee attendee;
    AttendeeState state;
    std::optional<CheckIn> last; // the last check-in that counts
    QString lastDeviceName;
};

// One check-in in a person's history.
struct HistoryItem
{
    CheckIn checkIn;
    Classification classification;
    QString deviceName;
    Review review;
};

// Check-in counts of one device for the live view.
struct DoorCounts
{
    int entries = 0;
    int duplicates = 0;
    int conflicts = 0;
    int rejected = 0;
    int walkIns = 0;
};

// What the live view shows, read in one go.
struct LiveCounts
{
    EventStats totals;                  // its devices included
    QHash<QString, DoorCounts> doors;   // device id -> counts
    QList<QPair<qint64, int>> arrivals; // (bucket start ms, entries), oldest first
};

} // namespace checkin
