// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The parts behind the event lead's console that decide something on their own: the enrolment
// payload, CSV cells, the sign-in guard, a device's growing queue, and QR codes.
#include "ApiJson.h"
#include "CsvWriter.h"
#include "DeviceActivity.h"
#include "EnrolmentPayload.h"
#include "LiveTally.h"
#include "QrCode.h"
#include "SignInGuard.h"

#include <QTest>

using namespace checkin;
using namespace Qt::StringLiterals;

class TestConsoleParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void payloadRoundTrip()
    {
        const EnrolmentPayload out{{u"https://a.example:8443"_s, u"http://10.0.0.5:8080/base"_s},
                                   u"ABCD-2345"_s,
                                   u"conf 2026&x=1"_s};
        const QString text = out.toText();
        QVERIFY(text.startsWith("checkin:enrol?v=1&"_L1));
        QVERIFY2(!text.contains(u' '), qPrintable(text)); // one token for a scanner
        EnrolmentPayload in;
        QString error;
        QVERIFY2(EnrolmentPayload::parse(QString(u"  "_s + text + u"\n"_s), &in, &error), qPrintable(error));
        QCOMPARE(in.servers, out.servers);
        QCOMPARE(in.code, out.code);
        QCOMPARE(in.eventId, out.eventId);
    }

    void payloadErrorsSaySomething_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("not a payload") << u"https://checkin.example.org"_s << u"checkin:enrol?"_s;
        QTest::newRow("no version") << u"checkin:enrol?code=A&server=http%3A%2F%2Fa"_s << u"version"_s;
        QTest::newRow("newer") << u"checkin:enrol?v=2&code=A&server=http%3A%2F%2Fa"_s << u"newer"_s;
        QTest::newRow("no code") << u"checkin:enrol?v=1&server=http%3A%2F%2Fa"_s << u"one-time code"_s;
        QTest::newRow("no server") << u"checkin:enrol?v=1&code=A"_s << u"names no server"_s;
        QTest::newRow("not http") << u"checkin:enrol?v=1&code=A&server=ftp%3A%2F%2Fa"_s << u"http(s)"_s;
    }

    void payloadErrorsSaySomething()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        EnrolmentPayload p;
        QString error;
        QVERIFY(!EnrolmentPayload::parse(text, &p, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void looksLikePayloadIgnoresCase()
    {
        QVERIFY(EnrolmentPayload::looksLikePayload(u"CHECKIN:ENROL?v=1"_s));
        QVERIFY(!EnrolmentPayload::looksLikePayload(u"ABCD-2345"_s));
    }

    void csvCellsNeverRunAsFormulas_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("cell");
        QTest::newRow("plain") << u"Anna"_s << QByteArray("Anna");
        QTest::newRow("equals") << u"=1+1"_s << QByteArray("'=1+1");
        QTest::newRow("plus") << u"+49 30"_s << QByteArray("'+49 30");
        QTest::newRow("minus") << u"-2"_s << QByteArray("'-2");
        QTest::newRow("at") << u"@SUM(A1)"_s << QByteArray("'@SUM(A1)");
        QTest::newRow("tab") << u"\t=cmd"_s << QByteArray("'\t=cmd");
        QTest::newRow("carriage return") << u"\r=cmd"_s << QByteArray("\"'\r=cmd\"");
        QTest::newRow("line feed") << u"\n=cmd"_s << QByteArray("\"'\n=cmd\"");
        QTest::newRow("tab alone") << u"\tx"_s << QByteArray("'\tx");
        QTest::newRow("blanks before") << u"  =cmd"_s << QByteArray("'  =cmd");
        QTest::newRow("ideographic space before") << u"\u3000@x"_s << QByteArray("'\xe3\x80\x80@x");
        QTest::newRow("full-width equals") << u"\uff1dcmd"_s
                                           << QByteArray("'\xef\xbc\x9d"
                                                         "cmd");
        QTest::newRow("inner equals") << u"a=b"_s << QByteArray("a=b");
        QTest::newRow("blank only") << u"  "_s << QByteArray("  ");
        QTest::newRow("comma and quote") << u"a,\"b\""_s << QByteArray("\"a,\"\"b\"\"\"");
        QTest::newRow("umlaut") << u"Müller"_s << QByteArray("M\xc3\xbcller");
    }

    void csvCellsNeverRunAsFormulas()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, cell);
        QCOMPARE(CsvWriter::cell(value), cell);
    }

    void csvLine() { QCOMPARE(CsvWriter::line({u"a"_s, QString(), u"c d"_s}), QByteArray("a,,c d\r\n")); }

    void signInGuardLocksOutAfterFreeFailures()
    {
        SignInGuard guard;
        const QString a = u"10.0.0.1"_s;
        qint64 now = 1'000'000;
        for (int i = 0; i < SignInGuard::FreeFailures; ++i) {
            QCOMPARE(guard.waitSeconds(a, now), 0);
            guard.failed(a, now);
        }
        QCOMPARE(guard.waitSeconds(a, now), 0);
        guard.failed(a, now); // the first that costs: 1 s
        QCOMPARE(guard.waitSeconds(a, now), 1);
        QCOMPARE(guard.waitSeconds(u"10.0.0.2"_s, now), 0); // another address is not affected
        now += 1000;
        QCOMPARE(guard.waitSeconds(a, now), 0);
        guard.failed(a, now); // then 2 s, 4 s, ...
        QCOMPARE(guard.waitSeconds(a, now), 2);
        for (int i = 0; i < 30; ++i)
            guard.failed(a, now);
        QCOMPARE(guard.waitSeconds(a, now), int(SignInGuard::MaxLockMs / 1000));
        guard.succeeded(a);
        QCOMPARE(guard.waitSeconds(a, now), 0);
    }

    void queueGrowthNeedsAMinuteOfRisingReports()
    {
        DeviceActivity activity(1000, 1000);
        int retry = 0;
        const QString d = u"dev"_s;
        QList<DeviceInfo> devices{DeviceInfo{.id = d}};
        auto growing = [&] {
            activity.overlay(&devices);
            return devices[0].queueGrowing;
        };
        qint64 now = 10'000'000;
        for (int queue : {5, 6, 8}) {
            QVERIFY(activity.admit(d, now, {queue, {}, now + 1500}, &retry));
            now += 20'000;
        }
        QVERIFY(!growing()); // rising for 40 s only
        QVERIFY(activity.admit(d, now, {9, {}, -1}, &retry));
        QVERIFY(growing()); // rising over 60 s
        QCOMPARE(devices[0].clockOffsetMs.value_or(0), 1500);
        now += 20'000;
        QVERIFY(activity.admit(d, now, {3, {}, -1}, &retry)); // delivered: it went down
        QVERIFY(!growing());
        // Steady is not growing either.
        for (int i = 0; i < 10; ++i) {
            now += 20'000;
            QVERIFY(activity.admit(d, now, {3, {}, -1}, &retry));
        }
        QVERIFY(!growing());
    }

    void liveTallyFollowsChangesOfTheSameRows()
    {
        LiveTally tally;
        auto person = [](const QString &id, bool cancelled, const QString &walkInDevice = {}) {
            Change c;
            c.attendee.id = id;
            c.attendee.status = cancelled ? TicketStatus::Cancelled : TicketStatus::Valid;
            c.attendee.walkInCheckIn = walkInDevice.isEmpty() ? QString() : u"w-"_s + id;
            c.attendee.walkInDevice = walkInDevice;
            return c;
        };
        auto checkIn = [](const QString &id, const QString &device, CheckInKind kind, CheckInStatus status,
                          qint64 atMs, bool undone = false) {
            Change c;
            c.kind = Change::CheckIn;
            c.checkIn.id = id;
            c.checkIn.deviceId = device;
            c.checkIn.kind = kind;
            c.checkIn.atMs = atMs;
            c.classification.status = status;
            c.classification.undone = undone;
            return c;
        };
        const qint64 t = 1'800'000'000'000; // a multiple of five minutes
        tally.apply(person(u"a"_s, false));
        tally.apply(person(u"b"_s, false));
        tally.apply(person(u"w"_s, false, u"d2"_s));
        tally.apply(checkIn(u"1"_s, u"d1"_s, CheckInKind::Entry, CheckInStatus::Accepted, t));
        tally.apply(checkIn(u"2"_s, u"d2"_s, CheckInKind::Entry, CheckInStatus::Accepted, t + 6 * 60'000));
        tally.apply(checkIn(u"3"_s, u"d2"_s, CheckInKind::Entry, CheckInStatus::Duplicate, t + 7 * 60'000));
        LiveCounts c = tally.counts({}, 2);
        QCOMPARE(c.totals.attendees, 3);
        QCOMPARE(c.totals.walkIns, 1);
        QCOMPARE(c.totals.entries, 2);
        QCOMPARE(c.totals.duplicates, 1);
        QCOMPARE(c.totals.inside, 2);
        QCOMPARE(c.doors[u"d2"_s].walkIns, 1);
        QCOMPARE(c.doors[u"d2"_s].duplicates, 1);
        QCOMPARE(c.arrivals, (QList<QPair<qint64, int>>{{t, 1}, {t + 5 * 60'000, 1}}));

        // A late upload re-classifies: 2 becomes the duplicate, 3 the entry; then 1 is undone; b is
        // cancelled and an entry of theirs is a conflict.
        tally.apply(checkIn(u"2"_s, u"d2"_s, CheckInKind::Entry, CheckInStatus::Duplicate, t + 6 * 60'000));
        tally.apply(checkIn(u"3"_s, u"d2"_s, CheckInKind::Entry, CheckInStatus::Accepted, t + 7 * 60'000));
        tally.apply(checkIn(u"1"_s, u"d1"_s, CheckInKind::Entry, CheckInStatus::Accepted, t, true));
        tally.apply(person(u"b"_s, true));
        tally.apply(checkIn(u"4"_s, u"d1"_s, CheckInKind::Entry, CheckInStatus::Conflict, t + 60'000));
        tally.apply(checkIn(u"5"_s, u"d1"_s, CheckInKind::Undo, CheckInStatus::Duplicate, t + 61'000));
        c = tally.counts({}, 1);
        QCOMPARE(c.totals.attendees, 3);
        QCOMPARE(c.totals.cancelled, 1);
        QCOMPARE(c.totals.entries, 2);    // 3 and the conflicting 4
        QCOMPARE(c.totals.duplicates, 1); // 2 (an undo is not a duplicate)
        QCOMPARE(c.totals.conflicts, 1);
        QCOMPARE(c.doors[u"d1"_s].entries, 1);
        QCOMPARE(c.doors[u"d2"_s].entries, 1);
        QCOMPARE(c.arrivals, (QList<QPair<qint64, int>>{{t, 1}, {t + 5 * 60'000, 1}}));
    }

    void alertsForSilentDoorsAndGrowingQueues()
    {
        const qint64 now = 1'800'000'000'000;
        const qint64 minute = 60'000;
        const QList<DeviceInfo> devices{
            {.id = u"fresh"_s,
             .name = u"Door 1"_s,
             .createdAtMs = now - 10 * minute,
             .lastSeenMs = now - minute},
            {.id = u"silent"_s,
             .name = u"Door 2"_s,
             .createdAtMs = now - 10 * minute,
             .lastSeenMs = now - 2 * minute},
            {.id = u"never"_s, .name = u"Door 3"_s, .createdAtMs = now - 3 * minute},
            {.id = u"new"_s, .name = u"Door 4"_s, .createdAtMs = now - minute},
            {.id = u"revoked"_s,
             .name = u"Door 5"_s,
             .createdAtMs = now - 10 * minute,
             .revokedAtMs = now - 5 * minute},
            {.id = u"growing"_s,
             .name = u"Door 6"_s,
             .createdAtMs = now - 10 * minute,
             .lastSeenMs = now,
             .queue = 42,
             .queueGrowing = true},
        };
        const QJsonArray alerts = ApiJson::alerts(devices, now);
        QCOMPARE(alerts.size(), 3);
        QCOMPARE(alerts[0][u"kind"_s].toString(), u"silent"_s);
        QCOMPARE(alerts[0][u"name"_s].toString(), u"Door 2"_s);
        QCOMPARE(alerts[1][u"name"_s].toString(), u"Door 3"_s);
        QVERIFY(alerts[1][u"last_seen"_s].isNull()); // never heard from since its enrolment
        QCOMPARE(alerts[2][u"kind"_s].toString(), u"queue_growing"_s);
        QCOMPARE(alerts[2][u"queue"_s].toInt(), 42);
    }

    void qrCodeHasSquareModules()
    {
        const QrCode qr =
            QrCode::encode("checkin:enrol?v=1&event=conf&code=ABCD-2345&server=http%3A%2F%2F10.0.0.5%3A8080");
        QVERIFY(qr.size >= 21);
        QCOMPARE(qr.rows.size(), qr.size);
        for (const QByteArray &row : qr.rows) {
            QCOMPARE(row.size(), qr.size);
            QVERIFY(QByteArray(row).replace('0', "").replace('1', "").isEmpty());
        }
        // The finder pattern's top row: seven dark modules in the corner.
        QVERIFY(qr.rows[0].startsWith("1111111"));
        QVERIFY(QrCode::encode(QByteArray(4000, 'x')).isNull()); // too long for any QR code
    }
};

QTEST_GUILESS_MAIN(TestConsoleParts)
#include "tst_consoleparts.moc"
