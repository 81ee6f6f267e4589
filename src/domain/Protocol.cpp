// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Protocol.h"

#include "TicketCode.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace checkin::Protocol {

namespace {

constexpr qint64 MsPerDay = 86'400'000;
constexpr qint64 UnixEpochJulianDay = 2'440'588;
constexpr qsizetype MaxDeviceIdLength = 128;
constexpr qsizetype MaxReasonLength = 64;
constexpr qsizetype MaxSaltLength = 128;
constexpr qsizetype MaxAttendeeRefLength = 1024;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isLowerHex(QChar c)
{
    return isAsciiDigit(c) || (c >= u'a' && c <= u'f');
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

enum class Need { Optional, Required };

// Reads a string field. Absent, null and "" all leave *out empty, which is an error when required.
bool readString(const QJsonObject &json, QLatin1StringView key, Need need, QString *out, QString *error)
{
    const QJsonValue value = json.value(key);
    out->clear();
    if (value.isString())
        *out = value.toString();
    else if (!value.isUndefined() && !value.isNull())
        return fail(error, u"%1 must be a string"_s.arg(key));
    if (out->isEmpty() && need == Need::Required)
        return fail(error, u"%1 is required"_s.arg(key));
    return true;
}

bool checkLength(QLatin1StringView key, const QString &value, qsizetype maxLength, QString *error)
{
    if (value.size() > maxLength)
        return fail(error, u"%1 must be at most %2 characters"_s.arg(key).arg(maxLength));
    return true;
}

// A string field that people type: surrounding whitespace is dropped before the length check.
bool readText(const QJsonObject &json, QLatin1StringView key, qsizetype maxLength, QString *out,
              QString *error)
{
    if (!readString(json, key, Need::Optional, out, error))
        return false;
    *out = out->trimmed();
    return checkLength(key, *out, maxLength, error);
}

bool hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

bool readId(const QJsonObject &json, QLatin1StringView key, Need need, qsizetype maxLength, QString *out,
            QString *error)
{
    if (!readString(json, key, need, out, error))
        return false;
    if (!out->isEmpty() && !isValidId(*out, maxLength))
        return fail(error, u"%1 must be 1 to %2 letters, digits, '_' or '-'"_s.arg(key).arg(maxLength));
    return true;
}

// A reference to an attendee in check-ins and the feed. Looser than the id syntax an upload demands:
// ids from a CSV id column are taken as they are, and a reader must not refuse what a writer stored.
bool readAttendeeRef(const QJsonObject &json, QLatin1StringView key, Need need, QString *out, QString *error)
{
    if (!readString(json, key, need, out, error))
        return false;
    const bool control =
        std::any_of(out->cbegin(), out->cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (out->size() > MaxAttendeeRefLength || control)
        return fail(error, u"%1 must be at most %2 characters without control characters"_s.arg(key).arg(
                               MaxAttendeeRefLength));
    return true;
}

bool readUuid(const QJsonObject &json, QLatin1StringView key, Need need, QString *out, QString *error)
{
    if (!readString(json, key, need, out, error))
        return false;
    if (!out->isEmpty() && !isCanonicalUuid(*out))
        return fail(error, u"%1 must be a lowercase UUID (8-4-4-4-12 hex digits)"_s.arg(key));
    return true;
}

bool readCodeHash(const QJsonObject &json, QString *out, QString *error)
{
    if (!readString(json, "code_hash"_L1, Need::Optional, out, error))
        return false;
    if (!out->isEmpty() && !isCodeHash(*out))
        return fail(error, u"code_hash must be 64 lowercase hex digits"_s);
    return true;
}

// An ISO time field; absent leaves *ms at 0.
bool readTime(const QJsonObject &json, QLatin1StringView key, Need need, qint64 *ms, QString *error)
{
    QString text;
    if (!readString(json, key, need, &text, error))
        return false;
    *ms = 0;
    if (!text.isEmpty() && !parseIsoTime(text, ms))
        return fail(error, u"%1 must be an ISO 8601 time such as 2026-06-01T09:12:03.512Z"_s.arg(key));
    return true;
}

bool readBool(const QJsonObject &json, QLatin1StringView key, bool *out, QString *error)
{
    const QJsonValue value = json.value(key);
    *out = false;
    if (value.isBool())
        *out = value.toBool();
    else if (!value.isUndefined() && !value.isNull())
        return fail(error, u"%1 must be true or false"_s.arg(key));
    return true;
}

bool readHlc(const QJsonObject &json, Hlc *hlc, QString *error)
{
    QString text;
    if (!readString(json, "hlc"_L1, Need::Required, &text, error))
        return false;
    // Hlc::parse goes through toLongLong, which tolerates signs and spaces: only digits '.' digits here.
    const qsizetype dot = text.indexOf(u'.');
    bool digitsOnly = dot > 0 && dot < text.size() - 1;
    for (qsizetype i = 0; digitsOnly && i < text.size(); ++i)
        digitsOnly = i == dot || isAsciiDigit(text[i]);
    const std::optional<Hlc> parsed = digitsOnly ? Hlc::parse(text) : std::nullopt;
    if (!parsed)
        return fail(error, u"hlc must be \"<milliseconds>.<counter>\" (counter at most 65535)"_s);
    *hlc = *parsed;
    return true;
}

// A "type" other than `expected` is an error; a missing type is tolerated.
bool checkType(const QJsonObject &json, QLatin1StringView expected, QString *error)
{
    const QJsonValue type = json.value("type"_L1);
    if (type.isUndefined() || (type.isString() && type.toString() == expected))
        return true;
    return fail(error, u"type must be \"%1\""_s.arg(expected));
}

// The fields an uploaded check-in and a check-in in the feed share.
bool readCheckIn(const QJsonObject &json, CheckIn *out, QString *error)
{
    CheckIn c;
    if (!readUuid(json, "id"_L1, Need::Required, &c.id, error) ||
        !readAttendeeRef(json, "attendee_id"_L1, Need::Optional, &c.attendeeId, error) ||
        !readCodeHash(json, &c.codeHash, error))
        return false;
    if (c.attendeeId.isEmpty() == c.codeHash.isEmpty())
        return fail(error, c.attendeeId.isEmpty() ? u"attendee_id or code_hash is required"_s
                                                  : u"give attendee_id or code_hash, not both"_s);

    QString kind;
    if (!readString(json, "kind"_L1, Need::Required, &kind, error))
        return false;
    if (!parseCheckInKind(kind, &c.kind))
        return fail(error, u"kind must be \"entry\", \"exit\" or \"undo\""_s);
    const Need needRef = c.kind == CheckInKind::Undo ? Need::Required : Need::Optional;
    if (!readUuid(json, "ref"_L1, needRef, &c.ref, error))
        return false;
    if (c.kind != CheckInKind::Undo && !c.ref.isEmpty())
        return fail(error, u"ref is only allowed for kind \"undo\""_s);
    if (c.ref == c.id)
        return fail(error, u"ref must name another check-in than id"_s);

    if (!readId(json, "list"_L1, Need::Optional, CheckInList::MaxIdLength, &c.list, error))
        return false;
    if (c.list == CheckInList::DefaultId)
        c.list.clear(); // the default list is never written out
    if (!readTime(json, "at"_L1, Need::Required, &c.atMs, error) || !readHlc(json, &c.hlc, error) ||
        !readBool(json, "forced"_L1, &c.forced, error) ||
        !readString(json, "note"_L1, Need::Optional, &c.note, error) ||
        !checkLength("note"_L1, c.note, MaxNoteLength, error) ||
        !readText(json, "answer"_L1, MaxAnswerLength, &c.answer, error) ||
        !readBool(json, "paper"_L1, &c.paper, error))
        return false;
    if (!c.answer.isEmpty() && c.kind != CheckInKind::Entry)
        return fail(error, u"answer is only allowed for kind \"entry\""_s);
    *out = c;
    return true;
}

void insertIfSet(QJsonObject &json, QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty())
        json.insert(key, value);
}

} // namespace

QString isoTime(qint64 ms)
{
    qint64 days = ms / MsPerDay;
    qint64 rest = ms % MsPerDay;
    if (rest < 0) {
        rest += MsPerDay;
        --days;
    }
    const QDate date = QDate::fromJulianDay(UnixEpochJulianDay + days);
    const int msOfDay = int(rest);
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(), date.day(),
                             msOfDay / 3'600'000, msOfDay / 60'000 % 60, msOfDay / 1000 % 60, msOfDay % 1000);
}

bool parseIsoTime(QStringView text, qint64 *ms)
{
    const qsizetype size = text.size();
    auto number = [&](qsizetype pos, qsizetype count, int *out) {
        if (pos + count > size)
            return false;
        *out = 0;
        for (qsizetype i = pos; i < pos + count; ++i) {
            if (!isAsciiDigit(text[i]))
                return false;
            *out = *out * 10 + (text[i].unicode() - u'0');
        }
        return true;
    };
    auto is = [&](qsizetype pos, char16_t c) { return pos < size && text[pos] == c; };

    int year, month, day, hour, minute, second;
    if (!number(0, 4, &year) || !is(4, u'-') || !number(5, 2, &month) || !is(7, u'-') ||
        !number(8, 2, &day) || !is(10, u'T') || !number(11, 2, &hour) || !is(13, u':') ||
        !number(14, 2, &minute) || !is(16, u':') || !number(17, 2, &second))
        return false;
    qsizetype pos = 19;
    int millis = 0;
    if (is(pos, u'.')) {
        const qsizetype begin = ++pos;
        while (pos < size && isAsciiDigit(text[pos]))
            ++pos;
        const qsizetype digits = pos - begin;
        if (digits == 0 || digits > 9)
            return false;
        for (qsizetype i = 0; i < 3; ++i)
            millis = millis * 10 + (i < digits ? text[begin + i].unicode() - u'0' : 0);
    }
    int offsetMinutes = 0;
    if (is(pos, u'Z')) {
        ++pos;
    } else if (is(pos, u'+') || is(pos, u'-')) {
        const int sign = is(pos, u'-') ? -1 : 1;
        int offsetHours, offsetMins;
        if (!number(pos + 1, 2, &offsetHours) || !is(pos + 3, u':') || !number(pos + 4, 2, &offsetMins) ||
            offsetHours > 23 || offsetMins > 59)
            return false;
        offsetMinutes = sign * (offsetHours * 60 + offsetMins);
        pos += 6;
    } else {
        return false;
    }
    const QDate date(year, month, day);
    if (pos != size || !date.isValid() || hour > 23 || minute > 59 || second > 59)
        return false;
    *ms = (date.toJulianDay() - UnixEpochJulianDay) * MsPerDay +
          ((hour * 60 + minute) * 60 + second) * 1000LL + millis - offsetMinutes * 60'000LL;
    return true;
}

bool isValidId(QStringView text, qsizetype maxLength)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (QChar c : text) {
        const bool ok =
            isAsciiDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

bool isCanonicalUuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != u'-' : !isLowerHex(text[i]))
            return false;
    }
    return true;
}

