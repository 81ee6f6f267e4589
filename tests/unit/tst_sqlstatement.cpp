// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SqlStatement on SQLite (its C interface under Qt's connection): values in and out as Qt's driver
// would give them, lists through JSON whatever their characters, a statement run again and again,
// and errors in words. (On PostgreSQL it is a QSqlQuery; the server tests run it there.)
#include "SqlStatement.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QVariant>

using namespace checkin;

class TestSqlStatement : public QObject
{
    Q_OBJECT

    QSqlDatabase m_db;

private Q_SLOTS:
    void init()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("statement"));
        m_db.setDatabaseName(QStringLiteral(":memory:"));
        QVERIFY(m_db.open());
        QVERIFY(
            QSqlQuery(m_db).exec(QStringLiteral("CREATE TABLE t (id TEXT PRIMARY KEY, n BIGINT, s TEXT)")));
    }

    void cleanup()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("statement"));
    }

    void valuesInAndOut()
    {
        SqlStatement insert(m_db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id, n, s) VALUES (?, ?, ?)")));
        const qint64 big = Q_INT64_C(9'007'199'254'740'993); // not exact as a double
        QVERIFY2(insert.bind(QStringLiteral("Zoë 💡")).bind(big).bind(QVariant(QString())).exec(),
                 qPrintable(insert.lastError()));
        // Bound again: the next run takes new values.
        QVERIFY(insert.bind(QStringLiteral("b")).bind(-1).bind(QString()).exec());
        QVERIFY(
            insert.bind(QStringLiteral("c")).bind(QVariant(7)).bind(QVariant(QStringLiteral("x"))).exec());

        SqlStatement select(m_db);
        QVERIFY(select.prepare(QStringLiteral("SELECT id, n, s, s IS NULL FROM t ORDER BY n")));
        QVERIFY(select.exec());
        QVERIFY(select.next());
        QCOMPARE(select.text(0), QStringLiteral("b"));
        QCOMPARE(select.int64(1), -1);
        QCOMPARE(select.text(2), QString()); // a null QString binds ''
        QCOMPARE(select.int32(3), 0);
        QVERIFY(select.next());
        QCOMPARE(select.text(0), QStringLiteral("c"));
        QCOMPARE(select.text(2), QStringLiteral("x"));
        QVERIFY(select.next());
        QCOMPARE(select.text(0), QStringLiteral("Zoë 💡"));
        QCOMPARE(select.int64(1), big);
        QVERIFY(select.text(2).isNull()); // a null QString in a QVariant binds NULL, as Qt's drivers
        QCOMPARE(select.int32(3), 1);
        QVERIFY(!select.next());
        QVERIFY(select.lastError().isEmpty());
        // Run again without new values: the same rows from the start.
        QVERIFY(select.exec());
        QVERIFY(select.next());
        QCOMPARE(select.text(0), QStringLiteral("b"));
    }

    void listsKeepEveryCharacter()
    {
        const QStringList ids{QStringLiteral("plain"),
                              QStringLiteral("quote \" inside"),
                              QStringLiteral("back\\slash"),
                              QStringLiteral("tab\tand\nnewline"),
                              QStringLiteral("nul\x01"
                                             "char"),
                              QStringLiteral("ünïcødé ✓"),
                              QStringLiteral("[\"json\"]"),
                              QString()};
        SqlStatement q(m_db);
        QVERIFY(q.prepare(QStringLiteral("SELECT value FROM json_each(?) ORDER BY key")));
        QCOMPARE(q.list(ids.size()), QStringLiteral("SELECT value FROM json_each(?)"));
        QVERIFY2(q.bindList(ids).exec(), qPrintable(q.lastError()));
        QStringList back;
        while (q.next())
            back << q.text(0);
        QCOMPARE(back.size(), ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(back[i], ids[i].isNull() ? QStringLiteral("") : ids[i]);

        // As the server uses it: rows whose key is in the list.
        SqlStatement insert(m_db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id, n) VALUES (?, ?)")));
        for (qsizetype i = 0; i < ids.size(); ++i)
            QVERIFY(insert.bind(ids[i]).bind(qint64(i)).exec());
        SqlStatement in(m_db);
        QVERIFY(in.prepare(QStringLiteral("SELECT COUNT(*) FROM t WHERE id IN (%1)").arg(in.list(2))));
        QVERIFY(in.bindList({ids[1], ids[4]}).exec() && in.next());
        QCOMPARE(in.int64(0), 2);
        QVERIFY(in.bindList({}).exec() && in.next());
        QCOMPARE(in.int64(0), 0);
    }

    void errorsInWords()
    {
        SqlStatement q(m_db);
        QVERIFY(!q.prepare(QStringLiteral("SELEKT 1")));
        QVERIFY2(q.lastError().contains(QLatin1String("syntax error")), qPrintable(q.lastError()));
        QVERIFY(!q.exec()); // nothing prepared

        SqlStatement insert(m_db);
        QVERIFY(insert.prepare(QStringLiteral("INSERT INTO t (id) VALUES (?)")));
        QVERIFY(insert.bind(QStringLiteral("same")).exec());
        QVERIFY(!insert.bind(QStringLiteral("same")).exec());
        QVERIFY2(insert.lastError().contains(QLatin1String("UNIQUE")), qPrintable(insert.lastError()));
        // The statement stays usable after a failed run.
        QVERIFY2(insert.bind(QStringLiteral("other")).exec(), qPrintable(insert.lastError()));
    }
};

QTEST_GUILESS_MAIN(TestSqlStatement)
#include "tst_sqlstatement.moc"
