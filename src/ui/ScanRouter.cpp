// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScanRouter.h"

#include "DoorController.h"
#include "QmlServices.h"
#include "SetupController.h"
#include "TicketCode.h"

namespace checkin::ui {

ScanRouter::ScanRouter(DoorController *door, SetupController *setup, QObject *parent)
    : QObject(parent)
    , m_door(door)
    , m_setup(setup)
{}

ScanRouter *ScanRouter::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<ScanRouter>(engine);
}

void ScanRouter::setPlace(Place place)
{
    if (place == m_place)
        return;
    m_place = place;
    Q_EMIT placeChanged();
}

bool ScanRouter::looksLikeCode(const QString &text)
{
    return TicketCode::looksLikeCode(text);
}

ScanRouter::EnterAction ScanRouter::enterAction(const QString &text, bool selected, int found)
{
    if (looksLikeCode(text))
        return EnterAction::Scan;
    if (selected)
        return EnterAction::CheckIn;
    if (found == 1)
        return EnterAction::Select;
    return EnterAction::Nothing;
}

void ScanRouter::route(const QString &code)
{
    if (code.trimmed().isEmpty())
        return;
    switch (m_place) {
    case Place::Home:
        Q_EMIT toDoor(code);
        m_door->scan(code);
        return;
    case Place::HomeDialog:
        Q_EMIT held(tr("Scanning is paused while this form is open. Finish or cancel it, then scan again."));
        return;
    case Place::Elsewhere:
        Q_EMIT held(tr("Scanning is paused here. Go back to check-in, then scan again."));
        return;
    case Place::Setup:
        if (!m_setup || !m_setup->enrolFromScanner(code))
            Q_EMIT held(tr("Tickets are checked in once this kiosk is set up. To enrol it, scan the "
                           "enrolment QR code from the event lead's console."));
        return;
    }
}

} // namespace checkin::ui
