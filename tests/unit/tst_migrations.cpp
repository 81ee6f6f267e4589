// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Migrations: a database of every earlier schema version upgrades to the same schema as a fresh
// one and keeps its data; a failing step leaves the previous version intact.
#include "LocalStore.h"
#include "Migrations.h"
#include "StoreFixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace checkin;
using namespace checkin::test;

namespace {

// Opens a raw connection (no store) on a file, a clear one as older versions made them or one the
// store has encrypted; closes it on destruction.
class RawDb
{
public:
    enum Kind { Clear, Encrypted };
    explicit RawDb(const QString &path, Kind kind = Clear)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        if (kind == Encrypted)
            StoreFixture::useKioskDatabase(m_db, path);
        else
            m_db.setDatabaseName(path);
        m_db.open();
    }
    ~RawDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }
    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }
    QStringList column(const QString &sql)
    {
        QSqlQuery q(m_db);
        q.exec(sql);
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

private:
    static inline int s_count = 0;
    QString m_name;
    QSqlDatabase m_db;
};

// The schema as SQLite describes it, independent of creation order.
QStringList schemaOf(RawDb &raw)
{
    QStringList schema = raw.column(QStringLiteral("SELECT type || ' ' || name || ': ' || IFNULL(sql, '') "
                                                   "FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"));
    schema.sort();
    schema << raw.column(QStringLiteral("PRAGMA user_version"));
    return schema;
}

// Sample rows that every schema version since 1 can hold.
void fillVersion1(RawDb &raw)
{
    QVERIFY(
        raw.exec(QStringLiteral("INSERT INTO meta VALUES ('device_id', 'dev-1'), ('device_name', 'Door 1'), "
                                "('event_id', 'ev-1')")));
    QVERIFY(raw.exec(QStringLiteral("INSERT INTO events (id, name, salt, created_at) VALUES "
                                    "('ev-1', 'Gemeindefest', 'salt', 1)")));
    QVERIFY(raw.exec(
        QStringLiteral("INSERT INTO attendees (id, event_id, code_hash, first_name, last_name) VALUES "
                       "('a-1', 'ev-1', 'hash-1', 'Anna', 'Müller')")));
    QVERIFY(
        raw.exec(QStringLiteral("INSERT INTO checkins (id, event_id, attendee_id, kind, at, hlc, device_id) "
                                "VALUES ('c-1', 'ev-1', 'a-1', 0, 1000, 65536000, 'dev-1')")));
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionsAreNumberedInOrder()
    {
        int expected = 1;
        for (const Migrations::Step &step : Migrations::steps())
            QCOMPARE(step.version, expected++);
        QCOMPARE(Migrations::latestVersion(), expected - 1);
    }

    void upgradesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < Migrations::latestVersion(); ++v)
            QTest::newRow(qPrintable(QStringLiteral("from v%1").arg(v))) << v;
    }

    void upgradesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        QStringList fresh;
        {
            RawDb raw(dir.filePath(QStringLiteral("fresh.sqlite")));
            QString error;
            QVERIFY2(Migrations::migrate(raw.db(), &error), qPrintable(error));
            fresh = schemaOf(raw);
        }

        const QString old = dir.filePath(QStringLiteral("kiosk.sqlite"));
        {
            RawDb raw(old);
            QString error;
            QVERIFY2(Migrations::migrate(raw.db(), &error, from), qPrintable(error));
            QCOMPARE(Migrations::currentVersion(raw.db()), from);
            if (from >= 1)
                fillVersion1(raw);
        }
        // The real store opens it, upgrading on the way.
        ManualClock clock;
        {
            LocalStore store(dir.path(), &clock);
            const StoreStatus status = await(store.open());
            QVERIFY2(status.ok(), qPrintable(status.error));
            if (from >= 1) {
                const StoreStats stats = await(store.stats());
                QCOMPARE(stats.deviceId, QStringLiteral("dev-1"));
                QCOMPARE(stats.event.name, QStringLiteral("Gemeindefest"));
                QCOMPARE(stats.attendees, 1);
                QCOMPARE(stats.inside, 0);
                QCOMPARE(stats.checkIns, 1);
                QCOMPARE(stats.undelivered, 1);
                QCOMPARE(stats.walkIns, 0); // everybody from before walk-ins is on the list
                QCOMPARE(await(store.search(QStringLiteral("mül"))).attendees.size(), 1);
                // ... and a walk-in can be registered on the upgraded database.
                const ScanOutcome walkIn = await(
                    store.registerWalkIn(WalkIn{QStringLiteral("Neu"), QStringLiteral("Gast"), {}, {}}));
                QVERIFY2(walkIn.recorded, qPrintable(walkIn.error));
                QCOMPARE(await(store.stats()).walkIns, 1);
                const Outbox out = await(store.outbox(10));
                QCOMPARE(out.checkIns.size(), 2);
                QCOMPARE(out.walkIns.keys(), QStringList{walkIn.checkInId});
            }
        }
        // (The store encrypted the older database on the way.)
        RawDb raw(old, RawDb::Encrypted);
        QCOMPARE(schemaOf(raw), fresh);
    }

    void aFailingStepLeavesThePreviousVersion()
    {
        QTemporaryDir dir;
        RawDb raw(dir.filePath(QStringLiteral("kiosk.sqlite")));
        QString error;
        QVERIFY(Migrations::migrate(raw.db(), &error, 1));
        // Something in the way of version 2: its table already exists.
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE scan_log (x)")));
        QVERIFY(!Migrations::migrate(raw.db(), &error));
        QVERIFY(error.contains(QStringLiteral("schema 2")));
        QVERIFY(error.contains(QStringLiteral("unchanged at schema 1")));
        QCOMPARE(Migrations::currentVersion(raw.db()), 1);
        QVERIFY(!raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE name = 'devices'")).size());
    }

    void newerDatabaseIsRefusedUntouched()
    {
        QTemporaryDir dir;
        RawDb raw(dir.filePath(QStringLiteral("kiosk.sqlite")));
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 42")));
        QString error;
        QVERIFY(!Migrations::migrate(raw.db(), &error));
        QVERIFY(error.contains(QStringLiteral("newer version")));
        QCOMPARE(Migrations::currentVersion(raw.db()), 42);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
