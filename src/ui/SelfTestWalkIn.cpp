// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SelfTest: a walk-in, from "Nobody found" through the dialog (its message without a name) to the
// verdict, and then found by search.
#include "DoorController.h"
#include "InputDevices.h"
#include "KioskPreferences.h"
#include "KioskServices.h"
#include "SearchModel.h"
#include "SelfTest.h"
#include "WalkInForm.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

namespace checkin::ui {

void SelfTest::addWalkInSteps()
{
    QQuickWindow *root = m_window;
    // The dialog is a popup, not an item: look for objects.
    auto find = [root](const char *name) { return root->findChild<QObject *>(QLatin1String(name)); };
    auto shown = [find](const char *name) {
        QObject *object = find(name);
        return object && object->property("visible").toBool();
    };
    then(300, [this, find] {
        QMetaObject::invokeMethod(m_window, "goHome");
        if (QObject *field = find("searchField"))
            field->setProperty("text", QStringLiteral("wanda walker"));
    });
    then(400, [this, find, shown] {
        check(m_services->search().query() == QStringLiteral("wanda walker") &&
                  m_services->search().rowCount() == 0 && shown("nobodyFoundWalkIn"),
              QStringLiteral("\"Nobody found\" offers to register a walk-in"));
        shoot(QStringLiteral("walk-in-nobody-found"));
        QMetaObject::invokeMethod(find("nobodyFoundWalkIn"), "clicked");
    });
    then(400, [this, find, shown] {
        const WalkInForm &form = m_services->walkIn();
        check(shown("walkInDialog") && form.firstName() == QStringLiteral("Wanda") &&
                  form.lastName() == QStringLiteral("Walker"),
              QStringLiteral("the walk-in dialog opens with the name from the search"));
        shoot(QStringLiteral("walk-in"));
        m_services->walkIn().setFirstName({});
        m_services->walkIn().setLastName({});
        QMetaObject::invokeMethod(find("walkInRegister"), "clicked");
    });
    then(300, [this, find, shown] {
        const WalkInForm &form = m_services->walkIn();
        check(shown("walkInDialog") && form.showErrors() && !form.nameError().isEmpty(),
              QStringLiteral("without a name the dialog says what is missing: ") + form.nameError());
        shoot(QStringLiteral("walk-in-no-name"));
        // A tablet: the on-screen keyboard comes up for the form, and the form fits above it.
        m_services->preferences().setKeyboard(KioskPreferences::Keyboard::On);
        if (QObject *field = find("walkInFirstName")) {
            if (auto *input = qvariant_cast<QQuickItem *>(field->property("input")))
                input->forceActiveFocus();
        }
        InputDevices::showKeyboard();
    });
    then(600, [this, find] {
        auto *keyboard = qobject_cast<QQuickItem *>(find("onScreenKeyboard"));
        auto *scroller = qobject_cast<QQuickItem *>(find("walkInScroller"));
        const bool up = keyboard && keyboard->isVisible() && keyboard->property("active").toBool();
        const qreal formBottom = scroller ? scroller->mapToScene(QPointF(0, scroller->height())).y() : 1e9;
        check(up && formBottom <= keyboard->y() + 1,
              QStringLiteral("the walk-in form fits above the on-screen keyboard (%1 <= %2)")
                  .arg(formBottom)
                  .arg(keyboard ? keyboard->y() : -1));
        shoot(QStringLiteral("walk-in-keyboard"));
        m_services->preferences().setKeyboard(KioskPreferences::Keyboard::Off);
    });
    // Registered: the answer comes from the store's thread, so the next step waits for it.
    m_steps << [this, find] {
        WalkInForm &form = m_services->walkIn();
        auto next = [this] { QTimer::singleShot(400, this, &SelfTest::step); };
        connect(&form, &WalkInForm::registered, this, next, Qt::SingleShotConnection);
        connect(&form, &WalkInForm::errorChanged, this, next, Qt::SingleShotConnection);
        form.setFirstName(QStringLiteral("Wanda"));
        form.setLastName(QStringLiteral("Walker"));
        form.setCompany(QStringLiteral("Walk-in GmbH"));
        form.setTicketType(form.ticketTypes().value(0, QStringLiteral("Day pass")));
        QMetaObject::invokeMethod(find("walkInRegister"), "clicked");
    };
    then(300, [this, find, shown] {
        const DoorController &door = m_services->door();
        check(!shown("walkInDialog") && shown("verdictScreen") && door.kind() == Door::Kind::Admitted &&
                  door.lastOutcome().registered && door.name() == QStringLiteral("Wanda Walker"),
              QStringLiteral("the walk-in is checked in and the door says so: ") + door.title() +
                  QStringLiteral(" ") + m_services->walkIn().error());
        shoot(QStringLiteral("verdict-walk-in"));
        QMetaObject::invokeMethod(m_window, "goHome");
        if (QObject *field = find("searchField"))
            field->setProperty("text", QStringLiteral("walker"));
    });
    then(400, [this] {
        check(m_services->search().rowCount() == 1, QStringLiteral("the walk-in is found by search"));
        m_services->search().setQuery(QString());
        QMetaObject::invokeMethod(m_window, "goHome");
    });
}

} // namespace checkin::ui
