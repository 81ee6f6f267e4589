// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The event lead's console against a real checkin-server: how fast the live door view answers at a
// large event (default 100,000 attendees, 200 devices, 100,000 check-ins), and what 50 consoles
// polling it cost the ingest (phases of the same ingest with and without them, in the order
// without-with-with-without, in the same run). Prints figures; asserts nothing about time.
// Usage: bench_console [--attendees N] [--devices N] [--consoles N] [--rounds N] [--ingest-devices N]
//                      [--server PATH]
#include "BenchHttp.h"
#include "BenchSupport.h"
#include "CheckIn.h"
#include "DemoAttendees.h"
#include "Protocol.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <vector>

using checkin::bench::cpuSeconds;
using checkin::bench::Http;

namespace {

const QByteArray adminToken = QByteArrayLiteral("bench-console-admin-token-0123456789");

// One batch of 500 entries for random attendees.
QByteArray batch(const QStringList &ids, QRandomGenerator *random, qint64 *hlc)
{
    QJsonArray items;
    for (int i = 0; i < 500; ++i) {
        checkin::CheckIn c;
        c.id = checkin::newCheckInId();
        c.attendeeId = ids[int(random->bounded(qint64(ids.size())))];
        c.kind = checkin::CheckInKind::Entry;
        c.atMs = *hlc;
        c.hlc = checkin::Hlc{(*hlc)++, 0};
        items.append(checkin::Protocol::toUploadJson(c));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("checkins"), items}}).toJson(QJsonDocument::Compact);
}