bool isCodeHash(QStringView text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), isLowerHex);
}

QJsonObject error(const QString &code, const QString &message)
{
    return {{"error"_L1, QJsonObject{{"code"_L1, code}, {"message"_L1, message}}}};
}

QJsonObject toJson(const Event &event)
{
    QJsonObject json{{"id"_L1, event.id}, {"name"_L1, event.name}, {"salt"_L1, event.salt}};
    if (event.startsAtMs != 0)
        json.insert("starts_at"_L1, isoTime(event.startsAtMs));
    if (event.endsAtMs != 0)
        json.insert("ends_at"_L1, isoTime(event.endsAtMs));
    insertIfSet(json, "timezone"_L1, event.timezone);
    return json;
}

QJsonObject toJson(const PeerKey &key)
{
    return {{"generation"_L1, key.generation},
            {"secret"_L1, QString::fromLatin1(key.secret.toBase64(QByteArray::Base64UrlEncoding |
                                                                  QByteArray::OmitTrailingEquals))}};
}

bool readPeerKey(const QJsonValue &value, PeerKey *key, QString *error)
{
    *key = {};
    if (value.isUndefined() || value.isNull())
        return true;
    const QJsonObject json = value.toObject();
    const QJsonValue generation = json.value("generation"_L1);
    const QJsonValue secret = json.value("secret"_L1);
    if (!value.isObject() || !generation.isDouble() || generation.toDouble() < 1 ||
        generation.toDouble() > 1e9 || generation.toDouble() != std::floor(generation.toDouble()) ||
        !secret.isString())
        return fail(error, u"peer_key must be {\"generation\": a positive whole number, \"secret\": text}"_s);
    const auto decoded = QByteArray::fromBase64Encoding(secret.toString().toLatin1(),
                                                        QByteArray::Base64UrlEncoding |
                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != PeerKey::SecretBytes)
        return fail(error, u"peer_key's secret must be %1 bytes in base64url"_s.arg(PeerKey::SecretBytes));
    key->generation = generation.toInt();
    key->secret = decoded.decoded;
    return true;
}

