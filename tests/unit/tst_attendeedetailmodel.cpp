// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// AttendeeDetailModel: the tapped attendee's status and check-in history, read from the store
// asynchronously; entries, exits, undos, duplicates and overrides with their note; roles.
#include "AttendeeDetailModel.h"
#include "CheckInDesk.h"
#include "StoreFixture.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::AttendeeDetailModel;

class TestAttendeeDetailModel : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    AttendeeDetailModel *model = nullptr;
    QAbstractItemModelTester *tester = nullptr;

    QString attendeeId(const QString &query)
    {
        return await(f->store->search(query)).attendees.value(0).attendee.id;
    }
    QVariant at(int row, AttendeeDetailModel::Role role) const
    {
        return model->data(model->index(row), role);
    }
    // Shows `id` (or reads it again) and waits for the store's answer.
    bool load(const QString &id)
    {
        QSignalSpy loaded(model, &AttendeeDetailModel::loaded);
        if (model->attendeeId() == id)
            model->refresh();
        else
            model->setAttendeeId(id);
        return model->loading() && loaded.wait() && !model->loading();
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        model = new AttendeeDetailModel(f->store.get());
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

    void nobodyYet()
    {
        const QString peter = attendeeId(QStringLiteral("peter"));
        QVERIFY(load(peter));
        QVERIFY(model->found());
        QCOMPARE(model->name(), QStringLiteral("Peter Mueller"));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(!model->inside());
        QCOMPARE(model->statusText(), QStringLiteral("Not checked in yet"));
    }

    void historyInOrderWithStatusAndNote()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        f->clock.advance(60'000);
        const ScanOutcome twice = await(desk->checkInAttendee(anna));
        QCOMPARE(twice.verdict, Verdict::AlreadyInside);
        f->clock.advance(60'000);
        ScanRequest forced;
        forced.attendeeId = anna;
        forced.note = QStringLiteral("Left for lunch, badge scanner missed the exit");
        const ScanOutcome override = await(desk->force(forced));
        QVERIFY(override.recorded);
        f->clock.advance(60'000);
        QVERIFY(await(desk->checkInAttendee(anna, CheckInKind::Exit)).recorded);
        QVERIFY(await(desk->undoLast()).recorded);

        QSignalSpy count(model, &AttendeeDetailModel::countChanged);
        QVERIFY(load(anna));
        QCOMPARE(count.size(), 1);
        QStringList actions;
        for (int row = 0; row < model->rowCount(); ++row)
            actions << at(row, AttendeeDetailModel::ActionRole).toString();
        // The refused second scan records nothing in the log; the override, the exit and its undo do.
        QCOMPARE(actions, QStringList({QStringLiteral("Entry"), QStringLiteral("Entry"),
                                       QStringLiteral("Exit"), QStringLiteral("Undo")}));
        QCOMPARE(AttendeeDetailModel::Status(at(0, AttendeeDetailModel::StatusRole).toInt()),
                 AttendeeDetailModel::Status::Accepted);
        QVERIFY(!at(0, AttendeeDetailModel::ForcedRole).toBool());
        QCOMPARE(AttendeeDetailModel::Status(at(1, AttendeeDetailModel::StatusRole).toInt()),
                 AttendeeDetailModel::Status::Duplicate);
        QCOMPARE(AttendeeDetailModel::Kind(at(2, AttendeeDetailModel::KindRole).toInt()),
                 AttendeeDetailModel::Kind::Exit);
        QVERIFY(at(1, AttendeeDetailModel::ForcedRole).toBool());
        QCOMPARE(at(1, AttendeeDetailModel::NoteRole).toString(), forced.note);
        QVERIFY(at(2, AttendeeDetailModel::UndoneRole).toBool());
        QCOMPARE(at(0, AttendeeDetailModel::TimeRole).toString(),
                 QDateTime::fromMSecsSinceEpoch(1'780'000'000'000).toString(QStringLiteral("HH:mm")));
        QVERIFY(!at(0, AttendeeDetailModel::DeviceRole).toString().isEmpty());
        QVERIFY(model->inside()); // the exit was undone
        QVERIFY(model->statusText().startsWith(QStringLiteral("Inside since ")));
        QCOMPARE(model->data(model->index(0), Qt::DisplayRole).toString(), QStringLiteral("Entry"));
        QVERIFY(!model->data(model->index(99), AttendeeDetailModel::TimeRole).isValid());
    }

    void cancelledTicket()
    {
        QVERIFY(load(attendeeId(QStringLiteral("carla"))));
        QVERIFY(model->cancelled());
        QCOMPARE(model->statusText(), QStringLiteral("Ticket cancelled"));
    }

    void onlyTheLatestAttendeeIsShown()
    {
        const QString anna = attendeeId(QStringLiteral("anna müller"));
        const QString peter = attendeeId(QStringLiteral("peter"));
        QVERIFY(await(desk->checkInAttendee(anna)).recorded);
        QSignalSpy loaded(model, &AttendeeDetailModel::loaded);
        model->setAttendeeId(anna);
        model->setAttendeeId(peter); // tapped on before Anna's answer came
        QVERIFY(loaded.wait());
        QCOMPARE(loaded.size(), 1); // the store answers in order: Anna's answer came first, and was dropped
        QCOMPARE(model->name(), QStringLiteral("Peter Mueller"));
        QCOMPARE(model->rowCount(), 0);
        model->setAttendeeId(QString());
        QVERIFY(!model->found());
        QVERIFY(model->statusText().isEmpty());
    }

    void unknownAttendee()
    {
        QVERIFY(load(QStringLiteral("no-such-id")));
        QVERIFY(!model->found());
        QCOMPARE(model->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAttendeeDetailModel)
#include "tst_attendeedetailmodel.moc"
