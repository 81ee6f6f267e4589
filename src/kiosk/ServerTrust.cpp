// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerTrust.h"

#include <QDir>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslConfiguration>

namespace checkin::ServerTrust {

bool addAuthorities(const QString &path, QString *error)
{
    const QFileInfo info(path);
    QList<QSslCertificate> found;
    if (info.isDir()) {
        for (const QFileInfo &file : QDir(path).entryInfoList(QDir::Files | QDir::Readable))
            found += QSslCertificate::fromPath(file.filePath(), QSsl::Pem);
    } else if (info.isFile()) {
        found = QSslCertificate::fromPath(path, QSsl::Pem);
    } else {
        *error = QStringLiteral("%1 does not exist; give the PEM file of the event's certificate authority.")
                     .arg(path);
        return false;
    }
    found.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (found.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate (-----BEGIN CERTIFICATE-----).").arg(path);
        return false;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificates(found);
    QSslConfiguration::setDefaultConfiguration(configuration);
    return true;
}

QStringList useEnvironment()
{
    QStringList problems;
    QStringList paths;
    if (!qEnvironmentVariableIsEmpty("SSL_CERT_FILE"))
        paths << qEnvironmentVariable("SSL_CERT_FILE");
    if (!qEnvironmentVariableIsEmpty("SSL_CERT_DIR"))
        paths += qEnvironmentVariable("SSL_CERT_DIR").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString &path : std::as_const(paths)) {
        QString error;
        if (!addAuthorities(path, &error))
            problems << error;
    }
    return problems;
}

} // namespace checkin::ServerTrust
