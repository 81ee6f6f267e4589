// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

namespace checkin {

// What a kiosk keeps about its server after enrolment, in its data directory: the server URLs and
// its name in `sync.json`, its device token in `device-token`. Both are readable by the owner only.
struct SyncSettings
{
    QList<QUrl> servers;
    QString deviceName;
    QString token;
    QString pin; // the server certificate's pin (CertificatePin), from the enrolment payload or set by hand

    bool enrolled() const { return !servers.isEmpty() && !token.isEmpty(); }

    // Reads them; a kiosk that was never enrolled gets empty settings and no error.
    static SyncSettings load(const QString &dataDir, QString *error);
    bool save(const QString &dataDir, QString *error) const;
    // Deletes both files (a wiped kiosk): afterwards the device is not enrolled.
    static bool remove(const QString &dataDir, QString *error);

    // "https://a:8443,http://b:8080" -> URLs; an error names the first that is not http(s).
    static QList<QUrl> parseServers(const QString &commaSeparated, QString *error);

    Q_DECLARE_TR_FUNCTIONS(SyncSettings)
};

} // namespace checkin
