// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncSettings.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace checkin {

namespace {

const QString settingsFile = QStringLiteral("sync.json");
const QString tokenFile = QStringLiteral("device-token");

bool writePrivate(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(bytes) < 0 ||
        !file.commit()) {
        *error = SyncSettings::tr("Cannot write %1: %2. Check that the data directory is writable.")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool SyncSettings::remove(const QString &dataDir, QString *error)
{
    const QDir dir(dataDir);
    for (const QString &name : {settingsFile, tokenFile}) {
        QFile file(dir.filePath(name));
        if (file.exists() && !file.remove()) {
            *error = tr("Cannot delete %1: %2. Check the data directory's permissions.")
                         .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return false;
        }
    }
    return true;
}

SyncSettings SyncSettings::load(const QString &dataDir, QString *error)
{
    SyncSettings s;
    const QDir dir(dataDir);
    QFile settings(dir.filePath(settingsFile));
    if (settings.exists()) {
        if (!settings.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2.")
                         .arg(QDir::toNativeSeparators(settings.fileName()), settings.errorString());
            return {};
        }
        QJsonParseError parse;
        const QJsonObject json = QJsonDocument::fromJson(settings.readAll(), &parse).object();
        if (parse.error != QJsonParseError::NoError) {
            *error = tr("%1 is damaged (%2): enrol this device again.")
                         .arg(QDir::toNativeSeparators(settings.fileName()), parse.errorString());
            return {};
        }
        for (const QJsonValue &v : json.value(QStringLiteral("servers")).toArray())
            s.servers << QUrl(v.toString());
        s.deviceName = json.value(QStringLiteral("device_name")).toString();
        s.pin = json.value(QStringLiteral("pin")).toString();
    }
    QFile token(dir.filePath(tokenFile));
    if (token.exists()) {
        if (!token.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2.")
                         .arg(QDir::toNativeSeparators(token.fileName()), token.errorString());
            return {};
        }
        s.token = QString::fromUtf8(token.readAll()).trimmed();
    }
    return s;
}

bool SyncSettings::save(const QString &dataDir, QString *error) const
{
    QJsonArray urls;
    for (const QUrl &u : servers)
        urls.append(u.toString());
    QJsonObject json{{QStringLiteral("servers"), urls}, {QStringLiteral("device_name"), deviceName}};
    if (!pin.isEmpty())
        json.insert(QStringLiteral("pin"), pin);
    const QDir dir(dataDir);
    return writePrivate(dir.filePath(tokenFile), token.toUtf8() + '\n', error) &&
           writePrivate(dir.filePath(settingsFile), QJsonDocument(json).toJson(), error);
}

QList<QUrl> SyncSettings::parseServers(const QString &commaSeparated, QString *error)
{
    QList<QUrl> out;
    for (const QString &part : commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QUrl url(part.trimmed(), QUrl::StrictMode);
        if (!url.isValid() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) ||
            url.host().isEmpty()) {
            *error = tr("\"%1\" is not a server address: use http://HOST:PORT or https://HOST:PORT.")
                         .arg(part.trimmed());
            return {};
        }
        out << url;
    }
    if (out.isEmpty())
        *error = tr("No server address given: use --server http://HOST:PORT.");
    return out;
}

} // namespace checkin
