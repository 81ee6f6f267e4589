// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// PostgreSQL through the QPSQL driver, against the throwaway cluster of the CTest fixture `postgres`
// (tests/support/pg-cluster.sh): the server version, a rolled-back transaction, committed data seen by a
// second connection, and lock_timeout. The URL of the cluster is in the file named by
// $CHECKIN_TEST_PG_URL_FILE; without it the test fails, it never skips.
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace {

const QString kDriver = QStringLiteral("QPSQL");
const QString kFirst = QStringLiteral("tst_postgres_a");
const QString kSecond = QStringLiteral("tst_postgres_b");

QString describe(const QSqlQuery &query, const QString &sql)
{
    const QSqlError error = query.lastError();
    return sql + QStringLiteral(": ") + error.text() + QStringLiteral(" (SQLSTATE ") +
           error.nativeErrorCode() + QStringLiteral(")");
}

// Runs one statement on `query`; fails the current test with the server's message when it fails.
#define EXEC(query, sql)                                                                                     \
    do {                                                                                                     \
        const QString sql_ = (sql);                                                                          \
        QVERIFY2((query).exec(sql_), qPrintable(describe((query), sql_)));                                   \
    } while (false)

// The single value of `sql` on `db`, as a string; fails the current test when there is none.
#define SCALAR(out, db, sql)                                                                                 \
    do {                                                                                                     \
        QSqlQuery q_(db);                                                                                    \
        EXEC(q_, sql);                                                                                       \
        QVERIFY2(q_.next(), qPrintable(QStringLiteral("no row from ") + (sql)));                             \
        (out) = q_.value(0).toString();                                                                      \
    } while (false)

} // namespace

class TestPostgres : public QObject
{
    Q_OBJECT

    QUrl m_url;

