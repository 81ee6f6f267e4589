// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Protocol v1 JSON codec: round trips, every validation error naming its field, ISO times, views.
#include "Protocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace checkin;
using namespace Qt::StringLiterals;
using checkin::Protocol::CheckInResult;

namespace {

qint64 utc(int y, int mo, int d, int h, int mi, int s, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC).toMSecsSinceEpoch();
}

QJsonObject with(QJsonObject json, const QString &key, const QJsonValue &value)
{
    json.insert(key, value);
    return json;
}

QJsonObject without(QJsonObject json, const QString &key)
{
    json.remove(key);
    return json;
}

// Through bytes and back, as on the wire.
QJsonObject wire(const QJsonObject &json)
{
    return QJsonDocument::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact)).object();
}

QString randomHex(QRandomGenerator &rng, int digits)
{
    QString out;
    for (int i = 0; i < digits; ++i)
        out += QLatin1Char("0123456789abcdef"[rng.bounded(16)]);
    return out;
}

QString randomUuid(QRandomGenerator &rng)
{
    return randomHex(rng, 8) + u'-' + randomHex(rng, 4) + u'-' + randomHex(rng, 4) + u'-' +
           randomHex(rng, 4) + u'-' + randomHex(rng, 12);
}

QString randomText(QRandomGenerator &rng, int maxLength)
{
    static const QString alphabet = u"abcXYZ 019_-äß€\"\\\n\t/{}"_s;
    QString out;
    const int length = rng.bounded(maxLength + 1);
    for (int i = 0; i < length; ++i)
        out += alphabet[rng.bounded(int(alphabet.size()))];
    return out;
}

CheckIn randomCheckIn(QRandomGenerator &rng)
{
    static const QString idChars = u"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"_s;
    CheckIn c;
    c.id = randomUuid(rng);
    if (rng.bounded(2)) {
        const int length = 1 + rng.bounded(Protocol::MaxAttendeeIdLength);
        for (int i = 0; i < length; ++i)
            c.attendeeId += idChars[rng.bounded(int(idChars.size()))];
    } else {
        c.codeHash = randomHex(rng, 64);
    }
    c.kind = CheckInKind(rng.bounded(3));
    if (c.kind == CheckInKind::Undo)
        c.ref = randomUuid(rng);
    c.atMs = rng.bounded(qint64(0), utc(2100, 1, 1, 0, 0, 0));
    c.hlc = {rng.bounded(qint64(0), Hlc::MaxMs + 1), quint16(rng.bounded(0x10000))};
    c.forced = rng.bounded(2);
    c.note = randomText(rng, rng.bounded(4) == 0 ? int(Protocol::MaxNoteLength) : 20);
    return c;
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

const QJsonObject validEntry = parse(R"({"id": "0f8fad5b-d9cb-469f-a165-70867728950e", "attendee_id": "A-17",
    "kind": "entry", "at": "2026-06-01T09:12:03.512Z", "hlc": "1780305123512.3", "forced": false})");

const QJsonObject validAttendee = parse(R"({"id": "A-17", "first_name": "Anna", "last_name": "Müller",
    "email": "anna@example.org", "ticket_code": "K7Q2M9XP4TRD"})");

const QString hash64 = u"86b1fc9447d512d0eb940e1eaae35eb9cc35c8d94bd514d46bb8bd1f0f4981db"_s;

// An entry that registers a walk-in: its attendee id is a UUID made on the kiosk.
const QJsonObject walkInEntry = parse(R"({"id": "0f8fad5b-d9cb-469f-a165-70867728950e",
    "attendee_id": "5b3c7a52-4f7e-4b8e-9d0a-1c2d3e4f5a6b", "kind": "entry", "at": "2026-06-01T09:12:03.512Z",
    "hlc": "1780305123512.3", "forced": false,
    "walk_in": {"first_name": "Ann", "last_name": "Lee", "company": "Acme", "ticket_type": "Day pass"}})");

