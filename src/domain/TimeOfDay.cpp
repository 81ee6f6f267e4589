// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TimeOfDay.h"

#include <QLocale>

namespace checkin {

QString timeOfDay(const QDateTime &at)
{
    const QLocale locale;
    if (locale.language() == QLocale::C)
        return at.toLocalTime().toString(QStringLiteral("HH:mm"));
    return locale.toString(at.toLocalTime().time(), QLocale::ShortFormat);
}

QString timeOfDay(qint64 msSinceEpoch)
{
    return timeOfDay(QDateTime::fromMSecsSinceEpoch(msSinceEpoch));
}

} // namespace checkin
