// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two checkin-server processes on one PostgreSQL (or one on SQLite) take concurrent batches from
// many devices while a reader follows the change feed. Afterwards the stored check-ins are exactly
// the union sent, each once; the reader has seen every one of them with its final status; and every
// stored status is what the rules derive from the stored check-ins.
#include "CheckInRules.h"
#include "DemoAttendees.h"
#include "Protocol.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <memory>

using namespace checkin;

namespace {

const QByteArray adminToken = QByteArrayLiteral("concurrency-admin-token-42");

struct Answer
{
    int status = 0;
    QJsonObject json;
};

QNetworkReply *send(QNetworkAccessManager &nam, quint16 port, const QByteArray &token, const QByteArray &verb,
                    const QString &path, const QByteArray &body = {},
                    const QByteArray &type = QByteArrayLiteral("application/json"))
{
    QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
    r.setRawHeader("Authorization", "Bearer " + token);
    r.setHeader(QNetworkRequest::ContentTypeHeader, type);
    r.setTransferTimeout(60000);
    return nam.sendCustomRequest(r, verb, body);
}

Answer call(QNetworkAccessManager &nam, quint16 port, const QByteArray &token, const QByteArray &verb,
            const QString &path, const QByteArray &body = {},
            const QByteArray &type = QByteArrayLiteral("application/json"))
{
    QNetworkReply *reply = send(nam, port, token, verb, path, body, type);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll()).object()};
}

} // namespace

