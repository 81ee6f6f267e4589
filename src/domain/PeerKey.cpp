// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PeerKey.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace checkin {

namespace {
QByteArray derive(const QByteArray &secret, const char *purpose, const QString &eventId)
{
    const QByteArray message = QByteArray(purpose) + '\n' + eventId.toUtf8();
    return QMessageAuthenticationCode::hash(message, secret, QCryptographicHash::Sha256);
}
} // namespace

PeerKey PeerKey::generate(int generation)
{
    PeerKey key;
    key.generation = generation;
    key.secret.resize(SecretBytes);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.secret.data()),
                                         reinterpret_cast<quint32 *>(key.secret.data() + SecretBytes));
    return key;
}

QByteArray PeerKey::connectionKey(const QString &eventId) const
{
    return derive(secret, "checkin peer connection 1", eventId);
}

QByteArray PeerKey::announcementKey(const QString &eventId) const
{
    return derive(secret, "checkin peer announcement 1", eventId);
}

QByteArray PeerKey::eventTag(const QString &eventId)
{
    const QByteArray text = QByteArray("checkin peer event 1\n") + eventId.toUtf8();
    return QCryptographicHash::hash(text, QCryptographicHash::Sha256).left(8);
}

} // namespace checkin
