// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Server schema migrations on SQLite and PostgreSQL (CHECKIN_TEST_ENGINE=postgres): from every
// earlier version to the same schema as a fresh database; a newer database is refused untouched;
// on PostgreSQL a migration that meets a lock gives up within its lock timeout instead of
// queueing behind it.
#include "DatabaseConfig.h"
#include "ServerSchema.h"
#include "ServerStore.h"
#include "WallClock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace checkin;

class TestServerSchema : public QObject
{
    Q_OBJECT

    bool m_postgres = false;
    QString m_url;
    QTemporaryDir m_dir;
    int m_made = 0;
    QStringList m_databases;

    // A fresh, empty database and a connection to it.
    QSqlDatabase fresh(const QString &connection)
    {
        if (!m_postgres) {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(m_dir.filePath(QStringLiteral("db%1.sqlite").arg(++m_made)));
            db.open();
            return db;
        }
        const QString name = QStringLiteral("checkin_schema_%1_%2")
                                 .arg(QRandomGenerator::global()->bounded(1000000))
                                 .arg(++m_made);
        {
            QSqlDatabase admin = connect(QStringLiteral("admin-%1").arg(m_made), QUrl(m_url).path().mid(1));
            QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE %1").arg(name));
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin-%1").arg(m_made));
        m_databases << name;
        return connect(connection, name);
    }

    QSqlDatabase connect(const QString &connection, const QString &database)
    {
        const QUrl u(m_url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setDatabaseName(database);
        db.open();
        return db;
    }

    QStringList schemaOf(QSqlDatabase &db)
    {
        QSqlQuery q(db);
        if (m_postgres)
            q.exec(QStringLiteral(
                "SELECT table_name || '.' || column_name || ':' || data_type || ':' || "
                "COALESCE(column_default, '') FROM information_schema.columns WHERE table_schema = "
                "'public' UNION ALL SELECT indexname || ':' || indexdef FROM pg_indexes WHERE "
                "schemaname = 'public'"));
        else
            q.exec(
                QStringLiteral("SELECT type || ' ' || name || ': ' || IFNULL(sql, '') FROM sqlite_master"));
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        out.sort();
        return out;
    }

    void drop(QSqlDatabase &db, const QString &connection)
    {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_postgres = qEnvironmentVariable("CHECKIN_TEST_ENGINE") == QLatin1String("postgres");
        if (m_postgres) {
            QFile f(qEnvironmentVariable("CHECKIN_TEST_PG_URL_FILE"));
            QVERIFY2(f.open(QIODevice::ReadOnly),
                     "no PostgreSQL: the pg_cluster_start fixture did not run or failed");
            m_url = QString::fromUtf8(f.readAll()).trimmed();
        }
    }

    void cleanupTestCase()
    {
        if (!m_postgres)
            return;
        {
            QSqlDatabase admin = connect(QStringLiteral("cleanup"), QUrl(m_url).path().mid(1));
            for (const QString &name : std::as_const(m_databases))
                QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("cleanup"));
    }

    void upgradesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < ServerSchema::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
    }

    void upgradesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        QString error;
        QSqlDatabase reference = fresh(QStringLiteral("reference"));
        QVERIFY2(ServerSchema::migrate(reference, m_postgres, &error), qPrintable(error));
        const QStringList expected = schemaOf(reference);
        drop(reference, QStringLiteral("reference"));

        QSqlDatabase db = fresh(QStringLiteral("old"));
        QVERIFY2(ServerSchema::migrate(db, m_postgres, &error, from), qPrintable(error));
        QCOMPARE(ServerSchema::currentVersion(db, &error), from);
        if (from >= 1) {
            QVERIFY(
                QSqlQuery(db).exec(QStringLiteral("INSERT INTO events (id, name, salt, created_at) VALUES "
                                                  "('e', 'Fest', 's', 1)")));
            // Anna is inside (before schema 3, each attendee row said so; from then on SQLite keeps
            // the event's counter).
            const bool counter = !m_postgres && from >= 3;
            QVERIFY(QSqlQuery(db).exec(
                counter ? QStringLiteral(
                              "INSERT INTO attendees (event_id, id, first_name, updated_at, seq) VALUES "
                              "('e', 'a', 'Anna', 1, 1), ('e', 'b', 'Ben', 1, 2)")
                        : QStringLiteral(
                              "INSERT INTO attendees (event_id, id, first_name, updated_at, seq, inside) "
                              "VALUES ('e', 'a', 'Anna', 1, 1, 1), ('e', 'b', 'Ben', 1, 2, 0)")));
            if (counter)
                QVERIFY(QSqlQuery(db).exec(
                    QStringLiteral("INSERT INTO counters (name, value) VALUES ('inside:e', 1)")));
        }
        QVERIFY2(ServerSchema::migrate(db, m_postgres, &error), qPrintable(error));
        QCOMPARE(ServerSchema::currentVersion(db, &error), ServerSchema::latestVersion());
        QCOMPARE(schemaOf(db), expected);
        if (from >= 1) {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("SELECT name FROM events WHERE id = 'e'")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("Fest"));
            // An attendee from before walk-ins is on the list, not a walk-in.
            QVERIFY(
                q.exec(QStringLiteral(
                    "SELECT first_name, walk_in_checkin, walk_in_device FROM attendees WHERE id = 'a'")) &&
                q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("Anna"));
            QCOMPARE(q.value(1).toString(), QString());
            QCOMPARE(q.value(2).toString(), QString());
            // One inside: the event's counter on SQLite, the attendee rows on PostgreSQL.
            QVERIFY(q.exec(m_postgres
                               ? QStringLiteral("SELECT SUM(inside) FROM attendees WHERE event_id = 'e'")
                               : QStringLiteral("SELECT value FROM counters WHERE name = 'inside:e'")) &&
                    q.next());
            QCOMPARE(q.value(0).toInt(), 1);
        }
        // Migrating again is a no-op.
        QVERIFY2(ServerSchema::migrate(db, m_postgres, &error), qPrintable(error));
        drop(db, QStringLiteral("old"));
    }

    void searchKeysAreFilledOnOpen()
    {
        // An attendee written before schema 4 has no search keys; the server fills them when it opens.
        QString error;
        QSqlDatabase db = fresh(QStringLiteral("search"));
        const QString spec = m_postgres ? [&] {
            QUrl url(m_url);
            url.setPath(QLatin1Char('/') + db.databaseName());
            return url.toString();
        }()
                                        : QStringLiteral("sqlite:") + db.databaseName();
        QVERIFY2(ServerSchema::migrate(db, m_postgres, &error, 3), qPrintable(error));
        QVERIFY(QSqlQuery(db).exec(
            QStringLiteral("INSERT INTO events (id, name, salt, created_at) VALUES ('e', 'Fest', 's', 1)")));
        QVERIFY(QSqlQuery(db).exec(QStringLiteral(
            "INSERT INTO attendees (event_id, id, first_name, last_name, company, updated_at, seq) VALUES "
            "('e', 'a', 'Jörg', 'Müller-Lüdenscheidt', 'ACME', 1, 1)")));
        db.close();
        {
            DatabaseConfig config;
            QVERIFY2(DatabaseConfig::parse(spec, &config, &error), qPrintable(error));
            SystemClock clock;
            ServerStore store(config, &clock);
            QVERIFY2(store.open(&error), qPrintable(error));
        }
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT search FROM attendees WHERE id = 'a'")) && q.next());
        const QString keys = q.value(0).toString();
        for (const char *word : {" jorg ", " muller ", " ludenscheidt ", " acme "})
            QVERIFY2(keys.contains(QLatin1String(word)),
                     qPrintable(keys + QStringLiteral(" lacks ") + QLatin1String(word)));
        drop(db, QStringLiteral("search"));
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QString error;
        QSqlDatabase db = fresh(QStringLiteral("newer"));
        QVERIFY(ServerSchema::migrate(db, m_postgres, &error));
        QVERIFY(
            QSqlQuery(db).exec(QStringLiteral("UPDATE schema_meta SET value = '99' WHERE key = 'version'")));
        QVERIFY(!ServerSchema::migrate(db, m_postgres, &error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
        QCOMPARE(ServerSchema::currentVersion(db, &error), 99);
        drop(db, QStringLiteral("newer"));
    }

    void aMigrationGivesUpOnALockInsteadOfQueueing()
    {
        if (!m_postgres)
            QSKIP("PostgreSQL only: SQLite has one writer and a busy timeout");
        QString error;
        QSqlDatabase db = fresh(QStringLiteral("locked"));
        const QString name = db.databaseName();
        QSqlDatabase holder = connect(QStringLiteral("holder"), name);
        // Someone holds a lock the migration needs (here: the schema table itself).
        QVERIFY(QSqlQuery(holder).exec(QStringLiteral("BEGIN")));
        QVERIFY(QSqlQuery(holder).exec(
            QStringLiteral("CREATE TABLE schema_meta (key TEXT PRIMARY KEY, value TEXT)")));
        QElapsedTimer t;
        t.start();
        QVERIFY(!ServerSchema::migrate(db, true, &error));
        QVERIFY2(t.elapsed() < 15000, "the migration waited instead of giving up");
        QVERIFY2(error.contains(QStringLiteral("unchanged")), qPrintable(error));
        QSqlQuery(holder).exec(QStringLiteral("ROLLBACK"));
        drop(holder, QStringLiteral("holder"));
        // Once the lock is gone it goes through.
        QVERIFY2(ServerSchema::migrate(db, true, &error), qPrintable(error));
        drop(db, QStringLiteral("locked"));
    }
};

QTEST_GUILESS_MAIN(TestServerSchema)
#include "tst_server_schema.moc"
