// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What the door must know, end to end through a real checkin-server and two real kiosks: door notes
// chosen at the CSV upload, a pending payment, the list's question and its answer, an order
// checked in as a group at two doors at once, and paper-list ticks entered afterwards.
#include "AdminClient.h"
#include "CheckInDesk.h"
#include "LocalStore.h"
#include "Protocol.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestKiosk.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAdminToken = u"door-info-admin-token"_s;
const QString kEvent = u"ev-door"_s;

// An export as a lead would upload it: pretix-like headers, an order of three, a pending payment,
// two columns for the door.
const QByteArray kCsv = "Order code,Secret,First name,Last name,Product,Status,Allergies,Notes\n"
                        "ORD-7,FAM-1,Anna,Berger,Family,paid,nuts,\n"
                        "ORD-7,FAM-2,Ben,Berger,Family,paid,,wheelchair user\n"
                        "ORD-7,FAM-3,Clara,Berger,Family,paid,,\n"
                        "ORD-8,PEN-1,Dora,Krause,Regular,pending,,\n"
                        "ORD-9,SOLO-1,Emil,Lang,Regular,paid,,\n"
                        "ORD-10,PAP-1,Frida,Noll,Regular,paid,,\n";

using Kiosk = TestKiosk;

ScanOutcome scan(Kiosk *k, const QString &code, const QString &answer = {})
{
    ScanRequest r;
    r.code = code;
    r.answer = answer;
    r.orders = true;
    return await(k->desk.checkIn(r));
}

ScanOutcome checkInPerson(Kiosk *k, const QString &id, const QString &answer)
{
    ScanRequest r;
    r.attendeeId = id;
    r.answer = answer;
    return await(k->desk.checkIn(r));
}

} // namespace

