// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin {

// Where the server keeps its data: SQLite (one file, for a small event) or PostgreSQL (for several
// server processes). Parsed from --db.
struct DatabaseConfig
{
    enum class Engine { Sqlite, Postgres };
    Engine engine = Engine::Sqlite;
    QString path; // SQLite file
    QString host; // PostgreSQL
    int port = 5432;
    QString user;
    QString password;
    QString database;

    bool isPostgres() const { return engine == Engine::Postgres; }
    QString describe() const; // for logs and messages, without the password

    // "sqlite:PATH" or "postgresql://USER[:PASSWORD]@HOST[:PORT]/DB"; false with a message otherwise.
    static bool parse(const QString &text, DatabaseConfig *config, QString *error);
};

} // namespace checkin
