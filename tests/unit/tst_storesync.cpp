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
