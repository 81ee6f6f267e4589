// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin::ui {

class AdminController;
class AdminPin;
class KioskPreferences;

// One conversation on the PIN pad (PinPrompt.qml shows it): which step it is at, what the prompt
// says, and what a PIN typed there does next. AdminPin checks and saves PINs off the UI thread, so
// a PIN is answered later; until then the flow waits (`checking`) and ignores another.
//
// Two flows use it: AdminGate (the PIN before the admin area opens or the app closes) and
// PinChange (the current PIN, then the new one twice).
class PinFlow : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AdminGate and PinChange are the PIN flows")
    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    Q_PROPERTY(bool shown READ shown NOTIFY stepChanged)
    // The words, in the current language (textChanged also on a language change).
    Q_PROPERTY(QString title READ title NOTIFY textChanged)
    Q_PROPERTY(QString subtitle READ subtitle NOTIFY textChanged)
    // What went wrong with the last PIN (or how long the lock lasts); empty when nothing did.
    Q_PROPERTY(QString message READ message NOTIFY textChanged)
    // Too many wrong PINs: the pad takes none until the lock ends (only where the PIN is checked).
    Q_PROPERTY(bool locked READ locked NOTIFY lockedChanged)
    Q_PROPERTY(bool checking READ checking NOTIFY checkingChanged)
public:
    enum class Step {
        Closed,
        OpenAdmin, // the admin PIN, to open the admin area
        Leave,     // the admin PIN, to close the app
        Current,   // the current PIN, before it is changed
        New,       // the new PIN
        Confirm    // the new PIN once more
    };
    Q_ENUM(Step)

    Step step() const { return m_step; }
    bool shown() const { return m_step != Step::Closed; }
    QString title() const;
    QString subtitle() const;
    QString message() const;
    bool locked() const;
    bool checking() const;

    // A PIN typed on the pad, for the current step.
    Q_INVOKABLE void enter(const QString &pin);
    // Cancel: the prompt closes; an answer still to come is dropped.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void stepChanged();
    void textChanged();
    void lockedChanged();
    void checkingChanged();
    // A step begins (also the same step again): the pad starts empty and takes the keys.
    void asked();

protected:
    explicit PinFlow(AdminPin *pin, QObject *parent = nullptr);
    bool event(QEvent *event) override;

    AdminPin *pin() const { return m_pin; }
    // Shows `step`, empty, with `problem` under the pad (empty: AdminPin's message, where the
    // PIN is checked).
    void ask(Step step, const LiveText &problem = {});
    void close();
    // The admin PIN was accepted at `step` (OpenAdmin, Leave or Current): the prompt is still up.
    virtual void accepted(Step step) = 0;
    // The new PIN was saved: the prompt has closed.
    virtual void saved() {}

private:
    enum class Waiting { Nothing, Check, Save };
    // This step takes the current admin PIN (so AdminPin's message and lock apply to it).
    bool checksAdminPin() const;
    void checked(bool accepted);
    void changeDone(bool saved);
    void setStep(Step step);

    AdminPin *m_pin;
    Step m_step = Step::Closed;
    Waiting m_waiting = Waiting::Nothing;
    LiveText m_problem;
    QString m_oldPin;
    QString m_newPin;
};

// The admin PIN before the admin area opens, and before the app closes in kiosk mode. In kiosk
// mode and in self-service the admin area takes the PIN; a laptop's window outside kiosk mode can
// be closed anyway, so there the PIN would guard nothing. Without a PIN set nothing is asked.
class AdminGate : public checkin::ui::PinFlow
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    AdminGate(AdminPin *pin, AdminController *admin, KioskPreferences *preferences,
              QObject *parent = nullptr);
    static AdminGate *create(QQmlEngine *engine, QJSEngine *);

    // The admin area was asked for: true when it may open now; else the PIN is asked, and
    // `adminGranted` follows the right one.
    Q_INVOKABLE bool openAdmin();
    // The window is about to close: true when it may; else the PIN is asked, and `leaveGranted`
    // follows the right one.
    Q_INVOKABLE bool mayClose();
    // The app is to close without a PIN (asked from the admin area, which took it already).
    Q_INVOKABLE void allowLeaving();
    // Shows the prompt for `step` (OpenAdmin or Leave) whatever the mode; for tests.
    Q_INVOKABLE void ask(checkin::ui::PinFlow::Step step);

Q_SIGNALS:
    void adminGranted();
    void leaveGranted();

protected:
    void accepted(Step step) override;

private:
    AdminController *m_admin;
    KioskPreferences *m_preferences;
    bool m_leaving = false;
};

// Setting or changing the admin PIN from the admin area: the current PIN first (when one is set),
// then the new one twice; two that differ start the new PIN again.
class PinChange : public checkin::ui::PinFlow
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The last change was saved (until the next start or reset).
    Q_PROPERTY(bool done READ done NOTIFY doneChanged)
public:
    explicit PinChange(AdminPin *pin, QObject *parent = nullptr);
    static PinChange *create(QQmlEngine *engine, QJSEngine *);

    bool done() const { return m_done; }
    Q_INVOKABLE void start();
    // The admin area opens or closes: no prompt, no "saved" line.
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void doneChanged();

protected:
    void accepted(Step step) override;
    void saved() override;

private:
    void setDone(bool done);

    bool m_done = false;
};

} // namespace checkin::ui
