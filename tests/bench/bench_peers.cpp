// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Doors that talk to each other, measured: N kiosks (10 by default) on loopback, each a real store,
// desk, sync engine and peer service (TLS with the event's key), enrolled on a real checkin-server.
// The server goes away; the doors check in M people (10,000) between them at a steady rate; then
// the server comes back. Printed:
//  - propagation: from the commit at one door to the commit at each other door (median, p99, max),
//  - bytes the doors sent each other per check-in (the frames before TLS; heartbeats included),
//  - the drain: time until the server has every check-in, requests that delivered check-ins (and
//    what the same queues take without peers: one request per 500 of a door's own), and how many
//    check-ins were delivered more than once.
// A same-run baseline: a check-in at one door alone (the local commit the others wait for).
#include "AdminClient.h"
#include "BenchKiosk.h"
#include "BenchSupport.h"
#include "CheckInDesk.h"
#include "DemoAttendees.h"
#include "FaultProxy.h"
#include "Futures.h"
#include "LocalStore.h"
#include "PeerService.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace checkin;
using namespace checkin::test;
using checkin::bench::runWhile;

namespace {

const QString kToken = QStringLiteral("bench-peers-admin-token");

// A kiosk and its peer service.
struct Door : bench::Kiosk
{
    using Kiosk::Kiosk;
    std::unique_ptr<PeerService> peers;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false"));
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const char *fallback) {
        return bench::option(args, QString::fromLatin1(name), QString::fromLatin1(fallback));
    };
    const int doorCount = option("--doors", "10").toInt();
    const int checkIns = option("--checkins", "10000").toInt();
    const int rate = option("--rate", "200").toInt(); // check-ins a second, all doors together
    const QString binary = option("--server", CHECKIN_SERVER_PATH);

    QTemporaryDir work;
    ServerProcess server;
    ServerProcess::Options serverOptions;
    serverOptions.adminToken = kToken;
    serverOptions.logDir = work.path();
    QString error = server.start(
        binary,
        {QStringLiteral("--db"), QStringLiteral("sqlite:%1/server.sqlite").arg(work.path()),
         QStringLiteral("--data-dir"), work.path(), QStringLiteral("--device-rate"), QStringLiteral("1000")},
        serverOptions);
    if (!error.isEmpty())
        qFatal("server: %s", qPrintable(error));
    FaultProxy proxy; // counts the requests
    if (!proxy.listen(server.port()))
        qFatal("proxy");
    AdminClient admin(server.url(), kToken);
    const QString event = admin
                              .call("POST", QStringLiteral("/api/v1/events"),
                                    QJsonObject{{QStringLiteral("name"), QStringLiteral("Peers")}})
                              .value(QStringLiteral("id"))
                              .toString();
    int status = 0;
    admin.call("POST", QStringLiteral("/api/v1/events/%1/attendees").arg(event),
               DemoAttendees::csv(checkIns * 12 / 10 + 100, 11), QByteArrayLiteral("text/csv"), &status);
    if (status != 200)
        qFatal("attendee upload failed with %d", status);

