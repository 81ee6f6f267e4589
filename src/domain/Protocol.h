// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "BadgePrint.h"
#include "CheckIn.h"
#include "CheckInList.h"
#include "CheckInRules.h"
#include "Event.h"
#include "PeerKey.h"
#include "WalkIn.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// The sync protocol v1 JSON codec (docs/protocol.md), shared by the kiosk's sync engine and the server.
// Every parser validates fully and returns false with a sentence naming the offending field; none
// of them crashes on any input. Unknown fields are ignored, and JSON null counts as an absent field.
namespace checkin::Protocol {

// At most this many check-ins in one POST .../checkins; a larger batch is refused with 400.
constexpr int MaxCheckInsPerBatch = 1000;
// The largest request body either side accepts (413 beyond). 1000 check-ins take about 300 KB;
// a large attendee upload is the reason for the headroom.
constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024;
// An attendee list upload may be larger: 100,000 attendees as CSV are about 9 MB.
constexpr qsizetype MaxUploadBytes = 64 * 1024 * 1024;

constexpr qsizetype MaxEventIdLength = 64;
constexpr qsizetype MaxAttendeeIdLength = 128;
constexpr qsizetype MaxNameLength = 200; // event name, first/last name, company, ticket type
constexpr qsizetype MaxEmailLength = 320;
constexpr qsizetype MaxTicketCodeLength = 256;
constexpr qsizetype MaxTimezoneLength = 64;
constexpr qsizetype MaxNoteLength = 500;
constexpr qsizetype MaxAnswerLength = 200;   // a check-in's answer to its list's question
constexpr qsizetype MaxOrderCodeLength = 64; // an attendee's order code
constexpr qsizetype MaxDoorNotes = DoorNote::MaxNotes;
constexpr qsizetype MaxDoorNoteLength = DoorNote::MaxTextLength; // its label: MaxNameLength
static_assert(MaxNameLength == WalkIn::MaxFieldLength);

// --- Times: ISO 8601, UTC with milliseconds on output ---

// "2026-06-01T09:12:03.512Z".
QString isoTime(qint64 ms);
// Accepts "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)"; fractions beyond milliseconds are
// truncated. A time without an offset is refused: it would be ambiguous.
bool parseIsoTime(QStringView text, qint64 *ms);

// --- Syntax checks, also for route parameters ---

// [A-Za-z0-9_-]{1,maxLength}
bool isValidId(QStringView text, qsizetype maxLength);
// Canonical lowercase 8-4-4-4-12 hex, as newCheckInId() makes them.
bool isCanonicalUuid(QStringView text);
// 64 lowercase hex digits (a SHA-256 code hash).
bool isCodeHash(QStringView text);

// --- Errors ---

// {"error":{"code":code,"message":message}}
QJsonObject error(const QString &code, const QString &message);

// --- Events ---

// {"id","name","salt","starts_at"?,"ends_at"?,"timezone"?}
QJsonObject toJson(const Event &event);
// The POST /events body (name required; id, starts_at, ends_at, timezone optional), and equally an
// event object from the server. "salt" is read when present: the server must replace it on create.
bool fromJson(const QJsonObject &json, Event *event, QString *error);

// --- The doors' peer key (an addition to v1) ---

// {"generation","secret" (base64url, no padding)}: in the enrolment's answer and, for devices, in
// every page of the change feed.
QJsonObject toJson(const PeerKey &key);
// Undefined or null: no key (*key invalid, true). Anything else must be a whole key.
bool readPeerKey(const QJsonValue &value, PeerKey *key, QString *error);

// --- Attendees ---

// Admin: everything but the plain ticket code. Device: additionally without email.
enum class AttendeeView { Admin, Device };

// {"id","first_name","last_name","company"?,"email"? (Admin),"ticket_type"?,"code_hash"?,
// "status","updated_at","cancelled_at"?,"walk_in_checkin"?,"walk_in_device"?}. Additions to v1
// (docs/protocol.md): "cancelled_at", for a cancelled ticket since when (check-ins before it still count),
// omitted when 0 (from the start); for a walk-in the entry that registered them and its device;
// for the door "order_code", "payment_pending" (true, omitted when false) and "notes".
QJsonObject toJson(const Attendee &attendee, AttendeeView view);
// An attendee's door notes: [{"label","text","attention"? (true)}], at most MaxDoorNotes. Reading
// drops notes without text; undefined or null is none.
QJsonArray doorNotesJson(const QList<DoorNote> &notes);
bool readDoorNotes(const QJsonValue &value, QList<DoorNote> *notes, QString *error);
// The notes as a database column keeps them (kiosk and server): that array as compact JSON, ""
// for none; and back (what the column holds was written so: readable).
QString storedDoorNotes(const QList<DoorNote> &notes);
QList<DoorNote> doorNotesFromStored(const QString &text);
// One item of an admin upload. "ticket_code" (plain, returned in *ticketCode for the server to hash
// with the event salt; "" counts as no code) or "code_hash", not both. "cancelled_at" is accepted
// with status "cancelled". eventId and updatedAtMs are left for the server to set.
bool fromUploadJson(const QJsonObject &json, Attendee *attendee, QString *ticketCode, QString *error);

// --- Check-ins ---

// One item of POST .../checkins, what a kiosk sends: without eventId and deviceId (the server knows
// both from the URL and the token). attendee_id or code_hash, whichever is set; with `walkIn`, the
// entry registers that person ("walk_in", an addition to v1).
QJsonObject toUploadJson(const CheckIn &checkIn, const std::optional<WalkIn> &walkIn = std::nullopt);
// toUploadJson() as compact JSON, byte for byte what QJsonDocument writes (keys in order): the body
// the server hashes as an upload's idempotency key. Written directly when every string is printable
// ASCII without quotes or backslashes (ids, hashes, times: the usual item), through QJsonDocument
// otherwise. The server runs it for every uploaded check-in.
QByteArray canonicalUploadJson(const CheckIn &checkIn, const std::optional<WalkIn> &walkIn = std::nullopt);
// The inverse, for the server. Leaves eventId and deviceId empty. attendee_id is any text without
// control characters (ids from a CSV id column are kept as they are), not the upload id syntax.
bool fromUploadJson(const QJsonObject &json, CheckIn *checkIn, QString *error);

// A check-in this device delivers for another door of the event (an addition to v1): the upload
// item with "device_id", the device that recorded it. The item's body for the server's idempotency
// (canonicalUploadJson) leaves it out: the same check-in delivered by any door is the same item.
QJsonObject toRelayedUploadJson(const CheckIn &checkIn, const std::optional<WalkIn> &walkIn = std::nullopt);
// The "device_id" of an upload item: empty when absent; else a lowercase UUID.
bool readOriginDevice(const QJsonObject &json, QString *deviceId, QString *error);

// --- Walk-ins (an addition to v1) ---

// The reason of an uploaded check-in refused for its "walk_in".
inline constexpr QLatin1StringView InvalidWalkIn{"invalid_walk_in"};
// The reason of a check-in delivered for a "device_id" that is no device of the event.
inline constexpr QLatin1StringView UnknownDevice{"unknown_device"};

// {"first_name"?,"last_name"?,"company"?,"ticket_type"?}, empty fields left out.
QJsonObject toJson(const WalkIn &walkIn);
// The "walk_in" of an uploaded check-in `json`, already read into `checkIn`: absent or null gives
// nullopt. Checks the fields as WalkIn::normalize() does (and returns them normalised) and that the
// check-in can register somebody: an entry for an attendee_id that is a lowercase UUID. False with
// a sentence; the server then refuses that item alone (InvalidWalkIn), never the batch.
bool readWalkIn(const QJsonObject &json, const CheckIn &checkIn, std::optional<WalkIn> *walkIn,
                QString *error);

// The server's answer for one uploaded check-in.
struct CheckInResult
{
    QString id;
    CheckInStatus status = CheckInStatus::Accepted;
    QString reason; // machine-readable, e.g. "already_inside", "id_reused"
    QString first;  // for a duplicate: the check-in it repeats

