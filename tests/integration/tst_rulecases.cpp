// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// One rule book, two places: the shared table of cases (tests/data/rule-cases.json) run through a
// real kiosk (its store decides each step, offline, with the lists it got from the feed) and a real
// checkin-server (which classifies what the kiosk recorded), and both must say what the table says.
// Then the rules change while a kiosk is offline: what it admitted is never refused afterwards.
#include "AdminClient.h"
#include "CheckInDesk.h"
#include "LocalStore.h"
#include "Protocol.h"
#include "RuleCases.h"
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

const QString kAdminToken = u"rules-test-admin-token"_s;
const QString kEvent = u"ev-rules"_s;

QString caseAttendee(int n)
{
    return u"case-%1"_s.arg(n, 2, 10, QLatin1Char('0'));
}

// Each kiosk's clock is set by hand to each step's time.
using Kiosk = TestKiosk;

} // namespace

class TestRuleCases : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    ServerProcess m_server;
    AdminClient m_admin{{}, kAdminToken};
    ManualScheduler m_scheduler{QDateTime::currentMSecsSinceEpoch()};
    RuleCaseTable m_table;

    QJsonArray listsJson(const QList<CheckInList> &lists)
    {
        QJsonArray out;
        for (const CheckInList &l : lists)
            out.append(Protocol::toJson(l));
        return out;
    }

    // A Friday day pass holder added to the event; the HTTP status.
    int addDayPass(const QString &id, const QString &code, const QString &firstName)
    {
        int status = 0;
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent),
                     {{"attendees"_L1, QJsonArray{QJsonObject{{"id"_L1, id},
                                                              {"ticket_code"_L1, code},
                                                              {"first_name"_L1, firstName},
                                                              {"last_name"_L1, u"Late"_s},
                                                              {"ticket_type"_L1, u"Day pass Friday"_s},
                                                              {"status"_L1, u"valid"_s}}}}},
                     &status);
        return status;
    }

    std::unique_ptr<Kiosk> enrolledKiosk(const QString &name)
    {
        return TestKiosk::enrolled(&m_scheduler, m_server.url(), m_admin.enrolmentCode(kEvent), name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(loadRuleCases(&m_table, &error), qPrintable(error));
        ServerProcess::Options options;
        options.adminToken = kAdminToken;
        options.logDir = m_serverDir.path();
        error = m_server.start(QStringLiteral(CHECKIN_SERVER_PATH),
                               {u"--db"_s, u"sqlite:%1/server.sqlite"_s.arg(m_serverDir.path()),
                                u"--data-dir"_s, m_serverDir.path(), u"--device-rate"_s, u"1000"_s},
                               options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin.setBase(m_server.url());
        int status = 0;
        // The event starts before the table's first case (March 2026): the server believes the
        // doors' times from a day before the start (docs/protocol.md, "Ingest, exactly once").
        m_admin.call("POST", u"/api/v1/events"_s,
                     {{"id"_L1, kEvent},
                      {"name"_L1, u"Rules"_s},
                      {"timezone"_L1, m_table.timezone},
                      {"starts_at"_L1, u"2026-01-01T00:00:00.000Z"_s}},
                     &status);
        QCOMPARE(status, 201);
        const QJsonObject put = m_admin.call("POST", u"/api/v1/events/%1/lists"_s.arg(kEvent),
                                             {{"lists"_L1, listsJson(m_table.lists)}}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(put.value("inserted"_L1).toInt(), m_table.lists.size());
        QJsonArray people;
        for (int n = 0; n < m_table.cases.size(); ++n) {
            const RuleCase &rc = m_table.cases[n];
            QJsonObject a{{"id"_L1, caseAttendee(n)},
                          {"ticket_code"_L1, u"RULE-%1"_s.arg(n)},
                          {"first_name"_L1, u"Case"_s},
                          {"last_name"_L1, QString::number(n)},
                          {"ticket_type"_L1, rc.ticketType},
                          {"status"_L1, rc.cancelledAtMs >= 0 ? u"cancelled"_s : u"valid"_s}};
            if (rc.cancelledAtMs >= 0)
                a.insert("cancelled_at"_L1, Protocol::isoTime(rc.cancelledAtMs));
            people.append(a);
        }
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent), {{"attendees"_L1, people}},
                     &status);
        QCOMPARE(status, 200);
    }

    void cleanupTestCase() { QVERIFY(m_server.stop()); }

    // The lists reach the kiosk through the feed; the API answers them to a device and the lead.
    void listsReachTheKiosk()
    {
        auto k = enrolledKiosk(u"door-lists"_s);
        const ListsState lists = await(k->store.lists());
        QVERIFY2(lists.error.isEmpty(), qPrintable(lists.error));
        QCOMPARE(lists.timezone, m_table.timezone);
        QStringList ids;
        for (const CheckInList &l : lists.lists)
            ids << l.id;
        QStringList expected;
        for (const CheckInList &l : m_table.lists)
            expected << l.id;
        std::sort(expected.begin(), expected.end());
        expected.removeOne(u"entrance"_s);
        expected.prepend(u"entrance"_s); // the default list first
        QCOMPARE(ids, expected);
        QCOMPARE(lists.current, u"entrance"_s);
        const QJsonObject answer =
            m_admin.call("GET", u"/api/v1/events/%1/lists"_s.arg(kEvent), QByteArray());
        QCOMPARE(answer.value("lists"_L1).toArray().size(), m_table.lists.size());
        QCOMPARE(await(k->store.chooseList(u"no-such-list"_s)).error,
                 u"Rules has no check-in list \"no-such-list\"."_s);
        QVERIFY(await(k->store.chooseList(u"dinner"_s)).ok());
        QCOMPARE(await(k->store.stats()).listName, u"Friday dinner"_s);
    }

    void kioskAndServerAgree()
    {
        auto k = enrolledKiosk(u"door-1"_s);
        // expected classification of each recorded check-in, by id
        QHash<QString, QPair<QString, QString>> expected;
        QHash<QString, QString> where;
        for (int n = 0; n < m_table.cases.size(); ++n) {
            const RuleCase &rc = m_table.cases[n];
            for (int s = 0; s < rc.steps.size(); ++s) {
                const RuleCaseStep &step = rc.steps[s];
                const QString at = u"%1, step %2"_s.arg(rc.name).arg(s + 1);
                QVERIFY2(await(k->store.chooseList(step.list)).ok(), qPrintable(at));
                k->clock.set(step.atMs);
                ScanRequest request;
                request.attendeeId = caseAttendee(n);
                request.kind = step.kind;
                request.forced = step.forced;
                request.note = step.forced ? u"the rule case says so"_s : QString();
                const ScanOutcome out = step.forced
                                            ? await(k->desk.force(request))
                                            : await(k->desk.checkInAttendee(request.attendeeId, step.kind));
                QVERIFY2(out.error.isEmpty(), qPrintable(at + u": "_s + out.error));
                QCOMPARE(verdictName(out.verdict) + u" / "_s + at, step.verdict + u" / "_s + at);
                QCOMPARE(out.recorded, !step.status.isEmpty());
                if (!out.recorded) {
                    QCOMPARE(out.refusal.reason() + u" / "_s + at, step.reason + u" / "_s + at);
                    continue;
                }
                expected.insert(out.checkInId, {step.status, step.reason});
                where.insert(out.checkInId, at);
            }
        }
        int recordedSteps = 0;
        for (const RuleCase &rc : std::as_const(m_table.cases))
            recordedSteps += int(std::count_if(rc.steps.cbegin(), rc.steps.cend(),
                                               [](const RuleCaseStep &s) { return !s.status.isEmpty(); }));
        QCOMPARE(expected.size(), recordedSteps);

        // The kiosk's own classification, before and after the server has them.
        auto verifyKiosk = [&](const QString &when) {
            const LocalStore::Log log = await(k->store.checkInLog());
            int seen = 0;
            for (const CheckInRecord &r : log.checkIns) {
                if (!expected.contains(r.checkIn.id))
                    continue;
                ++seen;
                const auto [status, reason] = expected.value(r.checkIn.id);
                const QString at = where.value(r.checkIn.id) + u" (kiosk, "_s + when + u")"_s;
                QCOMPARE(checkInStatusName(r.classification.status) + u" " + at, status + u" " + at);
                QCOMPARE(r.classification.reason + u" " + at, reason + u" " + at);
            }
            QCOMPARE(seen, expected.size());
        };
        verifyKiosk(u"offline"_s);
        const SyncEngine::Outcome synced = await(k->engine.runOnce());
        QVERIFY2(synced.ok(), qPrintable(synced.error));
        QCOMPARE(await(k->store.syncState()).undelivered, 0);

        QString error;
        const QHash<QString, QJsonObject> server = m_admin.checkIns(kEvent, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QJsonObject c = server.value(it.key());
            const QString at = where.value(it.key()) + u" (server)"_s;
            QCOMPARE(c.value("status"_L1).toString() + u" " + at, it->first + u" " + at);
            QCOMPARE(c.value("reason"_L1).toString() + u" " + at, it->second + u" " + at);
            const QString list = c.value("list"_L1).toString();
            QVERIFY2(list != u"entrance"_s, "the default list is never written out");
        }
        verifyKiosk(u"after the sync"_s);
    }

    // The lead narrows a list while a door is offline. What the door admitted under the rules it
    // had still counts: flagged for review (a conflict), never refused; both sides agree, and the
    // door refuses by the new rules once it has them.
    void rulesChangeWhileADoorIsOffline()
    {
        auto k = enrolledKiosk(u"door-offline"_s);
        const CheckInList *hall = nullptr;
        for (const CheckInList &l : m_table.lists)
            hall = l.id == u"friday"_s ? &l : hall;
        QVERIFY(hall);
        int status = 0;
        // A person with a Friday day pass and a fresh list that admits them any day.
        CheckInList open = *hall;
        open.id = u"side"_s;
        open.name = u"Side door"_s;
        open.ticketTypes.clear();
        m_admin.call("POST", u"/api/v1/events/%1/lists"_s.arg(kEvent), {{"lists"_L1, listsJson({open})}},
                     &status);
        QCOMPARE(status, 200);
        QCOMPARE(addDayPass(u"late"_s, u"LATE-1"_s, u"Lena"_s), 200);
        QVERIFY(await(k->engine.runOnce()).ok());
        QVERIFY(await(k->store.chooseList(u"side"_s)).ok());

        // Offline from here: Saturday, the door admits her (its rules say any day).
        qint64 saturday = 0;
        QVERIFY(Protocol::parseIsoTime(u"2026-06-06T10:00:00.000+02:00", &saturday));
        k->clock.set(saturday);
        const ScanOutcome admitted = await(k->desk.scan(u"LATE-1"_s));
        QCOMPARE(admitted.verdict, Verdict::Admitted);
        QVERIFY(admitted.recorded);

        // Meanwhile the lead narrows the side door to the Friday door's rules.
        CheckInList narrowed = *hall;
        narrowed.id = u"side"_s;
        narrowed.name = u"Side door"_s;
        const QJsonObject put = m_admin.call("POST", u"/api/v1/events/%1/lists"_s.arg(kEvent),
                                             {{"lists"_L1, listsJson({narrowed})}}, &status);
        QCOMPARE(status, 200);
        QCOMPARE(put.value("updated"_L1).toInt(), 1);

        // The door comes back: its entry is stored, flagged, not refused; so it says too.
        QVERIFY(await(k->engine.runOnce()).ok());
        const QJsonObject onServer = m_admin.checkIns(kEvent).value(admitted.checkInId);
        QCOMPARE(onServer.value("status"_L1).toString(), u"conflict"_s);
        QCOMPARE(onServer.value("reason"_L1).toString(), u"rule_type_window"_s);
        QCOMPARE(onServer.value("list"_L1).toString(), u"side"_s);
        const AttendeeDetail detail = await(k->store.attendee(u"late"_s));
        QCOMPARE(detail.history.size(), 1);
        QCOMPARE(detail.history[0].classification.status, CheckInStatus::Conflict);
        QCOMPARE(detail.history[0].classification.reason, u"rule_type_window"_s);
        QVERIFY(detail.view.inside); // she is in, and stays in

        // A second Day pass holder on Saturday, now: refused by the new rule, in words.
        QCOMPARE(addDayPass(u"later"_s, u"LATE-2"_s, u"Leo"_s), 200);
        QVERIFY(await(k->engine.runOnce()).ok());
        const ScanOutcome refused = await(k->desk.scan(u"LATE-2"_s));
        QCOMPARE(refused.verdict, Verdict::NotAdmitted);
        QVERIFY(!refused.recorded);
        QCOMPARE(refused.refusal.kind, RuleRefusal::TypeWindow);
        QCOMPARE(refused.listName, u"Side door"_s);
    }

    // Bad lists are refused with a sentence, and nothing of the upload is kept.
    void badListsAreRefused()
    {
        int status = 0;
        QJsonObject answer = m_admin.call(
            "POST", u"/api/v1/events/%1/lists"_s.arg(kEvent),
            QByteArray("{\"lists\": [{\"id\": \"x\", \"name\": \"X\", \"entries\": \"twice\"}]}"),
            "application/json", &status);
        QCOMPARE(status, 400);
        QVERIFY(answer.value("error"_L1)
                    .toObject()
                    .value("message"_L1)
                    .toString()
                    .contains(u"entries must be"_s));
        answer = m_admin.call(
            "POST", u"/api/v1/events/%1/lists"_s.arg(kEvent),
            QByteArray("{\"lists\": [{\"id\": \"y\", \"name\": \"Y\"}, {\"id\": \"y\", \"name\": \"Z\"}]}"),
            "application/json", &status);
        QCOMPARE(status, 400);
        answer = m_admin.call("POST", u"/api/v1/events/%1/lists"_s.arg(kEvent), QByteArray("{\"lists\": []}"),
                              "application/json", &status);
        QCOMPARE(status, 400);
        const QJsonObject lists = m_admin.call("GET", u"/api/v1/events/%1/lists"_s.arg(kEvent), QByteArray());
        for (const QJsonValue &l : lists.value("lists"_L1).toArray())
            QVERIFY(l.toObject().value("id"_L1).toString() != u"y"_s);
        // An event without a zone: the answer warns that times are read as UTC.
        m_admin.call("POST", u"/api/v1/events"_s, {{"id"_L1, u"ev-nozone"_s}, {"name"_L1, u"No zone"_s}},
                     &status);
        QCOMPARE(status, 201);
        answer = m_admin.call("POST", u"/api/v1/events/ev-nozone/lists"_s,
                              {{"lists"_L1, listsJson(m_table.lists)}}, &status);
        QCOMPARE(status, 200);
        QVERIFY(answer.value("warnings"_L1).toArray().at(0).toString().contains(u"UTC"_s));
    }
};

QTEST_GUILESS_MAIN(TestRuleCases)
#include "tst_rulecases.moc"
