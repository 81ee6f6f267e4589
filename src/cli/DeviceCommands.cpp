// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeviceCommands.h"

#include "Cli.h"
#include "CodeDecoder.h"

#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>

namespace checkin::cli {

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
            texts.append(QStringLiteral("%1 (%2)").arg(terminalSafe(code.text), code.format));
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
