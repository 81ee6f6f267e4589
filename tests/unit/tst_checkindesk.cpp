// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// CheckInDesk: verdicts for a person, overrides that need a note, undo of the last check-in.
#include "CheckInDesk.h"
#include "StoreFixture.h"

#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;

class TestCheckInDesk : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
    }
    void cleanup()
    {
        delete desk;
        delete f;
    }

    void answersAfterRecordingAndSignals()
    {
        QSignalSpy decided(desk, &CheckInDesk::decided);
        const ScanOutcome o = await(desk->scan(QStringLiteral("CODE-ANNA")));
        QCOMPARE(o.verdict, Verdict::Admitted);
        QCOMPARE(decided.size(), 1);
        QCOMPARE(desk->lastCheckInId(), o.checkInId);
        // Recorded before the answer: a second store on the same files sees it.
        LocalStore other(f->dir.path(), &f->clock);
        QVERIFY(await(other.open()).ok());
        QCOMPARE(await(other.stats()).checkIns, 1);
        QCOMPARE(CheckInDesk::describe(o), QStringLiteral("Admitted: Anna Müller (Full conference)."));
    }

    void refusalsSayWhatToDo()
    {
        await(desk->scan(QStringLiteral("CODE-ANNA")));
        const ScanOutcome again = await(desk->scan(QStringLiteral("CODE-ANNA")));
        QCOMPARE(again.verdict, Verdict::AlreadyInside);
        QVERIFY(CheckInDesk::describe(again).startsWith(QStringLiteral("Already checked in: Anna Müller")));
        QVERIFY(CheckInDesk::describe(again).contains(QStringLiteral(" at ")));
        const ScanOutcome cancelled = await(desk->scan(QStringLiteral("CODE-CANCELLED")));
        QVERIFY(CheckInDesk::describe(cancelled).contains(QStringLiteral("info desk")));
        const ScanOutcome unknown = await(desk->scan(QStringLiteral("???")));
        QVERIFY(CheckInDesk::describe(unknown).contains(QStringLiteral("search by name")));
        const ScanOutcome empty = await(desk->scan(QStringLiteral("   ")));
        QVERIFY(!empty.error.isEmpty());
        QVERIFY(!empty.recorded);
    }

    // A scanner set to the other keyboard layout: a US one on a German kiosk types "ß" for "-", a
    // German one on a US kiosk "/" (and Y and Z swapped, tst_ticketcode). The door finds them.
    void aScannerOnTheOtherLayoutIsUnderstood()
    {
        const ScanOutcome us = await(desk->scan(QStringLiteral("CODE\u00DFANNA")));
        QCOMPARE(us.verdict, Verdict::Admitted);
        QCOMPARE(us.attendee.attendee.lastName, QStringLiteral("Müller"));
        const ScanOutcome german = await(desk->scan(QStringLiteral("CODE/PETER")));
        QCOMPARE(german.verdict, Verdict::Admitted);
        QCOMPARE(german.attendee.attendee.firstName, QStringLiteral("Peter"));
        // The same person again by either reading: already inside.
        QCOMPARE(await(desk->scan(QStringLiteral("CODE-ANNA"))).verdict, Verdict::AlreadyInside);
        // Unknown in both readings stays unknown.
        QCOMPARE(await(desk->scan(QStringLiteral("CODE\u00DFNOBODY"))).verdict, Verdict::UnknownCode);
    }

    void overrideNeedsANote()
    {
        ScanRequest r;
        r.code = QStringLiteral("CODE-CANCELLED");
        QVERIFY(await(desk->force(r)).error.contains(QStringLiteral("note")));
        r.note = QString(CheckInDesk::MaxNoteLength + 1, QLatin1Char('x'));
        QVERIFY(await(desk->force(r)).error.contains(QStringLiteral("too long")));
        r.note = QStringLiteral("  refund pending, approved by Maria  ");
        const ScanOutcome o = await(desk->force(r));
        QCOMPARE(o.verdict, Verdict::Admitted);
        QVERIFY(o.forced);
        QVERIFY(CheckInDesk::describe(o).startsWith(QStringLiteral("Admitted by override")));
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns.at(0).checkIn.note, QStringLiteral("refund pending, approved by Maria"));
        QVERIFY(log.checkIns.at(0).checkIn.forced);
    }

    void undoLastUndoesOnlyThisDesksLastCheckIn()
    {
        QVERIFY(await(desk->undoLast()).error.contains(QStringLiteral("Nothing to undo")));
        await(desk->scan(QStringLiteral("CODE-ANNA")));
        const ScanOutcome jose = await(desk->scan(QStringLiteral("CODE-JOSE")));
        const ScanOutcome undone = await(desk->undoLast());
        QCOMPARE(undone.verdict, Verdict::Undone);
        QCOMPARE(undone.undoneCheckIn.checkIn.id, jose.checkInId);
        QVERIFY(desk->lastCheckInId().isEmpty());
        QVERIFY(CheckInDesk::describe(undone).contains(QStringLiteral("José García")));
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.inside, 1); // Anna still inside
        QCOMPARE(s.checkIns, 3);
    }

    // A walk-in: the verdict says so, and "Undo" takes back the entry (the person stays registered).
    // A walk-in's badge carries their id as its code: a scan of it stands for them. An id of
    // somebody on the list does not (list ids can be guessed), nor an id nobody has.
    void aWalkInsBadgeIsTheirTicket()
    {
        const ScanOutcome walkIn =
            await(desk->registerWalkIn(WalkIn{QStringLiteral("Ann"), QStringLiteral("Lee"), {}, {}}));
        QVERIFY2(walkIn.recorded, qPrintable(walkIn.error));
        const QString id = walkIn.attendee.attendee.id;
        const ScanOutcome badge = await(desk->scan(id));
        QCOMPARE(badge.verdict, Verdict::AlreadyInside);
        QCOMPARE(badge.attendee.attendee.id, id);
        QCOMPARE(await(f->store->attendeeByCode(id)).view.attendee.id, id);
        // Somebody on the list whose id (from the file's id column) is a UUID as well.
        AttendeeCsv::Row row =
            StoreFixture::row(9, QStringLiteral("Lia"), QStringLiteral("Listed"), QStringLiteral("CODE-LIA"));
        const QString listed = QStringLiteral("0b3c7a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
        row.externalId = listed;
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        rows << row;
        QVERIFY(await(f->store->importAttendees(rows, QStringLiteral("Konferenz"))).error.isEmpty());
        QCOMPARE(await(f->store->attendee(listed)).view.attendee.lastName, QStringLiteral("Listed"));
        QCOMPARE(await(desk->scan(listed)).verdict, Verdict::UnknownCode);
        QVERIFY(!await(f->store->attendeeByCode(listed)).found);
        QCOMPARE(await(desk->scan(QStringLiteral("CODE-LIA"))).verdict, Verdict::Admitted);
        QCOMPARE(await(desk->scan(QStringLiteral("5b3c7a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b"))).verdict,
                 Verdict::UnknownCode);
    }

    void walkInThenUndo()
    {
        QSignalSpy decided(desk, &CheckInDesk::decided);
        const ScanOutcome o = await(desk->registerWalkIn(
            WalkIn{QStringLiteral("Ann"), QStringLiteral("Lee"), {}, QStringLiteral("Day pass")}));
        QVERIFY2(o.recorded, qPrintable(o.error));
        QVERIFY(o.registered);
        QCOMPARE(decided.size(), 1);
        QCOMPARE(desk->lastCheckInId(), o.checkInId);
        QCOMPARE(CheckInDesk::describe(o),
                 QStringLiteral("Registered as a walk-in and admitted: Ann Lee (Day pass)."));
        const ScanOutcome undone = await(desk->undoLast());
        QCOMPARE(undone.verdict, Verdict::Undone);
        QCOMPARE(undone.undoneCheckIn.checkIn.id, o.checkInId);
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.attendees, 7);
        QCOMPARE(s.walkIns, 1);
        QCOMPARE(s.inside, 0);
        // Refused by the desk's own check: the store is not asked.
        const ScanOutcome empty =
            await(desk->registerWalkIn(WalkIn{QStringLiteral(" "), {}, QStringLiteral("Acme"), {}}));
        QCOMPARE(empty.error, QStringLiteral("Enter a first or last name."));
        QCOMPARE(await(f->store->stats()).attendees, 7);
        QVERIFY(desk->lastCheckInId().isEmpty());
    }

    void exitsByAttendee()
    {
        const SearchResult r = await(f->store->search(QStringLiteral("jos gar")));
        QCOMPARE(r.attendees.size(), 1);
        const QString id = r.attendees[0].attendee.id;
        QCOMPARE(await(desk->checkInAttendee(id)).verdict, Verdict::Admitted);
        const ScanOutcome out = await(desk->checkInAttendee(id, CheckInKind::Exit));
        QCOMPARE(out.verdict, Verdict::Exited);
        QVERIFY(CheckInDesk::describe(out).startsWith(QStringLiteral("Checked out")));
        QVERIFY(!await(desk->checkInAttendee(id, CheckInKind::Undo)).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCheckInDesk)
#include "tst_checkindesk.moc"
