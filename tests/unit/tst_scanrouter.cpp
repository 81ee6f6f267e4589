// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Where a code goes: to the door when home is up, held back with a sentence anywhere else; what
// Enter in the search does; which text is a code rather than a name.
#include "CheckInDesk.h"
#include "DoorController.h"
#include "ScanRouter.h"
#include "StoreFixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::DoorController;
using checkin::ui::ScanRouter;
using Place = checkin::ui::ScanRouter::Place;
using EnterAction = checkin::ui::ScanRouter::EnterAction;

class TestScanRouter : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    DoorController *door = nullptr;
    ScanRouter *router = nullptr;

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        door = new DoorController(desk);
        router = new ScanRouter(door);
    }
    void cleanup()
    {
        delete router;
        delete door;
        delete desk;
        delete f;
    }

    void looksLikeCode_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("code");
        QTest::newRow("pretix code") << "QY7NBGBE8TR9" << true;
        QTest::newRow("EAN") << "4006381333931" << true;
        QTest::newRow("with a scanner's spaces around") << "  CODE-ANNA1 " << true;
        QTest::newRow("a name") << "Anna" << false;
        QTest::newRow("a name and a number") << "Anna 2" << false;
        QTest::newRow("letters only, like a code") << "CODE-ANNA" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("spaces") << "   " << false;
        QTest::newRow("umlauts and a digit") << "Müller7" << true;
    }
    void looksLikeCode()
    {
        QFETCH(QString, text);
        QFETCH(bool, code);
        QCOMPARE(ScanRouter::looksLikeCode(text), code);
    }

    void enterAction_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("selected");
        QTest::addColumn<int>("found");
        QTest::addColumn<EnterAction>("action");
        QTest::newRow("a code, whatever else") << "QY7NBGBE8TR9" << true << 1 << EnterAction::Scan;
        QTest::newRow("somebody selected") << "anna" << true << 3 << EnterAction::CheckIn;
        QTest::newRow("one found") << "anna" << false << 1 << EnterAction::Select;
        QTest::newRow("several found") << "anna" << false << 2 << EnterAction::Nothing;
        QTest::newRow("nobody found") << "zz" << false << 0 << EnterAction::Nothing;
    }
    void enterAction()
    {
        QFETCH(QString, text);
        QFETCH(bool, selected);
        QFETCH(int, found);
        QFETCH(EnterAction, action);
        QCOMPARE(ScanRouter::enterAction(text, selected, found), action);
    }

    void homeTakesTheCode()
    {
        QSignalSpy toDoor(router, &ScanRouter::toDoor);
        QSignalSpy held(router, &ScanRouter::held);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        router->route(QStringLiteral("CODE-ANNA"));
        QCOMPARE(toDoor.size(), 1);
        QCOMPARE(toDoor.constFirst().constFirst().toString(), QStringLiteral("CODE-ANNA"));
        QVERIFY(door->busy());
        QVERIFY(verdict.wait());
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QCOMPARE(held.size(), 0);
    }

    void heldBackElsewhere_data()
    {
        QTest::addColumn<Place>("place");
        QTest::addColumn<QString>("says");
        QTest::newRow("a form over home") << Place::HomeDialog << "Finish or cancel it, then scan again.";
        QTest::newRow("admin or PIN") << Place::Elsewhere << "Go back to check-in, then scan again.";
        // A ticket on the setup screen (an enrolment QR code there enrols: tst_setupscan).
        QTest::newRow("setup, a ticket")
            << Place::Setup << "scan the enrolment QR code from the event lead's console.";
    }
    void heldBackElsewhere()
    {
        QFETCH(Place, place);
        QFETCH(QString, says);
        QSignalSpy placeChanged(router, &ScanRouter::placeChanged);
        router->setPlace(place);
        router->setPlace(place);
        QCOMPARE(placeChanged.size(), 1);
        QSignalSpy toDoor(router, &ScanRouter::toDoor);
        QSignalSpy held(router, &ScanRouter::held);
        router->route(QStringLiteral("CODE-ANNA"));
        QCOMPARE(toDoor.size(), 0);
        QCOMPARE(held.size(), 1);
        QVERIFY(held.constFirst().constFirst().toString().endsWith(says));
        QVERIFY(!door->busy());
        QTest::qWait(50);
        QCOMPARE(door->verdictCount(), 0);
        QCOMPARE(await(f->store->stats()).inside, 0);

        // Back home, the next scan checks in.
        router->setPlace(Place::Home);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        router->route(QStringLiteral("CODE-ANNA"));
        QVERIFY(verdict.wait());
        QCOMPARE(await(f->store->stats()).inside, 1);
    }

    void anEmptyCodeGoesNowhere()
    {
        QSignalSpy toDoor(router, &ScanRouter::toDoor);
        QSignalSpy held(router, &ScanRouter::held);
        router->route(QStringLiteral("  "));
        router->setPlace(Place::Elsewhere);
        router->route(QString());
        QCOMPARE(toDoor.size() + held.size(), 0);
        QVERIFY(!door->busy());
    }
};

QTEST_GUILESS_MAIN(TestScanRouter)
#include "tst_scanrouter.moc"
