// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeviceCommands.h"

#include "Cli.h"
#include "CodeDecoder.h"

#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>

namespace checkin::cli {

namespace {

// A decoded text for the terminal: a code can hold anything, escape sequences too, so control
// characters are shown as \xNN instead of being sent to the terminal.
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace

int scanImageCommand(const Context &ctx)
{
    if (ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("scan-image needs one or more image files (PNG, JPEG, ...)."));
    const scan::CodeDecoder decoder(scan::CodeDecoder::Effort::Still);
    QJsonArray files;
    QStringList lines;
    bool allFound = true;
    bool unreadable = false;
    for (const QString &path : ctx.args) {
        QImageReader reader(path);
        reader.setAutoTransform(true); // a phone's photo as it was held
        const QImage image = reader.read();
        QJsonObject entry{{QStringLiteral("file"), path}};
        if (image.isNull()) {
            unreadable = true;
            entry.insert(QStringLiteral("error"), reader.errorString());
            files.append(entry);
            lines.append(QStringLiteral("%1: cannot read this image (%2)").arg(path, reader.errorString()));
            continue;
        }
        const QList<scan::DecodedCode> codes = decoder.decode(image);
        QJsonArray found;
        QStringList texts;
        for (const scan::DecodedCode &code : codes) {
            found.append(
                QJsonObject{{QStringLiteral("text"), code.text}, {QStringLiteral("format"), code.format}});
            texts.append(QStringLiteral("%1 (%2)").arg(printable(code.text), code.format));
        }
        entry.insert(QStringLiteral("codes"), found);
        files.append(entry);
        if (codes.isEmpty()) {
            allFound = false;
            lines.append(QStringLiteral("%1: no code found").arg(path));
        } else {
            lines.append(QStringLiteral("%1: %2").arg(path, texts.join(QStringLiteral("; "))));
        }
    }
    ctx.print(files, lines.join(QLatin1Char('\n')));
    if (unreadable)
        return UsageOrDataError;
    return allFound ? Done : NotAdmitted;
}

} // namespace checkin::cli