bool fromJson(const QJsonObject &json, Event *event, QString *error)
{
    Event e;
    if (!readId(json, "id"_L1, Need::Optional, MaxEventIdLength, &e.id, error) ||
        !readString(json, "name"_L1, Need::Required, &e.name, error))
        return false;
    e.name = e.name.trimmed();
    if (e.name.isEmpty())
        return fail(error, u"name must not be blank"_s);
    if (!checkLength("name"_L1, e.name, MaxNameLength, error) ||
        !readString(json, "salt"_L1, Need::Optional, &e.salt, error) ||
        !checkLength("salt"_L1, e.salt, MaxSaltLength, error) ||
        !readTime(json, "starts_at"_L1, Need::Optional, &e.startsAtMs, error) ||
        !readTime(json, "ends_at"_L1, Need::Optional, &e.endsAtMs, error) ||
        !readText(json, "timezone"_L1, MaxTimezoneLength, &e.timezone, error))
        return false;
    if (e.startsAtMs != 0 && e.endsAtMs != 0 && e.endsAtMs < e.startsAtMs)
        return fail(error, u"ends_at must not be before starts_at"_s);
    *event = e;
    return true;
}

QJsonObject toJson(const Attendee &attendee, AttendeeView view)
{
    QJsonObject json{{"id"_L1, attendee.id},
                     {"first_name"_L1, attendee.firstName},
                     {"last_name"_L1, attendee.lastName},
                     {"status"_L1, ticketStatusName(attendee.status)},
                     {"updated_at"_L1, isoTime(attendee.updatedAtMs)}};
    insertIfSet(json, "company"_L1, attendee.company);
    if (view == AttendeeView::Admin)
        insertIfSet(json, "email"_L1, attendee.email);
    insertIfSet(json, "ticket_type"_L1, attendee.ticketType);
    insertIfSet(json, "code_hash"_L1, attendee.codeHash);
    // An addition to v1: since when a cancelled ticket no longer admits (earlier check-ins count).
    if (attendee.isCancelled() && attendee.cancelledAtMs != 0)
        json.insert("cancelled_at"_L1, isoTime(attendee.cancelledAtMs));
    // An addition too: a walk-in, and where they were registered.
    insertIfSet(json, "walk_in_checkin"_L1, attendee.walkInCheckIn);
    insertIfSet(json, "walk_in_device"_L1, attendee.walkInDevice);
    // Additions for the door: the order (groups), a pending payment, the lead's notes.
    insertIfSet(json, "order_code"_L1, attendee.orderCode);
    if (attendee.paymentPending)
        json.insert("payment_pending"_L1, true);
    if (!attendee.notes.isEmpty())
        json.insert("notes"_L1, doorNotesJson(attendee.notes));
    return json;
}

