// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// DoorController: verdicts through the desk, shown only after the check-in is on disk, with the
// words, tone and details each screen needs; undo of the last check-in.
#include "CheckInDesk.h"
#include "DoorController.h"
#include "StoreFixture.h"
#include "VerdictText.h"

#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::DoorController;
using checkin::ui::VerdictText;

class TestDoorController : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    DoorController *door = nullptr;

    QString attendeeId(const QString &query)
    {
        return await(f->store->search(query)).attendees.value(0).attendee.id;
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        door = new DoorController(desk);
    }
    void cleanup()
    {
        delete door;
        delete desk;
        delete f;
    }

    void greenOnlyAfterTheRecord()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        QSignalSpy busy(door, &DoorController::busyChanged);
        int insideWhenShown = -1;
        connect(door, &DoorController::verdictChanged, this, [&] {
            // A second connection to the same files: the entry must already be there.
            LocalStore other(f->dir.path(), &f->clock);
            if (await(other.open()).ok())
                insideWhenShown = await(other.stats()).inside;
        });
        door->scan(QStringLiteral("  CODE-ANNA "));
        QVERIFY(door->busy());
        QVERIFY(verdict.wait());
        QVERIFY(!door->busy());
        QCOMPARE(busy.size(), 2);
        QCOMPARE(insideWhenShown, 1);
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QCOMPARE(door->tone(), ui::Door::Tone::Go);
        QCOMPARE(door->title(), QStringLiteral("Checked in"));
        QCOMPARE(door->name(), QStringLiteral("Anna Müller"));
        QCOMPARE(door->ticketType(), QStringLiteral("Full conference"));
        QCOMPARE(door->detail(), QStringLiteral("Admitted: Anna Müller (Full conference)."));
        QVERIFY(door->recorded());
        QVERIFY(door->canUndo());
        QVERIFY(door->insideSince().isEmpty());
    }

    void alreadyInsideSaysWhenAndWhere()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::AlreadyInside);
        QCOMPARE(door->tone(), ui::Door::Tone::Caution);
        QCOMPARE(door->insideSince().size(), 5); // HH:mm
        QVERIFY(!door->insideDevice().isEmpty());
        QVERIFY(!door->recorded());
        QCOMPARE(door->verdictCount(), 2);
    }

    void selfServiceSpeaksToTheAttendee()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->setSelfService(true);
        QVERIFY(door->selfService());
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QCOMPARE(door->name(), QStringLiteral("Anna M.")); // never the whole name to the queue behind
        QVERIFY(door->detail().contains(QStringLiteral("Welcome")));
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::AlreadyInside);
        QVERIFY(!door->canAdmitAnyway()); // no override at a self-service screen
        QVERIFY(door->detail().contains(QStringLiteral("registration desk")));
        QVERIFY(!door->detail().contains(QStringLiteral("override")));
        door->scan(QStringLiteral("CODE-CANCELLED"));
        QVERIFY(verdict.wait());
        QVERIFY(!door->canAdmitAnyway());
        QVERIFY(door->detail().contains(QStringLiteral("registration desk")));
        door->scan(QStringLiteral("NOT-A-TICKET"));
        QVERIFY(verdict.wait());
        QVERIFY(door->detail().contains(QStringLiteral("type your name")));

        door->setSelfService(false);
        door->scan(QStringLiteral("CODE-CANCELLED"));
        QVERIFY(verdict.wait());
        QVERIFY(door->canAdmitAnyway());
        QCOMPARE(door->name(), QStringLiteral("Carla Storno"));
    }

    void refusals()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-CANCELLED"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Cancelled);
        QCOMPARE(door->tone(), ui::Door::Tone::Stop);
        QVERIFY(door->detail().contains(QStringLiteral("info desk")));
        door->scan(QStringLiteral("NOT-A-TICKET"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Unknown);
        QVERIFY(door->name().isEmpty());
        door->scan(QStringLiteral("   ")); // nothing to scan: no verdict at all
        QVERIFY(!verdict.wait(200));
    }

    void checkInOutAndUndoByAttendee()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        const QString peter = attendeeId(QStringLiteral("peter"));
        door->checkOut(peter);
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::NotInside);
        door->checkIn(peter);
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        door->undoLast();
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Undone);
        QVERIFY(!door->canUndo());
        const qsizetype before = verdict.size();
        door->undoLast(); // the desk refuses at once, without the store
        QTRY_VERIFY(verdict.size() > before);
        QCOMPARE(door->kind(), ui::Door::Kind::Error);
        QCOMPARE(door->title(), QStringLiteral("Not recorded"));
        QVERIFY(door->detail().startsWith(QStringLiteral("Nothing to undo")));
    }

    void admitAnywayNeedsANote()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        QSignalSpy offer(door, &DoorController::canAdmitAnywayChanged);
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        QVERIFY(!door->canAdmitAnyway()); // admitted: nothing to override
        door->scan(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::AlreadyInside);
        QVERIFY(door->canAdmitAnyway());
        QCOMPARE(offer.size(), 1);
        const QString anna = door->attendeeId();
        QVERIFY(!anna.isEmpty());

        // No note (or only blanks): refused, nothing recorded, and the verdict says why.
        door->admitAnyway(anna, QStringLiteral("   "));
        QTRY_COMPARE(door->verdictCount(), 3);
        QCOMPARE(door->kind(), ui::Door::Kind::Error);
        QVERIFY(!door->recorded());
        QVERIFY(door->detail().contains(QStringLiteral("note")));
        QVERIFY(!door->canAdmitAnyway());
        // A note over the limit: refused too.
        door->admitAnyway(anna, QString(DoorController::maxNoteLength() + 1, QLatin1Char('x')));
        QTRY_COMPARE(door->verdictCount(), 4);
        QCOMPARE(door->kind(), ui::Door::Kind::Error);
        QCOMPARE(await(f->store->attendee(anna)).history.size(), 1);

        const QString note = QStringLiteral("Went out to the car park, exit not scanned");
        door->admitAnyway(anna, note);
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QCOMPARE(door->title(), QStringLiteral("Admitted by override"));
        QVERIFY(door->forced());
        QVERIFY(door->recorded());
        QVERIFY(door->detail().startsWith(QStringLiteral("Admitted by override")));
        QVERIFY(!door->canAdmitAnyway());

        const AttendeeDetail detail = await(f->store->attendee(anna));
        QCOMPARE(detail.history.size(), 2);
        const CheckIn &forced = detail.history.last().checkIn;
        QCOMPARE(forced.kind, CheckInKind::Entry);
        QVERIFY(forced.forced);
        QCOMPARE(forced.note, note);
        QVERIFY(door->canUndo()); // an override can be undone like any check-in
    }

    void aCancelledTicketCanBeAdmittedAnyway()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        door->scan(QStringLiteral("CODE-CANCELLED"));
        QVERIFY(verdict.wait());
        QVERIFY(door->canAdmitAnyway());
        door->dismissRefusal(); // the volunteer moved on
        QVERIFY(!door->canAdmitAnyway());
        door->admitAnyway(attendeeId(QStringLiteral("carla")), QStringLiteral("Paid again at the info desk"));
        QVERIFY(verdict.wait());
        QCOMPARE(door->title(), QStringLiteral("Admitted by override"));
        QVERIFY(door->recorded());
        door->scan(QStringLiteral("NOT-A-TICKET"));
        QVERIFY(verdict.wait());
        QVERIFY(!door->canAdmitAnyway()); // nobody to admit
    }

    void checkOutWhenInside()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        const QString jose = attendeeId(QStringLiteral("josé"));
        door->checkIn(jose);
        QVERIFY(verdict.wait());
        door->checkOut(jose);
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Exited);
        QCOMPARE(door->title(), QStringLiteral("Checked out"));
        QVERIFY(door->recorded());
        QVERIFY(!await(f->store->attendee(jose)).view.inside);
    }

    void everyVerdictHasWordsAndATone()
    {
        const QList<Verdict> all{Verdict::Admitted,   Verdict::Exited,    Verdict::AlreadyInside,
                                 Verdict::NotInside,  Verdict::Cancelled, Verdict::UnknownCode,
                                 Verdict::WrongEvent, Verdict::Undone};
        QSet<QString> kinds;
        for (const Verdict v : all) {
            ScanOutcome o;
            o.verdict = v;
            const VerdictText t = VerdictText::of(o);
            QVERIFY(!t.title.isEmpty());
            QVERIFY(t.kind != ui::Door::Kind::None && t.kind != ui::Door::Kind::Error);
            // Every kind has a name of its own (its sound file), and none is the error's.
            QVERIFY(!ui::Door::kindName(t.kind).isEmpty());
            QVERIFY(ui::Door::kindName(t.kind) != QStringLiteral("error"));
            kinds.insert(ui::Door::kindName(t.kind));
        }
        QCOMPARE(kinds.size(), all.size());
        ScanOutcome failed;
        failed.verdict = Verdict::Admitted;
        failed.error = QStringLiteral("The disk is full.");
        QCOMPARE(VerdictText::of(failed).kind, ui::Door::Kind::Error); // never green when not recorded
        QCOMPARE(VerdictText::of(failed).tone, ui::Door::Tone::Stop);
        ScanOutcome forced;
        forced.verdict = Verdict::Admitted;
        forced.forced = true;
        QCOMPARE(VerdictText::of(forced).title, QStringLiteral("Admitted by override"));
    }
};

QTEST_GUILESS_MAIN(TestDoorController)
#include "tst_doorcontroller.moc"
