// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CsvWriter.h"

namespace checkin::CsvWriter {

QByteArray cell(const QString &value)
{
    QString text = value;
    // The first character that is not a blank: spreadsheets skip leading blanks before a formula,
    // and some read the full-width signs (＝＋－＠) as the ASCII ones.
    qsizetype first = 0;
    while (first < text.size() && (text[first] == QLatin1Char(' ') || text[first] == QChar(0x3000)))
        ++first;
    if (!text.isEmpty() &&
        (QStringView(u"\t\r\n").contains(text.front()) ||
         (first < text.size() && QStringView(u"=+-@\uff1d\uff0b\uff0d\uff20").contains(text[first]))))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')))
        text = QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) +
               QLatin1Char('"');
    return text.toUtf8();
}

QByteArray line(const QStringList &values)
{
    QByteArray out;
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            out += ',';
        out += cell(values[i]);
    }
    return out + "\r\n";
}

} // namespace checkin::CsvWriter
