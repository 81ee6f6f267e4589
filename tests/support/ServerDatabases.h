// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace checkin::test {

// Fresh, empty databases for checkin-server processes of a test: SQLite files, or, with
// CHECKIN_TEST_ENGINE=postgres, new databases on the throwaway cluster of the CTest fixture
// `postgres` (dropped again when this goes away).
class ServerDatabases
{
public:
    ServerDatabases();
    ~ServerDatabases();
    ServerDatabases(const ServerDatabases &) = delete;
    ServerDatabases &operator=(const ServerDatabases &) = delete;

    bool postgres() const { return m_postgres; }
    // Connects to the cluster (PostgreSQL); a sentence when that fails.
    QString init();
    // A `--db` value for a new database named after `tag`; SQLite files go under `dir`.
    QString create(const QString &tag, const QString &dir, QString *error);

private:
    bool m_postgres = false;
    QUrl m_url;
    QString m_connection;
    QStringList m_created;
};

} // namespace checkin::test
