// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// server-schema-fixture PATH VERSION: writes a SQLite server database as a server of that schema
// version left it, with an event "Fest" (id e) and two attendees, Anna inside and Ben not. The
// package test (tests/packaging/test-packages.sh) starts the installed server on it and checks the
// migration kept them.
#include "ServerSchema.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>

using namespace checkin;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int version = args.value(2).toInt(&ok);
    if (args.size() != 3 || !ok || version < 1 || version >= ServerSchema::latestVersion()) {
        std::fprintf(stderr, "usage: server-schema-fixture PATH VERSION (1 to %d)\n",
                     ServerSchema::latestVersion() - 1);
        return 2;
    }
    int status = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(args[1]);
        QString error;
        if (!db.open() || !ServerSchema::migrate(db, false, &error, version)) {
            std::fprintf(stderr, "server-schema-fixture: %s%s\n", qPrintable(db.lastError().text()),
                         qPrintable(error));
            return 1;
        }
        // As tst_server_schema writes them: before schema 3 each attendee row says whether they
        // are inside; from then on the event's counter does.
        QStringList rows = {
            QStringLiteral("INSERT INTO events (id, name, salt, created_at) VALUES ('e', 'Fest', 's', 1)")};
        if (version >= 3)
            rows << QStringLiteral("INSERT INTO attendees (event_id, id, first_name, updated_at, seq) VALUES "
                                   "('e', 'a', 'Anna', 1, 1), ('e', 'b', 'Ben', 1, 2)")
                 << QStringLiteral("INSERT INTO counters (name, value) VALUES ('inside:e', 1)");
        else
            rows << QStringLiteral(
                "INSERT INTO attendees (event_id, id, first_name, updated_at, seq, inside) "
                "VALUES ('e', 'a', 'Anna', 1, 1, 1), ('e', 'b', 'Ben', 1, 2, 0)");
        for (const QString &sql : std::as_const(rows)) {
            QSqlQuery q(db);
            if (!q.exec(sql)) {
                std::fprintf(stderr, "server-schema-fixture: %s\n", qPrintable(q.lastError().text()));
                status = 1;
                break;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    if (status == 0)
        std::printf("schema %d with event e \"Fest\": Anna inside, Ben not\n", version);
    return status;
}