    friend bool operator==(const CheckInResult &, const CheckInResult &) = default;
};

// {"id","status","reason"?,"first"?}
QJsonObject toJson(const CheckInResult &result);
bool fromJson(const QJsonObject &json, CheckInResult *result, QString *error);

// --- The change feed (GET .../changes) ---

// {"type":"attendee", ...the view of the reader (a device's by default)...}
QJsonObject attendeeChange(const Attendee &attendee, AttendeeView view = AttendeeView::Device);
// {"type":"checkin","id","attendee_id"?,"code_hash"?,"kind","ref"?,"at","hlc","device_id","forced",
// "note"?,"status","reason"?,"first"?,"undone_by"?,"device_name"?}
QJsonObject checkInChange(const CheckIn &checkIn, const Classification &classification,
                          const QString &deviceName = {});

// --- Check-in lists (an addition to v1: PUT/GET .../lists, "list" changes in the feed) ---

// {"id","name","ticket_types":[{"ticket_type","windows"?}]?,"windows"?:[{"from","to"}],
// "entries":"unlimited"|"once"|"daily","track_exit","question"?,"retired"?,"updated_at"?}. Window
// times are the event's local time, "2026-06-05T06:00" (no offset: the event's zone decides).
QJsonObject toJson(const CheckInList &list);
// The inverse, for an admin upload and the feed: id [A-Za-z0-9_-], a name, at most
// CheckInList::MaxTicketTypes types and MaxWindows windows each with from <= to, lengths bounded.
bool fromJson(const QJsonObject &json, CheckInList *list, QString *error);
// "2026-06-05T06:00" <-> a naive local time (TimeWindow); seconds are not written and must be 0.
QString localTimeText(const QDateTime &naive);
bool parseLocalTime(QStringView text, QDateTime *naive);
// A list as one line of compact JSON, as the kiosk's and the server's `lists` tables hold it, and
// back (false with a sentence when the text is not such a list).
QString listText(const CheckInList &list);
bool fromListText(const QString &text, CheckInList *list, QString *error);
// {"type":"list", ...toJson(list)}
QJsonObject listChange(const CheckInList &list);
bool fromChangeJson(const QJsonObject &json, CheckInList *list, QString *error);

// A page of the feed as the kiosks and checkinctl read it.
struct FeedPage
{
    QList<CheckInList> lists; // check-in lists, new or changed (an addition to v1)
    QList<Attendee> attendees;
    QList<CheckIn> checkIns;
    QList<Classification> classifications; // the server's, one for each of checkIns
    QHash<QString, QString> deviceNames;   // device id -> name, of the devices that recorded them
    QList<BadgePrint> prints;              // badges printed (an addition to v1), with device names
    QString cursor;
    bool more = false;
    qint64 remaining = -1; // the changes after the cursor, this page's included; -1: not asked for
    PeerKey peerKey; // the doors' key (to devices; an addition to v1); invalid when absent or unreadable
    qsizetype size() const { return lists.size() + attendees.size() + checkIns.size() + prints.size(); }
};
// {"changes":[...],"cursor","more","remaining"?}: the changes as attendeeChange() and
// checkInChange() write them; `remaining` is left out when negative.
QJsonObject feedPage(const QJsonArray &changes, const QString &cursor, bool more, qint64 remaining = -1);
// What a reader of a page can be told.
enum class PageProblem { None, NotAPage, Attendee, CheckIn, Print, List };
// Reads a page, skipping changes of a type it does not know (a newer server's); on failure says
// which kind of problem (`problem`) and what it is (`error`, naming the change).
bool fromJson(const QJsonObject &json, FeedPage *page, PageProblem *problem, QString *error);

// --- Uploads (POST .../checkins) ---

// {"checkins":[...]}: the items as toUploadJson() writes them.
QJsonObject uploadBatch(const QJsonArray &items);
// The items of a batch: 1 to MaxCheckInsPerBatch of them; false with a sentence otherwise (the
// items themselves are read one by one with fromUploadJson()).
bool readUploadBatch(const QJsonObject &json, QJsonArray *items, QString *error);
// {"results":[...]}, one toJson(CheckInResult) (or more, for a refused item) for each item.
QJsonObject uploadResults(const QJsonArray &results);
// The results of an answer that could be read (those that cannot are left out).
QList<CheckInResult> readUploadResults(const QJsonObject &json);

// The value of "type" in a change ("attendee", "checkin", or what a later server adds).
QString changeType(const QJsonObject &change);
// Parsers for the kiosk. A "type" other than the expected one is an error; email is never read.
// Attendee fields are only type checked (no id syntax, no length limits): what the server stored
// must not stop a kiosk's sync.
bool fromChangeJson(const QJsonObject &json, Attendee *attendee, QString *error);
bool fromChangeJson(const QJsonObject &json, CheckIn *checkIn, Classification *classification,
                    QString *error);

// --- Badge prints (an addition to v1: POST .../prints, "print" changes in the feed) ---

constexpr int MaxPrintsPerBatch = 1000;
constexpr qsizetype MaxLayoutLength = 32;

// One item of POST .../prints: {"id","attendee_id","at","layout"?}; the device is the token's.
QJsonObject toUploadJson(const BadgePrint &print);
// The inverse, for the server: id a lowercase UUID, attendee_id without control characters, at a
// time, layout at most MaxLayoutLength of [A-Za-z0-9_-]. Leaves deviceId empty.
bool fromUploadJson(const QJsonObject &json, BadgePrint *print, QString *error);
// {"prints":[...]} and its reading: 1 to MaxPrintsPerBatch items.
QJsonObject printBatch(const QJsonArray &items);
bool readPrintBatch(const QJsonObject &json, QJsonArray *items, QString *error);

// The server's answer for one print: stored (now or before, the id is the key), or rejected with a
// reason ("unknown_attendee", "id_reused").
struct PrintResult
{
    QString id;
    bool stored = false;
    QString reason;

    friend bool operator==(const PrintResult &, const PrintResult &) = default;
};
// {"id","status":"stored"|"rejected","reason"?}
QJsonObject toJson(const PrintResult &result);
// {"results":[...]} read back; results that cannot be read are left out.
QList<PrintResult> readPrintResults(const QJsonObject &json);

// {"type":"print","id","attendee_id","at","device_id","device_name"?,"layout"?}
QJsonObject printChange(const BadgePrint &print);
bool fromChangeJson(const QJsonObject &json, BadgePrint *print, QString *error);

} // namespace checkin::Protocol
