// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Check-in lists and their rules in the domain: the shared table of cases (tests/data/rule-cases.json)
// through decide() and derive(), then what the table does not say: order independence, rules that
// change after the fact, the words of a refusal, and the lists' JSON.
#include "CheckInListCsv.h"
#include "CheckInRules.h"
#include "Protocol.h"
#include "RuleCases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTest>

#include <algorithm>
#include <random>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;

namespace {

qint64 at(const char *iso)
{
    qint64 ms = 0;
    if (!Protocol::parseIsoTime(QString::fromLatin1(iso), &ms))
        qFatal("bad time %s", iso);
    return ms;
}

Attendee person(const QString &ticketType)
{
    Attendee a;
    a.id = QStringLiteral("att-1");
    a.eventId = QStringLiteral("ev");
    a.firstName = QStringLiteral("Anna");
    a.lastName = QStringLiteral("Berg");
    a.ticketType = ticketType;
    return a;
}

CheckIn checkIn(CheckInKind kind, qint64 ms, const QString &list, quint16 counter = 0,
                const QString &device = QStringLiteral("door-1"))
{
    CheckIn c;
    c.id = newCheckInId(ms);
    c.eventId = QStringLiteral("ev");
    c.attendeeId = QStringLiteral("att-1");
    c.kind = kind;
    c.atMs = ms;
    c.hlc = Hlc{ms, counter};
    c.deviceId = device;
    c.list = list == CheckInList::DefaultId ? QString() : list;
    return c;
}

CheckInList fridayDoor()
{
    CheckInList list;
    list.id = QStringLiteral("friday");
    list.name = QStringLiteral("Friday door");
    TicketTypeRule day{QStringLiteral("Day pass Friday"), {}};
    TimeWindow w;
    Protocol::parseLocalTime(u"2026-06-05T06:00", &w.from);
    Protocol::parseLocalTime(u"2026-06-05T23:59", &w.to);
    day.windows << w;
    list.ticketTypes << day << TicketTypeRule{QStringLiteral("Weekend"), {}};
    return list;
}

} // namespace