    // The doors: stores on tmpfs (ten tablets have ten disks; this machine has one), enrolled and
    // preloaded; each dials the doors before it, so that every pair has a connection.
    QTemporaryDir doorsDir(QStringLiteral("/dev/shm/bench-peers-XXXXXX"));
    SystemScheduler scheduler;
    std::vector<std::unique_ptr<Door>> doors;
    QStringList addresses;
    for (int i = 0; i < doorCount; ++i) {
        doors.push_back(std::make_unique<Door>(doorsDir.path() + QStringLiteral("/d%1").arg(i), &scheduler));
        Door &d = *doors.back();
        await(d.store.open());
        error = await(
            d.engine.enrol({proxy.url()}, admin.enrolmentCode(event), QStringLiteral("Door %1").arg(i + 1)));
        if (!error.isEmpty())
            qFatal("enrol %d: %s", i, qPrintable(error));
        const SyncEngine::Outcome pre = await(d.engine.runOnce(), 600'000);
        if (!pre.ok())
            qFatal("preload %d: %s", i, qPrintable(pre.error));
        PeerService::Options o;
        o.listenAddress = QHostAddress::LocalHost;
        o.port = 0;
        o.discovery = false;
        o.fixedPeers = addresses;
        o.version = QStringLiteral("bench");
        d.peers = std::make_unique<PeerService>(&d.store, o);
        d.peers->start();
        runWhile([&] { return d.peers->status().port == 0; }, 10'000);
        addresses << QStringLiteral("127.0.0.1:%1").arg(d.peers->status().port);
        QObject::connect(&d.engine, &SyncEngine::statusChanged, d.peers.get(), [&d] {
            d.peers->setServerReachable(d.engine.status().connection != SyncEngine::Connection::Offline);
        });
    }
    const auto connectedPairs = [&] {
        int n = 0;
        for (const auto &d : doors) {
            for (const PeerRecord &p : d->peers->status().peers)
                n += p.connected ? 1 : 0;
        }
        return n;
    };
    runWhile([&] { return connectedPairs() < doorCount * (doorCount - 1); }, 60'000);
    std::printf("peers: %d doors enrolled, preloaded and connected (%d links, both ways)\n", doorCount,
                connectedPairs());

    // When each check-in was committed at its door, and at every other door.
    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> madeAt;
    std::vector<double> latencies;
    latencies.reserve(size_t(checkIns) * size_t(doorCount - 1));
    qint64 lastArrival = 0;
    for (auto &d : doors) {
        QObject::connect(&d->store, &LocalStore::checkInRecorded, &app,
                         [&](const QString &id) { madeAt.insert(id, clock.elapsed()); });
        QObject::connect(d->peers.get(), &PeerService::received, &app, [&](const QStringList &ids) {
            const qint64 now = clock.elapsed();
            lastArrival = now;
            for (const QString &id : ids)
                latencies.push_back(double(now - madeAt.value(id, now)));
        });
    }

    // The outage: the server goes; the doors keep syncing (and fail) and check people in.
    server.stop();
    for (auto &d : doors)
        d->engine.start();
    QStringList ids;
    for (const AttendeeView &v : await(doors.front()->store.attendeeStates()).attendees) {
        if (!v.attendee.isCancelled())
            ids << v.attendee.id;
    }
    if (ids.size() < checkIns)
        qFatal("only %lld valid attendees", qint64(ids.size()));
    int made = 0;
    int recorded = 0;
    std::vector<double> local;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    const int perTick = std::max(1, rate / 100);
    QObject::connect(&pace, &QTimer::timeout, &app, [&] {
        for (int n = 0; n < perTick && made < checkIns; ++n, ++made) {
            Door &d = *doors[size_t(made % doorCount)];
            const qint64 start = clock.elapsed();
            deliverLater(d.desk.checkInAttendee(ids[made]), &app, [&, start](const ScanOutcome &o) {
                if (o.recorded)
                    ++recorded;
                local.push_back(double(clock.elapsed() - start));
            });
        }
        if (made >= checkIns)
            pace.stop();
    });
    const qint64 began = clock.elapsed();
    pace.start(10);
    runWhile(
        [&] { return recorded < checkIns || qint64(latencies.size()) < qint64(checkIns) * (doorCount - 1); },
        std::max<qint64>(600'000, 3LL * checkIns * 1000 / std::max(rate, 1)));
    const double spent = (clock.elapsed() - began) / 1000.0;
    qint64 bytes = 0;
    for (const auto &d : doors)
        bytes += d->peers->status().bytesSent;
    std::printf(
        "outage: %d check-ins made at %d doors in %.1f s (%d/s asked); each reached the other %d doors:\n",
        recorded, doorCount, spent, rate, doorCount - 1);
    std::printf(
        "  propagation, commit to commit: median %.0f ms, p99 %.0f ms, max %.0f ms (%zu arrivals of %lld)\n",
        bench::percentile(latencies, 0.5), bench::percentile(latencies, 0.99),
        bench::percentile(latencies, 1.0), latencies.size(), qint64(checkIns) * (doorCount - 1));
    std::printf("  baseline, the local check-in at one door: median %.1f ms, p99 %.1f ms\n",
                bench::percentile(local, 0.5), bench::percentile(local, 0.99));
    std::printf(
        "  sent between doors: %.1f MB, %.0f bytes per check-in (%.0f per check-in and door reached)\n",
        bytes / 1e6, double(bytes) / checkIns, double(bytes) / checkIns / std::max(1, doorCount - 1));
    (void)lastArrival;

    // The server comes back: each door delivers its own (the others leave them to it).
    int acceptedBefore = 0;
    for (const auto &d : doors)
        acceptedBefore += d->engine.status().accepted + d->engine.status().duplicates +
                          d->engine.status().conflicts + d->engine.status().rejected;
    proxy.clearLog();
    error = server.restart();
    if (!error.isEmpty())
        qFatal("restart: %s", qPrintable(error));
    clock.restart();
    const auto answered = [&] {
        int n = 0;
        for (const auto &d : doors)
            n += d->engine.status().accepted + d->engine.status().duplicates + d->engine.status().conflicts +
                 d->engine.status().rejected;
        return n - acceptedBefore;
    };
    runWhile([&] { return answered() < checkIns; }, 300'000);
    const double drained = clock.elapsed() / 1000.0;
    int posts = 0;
    for (const FaultProxy::Request &r : proxy.requests())
        posts += r.method == "POST" && r.path.endsWith(QLatin1String("/checkins")) ? 1 : 0;
    int withoutPeers = 0;
    for (int i = 0; i < doorCount; ++i) {
        const int own = checkIns / doorCount + (i < checkIns % doorCount ? 1 : 0);
        withoutPeers += (own + Door::options().pushBatch - 1) / Door::options().pushBatch;
    }
    QString readError;
    const qint64 onServer = admin.checkIns(event, &readError).size();
    std::printf("drain: the server had %lld of %d check-ins %.1f s after it came back; %d delivered "
                "(%d more than once); %d upload requests (without peers the same queues take %d)\n",
                onServer, checkIns, drained, answered(), std::max(0, answered() - checkIns), posts,
                withoutPeers);
    for (auto &d : doors) {
        d->peers->stop();
        d->engine.stop();
    }
    return onServer == checkIns ? 0 : 1;
}