QJsonArray doorNotesJson(const QList<DoorNote> &notes)
{
    QJsonArray array;
    for (const DoorNote &note : notes) {
        QJsonObject o{{"label"_L1, note.label}, {"text"_L1, note.text}};
        if (note.attention)
            o.insert("attention"_L1, true);
        array.append(o);
    }
    return array;
}

QString storedDoorNotes(const QList<DoorNote> &notes)
{
    if (notes.isEmpty())
        return u""_s;
    return QString::fromUtf8(QJsonDocument(doorNotesJson(notes)).toJson(QJsonDocument::Compact));
}

QList<DoorNote> doorNotesFromStored(const QString &text)
{
    QList<DoorNote> notes;
    QString ignored;
    if (!text.isEmpty())
        readDoorNotes(QJsonDocument::fromJson(text.toUtf8()).array(), &notes, &ignored);
    return notes;
}

bool readDoorNotes(const QJsonValue &value, QList<DoorNote> *notes, QString *error)
{
    notes->clear();
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return fail(error, u"notes must be an array of {\"label\", \"text\", \"attention\"}"_s);
    const QJsonArray array = value.toArray();
    if (array.size() > MaxDoorNotes)
        return fail(error, u"notes: at most %1 notes"_s.arg(MaxDoorNotes));
    for (const QJsonValue &item : array) {
        if (!item.isObject())
            return fail(error, u"notes must be an array of objects"_s);
        const QJsonObject o = item.toObject();
        DoorNote note;
        if (!readText(o, "label"_L1, MaxNameLength, &note.label, error) ||
            !readText(o, "text"_L1, MaxDoorNoteLength, &note.text, error) ||
            !readBool(o, "attention"_L1, &note.attention, error))
            return false;
        if (note.text.isEmpty())
            continue; // nothing to know
        notes->append(note);
    }
    return true;
}

