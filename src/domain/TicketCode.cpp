// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TicketCode.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace checkin::TicketCode {

QString clean(QStringView scanned)
{
    qsizetype begin = 0;
    qsizetype end = scanned.size();
    auto junk = [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; };
    while (begin < end && junk(scanned[begin]))
        ++begin;
    while (end > begin && junk(scanned[end - 1]))
        --end;
    return scanned.mid(begin, end - begin).toString();
}

bool looksLikeCode(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    bool digit = false;
    for (const QChar c : trimmed) {
        if (c.isSpace())
            return false;
        digit = digit || c.isDigit();
    }
    return digit;
}

QString hash(QStringView salt, QStringView code)
{
    const QByteArray input = salt.toUtf8() + ':' + clean(code).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
}

QString newSalt()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

} // namespace checkin::TicketCode
