// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DatabaseConfig.h"

#include <QDir>
#include <QUrl>

namespace checkin {

QString DatabaseConfig::describe() const
{
    if (!isPostgres())
        return QStringLiteral("sqlite:%1").arg(QDir::toNativeSeparators(path));
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

bool DatabaseConfig::parse(const QString &text, DatabaseConfig *config, QString *error)
{
    *config = {};
    if (text.startsWith(QLatin1String("sqlite:"))) {
        config->engine = Engine::Sqlite;
        config->path = text.mid(7);
        if (config->path.isEmpty()) {
            *error =
                QStringLiteral("--db sqlite: needs a file, e.g. --db sqlite:/var/lib/checkin/server.sqlite");
            return false;
        }
        return true;
    }
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(text, QUrl::StrictMode);
        const QString database = url.path().mid(1);
        if (!url.isValid() || url.host().isEmpty() || url.userName().isEmpty() || database.isEmpty() ||
            database.contains(QLatin1Char('/'))) {
            *error =
                QStringLiteral("--db %1 is not a PostgreSQL URL like postgresql://USER@HOST:PORT/DATABASE.")
                    .arg(text);
            return false;
        }
        config->engine = Engine::Postgres;
        config->host = url.host();
        config->port = url.port(5432);
        config->user = url.userName();
        config->password = url.password();
        config->database = database;
        return true;
    }
    *error = QStringLiteral("--db takes sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE, not \"%1\".")
                 .arg(text);
    return false;
}

} // namespace checkin