// Every field set, as the server stores it.
Attendee sampleAttendee()
{
    return {.id = u"A-17"_s,
            .eventId = u"e1"_s,
            .codeHash = hash64,
            .firstName = u"Anna"_s,
            .lastName = u"Müller"_s,
            .company = u"ACME"_s,
            .email = u"anna@example.org"_s,
            .ticketType = u"VIP"_s,
            .status = TicketStatus::Cancelled,
            .cancelledAtMs = utc(2026, 6, 1, 10, 0, 0),
            .updatedAtMs = utc(2026, 5, 1, 0, 0, 0)};
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkInIdsAreTimeOrderedUuids()
    {
        const qint64 t = utc(2026, 6, 1, 9, 12, 3, 512);
        QSet<QString> seen;
        QString previous;
        for (int i = 0; i < 1000; ++i) {
            const QString id = newCheckInId(t + i);
            QVERIFY2(Protocol::isCanonicalUuid(id), qPrintable(id));
            QCOMPARE(id.at(14), u'7');                         // version 7
            QVERIFY(QStringView(u"89ab").contains(id.at(19))); // variant 10
            // The first 48 bits are the time in milliseconds: later ids sort later.
            QCOMPARE(QStringView(id).left(8) + QStringView(id).mid(9, 4),
                     QString::number(t + i, 16).rightJustified(12, u'0'));
            QVERIFY(id > previous);
            previous = id;
            seen.insert(id);
        }
        // Within one millisecond the random part keeps them apart.
        for (int i = 0; i < 1000; ++i)
            seen.insert(newCheckInId(t));
        QCOMPARE(seen.size(), 2000);
        QVERIFY(Protocol::isCanonicalUuid(newCheckInId()));
    }

    void isoTimeFormat()
    {
        QCOMPARE(Protocol::isoTime(utc(2026, 6, 1, 9, 12, 3, 512)), u"2026-06-01T09:12:03.512Z"_s);
        QCOMPARE(Protocol::isoTime(0), u"1970-01-01T00:00:00.000Z"_s);
        QCOMPARE(Protocol::isoTime(-1), u"1969-12-31T23:59:59.999Z"_s);
        QRandomGenerator rng(7);
        for (int i = 0; i < 2000; ++i) {
            const qint64 ms = rng.bounded(qint64(-1) * utc(3000, 1, 1, 0, 0, 0), utc(9999, 1, 1, 0, 0, 0));
            const QString text = Protocol::isoTime(ms);
            QCOMPARE(text, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
            qint64 back = 0;
            QVERIFY2(Protocol::parseIsoTime(text, &back), qPrintable(text));
            QCOMPARE(back, ms);
        }
    }

    void parseIsoTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("ms");
        const qint64 t = utc(2026, 6, 1, 9, 12, 3, 512);
        QTest::newRow("canonical") << u"2026-06-01T09:12:03.512Z"_s << true << t;
        QTest::newRow("no ms") << u"2026-06-01T09:12:03Z"_s << true << t - 512;
        QTest::newRow("+02:00") << u"2026-06-01T11:12:03.512+02:00"_s << true << t;
        QTest::newRow("-05:30") << u"2026-06-01T03:42:03.512-05:30"_s << true << t;
        QTest::newRow("offset no ms") << u"2026-06-01T11:12:03+02:00"_s << true << t - 512;
        QTest::newRow("+00:00") << u"2026-06-01T09:12:03.512+00:00"_s << true << t;
        QTest::newRow("one digit") << u"2026-06-01T09:12:03.5Z"_s << true << t - 12;
        QTest::newRow("micros truncated") << u"2026-06-01T09:12:03.512999Z"_s << true << t;
        QTest::newRow("day change") << u"2026-06-01T01:00:00+02:00"_s << true << utc(2026, 5, 31, 23, 0, 0);
        QTest::newRow("leap day") << u"2024-02-29T00:00:00Z"_s << true << utc(2024, 2, 29, 0, 0, 0);
        // Separated by '|'; the first entry is the empty string.
        const QStringList bad =
            u"|garbage|2026-06-01|2026-06-01T09:12:03|2026-06-01T09:12:03.512|"
            u"2026-06-01 09:12:03Z|2026-06-01t09:12:03z|2026-06-01T09:12Z|2026-06-01T09:12:03.Z|"
            u"2026-06-01T09:12:03.1234567890Z|2026-06-01T09:12:03+2:00|2026-06-01T09:12:03+0200|"
            u"2026-06-01T09:12:03+24:00|2026-06-01T09:12:03Z | 2026-06-01T09:12:03Z|"
            u"2026-02-30T09:12:03Z|2025-02-29T00:00:00Z|2026-13-01T09:12:03Z|2026-06-01T24:00:00Z|"
            u"2026-06-01T09:60:00Z|2026-06-01T09:12:60Z|0000-01-01T00:00:00Z|"
            u"2026-06-01T09:12:03.5x2Z|٢٠٢٦-06-01T09:12:03Z|+2026-06-01T09:12:03Z"_s.split(u'|');
        for (const QString &text : bad)
            QTest::newRow(qPrintable(u"bad: "_s + text)) << text << false << qint64(0);
    }

    void parseIsoTime()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, ms);
        qint64 parsed = -42;
        QCOMPARE(Protocol::parseIsoTime(text, &parsed), valid);
        if (valid)
            QCOMPARE(parsed, ms);
    }

    void errorShape()
    {
        const QJsonObject json = Protocol::error(u"not_found"_s, u"No such event."_s);
        QCOMPARE(json.keys(), QStringList{u"error"_s});
        QCOMPARE(json[u"error"].toObject()[u"code"].toString(), u"not_found"_s);
        QCOMPARE(json[u"error"].toObject()[u"message"].toString(), u"No such event."_s);
    }

    void eventRoundTrip()
    {
        Event e{.id = u"conf-2026"_s,
                .name = u"Conf 2026"_s,
                .salt = u"0123456789abcdef0123456789abcdef"_s,
                .startsAtMs = utc(2026, 6, 1, 8, 0, 0),
                .endsAtMs = utc(2026, 6, 2, 18, 0, 0),
                .timezone = u"Europe/Berlin"_s};
        QJsonObject json = Protocol::toJson(e);
        QCOMPARE(json[u"starts_at"].toString(), u"2026-06-01T08:00:00.000Z"_s);
        Event back;
        QString error;
        QVERIFY2(Protocol::fromJson(wire(json), &back, &error), qPrintable(error));
        QCOMPARE(back, e);

        const Event bare{.id = u"e"_s, .name = u"E"_s, .salt = u"s"_s};
        json = Protocol::toJson(bare);
        QCOMPARE(json.size(), 3); // no times, no timezone
        QVERIFY(Protocol::fromJson(json, &back, &error));
        QCOMPARE(back, bare);

        // A POST /events body: only a name; it is trimmed.
        QVERIFY(Protocol::fromJson(QJsonObject{{"name"_L1, u"  Meetup "_s}}, &back, &error));
        QCOMPARE(back, (Event{.name = u"Meetup"_s}));
    }

    void eventValidation_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        const QJsonObject ok{{"id"_L1, u"e1"_s}, {"name"_L1, u"E"_s}};
        QTest::newRow("name missing") << without(ok, u"name"_s) << u"name"_s;
        QTest::newRow("name blank") << with(ok, u"name"_s, u"  \t"_s) << u"name"_s;
        QTest::newRow("name long") << with(ok, u"name"_s, QString(201, u'x')) << u"name"_s;
        QTest::newRow("name number") << with(ok, u"name"_s, 5) << u"name must be a string"_s;
        QTest::newRow("id slash") << with(ok, u"id"_s, u"a/b"_s) << u"id"_s;
        QTest::newRow("id long") << with(ok, u"id"_s, QString(65, u'a')) << u"id"_s;
        QTest::newRow("id bool") << with(ok, u"id"_s, true) << u"id must be a string"_s;
        QTest::newRow("starts_at") << with(ok, u"starts_at"_s, u"tomorrow"_s) << u"starts_at"_s;
        QTest::newRow("ends_at number") << with(ok, u"ends_at"_s, 17) << u"ends_at"_s;
        QTest::newRow("ends before starts") << with(with(ok, u"starts_at"_s, u"2026-06-02T00:00:00Z"_s),
                                                    u"ends_at"_s, u"2026-06-01T00:00:00Z"_s)
                                            << u"ends_at"_s;
        QTest::newRow("timezone number") << with(ok, u"timezone"_s, 2) << u"timezone"_s;
        QTest::newRow("timezone long") << with(ok, u"timezone"_s, QString(65, u'x')) << u"timezone"_s;
    }

    void eventValidation() { expectError<Event>(); }

    void attendeeViews()
    {
        Attendee a = sampleAttendee();
        const QJsonObject admin = Protocol::toJson(a, Protocol::AttendeeView::Admin);
        QCOMPARE(admin[u"email"].toString(), a.email);
        QCOMPARE(admin[u"status"].toString(), u"cancelled"_s);
        QCOMPARE(admin[u"cancelled_at"].toString(), u"2026-06-01T10:00:00.000Z"_s);
        QCOMPARE(admin[u"updated_at"].toString(), u"2026-05-01T00:00:00.000Z"_s);
        QCOMPARE(admin[u"code_hash"].toString(), hash64);
        for (const QJsonObject &device :
             {Protocol::toJson(a, Protocol::AttendeeView::Device), Protocol::attendeeChange(a)}) {
            QVERIFY(!device.contains(u"email"));
            QVERIFY(!QJsonDocument(device).toJson().contains("anna@example.org"));
            QCOMPARE(device[u"code_hash"].toString(), hash64);
        }
        QVERIFY(!admin.contains(u"ticket_code") && !admin.contains(u"event_id"));

        a.status = TicketStatus::Valid; // cancelled_at only with a cancelled ticket
        a.codeHash.clear();
        a.email.clear();
        const QJsonObject plain = Protocol::toJson(a, Protocol::AttendeeView::Admin);
        QVERIFY(!plain.contains(u"cancelled_at") && !plain.contains(u"code_hash") &&
                !plain.contains(u"email") && !plain.contains(u"walk_in_checkin") &&
                !plain.contains(u"walk_in_device"));

        // A walk-in says where it was registered, to the event lead and to every kiosk.
        a.walkInCheckIn = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
        a.walkInDevice = u"dev-1"_s;
        for (const auto view : {Protocol::AttendeeView::Admin, Protocol::AttendeeView::Device}) {
            const QJsonObject json = Protocol::toJson(a, view);
            QCOMPARE(json[u"walk_in_checkin"].toString(), a.walkInCheckIn);
            QCOMPARE(json[u"walk_in_device"].toString(), a.walkInDevice);
        }
    }

    void attendeeUploadRoundTrip()
    {
        Attendee a = sampleAttendee();
        a.eventId.clear(); // from the URL
        a.updatedAtMs = 0; // set by the server
        Attendee back;
        QString code = u"stale"_s;
        QString error;
        QVERIFY2(Protocol::fromUploadJson(wire(Protocol::toJson(a, Protocol::AttendeeView::Admin)), &back,
                                          &code, &error),
                 qPrintable(error));
        QCOMPARE(back, a);
        QVERIFY(code.isEmpty());

        QVERIFY(Protocol::fromUploadJson(with(validAttendee, u"ticket_code"_s, u" \x02K7Q2\r\n"_s), &back,
                                         &code, &error));
        QCOMPARE(code, u"K7Q2"_s); // cleaned like a scan, for the server to hash
        QVERIFY(back.codeHash.isEmpty());
        QCOMPARE(back.status, TicketStatus::Valid);
        QCOMPARE(back.lastName, u"Müller"_s);
        QVERIFY(
            Protocol::fromUploadJson(with(validAttendee, u"company"_s, QJsonValue()), &back, &code, &error));
        QVERIFY(Protocol::fromUploadJson(with(validAttendee, u"first_name"_s, u"  Bo "_s), &back, nullptr,
                                         &error));
        QCOMPARE(back.firstName, u"Bo"_s);

        // What the door must know goes both ways; a note without text is nothing to know.
        a.status = TicketStatus::Valid;
        a.cancelledAtMs = 0;
        a.orderCode = u"ORD-7"_s;
        a.paymentPending = true;
        a.notes = {{u"Allergies"_s, u"nuts"_s, true}, {u"Notes"_s, u"wheelchair"_s, false}};
        const QJsonObject json = Protocol::toJson(a, Protocol::AttendeeView::Device);
        QCOMPARE(json.value(u"notes"_s).toArray().at(0).toObject().value(u"attention"_s).toBool(), true);
        QVERIFY(!json.value(u"notes"_s).toArray().at(1).toObject().contains(u"attention"_s));
        QVERIFY2(Protocol::fromUploadJson(wire(json), &back, &code, &error), qPrintable(error));
        QCOMPARE(back.notes, a.notes);
        QCOMPARE(back.orderCode, a.orderCode);
        QVERIFY(back.paymentPending);
        QVERIFY(
            Protocol::fromUploadJson(with(validAttendee, u"notes"_s,
                                          QJsonArray{QJsonObject{{u"label"_s, u"X"_s}, {u"text"_s, u""_s}}}),
                                     &back, &code, &error));
        QVERIFY(back.notes.isEmpty());
    }

    void attendeeUploadValidation_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        const QJsonObject &ok = validAttendee;
        QTest::newRow("id missing") << without(ok, u"id"_s) << u"id is required"_s;
        QTest::newRow("id space") << with(ok, u"id"_s, u"A 17"_s) << u"id"_s;
        QTest::newRow("id long") << with(ok, u"id"_s, QString(129, u'a')) << u"id"_s;
        QTest::newRow("id number") << with(ok, u"id"_s, 17) << u"id must be a string"_s;
        QTest::newRow("no name") << without(with(ok, u"first_name"_s, u" "_s), u"last_name"_s)
                                 << u"first_name"_s;
        QTest::newRow("first_name number")
            << with(ok, u"first_name"_s, 1) << u"first_name must be a string"_s;
        QTest::newRow("last_name long") << with(ok, u"last_name"_s, QString(201, u'x')) << u"last_name"_s;
        QTest::newRow("company long") << with(ok, u"company"_s, QString(201, u'x')) << u"company"_s;
        QTest::newRow("ticket_type object") << with(ok, u"ticket_type"_s, QJsonObject()) << u"ticket_type"_s;
        QTest::newRow("email long") << with(ok, u"email"_s, QString(321, u'x')) << u"email"_s;
        QTest::newRow("email array") << with(ok, u"email"_s, QJsonArray()) << u"email must be a string"_s;
        QTest::newRow("status bogus") << with(ok, u"status"_s, u"storniert"_s) << u"status"_s;
        QTest::newRow("status bool") << with(ok, u"status"_s, false) << u"status"_s;
        QTest::newRow("code long") << with(ok, u"ticket_code"_s, QString(257, u'x')) << u"ticket_code"_s;
        QTest::newRow("code number") << with(ok, u"ticket_code"_s, 42) << u"ticket_code"_s;
        QTest::newRow("code and hash") << with(ok, u"code_hash"_s, hash64) << u"code_hash"_s;
        QTest::newRow("hash upper") << with(without(ok, u"ticket_code"_s), u"code_hash"_s, hash64.toUpper())
                                    << u"code_hash"_s;
        QTest::newRow("cancelled_at valid")
            << with(ok, u"cancelled_at"_s, u"2026-06-01T00:00:00Z"_s) << u"cancelled_at"_s;
        QTest::newRow("notes object") << with(ok, u"notes"_s, QJsonObject()) << u"notes must be an array"_s;
        QTest::newRow("notes text number")
            << with(ok, u"notes"_s, QJsonArray{QJsonObject{{u"label"_s, u"A"_s}, {u"text"_s, 3}}})
            << u"text"_s;
        QTest::newRow("note long") << with(ok, u"notes"_s,
                                           QJsonArray{QJsonObject{{u"label"_s, u"A"_s},
                                                                  {u"text"_s, QString(501, u'x')}}})
                                   << u"text"_s;
        QTest::newRow("eleven notes") << with(ok, u"notes"_s, [] {
            QJsonArray many;
            for (int i = 0; i < 11; ++i)
                many.append(QJsonObject{{u"label"_s, u"A"_s}, {u"text"_s, u"b"_s}});
            return many;
        }()) << u"at most 10"_s;
        QTest::newRow("order code long") << with(ok, u"order_code"_s, QString(65, u'x')) << u"order_code"_s;
        QTest::newRow("pending and cancelled")
            << with(with(ok, u"status"_s, u"cancelled"_s), u"payment_pending"_s, true)
            << u"payment_pending"_s;
        QTest::newRow("cancelled_at garbage")
            << with(with(ok, u"status"_s, u"cancelled"_s), u"cancelled_at"_s, u"x"_s) << u"cancelled_at"_s;
    }

    void attendeeUploadValidation() { expectError<Attendee>(); }

    void checkInRoundTrips()
    {
        const CheckIn undo{.id = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s,
                           .eventId = u"e1"_s,
                           .codeHash = hash64,
                           .kind = CheckInKind::Undo,
                           .ref = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s,
                           .atMs = utc(2026, 6, 1, 9, 12, 3, 512),
                           .hlc = {utc(2026, 6, 1, 9, 12, 3, 512), 3},
                           .deviceId = u"dev-1"_s,
                           .forced = true,
                           .note = u"wrong person"_s};
        const QJsonObject json = Protocol::toUploadJson(undo);
        QVERIFY(!json.contains(u"device_id") && !json.contains(u"event_id") &&
                !json.contains(u"attendee_id"));
        QCOMPARE(json[u"hlc"].toString(), u"1780305123512.3"_s);
        QCOMPARE(json[u"at"].toString(), u"2026-06-01T09:12:03.512Z"_s);
        CheckIn back;
        QString error;
        QVERIFY2(Protocol::fromUploadJson(wire(json), &back, &error), qPrintable(error));
        CheckIn expected = undo;
        expected.eventId.clear();
        expected.deviceId.clear();
        QCOMPARE(back, expected);

        QVERIFY2(Protocol::fromUploadJson(validEntry, &back, &error), qPrintable(error));
        QCOMPARE(Protocol::toUploadJson(back), validEntry);
        // Unknown fields are ignored; null counts as absent.
        QVERIFY(Protocol::fromUploadJson(with(with(validEntry, u"future"_s, 1), u"note"_s, QJsonValue()),
                                         &back, &error));
    }

    void walkInRoundTrip()
    {
        CheckIn c;
        QString error;
        QVERIFY2(Protocol::fromUploadJson(walkInEntry, &c, &error), qPrintable(error));
        std::optional<WalkIn> walkIn;
        QVERIFY2(Protocol::readWalkIn(walkInEntry, c, &walkIn, &error), qPrintable(error));
        QVERIFY(walkIn);
        QCOMPARE(*walkIn, (WalkIn{u"Ann"_s, u"Lee"_s, u"Acme"_s, u"Day pass"_s}));
        QCOMPARE(Protocol::toUploadJson(c, walkIn), walkInEntry);
        QCOMPARE(wire(Protocol::toJson(*walkIn)), walkInEntry[u"walk_in"].toObject());

        // Without one, an item is what it always was: the body hash of an ordinary check-in stays.
        QVERIFY(Protocol::readWalkIn(validEntry, c, &walkIn, &error));
        QVERIFY(!walkIn);
        QVERIFY(Protocol::readWalkIn(with(walkInEntry, u"walk_in"_s, QJsonValue()), c, &walkIn, &error));
        QVERIFY(!walkIn);
        QCOMPARE(Protocol::toUploadJson(c, std::nullopt), Protocol::toUploadJson(c));
        QVERIFY(!Protocol::toUploadJson(c).contains(u"walk_in"));

        // Typed at a door: trimmed; empty fields left out; one name is enough.
        const QJsonObject spaced = with(walkInEntry, u"walk_in"_s,
                                        QJsonObject{{"first_name"_L1, u"  "_s},
                                                    {"last_name"_L1, u" O'Brien-Smith "_s},
                                                    {"company"_L1, QJsonValue()},
                                                    {"future"_L1, 1}});
        QVERIFY2(Protocol::readWalkIn(spaced, c, &walkIn, &error), qPrintable(error));
        QCOMPARE(*walkIn, (WalkIn{{}, u"O'Brien-Smith"_s, {}, {}}));
        QCOMPARE(Protocol::toJson(*walkIn), (QJsonObject{{"last_name"_L1, u"O'Brien-Smith"_s}}));
        const QJsonObject longest =
            with(walkInEntry, u"walk_in"_s,
                 QJsonObject{{u"first_name"_s,
                              QJsonValue(u" "_s + QString(Protocol::MaxNameLength, u'n') + u" "_s)}});
        QVERIFY2(Protocol::readWalkIn(longest, c, &walkIn, &error), qPrintable(error));
        QCOMPARE(walkIn->firstName.size(), Protocol::MaxNameLength);
    }

    void walkInValidation_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("expected");
        const QJsonObject person = walkInEntry[u"walk_in"].toObject();
        auto walkIn = [&](const QJsonValue &value) { return with(walkInEntry, u"walk_in"_s, value); };
        QTest::newRow("not an object") << walkIn(u"Ann Lee"_s) << u"walk_in must be an object"_s;
        QTest::newRow("a list") << walkIn(QJsonArray{u"Ann"_s}) << u"walk_in must be an object"_s;
        QTest::newRow("no name") << walkIn(QJsonObject{{"company"_L1, u"Acme"_s}})
                                 << u"Enter a first or last name"_s;
        QTest::newRow("blank names") << walkIn(with(with(person, u"first_name"_s, u" "_s), u"last_name"_s,
                                                    u"\t"_s))
                                     << u"Enter a first or last name"_s;
        QTest::newRow("name a number") << walkIn(with(person, u"first_name"_s, 7)) << u"first_name"_s;
        QTest::newRow("first name too long")
            << walkIn(with(person, u"first_name"_s, QString(Protocol::MaxNameLength + 1, u'n')))
            << u"first name is too long"_s;
        QTest::newRow("company too long")
            << walkIn(with(person, u"company"_s, QString(Protocol::MaxNameLength + 1, u'c'))) << u"company"_s;
        QTest::newRow("ticket type a list")
            << walkIn(with(person, u"ticket_type"_s, QJsonArray{})) << u"ticket_type"_s;
        QTest::newRow("line break") << walkIn(with(person, u"last_name"_s, u"Lee\nDROP"_s))
                                    << u"line breaks"_s;
        QTest::newRow("exit") << with(walkInEntry, u"kind"_s, u"exit"_s) << u"entry"_s;
        QTest::newRow("by code") << with(without(walkInEntry, u"attendee_id"_s), u"code_hash"_s, hash64)
                                 << u"attendee_id"_s;
        QTest::newRow("list id") << with(walkInEntry, u"attendee_id"_s, u"A-17"_s) << u"UUID"_s;
        QTest::newRow("upper-case id")
            << with(walkInEntry, u"attendee_id"_s, u"5B3C7A52-4F7E-4B8E-9D0A-1C2D3E4F5A6B"_s) << u"UUID"_s;
    }

    // A bad walk_in is refused with a sentence, and nothing is read.
    void walkInValidation()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, expected);
        CheckIn c;
        QString error;
        QVERIFY2(Protocol::fromUploadJson(json, &c, &error),
                 qPrintable(error)); // the check-in itself is fine
        std::optional<WalkIn> walkIn = WalkIn{u"stale"_s, {}, {}, {}};
        QVERIFY(!Protocol::readWalkIn(json, c, &walkIn, &error));
        QVERIFY2(error.contains(expected), qPrintable(u"message: "_s + error));
        QVERIFY(!walkIn);
        QCOMPARE(Protocol::InvalidWalkIn, "invalid_walk_in"_L1);
    }

    void walkInAttendeesInTheFeed()
    {
        Attendee a = sampleAttendee();
        a.walkInCheckIn = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
        a.walkInDevice = u"dev-1"_s;
        Attendee back;
        QString error;
        QVERIFY2(Protocol::fromChangeJson(wire(Protocol::attendeeChange(a)), &back, &error),
                 qPrintable(error));
        QCOMPARE(back.walkInCheckIn, a.walkInCheckIn);
        QCOMPARE(back.walkInDevice, a.walkInDevice);
        QVERIFY(back.isWalkIn());
        // Only the server says who is a walk-in: an upload cannot make anybody one.
        QString code;
        QVERIFY2(Protocol::fromUploadJson(with(with(validAttendee, u"walk_in_checkin"_s, a.walkInCheckIn),
                                               u"walk_in_device"_s, u"dev-1"_s),
                                          &back, &code, &error),
                 qPrintable(error));
        QVERIFY(!back.isWalkIn() && back.walkInDevice.isEmpty());
        // A feed field of the wrong type is named.
        QVERIFY(!Protocol::fromChangeJson(with(Protocol::attendeeChange(a), u"walk_in_checkin"_s, 5), &back,
                                          &error));
        QVERIFY2(error.contains(u"walk_in_checkin"), qPrintable(error));
    }

    void randomCheckInsRoundTrip()
    {
        QRandomGenerator rng(20260601);
        for (int i = 0; i < 3000; ++i) {
            CheckIn c = randomCheckIn(rng);
            CheckIn back;
            QString error;
            QVERIFY2(Protocol::fromUploadJson(wire(Protocol::toUploadJson(c)), &back, &error),
                     qPrintable(error));
            QCOMPARE(back, c);

            c.deviceId = randomUuid(rng);
            Classification cls{.status = CheckInStatus(rng.bounded(4))};
            if (rng.bounded(2))
                cls.reason = u"already_inside"_s;
            if (rng.bounded(2))
                cls.first = randomUuid(rng);
            if (rng.bounded(2))
                cls.undoneBy = randomUuid(rng);
            cls.undone = !cls.undoneBy.isEmpty();
            Classification clsBack;
            const QJsonObject change = wire(Protocol::checkInChange(c, cls));
            QCOMPARE(Protocol::changeType(change), u"checkin"_s);
            QVERIFY2(Protocol::fromChangeJson(change, &back, &clsBack, &error), qPrintable(error));
            QCOMPARE(back, c);
            QCOMPARE(clsBack, cls);
        }
    }

    // The server hashes this as an upload's idempotency key: it must stay byte for byte what
    // QJsonDocument writes (hashes stored by earlier versions are compared with it).
    void canonicalUploadJsonIsQtsCompactJson()
    {
        QRandomGenerator rng(20261205);
        // Plain strings take the direct way; the others (quotes, backslashes, control characters,
        // DEL, umlauts, an emoji) go through QJsonDocument.
        const QStringList odd{u"say \"hi\""_s,
                              u"back\\slash"_s,
                              u"tab\there"_s,
                              u"line\nbreak"_s,
                              QString(QChar(0x7f)),
                              QString(QChar(0x1f)),
                              u"Müller"_s,
                              u"€"_s,
                              QString::fromUtf8("\xF0\x9F\x8E\x9F"),
                              u"~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"_s};
        const auto text = [&](int plainLength) {
            switch (rng.bounded(4)) {
            case 0:
                return QString();
            case 1:
                return odd[rng.bounded(int(odd.size()))];
            default:
                return randomHex(rng, 1 + rng.bounded(plainLength));
            }
        };
        for (int i = 0; i < 5000; ++i) {
            CheckIn c = randomCheckIn(rng);
            c.attendeeId = text(40);
            c.codeHash = text(64);
            c.ref = text(36);
            c.note = text(200);
            c.answer = c.kind == CheckInKind::Entry ? text(20) : QString();
            c.paper = rng.bounded(5) == 0;
            std::optional<WalkIn> walkIn;
            if (rng.bounded(10) == 0)
                walkIn = WalkIn{text(10), text(10), text(10), text(10)};
            const QByteArray expected =
                QJsonDocument(Protocol::toUploadJson(c, walkIn)).toJson(QJsonDocument::Compact);
            QCOMPARE(Protocol::canonicalUploadJson(c, walkIn), expected);
        }
        // The usual item, written directly.
        CheckIn c = randomCheckIn(rng);
        c.codeHash.clear();
        c.attendeeId = u"A-17"_s;
        c.ref.clear();
        c.note.clear();
        c.kind = CheckInKind::Entry;
        c.forced = false;
        QCOMPARE(Protocol::canonicalUploadJson(c),
                 QByteArray(R"({"at":")" + Protocol::isoTime(c.atMs).toLatin1() +
                            R"(","attendee_id":"A-17",)" + R"("forced":false,"hlc":")" +
                            c.hlc.toString().toLatin1() + R"(","id":")" + c.id.toLatin1() +
                            R"(","kind":"entry"})"));
    }

    void malformedCheckIns_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        const QJsonObject &ok = validEntry;
        const QJsonObject undo =
            with(with(ok, u"kind"_s, u"undo"_s), u"ref"_s, u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s);
        QTest::newRow("empty object") << QJsonObject() << u"id"_s;
        QTest::newRow("id missing") << without(ok, u"id"_s) << u"id is required"_s;
        QTest::newRow("id uppercase")
            << with(ok, u"id"_s, u"0F8FAD5B-D9CB-469F-A165-70867728950E"_s) << u"id"_s;
        QTest::newRow("id braces") << with(ok, u"id"_s, u"{0f8fad5b-d9cb-469f-a165-70867728950e}"_s)
                                   << u"id"_s;
        QTest::newRow("id no dashes") << with(ok, u"id"_s, u"0f8fad5bd9cb469fa16570867728950e"_s) << u"id"_s;
        QTest::newRow("id number") << with(ok, u"id"_s, 42) << u"id must be a string"_s;
        QTest::newRow("no attendee") << without(ok, u"attendee_id"_s) << u"attendee_id"_s;
        QTest::newRow("both") << with(ok, u"code_hash"_s, hash64) << u"code_hash"_s;
        QTest::newRow("attendee_id array") << with(ok, u"attendee_id"_s, QJsonArray{1}) << u"attendee_id"_s;
        QTest::newRow("attendee_id newline") << with(ok, u"attendee_id"_s, u"A\n17"_s) << u"attendee_id"_s;
        QTest::newRow("attendee_id long")
            << with(ok, u"attendee_id"_s, QString(1025, u'a')) << u"attendee_id"_s;
        QTest::newRow("code_hash upper")
            << with(without(ok, u"attendee_id"_s), u"code_hash"_s, hash64.toUpper()) << u"code_hash"_s;
        QTest::newRow("code_hash short")
            << with(without(ok, u"attendee_id"_s), u"code_hash"_s, hash64.left(63)) << u"code_hash"_s;
        QTest::newRow("kind missing") << without(ok, u"kind"_s) << u"kind"_s;
        QTest::newRow("kind bogus") << with(ok, u"kind"_s, u"enter"_s) << u"kind"_s;
        QTest::newRow("kind number") << with(ok, u"kind"_s, 0) << u"kind"_s;
        QTest::newRow("ref on entry") << with(ok, u"ref"_s, undo[u"ref"]) << u"ref"_s;
        QTest::newRow("ref on exit") << with(with(ok, u"kind"_s, u"exit"_s), u"ref"_s, undo[u"ref"])
                                     << u"ref"_s;
        QTest::newRow("undo without ref") << without(undo, u"ref"_s) << u"ref is required"_s;
        QTest::newRow("undo ref upper")
            << with(undo, u"ref"_s, undo[u"ref"].toString().toUpper()) << u"ref"_s;
        QTest::newRow("undo of itself") << with(undo, u"ref"_s, ok[u"id"]) << u"ref"_s;
        QTest::newRow("at missing") << without(ok, u"at"_s) << u"at is required"_s;
        QTest::newRow("at garbage") << with(ok, u"at"_s, u"yesterday"_s) << u"at"_s;
        QTest::newRow("at local time") << with(ok, u"at"_s, u"2026-06-01T09:12:03"_s) << u"at"_s;
        QTest::newRow("at number") << with(ok, u"at"_s, 1780305123512.0) << u"at must be a string"_s;
        QTest::newRow("hlc missing") << without(ok, u"hlc"_s) << u"hlc"_s;
        QTest::newRow("hlc number") << with(ok, u"hlc"_s, 1.5) << u"hlc must be a string"_s;
        for (const QString &bad :
             {u"abc"_s, u"123"_s, u"1."_s, u".1"_s, u"1.65536"_s, u"-1.0"_s, u"+1.0"_s, u" 1.0"_s, u"1.0 "_s,
              u"1..0"_s, u"1.0.0"_s, u"281474976710656.0"_s, u"99999999999999999999.0"_s})
            QTest::newRow(qPrintable(u"hlc "_s + bad)) << with(ok, u"hlc"_s, bad) << u"hlc"_s;
        QTest::newRow("forced string") << with(ok, u"forced"_s, u"yes"_s) << u"forced"_s;
        QTest::newRow("forced number") << with(ok, u"forced"_s, 1) << u"forced"_s;
        QTest::newRow("note long") << with(ok, u"note"_s, QString(501, u'x')) << u"note"_s;
        QTest::newRow("note object") << with(ok, u"note"_s, QJsonObject()) << u"note must be a string"_s;
    }

    void malformedCheckIns() { expectError<CheckIn>(); }

    void checkInResults()
    {
        const CheckInResult r{.id = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s,
                              .status = CheckInStatus::Duplicate,
                              .reason = u"already_inside"_s,
                              .first = u"7c9e6679-7425-40de-944b-e07fc1f90ae7"_s};
        CheckInResult back;
        QString error;
        QVERIFY2(Protocol::fromJson(wire(Protocol::toJson(r)), &back, &error), qPrintable(error));
        QCOMPARE(back, r);
        const CheckInResult plain{.id = r.id};
        QCOMPARE(Protocol::toJson(plain).size(), 2);
        QVERIFY(Protocol::fromJson(Protocol::toJson(plain), &back, &error));
        QCOMPARE(back, plain);

        const QJsonObject ok = Protocol::toJson(r);
        const QList<std::pair<QJsonObject, QString>> bad{{without(ok, u"id"_s), u"id"_s},
                                                         {without(ok, u"status"_s), u"status"_s},
                                                         {with(ok, u"status"_s, u"ok"_s), u"status"_s},
                                                         {with(ok, u"reason"_s, 3), u"reason"_s},
                                                         {with(ok, u"first"_s, false), u"first"_s}};
        for (const auto &[json, field] : bad) {
            error.clear();
            QVERIFY(!Protocol::fromJson(json, &back, &error));
            QVERIFY2(error.contains(field), qPrintable(error));
        }
    }

    void changes()
    {
        Attendee a = sampleAttendee();
        a.firstName.clear();
        const QJsonObject change = wire(Protocol::attendeeChange(a));
        QCOMPARE(Protocol::changeType(change), u"attendee"_s);
        Attendee back;
        QString error;
        QVERIFY2(Protocol::fromChangeJson(change, &back, &error), qPrintable(error));
        Attendee expected = a;
        expected.email.clear();
        expected.eventId.clear();
        QCOMPARE(back, expected);
        // Even when a feed carries an email, the kiosk does not take it.
        QVERIFY(Protocol::fromChangeJson(with(change, u"email"_s, a.email), &back, &error));
        QVERIFY(back.email.isEmpty());
        // What the server stored from a CSV file (any id column, long names) does not stop a kiosk's sync.
        const QJsonObject fromCsv =
            with(with(change, u"id"_s, u"ORDER 7 #2"_s), u"company"_s, QString(300, u'c'));
        QVERIFY2(Protocol::fromChangeJson(fromCsv, &back, &error), qPrintable(error));
        QCOMPARE(back.id, u"ORDER 7 #2"_s);
        CheckIn ref;
        QVERIFY(Protocol::fromUploadJson(with(validEntry, u"attendee_id"_s, back.id), &ref, &error));
        QCOMPARE(ref.attendeeId, back.id);

        const QList<std::pair<QJsonObject, QString>> badAttendees{
            {with(change, u"type"_s, u"checkin"_s), u"type"_s},
            {without(change, u"updated_at"_s), u"updated_at"_s},
            {with(change, u"status"_s, 1), u"status"_s}};
        for (const auto &[json, field] : badAttendees) {
            QVERIFY(!Protocol::fromChangeJson(json, &back, &error));
            QVERIFY2(error.contains(field), qPrintable(error));
        }

        CheckIn c;
        Classification cls;
        const QJsonObject checkIn =
            with(with(with(validEntry, u"type"_s, u"checkin"_s), u"device_id"_s, u"d1"_s), u"status"_s,
                 u"accepted"_s);
        QVERIFY2(Protocol::fromChangeJson(checkIn, &c, &cls, &error), qPrintable(error));
        QCOMPARE(c.deviceId, u"d1"_s);
        const QList<std::pair<QJsonObject, QString>> badCheckIns{
            {with(checkIn, u"type"_s, u"attendee"_s), u"type"_s},
            {without(checkIn, u"device_id"_s), u"device_id"_s},
            {with(checkIn, u"device_id"_s, QString(129, u'd')), u"device_id"_s},
            {without(checkIn, u"status"_s), u"status"_s},
            {with(checkIn, u"status"_s, u"fine"_s), u"status"_s},
            {with(checkIn, u"first"_s, u"nope"_s), u"first"_s},
            {with(checkIn, u"undone_by"_s, 7), u"undone_by"_s},
            {without(checkIn, u"hlc"_s), u"hlc"_s}};
        for (const auto &[json, field] : badCheckIns) {
            QVERIFY(!Protocol::fromChangeJson(json, &c, &cls, &error));
            QVERIFY2(error.contains(field), qPrintable(error));
        }
    }

    // A page of the feed as the server writes it reads back whole; a change of an unknown type is
    // skipped; a broken change says which one and of what kind.
    void feedPages()
    {
        const Attendee a = sampleAttendee();
        CheckIn c;
        QString error;
        QVERIFY(Protocol::fromUploadJson(validEntry, &c, &error));
        c.deviceId = u"d1"_s;
        Classification cls;
        cls.status = CheckInStatus::Duplicate;
        cls.reason = u"already_inside"_s;
        cls.first = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
        const QJsonArray changes{Protocol::attendeeChange(a), Protocol::checkInChange(c, cls, u"Door 2"_s),
                                 QJsonObject{{u"type"_s, u"badge_printed"_s}}};
        const QJsonObject json = wire(Protocol::feedPage(changes, u"12.7"_s, true, 40));
        QCOMPARE(json.value(u"remaining"_s).toInteger(), 40);
        QVERIFY(!Protocol::feedPage({}, u"x"_s, false).contains(u"remaining"_s));

        Protocol::FeedPage page;
        Protocol::PageProblem problem = Protocol::PageProblem::NotAPage;
        QVERIFY2(Protocol::fromJson(json, &page, &problem, &error), qPrintable(error));
        QCOMPARE(problem, Protocol::PageProblem::None);
        QCOMPARE(page.cursor, u"12.7"_s);
        QVERIFY(page.more);
        QCOMPARE(page.remaining, 40);
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.attendees.constFirst().id, a.id);
        QVERIFY(page.attendees.constFirst().email.isEmpty()); // the device view
        QCOMPARE(page.checkIns.constFirst().id, c.id);
        QCOMPARE(page.classifications.constFirst().status, CheckInStatus::Duplicate);
        QCOMPARE(page.classifications.constFirst().first, cls.first);
        QCOMPARE(page.deviceNames.value(u"d1"_s), u"Door 2"_s);

        QVERIFY(!Protocol::fromJson(QJsonObject{{u"changes"_s, 1}}, &page, &problem, &error));
        QCOMPARE(problem, Protocol::PageProblem::NotAPage);
        QJsonArray broken = changes;
        broken[1] = without(broken[1].toObject(), u"hlc"_s);
        QVERIFY(!Protocol::fromJson(Protocol::feedPage(broken, u"1"_s, false), &page, &problem, &error));
        QCOMPARE(problem, Protocol::PageProblem::CheckIn);
        QVERIFY2(error.contains(u"change 2"_s) && error.contains(u"hlc"_s), qPrintable(error));
        broken = changes;
        broken[0] = without(broken[0].toObject(), u"updated_at"_s);
        QVERIFY(!Protocol::fromJson(Protocol::feedPage(broken, u"1"_s, false), &page, &problem, &error));
        QCOMPARE(problem, Protocol::PageProblem::Attendee);
    }

    void uploadBatches()
    {
        QJsonArray items;
        QString error;
        QVERIFY(Protocol::readUploadBatch(Protocol::uploadBatch(QJsonArray{validEntry}), &items, &error));
        QCOMPARE(items.size(), 1);
        QVERIFY(!Protocol::readUploadBatch(QJsonObject{{u"checkins"_s, 3}}, &items, &error));
        QVERIFY(error.contains(u"checkins"_s));
        QVERIFY(!Protocol::readUploadBatch(Protocol::uploadBatch({}), &items, &error));
        QJsonArray tooMany;
        for (int i = 0; i <= Protocol::MaxCheckInsPerBatch; ++i)
            tooMany.append(validEntry);
        QVERIFY(!Protocol::readUploadBatch(Protocol::uploadBatch(tooMany), &items, &error));
        QVERIFY(error.contains(QString::number(Protocol::MaxCheckInsPerBatch)));

        const Protocol::CheckInResult ok{
            u"0f8fad5b-d9cb-469f-a165-70867728950e"_s, CheckInStatus::Accepted, {}, {}};
        const QJsonObject answer =
            wire(Protocol::uploadResults(QJsonArray{Protocol::toJson(ok), QJsonObject{{u"id"_s, 5}}}));
        const QList<Protocol::CheckInResult> results = Protocol::readUploadResults(answer);
        QCOMPARE(results.size(), 1); // the unreadable one is left out
        QCOMPARE(results.constFirst(), ok);
    }

    // Any value of any type in any field: a result or a message, never a crash.
    void badgePrints()
    {
        const BadgePrint p{u"5b3c7a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b"_s,
                           u"a-17"_s,
                           1'780'000'000'123,
                           u"dev-1"_s,
                           u"brother-62"_s,
                           u"Door 1"_s};
        // Upload: no device (the token's), no name.
        const QJsonObject upload = Protocol::toUploadJson(p);
        QCOMPARE(upload, (QJsonObject{{"id"_L1, p.id},
                                      {"attendee_id"_L1, u"a-17"_s},
                                      {"at"_L1, u"2026-05-28T20:26:40.123Z"_s},
                                      {"layout"_L1, u"brother-62"_s}}));
        BadgePrint read;
        QString error;
        QVERIFY2(Protocol::fromUploadJson(upload, &read, &error), qPrintable(error));
        QCOMPARE(read, (BadgePrint{p.id, p.attendeeId, p.atMs, {}, p.layout, {}}));
        // Refused: an id that is not a UUID, a layout with a space, control characters, no attendee.
        for (const QJsonObject &bad :
             {QJsonObject{
                  {"id"_L1, u"x"_s}, {"attendee_id"_L1, u"a"_s}, {"at"_L1, u"2026-05-28T20:26:40Z"_s}},
              QJsonObject{{"id"_L1, p.id},
                          {"attendee_id"_L1, u"a"_s},
                          {"at"_L1, u"2026-05-28T20:26:40Z"_s},
                          {"layout"_L1, u"a 6"_s}},
              QJsonObject{{"id"_L1, p.id},
                          {"attendee_id"_L1, u"a\u001B[31m"_s},
                          {"at"_L1, u"2026-05-28T20:26:40Z"_s}},
              QJsonObject{{"id"_L1, p.id}, {"attendee_id"_L1, u""_s}, {"at"_L1, u"2026-05-28T20:26:40Z"_s}},
              QJsonObject{{"id"_L1, p.id}, {"attendee_id"_L1, u"a"_s}}}) {
            QVERIFY2(!Protocol::fromUploadJson(bad, &read, &error), QJsonDocument(bad).toJson().constData());
            QVERIFY(!error.isEmpty());
        }
        // The feed: with the device and its name, read into a page beside the rest.
        const QJsonObject change = Protocol::printChange(p);
        QCOMPARE(change.value("type"_L1).toString(), u"print"_s);
        QVERIFY(Protocol::fromChangeJson(change, &read, &error));
        QCOMPARE(read, p);
        Protocol::FeedPage page;
        Protocol::PageProblem problem;
        QVERIFY(Protocol::fromJson(Protocol::feedPage(QJsonArray{change}, u"0.5"_s, false), &page, &problem,
                                   &error));
        QCOMPARE(page.prints, QList<BadgePrint>{p});
        QCOMPARE(page.size(), 1);
        QCOMPARE(page.deviceNames.value(u"dev-1"_s), u"Door 1"_s);
        QJsonObject broken = change;
        broken.remove("device_id"_L1);
        QVERIFY(!Protocol::fromJson(Protocol::feedPage(QJsonArray{broken}, u"0.5"_s, false), &page, &problem,
                                    &error));
        QCOMPARE(problem, Protocol::PageProblem::Print);
        // Batches and results.
        QJsonArray items;
        QVERIFY(!Protocol::readPrintBatch(Protocol::printBatch({}), &items, &error));
        QVERIFY(Protocol::readPrintBatch(Protocol::printBatch({upload}), &items, &error));
        QCOMPARE(items.size(), 1);
        const QList<Protocol::PrintResult> results = Protocol::readPrintResults(QJsonObject{
            {"results"_L1, QJsonArray{Protocol::toJson(Protocol::PrintResult{p.id, true, {}}),
                                      Protocol::toJson(Protocol::PrintResult{p.id, false, u"id_reused"_s}),
                                      QJsonObject{{"id"_L1, u"junk"_s}, {"status"_L1, u"stored"_s}}}}});
        QCOMPARE(results, (QList<Protocol::PrintResult>{{p.id, true, {}}, {p.id, false, u"id_reused"_s}}));
    }

    void mutationsNeverCrash()
    {
        QRandomGenerator rng(99);
        const QList<QJsonValue> values{QJsonValue(),
                                       QJsonValue(QJsonValue::Undefined),
                                       true,
                                       0,
                                       -1.5,
                                       1e300,
                                       QString(),
                                       u"x"_s,
                                       QString(600, u'y'),
                                       QJsonArray{1, 2},
                                       QJsonObject{{"a"_L1, 1}},
                                       u"2026-06-01T09:12:03Z"_s,
                                       u"1.2"_s,
                                       hash64};
        const QJsonObject bases[] = {validEntry, validAttendee, QJsonObject{{"name"_L1, u"E"_s}},
                                     walkInEntry};
        for (int i = 0; i < 8000; ++i) {
            QJsonObject json = bases[i % 4];
            QStringList keys = json.keys() + QStringList{u"ref"_s, u"code_hash"_s, u"status"_s, u"walk_in"_s};
            // Now and then a field of the walk-in rather than of the item.
            QJsonObject person = json[u"walk_in"].toObject();
            const bool inside = json.contains(u"walk_in") && rng.bounded(2);
            if (inside)
                keys = person.keys() + QStringList{u"first_name"_s, u"last_name"_s};
            for (int n = rng.bounded(1, 4); n > 0; --n) {
                const QString key = keys[rng.bounded(int(keys.size()))];
                const QJsonValue value = values[rng.bounded(int(values.size()))];
                QJsonObject &target = inside ? person : json;
                if (value.isUndefined())
                    target.remove(key);
                else
                    target.insert(key, value);
            }
            if (inside)
                json.insert(u"walk_in"_s, person);
            CheckIn c;
            Classification cls;
            Attendee a;
            Event e;
            CheckInResult r;
            QString code;
            auto answers = [](auto parse) {
                QString error;
                return parse(&error) || !error.isEmpty();
            };
            QVERIFY(answers([&](QString *error) { return Protocol::fromUploadJson(json, &c, error); }));
            QVERIFY(
                answers([&](QString *error) { return Protocol::fromUploadJson(json, &a, &code, error); }));
            QVERIFY(answers([&](QString *error) { return Protocol::fromJson(json, &e, error); }));
            QVERIFY(answers([&](QString *error) { return Protocol::fromJson(json, &r, error); }));
            QVERIFY(answers([&](QString *error) { return Protocol::fromChangeJson(json, &a, error); }));
            QVERIFY(answers([&](QString *error) { return Protocol::fromChangeJson(json, &c, &cls, error); }));
            if (Protocol::fromUploadJson(json, &c, nullptr)) {
                std::optional<WalkIn> walkIn;
                QVERIFY(
                    answers([&](QString *error) { return Protocol::readWalkIn(json, c, &walkIn, error); }));
            }
        }
    }

private:
    // Runs the current data row: the parser for T refuses it with a message naming the field.
    template<typename T> void expectError()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        T out;
        const T before = out;
        QString error;
        bool ok = false;
        if constexpr (std::is_same_v<T, Event>)
            ok = Protocol::fromJson(json, &out, &error);
        else if constexpr (std::is_same_v<T, Attendee>)
            ok = Protocol::fromUploadJson(json, &out, nullptr, &error);
        else
            ok = Protocol::fromUploadJson(json, &out, &error);
        QVERIFY(!ok);
        QVERIFY2(error.contains(field), qPrintable(u"message: "_s + error));
        QVERIFY(out == before); // untouched on failure
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
