// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// LocalStore: import, the check-in path with every verdict, search, persistence, schema guard.
#include "Protocol.h"
#include "StoreFixture.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace checkin;
using namespace checkin::test;

Q_DECLARE_METATYPE(checkin::WalkIn)

class TestLocalStore : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;

    ScanOutcome scan(const QString &code, CheckInKind kind = CheckInKind::Entry, bool forced = false)
    {
        ScanRequest r;
        r.code = code;
        r.kind = kind;
        r.forced = forced;
        r.note = forced ? QStringLiteral("override") : QString();
        return await(f->store->checkIn(r));
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        const ImportSummary s =
            await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Kirchentag")));
        QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
        QCOMPARE(s.inserted, 6);
    }
    void cleanup()
    {
        delete f;
        f = nullptr;
    }

    void importCountsAndActivatesTheEvent()
    {
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.event.name, QStringLiteral("Kirchentag"));
        QCOMPARE(s.attendees, 6);
        QCOMPARE(s.cancelled, 1);
        QCOMPARE(s.inside, 0);
        QCOMPARE(s.checkIns, 0);
        QVERIFY(!s.deviceId.isEmpty());
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        ImportSummary again = await(f->store->importAttendees(rows));
        QCOMPARE(again.inserted, 0);
        QCOMPARE(again.unchanged, 6);
        rows[0].company = QStringLiteral("Siemens Energy");
        rows.append(StoreFixture::row(8, QStringLiteral("Neu"), QStringLiteral("Person"),
                                      QStringLiteral("CODE-NEW")));
        again = await(f->store->importAttendees(rows));
        QCOMPARE(again.inserted, 1);
        QCOMPARE(again.updated, 1);
        QCOMPARE(again.unchanged, 5);
        QCOMPARE(await(f->store->stats()).attendees, 7);
    }

    void importIsAllOrNothing()
    {
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        rows[0].company = QStringLiteral("Changed");
        rows.append(
            StoreFixture::row(8, QStringLiteral("Eins"), QStringLiteral("Neu"), QStringLiteral("N1")));
        rows.append(
            StoreFixture::row(9, QStringLiteral("Zwei"), QStringLiteral("Neu"), QStringLiteral("N2")));
        rows[6].externalId = QStringLiteral("same");
        rows[7].externalId = QStringLiteral("same");
        ImportSummary s = await(f->store->importAttendees(rows));
        QVERIFY2(s.error.contains(QStringLiteral("Row 9")), qPrintable(s.error));
        QVERIFY(s.error.contains(QStringLiteral("row 8")));
        // A code that belongs to someone else is refused the same way.
        rows.removeLast();
        rows[6].ticketCode = QStringLiteral("CODE-JOSE");
        s = await(f->store->importAttendees(rows));
        QVERIFY2(s.error.contains(QStringLiteral("already belongs")), qPrintable(s.error));
        const SearchResult r = await(f->store->search(QStringLiteral("anna müller")));
        QCOMPARE(r.attendees.size(), 1);
        QCOMPARE(r.attendees[0].attendee.company, QStringLiteral("Siemens AG")); // unchanged
        QCOMPARE(await(f->store->stats()).attendees, 6);
    }

    void admitsOnceThenSaysAlreadyInside()
    {
        QSignalSpy recorded(f->store.get(), &LocalStore::checkInRecorded);
        const ScanOutcome first = scan(QStringLiteral("  CODE-ANNA\r\n")); // scanner suffix
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QCOMPARE(first.verdict, Verdict::Admitted);
        QVERIFY(first.recorded);
        QVERIFY(!first.checkInId.isEmpty());
        QCOMPARE(first.attendee.attendee.lastName, QStringLiteral("Müller"));
        QVERIFY(first.attendee.inside);

        f->clock.advance(60'000);
        const ScanOutcome second = scan(QStringLiteral("CODE-ANNA"));
        QCOMPARE(second.verdict, Verdict::AlreadyInside);
        QVERIFY(!second.recorded);
        QCOMPARE(second.attendee.insideSinceMs, f->clock.nowMs() - 60'000);
        QVERIFY(!second.attendee.insideDeviceName.isEmpty());

        QTRY_COMPARE(recorded.size(), 1);
        QCOMPARE(recorded.first().first().toString(), first.checkInId);
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.inside, 1);
        QCOMPARE(s.checkIns, 1);
        QCOMPARE(s.undelivered, 1);
        QCOMPARE(s.denied, 1); // the refused scan is kept for audit
    }

    void refusesCancelledAndUnknown()
    {
        QCOMPARE(scan(QStringLiteral("CODE-CANCELLED")).verdict, Verdict::Cancelled);
        const ScanOutcome unknown = scan(QStringLiteral("NO-SUCH-CODE"));
        QCOMPARE(unknown.verdict, Verdict::UnknownCode);
        QVERIFY(!unknown.hasAttendee);
        QCOMPARE(await(f->store->stats()).checkIns, 0);
    }

    void forcedAdmissionOfACancelledTicketIsAConflict()
    {
        const ScanOutcome forced = scan(QStringLiteral("CODE-CANCELLED"), CheckInKind::Entry, true);
        QCOMPARE(forced.verdict, Verdict::Admitted);
        QVERIFY(forced.forced);
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.conflicts, 1);
        QCOMPARE(s.inside, 1);
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns.size(), 1);
        QCOMPARE(log.checkIns[0].classification.status, CheckInStatus::Conflict);
        QCOMPARE(log.checkIns[0].checkIn.note, QStringLiteral("override"));
    }

    void forcedSecondEntryIsADuplicate()
    {
        const ScanOutcome first = scan(QStringLiteral("CODE-JOSE"));
        scan(QStringLiteral("CODE-JOSE"), CheckInKind::Entry, true);
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.duplicates, 1);
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns[1].classification.first, first.checkInId);
    }

    void forcedUnknownCodeIsKeptAsRejected()
    {
        const ScanOutcome o = scan(QStringLiteral("PAPER-TICKET-7"), CheckInKind::Entry, true);
        QCOMPARE(o.verdict, Verdict::Admitted);
        QVERIFY(o.recorded);
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns[0].classification.status, CheckInStatus::Rejected);
        QVERIFY(!log.checkIns[0].checkIn.codeHash.isEmpty());
    }

    void exitAndUndo()
    {
        QCOMPARE(scan(QStringLiteral("CODE-PETER"), CheckInKind::Exit).verdict, Verdict::NotInside);
        const ScanOutcome in = scan(QStringLiteral("CODE-PETER"));
        const ScanOutcome out = scan(QStringLiteral("CODE-PETER"), CheckInKind::Exit);
        QCOMPARE(out.verdict, Verdict::Exited);
        QVERIFY(!out.attendee.inside);
        // Undo the exit: inside again.
        const ScanOutcome undone = await(f->store->undo(out.checkInId));
        QVERIFY2(undone.error.isEmpty(), qPrintable(undone.error));
        QCOMPARE(undone.verdict, Verdict::Undone);
        QCOMPARE(undone.undoneCheckIn.checkIn.id, out.checkInId);
        QVERIFY(undone.attendee.inside);
        QCOMPARE(undone.attendee.insideSinceMs, f->clock.nowMs());
        // Undoing twice, an undo, or something unknown is refused with a reason.
        QVERIFY(await(f->store->undo(out.checkInId)).error.contains(QStringLiteral("already undone")));
        QVERIFY(!await(f->store->undo(undone.checkInId)).error.isEmpty());
        QVERIFY(await(f->store->undo(QStringLiteral("nope"))).error.contains(QStringLiteral("no check-in")));
        // Undo the entry: outside.
        const ScanOutcome undoEntry = await(f->store->undo(in.checkInId));
        QVERIFY(!undoEntry.attendee.inside);
        QCOMPARE(await(f->store->stats()).inside, 0);
    }

    void countsStayTrueBetweenRecounts()
    {
        // stats() keeps the attendee counts between calls; every kind of change must keep them
        // equal to a fresh count (a second store on the same files counts afresh).
        auto fresh = [&] {
            LocalStore other(f->dir.path(), &f->clock);
            await(other.open());
            return await(other.stats());
        };
        auto same = [&] {
            const StoreStats kept = await(f->store->stats());
            const StoreStats counted = fresh();
            return kept.attendees == counted.attendees && kept.cancelled == counted.cancelled &&
                   kept.inside == counted.inside;
        };
        QVERIFY(same());
        const ScanOutcome anna = scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(same());
        QCOMPARE(await(f->store->stats()).inside, 1);
        scan(QStringLiteral("CODE-ANNA")); // already inside: no change
        scan(QStringLiteral("CODE-PETER"));
        scan(QStringLiteral("CODE-PETER"), CheckInKind::Exit);
        QVERIFY(same());
        QCOMPARE(await(f->store->stats()).inside, 1);
        QVERIFY(await(f->store->undo(anna.checkInId)).error.isEmpty());
        QVERIFY(same());
        QCOMPARE(await(f->store->stats()).inside, 0);
        scan(QStringLiteral("CODE-CANCELLED"), CheckInKind::Entry, true); // forced: inside, a conflict
        QVERIFY(same());
        // A reimport that cancels a ticket changes the cancelled count.
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        QVERIFY(await(f->store->importAttendees(rows, QStringLiteral("Kirchentag"))).error.isEmpty());
        QVERIFY(same());
    }

    void checkInByAttendeeId()
    {
        const SearchResult r = await(f->store->search(QStringLiteral("walter")));
        QCOMPARE(r.attendees.size(), 1);
        ScanRequest req;
        req.attendeeId = r.attendees[0].attendee.id;
        const ScanOutcome o = await(f->store->checkIn(req));
        QCOMPARE(o.verdict, Verdict::Admitted);
        const AttendeeDetail d = await(f->store->attendee(req.attendeeId));
        QVERIFY(d.found);
        QVERIFY(d.view.inside);
        QCOMPARE(d.history.size(), 1);
        req.attendeeId = QStringLiteral("missing");
        QVERIFY(!await(f->store->checkIn(req)).error.isEmpty());
    }

    void wrongEventIsNamed()
    {
        const ImportSummary other = await(
            f->store->importAttendees({StoreFixture::row(2, QStringLiteral("Sunny"), QStringLiteral("Day"),
                                                         QStringLiteral("SUNDAY-1"))},
                                      QStringLiteral("Sunday service")));
        QVERIFY2(other.error.isEmpty(), qPrintable(other.error));
        QCOMPARE(await(f->store->stats()).event.name, QStringLiteral("Kirchentag")); // still the active one
        const ScanOutcome o = scan(QStringLiteral("SUNDAY-1"));
        QCOMPARE(o.verdict, Verdict::WrongEvent);
        QCOMPARE(o.otherEventName, QStringLiteral("Sunday service"));
        QVERIFY(!o.recorded);
    }

    void searchNarrowsByWords()
    {
        const SearchResult both = await(f->store->search(QStringLiteral("anna")));
        QCOMPARE(both.attendees.size(), 2);
        const SearchResult one = await(f->store->search(QStringLiteral("anna mül")));
        QCOMPARE(one.attendees.size(), 1);
        QCOMPARE(one.attendees[0].attendee.lastName, QStringLiteral("Müller"));
        const SearchResult muellers = await(f->store->search(QStringLiteral("Mueller")));
        QCOMPARE(muellers.attendees.size(), 2); // Müller and Mueller
        QCOMPARE(await(f->store->search(QStringLiteral("jose"))).attendees.size(), 1);
        QCOMPARE(await(f->store->search(QStringLiteral("sie"))).attendees.size(), 1); // company
        QCOMPARE(await(f->store->search(QStringLiteral("   "))).attendees.size(), 0);
        QCOMPARE(await(f->store->search(QStringLiteral("a"), 1)).attendees.size(), 1); // capped
    }

    void searchSeesAReimport()
    {
        QCOMPARE(await(f->store->search(QStringLiteral("zebra"))).attendees.size(), 0);
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        rows.append(
            StoreFixture::row(8, QStringLiteral("Zebra"), QStringLiteral("Streifen"), QStringLiteral("Z")));
        await(f->store->importAttendees(rows));
        QCOMPARE(await(f->store->search(QStringLiteral("zebra"))).attendees.size(), 1);
    }

    void everythingSurvivesAReopen()
    {
        const ScanOutcome in = scan(QStringLiteral("CODE-ANNA"));
        const QString device = await(f->store->stats()).deviceId;
        f->clock.set(f->clock.nowMs() - 3'600'000); // the wall clock goes back an hour
        f->reopen();
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.deviceId, device);
        QCOMPARE(s.inside, 1);
        QCOMPARE(scan(QStringLiteral("CODE-ANNA")).verdict, Verdict::AlreadyInside);
        const ScanOutcome later = scan(QStringLiteral("CODE-JOSE"));
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns.size(), 2);
        QCOMPARE(log.checkIns[0].checkIn.id, in.checkInId); // HLC order kept despite the clock
        QCOMPARE(log.checkIns[1].checkIn.id, later.checkInId);
        QVERIFY(log.checkIns[0].checkIn.hlc < log.checkIns[1].checkIn.hlc);
    }

    void usesWriteAheadLogging()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
        StoreFixture::useKioskDatabase(db, f->store->databasePath());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    }

    void twoProgramsOnOneDataDirectory()
    {
        // The kiosk app and checkinctl may work on one data dir at the same time.
        LocalStore second(f->dir.path(), &f->clock);
        QVERIFY(await(second.open()).ok());
        ScanRequest r;
        r.code = QStringLiteral("CODE-ANNA");
        QCOMPARE(await(second.checkIn(r)).verdict, Verdict::Admitted);
        QCOMPARE(scan(QStringLiteral("CODE-ANNA")).verdict, Verdict::AlreadyInside);
    }

    void refusesADatabaseFromANewerVersion()
    {
        const QString path = f->store->databasePath();
        f->store.reset();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            StoreFixture::useKioskDatabase(db, path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        LocalStore store(f->dir.path(), &f->clock);
        const StoreStatus status = await(store.open());
        QVERIFY(status.error.contains(QStringLiteral("newer version")));
    }

    void aBrokenFileOnAFreshDeviceLeavesNoTrace()
    {
        StoreFixture fresh;
        QVERIFY(fresh.open());
        const QByteArray broken = "First name,Last name,Ticket code\nAnna,Müller,A1\nBert,Brot,A1\n";
        const CsvImport result = await(fresh.store->importCsv(broken, QStringLiteral("Broken")));
        QVERIFY(!result.parsed.ok());
        QVERIFY(!result.summary.error.isEmpty());
        QCOMPARE(result.parsed.errors.first().row, 3);
        const StoreStats s = await(fresh.store->stats());
        QVERIFY(s.event.id.isEmpty()); // not even the event was created
        // The same file fixed imports, and the event exists only now.
        const CsvImport fixed = await(fresh.store->importCsv(
            QByteArray("First name,Last name,Ticket code\nAnna,Müller,A1\nBert,Brot,B2\n"),
            QStringLiteral("Fixed")));
        QVERIFY2(fixed.summary.error.isEmpty(), qPrintable(fixed.summary.error));
        QCOMPARE(fixed.summary.inserted, 2);
        QCOMPARE(await(fresh.store->stats()).event.name, QStringLiteral("Fixed"));
    }

    void aFileThatIsNotADatabaseIsNamed()
    {
        QTemporaryDir dir;
        QFile garbage(dir.filePath(QStringLiteral("kiosk.sqlite")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, '\x5a'));
        garbage.close();
        LocalStore store(dir.path(), &f->clock);
        const StoreStatus status = await(store.open());
        QVERIFY2(status.error.contains(QStringLiteral("not a kiosk database")), qPrintable(status.error));
    }

    // A walk-in: a new attendee and their entry in one go, found, counted and exported like anybody.
    void walkInIsRegisteredAndCheckedIn()
    {
        QVERIFY(await(f->store->search(QStringLiteral("lee"))).attendees.isEmpty()); // the index is built
        QSignalSpy recorded(f->store.get(), &LocalStore::checkInRecorded);
        const ScanOutcome o =
            await(f->store->registerWalkIn(WalkIn{QStringLiteral(" Ann "), QStringLiteral("Lee"),
                                                  QStringLiteral("Acme"), QStringLiteral("Day pass")}));
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.verdict, Verdict::Admitted);
        QVERIFY(o.recorded && o.registered && o.hasAttendee && !o.forced);
        const Attendee &a = o.attendee.attendee;
        QVERIFY2(Protocol::isCanonicalUuid(a.id), qPrintable(a.id));
        QCOMPARE(a.firstName, QStringLiteral("Ann"));
        QCOMPARE(a.lastName, QStringLiteral("Lee"));
        QCOMPARE(a.company, QStringLiteral("Acme"));
        QCOMPARE(a.ticketType, QStringLiteral("Day pass"));
        QVERIFY(a.codeHash.isEmpty() && !a.isCancelled());
        QCOMPARE(a.walkInCheckIn, o.checkInId);
        QVERIFY(o.attendee.inside);
        QTRY_COMPARE(recorded.size(), 1);
        QCOMPARE(recorded.constFirst().constFirst().toString(), o.checkInId);

        // Counted without a recount, and the same after one.
        StoreStats s = await(f->store->stats());
        QCOMPARE(s.attendees, 7);
        QCOMPARE(s.walkIns, 1);
        QCOMPARE(s.inside, 1);
        QCOMPARE(s.checkIns, 1);
        QCOMPARE(s.undelivered, 1);
        // Found by search at once (the index is updated, not rebuilt), and by company.
        SearchResult found = await(f->store->search(QStringLiteral("lee")));
        QCOMPARE(found.attendees.size(), 1);
        QCOMPARE(found.attendees[0].attendee.id, a.id);
        QVERIFY(found.attendees[0].attendee.isWalkIn());
        QCOMPARE(await(f->store->search(QStringLiteral("acme"))).attendees.size(), 1);
        // The card: inside, with the entry that registered them.
        const AttendeeDetail detail = await(f->store->attendee(a.id));
        QVERIFY(detail.found && detail.view.inside);
        QCOMPARE(detail.history.size(), 1);
        QVERIFY(detail.history[0].walkIn);
        // A second check-in is judged like anybody's.
        ScanRequest again;
        again.attendeeId = a.id;
        QCOMPARE(await(f->store->checkIn(again)).verdict, Verdict::AlreadyInside);
        // The log and the attendee list say which entry registered whom.
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns.size(), 1);
        QVERIFY(log.checkIns[0].walkIn);
        QCOMPARE(log.checkIns[0].attendeeName, QStringLiteral("Ann Lee"));
        int walkIns = 0;
        for (const AttendeeView &v : await(f->store->attendeeStates()).attendees)
            walkIns += v.attendee.isWalkIn() ? 1 : 0;
        QCOMPARE(walkIns, 1);

        f->reopen();
        s = await(f->store->stats());
        QCOMPARE(s.attendees, 7);
        QCOMPARE(s.walkIns, 1);
        QCOMPARE(s.inside, 1);
        found = await(f->store->search(QStringLiteral("ann lee")));
        QCOMPARE(found.attendees.size(), 1);
        QCOMPARE(found.attendees[0].attendee.walkInCheckIn, o.checkInId);
    }

    void walkInIsCheckedFirst_data()
    {
        QTest::addColumn<WalkIn>("walkIn");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no name") << WalkIn{{}, {}, QStringLiteral("Acme"), {}}
                                 << QStringLiteral("first or last name");
        QTest::newRow("blank") << WalkIn{QStringLiteral("  "), QStringLiteral("\u00a0"), {}, {}}
                               << QStringLiteral("first or last name");
        QTest::newRow("too long") << WalkIn{QString(201, u'a'), {}, {}, {}} << QStringLiteral("at most 200");
        QTest::newRow("line break") << WalkIn{QStringLiteral("Ann"),
                                              QStringLiteral("Lee"),
                                              QStringLiteral("Acme\nInc"),
                                              {}}
                                    << QStringLiteral("line breaks");
    }

    // Nothing is recorded for a walk-in the checks refuse; the message says what to do.
    void walkInIsCheckedFirst()
    {
        QFETCH(WalkIn, walkIn);
        QFETCH(QString, expected);
        const ScanOutcome o = await(f->store->registerWalkIn(walkIn));
        QVERIFY2(o.error.contains(expected), qPrintable(o.error));
        QVERIFY(!o.recorded);
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.attendees, 6);
        QCOMPARE(s.walkIns, 0);
        QCOMPARE(s.checkIns, 0);
    }

    void walkInsNeedAnEvent()
    {
        StoreFixture fresh;
        QVERIFY(fresh.open());
        const ScanOutcome o = await(fresh.store->registerWalkIn(WalkIn{QStringLiteral("Ann"), {}, {}, {}}));
        QVERIFY2(o.error.contains(QStringLiteral("No event")), qPrintable(o.error));
        QCOMPARE(await(fresh.store->stats()).attendees, 0);
    }

    void ticketTypesMostCommonFirst()
    {
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        rows[1].ticketType = QStringLiteral("Speaker");
        rows[2].ticketType = QStringLiteral("Day pass");
        rows[3].ticketType = QStringLiteral("Speaker");
        rows[4].ticketType.clear();
        QVERIFY(await(f->store->importAttendees(rows)).error.isEmpty());
        LocalStore::TicketTypes types = await(f->store->ticketTypes());
        QVERIFY(types.error.isEmpty());
        QCOMPARE(types.names, (QStringList{QStringLiteral("Full conference"), QStringLiteral("Speaker"),
                                           QStringLiteral("Day pass")}));
        QCOMPARE(await(f->store->ticketTypes(1)).names, QStringList{QStringLiteral("Full conference")});
    }

    void noEventYetSaysWhatToDo()
    {
        StoreFixture empty;
        QVERIFY(empty.open());
        ScanRequest r;
        r.code = QStringLiteral("X");
        QVERIFY(await(empty.store->checkIn(r)).error.contains(QStringLiteral("import")));
        QVERIFY(await(empty.store->stats()).event.id.isEmpty());
    }

    // An order: its code offers its people (never in self-service, where nobody's name is shown
    // for a guessed code); one of its tickets names the others; a reimport keeps what the door knows.
    void ordersAreGroups()
    {
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        rows[0].orderCode = QStringLiteral("ORD-1");
        rows[2].orderCode = QStringLiteral("ORD-1");
        rows[3].orderCode = QStringLiteral("ORD-1");
        rows[3].notes = {{QStringLiteral("Allergies"), QStringLiteral("nuts"), true}};
        rows[1].paymentPending = true;
        QCOMPARE(await(f->store->importAttendees(rows, QStringLiteral("Kirchentag"))).updated, 4);

        ScanRequest r;
        r.code = QStringLiteral("ord-1");
        QCOMPARE(await(f->store->checkIn(r)).verdict, Verdict::UnknownCode); // self-service
        r.orders = true;
        const ScanOutcome order = await(f->store->checkIn(r));
        QCOMPARE(order.verdict, Verdict::Order);
        QVERIFY(!order.recorded);
        QCOMPARE(order.group.size(), 3);
        QCOMPARE(order.group[0].attendee.lastName, QStringLiteral("García")); // by last name
        QCOMPARE(order.group[0].attendee.notes.size(), 1);

        const ScanOutcome anna = scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(anna.recorded);
        QCOMPARE(anna.group.size(), 2);
        const ScanOutcome pending = scan(QStringLiteral("CODE-ANNA-S"));
        QCOMPARE(pending.verdict, Verdict::PaymentPending);
        QVERIFY(!pending.recorded);
        QVERIFY(pending.group.isEmpty());
        QCOMPARE(scan(QStringLiteral("CODE-ANNA-S"), CheckInKind::Entry, true).verdict, Verdict::Admitted);

        f->reopen();
        const AttendeeDetail jose = await(f->store->attendeeByCode(QStringLiteral("CODE-JOSE")));
        QCOMPARE(jose.view.attendee.orderCode, QStringLiteral("ORD-1"));
        QCOMPARE(jose.view.attendee.notes, rows[3].notes);
    }

    // A list's question: asked before anything is recorded; no answer for an exit; a paper tick
    // is not asked. An unknown code on paper is not recorded.
    void theListsQuestion()
    {
        CheckInList asks = CheckInList::defaultList();
        asks.question = QStringLiteral("Photo consent?");
        QVERIFY(await(f->store->setLists({asks})).ok());
        const ScanOutcome asked = scan(QStringLiteral("CODE-PETER"));
        QCOMPARE(asked.verdict, Verdict::NeedsAnswer);
        QCOMPARE(asked.question, QStringLiteral("Photo consent?"));
        QCOMPARE(await(f->store->stats()).checkIns, 0);
        QCOMPARE(await(f->store->stats()).denied, 0); // a question is no refusal
        ScanRequest r;
        r.code = QStringLiteral("CODE-PETER");
        r.answer = QStringLiteral("  no ");
        const ScanOutcome answered = await(f->store->checkIn(r));
        QVERIFY(answered.recorded);
        const AttendeeDetail peter = await(f->store->attendeeByCode(QStringLiteral("CODE-PETER")));
        QCOMPARE(peter.history.constLast().checkIn.answer, QStringLiteral("no"));

        r.kind = CheckInKind::Exit;
        QVERIFY(await(f->store->checkIn(r)).recorded);
        QVERIFY(await(f->store->attendeeByCode(QStringLiteral("CODE-PETER")))
                    .history.constLast()
                    .checkIn.answer.isEmpty());

        ScanRequest tick;
        tick.paper = true;
        tick.paperAtMs = f->clock.nowMs() - 60'000;
        tick.code = QStringLiteral("CODE-JOSE");
        const ScanOutcome paper = await(f->store->checkIn(tick));
        QVERIFY(paper.recorded);
        QCOMPARE(paper.classification.status, CheckInStatus::Accepted);
        tick.code = QStringLiteral("NOBODY");
        const ScanOutcome unknown = await(f->store->checkIn(tick));
        QVERIFY(!unknown.recorded);
        QCOMPARE(unknown.verdict, Verdict::UnknownCode);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
