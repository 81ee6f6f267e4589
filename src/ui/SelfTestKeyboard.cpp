// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SelfTest: a tablet's way through home with the on-screen keyboard up: the results above it, a
// person and "Check in" beside or above it, a tap that checks in and a verdict without it, the
// keyboard back on home, the keyboard button, and the walk-in and "Admit anyway" dialogs above it.
#include "CheckInDesk.h"
#include "DoorController.h"
#include "InputDevices.h"
#include "KioskPreferences.h"
#include "KioskServices.h"
#include "LayoutAudit.h"
#include "SearchModel.h"
#include "SelfTest.h"

#include <QQuickItem>
#include <QQuickWindow>

namespace checkin::ui {

void SelfTest::addKeyboardSteps()
{
    QQuickWindow *root = m_window;
    auto find = [root](const char *name) { return root->findChild<QQuickItem *>(QLatin1String(name)); };
    auto keyboardUp = [root] { return !LayoutAudit::keyboardRect(root).isEmpty(); };
    // Whether a tap on `name` reaches it: all of it in the window, beside the keyboard, on top.
    auto tappable = [this, root, find](const char *name) {
        QQuickItem *item = find(name);
        if (!item || !item->isVisible())
            return false;
        const QRectF r = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        QQuickItem *hit = LayoutAudit::itemAt(root->contentItem(), r.center());
        return QRectF(0, 0, m_window->width(), m_window->height()).contains(r) &&
               !LayoutAudit::keyboardRect(root).intersects(r) && (hit == item || item->isAncestorOf(hit));
    };

    then(300, [this, find] {
        m_window->requestActivate();
        m_services->preferences().setKeyboard(KioskPreferences::Keyboard::On);
        QMetaObject::invokeMethod(m_window, "goHome");
        if (QQuickItem *field = find("searchField"))
            field->forceActiveFocus();
    });
    then(600, [this, find, keyboardUp] {
        QQuickItem *keyboard = find("onScreenKeyboard");
        check(keyboardUp() && keyboard->height() > 100 &&
                  keyboard->y() + keyboard->height() <= m_window->height(),
              QStringLiteral("the on-screen keyboard shows for the search field"));
        shoot(QStringLiteral("home-keyboard"));
        if (QObject *field = find("searchField"))
            field->setProperty("text", QStringLiteral("an"));
    });
    then(400, [this, find, keyboardUp] {
        check(keyboardUp() && m_services->search().rowCount() >= 4,
              QStringLiteral("keyboard: typing \"an\" finds people, the keyboard stays"));
        shoot(QStringLiteral("keyboard-results"));
        // Somebody not checked in yet.
        int row = 0;
        while (row < m_services->search().rowCount() &&
               (m_services->search().get(row).value(QStringLiteral("inside")).toBool() ||
                m_services->search().get(row).value(QStringLiteral("cancelled")).toBool()))
            ++row;
        QMetaObject::invokeMethod(find("homeScreen"), "selectRow", Q_ARG(int, row));
    });
    then(300, [this, find, keyboardUp, tappable] {
        check(
            keyboardUp() && tappable("checkInButton"),
            QStringLiteral("keyboard: \"Check in\" is whole, beside or above the keyboard, and takes a tap"));
        shoot(QStringLiteral("keyboard-person"));
        if (QQuickItem *button = find("checkInButton"))
            QMetaObject::invokeMethod(button, "clicked");
    });
    then(600, [this, find, keyboardUp] {
        check(find("verdictScreen")->isVisible() && m_services->door().kind() == Door::Kind::Admitted &&
                  !keyboardUp(),
              QStringLiteral("keyboard: \"Check in\" shows the verdict, and the keyboard goes down"));
        shoot(QStringLiteral("keyboard-verdict"));
        QMetaObject::invokeMethod(find("verdictScreen"), "dismissed");
        m_services->desk().undoLast(); // quietly: the later steps check people in afresh
    });
    then(600, [this, find, keyboardUp, tappable] {
        check(keyboardUp() && tappable("keyboardButton"),
              QStringLiteral("keyboard: back on home the keyboard is up again, with a button to hide it"));
        QMetaObject::invokeMethod(find("keyboardButton"), "clicked");
    });
    then(500, [this, find, keyboardUp] {
        check(!keyboardUp(), QStringLiteral("keyboard: its button hides it"));
        shoot(QStringLiteral("keyboard-hidden"));
        QMetaObject::invokeMethod(find("keyboardButton"), "clicked");
    });
    then(500, [this, find, keyboardUp] {
        check(keyboardUp(), QStringLiteral("keyboard: its button brings it back"));
        QMetaObject::invokeMethod(find("walkInButton"), "clicked");
    });
    then(500, [this, keyboardUp] {
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("walkInDialog"));
        check(dialog && dialog->property("opened").toBool() && keyboardUp(),
              QStringLiteral("keyboard: the walk-in form opens above the keyboard"));
        shoot(QStringLiteral("keyboard-walk-in"));
        if (dialog)
            QMetaObject::invokeMethod(dialog, "close");
        m_services->door().present(sampleOutcomes().at(1)); // already inside: may be admitted anyway
    });
    then(300, [this, find] { QMetaObject::invokeMethod(find("verdictScreen"), "admitAnywayRequested"); });
    then(600, [this, find] {
        QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("admitAnywayDialog"));
        if (QQuickItem *note = find("admitAnywayNote"))
            note->forceActiveFocus();
        InputDevices::showKeyboard();
        check(dialog && dialog->property("opened").toBool(),
              QStringLiteral("keyboard: \"Admit anyway\" opens its note"));
    });
    then(500, [this, keyboardUp] {
        check(keyboardUp(), QStringLiteral("keyboard: up for the override's note"));
        shoot(QStringLiteral("keyboard-admit-anyway"));
        if (QObject *dialog = m_window->findChild<QObject *>(QStringLiteral("admitAnywayDialog")))
            QMetaObject::invokeMethod(dialog, "close");
        m_services->door().dismissRefusal();
        m_services->preferences().setKeyboard(KioskPreferences::Keyboard::Off);
        m_services->search().setQuery(QString());
        QMetaObject::invokeMethod(m_window, "goHome");
    });
}

} // namespace checkin::ui
