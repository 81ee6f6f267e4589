// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ScannerInput: a fast burst of keys ending in Enter is a scan; a person typing is not; the same
// code within 2.5 s is ignored. Time is a ManualClock.
#include "ScannerInput.h"
#include "WallClock.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

using namespace checkin;
using checkin::ui::ScannerInput;

class TestScannerInput : public QObject
{
    Q_OBJECT

    ManualClock clock;

    // Types `text` with `gapMs` before each key, and no key to end it.
    void keys(ScannerInput &s, const QString &text, qint64 gapMs)
    {
        for (const QChar c : text) {
            clock.advance(gapMs);
            s.feed(0, QString(c));
        }
    }
    // Types `text` with `gapMs` between keys, then Enter after another gap; the Enter's answer.
    bool type(ScannerInput &s, const QString &text, qint64 gapMs)
    {
        keys(s, text, gapMs);
        clock.advance(gapMs);
        return s.feed(Qt::Key_Return, QStringLiteral("\r"));
    }

private Q_SLOTS:
    void burstIsAScan()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        QVERIFY(type(s, QStringLiteral("QY7NBGBE8TR8"), 8));
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("QY7NBGBE8TR8"));
    }

    void personTypingIsNot()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        QVERIFY(!type(s, QStringLiteral("mueller"), 150));
        QVERIFY(!type(s, QStringLiteral("ann"), 5)); // too short for a code
        QCOMPARE(scanned.size(), 0);
    }

    void slowStartThenBurst()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        s.feed(0, QStringLiteral("x")); // a stray key long before
        clock.advance(500);
        QVERIFY(type(s, QStringLiteral("CODE-1234"), 10));
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("CODE-1234"));
    }

    // Scanners come set to end a code with Enter, with Tab, or with nothing.
    void tabEndsAScan()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        keys(s, QStringLiteral("QY7NBGBE8TR8"), 8);
        clock.advance(8);
        QVERIFY(s.feed(Qt::Key_Tab, QStringLiteral("\t"))); // consumed: the focus stays
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("QY7NBGBE8TR8"));
        // A person's Tab moves on as ever.
        clock.advance(1000);
        QVERIFY(!s.feed(Qt::Key_Tab, QStringLiteral("\t")));
        // Tab can be turned off (a code with a Tab in it).
        ScannerInput::Options options;
        options.tabEnds = false;
        ScannerInput noTab(&clock, options);
        QSignalSpy noTabScanned(&noTab, &ScannerInput::scanned);
        keys(noTab, QStringLiteral("AB12CD"), 8);
        clock.advance(8);
        QVERIFY(!noTab.feed(Qt::Key_Tab, QStringLiteral("\t")));
        QCOMPARE(noTabScanned.size(), 0);
    }

    void aBurstThatStopsIsAScan()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        keys(s, QStringLiteral("QY7NBGBE8TR8"), 8);
        clock.advance(100);
        QVERIFY(!s.endQuietBurst()); // not quiet long enough yet
        QCOMPARE(scanned.size(), 0);
        clock.advance(60);
        QVERIFY(s.endQuietBurst());
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("QY7NBGBE8TR8"));
        QVERIFY(!s.endQuietBurst()); // once
        // The timer does it without being asked, on the real clock.
        SystemClock real;
        ScannerInput timed(&real);
        QSignalSpy timedScanned(&timed, &ScannerInput::scanned);
        keys(timed, QStringLiteral("CODE-4711"), 0); // its own clock: the real one
        QVERIFY(timedScanned.wait(2000));
        QCOMPARE(timedScanned.at(0).at(0).toString(), QStringLiteral("CODE-4711"));
    }

    void aQuickTypistOrAHeldKeyIsNoScan()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        keys(s, QStringLiteral("anna"), 40); // a name typed fast: no digit
        clock.advance(500);
        QVERIFY(!s.endQuietBurst());
        keys(s, QString(12, QLatin1Char('7')), 30); // a key held down: auto-repeat
        clock.advance(500);
        QVERIFY(!s.endQuietBurst());
        // Turned off: only Enter or Tab end a scan.
        ScannerInput::Options options;
        options.quietMs = 0;
        ScannerInput enterOnly(&clock, options);
        keys(enterOnly, QStringLiteral("QY7NBGBE8TR8"), 8);
        clock.advance(500);
        QVERIFY(!enterOnly.endQuietBurst());
        QCOMPARE(scanned.size(), 0);
    }

    void shiftDoesNotBreakABurst()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        for (const QChar c : QStringLiteral("AB12")) {
            clock.advance(5);
            s.feed(Qt::Key_Shift, QString());
            clock.advance(5);
            s.feed(0, QString(c));
        }
        clock.advance(5);
        QVERIFY(s.feed(Qt::Key_Enter, QString()));
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("AB12"));
    }

    void sameCodeWithinTheWindowIsIgnored()
    {
        ScannerInput s(&clock);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        QSignalSpy repeated(&s, &ScannerInput::repeated);
        QVERIFY(type(s, QStringLiteral("TICKET-1"), 5));
        clock.advance(1000);
        QVERIFY(type(s, QStringLiteral("TICKET-1"), 5)); // consumed, but not a second scan
        QCOMPARE(scanned.size(), 1);
        QCOMPARE(repeated.size(), 1);
        QVERIFY(type(s, QStringLiteral("TICKET-2"), 5)); // another code at once is fine
        QCOMPARE(scanned.size(), 2);
        clock.advance(2600);
        QVERIFY(type(s, QStringLiteral("TICKET-2"), 5)); // the same code after the window
        QCOMPARE(scanned.size(), 3);
    }

    void aPersonTypingIsTold()
    {
        ScannerInput s(&clock);
        QSignalSpy typing(&s, &ScannerInput::typing);
        QVERIFY(type(s, QStringLiteral("QY7NBGBE8TR8"), 8)); // a scanner
        QCOMPARE(typing.size(), 0);
        clock.advance(1000);
        s.feed(0, QStringLiteral("m"));
        QCOMPARE(typing.size(), 0); // one key alone: a scan may follow
        clock.advance(180);
        s.feed(0, QStringLiteral("u"));
        QCOMPARE(typing.size(), 1); // two slow keys: a person
    }

    void watchesAWindowsKeys()
    {
        ScannerInput s(&clock);
        QObject window;
        s.watch(&window);
        QSignalSpy scanned(&s, &ScannerInput::scanned);
        for (const QChar c : QStringLiteral("ZX-9988")) {
            clock.advance(4);
            QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QString(c));
            QVERIFY(!QCoreApplication::sendEvent(&window, &key)); // characters still reach the focused field
        }
        clock.advance(4);
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier, QStringLiteral("\r"));
        QVERIFY(QCoreApplication::sendEvent(&window, &enter)); // the scan's Enter is consumed
        QCOMPARE(scanned.at(0).at(0).toString(), QStringLiteral("ZX-9988"));
    }

    void keysAndTapsAreActivity()
    {
        ScannerInput s(&clock);
        QObject window;
        s.watch(&window);
        QSignalSpy activity(&s, &ScannerInput::activity);
        QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
        QCoreApplication::sendEvent(&window, &key);
        QMouseEvent press(QEvent::MouseButtonPress, QPointF(10, 10), QPointF(10, 10), Qt::LeftButton,
                          Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
        QCoreApplication::sendEvent(&window, &release); // one key, one activity
        QEvent paint(QEvent::UpdateRequest);
        QCoreApplication::sendEvent(&window, &paint);
        QCOMPARE(activity.size(), 2);
    }
};

QTEST_MAIN(TestScannerInput)
#include "tst_scannerinput.moc"
