// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Checking somebody in by name with the on-screen keyboard up, on the real Main.qml (offscreen) at
// the sizes of a landscape 10" tablet (1280 x 800), a small one (1024 x 600) and a portrait one
// (800 x 1280), in English and German: at least four results in view, "Check in" in full, beside or
// above the keyboard and nothing over it, taken by a tap (mouse or touch), by Enter on a hardware
// keyboard or by the on-screen keyboard's Enter; the verdict takes the keyboard down and home brings
// it back; the toolbar's button hides and shows it; Enter selects the only person found.
#include "DoorController.h"
#include "KioskServices.h"
#include "KioskWindow.h"
#include "LayoutAudit.h"
#include "PinFlow.h"
#include "SearchModel.h"
#include "SelfTest.h"
#include "WalkInForm.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace checkin;
using ui::LayoutAudit;

namespace {

// The on-screen keyboard's key for `key` (Qt::Key), or null.
QQuickItem *keyboardKey(QQuickItem *item, int key)
{
    if (!item || !item->isVisible())
        return nullptr;
    const QVariant value = item->property("key");
    if (value.isValid() && value.toInt() == key && item->width() > 0 && item->isEnabled())
        return item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = keyboardKey(child, key))
            return found;
    }
    return nullptr;
}

// Result rows wholly in view: inside the list and above the keyboard.
int rowsInView(QQuickWindow *window, QQuickItem *list)
{
    const QRectF box = list->mapRectToScene(list->boundingRect());
    const QRectF keys = LayoutAudit::keyboardRect(window);
    int rows = 0;
    const QList<QQuickItem *> delegates = list->property("contentItem").value<QQuickItem *>()->childItems();
    for (QQuickItem *row : delegates) {
        if (!row->isVisible() || !row->inherits("QQuickItemDelegate"))
            continue;
        const QRectF r = row->mapRectToScene(row->boundingRect());
        if (box.adjusted(-1, -1, 1, 1).contains(r) && (keys.isEmpty() || !keys.intersects(r)))
            ++rows;
    }
    return rows;
}

// Keys as a keyboard sends them to the window: a person with `delayMs` between keys, a scanner with none.
void typeKeys(QWindow *window, const char *text, int delayMs = 0)
{
    for (const char *c = text; *c; ++c)
        QTest::keyClick(window, *c, Qt::NoModifier, delayMs);
}

} // namespace

class TestHomeKeyboard : public QObject
{
    Q_OBJECT

    KioskWindow w{400};

    // The button is all there, above or beside the keyboard, and a tap at its centre reaches it.
    void verifyTappable(const char *name)
    {
        QQuickItem *button = w.item(QLatin1String(name));
        QVERIFY2(button && button->isVisible() && button->isEnabled(), name);
        const QRectF r = button->mapRectToScene(button->boundingRect());
        const QRectF screen(0, 0, w.window()->width(), w.window()->height());
        QVERIFY2(screen.contains(r),
                 qPrintable(QStringLiteral("%1 is inside the window").arg(QLatin1String(name))));
        QVERIFY2(!LayoutAudit::keyboardRect(w.window()).intersects(r),
                 qPrintable(QStringLiteral("%1 is not under the keyboard").arg(QLatin1String(name))));
        QQuickItem *hit = LayoutAudit::itemAt(w.window()->contentItem(), r.center());
        QVERIFY2(hit == button || button->isAncestorOf(hit),
                 qPrintable(QStringLiteral("%1 takes the tap, not %2")
                                .arg(QLatin1String(name), LayoutAudit::describe(hit))));
        QVERIFY2(r.width() >= 48 && r.height() >= 48, name);
    }

