// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// LocalStore's side of sync: adopting the server's event and device id, the outbox, delivery, and
// pages of the change feed applied with the same rules (duplicates across doors, cancellations).
#include "CheckInDesk.h"
#include "StoreFixture.h"
#include "TicketCode.h"

using namespace checkin;
using namespace checkin::test;

class TestStoreSync : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    Event event{
        QStringLiteral("ev-server"), QStringLiteral("Server event"), QStringLiteral("salt-1"), 0, 0, {}};

    Attendee person(const QString &id, const QString &first, const QString &last, const QString &code)
    {
        Attendee a;
        a.id = id;
        a.firstName = first;
        a.lastName = last;
        a.codeHash = TicketCode::hash(event.salt, code);
        a.updatedAtMs = 1;
        return a;
    }

    CheckIn remoteEntry(const QString &id, const QString &attendeeId, qint64 ms, const QString &device)
    {
        CheckIn c;
        c.id = id;
        c.attendeeId = attendeeId;
        c.kind = CheckInKind::Entry;
        c.atMs = ms;
        c.hlc = Hlc{ms, 0};
        c.deviceId = device;
        return c;
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
    }
    void cleanup()
    {
        delete f;
        f = nullptr;
    }

    void adoptsTheServersEventAndDeviceId()
    {
        // Checked in offline before enrolment (imported list): the check-in gets the server's id.
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Local")))
                    .error.isEmpty());
        ScanRequest r;
        r.code = QStringLiteral("CODE-ANNA");
        QVERIFY(await(f->store->checkIn(r)).recorded);
        QVERIFY(await(f->store->adoptEnrolment(event, QStringLiteral("dev-from-server"),
                                               QStringLiteral("Door 1")))
                    .ok());
        const SyncState state = await(f->store->syncState());
        QCOMPARE(state.eventId, event.id);
        QCOMPARE(state.deviceId, QStringLiteral("dev-from-server"));
        QVERIFY(state.cursor.isEmpty());
        QCOMPARE(await(f->store->stats()).deviceName, QStringLiteral("Door 1"));
    }

    void outboxOldestFirstAndDelivery()
    {
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QVERIFY(await(f->store->applyChanges({person(QStringLiteral("a1"), QStringLiteral("Anna"),
                                                     QStringLiteral("Müller"), QStringLiteral("C1")),
                                              person(QStringLiteral("a2"), QStringLiteral("Bert"),
                                                     QStringLiteral("Brot"), QStringLiteral("C2"))},
                                             {}, QStringLiteral("0.2")))
                    .ok());
        CheckInDesk desk(f->store.get());
        const QString first = await(desk.scan(QStringLiteral("C1"))).checkInId;
        f->clock.advance(1000);
        const QString second = await(desk.scan(QStringLiteral("C2"))).checkInId;
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        Outbox out = await(f->store->outbox(500));
        QCOMPARE(out.checkIns.size(), 2);
        QCOMPARE(out.checkIns[0].id, first);
        QCOMPARE(out.checkIns[0].deviceId, QStringLiteral("dev-1"));
        QCOMPARE(await(f->store->outbox(1)).checkIns.size(), 1);
        // The batch after one already on its way.
        QCOMPARE(await(f->store->outbox(500, 1)).checkIns.size(), 1);
        QCOMPARE(await(f->store->outbox(500, 1)).checkIns[0].id, second);
        QVERIFY(await(f->store->markDelivered({first})).ok());
        out = await(f->store->outbox(500));
        QCOMPARE(out.checkIns.size(), 1);
        QCOMPARE(out.checkIns[0].id, second);
        QCOMPARE(await(f->store->syncState()).undelivered, 1);
        QCOMPARE(await(f->store->syncState()).cursor, QStringLiteral("0.2"));
    }

    // The entry that registered a walk-in carries the person to the server; nothing else does.
    void outboxCarriesTheWalkInOnItsEntryOnly()
    {
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QVERIFY(await(f->store->applyChanges({person(QStringLiteral("a1"), QStringLiteral("Anna"),
                                                     QStringLiteral("Müller"), QStringLiteral("C1"))},
                                             {}, QStringLiteral("0.1")))
                    .ok());
        CheckInDesk desk(f->store.get());
        const QString before = await(desk.scan(QStringLiteral("C1"))).checkInId;
        f->clock.advance(1000);
        const ScanOutcome registered = await(desk.registerWalkIn(
            WalkIn{QStringLiteral("Ann"), QStringLiteral("Lee"), {}, QStringLiteral("Day pass")}));
        QVERIFY2(registered.recorded, qPrintable(registered.error));
        const QString walkInId = registered.attendee.attendee.id;
        f->clock.advance(1000);
        const ScanOutcome exit = await(desk.checkInAttendee(walkInId, CheckInKind::Exit));
        QVERIFY(exit.recorded);
        f->clock.advance(1000);
        const ScanOutcome undone = await(desk.undo(registered.checkInId));
        QCOMPARE(undone.verdict, Verdict::Undone);

        Outbox out = await(f->store->outbox(500));
        QCOMPARE(out.checkIns.size(), 4);
        QCOMPARE(out.checkIns[0].id, before);
        QCOMPARE(out.checkIns[1].id, registered.checkInId);
        QCOMPARE(out.checkIns[1].attendeeId, walkInId);
        QCOMPARE(out.walkIns.size(), 1);
        QCOMPARE(out.walkIns.value(registered.checkInId),
                 (WalkIn{QStringLiteral("Ann"), QStringLiteral("Lee"), {}, QStringLiteral("Day pass")}));
        // The batch after one on its way: the entry is still the one that carries the person.
        out = await(f->store->outbox(500, 1));
        QCOMPARE(out.checkIns[0].id, registered.checkInId);
        QCOMPARE(out.walkIns.keys(), QStringList{registered.checkInId});
        QCOMPARE(await(f->store->outbox(500, 2)).walkIns.size(), 0);
        // Delivered: it is not sent again, and neither is the person.
        QVERIFY(await(f->store->markDelivered({before, registered.checkInId})).ok());
        out = await(f->store->outbox(500));
        QCOMPARE(out.checkIns.size(), 2);
        QVERIFY(out.walkIns.isEmpty());
    }

    // The walk-in comes back from the server's feed: the same row, updated; and walk-ins of other
    // doors arrive like any attendee, known as walk-ins.
    void walkInsFromTheFeedUpdateTheirRow()
    {
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QVERIFY(await(f->store->applyChanges({person(QStringLiteral("a1"), QStringLiteral("Anna"),
                                                     QStringLiteral("Müller"), QStringLiteral("C1"))},
                                             {}, QStringLiteral("0.1")))
                    .ok());
        CheckInDesk desk(f->store.get());
        const ScanOutcome registered =
            await(desk.registerWalkIn(WalkIn{QStringLiteral("Ann"), QStringLiteral("Lee"), {}, {}}));
        QVERIFY(registered.recorded);
        Attendee mine = registered.attendee.attendee;
        QCOMPARE(await(f->store->search(QStringLiteral("lee"))).attendees.size(), 1);

        // As the server has her (the event lead corrected the spelling), with her entry.
        Attendee fromServer = mine;
        fromServer.eventId.clear();
        fromServer.lastName = QStringLiteral("Leigh");
        fromServer.updatedAtMs = 5;
        fromServer.walkInDevice = QStringLiteral("dev-1");
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns.size(), 1);
        const CheckIn entry = log.checkIns[0].checkIn;
        QVERIFY(await(f->store->applyChanges({fromServer}, {entry}, QStringLiteral("0.3"))).ok());
        StoreStats s = await(f->store->stats());
        QCOMPARE(s.attendees, 2);
        QCOMPARE(s.walkIns, 1);
        QCOMPARE(s.inside, 1);
        QCOMPARE(s.undelivered, 0); // the feed had her entry: it arrived even if its answer did not
        AttendeeDetail detail = await(f->store->attendee(mine.id));
        QCOMPARE(detail.view.attendee.lastName, QStringLiteral("Leigh"));
        QCOMPARE(detail.view.attendee.walkInCheckIn, registered.checkInId);
        QCOMPARE(await(f->store->search(QStringLiteral("leigh"))).attendees.size(), 1);
        QVERIFY(await(f->store->search(QStringLiteral("lee"))).attendees.isEmpty());
        // A feed that does not say (an older server) leaves her a walk-in.
        fromServer.walkInCheckIn.clear();
        fromServer.updatedAtMs = 6;
        QVERIFY(await(f->store->applyChanges({fromServer}, {}, QStringLiteral("0.4"))).ok());
        QCOMPARE(await(f->store->attendee(mine.id)).view.attendee.walkInCheckIn, registered.checkInId);

        // Door 2's walk-in, with her entry.
        Attendee other;
        other.id = QStringLiteral("7d1f8c3e-2b4a-4c5d-8e9f-0a1b2c3d4e5f");
        other.lastName = QStringLiteral("Gast");
        other.updatedAtMs = 7;
        other.walkInCheckIn = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
        other.walkInDevice = QStringLiteral("dev-2");
        QVERIFY(
            await(f->store->applyChanges(
                      {other},
                      {remoteEntry(other.walkInCheckIn, other.id, f->clock.nowMs(), QStringLiteral("dev-2"))},
                      QStringLiteral("0.6"), {{QStringLiteral("dev-2"), QStringLiteral("Door 2")}}))
                .ok());
        s = await(f->store->stats());
        QCOMPARE(s.attendees, 3);
        QCOMPARE(s.walkIns, 2);
        QCOMPARE(s.inside, 2);
        detail = await(f->store->attendee(other.id));
        QVERIFY(detail.view.inside);
        QCOMPARE(detail.view.insideDeviceName, QStringLiteral("Door 2"));
        QCOMPARE(detail.history.size(), 1);
        QVERIFY(detail.history[0].walkIn);
        // Nothing of theirs goes out from here.
        QVERIFY(await(f->store->outbox(500)).checkIns.isEmpty());
    }

    void anotherDoorsEntryMakesTheSecondADuplicate()
    {
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QVERIFY(await(f->store->applyChanges({person(QStringLiteral("a1"), QStringLiteral("Anna"),
                                                     QStringLiteral("Müller"), QStringLiteral("C1"))},
                                             {}, QStringLiteral("0.1")))
                    .ok());
        // Offline, this door admits Anna...
        CheckInDesk desk(f->store.get());
        const ScanOutcome mine = await(desk.scan(QStringLiteral("C1")));
        QCOMPARE(mine.verdict, Verdict::Admitted);
        // ...and the feed brings Door 2's earlier entry: ours becomes the duplicate.
        QVERIFY(
            await(f->store->applyChanges({},
                                         {remoteEntry(QStringLiteral("door2-entry"), QStringLiteral("a1"),
                                                      f->clock.nowMs() - 60'000, QStringLiteral("dev-2"))},
                                         QStringLiteral("0.5")))
                .ok());
        const LocalStore::Log log = await(f->store->checkInLog());
        QCOMPARE(log.checkIns.size(), 2);
        QCOMPARE(log.checkIns[0].checkIn.id, QStringLiteral("door2-entry"));
        QCOMPARE(log.checkIns[0].classification.status, CheckInStatus::Accepted);
        QCOMPARE(log.checkIns[1].checkIn.id, mine.checkInId);
        QCOMPARE(log.checkIns[1].classification.status, CheckInStatus::Duplicate);
        QCOMPARE(log.checkIns[1].classification.first, QStringLiteral("door2-entry"));
        QVERIFY(log.checkIns[0].delivered); // the server's own
        QVERIFY(!log.checkIns[1].delivered);
        // A scan now says since when and at which door.
        const ScanOutcome again = await(desk.scan(QStringLiteral("C1")));
        QCOMPARE(again.verdict, Verdict::AlreadyInside);
        QCOMPARE(again.attendee.insideDeviceId, QStringLiteral("dev-2"));
        // Applying the same page again changes nothing.
        QVERIFY(
            await(f->store->applyChanges({},
                                         {remoteEntry(QStringLiteral("door2-entry"), QStringLiteral("a1"),
                                                      f->clock.nowMs() - 60'000, QStringLiteral("dev-2"))},
                                         QStringLiteral("0.5")))
                .ok());
        QCOMPARE(await(f->store->checkInLog()).checkIns.size(), 2);
    }

    void cancelledOnTheServerWhileOfflineIsAConflict()
    {
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        Attendee anna = person(QStringLiteral("a1"), QStringLiteral("Anna"), QStringLiteral("Müller"),
                               QStringLiteral("C1"));
        QVERIFY(await(f->store->applyChanges({anna}, {}, QStringLiteral("0.1"))).ok());
        CheckInDesk desk(f->store.get());
        QCOMPARE(await(desk.scan(QStringLiteral("C1"))).verdict, Verdict::Admitted);
        // The server learns of the cancellation, dated before the entry.
        anna.status = TicketStatus::Cancelled;
        anna.cancelledAtMs = f->clock.nowMs() - 3'600'000;
        QVERIFY(await(f->store->applyChanges({anna}, {}, QStringLiteral("0.2"))).ok());
        QCOMPARE(await(f->store->stats()).conflicts, 1);
        // And the new name data is searchable.
        anna.lastName = QStringLiteral("Schmidt");
        QVERIFY(await(f->store->applyChanges({anna}, {}, QStringLiteral("0.3"))).ok());
        QCOMPARE(await(f->store->search(QStringLiteral("anna schm"))).attendees.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_storesync.moc"
