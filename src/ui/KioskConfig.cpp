// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskConfig.h"
#include "CertificatePin.h"
#include "DatabaseKey.h"
#include "PeerService.h"
#include "ServerTrust.h"

#include "Badge.h"

#include "ConfigFile.h"
#include "SyncSettings.h"
#include "Translations.h"

namespace checkin::ui::KioskConfig {

bool apply(const QString &path, KioskServices::Options *options, QStringList *warnings)
{
    QList<ConfigFile::Entry> entries;
    QString error;
    if (!ConfigFile::read(path, &entries, &error)) {
        *warnings << error;
        return false;
    }
    for (const ConfigFile::Entry &entry : entries) {
        auto warn = [&](const QString &why) {
            *warnings << QStringLiteral("%1, line %2: %3").arg(path).arg(entry.line).arg(why);
        };
        if (entry.name == QLatin1String("servers")) {
            QString why;
            if (SyncSettings::parseServers(entry.value, &why).isEmpty())
                warn(QStringLiteral("servers: %1").arg(why));
            else
                options->presetServers = entry.value;
        } else if (entry.name == QLatin1String("server-pin")) {
            if (CertificatePin::isPin(entry.value))
                options->presetPin = entry.value;
            else
                warn(QStringLiteral(
                         "server-pin takes sha256/ and 44 characters of base64 (the server's certificate "
                         "pin, as the console shows it), not \"%1\".")
                         .arg(entry.value.left(80)));
        } else if (entry.name == QLatin1String("ca-file")) {
            QString why;
            if (!ServerTrust::addAuthorities(entry.value, &why))
                warn(QStringLiteral("ca-file: %1").arg(why));
        } else if (entry.name == QLatin1String("database-key-file")) {
            // The key of the encrypted database, where no systemd credential brings it.
            DatabaseKey::setConfiguredFile(entry.value);
        } else if (entry.name == QLatin1String("data-expiry-days")) {
            bool ok = false;
            const int days = entry.value.toInt(&ok);
            if (!ok || days < 0 || days > 3650)
                warn(
                    QStringLiteral("data-expiry-days is a number of days from 0 (never) to 3650, not \"%1\".")
                        .arg(entry.value));
            else
                options->dataExpiryDays = days;
        } else if (entry.name == QLatin1String("name")) {
            options->presetName = entry.value;
        } else if (entry.name == QLatin1String("language")) {
            if (entry.value == QLatin1String("system"))
                options->preferences.language.clear();
            else if (Translations::Languages.contains(entry.value))
                options->preferences.language = entry.value;
            else
                warn(QStringLiteral("language is one of %1 or \"system\", not \"%2\".")
                         .arg(Translations::Languages.join(QStringLiteral(", ")), entry.value));
        } else if (entry.name == QLatin1String("mode")) {
            if (!KioskPreferences::modeFromName(entry.value, &options->preferences.mode))
                warn(QStringLiteral("mode is \"volunteer\" or \"self-service\", not \"%1\".")
                         .arg(entry.value));
        } else if (entry.name == QLatin1String("text-size")) {
            if (!KioskPreferences::textSizeFromName(entry.value, &options->preferences.textSize))
                warn(QStringLiteral("text-size is \"normal\", \"large\" or \"larger\", not \"%1\".")
                         .arg(entry.value));
        } else if (entry.name == QLatin1String("camera")) {
            if (!KioskPreferences::cameraFromName(entry.value, &options->preferences.camera))
                warn(
                    QStringLiteral("camera is \"off\", \"back\" or \"front\", not \"%1\".").arg(entry.value));
        } else if (entry.name == QLatin1String("badge-printer")) {
            options->preferences.badgePrinter = entry.value;
        } else if (entry.name == QLatin1String("badge-layout")) {
            if (print::BadgeLayout::byId(entry.value))
                options->preferences.badgeLayout = entry.value;
            else
                warn(QStringLiteral("badge-layout is one of %1, not \"%2\".")
                         .arg(print::BadgeLayout::ids().join(QStringLiteral(", ")), entry.value));
        } else if (entry.name == QLatin1String("print-on-check-in")) {
            if (entry.value == QLatin1String("true") || entry.value == QLatin1String("false"))
                options->preferences.printOnCheckIn = entry.value == QLatin1String("true");
            else
                warn(QStringLiteral("print-on-check-in is true or false, not \"%1\".").arg(entry.value));
        } else if (entry.name == QLatin1String("scanner-key-gap") ||
                   entry.name == QLatin1String("scanner-quiet")) {
            bool ok = false;
            const int ms = entry.value.toInt(&ok);
            const bool gap = entry.name == QLatin1String("scanner-key-gap");
            if (!ok || ms < (gap ? 5 : 0) || ms > 2000)
                warn(QStringLiteral("%1 is a number of milliseconds from %2 to 2000, not \"%3\".")
                         .arg(entry.name, gap ? QStringLiteral("5") : QStringLiteral("0"), entry.value));
            else if (gap)
                options->scanner.maxGapMs = ms;
            else
                options->scanner.quietMs = ms;
        } else if (entry.name == QLatin1String("scanner-tab-ends")) {
            if (entry.value == QLatin1String("true") || entry.value == QLatin1String("false"))
                options->scanner.tabEnds = entry.value == QLatin1String("true");
            else
                warn(QStringLiteral("scanner-tab-ends is true or false, not \"%1\".").arg(entry.value));
        } else if (entry.name == QLatin1String("peers")) {
            // The other doors: "off", or addresses (host:port) besides those found on the network.
            if (entry.value == QLatin1String("off")) {
                options->peersEnabled = false;
                continue;
            }
            for (const QString &address : entry.value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                QString host;
                quint16 port = 0;
                QString why;
                if (PeerService::parseAddress(address, &host, &port, &why))
                    options->peerAddresses << address.trimmed();
                else
                    warn(QStringLiteral("peers: %1").arg(why));
            }
        } else if (entry.name == QLatin1String("peer-port")) {
            bool ok = false;
            const int port = entry.value.toInt(&ok);
            if (ok && port > 0 && port <= 65535)
                options->peerPort = quint16(port);
            else
                warn(QStringLiteral("peer-port is a port number (1 to 65535), not \"%1\".").arg(entry.value));
        } else if (entry.name == QLatin1String("peer-discovery")) {
            if (entry.value == QLatin1String("true") || entry.value == QLatin1String("false"))
                options->peerDiscovery = entry.value == QLatin1String("true");
            else
                warn(QStringLiteral("peer-discovery is true or false, not \"%1\".").arg(entry.value));
        } else {
            warn(QStringLiteral("unknown setting \"%1\" (known: servers, server-pin, ca-file, "
                                "database-key-file, data-expiry-days, name, "
                                "language, mode, text-size, "
                                "camera, badge-printer, badge-layout, print-on-check-in, scanner-key-gap, "
                                "scanner-quiet, scanner-tab-ends, peers, peer-port, peer-discovery).")
                     .arg(entry.name));
        }
    }
    return true;
}

} // namespace checkin::ui::KioskConfig
