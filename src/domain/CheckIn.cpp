// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CheckIn.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <array>

namespace checkin {

namespace {
constexpr std::array kindNames{u"entry", u"exit", u"undo"};
constexpr std::array statusNames{u"accepted", u"duplicate", u"conflict", u"rejected"};

template<typename Enum, typename Names> bool parseName(const Names &names, QStringView text, Enum *out)
{
    for (size_t i = 0; i < names.size(); ++i) {
        if (text == QStringView(names[i])) {
            *out = Enum(i);
            return true;
        }
    }
    return false;
}
} // namespace

QString checkInKindName(CheckInKind kind)
{
    return QStringView(kindNames[size_t(kind)]).toString();
}

bool parseCheckInKind(QStringView text, CheckInKind *kind)
{
    return parseName(kindNames, text, kind);
}

QString checkInStatusName(CheckInStatus status)
{
    return QStringView(statusNames[size_t(status)]).toString();
}

bool parseCheckInStatus(QStringView text, CheckInStatus *status)
{
    return parseName(statusNames, text, status);
}

QString newCheckInId()
{
    return newCheckInId(QDateTime::currentMSecsSinceEpoch());
}

QString newCheckInId(qint64 unixMs)
{
    // RFC 9562 version 7: 48 bits of Unix milliseconds, then 74 random bits around the version
    // and variant. Ids made later sort later, so the server's unique index grows at its end
    // instead of touching a random page for every check-in.
    std::array<quint32, 4> random;
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 ms = quint64(unixMs) & 0xFFFF'FFFF'FFFFull;
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(quint8(ms >> (8 * (5 - i))));
    for (int i = 6; i < 16; ++i)
        bytes[i] = char(quint8(random[size_t(i / 4)] >> (8 * (i % 4))));
    bytes[6] = char(0x70 | (quint8(bytes[6]) & 0x0F)); // version 7
    bytes[8] = char(0x80 | (quint8(bytes[8]) & 0x3F)); // variant 10
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

QString paperCheckInId(const QString &eventId, const QString &subject, qint64 atMs)
{
    const QByteArray digest = QCryptographicHash::hash(
        (eventId + u'\n' + subject + u'\n' + QString::number(atMs) + u"\npaper").toUtf8(),
        QCryptographicHash::Sha256);
    QByteArray bytes(16, Qt::Uninitialized);
    const quint64 ms = quint64(atMs) & 0xFFFF'FFFF'FFFFull;
    for (int i = 0; i < 6; ++i)
        bytes[i] = char(quint8(ms >> (8 * (5 - i))));
    for (int i = 6; i < 16; ++i)
        bytes[i] = digest[i];
    bytes[6] = char(0x70 | (quint8(bytes[6]) & 0x0F)); // version 7
    bytes[8] = char(0x80 | (quint8(bytes[8]) & 0x3F)); // variant 10
    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
}

} // namespace checkin
