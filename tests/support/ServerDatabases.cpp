// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerDatabases.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace checkin::test {

ServerDatabases::ServerDatabases()
    : m_postgres(qEnvironmentVariable("CHECKIN_TEST_ENGINE") == QLatin1String("postgres"))
    , m_connection(QStringLiteral("server-databases-%1").arg(quintptr(this), 0, 16))
{}

ServerDatabases::~ServerDatabases()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        QSqlQuery q(db);
        for (const QString &name : std::as_const(m_created)) {
            if (!q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name)))
                qWarning("cannot drop %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ServerDatabases::init()
{
    if (!m_postgres)
        return {};
    const QString urlFile = qEnvironmentVariable("CHECKIN_TEST_PG_URL_FILE");
    if (urlFile.isEmpty())
        return QStringLiteral("CHECKIN_TEST_PG_URL_FILE is not set: run this test through ctest (the fixture "
                              "postgres starts the cluster)");
    QFile file(urlFile);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("no PostgreSQL URL in %1: the fixture pg_cluster_start failed or did not run")
            .arg(urlFile);
    m_url = QUrl(QString::fromUtf8(file.readAll()).trimmed(), QUrl::StrictMode);
    if (!m_url.isValid() || m_url.port() <= 0)
        return QStringLiteral("not a PostgreSQL URL: %1").arg(m_url.toString());
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return QStringLiteral("the Qt driver QPSQL is missing");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    db.setHostName(m_url.host());
    db.setPort(m_url.port());
    db.setUserName(m_url.userName());
    db.setDatabaseName(m_url.path().mid(1));
    db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    if (!db.open())
        return db.lastError().text();
    return {};
}

QString ServerDatabases::create(const QString &tag, const QString &dir, QString *error)
{
    if (!m_postgres) {
        QDir().mkpath(dir);
        return QStringLiteral("sqlite:") + QDir(dir).filePath(tag + QStringLiteral(".sqlite"));
    }
    const QString name = QStringLiteral("checkin_%1_%2")
                             .arg(tag, QString::number(QRandomGenerator::global()->generate64(), 16));
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("CREATE DATABASE ") + name)) {
        *error = q.lastError().text();
        return {};
    }
    m_created << name;
    QUrl url = m_url;
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

} // namespace checkin::test
