// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Sync benchmark: the real SyncEngine against a real checkin-server process (SQLite), through the
// fault proxy (in pass-through mode, for counting requests).
//  1. preload: one kiosk downloads an event of N attendees (default 100,000);
//  2. push: that kiosk delivers 10,000 queued check-ins;
//  3. fleet: K kiosks (default 200) in this process, each with its own store, queue 500 check-ins
//     each while the server is down; the server returns and all of them sync at once;
//  4. late joiner: one more kiosk enrols afterwards and pulls the event as it stands.
// Prints figures; asserts nothing about time.
//
// Usage: bench_sync [--attendees N] [--queued N] [--kiosks K] [--per-kiosk N] [--outage SECONDS]
//                   [--server PATH]
#include "AdminClient.h"
#include "BenchKiosk.h"
#include "BenchSupport.h"
#include "CheckInDesk.h"
#include "DemoAttendees.h"
#include "FaultProxy.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>
#include <map>

using namespace checkin;
using namespace checkin::test;
using checkin::bench::Kiosk;
using checkin::bench::runWhile;

namespace {

const QString kToken = QStringLiteral("bench-sync-admin-token");

// Opens a kiosk's store, enrols it, and times its first sync (the preload); the proxy's log then
// holds that sync's requests only.
struct FirstSync
{
    SyncEngine::Outcome outcome;
    qint64 ms = 0;
};
FirstSync enrolAndSync(Kiosk &k, FaultProxy &proxy, const QString &code, const QString &name)
{
    await(k.store.open());
    const QString error = await(k.engine.enrol({proxy.url()}, code, name));
    if (!error.isEmpty())
        qFatal("enrol %s: %s", qPrintable(name), qPrintable(error));
    proxy.clearLog();
    QElapsedTimer t;
    t.start();
    const SyncEngine::Outcome outcome = await(k.engine.runOnce(), 600'000);
    return {outcome, t.elapsed()};
}

QString createEvent(AdminClient &admin, const QString &name, int attendees)
{
    const QString id =
        admin.call("POST", QStringLiteral("/api/v1/events"), QJsonObject{{QStringLiteral("name"), name}})
            .value(QStringLiteral("id"))
            .toString();
    int status = 0;
    admin.call("POST", QStringLiteral("/api/v1/events/%1/attendees").arg(id),
               DemoAttendees::csv(attendees, 7), QByteArrayLiteral("text/csv"), &status);
    if (status != 200)
        qFatal("attendee upload failed with %d", status);
    return id;
}

// Ids of the event's valid tickets (cancelled ones would be refused), as a kiosk has them.
QStringList attendeeIds(LocalStore &store)
{
    QStringList ids;
    for (const AttendeeView &v : await(store.attendeeStates()).attendees) {
        if (!v.attendee.isCancelled())
            ids << v.attendee.id;
    }
    return ids;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char *name, const char *fallback) {
        return bench::option(args, QString::fromLatin1(name), QString::fromLatin1(fallback));
    };
    const int attendees = option("--attendees", "100000").toInt();
    const int queued = option("--queued", "10000").toInt();
    const int kioskCount = option("--kiosks", "200").toInt();
    const int perKiosk = option("--per-kiosk", "500").toInt();
    const qint64 outageMs = option("--outage", "60").toLongLong() * 1000;
    const QString binary = option("--server", CHECKIN_SERVER_PATH);

    QTemporaryDir work;
    ServerProcess server;
    ServerProcess::Options serverOptions;
    serverOptions.adminToken = kToken;
    serverOptions.logDir = work.path();
    const QStringList serverArgs{QStringLiteral("--db"),
                                 QStringLiteral("sqlite:%1/server.sqlite").arg(work.path()),
                                 QStringLiteral("--data-dir"), work.path()};
    QString error = server.start(binary, serverArgs, serverOptions);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "bench_sync: %s\n", qPrintable(error));
        return 1;
    }
    FaultProxy proxy;
    proxy.listen(server.port());
    AdminClient admin(server.url(), kToken);
    SystemScheduler scheduler;
    std::printf("sync benchmark: checkin-server on SQLite, the kiosks in this process\n");
    bool checksPassed = true; // the preload got everyone, the queue went out whole

    // --- 1. Preload ---------------------------------------------------------------------------
    const QString bigEvent = createEvent(admin, QStringLiteral("Preload"), attendees);
    QTemporaryDir kioskDir;
    {
        Kiosk k(kioskDir.path(), &scheduler);
        const auto [pre, ms] = enrolAndSync(k, proxy, admin.enrolmentCode(bigEvent), QStringLiteral("door"));
        std::printf("preload: %lld changes in %lld ms = %.0f/s over %d requests; %s   target <= 3000 ms for "
                    "100,000\n",
                    pre.pulled, ms, pre.pulled * 1000.0 / std::max<qint64>(1, ms),
                    int(proxy.requests().size()), pre.ok() ? "ok" : qPrintable(pre.error));
        checksPassed = checksPassed && pre.ok() && pre.pulled >= attendees;

        // --- 2. One kiosk's queue -------------------------------------------------------------
        const QStringList ids = attendeeIds(k.store);
        proxy.setFault(FaultProxy::Fault::Refuse); // offline while the queue builds up
        for (int i = 0; i < queued; ++i)
            await(k.desk.checkInAttendee(ids[i % ids.size()],
                                         (i / ids.size()) % 2 ? CheckInKind::Exit : CheckInKind::Entry));
        proxy.setFault(FaultProxy::Fault::Pass);
        proxy.clearLog();
        qint64 pushMs = -1;
        QElapsedTimer t;
        QObject::connect(&k.engine, &SyncEngine::statusChanged, [&] {
            if (pushMs < 0 && k.engine.status().undelivered == 0)
                pushMs = t.elapsed();
        });
        t.start();
        const SyncEngine::Outcome push = await(k.engine.runOnce(), 600'000);
        const qint64 cycleMs = t.elapsed();
        int posts = 0;
        for (const auto &r : proxy.requests())
            posts += r.method == "POST";
        std::printf(
            "push: %d queued check-ins delivered in %lld ms with %d upload requests; the whole cycle, "
            "with the pull of the %lld changes that came back, %lld ms and %d requests; %s   target <= "
            "2000 ms, <= 25 requests\n",
            push.pushed, pushMs, posts, push.pulled, cycleMs, int(proxy.requests().size()),
            push.ok() ? "ok" : qPrintable(push.error));
        checksPassed = checksPassed && push.ok() && push.pushed == queued;
    }

    // A benchmark whose own check fails exits non-zero.
    if (kioskCount <= 0)
        return checksPassed ? 0 : 1;

    // --- 3. The fleet comes back at once -------------------------------------------------------
    // The kiosks' stores live on tmpfs: 200 tablets have 200 disks; this machine has one.
    const int fleetAttendees = std::max(kioskCount * 10, 1000);
    const QString fleetEvent = createEvent(admin, QStringLiteral("Fleet"), fleetAttendees);
    QTemporaryDir fleetDir(QStringLiteral("/dev/shm/bench-sync-XXXXXX"));
    std::vector<std::unique_ptr<Kiosk>> fleet;
    QElapsedTimer setup;
    setup.start();
    for (int i = 0; i < kioskCount; ++i) {
        const QString dir = fleetDir.path() + QStringLiteral("/k%1").arg(i);
        QDir().mkpath(dir);
        fleet.push_back(std::make_unique<Kiosk>(dir, &scheduler));
        Kiosk &k = *fleet.back();
        await(k.store.open());
        error = await(
            k.engine.enrol({proxy.url()}, admin.enrolmentCode(fleetEvent), QStringLiteral("door-%1").arg(i)));
        if (!error.isEmpty())
            qFatal("enrol %d: %s", i, qPrintable(error));
        const SyncEngine::Outcome pre = await(k.engine.runOnce(), 600'000);
        if (!pre.ok())
            qFatal("preload %d: %s", i, qPrintable(pre.error));
    }
    std::printf("fleet: %d kiosks enrolled and preloaded (%d attendees each) in %.1f s\n", kioskCount,
                fleetAttendees, setup.elapsed() / 1000.0);
    // The outage: the server goes away while every kiosk syncs as it would at the door (so each
    // one fails, and backs off) and keeps checking people in: 10 attendees of its own, entry and
    // exit in turn.
    server.stop();
    for (auto &k : fleet)
        k->engine.start();
    QList<QFuture<ScanOutcome>> pending;
    setup.restart();
    const QStringList ids = attendeeIds(fleet.front()->store);
    for (int i = 0; i < kioskCount; ++i) {
        for (int j = 0; j < perKiosk; ++j) {
            const QString who = ids[(i * 10 + j % 10) % ids.size()];
            pending << fleet[size_t(i)]->desk.checkInAttendee(who, (j / 10) % 2 ? CheckInKind::Exit
                                                                                : CheckInKind::Entry);
        }
    }
    QSet<QString> queuedIds;
    for (const auto &f : pending) {
        const ScanOutcome o = await(f, 600'000);
        if (o.recorded)
            queuedIds.insert(o.checkInId);
    }
    std::printf("fleet: %lld check-ins queued offline in %.1f s\n", qint64(queuedIds.size()),
                setup.elapsed() / 1000.0);

    // Let the outage last a minute in all (by default), as outages do.
    runWhile([&] { return setup.elapsed() < outageMs; }, outageMs + 60'000);
    int failures = 0;
    for (auto &k : fleet)
        failures += k->engine.status().failures;
    std::printf("fleet: the outage lasted %.0f s; the kiosks had failed %d times in all\n",
                setup.elapsed() / 1000.0, failures);
    error = server.restart();
    if (!error.isEmpty())
        qFatal("restart: %s", qPrintable(error));
    proxy.clearLog();
    QElapsedTimer clock;
    clock.start();
    const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    // The venue's network is back for everybody at once: every kiosk syncs in the same instant
    // (syncNow(), as the app does when the network comes back), in the middle of its backoff.
    std::vector<qint64> applied(fleet.size(), 0);
    for (size_t i = 0; i < fleet.size(); ++i) {
        QObject::connect(&fleet[i]->engine, &SyncEngine::changesApplied,
                         [&applied, i](int, int checkIns) { applied[i] += checkIns; });
    }
    for (auto &k : fleet)
        k->engine.syncNow();
    // Drained: no kiosk has anything left to deliver. Converged: every kiosk has also pulled
    // everybody else's check-ins (a full cycle went through after the return).
    qint64 drainedMs = -1;
    qint64 convergedMs = -1;
    qint64 lastReport = 0;
    runWhile(
        [&] {
            int left = 0, notSynced = 0, offline = 0;
            for (size_t i = 0; i < fleet.size(); ++i) {
                const SyncEngine::Status s = fleet[i]->engine.status();
                left += s.undelivered;
                notSynced += applied[i] < queuedIds.size(); // everybody's check-ins come back to each
                offline += s.connection == SyncEngine::Connection::Offline;
            }
            if (left == 0 && drainedMs < 0)
                drainedMs = clock.elapsed();
            if (left == 0 && notSynced == 0)
                convergedMs = clock.elapsed();
            if (clock.elapsed() - lastReport >= 5000) {
                lastReport = clock.elapsed();
                std::printf("fleet: %5.1f s: %d undelivered, %d kiosks still pulling, %d offline\n",
                            clock.elapsed() / 1000.0, left, notSynced, offline);
                // The last few that have not delivered: what each one waits for.
                std::vector<size_t> behind;
                for (size_t i = 0; i < fleet.size(); ++i) {
                    if (fleet[i]->engine.status().undelivered > 0)
                        behind.push_back(i);
                }
                if (clock.elapsed() >= 15'000 && behind.size() <= 30) {
                    for (const size_t i : behind) {
                        const SyncEngine::Status s = fleet[i]->engine.status();
                        std::printf("fleet:   door-%zu: %d undelivered, %s, %d failures (%s): %s\n", i,
                                    s.undelivered, qPrintable(SyncEngine::connectionName(s.connection)),
                                    s.failures,
                                    s.detail.isEmpty() ? "no problem" : qPrintable(s.detail.toString()),
                                    qPrintable(fleet[i]->engine.activity()));
                    }
                    // And what the server owes the proxy for more than 10 s.
                    const qint64 now = QDateTime::currentMSecsSinceEpoch();
                    for (const FaultProxy::Request &r : proxy.waitingForServer()) {
                        if (now - r.atMs > 10'000)
                            std::printf("fleet:   the server owes an answer to %s %s for %.1f s\n",
                                        r.method.constData(), qPrintable(r.path.left(60)),
                                        double(now - r.atMs) / 1000.0);
                    }
                }
                std::fflush(stdout);
            }
            // Converging takes every simulated kiosk through everybody's check-ins on this one
            // machine; it is reported, not waited for without end.
            return convergedMs < 0 && (drainedMs < 0 || clock.elapsed() - drainedMs < 60'000);
        },
        600'000);
    const qint64 watchedMs = clock.elapsed();
    for (auto &k : fleet)
        k->engine.stop();

    // What the server was asked, second by second, and how it answered, from the proxy's log.
    std::map<qint64, int> perSecond;
    std::map<int, int> byStatus;
    qint64 uploadsServed = 0;
    for (const auto &r : proxy.requests()) {
        ++perSecond[(r.atMs - startMs) / 1000];
        ++byStatus[r.status];
        uploadsServed += r.method == "POST" && r.status == 200;
    }
    int peak = 0;
    for (const auto &[second, n] : perSecond)
        peak = std::max(peak, n);
    QString readError;
    const QHash<QString, QJsonObject> stored = admin.checkIns(fleetEvent, &readError);
    if (!readError.isEmpty())
        std::printf("fleet: could not read what the server holds: %s\n", qPrintable(readError));
    const QSet<QString> storedIds(stored.keyBegin(), stored.keyEnd());
    std::printf("fleet: %d kiosks, %lld queued check-ins: all delivered in %lld ms   target <= 60000 ms\n",
                kioskCount, qint64(queuedIds.size()), drainedMs);
    std::printf("fleet: the server holds %lld check-ins, %s the queued ones, each once; %lld upload requests "
                "answered 200\n",
                qint64(storedIds.size()), storedIds == queuedIds ? "exactly" : "NOT", uploadsServed);
    qint64 appliedAll = 0;
    int complete = 0;
    for (const qint64 n : applied) {
        appliedAll += n;
        complete += n >= queuedIds.size();
    }
    if (convergedMs >= 0)
        std::printf("fleet: every kiosk also pulled everyone's check-ins (%lld each) in %lld ms\n",
                    qint64(queuedIds.size()), convergedMs);
    else
        std::printf("fleet: convergence, not waited for: after %lld ms, %d of %d kiosks have pulled all %lld "
                    "check-ins; the fleet applied %lld changes (%.0f/s) on this one machine\n",
                    watchedMs, complete, kioskCount, qint64(queuedIds.size()), appliedAll,
                    appliedAll * 1000.0 / std::max<qint64>(1, watchedMs));
    std::printf("fleet: %d requests, at most %d in one second; answers:", int(proxy.requests().size()), peak);
    for (const auto &[status, n] : byStatus)
        std::printf(" %d x %d", n, status);
    std::printf("\nfleet: requests per second:");
    for (const auto &[second, n] : perSecond)
        std::printf(" %d", n);
    std::printf("\n");
    fleet.clear();

    // --- 4. A kiosk that joins late ----------------------------------------------------------
    // A tablet enrolled (or replaced) after the outage: its first sync brings it the event as it
    // stands, every attendee and every check-in with its final classification, once.
    {
        QTemporaryDir lateDir(QStringLiteral("/dev/shm/bench-sync-late-XXXXXX"));
        Kiosk late(lateDir.path(), &scheduler);
        const auto [first, ms] =
            enrolAndSync(late, proxy, admin.enrolmentCode(fleetEvent), QStringLiteral("late"));
        std::printf("late joiner: %lld changes (%d attendees, %lld check-ins) in %lld ms = %.0f/s over %d "
                    "requests; %s   target <= 5000 ms for 100,000 check-ins\n",
                    first.pulled, fleetAttendees, qint64(queuedIds.size()), ms,
                    first.pulled * 1000.0 / std::max<qint64>(1, ms), int(proxy.requests().size()),
                    first.ok() ? "ok" : qPrintable(first.error));
        checksPassed = checksPassed && first.ok() && first.pulled >= fleetAttendees + queuedIds.size();
    }
    server.stop();
    return checksPassed && readError.isEmpty() && storedIds == queuedIds ? 0 : 1;
}
