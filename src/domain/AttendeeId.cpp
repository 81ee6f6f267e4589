// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AttendeeId.h"

#include "SearchText.h"

#include <QCryptographicHash>

namespace checkin::AttendeeId {

QString derive(const QString &codeHash, const QString &firstName, const QString &lastName,
               const QString &email, const QString &company, QHash<QString, int> *namesakes)
{
    if (!codeHash.isEmpty())
        return QLatin1String("c-") + codeHash.left(24);
    const QString basis = SearchText::normalize(firstName) + QLatin1Char('|') +
                          SearchText::normalize(lastName) + QLatin1Char('|') + email.toLower() +
                          QLatin1Char('|') + SearchText::normalize(company);
    const QString digest = QString::fromLatin1(
        QCryptographicHash::hash(basis.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    const int n = (*namesakes)[digest]++;
    return QLatin1String("n-") + digest + (n > 0 ? QLatin1Char('-') + QString::number(n + 1) : QString());
}

} // namespace checkin::AttendeeId