    // Opens the connection `name` to the cluster; an empty string on success, else why it failed.
    QString open(const QString &name)
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(kDriver, name);
        database.setHostName(m_url.host());
        database.setPort(m_url.port(5432));
        database.setUserName(m_url.userName());
        database.setPassword(m_url.password());
        database.setDatabaseName(m_url.path().mid(1));
        database.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!database.open())
            return QStringLiteral("cannot connect to ") + m_url.toDisplayString() + QStringLiteral(": ") +
                   database.lastError().text();
        // A backstop: a statement that waits for a lock fails instead of hanging the test. And no NOTICEs
        // (DROP TABLE IF EXISTS) on stderr.
        QSqlQuery query(database);
        for (const QString &sql : {QStringLiteral("SET statement_timeout = '20s'"),
                                   QStringLiteral("SET client_min_messages = warning")}) {
            if (!query.exec(sql))
                return describe(query, sql);
        }
        return {};
    }

    static QSqlDatabase db(const QString &name) { return QSqlDatabase::database(name, false); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString urlFile = qEnvironmentVariable("CHECKIN_TEST_PG_URL_FILE");
        if (urlFile.isEmpty())
            QFAIL(
                "CHECKIN_TEST_PG_URL_FILE is not set: run this test through ctest (the fixture postgres "
                "starts the cluster), or start one with `bash tests/support/pg-cluster.sh start DIR` and set "
                "CHECKIN_TEST_PG_URL_FILE=DIR/url");
        QFile file(urlFile);
        if (!file.open(QIODevice::ReadOnly))
            QFAIL(qPrintable(
                QStringLiteral("no PostgreSQL URL in ") + urlFile + QStringLiteral(" (") +
                file.errorString() +
                QStringLiteral("): the test fixture pg_cluster_start failed or did not run; "
                               "see its output, or run tests/support/pg-cluster.sh start by hand")));
        const QString text = QString::fromUtf8(file.readAll()).trimmed();
        m_url = QUrl(text, QUrl::StrictMode);
        QVERIFY2(m_url.isValid() && m_url.scheme() == QStringLiteral("postgresql") &&
                     !m_url.host().isEmpty() && m_url.port() > 0 && m_url.path().size() > 1,
                 qPrintable(QStringLiteral("not a postgresql://user@host:port/database URL in ") + urlFile +
                            QStringLiteral(": ") + text));
        QVERIFY2(QSqlDatabase::isDriverAvailable(kDriver),
                 "the Qt PostgreSQL driver QPSQL is missing: install libqt6sql6-psql "
                 "(installers/setup-debian.sh)");

        for (const QString &name : {kFirst, kSecond}) {
            const QString error = open(name);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        QSqlQuery query(db(kFirst));
        for (const char *table : {"tst_postgres_rollback", "tst_postgres_shared", "tst_postgres_locks"})
            EXEC(query, QStringLiteral("DROP TABLE IF EXISTS ") + QLatin1String(table));
    }

    void cleanupTestCase()
    {
        for (const QString &name : {kFirst, kSecond}) {
            if (!QSqlDatabase::contains(name))
                continue;
            db(name).close(); // ends an open transaction
            QSqlDatabase::removeDatabase(name);
        }
    }

    void serverIsPostgres15()
    {
        QString version;
        SCALAR(version, db(kFirst), QStringLiteral("SELECT version()"));
        QVERIFY2(version.startsWith(QStringLiteral("PostgreSQL 15.")), qPrintable(version));
        QString number;
        SCALAR(number, db(kFirst), QStringLiteral("SHOW server_version_num"));
        QCOMPARE(number.toInt() / 10000, 15);
        QString encoding;
        SCALAR(encoding, db(kFirst), QStringLiteral("SHOW server_encoding"));
        QCOMPARE(encoding, QStringLiteral("UTF8"));
    }

    void rollbackDiscardsWrites()
    {
        QSqlDatabase database = db(kFirst);
        QSqlQuery query(database);
        EXEC(query, QStringLiteral(
                        "CREATE TABLE tst_postgres_rollback (id integer PRIMARY KEY, name text NOT NULL)"));

        QVERIFY2(database.transaction(), qPrintable(database.lastError().text()));
        QVERIFY(query.prepare(QStringLiteral("INSERT INTO tst_postgres_rollback (id, name) VALUES (?, ?)")));
        const QStringList names = {QStringLiteral("Ada Lovelace"), QStringLiteral("Zoë Ångström-Øre")};
        for (int i = 0; i < names.size(); ++i) {
            query.addBindValue(i + 1);
            query.addBindValue(names[i]);
            QVERIFY2(query.exec(), qPrintable(describe(query, QStringLiteral("INSERT"))));
        }
        QString inside;
        SCALAR(inside, database, QStringLiteral("SELECT name FROM tst_postgres_rollback WHERE id = 2"));
        QCOMPARE(inside, names[1]);
        QVERIFY2(database.rollback(), qPrintable(database.lastError().text()));

        QString count;
        SCALAR(count, database, QStringLiteral("SELECT count(*) FROM tst_postgres_rollback"));
        QCOMPARE(count, QStringLiteral("0"));

        // DDL is transactional too.
        QVERIFY(database.transaction());
        EXEC(query, QStringLiteral("CREATE TABLE tst_postgres_gone (id integer)"));
        QVERIFY(database.rollback());
        QString exists;
        SCALAR(exists, database, QStringLiteral("SELECT to_regclass('tst_postgres_gone') IS NULL"));
        QCOMPARE(exists, QStringLiteral("true"));
    }

    void commitIsVisibleToAnotherConnection()
    {
        QSqlDatabase writer = db(kFirst);
        QSqlDatabase reader = db(kSecond);
        QSqlQuery write(writer);
        EXEC(write,
             QStringLiteral("CREATE TABLE tst_postgres_shared (code text PRIMARY KEY, name text NOT NULL)"));

        QVERIFY(writer.transaction());
        QVERIFY(write.prepare(
            QStringLiteral("INSERT INTO tst_postgres_shared (code, name) VALUES (:code, :name)")));
        write.bindValue(QStringLiteral(":code"), QStringLiteral("K7Q2-M9XD"));
        write.bindValue(QStringLiteral(":name"), QStringLiteral("Çağrı Öztürk"));
        QVERIFY2(write.exec(), qPrintable(describe(write, QStringLiteral("INSERT"))));

        QString count;
        SCALAR(count, reader, QStringLiteral("SELECT count(*) FROM tst_postgres_shared"));
        QCOMPARE(count, QStringLiteral("0")); // not committed yet

        QVERIFY2(writer.commit(), qPrintable(writer.lastError().text()));
        SCALAR(count, reader, QStringLiteral("SELECT count(*) FROM tst_postgres_shared"));
        QCOMPARE(count, QStringLiteral("1"));
        QString name;
        SCALAR(name, reader, QStringLiteral("SELECT name FROM tst_postgres_shared WHERE code = 'K7Q2-M9XD'"));
        QCOMPARE(name, QStringLiteral("Çağrı Öztürk"));
    }

    void lockTimeout()
    {
        QSqlDatabase holder = db(kFirst);
        QSqlDatabase waiter = db(kSecond);
        QSqlQuery hold(holder);
        EXEC(hold,
             QStringLiteral("CREATE TABLE tst_postgres_locks (id integer PRIMARY KEY, n integer NOT NULL)"));
        EXEC(hold, QStringLiteral("INSERT INTO tst_postgres_locks VALUES (1, 0)"));

        QSqlQuery wait(waiter);
        EXEC(wait, QStringLiteral("SET lock_timeout = '300ms'"));
        QString setting;
        SCALAR(setting, waiter, QStringLiteral("SHOW lock_timeout"));
        QCOMPARE(setting, QStringLiteral("300ms"));

        QVERIFY(holder.transaction());
        EXEC(hold, QStringLiteral("SELECT n FROM tst_postgres_locks WHERE id = 1 FOR UPDATE"));

        QElapsedTimer timer;
        timer.start();
        const QString update = QStringLiteral("UPDATE tst_postgres_locks SET n = n + 1 WHERE id = 1");
        QVERIFY2(!wait.exec(update), "the update went through a row locked by another transaction");
        const qint64 waited = timer.elapsed();
        QCOMPARE(wait.lastError().nativeErrorCode(), QStringLiteral("55P03")); // lock_not_available
        QVERIFY2(waited >= 250 && waited < 10'000,
                 qPrintable(QString::number(waited) + QStringLiteral(" ms")));

        QVERIFY(holder.rollback());
        EXEC(wait, update);
        QCOMPARE(wait.numRowsAffected(), 1);
        EXEC(wait, QStringLiteral("RESET lock_timeout"));
    }
};

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
