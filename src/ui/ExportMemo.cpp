// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ExportMemo.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace checkin::ui {

const QString ExportMemo::FileName = QStringLiteral("last-export.json");

ExportMemo ExportMemo::load(const QString &exportDir)
{
    QFile file(QDir(exportDir).filePath(FileName));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    ExportMemo memo;
    memo.path = o.value(QStringLiteral("file")).toString();
    memo.checkIns = o.value(QStringLiteral("checkIns")).toInt(-1);
    memo.lastId = o.value(QStringLiteral("lastCheckInId")).toString();
    memo.atMs = o.value(QStringLiteral("exportedAtMs")).toInteger();
    if (memo.checkIns < 0 || memo.path.isEmpty())
        return {}; // damaged: as if there were none, so a wipe asks for a new export
    return memo;
}

bool ExportMemo::save(const QString &exportDir, QString *error) const
{
    const QJsonObject o{{QStringLiteral("file"), path},
                        {QStringLiteral("checkIns"), checkIns},
                        {QStringLiteral("lastCheckInId"), lastId},
                        {QStringLiteral("exportedAtMs"), atMs}};
    QSaveFile file(QDir(exportDir).filePath(FileName));
    const QByteArray bytes = QJsonDocument(o).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

bool ExportMemo::remove(const QString &exportDir, QString *error)
{
    QFile file(QDir(exportDir).filePath(FileName));
    if (!file.exists() || file.remove())
        return true;
    *error = file.errorString();
    return false;
}

} // namespace checkin::ui