class TestDoorInfo : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    ServerProcess m_server;
    AdminClient m_admin{{}, kAdminToken};
    ManualScheduler m_scheduler{QDateTime::currentMSecsSinceEpoch()};
    std::unique_ptr<Kiosk> m_door1;
    std::unique_ptr<Kiosk> m_door2;

    std::unique_ptr<Kiosk> enrolledKiosk(const QString &name)
    {
        auto k = TestKiosk::enrolled(&m_scheduler, m_server.url(), m_admin.enrolmentCode(kEvent), name,
                                     QDateTime::currentMSecsSinceEpoch());
        if (!await(k->store.chooseList(u"main"_s)).ok())
            qFatal("the list");
        return k;
    }

    void syncBoth()
    {
        for (int round = 0; round < 2; ++round) { // both deliver, then both hear the other's
            for (Kiosk *k : {m_door1.get(), m_door2.get()}) {
                const SyncEngine::Outcome synced = await(k->engine.runOnce());
                QVERIFY2(synced.ok(), qPrintable(synced.error));
            }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.adminToken = kAdminToken;
        options.logDir = m_serverDir.path();
        const QString error =
            m_server.start(QStringLiteral(CHECKIN_SERVER_PATH),
                           {u"--db"_s, u"sqlite:%1/server.sqlite"_s.arg(m_serverDir.path()), u"--data-dir"_s,
                            m_serverDir.path(), u"--device-rate"_s, u"1000"_s},
                           options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin.setBase(m_server.url());
        int status = 0;
        m_admin.call("POST", u"/api/v1/events"_s, {{"id"_L1, kEvent}, {"name"_L1, u"Door info"_s}}, &status);
        QCOMPARE(status, 201);
        CheckInList main;
        main.id = u"main"_s;
        main.name = u"Main door"_s;
        main.question = u"Photo consent?"_s;
        m_admin.call("POST", u"/api/v1/events/%1/lists"_s.arg(kEvent),
                     {{"lists"_L1, QJsonArray{Protocol::toJson(main)}}}, &status);
        QCOMPARE(status, 200);
        // A column the file does not have is named, and nothing is imported.
        QJsonObject answer =
            m_admin.call("POST", u"/api/v1/events/%1/attendees?attention=Allergy"_s.arg(kEvent), kCsv,
                         "text/csv", &status);
        QCOMPARE(status, 422);
        QVERIFY2(QJsonDocument(answer).toJson().contains("no column \\\"Allergy\\\""),
                 QJsonDocument(answer).toJson().constData());
        answer = m_admin.call(
            "POST", u"/api/v1/events/%1/attendees?attention=Allergies&door_note=notes"_s.arg(kEvent), kCsv,
            "text/csv", &status);
        QCOMPARE(status, 200);
        QCOMPARE(answer.value("inserted"_L1).toInt(), 6);
        m_door1 = enrolledKiosk(u"Door 1"_s);
        m_door2 = enrolledKiosk(u"Door 2"_s);
    }

    void cleanupTestCase()
    {
        m_door1.reset();
        m_door2.reset();
        QVERIFY(m_server.stop());
    }

    // The notes the lead chose reach the kiosks, marked as chosen; so do orders and payments.
    void notesOrdersAndPaymentsReachTheDoor()
    {
        AttendeeDetail detail = await(m_door1->store.attendeeByCode(u"FAM-1"_s));
        QVERIFY(detail.found);
        QCOMPARE(detail.view.attendee.orderCode, u"ORD-7"_s);
        QCOMPARE(detail.view.attendee.notes.size(), 1);
        QCOMPARE(detail.view.attendee.notes[0], (DoorNote{u"Allergies"_s, u"nuts"_s, true}));
        detail = await(m_door2->store.attendeeByCode(u"FAM-2"_s));
        QCOMPARE(detail.view.attendee.notes, (QList<DoorNote>{{u"Notes"_s, u"wheelchair user"_s, false}}));
        QVERIFY(!detail.view.attendee.needsAttention());
        detail = await(m_door2->store.attendeeByCode(u"PEN-1"_s));
        QVERIFY(detail.view.attendee.paymentPending);
        QVERIFY(!detail.view.attendee.isCancelled());
    }

    // A pending payment asks; nothing is recorded until a volunteer decides.
    void aPendingPaymentAsksFirst()
    {
        const ScanOutcome asked = scan(m_door1.get(), u"PEN-1"_s);
        QCOMPARE(asked.verdict, Verdict::PaymentPending);
        QVERIFY(!asked.recorded);
        QVERIFY(CheckInDesk::describe(asked).contains(u"Not paid yet"_s));
        ScanRequest anyway;
        anyway.code = u"PEN-1"_s;
        anyway.note = u"paid cash at the desk"_s;
        anyway.answer = u"no"_s;
        const ScanOutcome admitted = await(m_door1->desk.force(anyway));
        QCOMPARE(admitted.verdict, Verdict::Admitted);
        QVERIFY(admitted.recorded);
        QVERIFY(admitted.forced);
    }

    // The list's question: without an answer nothing is recorded; the answer travels with the
    // check-in to the server and the other door.
    void theAnswerIsRecordedAndSynced()
    {
        const ScanOutcome asked = scan(m_door1.get(), u"SOLO-1"_s);
        QCOMPARE(asked.verdict, Verdict::NeedsAnswer);
        QCOMPARE(asked.question, u"Photo consent?"_s);
        QVERIFY(!asked.recorded);
        QCOMPARE(await(m_door1->store.attendeeByCode(u"SOLO-1"_s)).history.size(), 0);
        const ScanOutcome answered = scan(m_door1.get(), u"SOLO-1"_s, u"yes"_s);
        QCOMPARE(answered.verdict, Verdict::Admitted);
        QVERIFY(answered.recorded);
        syncBoth();
        const QJsonObject onServer = m_admin.checkIns(kEvent).value(answered.checkInId);
        QCOMPARE(onServer.value("answer"_L1).toString(), u"yes"_s);
        const AttendeeDetail there = await(m_door2->store.attendeeByCode(u"SOLO-1"_s));
        QCOMPARE(there.history.size(), 1);
        QCOMPARE(there.history[0].checkIn.answer, u"yes"_s);
        QVERIFY(there.view.inside);
    }

    // The order's code offers its people; both doors check in the whole family at the same
    // time, offline. Once synced, each person has one entry that counts and one duplicate, the
    // same on the server and at both doors.
    void aGroupAtTwoDoorsAtOnce()
    {
        const ScanOutcome order = scan(m_door1.get(), u"ord-7"_s); // typed in lower case
        QCOMPARE(order.verdict, Verdict::Order);
        QVERIFY(!order.recorded);
        QCOMPARE(order.group.size(), 3);
        QStringList ids;
        for (const AttendeeView &v : order.group)
            ids << v.attendee.id;
        // One person's ticket offers the others.
        const ScanOutcome one = scan(m_door2.get(), u"FAM-2"_s);
        QCOMPARE(one.verdict, Verdict::NeedsAnswer);
        QCOMPARE(one.group.size(), 2);

        QHash<QString, QString> entries; // check-in id -> attendee
        for (Kiosk *k : {m_door1.get(), m_door2.get()}) {
            for (const QString &id : std::as_const(ids)) {
                const ScanOutcome out = checkInPerson(k, id, k == m_door1.get() ? u"yes"_s : u"no"_s);
                QCOMPARE(out.verdict, Verdict::Admitted);
                QVERIFY(out.recorded);
                entries.insert(out.checkInId, id);
            }
        }
        QCOMPARE(entries.size(), 6);
        syncBoth();

        const QHash<QString, QJsonObject> server = m_admin.checkIns(kEvent);
        QHash<QString, QStringList> statuses; // attendee -> statuses on the server
        for (auto it = entries.cbegin(); it != entries.cend(); ++it)
            statuses[it.value()] << server.value(it.key()).value("status"_L1).toString();
        for (const QString &id : std::as_const(ids)) {
            QStringList s = statuses.value(id);
            s.sort();
            QCOMPARE(s, (QStringList{u"accepted"_s, u"duplicate"_s}));
        }
        // Both doors say the same of every one of the six.
        for (Kiosk *k : {m_door1.get(), m_door2.get()}) {
            const LocalStore::Log log = await(k->store.checkInLog());
            int seen = 0;
            for (const CheckInRecord &r : log.checkIns) {
                if (!entries.contains(r.checkIn.id))
                    continue;
                ++seen;
                QCOMPARE(checkInStatusName(r.classification.status),
                         server.value(r.checkIn.id).value("status"_L1).toString());
            }
            QCOMPARE(seen, 6);
        }

        // The lead's counts by list: the family and everybody before them came in at the main door.
        const QJsonObject stats = m_admin.call("GET", u"/api/v1/events/%1/stats"_s.arg(kEvent), QByteArray());
        const QJsonArray lists = stats.value("lists"_L1).toArray();
        QCOMPARE(lists.size(), 2); // the default list first, then the event's own
        QCOMPARE(lists[0].toObject().value("id"_L1).toString(), u"entrance"_s);
        QCOMPARE(lists[0].toObject().value("entries"_L1).toInt(), 0);
        const QJsonObject main = lists[1].toObject();
        QCOMPARE(main.value("name"_L1).toString(), u"Main door"_s);
        QCOMPARE(main.value("people"_L1).toInt(), 5); // Dora, Emil and the three Bergers
        QCOMPARE(main.value("entries"_L1).toInt(), 5);
        QCOMPARE(main.value("duplicates"_L1).toInt(), 3);
    }

    // The door worked from paper for a while: a tick at 09:14 comes in after the tablet checked
    // the same person in at 09:20. The tick is where it happened: it counts, the later entry is
    // the duplicate, everywhere. The same tick entered again adds nothing.
    void paperTicksTakeTheirPlace()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const ScanOutcome tablet = scan(m_door2.get(), u"PAP-1"_s, u"yes"_s);
        QVERIFY(tablet.recorded);
        syncBoth();

        ScanRequest tick;
        tick.code = u"PAP-1"_s;
        tick.paper = true;
        tick.paperAtMs = now - 6 * 60'000;
        const ScanOutcome entered = await(m_door1->desk.checkIn(tick));
        QVERIFY2(entered.error.isEmpty(), qPrintable(entered.error));
        QVERIFY(entered.recorded);
        QCOMPARE(entered.classification.status, CheckInStatus::Accepted);
        const ScanOutcome again = await(m_door1->desk.checkIn(tick));
        QVERIFY(again.repeated);
        QVERIFY(!again.recorded);
        QCOMPARE(again.checkInId, entered.checkInId);
        tick.paperAtMs = now + 3600'000;
        QVERIFY(!await(m_door1->desk.checkIn(tick)).error.isEmpty()); // not in the future

        syncBoth();
        const QHash<QString, QJsonObject> server = m_admin.checkIns(kEvent);
        QCOMPARE(server.value(entered.checkInId).value("status"_L1).toString(), u"accepted"_s);
        QVERIFY(server.value(entered.checkInId).value("paper"_L1).toBool());
        QCOMPARE(server.value(tablet.checkInId).value("status"_L1).toString(), u"duplicate"_s);
        for (Kiosk *k : {m_door1.get(), m_door2.get()}) {
            const AttendeeDetail d = await(k->store.attendeeByCode(u"PAP-1"_s));
            QCOMPARE(d.history.size(), 2);
            QCOMPARE(d.history[0].checkIn.id, entered.checkInId);
            QVERIFY(d.history[0].checkIn.paper);
            QCOMPARE(d.history[0].classification.status, CheckInStatus::Accepted);
            QCOMPARE(d.history[1].classification.status, CheckInStatus::Duplicate);
        }
    }
};

QTEST_GUILESS_MAIN(TestDoorInfo)
#include "tst_doorinfo.moc"