namespace {

// The attendee fields an admin upload and the feed share (no email, no ticket code, no timestamps).
// An upload gets the full checks; the feed only type checks, for what the server stored from a CSV
// file (any id column, no length limits) must not stop a kiosk's sync.
bool readAttendee(const QJsonObject &json, bool upload, Attendee *a, QString *error)
{
    const qsizetype maxName = upload ? MaxNameLength : MaxBodyBytes;
    const bool idOk = upload ? readId(json, "id"_L1, Need::Required, MaxAttendeeIdLength, &a->id, error)
                             : readAttendeeRef(json, "id"_L1, Need::Required, &a->id, error);
    if (!idOk || !readText(json, "first_name"_L1, maxName, &a->firstName, error) ||
        !readText(json, "last_name"_L1, maxName, &a->lastName, error) ||
        !readText(json, "company"_L1, maxName, &a->company, error) ||
        !readText(json, "ticket_type"_L1, maxName, &a->ticketType, error) ||
        !readCodeHash(json, &a->codeHash, error))
        return false;
    if (a->firstName.isEmpty() && a->lastName.isEmpty())
        return fail(error, u"first_name or last_name is required"_s);
    // Names are shown on screens, badges and terminals: an upload may not bring control
    // characters (a line break, BEL, ESC...) into them, as the door's walk-in form refuses them.
    if (upload) {
        for (const auto &[key, value] :
             {std::pair{"first_name"_L1, &a->firstName}, std::pair{"last_name"_L1, &a->lastName},
              std::pair{"company"_L1, &a->company}, std::pair{"ticket_type"_L1, &a->ticketType}}) {
            if (hasControl(*value))
                return fail(error,
                            u"%1 may not contain control characters (line breaks, tabs, escapes)"_s.arg(key));
        }
    }
    QString status;
    if (!readString(json, "status"_L1, Need::Optional, &status, error))
        return false;
    if (!status.isEmpty() && !parseTicketStatus(status, &a->status))
        return fail(error, u"status must be \"valid\" or \"cancelled\""_s);
    if (!readTime(json, "cancelled_at"_L1, Need::Optional, &a->cancelledAtMs, error))
        return false;
    if (a->cancelledAtMs != 0 && !a->isCancelled())
        return fail(error, u"cancelled_at is only allowed with status \"cancelled\""_s);
    if (!readText(json, "order_code"_L1, upload ? MaxOrderCodeLength : MaxBodyBytes, &a->orderCode, error) ||
        (upload && hasControl(a->orderCode) &&
         !fail(error, u"order_code may not contain control characters (line breaks, tabs, escapes)"_s)) ||
        !readBool(json, "payment_pending"_L1, &a->paymentPending, error) ||
        !readDoorNotes(json.value("notes"_L1), &a->notes, error))
        return false;
    if (a->paymentPending && a->isCancelled())
        return fail(error, u"payment_pending is only allowed for a valid ticket"_s);
    // Only the server says who is a walk-in: an upload cannot make anybody one.
    if (!upload && (!readString(json, "walk_in_checkin"_L1, Need::Optional, &a->walkInCheckIn, error) ||
                    !readString(json, "walk_in_device"_L1, Need::Optional, &a->walkInDevice, error)))
        return false;
    return true;
}

} // namespace

bool fromUploadJson(const QJsonObject &json, Attendee *attendee, QString *ticketCode, QString *error)
{
    Attendee a;
    QString code;
    if (!readAttendee(json, true, &a, error) ||
        !readText(json, "email"_L1, MaxEmailLength, &a.email, error) ||
        !readString(json, "ticket_code"_L1, Need::Optional, &code, error))
        return false;
    if (hasControl(a.email))
        return fail(error, u"email may not contain control characters (line breaks, tabs, escapes)"_s);
    code = TicketCode::clean(code);
    if (!checkLength("ticket_code"_L1, code, MaxTicketCodeLength, error))
        return false;
    if (!code.isEmpty() && !a.codeHash.isEmpty())
        return fail(error, u"give ticket_code or code_hash, not both"_s);
    *attendee = a;
    if (ticketCode)
        *ticketCode = code;
    return true;
}

QJsonObject toUploadJson(const CheckIn &checkIn, const std::optional<WalkIn> &walkIn)
{
    QJsonObject json{{"id"_L1, checkIn.id},
                     {"kind"_L1, checkInKindName(checkIn.kind)},
                     {"at"_L1, isoTime(checkIn.atMs)},
                     {"hlc"_L1, checkIn.hlc.toString()},
                     {"forced"_L1, checkIn.forced}};
    // A kiosk sets exactly one of the two; should both be set, the server's check says so.
    insertIfSet(json, "attendee_id"_L1, checkIn.attendeeId);
    insertIfSet(json, "code_hash"_L1, checkIn.codeHash);
    insertIfSet(json, "ref"_L1, checkIn.ref);
    insertIfSet(json, "note"_L1, checkIn.note);
    insertIfSet(json, "answer"_L1, checkIn.answer);
    if (checkIn.paper)
        json.insert("paper"_L1, true);
    if (checkIn.list != CheckInList::DefaultId)
        insertIfSet(json, "list"_L1, checkIn.list);
    if (walkIn)
        json.insert("walk_in"_L1, toJson(*walkIn));
    return json;
}

