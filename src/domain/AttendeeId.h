// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>

namespace checkin::AttendeeId {

// A stable id for an attendee whose list has no id column: from the ticket code's hash when there
// is one, else from the normalised name, e-mail and company (with a counter for true namesakes,
// counted in `namesakes` across one list), so that importing the same list again updates rather
// than duplicates. Kiosk and server derive the same ids from the same list.
QString derive(const QString &codeHash, const QString &firstName, const QString &lastName,
               const QString &email, const QString &company, QHash<QString, int> *namesakes);

} // namespace checkin::AttendeeId
