// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SqlStatement.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace checkin {

namespace {

// The connection's own SQLite handle, or null for another driver.
sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

SqlStatement::SqlStatement(QSqlDatabase &db)
    : m_db(sqliteHandle(db))
{
    if (!m_db) {
        m_query = std::make_unique<QSqlQuery>(db);
        m_query->setForwardOnly(true);
    }
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

bool SqlStatement::prepare(const QString &sql)
{
    m_error.clear();
    m_param = 0;
    m_ran = false;
    m_pending = false;
    if (m_query) {
        if (m_query->prepare(sql))
            return true;
        m_error = m_query->lastError().text();
        return false;
    }
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                           nullptr) != SQLITE_OK)
        return failed();
    return true;
}

void SqlStatement::restart()
{
    // The first value after a run starts the next one.
    if (m_stmt && m_ran) {
        sqlite3_reset(m_stmt);
        m_ran = false;
        m_pending = false;
        m_param = 0;
    }
}

bool SqlStatement::failed()
{
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

SqlStatement &SqlStatement::bind(const QString &value)
{
    if (m_query) {
        m_query->addBindValue(value.isNull() ? QStringLiteral("") : value);
        return *this;
    }
    restart();
    if (m_stmt) {
        // As UTF-8, the database's encoding: SQLite's own conversion from UTF-16 is slower than Qt's.
        const QByteArray utf8 = value.toUtf8();
        sqlite3_bind_text(m_stmt, ++m_param, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    return *this;
}

SqlStatement &SqlStatement::bind(qint64 value)
{
    if (m_query) {
        m_query->addBindValue(value);
        return *this;
    }
    restart();
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, ++m_param, value);
    return *this;
}

SqlStatement &SqlStatement::bind(const QVariant &value)
{
    if (m_query) {
        m_query->addBindValue(value);
        return *this;
    }
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(value.constData());
        restart();
        if (!m_stmt)
            return *this;
        if (text->isNull()) // NULL, as Qt's drivers bind a null QString
            sqlite3_bind_null(m_stmt, ++m_param);
        else // not copied: the caller keeps `value` until exec()
            sqlite3_bind_text16(m_stmt, ++m_param, text->utf16(), int(text->size() * 2), SQLITE_STATIC);
        return *this;
    }
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return bind(value.toLongLong());
    default:
        break;
    }
    restart();
    if (!m_stmt)
        return *this;
    if (value.isNull())
        sqlite3_bind_null(m_stmt, ++m_param);
    else if (value.metaType().id() == QMetaType::Double)
        sqlite3_bind_double(m_stmt, ++m_param, value.toDouble());
    else
        return bind(value.toString());
    return *this;
}

SqlStatement &SqlStatement::bindList(const QStringList &values)
{
    if (m_query) {
        for (const QString &v : values)
            m_query->addBindValue(v);
        return *this;
    }
    // The JSON array by hand: QJsonDocument costs more than the query it feeds.
    QString json;
    qsizetype length = 2;
    for (const QString &v : values)
        length += v.size() + 3;
    json.reserve(length);
    json += QLatin1Char('[');
    for (const QString &v : values) {
        if (json.size() > 1)
            json += QLatin1Char(',');
        json += QLatin1Char('"');
        for (const QChar c : v) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
                json += QLatin1Char('\\');
                json += c;
            } else if (c.unicode() < 0x20) {
                json += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            } else {
                json += c;
            }
        }
        json += QLatin1Char('"');
    }
    json += QLatin1Char(']');
    return bind(json);
}

QString SqlStatement::list(qsizetype n) const
{
    // SQLite takes the list as one JSON array: a statement with hundreds of parameters costs more
    // than the query itself. PostgreSQL takes them one by one.
    if (!m_query)
        return QStringLiteral("SELECT value FROM json_each(?)");
    QString out;
    out.reserve(n * 3);
    for (qsizetype i = 0; i < n; ++i)
        out += i ? QStringLiteral(", ?") : QStringLiteral("?");
    return out;
}

bool SqlStatement::exec()
{
    m_error.clear();
    if (m_query) {
        if (m_query->exec())
            return true;
        m_error = m_query->lastError().text();
        return false;
    }
    if (!m_stmt) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("no statement prepared");
        return false;
    }
    if (m_ran) // run again with the same values
        sqlite3_reset(m_stmt);
    m_ran = true;
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        m_pending = true;
        return true;
    case SQLITE_DONE:
        m_pending = false;
        return true;
    default:
        m_pending = false;
        sqlite3_reset(m_stmt);
        return failed();
    }
}

bool SqlStatement::next()
{
    if (m_query)
        return m_query->next();
    if (!m_stmt || !m_ran)
        return false;
    if (m_pending) {
        m_pending = false;
        return true;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        failed();
    return false;
}

QString SqlStatement::text(int column) const
{
    if (m_query)
        return m_query->value(column).toString();
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!utf8)
        return {};
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_stmt, column));
}

qint64 SqlStatement::int64(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return sqlite3_column_int64(m_stmt, column);
}

} // namespace checkin
