// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WalkIn.h"

#include "Attendee.h"

#include <algorithm>

namespace checkin {

namespace {

bool hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

// The field's own problem, or an empty string.
QString problem(const QString &value, const QString &what)
{
    if (value.size() > WalkIn::MaxFieldLength)
        return QStringLiteral("The %1 is too long: at most %2 characters.")
            .arg(what)
            .arg(WalkIn::MaxFieldLength);
    if (hasControl(value))
        return QStringLiteral("The %1 must not contain line breaks or tabs.").arg(what);
    return {};
}

} // namespace

QString WalkIn::displayName() const
{
    return Attendee{.firstName = firstName, .lastName = lastName}.displayName();
}

bool WalkIn::normalize(QString *error)
{
    firstName = firstName.trimmed();
    lastName = lastName.trimmed();
    company = company.trimmed();
    ticketType = ticketType.trimmed();
    QString found;
    if (firstName.isEmpty() && lastName.isEmpty())
        found = QStringLiteral("Enter a first or last name.");
    for (const auto &[value, what] :
         {std::pair{&firstName, QStringLiteral("first name")},
          std::pair{&lastName, QStringLiteral("last name")}, std::pair{&company, QStringLiteral("company")},
          std::pair{&ticketType, QStringLiteral("ticket type")}}) {
        if (found.isEmpty())
            found = problem(*value, what);
    }
    if (error)
        *error = found;
    return found.isEmpty();
}

} // namespace checkin