// Every kiosk posts `batches` batches one after the other, all kiosks at once; milliseconds.
double ingest(std::vector<std::unique_ptr<Http>> &kiosks, const QString &event, const QStringList &ids,
              int batches, QRandomGenerator *random, qint64 *hlc, int *failures)
{
    std::vector<std::vector<QByteArray>> bodies(kiosks.size());
    for (auto &list : bodies)
        for (int b = 0; b < batches; ++b)
            list.push_back(batch(ids, random, hlc));
    QEventLoop loop;
    size_t pending = kiosks.size();
    std::function<void(size_t, int)> post = [&](size_t d, int b) {
        if (b == batches) {
            if (--pending == 0)
                loop.quit();
            return;
        }
        QNetworkReply *reply = kiosks[d]->send(
            "POST", QStringLiteral("/api/v1/events/%1/checkins").arg(event), bodies[d][size_t(b)]);
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, d, b] {
            reply->deleteLater();
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++*failures;
            post(d, b + 1);
        });
    };
    QElapsedTimer t;
    t.start();
    for (size_t d = 0; d < kiosks.size(); ++d)
        post(d, 0);
    loop.exec();
    return double(t.elapsed());
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
    const int devices = option(QStringLiteral("--devices"), QStringLiteral("200")).toInt();
    const int consoles = option(QStringLiteral("--consoles"), QStringLiteral("50")).toInt();
    const int rounds = option(QStringLiteral("--rounds"), QStringLiteral("4")).toInt();
    const int ingestDevices = option(QStringLiteral("--ingest-devices"), QStringLiteral("20")).toInt();
    const QString binary = option(QStringLiteral("--server"), QStringLiteral(CHECKIN_SERVER_PATH));

    QTemporaryDir dir;
    checkin::test::ServerProcess server;
    const QString started =
        server.start(binary,
                     {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--max-inflight"),
                      QStringLiteral("512"), QStringLiteral("--device-rate"), QStringLiteral("1000")},
                     {.adminToken = QString::fromLatin1(adminToken), .logDir = dir.path()});
    if (!started.isEmpty()) {
        std::fprintf(stderr, "bench_console: %s\n", qPrintable(started));
        return 1;
    }
    std::printf("console benchmark on SQLite: %d attendees, %d devices, %d consoles\n", attendees, devices,
                consoles);
    Http admin(server.port(), adminToken);
    const QString event =
        admin
            .call("POST", QStringLiteral("/api/v1/events"),
                  QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("Bench")}}).toJson())
            .value(QStringLiteral("id"))
            .toString();
    admin.call("POST", QStringLiteral("/api/v1/events/%1/attendees").arg(event),
               checkin::DemoAttendees::csv(attendees, 7), QByteArrayLiteral("text/csv"));
    const QStringList ids = checkin::bench::attendeeIds(admin, event);
    std::vector<std::unique_ptr<Http>> kiosks = checkin::bench::enrolDevices(admin, event, devices);
    // A check-in per attendee, spread over every device, before anything is measured.
    QRandomGenerator random(42);
    qint64 hlc = 1'795'000'000'000;
    int failures = 0;
    const int perDevice = std::max(1, attendees / devices / 500);
    const double preloadMs = ingest(kiosks, event, ids, perDevice, &random, &hlc, &failures);
    std::printf("setup: %d check-ins from %d devices in %.0f ms (%d failed)\n", perDevice * devices * 500,
                devices, preloadMs, failures);

    // A console: signed in with the admin token, then its session cookie only.
    auto newSession = [&] {
        Http session(server.port(), {});
        QNetworkReply *reply = session.send(
            "POST", QStringLiteral("/api/v1/session"),
            QJsonDocument(QJsonObject{{QStringLiteral("secret"), QString::fromLatin1(adminToken)}}).toJson());
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        const QByteArray setCookie = reply->rawHeader("Set-Cookie");
        return setCookie.split(';').first().mid(int(qstrlen("checkin_session=")));
    };
    const QString livePath = QStringLiteral("/api/v1/events/%1/live").arg(event);

    // The live view, one console asking 300 times in a row (the first look reads the counts).
    Http console(server.port(), {});
    console.cookie = newSession();
    std::vector<double> looks;
    for (int i = 0; i < 301; ++i) {
        QElapsedTimer t;
        t.start();
        int status = 0;
        console.call("GET", livePath, {}, QByteArrayLiteral("application/json"), &status);
        if (status != 200)
            ++failures;
        if (i == 0)
            std::printf("live view: the first look (reads the counts) %.1f ms\n",
                        double(t.nsecsElapsed()) / 1e6);
        else
            looks.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("live view at %d attendees, %d devices: median %.2f ms, p99 %.2f ms over %zu looks   target "
                "p99 <= 20 ms\n",
                attendees, devices, checkin::bench::percentile(looks, 0.5),
                checkin::bench::percentile(looks, 0.99), looks.size());

    // Ingest with and without consoles polling every 1.5 s, alternating, so that the event's growth
    // and the machine's drift fall on both alike.
    std::vector<std::unique_ptr<Http>> pollers;
    for (int c = 0; c < consoles; ++c) {
        pollers.push_back(std::make_unique<Http>(server.port(), QByteArray()));
        pollers.back()->cookie = newSession();
    }
    std::vector<double> duringPolls;
    QTimer pollTimer;
    pollTimer.setInterval(1500 / std::max(1, consoles));
    int next = 0;
    QObject::connect(&pollTimer, &QTimer::timeout, [&] {
        auto sent = std::make_shared<QElapsedTimer>();
        sent->start();
        QNetworkReply *reply = pollers[size_t(next)]->send("GET", livePath);
        next = (next + 1) % consoles;
        QObject::connect(reply, &QNetworkReply::finished, [&, reply, sent] {
            reply->deleteLater();
            duringPolls.push_back(double(sent->nsecsElapsed()) / 1e6);
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                ++failures;
        });
    });
    // ABBA in every round: the event grows with every phase, and a trend that is linear in time
    // falls on both alike.
    const int batches = 3;
    // A part of the devices posts in each phase: smaller phases, so that the event grows less.
    std::vector<std::unique_ptr<Http>> doors;
    for (int d = 0; d < std::min(devices, ingestDevices); ++d)
        doors.push_back(std::make_unique<Http>(server.port(), kiosks[size_t(d)]->token));
    double without = 0;
    double with = 0;
    double cpuWithout = 0;
    double cpuWith = 0;
    for (int r = 0; r < rounds; ++r) {
        for (const bool polling : {false, true, true, false}) {
            if (polling)
                pollTimer.start();
            const double cpuBefore = cpuSeconds(server.processId());
            const double ms = ingest(doors, event, ids, batches, &random, &hlc, &failures);
            const double cpu = cpuSeconds(server.processId()) - cpuBefore;
            pollTimer.stop();
            (polling ? with : without) += ms;
            (polling ? cpuWith : cpuWithout) += cpu;
            std::printf("round %d: ingest of %zu check-ins %.0f ms, server CPU %.2f s, %s\n", r + 1,
                        doors.size() * batches * 500, ms, cpu,
                        polling ? "with the consoles polling" : "without consoles");
        }
    }
    std::printf("consoles polling during the ingest: %zu looks, median %.2f ms, p99 %.2f ms\n",
                duringPolls.size(), checkin::bench::percentile(duringPolls, 0.5),
                checkin::bench::percentile(duringPolls, 0.99));
    std::printf("ingest time with %d consoles polling / without: %.3f (%+.1f %%)   target < +5 %%\n",
                consoles, with / without, (with / without - 1) * 100);
    std::printf("server CPU for the ingest with %d consoles polling / without: %.3f (%+.1f %%)\n", consoles,
                cpuWith / cpuWithout, (cpuWith / cpuWithout - 1) * 100);
    // What the consoles cost on their own: the server's CPU while they poll and nothing is written.
    auto serverCpuOver = [&](int ms) {
        const double before = cpuSeconds(server.processId());
        QEventLoop wait;
        QTimer::singleShot(ms, &wait, &QEventLoop::quit);
        wait.exec();
        return cpuSeconds(server.processId()) - before;
    };
    const double idleCpu = serverCpuOver(3000);
    pollTimer.start();
    const size_t looksBefore = duringPolls.size();
    const double pollCpu = serverCpuOver(10'000);
    pollTimer.stop();
    std::printf(
        "%d consoles polling for 10 s, nothing written: %zu looks, server CPU %.2f s = %.1f %% of one "
        "core (idle: %.1f %%)\n",
        consoles, duringPolls.size() - looksBefore, pollCpu, pollCpu / 10 * 100, idleCpu / 3 * 100);
    std::printf("failed requests: %d\n", failures);
    return failures == 0 ? 0 : 1;
}
