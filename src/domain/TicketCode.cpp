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

QString otherLayoutReading(QStringView scanned)
{
    QString code = clean(scanned);
    bool changed = false;
    for (QChar &c : code) {
        const char16_t from = c.unicode();
        char16_t to = from;
        switch (from) {
        case u'Y':
            to = u'Z';
            break;
        case u'Z':
            to = u'Y';
            break;
        case u'y':
            to = u'z';
            break;
        case u'z':
            to = u'y';
            break;
        case u'\u00DF':
            to = u'-';
            break; // US "-" on the German key
        case u'/':
            to = u'-';
            break; // German "-" on the US key
        case u'?':
            to = u'_';
            break; // US "_" (Shift and "-") on the German key
        default:
            break;
        }
        changed = changed || to != from;
        c = QChar(to);
    }
    return changed ? code : QString();
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