class TestServerConcurrency : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;       // the --db argument
    QString m_dbName;   // PostgreSQL: the database made for this run
    QString m_adminUrl; // PostgreSQL: the cluster's URL
    bool m_postgres = false;

    QSqlDatabase open(const QString &url, const QString &name)
    {
        const QUrl u(url);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setDatabaseName(u.path().mid(1));
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_postgres = qEnvironmentVariable("CHECKIN_TEST_ENGINE") == QLatin1String("postgres");
        if (!m_postgres) {
            m_db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
            return;
        }
        QFile urlFile(qEnvironmentVariable("CHECKIN_TEST_PG_URL_FILE"));
        QVERIFY2(urlFile.open(QIODevice::ReadOnly),
                 "no PostgreSQL: the pg_cluster_start fixture did not run or failed");
        m_adminUrl = QString::fromUtf8(urlFile.readAll()).trimmed();
        m_dbName = QStringLiteral("checkin_conc_%1").arg(QRandomGenerator::global()->bounded(1000000));
        {
            QSqlDatabase admin = open(m_adminUrl, QStringLiteral("admin"));
            QVERIFY(admin.open());
            QVERIFY(QSqlQuery(admin).exec(QStringLiteral("CREATE DATABASE %1").arg(m_dbName)));
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        QUrl u(m_adminUrl);
        u.setPath(QLatin1Char('/') + m_dbName);
        m_db = u.toString();
    }

    void cleanupTestCase()
    {
        if (m_dbName.isEmpty())
            return;
        {
            QSqlDatabase admin = open(m_adminUrl, QStringLiteral("admin"));
            if (admin.open())
                QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_dbName));
            admin.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
    }

    void unionOfAllBatchesEachOnceAndTheFeedMissesNothing()
    {
        // Two servers on PostgreSQL; on SQLite one (it is the single-process engine).
        std::vector<std::unique_ptr<test::ServerProcess>> servers;
        for (int i = 0; i < (m_postgres ? 2 : 1); ++i) {
            servers.push_back(std::make_unique<test::ServerProcess>());
            const QString dataDir = m_dir.filePath(QStringLiteral("server%1").arg(i));
            const QString error =
                servers.back()->start(QStringLiteral(CHECKIN_SERVER_PATH),
                                      {QStringLiteral("--db"), m_db, QStringLiteral("--data-dir"), dataDir,
                                       QStringLiteral("--device-rate"), QStringLiteral("1000"),
                                       QStringLiteral("--max-inflight"), QStringLiteral("512")},
                                      {.adminToken = QString::fromLatin1(adminToken), .logDir = dataDir});
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        auto port = [&](int i) { return servers[size_t(i) % servers.size()]->port(); };
        QNetworkAccessManager admin;
        const Answer event = call(admin, port(0), adminToken, "POST", QStringLiteral("/api/v1/events"),
                                  R"({"name":"Concurrency"})");
        QCOMPARE(event.status, 201);
        const QString ev = event.json.value(QStringLiteral("id")).toString();
        QCOMPARE(call(admin, port(1), adminToken, "POST",
                      QStringLiteral("/api/v1/events/%1/attendees").arg(ev), DemoAttendees::csv(300, 11),
                      QByteArrayLiteral("text/csv"))
                     .status,
                 200);

        // The devices, enrolled alternately on both servers.
        constexpr int devices = 8;
        constexpr int batches = 12;
        std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
        QList<QByteArray> tokens;
        for (int d = 0; d < devices; ++d) {
            const QString code = call(admin, port(d), adminToken, "POST",
                                      QStringLiteral("/api/v1/events/%1/enrolment-codes").arg(ev))
                                     .json.value(QStringLiteral("code"))
                                     .toString();
            const Answer e =
                call(admin, port(d + 1), {}, "POST", QStringLiteral("/api/v1/devices"),
                     QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                               {QStringLiteral("name"), QStringLiteral("Door %1").arg(d)}})
                         .toJson());
            QCOMPARE(e.status, 201);
            tokens << e.json.value(QStringLiteral("token")).toString().toUtf8();
            nams.push_back(std::make_unique<QNetworkAccessManager>());
        }
        // Attendee ids, from the feed (on PostgreSQL a page may wait for other transactions of the
        // cluster to end: "more" with nothing yet means "ask again shortly").
        QStringList attendees;
        {
            QString after;
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 30000) {
                const Answer page =
                    call(admin, port(0), adminToken, "GET",
                         QStringLiteral("/api/v1/events/%1/changes?limit=5000&after=%2").arg(ev, after));
                QCOMPARE(page.status, 200);
                for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray())
                    attendees << v[QStringLiteral("id")].toString();
                after = page.json.value(QStringLiteral("cursor")).toString();
                if (!page.json.value(QStringLiteral("more")).toBool())
                    break;
                if (page.json.value(QStringLiteral("changes")).toArray().isEmpty())
                    QTest::qWait(50);
            }
            QCOMPARE(attendees.size(), 300);
        }

        // The batches: 100 check-ins each, a few attendees shared by every door so that their
        // classification depends on batches from other devices, committed in any order.
        QRandomGenerator random(7);
        QSet<QString> sent;
        std::vector<QList<QByteArray>> bodies(devices);
        // From now on, 10 ms apart (within the server's five minutes of clock tolerance): most of
        // them lie after the cancellation below.
        qint64 hlc = QDateTime::currentMSecsSinceEpoch();
        for (int d = 0; d < devices; ++d) {
            for (int b = 0; b < batches; ++b) {
                QJsonArray items;
                for (int i = 0; i < 100; ++i) {
                    CheckIn c;
                    c.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                    c.attendeeId = attendees[random.bounded(i % 4 == 0 ? 5 : 300)];
                    c.kind = random.bounded(3) == 0 ? CheckInKind::Exit : CheckInKind::Entry;
                    c.atMs = hlc;
                    c.hlc = Hlc{hlc + random.bounded(2000) - 1000, quint16(d)};
                    hlc += 10;
                    items.append(Protocol::toUploadJson(c));
                    sent.insert(c.id);
                }
                bodies[size_t(d)] << QJsonDocument(QJsonObject{{QStringLiteral("checkins"), items}}).toJson();
            }
        }

        // A reader follows the feed the whole time, alternating servers.
        QHash<QString, QString> seenStatus; // check-in id -> latest status seen on the feed
        QString cursor;
        QNetworkAccessManager readerNam;
        int polls = 0;
        auto poll = [&] {
            for (int guard = 0; guard < 1000; ++guard) {
                const Answer page =
                    call(readerNam, port(polls++), tokens[0], "GET",
                         QStringLiteral("/api/v1/events/%1/changes?limit=500&after=%2").arg(ev, cursor));
                if (page.status != 200)
                    return false;
                for (const QJsonValue &v : page.json.value(QStringLiteral("changes")).toArray()) {
                    if (v[QStringLiteral("type")].toString() == QLatin1String("checkin"))
                        seenStatus.insert(v[QStringLiteral("id")].toString(),
                                          v[QStringLiteral("status")].toString());
                }
                cursor = page.json.value(QStringLiteral("cursor")).toString();
                if (!page.json.value(QStringLiteral("more")).toBool())
                    return true;
                if (page.json.value(QStringLiteral("changes")).toArray().isEmpty())
                    return true; // held back behind a running transaction: next time
            }
            return false;
        };
        // Reads until the feed says it is complete (bounded).
        auto catchUp = [&] {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 30000) {
                const Answer page =
                    call(readerNam, port(polls++), tokens[0], "GET",
                         QStringLiteral("/api/v1/events/%1/changes?limit=500&after=%2").arg(ev, cursor));
                if (page.status != 200)
                    return false;
                const QJsonArray changes = page.json.value(QStringLiteral("changes")).toArray();
                for (const QJsonValue &v : changes) {
                    if (v[QStringLiteral("type")].toString() == QLatin1String("checkin"))
                        seenStatus.insert(v[QStringLiteral("id")].toString(),
                                          v[QStringLiteral("status")].toString());
                }
                cursor = page.json.value(QStringLiteral("cursor")).toString();
                if (!page.json.value(QStringLiteral("more")).toBool())
                    return true;
                if (changes.isEmpty())
                    QTest::qWait(50);
            }
            return false;
        };
        QTimer reader;
        reader.setInterval(15);
        bool readerOk = true;
        QObject::connect(&reader, &QTimer::timeout, [&] { readerOk = poll() && readerOk; });

        // All devices post their batches one after another, all at once; each batch goes to the
        // other server on a retry, and a few batches are sent twice (a lost answer, replayed).
        int running = devices;
        int failed = 0;
        QEventLoop done;
        std::function<void(int, int, int)> post = [&](int d, int b, int attempt) {
            if (b == batches) {
                if (--running == 0)
                    done.quit();
                return;
            }
            QNetworkReply *r =
                send(*nams[size_t(d)], port(d + b + attempt), tokens[d], "POST",
                     QStringLiteral("/api/v1/events/%1/checkins").arg(ev), bodies[size_t(d)][b]);
            QObject::connect(r, &QNetworkReply::finished, [&, r, d, b, attempt] {
                r->deleteLater();
                const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (status != 200 && attempt < 5) {
                    QTimer::singleShot(50, [&, d, b, attempt] { post(d, b, attempt + 1); });
                    return;
                }
                if (status != 200)
                    ++failed;
                // Halfway, the lead cancels two of the shared attendees and, a little later,
                // restores one: check-ins are then classified by the new status, and those stored
                // are classified again (no writer may go on with what it knew before).
                if (d == 0 && attempt == 0 && (b == batches / 2 || b == batches / 2 + 2)) {
                    QJsonArray changed;
                    for (int i = b == batches / 2 ? 0 : 1; i < 2; ++i)
                        changed.append(QJsonObject{
                            {QStringLiteral("id"), attendees[i]},
                            {QStringLiteral("first_name"), QStringLiteral("Shared")},
                            {QStringLiteral("last_name"), QString::number(i)},
                            {QStringLiteral("status"),
                             b == batches / 2 ? QStringLiteral("cancelled") : QStringLiteral("valid")}});
                    const Answer upload =
                        call(admin, port(b), adminToken, "POST",
                             QStringLiteral("/api/v1/events/%1/attendees").arg(ev),
                             QJsonDocument(QJsonObject{{QStringLiteral("attendees"), changed}}).toJson());
                    if (upload.status != 200) {
                        qWarning() << "upload" << upload.status << upload.json;
                        ++failed;
                    }
                }
                const bool replay = b % 5 == 2 && attempt == 0;
                post(d, replay ? b : b + 1, replay ? 1 : 0);
            });
        };
        reader.start();
        for (int d = 0; d < devices; ++d)
            post(d, 0, 0);
        QTimer::singleShot(180000, &done, &QEventLoop::quit);
        done.exec();
        reader.stop();
        QCOMPARE(running, 0);
        QCOMPARE(failed, 0);
        QVERIFY(readerOk);
        QVERIFY(catchUp());

        // The database holds exactly the union, each once.
        QSqlDatabase db;
        if (m_postgres) {
            db = open(m_db, QStringLiteral("verify"));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("verify"));
            db.setDatabaseName(m_dir.filePath(QStringLiteral("server.sqlite")));
        }
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "SELECT id, status, attendee_id, kind, ref, at, hlc, device_id, reason, first, "
                "undone_by FROM checkins")));
            QSet<QString> stored;
            QHash<QString, QString> storedStatus;
            QHash<QString, QList<CheckIn>> byAttendee;
            QHash<QString, Classification> classification;
            while (q.next()) {
                const QString id = q.value(0).toString();
                QVERIFY2(!stored.contains(id), "a check-in is stored twice");
                stored.insert(id);
                CheckInStatus status = CheckInStatus(q.value(1).toInt());
                storedStatus.insert(id, checkInStatusName(status));
                CheckIn c;
                c.id = id;
                c.attendeeId = q.value(2).toString();
                c.kind = CheckInKind(q.value(3).toInt());
                c.ref = q.value(4).toString();
                c.atMs = q.value(5).toLongLong();
                c.hlc = Hlc::fromPacked(q.value(6).toULongLong());
                c.deviceId = q.value(7).toString();
                byAttendee[c.attendeeId] << c;
                classification.insert(id, {status, q.value(8).toString(), q.value(9).toString(), false,
                                           q.value(10).toString()});
            }
            QCOMPARE(stored, sent);
            // The reader saw every check-in, with its final status.
            QCOMPARE(seenStatus.size(), sent.size());
            for (auto it = storedStatus.cbegin(); it != storedStatus.cend(); ++it)
                QCOMPARE(seenStatus.value(it.key()), it.value());
            // Every status is what the rules derive from everything stored (no lost update).
            QHash<QString, Attendee> people;
            QVERIFY(q.exec(QStringLiteral("SELECT id, status, cancelled_at FROM attendees")));
            while (q.next()) {
                Attendee a;
                a.id = q.value(0).toString();
                a.status = q.value(1).toInt() == 1 ? TicketStatus::Cancelled : TicketStatus::Valid;
                a.cancelledAtMs = q.value(2).toLongLong();
                people.insert(a.id, a);
            }
            QVERIFY(people.value(attendees[0]).isCancelled());
            QVERIFY(!people.value(attendees[1]).isCancelled());
            int inside = 0;
            for (auto it = byAttendee.cbegin(); it != byAttendee.cend(); ++it) {
                QVERIFY(people.contains(it.key()));
                const Derivation d = derive(&people[it.key()], it.value());
                inside += d.state.inside ? 1 : 0;
                for (const CheckIn &c : it.value()) {
                    const Classification &expected = d.byId.value(c.id);
                    const Classification &actual = classification.value(c.id);
                    QCOMPARE(actual.status, expected.status);
                    QCOMPARE(actual.first, expected.first);
                }
            }
            // The cancellation counted: entries after it are conflicts.
            const auto conflicts =
                std::count_if(classification.cbegin(), classification.cend(),
                              [](const Classification &c) { return c.status == CheckInStatus::Conflict; });
            QVERIFY(conflicts > 0);
            // "Inside" in the statistics is what the rules derive.
            const Answer stats =
                call(admin, port(0), adminToken, "GET", QStringLiteral("/api/v1/events/%1/stats").arg(ev));
            QCOMPARE(stats.status, 200);
            QCOMPARE(stats.json.value(QStringLiteral("inside")).toInt(), inside);
            qInfo("%lld check-ins from %d devices over %lld server(s); the reader polled %d times",
                  qlonglong(stored.size()), devices, qlonglong(servers.size()), polls);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("verify"));
    }
};

QTEST_GUILESS_MAIN(TestServerConcurrency)
#include "tst_server_concurrency.moc"
