// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Attendee.h"

#include <QStringList>

namespace checkin {

QString Attendee::displayName() const
{
    if (firstName.isEmpty())
        return lastName;
    if (lastName.isEmpty())
        return firstName;
    return firstName + QLatin1Char(' ') + lastName;
}

QString Attendee::shortName() const
{
    const QString last = lastName.trimmed();
    QString initial;
    if (!last.isEmpty()) {
        // One whole character, also outside the Basic Multilingual Plane.
        const qsizetype width = last.at(0).isHighSurrogate() && last.size() > 1 ? 2 : 1;
        initial = last.left(width) + QLatin1Char('.');
    }
    const QString first = firstName.trimmed();
    if (first.isEmpty())
        return initial;
    return initial.isEmpty() ? first : first + QLatin1Char(' ') + initial;
}

bool Attendee::needsAttention() const
{
    for (const DoorNote &note : notes) {
        if (note.attention)
            return true;
    }
    return false;
}

QString doorNotesText(const QList<DoorNote> &notes)
{
    QStringList parts;
    for (const DoorNote &note : notes)
        parts << note.label + QStringLiteral(": ") + note.text +
                     (note.attention ? QStringLiteral(" (!)") : QString());
    return parts.join(QStringLiteral("; "));
}

QString ticketStatusName(TicketStatus status)
{
    return status == TicketStatus::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("valid");
}

bool parseTicketStatus(QStringView text, TicketStatus *status)
{
    if (text == u"valid") {
        *status = TicketStatus::Valid;
        return true;
    }
    if (text == u"cancelled") {
        *status = TicketStatus::Cancelled;
        return true;
    }
    return false;
}

} // namespace checkin
