// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QSqlDatabase;
class QSqlQuery;
class QVariant;
struct sqlite3;
struct sqlite3_stmt;

namespace checkin {

// One statement on a connection of the store, with its values bound in order and its rows read
// by column. On SQLite it goes straight to SQLite's C interface: no QVariant for each value read,
// no look-up of each parameter by name (Qt's driver costs more than the query on the ingest's hot
// path). On PostgreSQL it is a QSqlQuery. Prepare once, then bind/exec/next as often as needed.
class SqlStatement
{
public:
    explicit SqlStatement(QSqlDatabase &db);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    bool prepare(const QString &sql);

    // Values for the next exec(), in the order of the statement's parameters.
    SqlStatement &bind(const QString &value); // a null QString binds ''
    SqlStatement &bind(qint64 value);
    SqlStatement &bind(int value) { return bind(qint64(value)); }
    // As Qt's drivers: null or a null QString binds NULL. A string is not copied: keep `value`
    // unchanged until exec().
    SqlStatement &bind(const QVariant &value);
    // A list for "IN (list(n))": one JSON array on SQLite, one value each on PostgreSQL.
    SqlStatement &bindList(const QStringList &values);
    // The inside of such an IN (...) for n values.
    QString list(qsizetype n) const;

    // Runs with the values bound since the last exec(); rows are then read with next().
    bool exec();
    bool next();
    QString text(int column) const;
    qint64 int64(int column) const;
    int int32(int column) const { return int(int64(column)); }

    QString lastError() const { return m_error; }

private:
    void restart();
    bool failed();

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    int m_param = 0;
    bool m_ran = false;                 // stepped since the last reset
    bool m_pending = false;             // exec() stepped onto a row that next() has not handed out
    std::unique_ptr<QSqlQuery> m_query; // PostgreSQL
    QString m_error;
};

} // namespace checkin
