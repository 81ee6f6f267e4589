// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// LocalStore::reviewItems(): the check-ins the event lead reviews, newest first, with who, where,
// when, the entry a duplicate repeats and the counts of each kind; plain check-ins stay out.
#include "CheckInDesk.h"
#include "StoreFixture.h"

using namespace checkin;
using namespace checkin::test;

class TestStoreReview : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    const QString door2 = QStringLiteral("dev-door-2");

    AttendeeView find(const QString &query) { return await(f->store->search(query)).attendees.value(0); }
    CheckIn remoteEntry(const QString &attendeeId, qint64 ms, const QString &device)
    {
        CheckIn c;
        c.id = newCheckInId(ms);
        c.attendeeId = attendeeId;
        c.kind = CheckInKind::Entry;
        c.atMs = ms;
        c.hlc = Hlc{ms, 0};
        c.deviceId = device;
        return c;
    }
    bool fromDoor2(const QList<Attendee> &attendees, const QList<CheckIn> &checkIns)
    {
        return await(f->store->applyChanges(attendees, checkIns, QStringLiteral("1.1"),
                                            {{door2, QStringLiteral("Door 2")}}))
            .ok();
    }
    ReviewList review(std::optional<ReviewKind> kind = std::nullopt, int limit = 500)
    {
        return await(f->store->reviewItems(kind, limit));
    }

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

    void plainCheckInsAreNotListed()
    {
        const QString anna = find(QStringLiteral("anna müller")).attendee.id;
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        f->clock.advance(60'000);
        QVERIFY(await(desk->checkInAttendee(anna, CheckInKind::Exit)).recorded);
        // A refused scan records nothing in the log: it is in the audit of refused scans instead.
        QCOMPARE(await(desk->checkInAttendee(anna, CheckInKind::Exit)).verdict, Verdict::NotInside);
        const ReviewList list = review();
        QVERIFY(list.error.isEmpty());
        QVERIFY(list.items.isEmpty());
        QCOMPARE(list.counts.total(), 0);
    }

    void duplicateFromTwoDoors()
    {
        const AttendeeView anna = find(QStringLiteral("anna müller"));
        // Offline, this door admits Anna at 10:00...
        const ScanOutcome mine = await(desk->checkInAttendee(anna.attendee.id));
        QVERIFY(mine.recorded);
        // ...and the feed brings Door 2's entry from four minutes before: ours is the duplicate.
        const qint64 door2At = f->clock.nowMs() - 4 * 60'000;
        QVERIFY(fromDoor2({}, {remoteEntry(anna.attendee.id, door2At, door2)}));

        const ReviewList list = review();
        QCOMPARE(list.items.size(), 1);
        QCOMPARE(list.counts.duplicates, 1);
        QCOMPARE(list.counts.total(), 1);
        const ReviewItem &item = list.items.constFirst();
        QCOMPARE(item.kind, ReviewKind::Duplicate);
        QCOMPARE(item.record.checkIn.id, mine.checkInId);
        QCOMPARE(item.record.classification.status, CheckInStatus::Duplicate);
        QCOMPARE(item.record.classification.reason, QStringLiteral("already_inside"));
        QVERIFY(item.knownAttendee);
        QCOMPARE(item.record.attendeeName, QStringLiteral("Anna Müller"));
        QCOMPARE(item.ticketType, QStringLiteral("Full conference"));
        QCOMPARE(item.record.deviceName, await(f->store->stats()).deviceName);
        QCOMPARE(item.record.checkIn.atMs, f->clock.nowMs());
        QVERIFY(!item.record.delivered);
        QCOMPARE(item.cancelledAtMs, -1);
        // The first entry: where and when.
        QVERIFY(item.hasFirst);
        QCOMPARE(item.firstDeviceName, QStringLiteral("Door 2"));
        QCOMPARE(item.firstAtMs, door2At);
        QCOMPARE(item.firstKind, CheckInKind::Entry);
    }

    void cancelledWhileOfflineIsAConflict()
    {
        const AttendeeView peter = find(QStringLiteral("peter"));
        const ScanOutcome mine = await(desk->checkInAttendee(peter.attendee.id));
        QCOMPARE(mine.verdict, Verdict::Admitted);
        // The server learns of the cancellation, dated an hour before the entry.
        Attendee cancelled = peter.attendee;
        cancelled.status = TicketStatus::Cancelled;
        cancelled.cancelledAtMs = f->clock.nowMs() - 3'600'000;
        cancelled.updatedAtMs = f->clock.nowMs();
        QVERIFY(fromDoor2({cancelled}, {}));

        const ReviewList list = review();
        QCOMPARE(list.items.size(), 1);
        QCOMPARE(list.counts.conflicts, 1);
        const ReviewItem &item = list.items.constFirst();
        QCOMPARE(item.kind, ReviewKind::Conflict);
        QCOMPARE(item.record.checkIn.id, mine.checkInId);
        QCOMPARE(item.record.classification.reason, QStringLiteral("cancelled"));
        QCOMPARE(item.cancelledAtMs, cancelled.cancelledAtMs);
        QCOMPARE(item.record.attendeeName, QStringLiteral("Peter Mueller"));
        QVERIFY(!item.hasFirst);
    }

    void forcedAdmissionWithNote()
    {
        const QString jose = find(QStringLiteral("josé")).attendee.id;
        const ScanOutcome first = await(desk->checkInAttendee(jose));
        QVERIFY(first.recorded);
        f->clock.advance(5 * 60'000);
        ScanRequest request;
        request.attendeeId = jose;
        request.note = QStringLiteral("Wristband torn, let in again");
        const ScanOutcome forced = await(desk->force(request));
        QVERIFY(forced.recorded);

        const ReviewList list = review();
        QCOMPARE(list.items.size(), 1);
        QCOMPARE(list.counts.forced, 1);
        QCOMPARE(list.counts.duplicates, 0); // an override is reviewed as an override
        const ReviewItem &item = list.items.constFirst();
        QCOMPARE(item.kind, ReviewKind::Forced);
        QVERIFY(item.record.checkIn.forced);
        QCOMPARE(item.record.checkIn.note, request.note);
        QCOMPARE(item.record.classification.status, CheckInStatus::Duplicate);
        QVERIFY(item.hasFirst);
        QCOMPARE(item.firstAtMs, f->clock.nowMs() - 5 * 60'000);
        QCOMPARE(item.firstDeviceName, item.record.deviceName);

        // Undone afterwards: still there for the lead, marked as undone.
        QVERIFY(await(desk->undoLast()).recorded);
        const ReviewItem undone = review().items.value(0);
        QCOMPARE(undone.record.checkIn.id, forced.checkInId);
        QVERIFY(undone.record.classification.undone);
    }

    void rejectedUnknownCodeAndAttendee()
    {
        // A volunteer admits a code nobody has: recorded, forced, and rejected by the rules.
        ScanRequest request;
        request.code = QStringLiteral("NOT-ON-THE-LIST-7");
        request.note = QStringLiteral("Paper ticket from the box office");
        const ScanOutcome forced = await(desk->force(request));
        QVERIFY(forced.recorded);
        f->clock.advance(1000);
        // Another door's check-in for someone this kiosk does not have: rejected, kept for audit.
        QVERIFY(fromDoor2({}, {remoteEntry(QStringLiteral("att-unknown"), f->clock.nowMs(), door2)}));

        const ReviewList list = review();
        QCOMPARE(list.items.size(), 2);
        QCOMPARE(list.counts.rejected, 1);
        QCOMPARE(list.counts.forced, 1);
        const ReviewItem &rejected = list.items.at(0); // the newer
        QCOMPARE(rejected.kind, ReviewKind::Rejected);
        QCOMPARE(rejected.record.classification.reason, QStringLiteral("unknown_attendee"));
        QVERIFY(!rejected.knownAttendee);
        QCOMPARE(rejected.record.checkIn.attendeeId, QStringLiteral("att-unknown"));
        QCOMPARE(rejected.record.deviceName, QStringLiteral("Door 2"));
        QVERIFY(rejected.record.delivered);
        const ReviewItem &code = list.items.at(1);
        QCOMPARE(code.kind, ReviewKind::Forced);
        QCOMPARE(code.record.checkIn.id, forced.checkInId);
        QCOMPARE(code.record.classification.status, CheckInStatus::Rejected);
        QVERIFY(!code.knownAttendee);
        QVERIFY(code.record.checkIn.attendeeId.isEmpty());
        QVERIFY(code.record.attendeeName.isEmpty());
    }

    void newestFirstFilteredAndLimited()
    {
        const AttendeeView anna = find(QStringLiteral("anna müller"));
        const AttendeeView schmidt = find(QStringLiteral("anna schmidt"));
        const AttendeeView peter = find(QStringLiteral("peter"));
        QVERIFY(await(desk->checkInAttendee(anna.attendee.id)).recorded);
        f->clock.advance(60'000);
        QVERIFY(await(desk->checkInAttendee(schmidt.attendee.id)).recorded);
        f->clock.advance(60'000);
        QVERIFY(await(desk->checkInAttendee(peter.attendee.id)).recorded);
        // Door 2 had let all three in earlier: three duplicates here.
        const qint64 early = f->clock.nowMs() - 10 * 60'000;
        QVERIFY(fromDoor2({}, {remoteEntry(anna.attendee.id, early, door2),
                               remoteEntry(schmidt.attendee.id, early + 1, door2),
                               remoteEntry(peter.attendee.id, early + 2, door2)}));
        f->clock.advance(60'000);
        ScanRequest request;
        request.attendeeId = anna.attendee.id;
        request.note = QStringLiteral("Checked by hand");
        QVERIFY(await(desk->force(request)).recorded);

        ReviewList list = review();
        QCOMPARE(list.items.size(), 4);
        QStringList names;
        for (const ReviewItem &item : std::as_const(list.items))
            names << item.record.attendeeName;
        QCOMPARE(names, QStringList({QStringLiteral("Anna Müller"), QStringLiteral("Peter Mueller"),
                                     QStringLiteral("Anna Schmidt"), QStringLiteral("Anna Müller")}));
        QCOMPARE(list.items.at(0).kind, ReviewKind::Forced);

        list = review(ReviewKind::Duplicate, 2);
        QCOMPARE(list.items.size(), 2);
        QCOMPARE(list.items.at(0).record.attendeeName, QStringLiteral("Peter Mueller"));
        QCOMPARE(list.items.at(1).record.attendeeName, QStringLiteral("Anna Schmidt"));
        // The counts are the whole event's, whatever the kind and limit asked for.
        QCOMPARE(list.counts, (ReviewCounts{.duplicates = 3, .forced = 1}));
        QCOMPARE(review(ReviewKind::Conflict).items.size(), 0);
        QCOMPARE(review(ReviewKind::Forced).items.size(), 1);
        QCOMPARE(review(std::nullopt, 0).items.size(), 0);
        QCOMPARE(review(std::nullopt, 0).counts.total(), 4);
    }

    void noEventNothingToReview()
    {
        StoreFixture empty;
        QVERIFY(empty.open());
        const ReviewList list = await(empty.store->reviewItems());
        QVERIFY(list.error.isEmpty());
        QVERIFY(list.items.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreReview)
#include "tst_storereview.moc"
