// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ReviewModel: the admin area's list of check-ins to review, read only while active, filtered by
// kind, with counts, words for each row, and updates that keep the list in place.
#include "CheckInDesk.h"
#include "ReviewModel.h"
#include "StoreFixture.h"
#include "TimeOfDay.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::ReviewModel;

class TestReviewModel : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    ReviewModel *model = nullptr;
    QAbstractItemModelTester *tester = nullptr;
    const QString door2 = QStringLiteral("dev-door-2");

    QString attendeeId(const QString &query)
    {
        return await(f->store->search(query)).attendees.value(0).attendee.id;
    }
    QString at(int row, ReviewModel::Role role) const
    {
        return model->data(model->index(row), role).toString();
    }
    ReviewModel::Kind kind(int row) const
    {
        return ReviewModel::Kind(model->data(model->index(row), ReviewModel::KindRole).toInt());
    }
    QString hhmm(qint64 ms) const { return timeOfDay(ms); }
    // Reads the list again and waits until it is shown.
    bool reload()
    {
        QSignalSpy loaded(model, &ReviewModel::loaded);
        model->refresh();
        return loaded.wait() && !model->loading();
    }
    // Door 2 let `attendeeId` in `minutesAgo` minutes ago (the change feed).
    bool door2Entry(const QString &attendeeId, int minutesAgo)
    {
        const qint64 ms = f->clock.nowMs() - minutesAgo * 60'000;
        CheckIn c;
        c.id = newCheckInId(ms);
        c.attendeeId = attendeeId;
        c.atMs = ms;
        c.hlc = Hlc{ms, 0};
        c.deviceId = door2;
        return await(f->store->applyChanges({}, {c}, QStringLiteral("1.1"),
                                            {{door2, QStringLiteral("Door 2")}}))
            .ok();
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        model = new ReviewModel(f->store.get());
        model->setToday(QDateTime::fromMSecsSinceEpoch(f->clock.nowMs()).date());
        tester = new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        delete tester;
        delete model;
        delete desk;
        delete f;
    }

    void readsOnlyWhileActive()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        QVERIFY(door2Entry(anna, 3));
        model->refresh(); // nobody looks: nothing is read
        QVERIFY(!model->loading());
        QCOMPARE(model->rowCount(), 0);

        QSignalSpy loaded(model, &ReviewModel::loaded);
        model->setActive(true); // the admin area opens: the list is out of date, so it is read
        QVERIFY(model->loading());
        QVERIFY(loaded.wait());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->total(), 1);
        QCOMPARE(model->duplicates(), 1);

        model->setActive(false);
        model->refresh();
        QVERIFY(!model->loading());
        model->setActive(true);
        QVERIFY(model->loading());
        QVERIFY(loaded.wait());
    }

    void wordsForADuplicate()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        QVERIFY(door2Entry(anna, 4));
        model->setActive(true);
        QVERIFY(reload());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(kind(0), ReviewModel::Kind::Duplicate);
        QCOMPARE(at(0, ReviewModel::KindTitleRole), QStringLiteral("Duplicate"));
        QCOMPARE(at(0, ReviewModel::NameRole), QStringLiteral("Anna Müller"));
        QCOMPARE(model->data(model->index(0), Qt::DisplayRole).toString(), QStringLiteral("Anna Müller"));
        QCOMPARE(at(0, ReviewModel::TicketTypeRole), QStringLiteral("Full conference"));
        QCOMPARE(at(0, ReviewModel::ActionRole), QStringLiteral("Entry"));
        QCOMPARE(at(0, ReviewModel::TimeRole), hhmm(f->clock.nowMs()));
        QCOMPARE(at(0, ReviewModel::FirstRole),
                 QStringLiteral("First entry: %1 at Door 2").arg(hhmm(f->clock.nowMs() - 4 * 60'000)));
        QVERIFY(at(0, ReviewModel::ReasonRole).contains(QStringLiteral("already inside")));
        QVERIFY(at(0, ReviewModel::RuleRole).contains(QStringLiteral("earliest entry counts")));
        QCOMPARE(at(0, ReviewModel::StatusRole), QStringLiteral("duplicate"));
        QVERIFY(!model->data(model->index(0), ReviewModel::ForcedRole).toBool());
        QVERIFY(!model->data(model->index(0), ReviewModel::DeliveredRole).toBool());
        QVERIFY(!model->data(model->index(5), ReviewModel::NameRole).isValid());
        QCOMPARE(model->get(0).value(QStringLiteral("device")).toString(),
                 await(f->store->stats()).deviceName);
        QVERIFY(model->get(7).isEmpty());
    }

    void wordsForAConflictAnOverrideAndARejection()
    {
        // Peter let in here; the server then says his ticket was cancelled an hour before.
        const QString peterId = attendeeId(QStringLiteral("peter"));
        QVERIFY(await(desk->checkInAttendee(peterId)).recorded);
        Attendee peter = await(f->store->attendee(peterId)).view.attendee;
        peter.status = TicketStatus::Cancelled;
        peter.cancelledAtMs = f->clock.nowMs() - 3'600'000;
        QVERIFY(await(f->store->applyChanges({peter}, {}, QStringLiteral("1.2"))).ok());
        f->clock.advance(60'000);
        // A volunteer admits Carla, whose ticket is cancelled, with a note.
        ScanRequest request;
        request.attendeeId = attendeeId(QStringLiteral("carla"));
        request.note = QStringLiteral("Refund was a mistake, the box office says");
        QVERIFY(await(desk->force(request)).recorded);
        f->clock.advance(60'000);
        // Door 2 checked in someone this kiosk does not know.
        QVERIFY(door2Entry(QStringLiteral("att-gone"), 0));

        model->setActive(true);
        QVERIFY(reload());
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(kind(0), ReviewModel::Kind::Rejected);
        QCOMPARE(at(0, ReviewModel::NameRole), QStringLiteral("Attendee not on this kiosk's list"));
        QCOMPARE(at(0, ReviewModel::DeviceRole), QStringLiteral("Door 2"));
        QCOMPARE(at(0, ReviewModel::ReasonRole), QStringLiteral("The attendee is not on this kiosk's list."));
        QVERIFY(at(0, ReviewModel::RuleRole).contains(QStringLiteral("kept for audit")));
        QVERIFY(at(0, ReviewModel::FirstRole).isEmpty());

        QCOMPARE(kind(1), ReviewModel::Kind::Forced);
        QCOMPARE(at(1, ReviewModel::KindTitleRole), QStringLiteral("Admitted anyway"));
        QCOMPARE(at(1, ReviewModel::NameRole), QStringLiteral("Carla Storno"));
        QCOMPARE(at(1, ReviewModel::NoteRole), request.note);
        QCOMPARE(at(1, ReviewModel::StatusRole), QStringLiteral("conflict"));
        QVERIFY(at(1, ReviewModel::ReasonRole).contains(QStringLiteral("ticket was cancelled")));
        QVERIFY(at(1, ReviewModel::RuleRole).contains(QStringLiteral("override")));

        QCOMPARE(kind(2), ReviewModel::Kind::Conflict);
        QCOMPARE(at(2, ReviewModel::ReasonRole),
                 QStringLiteral("Let in after the ticket was cancelled (at %1).")
                     .arg(hhmm(f->clock.nowMs() - 2 * 60'000 - 3'600'000)));
        QVERIFY(at(2, ReviewModel::RuleRole).contains(QStringLiteral("conflict for the event lead")));

        QCOMPARE(model->total(), 3);
        QCOMPARE(model->conflicts(), 1);
        QCOMPARE(model->forced(), 1);
        QCOMPARE(model->rejected(), 1);
        QCOMPARE(model->duplicates(), 0);
    }

    void filtersByKind()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        const QString jose = attendeeId(QStringLiteral("josé"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        QVERIFY(await(desk->checkInAttendee(jose)).recorded);
        QVERIFY(door2Entry(anna, 2));
        ScanRequest request;
        request.attendeeId = jose;
        request.note = QStringLiteral("Second badge");
        QVERIFY(await(desk->force(request)).recorded);
        model->setActive(true);
        QVERIFY(reload());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->matching(), 2);

        QSignalSpy loaded(model, &ReviewModel::loaded);
        QSignalSpy filter(model, &ReviewModel::filterChanged);
        model->setFilter(ReviewModel::Kind::Forced);
        QCOMPARE(filter.size(), 1);
        QVERIFY(loaded.wait());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(kind(0), ReviewModel::Kind::Forced);
        QCOMPARE(model->matching(), 1);
        QCOMPARE(model->total(), 2); // the counts stay the whole event's

        model->setFilter(ReviewModel::Kind::Conflict);
        QVERIFY(loaded.wait());
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(model->matching(), 0);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unknown review filter")));
        model->setFilter(ReviewModel::Kind(9)); // what QML could hand over
        QCOMPARE(model->filter(), ReviewModel::Kind::Conflict);

        // Two changes in a row: only the last filter's answer is shown.
        model->setFilter(ReviewModel::Kind::Duplicate);
        model->setFilter(ReviewModel::Kind::All);
        QVERIFY(loaded.wait());
        QCOMPARE(model->filter(), ReviewModel::Kind::All);
        QCOMPARE(model->rowCount(), 2);
    }

    void newCheckInsAreInsertedNotReset()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        const QString peter = attendeeId(QStringLiteral("peter"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        QVERIFY(door2Entry(anna, 5));
        model->setActive(true);
        QVERIFY(reload());
        QCOMPARE(model->rowCount(), 1);
        const QString first = at(0, ReviewModel::CheckInIdRole);

        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy count(model, &ReviewModel::countChanged);
        f->clock.advance(60'000);
        QVERIFY(await(desk->checkInAttendee(peter)).recorded);
        QVERIFY(door2Entry(peter, 3));
        QVERIFY(reload());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.constFirst().at(1).toInt(), 0); // the newest on top
        QCOMPARE(at(1, ReviewModel::CheckInIdRole), first);
        QCOMPARE(count.size(), 1);

        // Undoing Peter's entry: his row goes (it is no longer a duplicate: an undone entry counts
        // as accepted), Anna's stays where it is.
        QVERIFY(await(desk->undoLast()).recorded);
        QVERIFY(reload());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(at(0, ReviewModel::CheckInIdRole), first);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 0);
    }

    void refreshesAreCoalesced()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        QVERIFY(door2Entry(anna, 1));
        model->setActive(true);
        QSignalSpy loaded(model, &ReviewModel::loaded);
        for (int i = 0; i < 10; ++i)
            model->refresh();
        QVERIFY(loaded.wait());
        QTest::qWait(100);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(model->rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestReviewModel)
#include "tst_reviewmodel.moc"
