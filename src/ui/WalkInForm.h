// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class CheckInDesk;
class LocalStore;
} // namespace checkin

namespace checkin::ui {

class DoorController;

// The walk-in dialog's form: what a volunteer types for somebody who is not on the list, checked
// field by field as the store will check it (messages in words), the event's ticket types to pick
// from, and "Register and check in", whose verdict the door shows like any check-in's.
class WalkInForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString firstName READ firstName WRITE setFirstName NOTIFY fieldsChanged)
    Q_PROPERTY(QString lastName READ lastName WRITE setLastName NOTIFY fieldsChanged)
    Q_PROPERTY(QString company READ company WRITE setCompany NOTIFY fieldsChanged)
    Q_PROPERTY(QString ticketType READ ticketType WRITE setTicketType NOTIFY fieldsChanged)
    // What is wrong with a field, in a sentence; empty when it is fine. The dialog shows them once
    // `showErrors` (after the first "Register"), so that an empty form does not start in red.
    Q_PROPERTY(QString nameError READ nameError NOTIFY fieldsChanged)
    Q_PROPERTY(QString companyError READ companyError NOTIFY fieldsChanged)
    Q_PROPERTY(QString ticketTypeError READ ticketTypeError NOTIFY fieldsChanged)
    Q_PROPERTY(bool valid READ valid NOTIFY fieldsChanged)
    Q_PROPERTY(bool showErrors READ showErrors NOTIFY showErrorsChanged)
    // The event's ticket types, the most common first, to pick from (any other may be typed).
    Q_PROPERTY(QStringList ticketTypes READ ticketTypes NOTIFY ticketTypesChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    // Why the last registration was not recorded (the store's sentence); empty otherwise.
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(int maxLength READ maxLength CONSTANT)
public:
    WalkInForm(CheckInDesk *desk, LocalStore *store, DoorController *door, QObject *parent = nullptr);
    static WalkInForm *create(QQmlEngine *engine, QJSEngine *);

    // A new registration: the fields empty, or the name taken from what the volunteer typed into
    // the search ("ann müller": first name Ann, last name Müller; one word: the last name); the
    // ticket types are read again.
    Q_INVOKABLE void start(const QString &typed = {});
    // Registers the person and checks them in. False, doing nothing, while busy or when a field is
    // wrong (the messages then show). The answer arrives later: registered(), or `error`.
    Q_INVOKABLE bool submit();

    QString firstName() const { return m_walkIn.firstName; }
    QString lastName() const { return m_walkIn.lastName; }
    QString company() const { return m_walkIn.company; }
    QString ticketType() const { return m_walkIn.ticketType; }
    void setFirstName(const QString &value);
    void setLastName(const QString &value);
    void setCompany(const QString &value);
    void setTicketType(const QString &value);
    QString nameError() const;
    QString companyError() const;
    QString ticketTypeError() const;
    bool valid() const;
    bool showErrors() const { return m_showErrors; }
    QStringList ticketTypes() const { return m_ticketTypes; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    static int maxLength() { return int(WalkIn::MaxFieldLength); }

    // The name in a search text, as start() fills it in: {first, last}.
    static QStringList nameFromSearch(const QString &typed);

Q_SIGNALS:
    void fieldsChanged();
    void showErrorsChanged();
    void ticketTypesChanged();
    void busyChanged();
    void errorChanged();
    // The person is registered and checked in, on disk; the door shows the verdict.
    void registered();

private:
    void setField(QString *field, const QString &value);
    void setBusy(bool busy);
    void setError(const QString &error);
    void setShowErrors(bool show);
    QString problem(const QString &value, const QString &tooLong, const QString &control) const;

    CheckInDesk *m_desk;
    LocalStore *m_store;
    DoorController *m_door;
    WalkIn m_walkIn; // as typed
    bool m_showErrors = false;
    QStringList m_ticketTypes;
    bool m_busy = false;
    QString m_error;
    quint64 m_generation = 0; // start() calls: ticket types of an older one are dropped
};

} // namespace checkin::ui