class TestCheckInLists : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY2(QTimeZone(QByteArrayLiteral("Europe/Berlin")).isValid(),
                 "the time zone database (tzdata) is missing");
    }

    void sharedTable_data()
    {
        QTest::addColumn<int>("index");
        RuleCaseTable table;
        QString error;
        QVERIFY2(loadRuleCases(&table, &error), qPrintable(error));
        QVERIFY(table.cases.size() >= 20);
        for (int i = 0; i < table.cases.size(); ++i)
            QTest::newRow(qPrintable(table.cases[i].name)) << i;
    }

    // Each step decided on the state the case's earlier steps left, then all recorded steps walked.
    void sharedTable()
    {
        QFETCH(int, index);
        RuleCaseTable table;
        QString error;
        QVERIFY2(loadRuleCases(&table, &error), qPrintable(error));
        const RuleCase &rc = table.cases[index];
        const RuleBook book(table.lists, table.timezone);
        Attendee a = person(rc.ticketType);
        if (rc.cancelledAtMs >= 0) {
            a.status = TicketStatus::Cancelled;
            a.cancelledAtMs = rc.cancelledAtMs;
        }
        QList<CheckIn> recorded;
        QHash<QString, const RuleCaseStep *> stepOf;
        for (int n = 0; n < rc.steps.size(); ++n) {
            const RuleCaseStep &step = rc.steps[n];
            const CheckInList *list = book.list(step.list);
            QVERIFY2(list, qPrintable(step.list));
            const AttendeeState state = derive(&a, recorded, &book, step.list).state;
            const Decision d = decide(&a, state, step.kind, step.forced, step.atMs, &book, list);
            const QString where = QStringLiteral("step %1").arg(n + 1);
            QCOMPARE(verdictName(d.verdict) + u' ' + where, step.verdict + u' ' + where);
            QCOMPARE(d.record, !step.status.isEmpty());
            if (!d.record) {
                QCOMPARE(d.refusal.reason(), step.reason);
                if (d.refusal)
                    QVERIFY(!RuleBook::describe(d.refusal).isEmpty());
                continue;
            }
            CheckIn c = checkIn(step.kind, step.atMs, step.list, quint16(n));
            c.forced = step.forced;
            recorded << c;
            stepOf.insert(c.id, &step);
        }
        const Derivation all = derive(&a, recorded, &book);
        for (const CheckIn &c : std::as_const(recorded)) {
            const RuleCaseStep &step = *stepOf.value(c.id);
            const Classification cls = all.byId.value(c.id);
            QCOMPARE(checkInStatusName(cls.status), step.status);
            QCOMPARE(cls.reason, step.reason);
        }
    }

    // Any order of the same check-ins on several lists gives the same result.
    void orderDoesNotMatter()
    {
        RuleCaseTable table;
        QString error;
        QVERIFY2(loadRuleCases(&table, &error), qPrintable(error));
        const RuleBook book(table.lists, table.timezone);
        const Attendee a = person(QStringLiteral("Workshop A"));
        std::mt19937 random(7);
        const QStringList lists{QStringLiteral("entrance"), QStringLiteral("workshop"),
                                QStringLiteral("museum"), QStringLiteral("hall"), QStringLiteral("dinner")};
        QList<CheckIn> checkIns;
        const qint64 start = at("2026-06-05T17:00:00.000+02:00");
        for (int i = 0; i < 60; ++i) {
            const auto kind = random() % 3 == 0 ? CheckInKind::Exit : CheckInKind::Entry;
            checkIns << checkIn(kind, start + qint64(random() % (8 * 3600)) * 1000,
                                lists[random() % lists.size()], quint16(i),
                                QStringLiteral("door-%1").arg(random() % 3));
        }
        const Derivation expected = derive(&a, checkIns, &book, u"workshop");
        QCOMPARE(expected.lists.size(), lists.size());
        for (int round = 0; round < 20; ++round) {
            std::shuffle(checkIns.begin(), checkIns.end(), random);
            QCOMPARE(derive(&a, checkIns, &book, u"workshop"), expected);
        }
        // The default list answers to "" and to its id alike.
        QCOMPARE(derive(&a, checkIns, &book, u"entrance").state, derive(&a, checkIns, &book).state);
    }

    // An entry right under the rules the door had is never refused afterwards: under rules changed
    // later it counts, flagged for review (a conflict), and nothing else about the walk changes.
    void rulesChangedAfterTheFact()
    {
        const qint64 saturday = at("2026-06-06T10:00:00.000+02:00");
        CheckInList open = fridayDoor();
        open.ticketTypes.clear(); // every type, any time
        const RuleBook before({open}, QStringLiteral("Europe/Berlin"));
        const RuleBook after({fridayDoor()}, QStringLiteral("Europe/Berlin"));
        const Attendee a = person(QStringLiteral("Day pass Friday"));
        const QList<CheckIn> checkIns{
            checkIn(CheckInKind::Entry, saturday, QStringLiteral("friday")),
            checkIn(CheckInKind::Exit, saturday + 60'000, QStringLiteral("friday"), 1)};
        const Derivation then = derive(&a, checkIns, &before, u"friday");
        const Derivation now = derive(&a, checkIns, &after, u"friday");
        QCOMPARE(then.byId.value(checkIns[0].id).status, CheckInStatus::Accepted);
        QCOMPARE(now.byId.value(checkIns[0].id).status, CheckInStatus::Conflict);
        QCOMPARE(now.byId.value(checkIns[0].id).reason, QStringLiteral("rule_type_window"));
        QCOMPARE(now.byId.value(checkIns[1].id).status, CheckInStatus::Accepted); // the exit still counts
        QCOMPARE(now.state.entries, 1);
        QCOMPARE(now.state.inside, false);
        // A list the book does not know (a door's list not synced yet) walks by the default rules.
        const RuleBook none;
        QCOMPARE(derive(&a, checkIns, &none, u"friday").byId.value(checkIns[0].id).status,
                 CheckInStatus::Accepted);
    }

    void refusalsInWords()
    {
        const RuleBook book({fridayDoor()}, QStringLiteral("Europe/Berlin"));
        const CheckInList *friday = book.list(u"friday");
        QVERIFY(friday);
        const RuleRefusal saturday = book.checkEntry(*friday, person(QStringLiteral("Day pass Friday")),
                                                     at("2026-06-06T10:12:00.000+02:00"));
        QCOMPARE(saturday.kind, RuleRefusal::TypeWindow);
        QCOMPARE(
            RuleBook::describe(saturday),
            QStringLiteral(
                "Day pass Friday is valid Fri 5 Jun 06:00\u201323:59 \u2014 now it is Sat 6 Jun 10:12."));
        const RuleRefusal type = book.checkEntry(*friday, person(QStringLiteral("Workshop A")), 0);
        QCOMPARE(RuleBook::describe(type), QStringLiteral("Workshop A is not admitted at Friday door."));
        const RuleRefusal none = book.checkEntry(*friday, person(QString()), 0);
        QCOMPARE(RuleBook::describe(none),
                 QStringLiteral("A ticket without a type is not admitted at Friday door."));

        TimeWindow night;
        Protocol::parseLocalTime(u"2026-06-05T18:00", &night.from);
        Protocol::parseLocalTime(u"2026-06-06T01:00", &night.to);
        QCOMPARE(RuleBook::describe(night), QStringLiteral("Fri 5 Jun 18:00 \u2013 Sat 6 Jun 01:00"));
        // Without lists every entry is welcome, and the default list has its name.
        const RuleBook empty;
        QCOMPARE(empty.list(u"")->name, QStringLiteral("Entrance"));
        QCOMPARE(empty.list(u"entrance")->id, QStringLiteral("entrance"));
        QCOMPARE(empty.list(u"workshop"), nullptr);
        // An unknown zone is UTC.
        QCOMPARE(RuleBook({}, QStringLiteral("Mars/Olympus")).zone(), QTimeZone::utc());
    }

    void listJson()
    {
        CheckInList list = fridayDoor();
        list.windows << list.ticketTypes[0].windows[0];
        list.entries = EntryLimit::OncePerDay;
        list.trackExit = false;
        list.question = QStringLiteral("Photo consent?");
        list.updatedAtMs = at("2026-06-01T08:00:00.000Z");
        CheckInList back;
        QString error;
        QVERIFY2(Protocol::fromJson(Protocol::toJson(list), &back, &error), qPrintable(error));
        QCOMPARE(back, list);
        QCOMPARE(
            Protocol::toJson(list).value(u"windows").toArray().at(0).toObject().value(u"from").toString(),
            QStringLiteral("2026-06-05T06:00"));
        QVERIFY(Protocol::fromChangeJson(Protocol::listChange(list), &back, &error));
        QCOMPARE(back, list);

        // A minimal list is the default list's rules under another name.
        QVERIFY(Protocol::fromJson(QJsonObject{{u"id"_s, u"side"_s}, {u"name"_s, u"Side door"_s}}, &back,
                                   &error));
        QCOMPARE(back.entries, EntryLimit::Unlimited);
        QVERIFY(back.trackExit);
        QVERIFY(back.admitsEveryType());

        const auto refused = [](const QJsonObject &json, const QString &words) {
            CheckInList l;
            QString why;
            if (Protocol::fromJson(json, &l, &why))
                return QStringLiteral("accepted");
            return why.contains(words) ? QString() : why;
        };
        const QJsonObject good = Protocol::toJson(fridayDoor());
        auto with = [&](const char *key, const QJsonValue &value) {
            QJsonObject json = good;
            json.insert(QLatin1String(key), value);
            return json;
        };
        QCOMPARE(refused(with("id", u"a b"_s), u"id must be"_s), QString());
        QCOMPARE(refused(with("name", u""_s), u"name is required"_s), QString());
        QCOMPARE(refused(with("name", u"Door\u0007"_s), u"control characters"_s), QString());
        QCOMPARE(refused(with("entries", u"twice"_s), u"entries must be"_s), QString());
        QCOMPARE(refused(with("track_exit", u"yes"_s), u"track_exit must be true or false"_s), QString());
        QCOMPARE(refused(with("windows", QJsonArray{QJsonObject{{u"from"_s, u"2026-06-05 06:00"_s},
                                                                {u"to"_s, u"2026-06-05T05:00"_s}}}),
                         u"\"from\" is after \"to\""_s),
                 QString());
        QCOMPARE(refused(with("windows", QJsonArray{QJsonObject{{u"from"_s, u"2026-06-05T06:00+02:00"_s},
                                                                {u"to"_s, u"2026-06-05T07:00"_s}}}),
                         u"no offset"_s),
                 QString());
        QCOMPARE(refused(with("windows", QJsonArray{QJsonObject{{u"from"_s, u"2026-02-30T06:00"_s},
                                                                {u"to"_s, u"2026-03-01T07:00"_s}}}),
                         u"windows[0]"_s),
                 QString());
        QCOMPARE(refused(with("ticket_types", QJsonArray{QJsonObject{{u"ticket_type"_s, u"A"_s}},
                                                         QJsonObject{{u"ticket_type"_s, u" a"_s}}}),
                         u"listed twice"_s),
                 QString());
        QJsonArray many;
        for (int i = 0; i <= CheckInList::MaxTicketTypes; ++i)
            many.append(QJsonObject{{u"ticket_type"_s, QString::number(i)}});
        QCOMPARE(refused(with("ticket_types", many), u"at most"_s), QString());
    }

    // The lead's spreadsheet: one list per row, windows and ticket types in the cells' own words.
    void listsFromASpreadsheet()
    {
        const QByteArray csv =
            "id;name;ticket_types;windows;entries;track_exit;question\r\n"
            "friday;Friday door;Day pass Friday [2026-06-05 06:00 - 23:59]; Weekend;;;;\r\n"
            "dinner;Friday dinner;;2026-06-05 18:00 \xe2\x80\x93 2026-06-06 01:00;once;no;Photo consent?\r\n"
            ";;;;;;\r\n"
            "hall;Main hall;\"Day pass Friday [2026-06-05 06:00-12:00, 2026-06-05 14:00-18:00]; "
            "Weekend\";;daily;yes;\r\n";
        // The ticket types cell with a ';' unquoted would split the row: the first row quotes nothing
        // and has its types in two cells, which the reader must refuse rather than guess.
        CheckInListCsv::Result read = CheckInListCsv::read(csv);
        QVERIFY(!read.ok());
        QVERIFY2(read.errors.join(u' ').contains(u"row 2"), qPrintable(read.errors.join(u' ')));

        const QByteArray good =
            "id,name,ticket_types,windows,entries,track_exit,question\n"
            "friday,Friday door,\"Day pass Friday [2026-06-05 06:00 - 23:59]; Weekend\",,,,\n"
            "dinner,Friday dinner,,2026-06-05 18:00 \xe2\x80\x93 2026-06-06 01:00,once,no,Photo consent?\n"
            ",,,,,,\n"
            "hall,Main hall,\"Day pass Friday [2026-06-05 06:00-12:00, 2026-06-05 14:00-18:00]; "
            "Weekend\",,daily,yes,\n";
        read = CheckInListCsv::read(good);
        QVERIFY2(read.ok(), qPrintable(read.errors.join(u'\n')));
        QCOMPARE(read.lists.size(), 3);
        CheckInList friday = fridayDoor();
        QCOMPARE(read.lists[0], friday);
        const CheckInList &dinner = read.lists[1];
        QCOMPARE(dinner.entries, EntryLimit::Once);
        QVERIFY(!dinner.trackExit);
        QCOMPARE(dinner.question, u"Photo consent?"_s);
        QCOMPARE(Protocol::localTimeText(dinner.windows.value(0).to), u"2026-06-06T01:00"_s);
        const CheckInList &hall = read.lists[2];
        QCOMPARE(hall.entries, EntryLimit::OncePerDay);
        QCOMPARE(hall.ticketTypes.value(0).windows.size(), 2);
        QCOMPARE(RuleBook::summary(dinner),
                 u"every ticket type \u00b7 open Fri 5 Jun 18:00 \u2013 Sat 6 Jun 01:00 "
                 "\u00b7 one entry \u00b7 no exits \u00b7 asks: Photo consent?"_s);

        // JSON as the protocol writes it reads back the same.
        QJsonArray json;
        for (const CheckInList &l : std::as_const(read.lists))
            json.append(Protocol::toJson(l));
        const CheckInListCsv::Result fromJson =
            CheckInListCsv::read(QJsonDocument(QJsonObject{{u"lists"_s, json}}).toJson());
        QVERIFY(fromJson.ok());
        QCOMPARE(fromJson.lists, read.lists);

        // Mistakes are named by row, and nothing is half read.
        const auto errors = [](const char *text) {
            return CheckInListCsv::read(QByteArray(text)).errors.join(u" | "_s);
        };
        QVERIFY(errors("id,name\nx,X\nx,Y\n").contains(u"row 3: the list x is on an earlier row too"_s));
        QVERIFY(errors("id,name,entries\nx,X,twice\n").contains(u"row 2: entries \"twice\""_s));
        QVERIFY(
            errors("id,name,windows\nx,X,tomorrow evening\n").contains(u"the window \"tomorrow evening\""_s));
        QVERIFY(errors("id,name,windows\nx,X,2026-06-05 18:00 - 2026-06-05 17:00\n").contains(u"row 2"_s));
        QVERIFY(errors("id,name,track_exit\nx,X,maybe\n").contains(u"track_exit \"maybe\""_s));
        QVERIFY(errors("name,entries\nX,once\n").contains(u"needs the columns id and name"_s));
        QVERIFY(errors("id,name\n").contains(u"no lists"_s));
        QVERIFY(errors("{\"lists\": [{\"id\": \"a b\"}]}").contains(u"list 1: id must be"_s));
        QVERIFY(errors("{\"lists\": ").contains(u"not valid JSON"_s));
        QVERIFY(!CheckInListCsv::read("id,name,ticket_types\nx,X,Weekend [2026-06-05 06:00]\n").ok());
    }

    // A check-in carries its list in the protocol; the default list is never written out.
    void checkInsCarryTheirList()
    {
        CheckIn c =
            checkIn(CheckInKind::Entry, at("2026-06-05T10:00:00.000+02:00"), QStringLiteral("workshop"));
        QJsonObject json = Protocol::toUploadJson(c);
        QCOMPARE(json.value(u"list").toString(), QStringLiteral("workshop"));
        QCOMPARE(Protocol::canonicalUploadJson(c), QJsonDocument(json).toJson(QJsonDocument::Compact));
        CheckIn back;
        QString error;
        QVERIFY2(Protocol::fromUploadJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back.list, QStringLiteral("workshop"));

        c.list.clear();
        json = Protocol::toUploadJson(c);
        QVERIFY(!json.contains(u"list"));
        QCOMPARE(Protocol::canonicalUploadJson(c), QJsonDocument(json).toJson(QJsonDocument::Compact));
        json.insert(u"list"_s, u"entrance"_s); // an explicit default is the default
        QVERIFY(Protocol::fromUploadJson(json, &back, &error));
        QCOMPARE(back.list, QString());
        json.insert(u"list"_s, u"no such/list"_s);
        QVERIFY(!Protocol::fromUploadJson(json, &back, &error));
        QVERIFY2(error.contains(u"list"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCheckInLists)
#include "tst_checkinlists.moc"
