// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// WalkInForm: the walk-in dialog's validation in words (the same rules as the store's), the name
// taken from the search, the ticket types to pick from, and registration with the door's verdict
// shown only once it is on disk; a refusal stays in the form.
#include "CheckInDesk.h"
#include "DoorController.h"
#include "StoreFixture.h"
#include "WalkInForm.h"

#include <QSignalSpy>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::DoorController;
using checkin::ui::WalkInForm;

Q_DECLARE_METATYPE(checkin::WalkIn)

class TestWalkInForm : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    DoorController *door = nullptr;
    WalkInForm *form = nullptr;

    void fill(const WalkIn &w)
    {
        form->setFirstName(w.firstName);
        form->setLastName(w.lastName);
        form->setCompany(w.company);
        form->setTicketType(w.ticketType);
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QList<AttendeeCsv::Row> rows = StoreFixture::people();
        rows[1].ticketType = QStringLiteral("Speaker");
        QVERIFY(await(f->store->importAttendees(rows, QStringLiteral("Konferenz"))).error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        door = new DoorController(desk);
        form = new WalkInForm(desk, f->store.get(), door);
    }
    void cleanup()
    {
        delete form;
        delete door;
        delete desk;
        delete f;
    }

    void validation_data()
    {
        QTest::addColumn<WalkIn>("walkIn");
        QTest::addColumn<QString>("nameError");
        QTest::addColumn<QString>("companyError");
        QTest::addColumn<QString>("ticketTypeError");
        const QString tooLong(WalkIn::MaxFieldLength + 1, u'x');
        QTest::newRow("empty") << WalkIn{} << QStringLiteral("Enter a first or last name.") << QString()
                               << QString();
        QTest::newRow("only spaces")
            << WalkIn{QStringLiteral("  "), QStringLiteral(" "), QStringLiteral("Acme"), {}}
            << QStringLiteral("Enter a first or last name.") << QString() << QString();
        QTest::newRow("first name") << WalkIn{QStringLiteral("Ann"), {}, {}, {}} << QString() << QString()
                                    << QString();
        QTest::newRow("last name") << WalkIn{{}, QStringLiteral("Lee"), {}, {}} << QString() << QString()
                                   << QString();
        QTest::newRow("all four") << WalkIn{QStringLiteral("Ann"), QStringLiteral("Lee"),
                                            QStringLiteral("Acme"), QStringLiteral("Day pass")}
                                  << QString() << QString() << QString();
        QTest::newRow("longest, with spaces")
            << WalkIn{QStringLiteral(" ") + QString(WalkIn::MaxFieldLength, u'a') + QStringLiteral(" "),
                      {},
                      {},
                      {}}
            << QString() << QString() << QString();
        QTest::newRow("first name too long")
            << WalkIn{tooLong, QStringLiteral("Lee"), {}, {}}
            << QStringLiteral("The first name is too long: at most 200 characters.") << QString()
            << QString();
        QTest::newRow("last name too long")
            << WalkIn{QStringLiteral("Ann"), tooLong, {}, {}}
            << QStringLiteral("The last name is too long: at most 200 characters.") << QString() << QString();
        QTest::newRow("tab in a name")
            << WalkIn{QStringLiteral("Ann\tMarie"), {}, {}, {}}
            << QStringLiteral("The first name cannot contain line breaks or tabs.") << QString() << QString();
        QTest::newRow("company") << WalkIn{QStringLiteral("Ann"), {}, QStringLiteral("Acme\nInc"), tooLong}
                                 << QString()
                                 << QStringLiteral("The company cannot contain line breaks or tabs.")
                                 << QStringLiteral("The ticket type is too long: at most 200 characters.");
    }

    // Each field says what is wrong with it; the form is valid exactly when the store would take it.
    void validation()
    {
        QFETCH(WalkIn, walkIn);
        QFETCH(QString, nameError);
        QFETCH(QString, companyError);
        QFETCH(QString, ticketTypeError);
        fill(walkIn);
        QCOMPARE(form->nameError(), nameError);
        QCOMPARE(form->companyError(), companyError);
        QCOMPARE(form->ticketTypeError(), ticketTypeError);
        WalkIn checked = walkIn;
        QCOMPARE(form->valid(), checked.normalize(nullptr));
    }

    void messagesShowAfterTheFirstTry()
    {
        QSignalSpy shown(form, &WalkInForm::showErrorsChanged);
        form->start();
        QVERIFY(!form->showErrors());
        QVERIFY(!form->valid());
        QVERIFY(!form->submit());
        QVERIFY(form->showErrors());
        QVERIFY(!form->busy());
        QCOMPARE(shown.size(), 1);
        form->start(); // the next person: a clean form
        QVERIFY(!form->showErrors());
        QCOMPARE(await(f->store->stats()).attendees, 6);
    }

    void nameFromTheSearch_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("two words") << QStringLiteral("ann müller") << QStringLiteral("Ann")
                                   << QStringLiteral("Müller");
        QTest::newRow("one word") << QStringLiteral("  Müller ") << QString() << QStringLiteral("Müller");
        QTest::newRow("three words") << QStringLiteral("anna  maria schmidt") << QStringLiteral("Anna Maria")
                                     << QStringLiteral("Schmidt");
        QTest::newRow("hyphen, apostrophe") << QStringLiteral("ann-kathrin o'neil")
                                            << QStringLiteral("Ann-Kathrin") << QStringLiteral("O'Neil");
        QTest::newRow("as typed when capitalised")
            << QStringLiteral("Ludwig van Beethoven") << QStringLiteral("Ludwig van")
            << QStringLiteral("Beethoven");
        QTest::newRow("accents") << QStringLiteral("élodie ñúñez") << QStringLiteral("Élodie")
                                 << QStringLiteral("Ñúñez");
        QTest::newRow("a ticket code") << QStringLiteral("QY7NBGBE8TR8") << QString() << QString();
        QTest::newRow("nothing") << QStringLiteral("   ") << QString() << QString();
    }

    void nameFromTheSearch()
    {
        QFETCH(QString, typed);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QCOMPARE(WalkInForm::nameFromSearch(typed), (QStringList{first, last}));
        form->setCompany(QStringLiteral("left over"));
        form->start(typed);
        QCOMPARE(form->firstName(), first);
        QCOMPARE(form->lastName(), last);
        QVERIFY(form->company().isEmpty());
    }

    void ticketTypesOfTheEvent()
    {
        QSignalSpy changed(form, &WalkInForm::ticketTypesChanged);
        form->start();
        QVERIFY(changed.wait());
        QCOMPARE(form->ticketTypes(),
                 (QStringList{QStringLiteral("Full conference"), QStringLiteral("Speaker")}));
    }

    // "Register and check in": the verdict shows once the walk-in is on disk, and Undo is offered.
    void registersAndShowsTheVerdict()
    {
        QSignalSpy registered(form, &WalkInForm::registered);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        QSignalSpy busy(form, &WalkInForm::busyChanged);
        int walkInsWhenShown = -1;
        connect(door, &DoorController::verdictChanged, this, [&] {
            LocalStore other(f->dir.path(), &f->clock);
            if (await(other.open()).ok())
                walkInsWhenShown = await(other.stats()).walkIns;
        });
        form->start(QStringLiteral("wanda walker"));
        form->setTicketType(QStringLiteral(" Speaker "));
        QVERIFY(form->submit());
        QVERIFY(form->busy());
        QVERIFY(!form->submit()); // a second tap while it is being recorded does nothing
        QVERIFY(registered.wait());
        QTRY_COMPARE(verdict.size(), 1);
        QCOMPARE(walkInsWhenShown, 1);
        QVERIFY(!form->busy());
        QCOMPARE(busy.size(), 2);
        QVERIFY(form->error().isEmpty());
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QCOMPARE(door->tone(), ui::Door::Tone::Go);
        QCOMPARE(door->title(), QStringLiteral("Registered and checked in"));
        QCOMPARE(door->name(), QStringLiteral("Wanda Walker"));
        QCOMPARE(door->ticketType(), QStringLiteral("Speaker"));
        QVERIFY(door->recorded());
        QVERIFY(door->canUndo());
        // Ready for the next one.
        QVERIFY(form->firstName().isEmpty() && form->lastName().isEmpty() && form->ticketType().isEmpty());
        QVERIFY(!form->showErrors());
        const StoreStats s = await(f->store->stats());
        QCOMPARE(s.attendees, 7);
        QCOMPARE(s.walkIns, 1);
        QCOMPARE(s.inside, 1);
    }

    // The store refuses: the reason shows in the form, which keeps what was typed; no verdict.
    void aRefusalStaysInTheForm()
    {
        StoreFixture empty; // no event on this device
        QVERIFY(empty.open());
        CheckInDesk otherDesk(empty.store.get());
        DoorController otherDoor(&otherDesk);
        WalkInForm otherForm(&otherDesk, empty.store.get(), &otherDoor);
        QSignalSpy registered(&otherForm, &WalkInForm::registered);
        QSignalSpy error(&otherForm, &WalkInForm::errorChanged);
        otherForm.start(QStringLiteral("ann lee"));
        QVERIFY(otherForm.submit());
        QVERIFY(error.wait());
        QVERIFY2(otherForm.error().contains(QStringLiteral("No event")), qPrintable(otherForm.error()));
        QVERIFY(!otherForm.busy());
        QCOMPARE(registered.size(), 0);
        QCOMPARE(otherDoor.verdictCount(), 0);
        QCOMPARE(otherForm.firstName(), QStringLiteral("Ann"));
        QCOMPARE(otherForm.lastName(), QStringLiteral("Lee"));
        otherForm.start();
        QVERIFY(otherForm.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWalkInForm)
#include "tst_walkinform.moc"
