// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The PIN flows on the real AdminPin (hashing off the UI thread): when the admin area and closing
// the app take the PIN, a wrong PIN and a right one, and setting or changing the PIN step by step.
#include "AdminController.h"
#include "AdminPin.h"
#include "KioskPreferences.h"
#include "PinFlow.h"
#include "StoreFixture.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"

#include <QEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::AdminController;
using checkin::ui::AdminGate;
using checkin::ui::AdminPin;
using checkin::ui::KioskPreferences;
using checkin::ui::PinChange;
using checkin::ui::PinFlow;
using Step = checkin::ui::PinFlow::Step;

class TestPinFlow : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    ManualScheduler *scheduler = nullptr;
    SyncEngine *engine = nullptr;
    AdminPin *pin = nullptr;
    AdminController *admin = nullptr;
    KioskPreferences *preferences = nullptr;
    AdminGate *gate = nullptr;
    PinChange *change = nullptr;

    // Sets the admin PIN directly, as an earlier session would have.
    bool setPin(const QString &code)
    {
        QSignalSpy done(pin, &AdminPin::changeDone);
        pin->change(QString(), code);
        return done.wait(20000) && done.constFirst().constFirst().toBool();
    }
    // Types `code` into `flow` and waits until AdminPin has answered (when it was asked).
    static void type(PinFlow *flow, AdminPin *pin, const QString &code)
    {
        flow->enter(code);
        if (pin->checking())
            QTRY_VERIFY_WITH_TIMEOUT(!pin->checking(), 20000);
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        scheduler = new ManualScheduler;
        engine = new SyncEngine(f->store.get(), scheduler, {});
        pin = new AdminPin(f->dir.path(), &f->clock);
        admin = new AdminController(f->store.get(), engine, &f->clock);
        preferences = new KioskPreferences(f->dir.path());
        gate = new AdminGate(pin, admin, preferences);
        change = new PinChange(pin);
    }
    void cleanup()
    {
        delete change;
        delete gate;
        delete preferences;
        delete admin;
        delete pin;
        delete engine;
        delete scheduler;
        delete f;
    }

    // Without a PIN, or on a laptop outside kiosk mode and self-service, nothing is asked.
    void whenTheAdminAreaTakesThePin()
    {
        admin->setKioskMode(true);
        QVERIFY(gate->openAdmin()); // no PIN set yet
        QVERIFY(gate->mayClose());
        QCOMPARE(gate->step(), Step::Closed);

        QVERIFY(setPin(QStringLiteral("2468")));
        admin->setKioskMode(false);
        QVERIFY(gate->openAdmin());
        QVERIFY(gate->mayClose()); // a laptop's window closes anyway
        QVERIFY(!gate->shown());

        preferences->setSelfServiceAllowed(true);
        preferences->setMode(KioskPreferences::Mode::SelfService);
        QVERIFY(!gate->openAdmin()); // attendees at the screen
        QCOMPARE(gate->step(), Step::OpenAdmin);
        QCOMPARE(gate->title(), QStringLiteral("Admin PIN"));
        QCOMPARE(gate->subtitle(), QStringLiteral("Enter the admin PIN to open the admin area."));
        gate->cancel();
        QVERIFY(!gate->shown());

        preferences->setMode(KioskPreferences::Mode::Volunteer);
        admin->setKioskMode(true);
        QVERIFY(!gate->openAdmin());
        QVERIFY(gate->shown());
        gate->cancel();
        QVERIFY(!gate->mayClose());
        QCOMPARE(gate->step(), Step::Leave);
        QCOMPARE(gate->subtitle(), QStringLiteral("Enter the admin PIN to close the check-in app."));
    }

    void wrongPinThenTheRightOne()
    {
        QVERIFY(setPin(QStringLiteral("2468")));
        admin->setKioskMode(true);
        QSignalSpy granted(gate, &AdminGate::adminGranted);
        QSignalSpy asked(gate, &PinFlow::asked);
        QVERIFY(!gate->openAdmin());
        QCOMPARE(asked.size(), 1);

        gate->enter(QStringLiteral("1111"));
        QVERIFY(gate->checking());
        gate->enter(QStringLiteral("2468")); // typed while the first is checked: goes nowhere
        QTRY_VERIFY_WITH_TIMEOUT(!gate->checking(), 20000);
        QCoreApplication::processEvents();
        QVERIFY(gate->shown());
        QCOMPARE(granted.size(), 0);
        QCOMPARE(gate->message(), QStringLiteral("Wrong PIN. 4 tries left."));

        type(gate, pin, QStringLiteral("2468"));
        QCOMPARE(granted.size(), 1);
        QVERIFY(!gate->shown());
        QVERIFY(gate->message().isEmpty());
    }

    // Once the PIN let the window close, it closes: the second close event is not asked again.
    void leavingTakesThePinOnce()
    {
        QVERIFY(setPin(QStringLiteral("2468")));
        admin->setKioskMode(true);
        QSignalSpy leave(gate, &AdminGate::leaveGranted);
        QSignalSpy granted(gate, &AdminGate::adminGranted);
        QVERIFY(!gate->mayClose());
        type(gate, pin, QStringLiteral("2468"));
        QCOMPARE(leave.size(), 1);
        QCOMPARE(granted.size(), 0);
        QVERIFY(gate->mayClose());
    }

    // Cancel while the PIN is being checked: the answer that comes later opens nothing.
    void cancelDropsTheAnswerToCome()
    {
        QVERIFY(setPin(QStringLiteral("2468")));
        admin->setKioskMode(true);
        QSignalSpy granted(gate, &AdminGate::adminGranted);
        QVERIFY(!gate->openAdmin());
        gate->enter(QStringLiteral("2468"));
        QVERIFY(gate->checking());
        gate->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!pin->checking(), 20000);
        QTest::qWait(50);
        QCOMPARE(granted.size(), 0);
        QVERIFY(!gate->shown());
    }

    // Five wrong PINs lock the gate; choosing a new PIN is not where a lock applies.
    void aLockedGateSaysSo()
    {
        QVERIFY(setPin(QStringLiteral("2468")));
        admin->setKioskMode(true);
        QVERIFY(!gate->openAdmin());
        for (int i = 0; i < AdminPin::MaxTries; ++i)
            type(gate, pin, QStringLiteral("1111"));
        QVERIFY(pin->locked());
        QVERIFY(gate->locked());
        QVERIFY(gate->message().startsWith(QStringLiteral("Too many wrong tries.")));
        gate->cancel();
        QVERIFY(!gate->locked());
    }

    void setAPinForTheFirstTime()
    {
        QSignalSpy done(change, &PinChange::doneChanged);
        change->start();
        QCOMPARE(change->step(), Step::New); // no current PIN to ask for
        QCOMPARE(change->title(), QStringLiteral("Choose a new PIN"));
        QCOMPARE(change->subtitle(), QStringLiteral("4 to 8 digits. Keep it to the event team."));
        type(change, pin, QStringLiteral("1357"));
        QCOMPARE(change->step(), Step::Confirm);
        QCOMPARE(change->title(), QStringLiteral("Enter the new PIN again"));
        type(change, pin, QStringLiteral("1358"));
        QCOMPARE(change->step(), Step::New);
        QCOMPARE(change->message(), QStringLiteral("The two PINs differ. Choose the new PIN again."));
        type(change, pin, QStringLiteral("1357"));
        QVERIFY(change->message().isEmpty());
        type(change, pin, QStringLiteral("1357"));
        QTRY_VERIFY_WITH_TIMEOUT(change->done(), 20000);
        QVERIFY(!change->shown());
        QVERIFY(pin->hasPin());
        QCOMPARE(done.size(), 1);
        change->reset();
        QVERIFY(!change->done());
    }

    void changeTakesTheCurrentPinFirst()
    {
        QVERIFY(setPin(QStringLiteral("2468")));
        change->start();
        QCOMPARE(change->step(), Step::Current);
        QCOMPARE(change->title(), QStringLiteral("Enter the current PIN"));
        QVERIFY(change->subtitle().isEmpty());
        type(change, pin, QStringLiteral("1111"));
        QCOMPARE(change->step(), Step::Current);
        QCOMPARE(change->message(), QStringLiteral("Wrong PIN. 4 tries left."));
        type(change, pin, QStringLiteral("2468"));
        QCOMPARE(change->step(), Step::New);
        QVERIFY(change->message().isEmpty());
        type(change, pin, QStringLiteral("97531"));
        type(change, pin, QStringLiteral("97531"));
        QTRY_VERIFY_WITH_TIMEOUT(change->done(), 20000);

        // The new PIN is the one that opens the gate now.
        admin->setKioskMode(true);
        QSignalSpy granted(gate, &AdminGate::adminGranted);
        QVERIFY(!gate->openAdmin());
        type(gate, pin, QStringLiteral("2468"));
        QCOMPARE(granted.size(), 0);
        type(gate, pin, QStringLiteral("97531"));
        QCOMPARE(granted.size(), 1);
    }

    // A PIN AdminPin refuses to save (too short) keeps the prompt with the reason.
    void aPinThatCannotBeSavedSaysWhy()
    {
        change->start();
        type(change, pin, QStringLiteral("12"));
        type(change, pin, QStringLiteral("12"));
        QVERIFY(change->shown());
        QVERIFY(!change->done());
        QVERIFY(!change->message().isEmpty());
        QVERIFY(!pin->hasPin());
    }

    // The words are written when read: a language change announces them again.
    void wordsFollowTheLanguage()
    {
        QSignalSpy text(change, &PinFlow::textChanged);
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(change, &event);
        QCOMPARE(text.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPinFlow)
#include "tst_pinflow.moc"
