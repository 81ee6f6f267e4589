// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The conflict rules of docs/kiosk-core.md, row by row, and order independence of the derivation.
#include "CheckInRules.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace checkin;

namespace {

CheckIn make(const QString &id, CheckInKind kind, qint64 ms, const QString &device = QStringLiteral("door-a"),
             quint16 counter = 0)
{
    CheckIn c;
    c.id = id;
    c.eventId = QStringLiteral("ev");
    c.attendeeId = QStringLiteral("att-1");
    c.kind = kind;
    c.atMs = ms;
    c.hlc = Hlc{ms, counter};
    c.deviceId = device;
    return c;
}

CheckIn entry(const QString &id, qint64 ms, const QString &device = QStringLiteral("door-a"))
{
    return make(id, CheckInKind::Entry, ms, device);
}

CheckIn exitAt(const QString &id, qint64 ms, const QString &device = QStringLiteral("door-a"))
{
    return make(id, CheckInKind::Exit, ms, device);
}

CheckIn undoOf(const QString &id, const QString &target, qint64 ms)
{
    CheckIn c = make(id, CheckInKind::Undo, ms);
    c.ref = target;
    return c;
}

Attendee valid()
{
    Attendee a;
    a.id = QStringLiteral("att-1");
    a.firstName = QStringLiteral("Anna");
    a.lastName = QStringLiteral("Müller");
    return a;
}

Attendee cancelledAt(qint64 ms)
{
    Attendee a = valid();
    a.status = TicketStatus::Cancelled;
    a.cancelledAtMs = ms;
    return a;
}

} // namespace

class TestCheckInRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // entry | outside -> accepted
    void entryWhenOutsideIsAccepted()
    {
        const Attendee a = valid();
        const Derivation d = derive(&a, {entry(QStringLiteral("e1"), 100)});
        QCOMPARE(d.byId[QStringLiteral("e1")].status, CheckInStatus::Accepted);
        QVERIFY(d.state.inside);
        QCOMPARE(d.state.entryId, QStringLiteral("e1"));
        QCOMPARE(d.state.sinceMs, 100);
        QCOMPARE(d.state.deviceId, QStringLiteral("door-a"));
        QCOMPARE(d.state.entries, 1);
    }

    // entry | inside -> duplicate, refers to the first entry
    void entryWhenInsideIsDuplicateOfTheFirst()
    {
        const Attendee a = valid();
        const Derivation d = derive(&a, {entry(QStringLiteral("e2"), 200, QStringLiteral("door-b")),
                                         entry(QStringLiteral("e1"), 100, QStringLiteral("door-a"))});
        QCOMPARE(d.byId[QStringLiteral("e1")].status, CheckInStatus::Accepted);
        const Classification dup = d.byId[QStringLiteral("e2")];
        QCOMPARE(dup.status, CheckInStatus::Duplicate);
        QCOMPARE(dup.reason, QStringLiteral("already_inside"));
        QCOMPARE(dup.first, QStringLiteral("e1"));
        QCOMPARE(d.state.duplicates, 1);
        QCOMPARE(d.state.entryId, QStringLiteral("e1"));
    }

    // exit | inside -> accepted
    void exitWhenInsideIsAccepted()
    {
        const Attendee a = valid();
        const Derivation d =
            derive(&a, {entry(QStringLiteral("e1"), 100), exitAt(QStringLiteral("x1"), 200)});
        QCOMPARE(d.byId[QStringLiteral("x1")].status, CheckInStatus::Accepted);
        QVERIFY(!d.state.inside);
        QCOMPARE(d.state.lastCheckInId, QStringLiteral("x1"));
    }

    // exit | outside -> duplicate exit
    void exitWhenOutsideIsDuplicateExit()
    {
        const Attendee a = valid();
        const Derivation d = derive(&a, {entry(QStringLiteral("e1"), 100), exitAt(QStringLiteral("x1"), 200),
                                         exitAt(QStringLiteral("x2"), 300, QStringLiteral("door-b"))});
        const Classification dup = d.byId[QStringLiteral("x2")];
        QCOMPARE(dup.status, CheckInStatus::Duplicate);
        QCOMPARE(dup.reason, QStringLiteral("not_inside"));
        QCOMPARE(dup.first, QStringLiteral("x1"));
        const Derivation never = derive(&a, {exitAt(QStringLiteral("x0"), 50)});
        QCOMPARE(never.byId[QStringLiteral("x0")].status, CheckInStatus::Duplicate);
        QVERIFY(never.byId[QStringLiteral("x0")].first.isEmpty());
    }

    // undo(x) | any -> x no longer counts; the walk is recomputed
    void undoRemovesTheCheckInAndTheWalkIsRecomputed()
    {
        const Attendee a = valid();
        const QList<CheckIn> all{entry(QStringLiteral("e1"), 100, QStringLiteral("door-a")),
                                 entry(QStringLiteral("e2"), 200, QStringLiteral("door-b")),
                                 undoOf(QStringLiteral("u1"), QStringLiteral("e1"), 300)};
        const Derivation d = derive(&a, all);
        QVERIFY(d.byId[QStringLiteral("e1")].undone);
        QCOMPARE(d.byId[QStringLiteral("e1")].undoneBy, QStringLiteral("u1"));
        QCOMPARE(d.byId[QStringLiteral("u1")].status, CheckInStatus::Accepted);
        // e2 was a duplicate of e1; with e1 undone it is the entry that counts.
        QCOMPARE(d.byId[QStringLiteral("e2")].status, CheckInStatus::Accepted);
        QVERIFY(d.state.inside);
        QCOMPARE(d.state.entryId, QStringLiteral("e2"));
        QCOMPARE(d.state.deviceId, QStringLiteral("door-b"));
        QCOMPARE(d.state.duplicates, 0);
    }

    void undoOfTheOnlyEntryLeavesThemOutside()
    {
        const Attendee a = valid();
        const Derivation d = derive(
            &a, {entry(QStringLiteral("e1"), 100), undoOf(QStringLiteral("u1"), QStringLiteral("e1"), 150)});
        QVERIFY(!d.state.inside);
        QCOMPARE(d.state.entries, 0);
    }

    void undoOfSomethingUnknownIsRejected()
    {
        const Attendee a = valid();
        const Derivation d = derive(&a, {undoOf(QStringLiteral("u1"), QStringLiteral("nope"), 100),
                                         undoOf(QStringLiteral("u2"), QStringLiteral("u1"), 200)});
        QCOMPARE(d.byId[QStringLiteral("u1")].status, CheckInStatus::Rejected);
        QCOMPARE(d.byId[QStringLiteral("u1")].reason, QStringLiteral("undo_target_unknown"));
        QCOMPARE(d.byId[QStringLiteral("u2")].status, CheckInStatus::Rejected); // undo of an undo
    }

    void secondUndoOfTheSameCheckInIsDuplicate()
    {
        const Attendee a = valid();
        const Derivation d = derive(&a, {entry(QStringLiteral("e1"), 100),
                                         undoOf(QStringLiteral("u1"), QStringLiteral("e1"), 200),
                                         undoOf(QStringLiteral("u2"), QStringLiteral("e1"), 300)});
        QCOMPARE(d.byId[QStringLiteral("u1")].status, CheckInStatus::Accepted);
        QCOMPARE(d.byId[QStringLiteral("u2")].status, CheckInStatus::Duplicate);
        QCOMPARE(d.byId[QStringLiteral("e1")].undoneBy, QStringLiteral("u1"));
    }

    // entry | ticket cancelled before this check-in's time -> conflict, needs review
    void entryAfterCancellationIsConflict()
    {
        const Attendee a = cancelledAt(150);
        const Derivation d = derive(&a, {entry(QStringLiteral("e1"), 200)});
        QCOMPARE(d.byId[QStringLiteral("e1")].status, CheckInStatus::Conflict);
        QCOMPARE(d.byId[QStringLiteral("e1")].reason, QStringLiteral("cancelled"));
        QVERIFY(d.state.inside); // they are in the building all the same
        QCOMPARE(d.state.conflicts, 1);
    }

    void entryBeforeCancellationStaysAccepted()
    {
        const Attendee a = cancelledAt(150);
        const Derivation d = derive(&a, {entry(QStringLiteral("e1"), 100)});
        QCOMPARE(d.byId[QStringLiteral("e1")].status, CheckInStatus::Accepted);
    }

    // any | unknown ticket / attendee -> rejected, kept for audit
    void anythingForAnUnknownAttendeeIsRejected()
    {
        const Derivation d =
            derive(nullptr, {entry(QStringLiteral("e1"), 100), exitAt(QStringLiteral("x1"), 200),
                             undoOf(QStringLiteral("u1"), QStringLiteral("e1"), 300)});
        for (const QString &id : {QStringLiteral("e1"), QStringLiteral("x1"), QStringLiteral("u1")}) {
            QCOMPARE(d.byId[id].status, CheckInStatus::Rejected);
            QCOMPARE(d.byId[id].reason, QStringLiteral("unknown_attendee"));
        }
        QVERIFY(!d.state.inside);
    }

    // A late upload with an earlier HLC changes which entry is first.
    void lateEarlierEntryBecomesTheFirst()
    {
        const Attendee a = valid();
        const CheckIn late = entry(QStringLiteral("late"), 100, QStringLiteral("door-b"));
        const CheckIn known = entry(QStringLiteral("known"), 200, QStringLiteral("door-a"));
        Derivation before = derive(&a, {known});
        QCOMPARE(before.byId[QStringLiteral("known")].status, CheckInStatus::Accepted);
        Derivation after = derive(&a, {known, late});
        QCOMPARE(after.byId[QStringLiteral("late")].status, CheckInStatus::Accepted);
        QCOMPARE(after.byId[QStringLiteral("known")].status, CheckInStatus::Duplicate);
        QCOMPARE(after.byId[QStringLiteral("known")].first, QStringLiteral("late"));
    }

    void equalTimesAreOrderedByDeviceThenId()
    {
        const Attendee a = valid();
        const Derivation d = derive(&a, {entry(QStringLiteral("z"), 100, QStringLiteral("door-a")),
                                         entry(QStringLiteral("a"), 100, QStringLiteral("door-b")),
                                         entry(QStringLiteral("b"), 100, QStringLiteral("door-a"))});
        QCOMPARE(d.state.entryId, QStringLiteral("b")); // door-a before door-b; "b" before "z"
    }

    // Every permutation of the same set of check-ins derives the same state.
    void orderOfArrivalDoesNotMatter()
    {
        std::mt19937 random(20261126);
        const QStringList devices{QStringLiteral("door-a"), QStringLiteral("door-b"),
                                  QStringLiteral("door-c")};
        for (int round = 0; round < 60; ++round) {
            QList<CheckIn> set;
            const int n = 3 + int(random() % 5); // up to 7 check-ins: all 5040 orders
            for (int i = 0; i < n; ++i) {
                const QString id = QStringLiteral("c%1").arg(i);
                const int what = int(random() % 10);
                const qint64 ms = 100 + qint64(random() % 6) * 10; // many ties on purpose
                const QString device = devices[int(random() % 3)];
                if (what < 5)
                    set.append(make(id, CheckInKind::Entry, ms, device, quint16(random() % 2)));
                else if (what < 8)
                    set.append(make(id, CheckInKind::Exit, ms, device, quint16(random() % 2)));
                else if (i > 0)
                    set.append(undoOf(id, QStringLiteral("c%1").arg(random() % i), ms + 5));
                else
                    set.append(make(id, CheckInKind::Entry, ms, device));
            }
            const Attendee a = round % 3 == 0 ? cancelledAt(125) : valid();
            const Derivation expected = derive(&a, set);
            std::sort(set.begin(), set.end(), [](const CheckIn &x, const CheckIn &y) { return x.id < y.id; });
            int permutations = 0;
            do {
                QCOMPARE(derive(&a, set), expected);
                ++permutations;
            } while (std::next_permutation(set.begin(), set.end(),
                                           [](const CheckIn &x, const CheckIn &y) { return x.id < y.id; }));
            QVERIFY(permutations >= 6);
        }
    }

    void decideAtTheDoor_data()
    {
        QTest::addColumn<int>("situation");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("forced");
        QTest::addColumn<int>("verdict");
        QTest::addColumn<bool>("record");
        enum { Outside, Inside, Cancelled, Unknown };
        const int entryKind = int(CheckInKind::Entry);
        const int exitKind = int(CheckInKind::Exit);
        QTest::newRow("entry outside")
            << int(Outside) << entryKind << false << int(Verdict::Admitted) << true;
        QTest::newRow("entry inside")
            << int(Inside) << entryKind << false << int(Verdict::AlreadyInside) << false;
        QTest::newRow("entry inside forced")
            << int(Inside) << entryKind << true << int(Verdict::Admitted) << true;
        QTest::newRow("entry cancelled")
            << int(Cancelled) << entryKind << false << int(Verdict::Cancelled) << false;
        QTest::newRow("entry cancelled forced")
            << int(Cancelled) << entryKind << true << int(Verdict::Admitted) << true;
        QTest::newRow("entry unknown")
            << int(Unknown) << entryKind << false << int(Verdict::UnknownCode) << false;
        QTest::newRow("entry unknown forced")
            << int(Unknown) << entryKind << true << int(Verdict::Admitted) << true;
        QTest::newRow("exit inside") << int(Inside) << exitKind << false << int(Verdict::Exited) << true;
        QTest::newRow("exit outside")
            << int(Outside) << exitKind << false << int(Verdict::NotInside) << false;
    }

    void decideAtTheDoor()
    {
        QFETCH(int, situation);
        QFETCH(int, kind);
        QFETCH(bool, forced);
        QFETCH(int, verdict);
        QFETCH(bool, record);
        const Attendee ok = valid();
        const Attendee gone = cancelledAt(0);
        AttendeeState state;
        state.inside = situation == 1;
        const Attendee *who = situation == 3 ? nullptr : situation == 2 ? &gone : &ok;
        const Decision d = decide(who, state, CheckInKind(kind), forced, 1000);
        QCOMPARE(int(d.verdict), verdict);
        QCOMPARE(d.record, record);
    }

    void namesRoundTrip()
    {
        for (CheckInKind k : {CheckInKind::Entry, CheckInKind::Exit, CheckInKind::Undo}) {
            CheckInKind parsed;
            QVERIFY(parseCheckInKind(checkInKindName(k), &parsed));
            QCOMPARE(parsed, k);
        }
        for (CheckInStatus s : {CheckInStatus::Accepted, CheckInStatus::Duplicate, CheckInStatus::Conflict,
                                CheckInStatus::Rejected}) {
            CheckInStatus parsed;
            QVERIFY(parseCheckInStatus(checkInStatusName(s), &parsed));
            QCOMPARE(parsed, s);
        }
        CheckInKind k;
        QVERIFY(!parseCheckInKind(u"Entry", &k));
    }
};

QTEST_GUILESS_MAIN(TestCheckInRules)
#include "tst_checkinrules.moc"