QByteArray canonicalUploadJson(const CheckIn &checkIn, const std::optional<WalkIn> &walkIn)
{
    const auto slow = [&] {
        return QJsonDocument(toUploadJson(checkIn, walkIn)).toJson(QJsonDocument::Compact);
    };
    if (walkIn)
        return slow();
    QByteArray out;
    out.reserve(256);
    // A string every JSON writer writes as it is; false sends the item the slow way.
    const auto field = [&out](const char *key, const QString &value) {
        for (const QChar c : value) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
                return false;
        }
        out += out.isEmpty() ? "{\"" : ",\"";
        out += key;
        out += "\":\"";
        out += value.toLatin1();
        out += '"';
        return true;
    };
    const auto optional = [&field](const char *key, const QString &value) {
        return value.isEmpty() || field(key, value);
    };
    // The keys in QJsonObject's order (sorted).
    if (!optional("answer", checkIn.answer) || !field("at", isoTime(checkIn.atMs)) ||
        !optional("attendee_id", checkIn.attendeeId) || !optional("code_hash", checkIn.codeHash))
        return slow();
    out += checkIn.forced ? ",\"forced\":true" : ",\"forced\":false";
    if (!field("hlc", checkIn.hlc.toString()) || !field("id", checkIn.id) ||
        !field("kind", checkInKindName(checkIn.kind)) ||
        !optional("list", checkIn.list == CheckInList::DefaultId ? QString() : checkIn.list) ||
        !optional("note", checkIn.note))
        return slow();
    if (checkIn.paper)
        out += ",\"paper\":true";
    if (!optional("ref", checkIn.ref))
        return slow();
    out += '}';
    return out;
}

QJsonObject toRelayedUploadJson(const CheckIn &checkIn, const std::optional<WalkIn> &walkIn)
{
    QJsonObject json = toUploadJson(checkIn, walkIn);
    json.insert("device_id"_L1, checkIn.deviceId);
    return json;
}

bool readOriginDevice(const QJsonObject &json, QString *deviceId, QString *error)
{
    deviceId->clear();
    const QJsonValue value = json.value("device_id"_L1);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isString() || !isCanonicalUuid(value.toString()))
        return fail(error, u"device_id must be a device's id, a lowercase UUID"_s);
    *deviceId = value.toString();
    return true;
}

bool fromUploadJson(const QJsonObject &json, CheckIn *checkIn, QString *error)
{
    return readCheckIn(json, checkIn, error);
}

QJsonObject toJson(const WalkIn &walkIn)
{
    QJsonObject json;
    insertIfSet(json, "first_name"_L1, walkIn.firstName);
    insertIfSet(json, "last_name"_L1, walkIn.lastName);
    insertIfSet(json, "company"_L1, walkIn.company);
    insertIfSet(json, "ticket_type"_L1, walkIn.ticketType);
    return json;
}

bool readWalkIn(const QJsonObject &json, const CheckIn &checkIn, std::optional<WalkIn> *walkIn,
                QString *error)
{
    walkIn->reset();
    const QJsonValue value = json.value("walk_in"_L1);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isObject())
        return fail(error, u"walk_in must be an object"_s);
    const QJsonObject fields = value.toObject();
    WalkIn w;
    if (!readString(fields, "first_name"_L1, Need::Optional, &w.firstName, error) ||
        !readString(fields, "last_name"_L1, Need::Optional, &w.lastName, error) ||
        !readString(fields, "company"_L1, Need::Optional, &w.company, error) ||
        !readString(fields, "ticket_type"_L1, Need::Optional, &w.ticketType, error)) {
        if (error)
            error->prepend(u"walk_in: "_s);
        return false;
    }
    QString problem;
    if (!w.normalize(&problem))
        return fail(error, u"walk_in: "_s + problem);
    if (checkIn.kind != CheckInKind::Entry || !isCanonicalUuid(checkIn.attendeeId))
        return fail(error, u"walk_in goes with an entry whose attendee_id is a lowercase UUID"_s);
    *walkIn = w;
    return true;
}

QJsonObject toJson(const CheckInResult &result)
{
    QJsonObject json{{"id"_L1, result.id}, {"status"_L1, checkInStatusName(result.status)}};
    insertIfSet(json, "reason"_L1, result.reason);
    insertIfSet(json, "first"_L1, result.first);
    return json;
}

bool fromJson(const QJsonObject &json, CheckInResult *result, QString *error)
{
    CheckInResult r;
    QString status;
    if (!readString(json, "id"_L1, Need::Required, &r.id, error) ||
        !readString(json, "status"_L1, Need::Required, &status, error))
        return false;
    if (!parseCheckInStatus(status, &r.status))
        return fail(error, u"status must be \"accepted\", \"duplicate\", \"conflict\" or \"rejected\""_s);
    if (!readString(json, "reason"_L1, Need::Optional, &r.reason, error) ||
        !checkLength("reason"_L1, r.reason, MaxReasonLength, error) ||
        !readString(json, "first"_L1, Need::Optional, &r.first, error))
        return false;
    *result = r;
    return true;
}

QJsonObject attendeeChange(const Attendee &attendee, AttendeeView view)
{
    QJsonObject json = toJson(attendee, view);
    json.insert("type"_L1, u"attendee"_s);
    return json;
}

