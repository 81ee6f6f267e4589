// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin::ui {

class DoorController;
class SetupController;

// Where a code goes, from the scanner or typed into the search and confirmed with Enter: to the
// door when home is up; on the setup screen, an enrolment payload (the event lead's QR code)
// enrols the kiosk. Anywhere else (a form open over home, the admin area, a PIN prompt) and a
// ticket on the setup screen are held back with a sentence for the notice, so a code scanned by
// accident never checks somebody in behind a dialog. The screens say where they are (`place`).
class ScanRouter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Place place READ place WRITE setPlace NOTIFY placeChanged)
public:
    enum class Place {
        Home,       // home, nothing over it: a code checks in
        HomeDialog, // a form over home (a walk-in, an override's note)
        Elsewhere,  // the admin area, a PIN prompt
        Setup       // the setup screen: an enrolment payload enrols
    };
    Q_ENUM(Place)

    // What Enter in the search field does.
    enum class EnterAction {
        Nothing,
        Scan,    // the text is a code: it goes to the door
        CheckIn, // somebody is selected: what "Check in" does
        Select   // exactly one person found: they are selected
    };
    Q_ENUM(EnterAction)

    explicit ScanRouter(DoorController *door, SetupController *setup = nullptr, QObject *parent = nullptr);
    static ScanRouter *create(QQmlEngine *engine, QJSEngine *);

    Place place() const { return m_place; }
    void setPlace(Place place);

    // Text that is a ticket code rather than a name (TicketCode::looksLikeCode).
    Q_INVOKABLE static bool looksLikeCode(const QString &text);
    // Enter in the search field with `text` typed, somebody `selected` or not and `found` results.
    Q_INVOKABLE static checkin::ui::ScanRouter::EnterAction enterAction(const QString &text, bool selected,
                                                                        int found);
    // A code: checked in at the door when home is up (`toDoor` first, so home starts over for the
    // verdict); else `held` says why not and what to do. An empty code is ignored.
    Q_INVOKABLE void route(const QString &code);

Q_SIGNALS:
    void placeChanged();
    void toDoor(const QString &code);
    void held(const QString &message);

private:
    DoorController *m_door;
    SetupController *m_setup;
    Place m_place = Place::Home;
};

} // namespace checkin::ui