    void verifyLayout(const QString &state)
    {
        w.settle(0); // what a change started is laid out (a slow machine polishes later)
        LayoutAudit::Options options;
        options.mayElideUnder = {QStringLiteral("statusBar")};
        const QStringList problems = LayoutAudit::check(w.window(), options);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(state + QStringLiteral(":\n  ") + problems.join(QStringLiteral("\n  "))));
    }

    // The row of somebody not checked in yet, among the results of "an".
    int somebodyOutside()
    {
        ui::SearchModel &model = w.services().search();
        for (int row = 0; row < model.rowCount(); ++row) {
            const QVariantMap person = model.get(row);
            if (!person.value(QStringLiteral("inside")).toBool() &&
                !person.value(QStringLiteral("cancelled")).toBool())
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = w.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void checkInByName_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("how");
        for (const QSize size : {QSize(1280, 800), QSize(1024, 600), QSize(800, 1280)}) {
            for (const char *language : {"en", "de"}) {
                for (const char *how : {"tap", "touch", "enter", "keyboard enter"}) {
                    QTest::addRow("%dx%d %s %s", size.width(), size.height(), language, how)
                        << size << QString::fromLatin1(language) << QString::fromLatin1(how);
                }
            }
        }
    }

    void checkInByName()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        QFETCH(QString, how);
        w.resize(size);
        w.setLanguage(language);
        w.home();
        QVERIFY(w.keyboard(true));

        // Typing: the results as they come, four at least in view, the keyboard still up.
        QVERIFY(w.search(QStringLiteral("an")));
        QVERIFY(w.services().search().rowCount() >= 8);
        QVERIFY(w.keyboardUp());
        QQuickItem *list = w.item(QStringLiteral("resultsList"));
        QVERIFY(list);
        QVERIFY2(rowsInView(w.window(), list) >= 4,
                 qPrintable(QString::number(rowsInView(w.window(), list))));
        verifyLayout(QStringLiteral("results"));

        // A tap on a person: the card, with "Check in" in full and tappable; the keyboard stays.
        const int row = somebodyOutside();
        QVERIFY(row >= 0);
        const QString id = w.services().search().get(row).value(QStringLiteral("attendeeId")).toString();
        QVERIFY(QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, row),
                                          Q_ARG(int, 0 /* Beginning */)));
        w.settle();
        QQuickItem *rowItem = nullptr;
        const QList<QQuickItem *> delegates =
            list->property("contentItem").value<QQuickItem *>()->childItems();
        for (QQuickItem *d : delegates) {
            if (d->isVisible() && d->property("attendeeId").toString() == id)
                rowItem = d;
        }
        QVERIFY(rowItem);
        w.tap(rowItem, how == QLatin1String("touch"));
        QTRY_COMPARE(w.item(QStringLiteral("homeScreen"))->property("selectedId").toString(), id);
        QVERIFY2(w.keyboardUp(), "the keyboard stays up when a person is tapped");
        verifyTappable("checkInButton");
        if (QTest::currentTestFailed())
            return;
        verifyLayout(QStringLiteral("person selected"));

        // One more tap (or Enter) records the check-in and shows the verdict, without the keyboard.
        const int verdicts = w.services().door().verdictCount();
        if (how == QLatin1String("tap") || how == QLatin1String("touch")) {
            w.tap(w.item(QStringLiteral("checkInButton")), how == QLatin1String("touch"));
        } else if (how == QLatin1String("enter")) {
            w.key(Qt::Key_Return);
        } else {
            QQuickItem *enter = keyboardKey(w.item(QStringLiteral("onScreenKeyboard")), Qt::Key_Return);
            QVERIFY2(enter, "the on-screen keyboard has an Enter key");
            const QRectF r = enter->mapRectToScene(enter->boundingRect());
            QVERIFY2(QRectF(0, 0, size.width(), size.height()).contains(r), "its Enter key is on the screen");
            w.tap(enter);
        }
        QTRY_VERIFY(w.services().door().verdictCount() > verdicts);
        QCOMPARE(w.services().door().kind(), ui::Door::Kind::Admitted);
        QCOMPARE(w.services().door().attendeeId(), id);
        QVERIFY(w.item(QStringLiteral("verdictScreen"))->isVisible());
        QTRY_VERIFY2(!w.keyboardUp(), "the keyboard goes down on the verdict");
        verifyLayout(QStringLiteral("verdict"));

        // Back home: the keyboard is up again for the next name.
        w.tap(QPointF(size.width() / 2.0, size.height() / 2.0));
        QTRY_VERIFY(!w.item(QStringLiteral("verdictScreen"))->isVisible());
        QTRY_VERIFY2(w.keyboardUp(), "the keyboard comes back on home");

        // The same person again, inside now: "Check out" in full and tappable.
        QVERIFY(w.search(w.services().door().name()));
        QVERIFY(w.call(QStringLiteral("homeScreen"), "selectRow", 0));
        w.settle();
        QVERIFY(w.keyboardUp());
        verifyTappable("checkOutButton");
        verifyTappable("admitAnywayButton");
        verifyLayout(QStringLiteral("person inside"));
    }

    void enterSelectsTheOnlyMatch()
    {
        w.resize(QSize(1280, 800));
        w.home();
        QVERIFY(w.keyboard(true));
        // Somebody whose whole name finds only them.
        QVERIFY(w.search(QStringLiteral("an")));
        QStringList names;
        for (int row = 0; row < w.services().search().rowCount(); ++row)
            names << w.services().search().get(row).value(QStringLiteral("name")).toString();
        QString only;
        for (const QString &name : std::as_const(names)) {
            QVERIFY(w.search(name));
            if (w.services().search().rowCount() == 1) {
                only = name;
                break;
            }
        }
        QVERIFY2(!only.isEmpty(), "somebody has a name of their own");
        const int verdicts = w.services().door().verdictCount();
        w.key(Qt::Key_Return);
        QCOMPARE(w.item(QStringLiteral("homeScreen"))->property("selectedId").toString(),
                 w.services().search().get(0).value(QStringLiteral("attendeeId")).toString());
        QCOMPARE(w.services().door().verdictCount(), verdicts); // selected, nothing recorded yet
        QVERIFY(!w.item(QStringLiteral("verdictScreen"))->isVisible());
        QVERIFY(w.keyboardUp());
    }

    // A scanner types into whatever has the focus: a code scanned while the walk-in form or the PIN
    // pad is open is taken out again, and the kiosk says why nothing happened.
    void scansNeverStayInAField()
    {
        w.resize(QSize(1280, 800));
        w.setLanguage(QStringLiteral("en"));
        w.home();
        QVERIFY(QMetaObject::invokeMethod(w.item(QStringLiteral("walkInButton")), "clicked"));
        w.settle();
        QQuickItem *first = w.item(QStringLiteral("walkInFirstName"));
        QVERIFY(first);
        QQuickItem *input = first->property("input").value<QQuickItem *>();
        QVERIFY(input && input->hasActiveFocus());
        w.settle(400);
        typeKeys(w.window(), "Wa", 150); // a person
        QCOMPARE(input->property("text").toString(), QStringLiteral("Wa"));
        QTest::qWait(300);
        QCOMPARE(input->property("text").toString(), QStringLiteral("Wa"));
        const int verdicts = w.services().door().verdictCount();
        typeKeys(w.window(), "QY7NBGBE8TR8"); // a scanner, in one burst
        QTest::keyClick(w.window(), Qt::Key_Return);
        w.settle();
        QCOMPARE(input->property("text").toString(), QStringLiteral("Wa"));
        QCOMPARE(w.services().walkIn().firstName(), QStringLiteral("Wa")); // the form has it back too
        QCOMPARE(w.object(QStringLiteral("walkInDialog"))->property("opened").toBool(), true);
        QCOMPARE(w.services().door().verdictCount(), verdicts);
        QQuickItem *notice = w.item(QStringLiteral("notice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->property("text").toString().contains(QStringLiteral("Scanning is paused")));
        w.home();

        w.services().adminGate().ask(ui::PinFlow::Step::OpenAdmin);
        w.settle();
        QQuickItem *pad =
            ui::SelfTest::itemNamed(w.item(QStringLiteral("adminGate")), QStringLiteral("pinPad"));
        QVERIFY(pad && pad->hasActiveFocus());
        typeKeys(w.window(), "12", 150);
        QTest::qWait(300);
        typeKeys(w.window(), "4006381333931");
        QTest::keyClick(w.window(), Qt::Key_Return);
        w.settle();
        QCOMPARE(pad->property("pin").toString(), QStringLiteral("12"));
        QVERIFY(w.item(QStringLiteral("adminGate"))->isVisible());
        w.services().adminGate().cancel();
        w.home();
    }

    void keyboardButtonHidesAndShows_data()
    {
        QTest::addColumn<QSize>("size");
        for (const QSize size : {QSize(1280, 800), QSize(1024, 600), QSize(800, 1280), QSize(1920, 1080)})
            QTest::addRow("%dx%d", size.width(), size.height()) << size;
    }

    void keyboardButtonHidesAndShows()
    {
        QFETCH(QSize, size);
        w.resize(size);
        w.setLanguage(QStringLiteral("en"));
        w.home();
        QVERIFY(w.keyboard(true));
        verifyTappable("keyboardButton");
        w.tap(w.item(QStringLiteral("keyboardButton")), true);
        QTRY_VERIFY2(!w.keyboardUp(), "a tap hides it");
        verifyTappable("keyboardButton");
        w.tap(w.item(QStringLiteral("keyboardButton")));
        QTRY_VERIFY2(w.keyboardUp(), "a second tap brings it back");
        QVERIFY(w.item(QStringLiteral("searchField"))->hasActiveFocus());
    }
};

QTEST_MAIN(TestHomeKeyboard)
#include "tst_homekeyboard.moc"