QJsonObject checkInChange(const CheckIn &checkIn, const Classification &classification,
                          const QString &deviceName)
{
    QJsonObject json = toUploadJson(checkIn);
    json.insert("type"_L1, u"checkin"_s);
    json.insert("device_id"_L1, checkIn.deviceId);
    json.insert("status"_L1, checkInStatusName(classification.status));
    insertIfSet(json, "reason"_L1, classification.reason);
    insertIfSet(json, "first"_L1, classification.first);
    insertIfSet(json, "undone_by"_L1, classification.undoneBy);
    insertIfSet(json, "device_name"_L1, deviceName);
    return json;
}

QJsonObject feedPage(const QJsonArray &changes, const QString &cursor, bool more, qint64 remaining)
{
    QJsonObject json{{"changes"_L1, changes}, {"cursor"_L1, cursor}, {"more"_L1, more}};
    if (remaining >= 0)
        json.insert("remaining"_L1, remaining);
    return json;
}

bool fromJson(const QJsonObject &json, FeedPage *page, PageProblem *problem, QString *error)
{
    auto fail = [&](PageProblem p, const QString &why) {
        *problem = p;
        *error = why;
        return false;
    };
    if (!json.value("changes"_L1).isArray() || !json.value("cursor"_L1).isString())
        return fail(PageProblem::NotAPage, u"\"changes\" must be an array and \"cursor\" a string"_s);
    FeedPage out;
    out.cursor = json.value("cursor"_L1).toString();
    out.more = json.value("more"_L1).toBool();
    out.remaining = json.value("remaining"_L1).toInteger(-1);
    // A key that cannot be read is no key: the doors keep the one they have, the sync goes on.
    QString keyProblem;
    if (!readPeerKey(json.value("peer_key"_L1), &out.peerKey, &keyProblem))
        out.peerKey = {};
    const QJsonArray changes = json.value("changes"_L1).toArray();
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QJsonObject change = changes[i].toObject();
        const QString type = changeType(change);
        QString why;
        if (type == "attendee"_L1) {
            Attendee a;
            if (!fromChangeJson(change, &a, &why))
                return fail(PageProblem::Attendee, u"change %1: %2"_s.arg(i + 1).arg(why));
            out.attendees << a;
        } else if (type == "checkin"_L1) {
            CheckIn c;
            Classification classification;
            if (!fromChangeJson(change, &c, &classification, &why))
                return fail(PageProblem::CheckIn, u"change %1: %2"_s.arg(i + 1).arg(why));
            out.checkIns << c;
            out.classifications << classification;
            const QString deviceName = change.value("device_name"_L1).toString();
            if (!deviceName.isEmpty())
                out.deviceNames.insert(c.deviceId, deviceName);
        } else if (type == "list"_L1) {
            CheckInList list;
            if (!fromChangeJson(change, &list, &why))
                return fail(PageProblem::List, u"change %1: %2"_s.arg(i + 1).arg(why));
            out.lists << list;
        } else if (type == "print"_L1) {
            BadgePrint print;
            if (!fromChangeJson(change, &print, &why))
                return fail(PageProblem::Print, u"change %1: %2"_s.arg(i + 1).arg(why));
            out.prints << print;
            if (!print.deviceName.isEmpty())
                out.deviceNames.insert(print.deviceId, print.deviceName);
        }
        // Other types come from a newer server: skipped (forward compatible).
    }
    *page = std::move(out);
    *problem = PageProblem::None;
    return true;
}

QJsonObject uploadBatch(const QJsonArray &items)
{
    return {{"checkins"_L1, items}};
}

bool readUploadBatch(const QJsonObject &json, QJsonArray *items, QString *error)
{
    const QJsonValue list = json.value("checkins"_L1);
    if (!list.isArray()) {
        *error = u"The body must be {\"checkins\": [...]}."_s;
        return false;
    }
    const QJsonArray array = list.toArray();
    if (array.isEmpty() || array.size() > MaxCheckInsPerBatch) {
        *error = u"A batch holds 1 to %1 check-ins."_s.arg(MaxCheckInsPerBatch);
        return false;
    }
    *items = array;
    return true;
}

QJsonObject uploadResults(const QJsonArray &results)
{
    return {{"results"_L1, results}};
}

QList<CheckInResult> readUploadResults(const QJsonObject &json)
{
    QList<CheckInResult> out;
    const QJsonArray results = json.value("results"_L1).toArray();
    for (const QJsonValue &v : results) {
        CheckInResult result;
        QString error;
        if (fromJson(v.toObject(), &result, &error))
            out << result;
    }
    return out;
}

QString changeType(const QJsonObject &change)
{
    return change.value("type"_L1).toString();
}

bool fromChangeJson(const QJsonObject &json, Attendee *attendee, QString *error)
{
    Attendee a;
    if (!checkType(json, "attendee"_L1, error) || !readAttendee(json, false, &a, error) ||
        !readTime(json, "updated_at"_L1, Need::Required, &a.updatedAtMs, error))
        return false;
    *attendee = a;
    return true;
}

