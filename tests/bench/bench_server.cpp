// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Sync server benchmark: a real checkin-server process on SQLite (or PostgreSQL with --postgres URL),
// many devices posting batches of 500 concurrently, change-feed reads of a large event, and how
// fast a shed request is answered. Prints figures; asserts nothing about time.
// Usage: bench_server [--attendees N] [--devices N] [--batches N] [--postgres URL] [--server PATH]
//                     [--ingest-only] (stops after the ingest and its baseline: for a profiler)
#include "BenchHttp.h"
#include "BenchSupport.h"
#include "DemoAttendees.h"
#include "Protocol.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

using checkin::bench::cpuSeconds;
using checkin::bench::Http;
using checkin::bench::ownCpuSeconds;

namespace {

const QByteArray adminToken = QByteArrayLiteral("bench-admin-token-0123456789");

// Starts checkin-server with its data in `dataDir`; false (and a sentence on stderr) when it does not serve.
bool startServer(checkin::test::ServerProcess *server, const QString &binary, const QStringList &args,
                 const QString &dataDir)
{
    const QString error = server->start(binary, QStringList{QStringLiteral("--data-dir"), dataDir} + args,
                                        {.adminToken = QString::fromLatin1(adminToken), .logDir = dataDir});
    if (!error.isEmpty())
        std::fprintf(stderr, "bench_server: %s\n", qPrintable(error));
    return error.isEmpty();
}

// The baseline the ingest is measured against, in the same run: the same check-ins written straight
// into SQLite with its C interface, one transaction for each batch of 500, in a table of the server's
// columns with its primary key and two indexes, WAL and synchronous=FULL as the server has them.
// Rows per second; -1 when SQLite refused.
double rawInsertRate(const QString &path, const std::vector<std::vector<checkin::CheckIn>> &batches)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return -1;
    auto exec = [db](const char *sql) {
        return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    };
    bool ok =
        exec("PRAGMA journal_mode=WAL") && exec("PRAGMA synchronous=FULL") &&
        exec("CREATE TABLE checkins (id TEXT PRIMARY KEY, event_id TEXT NOT NULL, attendee_id TEXT NOT NULL,"
             " code_hash TEXT NOT NULL, kind SMALLINT NOT NULL, ref TEXT NOT NULL, at BIGINT NOT NULL,"
             " hlc BIGINT NOT NULL, device_id TEXT NOT NULL, forced SMALLINT NOT NULL, note TEXT NOT NULL,"
             " clamped SMALLINT NOT NULL, body_hash TEXT NOT NULL, received_at BIGINT NOT NULL,"
             " status SMALLINT NOT NULL, reason TEXT NOT NULL, first TEXT NOT NULL, undone_by TEXT NOT NULL,"
             " seq BIGINT NOT NULL, txid BIGINT NOT NULL)") &&
        exec("CREATE INDEX checkins_attendee ON checkins (event_id, attendee_id)") &&
        exec("CREATE INDEX checkins_feed ON checkins (event_id, txid, seq)");
    sqlite3_stmt *insert = nullptr;
    ok = ok && sqlite3_prepare_v2(
                   db,
                   "INSERT INTO checkins VALUES (?1, ?2, ?3, '', 0, '', ?4, ?5, ?6, 0, '', 0, ?7, ?8,"
                   " 0, '', '', '', ?9, ?10)",
                   -1, &insert, nullptr) == SQLITE_OK;
    QElapsedTimer t;
    t.start();
    qint64 rows = 0;
    qint64 seq = 0;
    for (size_t b = 0; ok && b < batches.size(); ++b) {
        ok = exec("BEGIN IMMEDIATE");
        for (const checkin::CheckIn &c : batches[b]) {
            const QByteArray id = c.id.toUtf8();
            const QByteArray attendee = c.attendeeId.toUtf8();
            const QByteArray hash = QByteArray::number(qHash(c.id), 16).rightJustified(64, '0');
            sqlite3_bind_text(insert, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(insert, 2, "bench-event", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 3, attendee.constData(), int(attendee.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(insert, 4, c.atMs);
            sqlite3_bind_int64(insert, 5, qint64(c.hlc.packed()));
            sqlite3_bind_text(insert, 6, "bench-device", -1, SQLITE_STATIC);
            sqlite3_bind_text(insert, 7, hash.constData(), int(hash.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(insert, 8, c.atMs);
            sqlite3_bind_int64(insert, 9, ++seq);
            sqlite3_bind_int64(insert, 10, qint64(b + 1));
            ok = ok && sqlite3_step(insert) == SQLITE_DONE;
            sqlite3_reset(insert);
            ++rows;
        }
        ok = ok && exec("COMMIT");
    }
    const double seconds = double(t.nsecsElapsed()) / 1e9;
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return ok ? double(rows) / seconds : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        return checkin::bench::option(args, name, fallback);
    };
    const int attendees = option(QStringLiteral("--attendees"), QStringLiteral("100000")).toInt();
    const int devices = option(QStringLiteral("--devices"), QStringLiteral("20")).toInt();
    const int batches = option(QStringLiteral("--batches"), QStringLiteral("10")).toInt();
    const QString postgres = option(QStringLiteral("--postgres"), QString());
    const QString binary = option(QStringLiteral("--server"), QStringLiteral(CHECKIN_SERVER_PATH));
    const bool ingestOnly = args.contains(QStringLiteral("--ingest-only"));

    QTemporaryDir dir;
    checkin::test::ServerProcess server;
    QStringList dbArgs{QStringLiteral("--max-inflight"), QStringLiteral("256"),
                       QStringLiteral("--device-rate"), QStringLiteral("1000")};
    if (!postgres.isEmpty())
        dbArgs << QStringLiteral("--db") << postgres;
    if (!startServer(&server, binary, dbArgs, dir.path()))
        return 1;
    std::printf("server benchmark on %s: %d attendees, %d devices x %d batches of 500\n",
                postgres.isEmpty() ? "SQLite" : "PostgreSQL", attendees, devices, batches);
    Http admin(server.port(), adminToken);
    const QString event =
        admin
            .call("POST", QStringLiteral("/api/v1/events"),
                  QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Bench")}}).toJson())
            .value(QStringLiteral("id"))
            .toString();
    QElapsedTimer t;
    t.start();
    int status = 0;
    admin.call("POST", QStringLiteral("/api/v1/events/%1/attendees").arg(event),
               checkin::DemoAttendees::csv(attendees, 7), QByteArrayLiteral("text/csv"), &status);
    std::printf("attendee upload (CSV): %.0f ms, status %d\n", double(t.elapsed()), status);

    // Change feed: the full attendee list, page by page, as a kiosk preloads it.
    t.restart();
    const QStringList ids = checkin::bench::attendeeIds(admin, event);
    const double feedMs = double(t.elapsed());
    std::printf("change feed: %lld attendees in %.0f ms = %.0f attendees/s   target >= 50,000/s\n",
                qlonglong(ids.size()), feedMs, double(ids.size()) / (feedMs / 1000.0));

    std::vector<std::unique_ptr<Http>> kiosks = checkin::bench::enrolDevices(admin, event, devices);
    // Prepare the batches (random attendees, entries; some are duplicates across doors on purpose).
    QRandomGenerator random(42);
    std::vector<std::vector<QByteArray>> bodies(devices);
    std::vector<std::vector<checkin::CheckIn>> rows; // the same check-ins, for the baseline
    qint64 hlc = 1'795'000'000'000;
    for (int d = 0; d < devices; ++d) {
        for (int b = 0; b < batches; ++b) {
            QJsonArray items;
            rows.emplace_back();
            for (int i = 0; i < 500; ++i) {
                checkin::CheckIn c;
                c.id = checkin::newCheckInId();
                c.attendeeId = ids[int(random.bounded(qint64(ids.size())))];
                c.kind = checkin::CheckInKind::Entry;
                c.atMs = hlc;
                c.hlc = checkin::Hlc{hlc++, 0};
                items.append(checkin::Protocol::toUploadJson(c));
                rows.back().push_back(c);
            }
            bodies[size_t(d)].push_back(QJsonDocument(QJsonObject{{QStringLiteral("checkins"), items}})
                                            .toJson(QJsonDocument::Compact));
        }
    }
    // The baseline, just before and just after the ingest on the same disk (this machine's speed
    // drifts from minute to minute): the same rows straight into SQLite.
    const double rawBefore =
        postgres.isEmpty() ? rawInsertRate(dir.filePath(QStringLiteral("raw-before.sqlite")), rows) : 0;
    // Every device posts its batches one after the other; all devices at once.
    std::vector<double> latencies;
    int pending = devices;
    int failures = 0;
    QEventLoop loop;
    const double serverCpuBefore = cpuSeconds(server.processId());
    const double clientCpuBefore = ownCpuSeconds();
    t.restart();
    std::function<void(int, int)> post = [&](int d, int b) {
        if (b == batches) {
            if (--pending == 0)
                loop.quit();
            return;
        }
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        QNetworkReply *reply = kiosks[size_t(d)]->send(
            "POST", QStringLiteral("/api/v1/events/%1/checkins").arg(event), bodies[size_t(d)][size_t(b)]);
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, d, b, started] {
            reply->deleteLater();
            latencies.push_back(double(started->nsecsElapsed()) / 1e6);
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
            post(d, b + 1);
        });
    };
    for (int d = 0; d < devices; ++d)
        post(d, 0);
    loop.exec();
    const double ingestMs = double(t.elapsed());
    const double total = double(devices) * batches * 500;
    const double serverCpu = cpuSeconds(server.processId()) - serverCpuBefore;
    const double clientCpu = ownCpuSeconds() - clientCpuBefore;
    std::printf(
        "ingest: %.0f check-ins in %.0f ms = %.0f check-ins/s; batch latency median %.1f ms, p99 %.1f ms; "
        "%d failed   target >= %s/s\n",
        total, ingestMs, total / (ingestMs / 1000.0), checkin::bench::percentile(latencies, 0.5),
        checkin::bench::percentile(latencies, 0.99), failures, postgres.isEmpty() ? "20,000" : "10,000");
    std::printf("ingest CPU: checkin-server %.2f s (%.1f us per check-in), this client %.2f s, in %.1f s on "
                "2 cores\n",
                serverCpu, serverCpu * 1e6 / total, clientCpu, ingestMs / 1000.0);
    if (postgres.isEmpty()) {
        const double rawAfter = rawInsertRate(dir.filePath(QStringLiteral("raw-after.sqlite")), rows);
        const double raw = rawBefore > 0 && rawAfter > 0 ? (rawBefore + rawAfter) / 2 : -1;
        const double ingestRate = total / (ingestMs / 1000.0);
        std::printf("baseline: the same rows inserted straight into SQLite (C API, batches of 500, WAL, "
                    "synchronous=FULL, two indexes): %.0f rows/s before the ingest, %.0f after; ingest is "
                    "%.2f of their mean   target >= 0.70\n",
                    rawBefore, rawAfter, raw > 0 ? ingestRate / raw : 0.0);
    }

    if (ingestOnly)
        return failures == 0 ? 0 : 1;

    // Shedding: a server with room for one request in flight, kept busy with feed reads.
    checkin::test::ServerProcess tiny;
    if (!startServer(
            &tiny, binary,
            QStringList{QStringLiteral("--max-inflight"), QStringLiteral("1"), QStringLiteral("--db"),
                        postgres.isEmpty()
                            ? QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("server.sqlite"))
                            : postgres},
            dir.filePath(QStringLiteral("tiny"))))
        return 1;
    Http probe(tiny.port(), adminToken);
    std::vector<double> shedMs;
    int shed = 0;
    for (int round = 0; round < 30; ++round) {
        QNetworkReply *busy =
            probe.send("GET", QStringLiteral("/api/v1/events/%1/changes?limit=5000").arg(event));
        QElapsedTimer s;
        QTimer::singleShot(5, [&] {
            s.start();
            QNetworkReply *r = probe.send("GET", QStringLiteral("/api/v1/events"));
            QObject::connect(r, &QNetworkReply::finished, [&, r] {
                r->deleteLater();
                if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 503) {
                    ++shed;
                    shedMs.push_back(double(s.nsecsElapsed()) / 1e6);
                }
            });
        });
        QEventLoop wait;
        QObject::connect(busy, &QNetworkReply::finished, &wait, &QEventLoop::quit);
        wait.exec();
        busy->deleteLater();
        QEventLoop settle;
        QTimer::singleShot(20, &settle, &QEventLoop::quit);
        settle.exec();
    }
    std::printf(
        "shed requests: %d of 30 answered 503 while busy; median %.2f ms, max %.2f ms   target <= 10 ms\n",
        shed, checkin::bench::percentile(shedMs, 0.5),
        shedMs.empty() ? 0.0 : *std::max_element(shedMs.begin(), shedMs.end()));
    // PostgreSQL: give the server's statistics refresh (every 10 s) a chance after the ingest, so
    // the feed is measured in a steady state rather than in the first seconds after a burst.
    if (!postgres.isEmpty()) {
        QEventLoop pause;
        QTimer::singleShot(12000, &pause, &QEventLoop::quit);
        pause.exec();
    }

    // Overload: a server with capacity for 8 requests in flight, asked by 1x, 2x and 10x as many
    // clients at once for 3 s each (every client sends its next request as soon as it has an
    // answer). It should keep serving about what it serves at 1x and shed the rest.
    {
        checkin::test::ServerProcess limited;
        if (!startServer(&limited, binary,
                         QStringList{QStringLiteral("--max-inflight"), QStringLiteral("8"),
                                     QStringLiteral("--workers"), QStringLiteral("4"), QStringLiteral("--db"),
                                     postgres.isEmpty() ? QStringLiteral("sqlite:") +
                                                              dir.filePath(QStringLiteral("server.sqlite"))
                                                        : postgres},
                         dir.filePath(QStringLiteral("limited"))))
            return 1;
        for (const int factor : {1, 2, 10}) {
            const int clients = 8 * factor;
            std::vector<std::unique_ptr<Http>> pool;
            for (int c = 0; c < clients; ++c)
                pool.push_back(std::make_unique<Http>(limited.port(), adminToken));
            int served = 0;
            int refused = 0;
            int other = 0;
            bool running = true;
            QEventLoop wait;
            int open = clients;
            std::function<void(int)> ask = [&](int c) {
                if (!running) {
                    if (--open == 0)
                        wait.quit();
                    return;
                }
                QNetworkReply *r = pool[size_t(c)]->send(
                    "GET", QStringLiteral("/api/v1/events/%1/changes?limit=200").arg(event));
                QObject::connect(r, &QNetworkReply::finished, [&, r, c] {
                    r->deleteLater();
                    const int code = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    (code == 200 ? served : code == 503 ? refused : other)++;
                    ask(c);
                });
            };
            for (int c = 0; c < clients; ++c)
                ask(c);
            QTimer::singleShot(3000, [&] { running = false; });
            wait.exec();
            int health = 0;
            Http healthCheck(limited.port(), QByteArray());
            healthCheck.call("GET", QStringLiteral("/api/v1/health"), {},
                             QByteArrayLiteral("application/json"), &health);
            std::printf(
                "overload %2dx (%3d clients): served %.0f/s, shed %.0f/s with 503, other %d; health %d\n",
                factor, clients, served / 3.0, refused / 3.0, other, health);
        }
    }
    return 0;
}
