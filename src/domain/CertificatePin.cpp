// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CertificatePin.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslKey>

namespace checkin::CertificatePin {

QString of(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    const QByteArray key = certificate.publicKey().toDer();
    if (key.isEmpty())
        return {};
    return QStringLiteral("sha256/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toBase64());
}

bool isPin(const QString &text)
{
    if (!text.startsWith(QLatin1String("sha256/")) || text.size() != 7 + 44)
        return false;
    const QByteArray digest =
        QByteArray::fromBase64(text.mid(7).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return digest.size() == 32;
}

} // namespace checkin::CertificatePin
