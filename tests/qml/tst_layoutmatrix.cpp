// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The layout matrix: every screen and state of the real Main.qml (offscreen) at 1024 x 600,
// 1280 x 800, 1920 x 1080 and 800 x 1280, in English and German, with normal and larger text, the
// on-screen keyboard up and down, with and without the demo's server button. In each, every
// visible control must be inside the window, not under the keyboard or another item, at least
// 48 x 48 px with its label in full, and no text may leave the window or overlap another
// (LayoutAudit). Home empty, typing, results, a person (outside and inside), the refusal bar, the
// "Admit anyway" and walk-in dialogs, "Nobody found", every verdict, the PIN pad, the admin area
// scrolled through, self-service with a person, and the first-run setup screen.
#include "DoorController.h"
#include "InputDevices.h"
#include "KioskPreferences.h"
#include "KioskServices.h"
#include "KioskWindow.h"
#include "LayoutAudit.h"
#include "PinFlow.h"
#include "SearchModel.h"
#include "SelfTest.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <functional>
#include <memory>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace checkin;
using ui::LayoutAudit;

class TestLayoutMatrix : public QObject
{
    Q_OBJECT

    KioskWindow w{300};
    QString m_inside; // the name of somebody checked in
    QStringList m_problems;
    QString m_config;
    std::unique_ptr<KioskWindow> m_fresh; // a kiosk with no event yet, for the setup screen

    void audit(const QString &state, QQuickWindow *window = nullptr)
    {
        (window && window != w.window() ? *m_fresh : w).settle(0); // laid out, however slow the machine
        LayoutAudit::Options options;
        options.mayElideUnder = {QStringLiteral("statusBar")};
        const QStringList found = LayoutAudit::check(window ? window : w.window(), options);
        for (const QString &problem : found)
            m_problems << QStringLiteral("%1 / %2: %3").arg(m_config, state, problem);
    }

    // The keyboard as the configuration has it, for a state with a text field focused.
    void keyboardAsConfigured(bool up)
    {
        if (up && w.window()->activeFocusItem() && w.window()->activeFocusItem()->inherits("QQuickTextInput"))
            w.keyboard(true);
        else if (!up && w.keyboardUp())
            w.keyboard(false);
    }

    // "normal", "larger": as the rows are named.
    static const char *textSizeName(ui::KioskPreferences::TextSize size)
    {
        return size == ui::KioskPreferences::TextSize::Larger ? "larger" : "normal";
    }