bool fromChangeJson(const QJsonObject &json, CheckIn *checkIn, Classification *classification, QString *error)
{
    CheckIn c;
    Classification cls;
    QString status;
    if (!checkType(json, "checkin"_L1, error) || !readCheckIn(json, &c, error) ||
        !readString(json, "device_id"_L1, Need::Required, &c.deviceId, error) ||
        !checkLength("device_id"_L1, c.deviceId, MaxDeviceIdLength, error) ||
        !readString(json, "status"_L1, Need::Required, &status, error))
        return false;
    if (!parseCheckInStatus(status, &cls.status))
        return fail(error, u"status must be \"accepted\", \"duplicate\", \"conflict\" or \"rejected\""_s);
    if (!readString(json, "reason"_L1, Need::Optional, &cls.reason, error) ||
        !checkLength("reason"_L1, cls.reason, MaxReasonLength, error) ||
        !readUuid(json, "first"_L1, Need::Optional, &cls.first, error) ||
        !readUuid(json, "undone_by"_L1, Need::Optional, &cls.undoneBy, error))
        return false;
    cls.undone = !cls.undoneBy.isEmpty();
    *checkIn = c;
    *classification = cls;
    return true;
}

namespace {

bool readPrint(const QJsonObject &json, BadgePrint *out, QString *error)
{
    BadgePrint p;
    if (!readUuid(json, "id"_L1, Need::Required, &p.id, error) ||
        !readAttendeeRef(json, "attendee_id"_L1, Need::Required, &p.attendeeId, error) ||
        !readTime(json, "at"_L1, Need::Required, &p.atMs, error) ||
        !readId(json, "layout"_L1, Need::Optional, MaxLayoutLength, &p.layout, error))
        return false;
    if (p.attendeeId.isEmpty())
        return fail(error, u"attendee_id must not be empty"_s);
    *out = p;
    return true;
}

} // namespace

QJsonObject toUploadJson(const BadgePrint &print)
{
    QJsonObject json{
        {"id"_L1, print.id}, {"attendee_id"_L1, print.attendeeId}, {"at"_L1, isoTime(print.atMs)}};
    if (!print.layout.isEmpty())
        json.insert("layout"_L1, print.layout);
    return json;
}

bool fromUploadJson(const QJsonObject &json, BadgePrint *print, QString *error)
{
    return readPrint(json, print, error);
}

QJsonObject printBatch(const QJsonArray &items)
{
    return {{"prints"_L1, items}};
}

bool readPrintBatch(const QJsonObject &json, QJsonArray *items, QString *error)
{
    const QJsonValue list = json.value("prints"_L1);
    if (!list.isArray())
        return fail(error, u"The body must be {\"prints\": [...]}."_s);
    const QJsonArray array = list.toArray();
    if (array.isEmpty() || array.size() > MaxPrintsPerBatch)
        return fail(error, u"A batch holds 1 to %1 prints."_s.arg(MaxPrintsPerBatch));
    *items = array;
    return true;
}

QJsonObject toJson(const PrintResult &result)
{
    QJsonObject json{{"id"_L1, result.id}, {"status"_L1, result.stored ? u"stored"_s : u"rejected"_s}};
    if (!result.reason.isEmpty())
        json.insert("reason"_L1, result.reason);
    return json;
}

QList<PrintResult> readPrintResults(const QJsonObject &json)
{
    QList<PrintResult> out;
    for (const QJsonValue &v : json.value("results"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        const QString status = o.value("status"_L1).toString();
        if (!isCanonicalUuid(o.value("id"_L1).toString()) ||
            (status != "stored"_L1 && status != "rejected"_L1))
            continue;
        out << PrintResult{o.value("id"_L1).toString(), status == "stored"_L1,
                           o.value("reason"_L1).toString()};
    }
    return out;
}

QJsonObject printChange(const BadgePrint &print)
{
    QJsonObject json = toUploadJson(print);
    json.insert("type"_L1, "print"_L1);
    json.insert("device_id"_L1, print.deviceId);
    if (!print.deviceName.isEmpty())
        json.insert("device_name"_L1, print.deviceName);
    return json;
}

bool fromChangeJson(const QJsonObject &json, BadgePrint *print, QString *error)
{
    BadgePrint p;
    if (!checkType(json, "print"_L1, error) || !readPrint(json, &p, error) ||
        !readString(json, "device_id"_L1, Need::Required, &p.deviceId, error) ||
        !checkLength("device_id"_L1, p.deviceId, MaxDeviceIdLength, error) ||
        !readString(json, "device_name"_L1, Need::Optional, &p.deviceName, error) ||
        !checkLength("device_name"_L1, p.deviceName, MaxNameLength, error))
        return false;
    *print = p;
    return true;
}

} // namespace checkin::Protocol
