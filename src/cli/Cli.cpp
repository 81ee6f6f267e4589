// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace checkin::cli {

QString terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const auto category = c.category();
        if (category == QChar::Other_Control && c != QLatin1Char('\n'))
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        // Format characters but the joiners that some scripts and emoji need.
        else if ((category == QChar::Other_Format && c.unicode() != 0x200c && c.unicode() != 0x200d) ||
                 category == QChar::Other_Surrogate)
            out += QStringLiteral("\\u{%1}").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

void Context::print(const QJsonValue &value, const QString &human, bool trusted) const
{
    if (json) {
        const QJsonDocument doc =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        std::fputs(doc.toJson(QJsonDocument::Indented).constData(), stdout);
    } else if (!human.isEmpty()) {
        std::fputs((trusted ? human : terminalSafe(human)).toUtf8().constData(), stdout);
        if (!human.endsWith(QLatin1Char('\n')))
            std::fputc('\n', stdout);
    }
    std::fflush(stdout);
}

int Context::fail(const QString &message) const
{
    std::fprintf(stderr, "checkinctl: %s\n", terminalSafe(message).toUtf8().constData());
    return UsageOrDataError;
}

void Context::progress(const QString &message) const
{
    if (!isatty(STDERR_FILENO))
        return;
    std::fprintf(stderr, "\r\033[K%s", message.toUtf8().constData());
    std::fflush(stderr);
}

AttendeeCsv::Options Context::importOptions() const
{
    AttendeeCsv::Options options;
    for (const QString &column : parser.values(QStringLiteral("attention")))
        options.doorColumns.append({column, true});
    for (const QString &column : parser.values(QStringLiteral("door-note")))
        options.doorColumns.append({column, false});
    return options;
}

} // namespace checkin::cli