    static void configs()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        QTest::addColumn<ui::KioskPreferences::TextSize>("textSize");
        QTest::addColumn<bool>("keyboard");
        QTest::addColumn<bool>("demo");
        for (const QSize size : {QSize(1024, 600), QSize(1280, 800), QSize(1920, 1080), QSize(800, 1280)}) {
            for (const char *language : {"en", "de"}) {
                for (const auto text :
                     {ui::KioskPreferences::TextSize::Normal, ui::KioskPreferences::TextSize::Larger}) {
                    for (const bool keyboard : {false, true}) {
                        for (const bool demo : {false, true}) {
                            QTest::addRow("%dx%d %s %s %s %s", size.width(), size.height(), language,
                                          textSizeName(text), keyboard ? "keyboard" : "no-keyboard",
                                          demo ? "demo" : "no-demo")
                                << size << QString::fromLatin1(language) << text << keyboard << demo;
                        }
                    }
                }
            }
        }
    }

    void configure(const QSize &size, const QString &language, ui::KioskPreferences::TextSize textSize)
    {
        w.resize(size);
        w.setLanguage(language);
        w.setTextSize(textSize);
    }

    // The admin area's cards in reading order: in landscape sync, lists, PIN, language, camera and
    // wipe down the left, review, other doors, export, mode, badges and enrolment down the right;
    // in portrait all twelve in reading order.
    void verifyCardOrder(bool landscape)
    {
        const QStringList left{QStringLiteral("syncCard"),   QStringLiteral("listCard"),
                               QStringLiteral("pinCard"),    QStringLiteral("languageCard"),
                               QStringLiteral("cameraCard"), QStringLiteral("wipeCard")};
        const QStringList right{QStringLiteral("reviewSection"), QStringLiteral("peersCard"),
                                QStringLiteral("exportCard"),    QStringLiteral("modeCard"),
                                QStringLiteral("badgeCard"),     QStringLiteral("enrolCard")};
        const QStringList reading{
            QStringLiteral("syncCard"),   QStringLiteral("reviewSection"), QStringLiteral("peersCard"),
            QStringLiteral("listCard"),   QStringLiteral("exportCard"),    QStringLiteral("pinCard"),
            QStringLiteral("modeCard"),   QStringLiteral("languageCard"),  QStringLiteral("badgeCard"),
            QStringLiteral("cameraCard"), QStringLiteral("enrolCard"),     QStringLiteral("wipeCard")};
        auto place = [&](const QString &name) {
            QQuickItem *card = w.item(name);
            return card ? card->mapToScene(QPointF(0, 0)) : QPointF(-1, -1);
        };
        if (landscape) {
            for (const QStringList &column : {left, right}) {
                for (qsizetype i = 1; i < column.size(); ++i) {
                    QVERIFY2(place(column[i]).y() > place(column[i - 1]).y(),
                             qPrintable(column[i] + QStringLiteral(" below ") + column[i - 1]));
                    QCOMPARE(place(column[i]).x(), place(column[0]).x());
                }
            }
            QVERIFY2(place(right[0]).x() > place(left[0]).x(), "the review beside the sync detail");
            QCOMPARE(place(right[0]).y(), place(left[0]).y());
        } else {
            for (qsizetype i = 1; i < reading.size(); ++i)
                QVERIFY2(place(reading[i]).y() > place(reading[i - 1]).y(),
                         qPrintable(reading[i] + QStringLiteral(" below ") + reading[i - 1]));
        }
    }

    void verifyNoProblems()
    {
        const int shown = 40;
        QStringList lines = m_problems.mid(0, shown);
        if (m_problems.size() > shown)
            lines << QStringLiteral("... and %1 more").arg(m_problems.size() - shown);
        QVERIFY2(m_problems.isEmpty(), qPrintable(QStringLiteral("\n") + lines.join(u'\n')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = w.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Somebody inside, for the card with "Check out" and for a refusal.
        QVERIFY(w.search(QStringLiteral("an")));
        const QVariantMap person = w.services().search().get(0);
        m_inside = person.value(QStringLiteral("name")).toString();
        w.services().door().checkIn(person.value(QStringLiteral("attendeeId")).toString());
        QTRY_VERIFY(w.services().door().kind() == ui::Door::Kind::Admitted);
        w.home();
    }

    void cleanupTestCase()
    {
        m_fresh.reset();
        w.services().preferences().setTextSize(ui::KioskPreferences::TextSize::Normal);
    }

    void screens_data() { configs(); }

    void screens()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QFETCH(ui::KioskPreferences::TextSize, textSize);
        QFETCH(bool, keyboard);
        QFETCH(bool, demo);
        m_problems.clear();
        m_config = QString::fromLatin1(QTest::currentDataTag());
        configure(size, language, textSize);
        w.item(QStringLiteral("homeScreen"))->setProperty("showDemoPanel", demo);
        ui::DoorController &door = w.services().door();

        w.home();
        QVERIFY(w.keyboard(keyboard));
        audit(QStringLiteral("home"));

        QVERIFY(w.search(QStringLiteral("an")));
        keyboardAsConfigured(keyboard);
        audit(QStringLiteral("results"));

        QVERIFY(w.call(QStringLiteral("homeScreen"), "selectRow", 1));
        audit(QStringLiteral("person"));

        QVERIFY(w.search(m_inside));
        QVERIFY(w.call(QStringLiteral("homeScreen"), "selectRow", 0));
        audit(QStringLiteral("person inside"));

        QVERIFY(w.search(QStringLiteral("xyzqw")));
        audit(QStringLiteral("nobody found"));

        // A refusal of somebody known: the verdict, then the bar on home, then the note dialog.
        QVERIFY(w.search(m_inside));
        const int verdicts = door.verdictCount(); // (the last row's refusal may still be the one shown)
        door.checkIn(w.services().search().get(0).value(QStringLiteral("attendeeId")).toString());
        QTRY_VERIFY(door.verdictCount() > verdicts);
        QCOMPARE(door.kind(), ui::Door::Kind::AlreadyInside);
        w.settle();
        audit(QStringLiteral("verdict already inside"));
        QVERIFY(w.call(QString(), "goHome"));
        keyboardAsConfigured(keyboard);
        QVERIFY(door.canAdmitAnyway());
        audit(QStringLiteral("refusal bar"));
        QVERIFY(w.call(QStringLiteral("homeScreen"), "admitLastRefusalAnyway"));
        keyboardAsConfigured(keyboard);
        audit(QStringLiteral("admit anyway dialog"));
        w.home();

        QQuickItem *walkIn = w.item(QStringLiteral("walkInButton"));
        QVERIFY(walkIn);
        QVERIFY(QMetaObject::invokeMethod(walkIn, "clicked"));
        w.settle();
        keyboardAsConfigured(keyboard);
        audit(QStringLiteral("walk-in dialog"));
        w.home();

        // Every verdict (the keyboard is down on all of them).
        if (!keyboard) {
            const QList<ScanOutcome> samples = ui::SelfTest::sampleOutcomes();
            for (const ScanOutcome &sample : samples) {
                door.present(sample, sample.verdict == Verdict::UnknownCode ? QStringLiteral("QY7NBGBE8TR9")
                                                                            : QString());
                w.settle();
                audit(QStringLiteral("verdict ") + ui::Door::kindName(door.kind()));
            }
            w.home();
        }

        // The PIN pad, and the admin area scrolled from top to bottom.
        w.services().adminGate().ask(ui::PinFlow::Step::OpenAdmin);
        w.settle();
        audit(QStringLiteral("PIN pad"));
        w.services().adminGate().cancel();
        QVERIFY(w.call(QStringLiteral("adminScreen"), "open"));
        keyboardAsConfigured(keyboard);
        QQuickItem *cards = w.item(QStringLiteral("adminCards"));
        QVERIFY(cards);
        verifyCardOrder(w.window()->width() > w.window()->height());
        const qreal end = cards->property("contentHeight").toReal() - cards->height();
        for (qreal y = 0;; y += cards->height() * 0.8) {
            cards->setProperty("contentY", qMin(y, qMax<qreal>(0, end)));
            w.settle();
            audit(QStringLiteral("admin area at %1").arg(qRound(cards->property("contentY").toReal())));
            if (y >= end)
                break;
        }
        QVERIFY(w.call(QStringLiteral("adminScreen"), "close"));

        // Self-service: the results and "Is this you?".
        w.services().preferences().setSelfServiceAllowed(true);
        w.services().preferences().setMode(ui::KioskPreferences::Mode::SelfService);
        w.home();
        keyboardAsConfigured(keyboard);
        audit(QStringLiteral("self-service home"));
        QVERIFY(w.search(QStringLiteral("anna")));
        audit(QStringLiteral("self-service results"));
        if (w.services().search().rowCount() > 0) {
            QVERIFY(w.call(QStringLiteral("homeScreen"), "selectRow", 0));
            audit(QStringLiteral("self-service person"));
        }
        w.services().preferences().setMode(ui::KioskPreferences::Mode::Volunteer);
        w.home();
        verifyNoProblems();
    }

    // The first-run setup screen, on a kiosk with no event, with the keyboard up for its first field
    // and down.
    void setup_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        QTest::addColumn<ui::KioskPreferences::TextSize>("textSize");
        for (const QSize size : {QSize(1024, 600), QSize(1280, 800), QSize(1920, 1080), QSize(800, 1280)}) {
            for (const char *language : {"en", "de"}) {
                for (const auto text :
                     {ui::KioskPreferences::TextSize::Normal, ui::KioskPreferences::TextSize::Larger})
                    QTest::addRow("%dx%d %s %s", size.width(), size.height(), language, textSizeName(text))
                        << size << QString::fromLatin1(language) << text;
            }
        }
    }

    void setup()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QFETCH(ui::KioskPreferences::TextSize, textSize);
        if (!m_fresh) {
            m_fresh = std::make_unique<KioskWindow>(0);
            const QString problem = m_fresh->start();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        KioskWindow &fresh = *m_fresh;
        m_problems.clear();
        m_config = QString::fromLatin1(QTest::currentDataTag());
        fresh.resize(size);
        fresh.setLanguage(language);
        fresh.setTextSize(textSize);
        QQuickItem *setup = fresh.item(QStringLiteral("setupScreen"));
        QVERIFY(setup && setup->isVisible());
        QVERIFY(fresh.keyboard(false));
        audit(QStringLiteral("setup"), fresh.window());
        // The first text field of the form, with the keyboard up for it.
        QQuickItem *field = nullptr;
        const QList<QQuickItem *> items = setup->findChildren<QQuickItem *>();
        for (QQuickItem *item : items) {
            if (item->inherits("QQuickTextInput") && item->isVisible() && !field)
                field = item;
        }
        QVERIFY(field);
        field->forceActiveFocus();
        ui::InputDevices::showKeyboard();
        QTRY_VERIFY(fresh.keyboardUp());
        fresh.settle();
        audit(QStringLiteral("setup with the keyboard"), fresh.window());
        verifyNoProblems();
    }
};

QTEST_MAIN(TestLayoutMatrix)
#include "tst_layoutmatrix.moc"
