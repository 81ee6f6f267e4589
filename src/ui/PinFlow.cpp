// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PinFlow.h"

#include "AdminController.h"
#include "AdminPin.h"
#include "KioskPreferences.h"
#include "QmlServices.h"

#include <QEvent>

namespace checkin::ui {

PinFlow::PinFlow(AdminPin *pin, QObject *parent)
    : QObject(parent)
    , m_pin(pin)
{
    connect(m_pin, &AdminPin::checked, this, &PinFlow::checked);
    connect(m_pin, &AdminPin::changeDone, this, &PinFlow::changeDone);
    connect(m_pin, &AdminPin::messageChanged, this, &PinFlow::textChanged);
    connect(m_pin, &AdminPin::lockChanged, this, &PinFlow::lockedChanged);
    connect(m_pin, &AdminPin::checkingChanged, this, &PinFlow::checkingChanged);
}

QString PinFlow::title() const
{
    switch (m_step) {
    case Step::Closed:
        break;
    case Step::OpenAdmin:
    case Step::Leave:
        return tr("Admin PIN");
    case Step::Current:
        return tr("Enter the current PIN");
    case Step::New:
        return tr("Choose a new PIN");
    case Step::Confirm:
        return tr("Enter the new PIN again");
    }
    return {};
}

QString PinFlow::subtitle() const
{
    switch (m_step) {
    case Step::Closed:
    case Step::Current:
        break;
    case Step::OpenAdmin:
        return tr("Enter the admin PIN to open the admin area.");
    case Step::Leave:
        return tr("Enter the admin PIN to close the check-in app.");
    case Step::New:
        return tr("4 to 8 digits. Keep it to the event team.");
    case Step::Confirm:
        return tr("The same digits once more, to be sure.");
    }
    return {};
}

QString PinFlow::message() const
{
    if (!m_problem.isEmpty())
        return m_problem.toString();
    // Where the admin PIN is checked, AdminPin says what the last try got (and counts a lock down).
    return checksAdminPin() ? m_pin->message() : QString();
}

bool PinFlow::locked() const
{
    return checksAdminPin() && m_pin->locked();
}

bool PinFlow::checksAdminPin() const
{
    return m_step == Step::OpenAdmin || m_step == Step::Leave || m_step == Step::Current;
}

bool PinFlow::checking() const
{
    return m_pin->checking();
}

void PinFlow::enter(const QString &pin)
{
    // One PIN at a time: the pad shows that it checks, and what is typed meanwhile goes nowhere.
    if (m_waiting != Waiting::Nothing || m_pin->checking())
        return;
    switch (m_step) {
    case Step::Closed:
        return;
    case Step::OpenAdmin:
    case Step::Leave:
    case Step::Current:
        if (m_step == Step::Current)
            m_oldPin = pin;
        m_problem = {};
        m_waiting = Waiting::Check;
        m_pin->check(pin);
        Q_EMIT textChanged();
        return;
    case Step::New:
        m_newPin = pin;
        ask(Step::Confirm);
        return;
    case Step::Confirm:
        if (pin != m_newPin) {
            ask(Step::New, [] { return tr("The two PINs differ. Choose the new PIN again."); });
            return;
        }
        m_waiting = Waiting::Save;
        m_pin->change(m_oldPin, m_newPin);
        return;
    }
}

void PinFlow::cancel()
{
    close();
}

void PinFlow::checked(bool accepted)
{
    if (m_waiting != Waiting::Check)
        return;
    m_waiting = Waiting::Nothing;
    if (!shown())
        return;
    if (accepted)
        this->accepted(m_step);
    // Refused: the prompt stays with AdminPin's message ("Wrong PIN. 4 tries left.").
}

void PinFlow::changeDone(bool wasSaved)
{
    if (m_waiting != Waiting::Save)
        return;
    m_waiting = Waiting::Nothing;
    if (!shown())
        return;
    if (wasSaved) {
        close();
        saved();
        return;
    }
    // Not saved (a full disk, say): the reason stays under the pad, as it was when it came.
    m_problem = LiveText(m_pin->message());
    Q_EMIT textChanged();
}

void PinFlow::ask(Step step, const LiveText &problem)
{
    m_problem = problem;
    setStep(step);
    Q_EMIT textChanged();
    Q_EMIT lockedChanged();
    Q_EMIT asked();
}

void PinFlow::close()
{
    m_waiting = Waiting::Nothing;
    m_problem = {};
    m_oldPin.clear();
    m_newPin.clear();
    setStep(Step::Closed);
    Q_EMIT textChanged();
    Q_EMIT lockedChanged();
}

void PinFlow::setStep(Step step)
{
    if (step == m_step)
        return;
    m_step = step;
    Q_EMIT stepChanged();
}

bool PinFlow::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT textChanged();
    return QObject::event(event);
}

// --- AdminGate ---

AdminGate::AdminGate(AdminPin *pin, AdminController *admin, KioskPreferences *preferences, QObject *parent)
    : PinFlow(pin, parent)
    , m_admin(admin)
    , m_preferences(preferences)
{}

AdminGate *AdminGate::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<AdminGate>(engine);
}

bool AdminGate::openAdmin()
{
    if (!(m_admin->kioskMode() || m_preferences->selfService()) || !pin()->hasPin())
        return true;
    ask(Step::OpenAdmin);
    return false;
}

bool AdminGate::mayClose()
{
    if (m_leaving || !m_admin->kioskMode() || !pin()->hasPin())
        return true;
    ask(Step::Leave);
    return false;
}

void AdminGate::allowLeaving()
{
    m_leaving = true;
}

void AdminGate::ask(Step step)
{
    if (step != Step::OpenAdmin && step != Step::Leave)
        return;
    pin()->clearMessage(); // a wrong PIN of the last time is not news now
    PinFlow::ask(step);
}

void AdminGate::accepted(Step step)
{
    close();
    if (step == Step::Leave) {
        m_leaving = true;
        Q_EMIT leaveGranted();
    } else {
        Q_EMIT adminGranted();
    }
}

// --- PinChange ---

PinChange::PinChange(AdminPin *pin, QObject *parent)
    : PinFlow(pin, parent)
{}

PinChange *PinChange::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<PinChange>(engine);
}

void PinChange::start()
{
    setDone(false);
    pin()->clearMessage();
    ask(pin()->hasPin() ? Step::Current : Step::New);
}

void PinChange::reset()
{
    setDone(false);
    close();
}

void PinChange::accepted(Step)
{
    ask(Step::New);
}

void PinChange::saved()
{
    setDone(true);
}

void PinChange::setDone(bool done)
{
    if (done == m_done)
        return;
    m_done = done;
    Q_EMIT doneChanged();
}

} // namespace checkin::ui
