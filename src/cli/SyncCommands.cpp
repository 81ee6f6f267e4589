// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkinctl on the kiosk side of sync: enrol, preload, sync, and the sync part of status.
#include "SyncCommands.h"

#include "EnrolmentPayload.h"

#include "Cli.h"
#include "LocalStore.h"
#include "PeerService.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "WallClock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <csignal>
#include <functional>

namespace checkin::cli {

namespace {

volatile std::sig_atomic_t stopRequested = 0;

// The store and the engine of one data directory, as the kiosk app has them.
class Kiosk
{
public:
    explicit Kiosk(const Context &ctx)
        : m_store(ctx.dataDir, &m_clock)
        , m_engine(&m_store, &m_scheduler, options())
    {
        await(m_store.setIndexAhead(false)); // nothing here searches
        m_error = await(m_store.open()).error;
    }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    LocalStore &store() { return m_store; }
    SyncEngine &engine() { return m_engine; }

    static SyncEngine::Options options()
    {
        SyncEngine::Options o;
        o.version = QStringLiteral(CHECKIN_VERSION);
        return o;
    }

private:
    SystemClock m_clock;
    SystemScheduler m_scheduler;
    LocalStore m_store;
    SyncEngine m_engine;
    QString m_error;
};

// A line for a person (with the time) or, with --json, the object; at once.
void printLine(const Context &ctx, const QJsonObject &json, const QString &line)
{
    if (ctx.json)
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    else
        std::printf("%s  %s\n", qPrintable(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))),
                    qPrintable(line));
    std::fflush(stdout);
}

// Starts what `start` starts and runs until Ctrl-C or SIGTERM (or something exits the loop).
int runUntilStopped(const std::function<void()> &start)
{
    std::signal(SIGINT, [](int) { stopRequested = 1; });
    std::signal(SIGTERM, [](int) { stopRequested = 1; });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (stopRequested)
            QCoreApplication::exit(Done);
    });
    poll.start(100);
    start();
    return QCoreApplication::exec();
}

QString bar(qint64 done, qint64 total, double rate)
{
    if (total <= 0)
        return QStringLiteral("Preloading: %L1 changes (%L2/s)").arg(done).arg(qint64(rate));
    const int width = 30;
    const int filled = int(std::min<qint64>(width, done * width / total));
    return QStringLiteral("Preloading [%1%2] %3% %L4 / %L5 (%L6/s)")
        .arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('-')))
        .arg(int(done * 100 / total))
        .arg(done)
        .arg(total)
        .arg(qint64(rate));
}

QString ago(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QStringLiteral("never");
}

} // namespace

int enrolCommand(const Context &ctx)
{
    const bool byPayload = ctx.parser.isSet(QStringLiteral("payload"));
    const bool hasServer = ctx.parser.isSet(QStringLiteral("server"));
    const bool hasCode = ctx.parser.isSet(QStringLiteral("code"));
    if (!ctx.args.isEmpty() || (byPayload && (hasServer || hasCode)) ||
        (!byPayload && !(hasServer && hasCode)))
        return ctx.fail(
            QStringLiteral("usage: checkinctl enrol --server URL[,URL...] --code CODE [--name NAME]\n"
                           "       checkinctl enrol --payload TEXT [--name NAME]"));
    QString error;
    QString serverList = ctx.parser.value(QStringLiteral("server"));
    QString code = ctx.parser.value(QStringLiteral("code"));
    QString pin = ctx.parser.value(QStringLiteral("pin"));
    if (byPayload) {
        EnrolmentPayload payload;
        if (!EnrolmentPayload::parse(ctx.parser.value(QStringLiteral("payload")), &payload, &error))
            return ctx.fail(error);
        serverList = payload.servers.join(QLatin1Char(','));
        code = payload.code;
        if (pin.isEmpty())
            pin = payload.pin;
    }
    const QList<QUrl> servers = SyncSettings::parseServers(serverList, &error);
    if (servers.isEmpty())
        return ctx.fail(error);
    const QString name = ctx.parser.isSet(QStringLiteral("name")) ? ctx.parser.value(QStringLiteral("name"))
                                                                  : QHostInfo::localHostName();
    Kiosk kiosk(ctx);
    if (!kiosk.ok())
        return ctx.fail(kiosk.error());
    error = await(kiosk.engine().enrol(servers, code, name, pin));
    if (!error.isEmpty())
        return ctx.fail(error);
    const StoreStats stats = await(kiosk.store().stats());
    QStringList urls;
    for (const QUrl &u : servers)
        urls << u.toString();
    ctx.print(QJsonObject{{QStringLiteral("enrolled"), true},
                          {QStringLiteral("device_id"), stats.deviceId},
                          {QStringLiteral("device_name"), name},
                          {QStringLiteral("event"), QJsonObject{{QStringLiteral("id"), stats.event.id},
                                                                {QStringLiteral("name"), stats.event.name}}},
                          {QStringLiteral("servers"), QJsonArray::fromStringList(urls)}},
              QStringLiteral("Enrolled as \"%1\" for \"%2\" (%3).\nNext: checkinctl preload")
                  .arg(name, stats.event.name, urls.join(QStringLiteral(", "))));
    return Done;
}

// One full cycle, printing progress on a terminal.
static int runCycle(const Context &ctx, Kiosk &kiosk, bool preload)
{
    if (!kiosk.engine().load())
        return ctx.fail(kiosk.engine().status().detail.toString());
    QObject::connect(&kiosk.engine(), &SyncEngine::progress,
                     [&ctx, preload](qint64 done, qint64 total, double rate) {
                         if (preload)
                             ctx.progress(bar(done, total, rate));
                     });
    QElapsedTimer timer;
    timer.start();
    const SyncEngine::Outcome outcome = await(kiosk.engine().runOnce());
    if (preload)
        ctx.progress(QString());
    if (!outcome.ok())
        return ctx.fail(outcome.error);
    const SyncEngine::Status s = kiosk.engine().status();
    const double seconds = double(timer.elapsed()) / 1000.0;
    ctx.print(
        QJsonObject{{QStringLiteral("pushed"), outcome.pushed},
                    {QStringLiteral("pulled"), outcome.pulled},
                    {QStringLiteral("undelivered"), s.undelivered},
                    {QStringLiteral("seconds"), seconds},
                    {QStringLiteral("server"), s.server}},
        QStringLiteral("%1: %L2 check-ins delivered, %L3 changes received in %4 s from %5; %L6 undelivered.")
            .arg(preload ? QStringLiteral("Preloaded") : QStringLiteral("Synced"))
            .arg(outcome.pushed)
            .arg(outcome.pulled)
            .arg(seconds, 0, 'f', 1)
            .arg(s.server)
            .arg(s.undelivered));
    return Done;
}

int preloadCommand(const Context &ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: checkinctl preload"));
    Kiosk kiosk(ctx);
    if (!kiosk.ok())
        return ctx.fail(kiosk.error());
    return runCycle(ctx, kiosk, true);
}

int syncCommand(const Context &ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: checkinctl sync [--once]"));
    Kiosk kiosk(ctx);
    if (!kiosk.ok())
        return ctx.fail(kiosk.error());
    if (ctx.parser.isSet(QStringLiteral("once")))
        return runCycle(ctx, kiosk, false);

    // Keep running, as the kiosk app does, until Ctrl-C or SIGTERM; a line for every change of state.
    SyncEngine &engine = kiosk.engine();
    if (!engine.load())
        return ctx.fail(engine.status().detail.toString());
    QString last;
    QObject::connect(&engine, &SyncEngine::statusChanged, [&] {
        const SyncEngine::Status s = engine.status();
        QString line = SyncEngine::connectionName(s.connection);
        if (!s.reason.isEmpty())
            line += QStringLiteral(" (%1)").arg(s.reason);
        line += QStringLiteral(", %1 undelivered").arg(s.undelivered);
        if (s.connection == SyncEngine::Connection::Offline && s.nextAttemptMs > 0)
            line += QStringLiteral(", next try %1").arg(ago(s.nextAttemptMs));
        if (line == last)
            return;
        last = line;
        printLine(ctx,
                  QJsonObject{{QStringLiteral("state"), SyncEngine::connectionName(s.connection)},
                              {QStringLiteral("reason"), s.reason},
                              {QStringLiteral("undelivered"), s.undelivered},
                              {QStringLiteral("server"), s.server}},
                  line);
        if (s.stopped)
            QCoreApplication::exit(UsageOrDataError);
    });
    const int code = runUntilStopped([&] { engine.start(); });
    engine.stop();
    return code;
}

namespace {
QJsonObject peerJson(const PeerRecord &p)
{
    QJsonObject json{{QStringLiteral("device_id"), p.deviceId},
                     {QStringLiteral("name"), p.name},
                     {QStringLiteral("address"), p.address},
                     {QStringLiteral("version"), p.version},
                     {QStringLiteral("holds"), p.holds},
                     {QStringLiteral("connected"), p.connected},
                     {QStringLiteral("problem"), p.problem.isEmpty() ? QJsonValue() : QJsonValue(p.problem)}};
    json.insert(
        QStringLiteral("last_heard"),
        p.lastHeardMs > 0
            ? QJsonValue(QDateTime::fromMSecsSinceEpoch(p.lastHeardMs, Qt::UTC).toString(Qt::ISODateWithMs))
            : QJsonValue());
    return json;
}

QString peerLine(const PeerRecord &p, bool heard = true)
{
    QString line = QStringLiteral("%1 (%2)").arg(p.name.isEmpty() ? p.deviceId : p.name, p.address);
    if (!p.problem.isEmpty())
        return line + QStringLiteral(": refused: ") + p.problem;
    line += p.connected ? QStringLiteral(": connected") : QStringLiteral(": not connected");
    if (heard)
        line += QStringLiteral(", heard ") + ago(p.lastHeardMs);
    return line + QStringLiteral(", holds %L1 of ours").arg(p.holds);
}
} // namespace

int peersCommand(const Context &ctx)
{
    const QString usage = QStringLiteral(
        "usage: checkinctl peers [--listen ADDRESS:PORT] [--peer HOST:PORT]... [--no-discovery] "
        "[--discovery-port N] [--sync]");
    if (!ctx.args.isEmpty())
        return ctx.fail(usage);
    PeerService::Options options;
    options.version = QStringLiteral(CHECKIN_VERSION);
    const QString listen = ctx.parser.value(QStringLiteral("listen"));
    if (!listen.isEmpty()) {
        QString host;
        quint16 port = 0;
        QString error;
        // Port 0 takes any free one (the line printed at the start says which).
        const bool anyPort = listen.endsWith(QStringLiteral(":0"));
        if (!PeerService::parseAddress(anyPort ? listen.chopped(2) + QStringLiteral(":1") : listen, &host,
                                       &port, &error))
            return ctx.fail(error);
        options.listenAddress = QHostAddress(host);
        if (options.listenAddress.isNull())
            return ctx.fail(
                QStringLiteral("--listen needs an IP address of this computer, not “%1”.").arg(host));
        options.port = anyPort ? 0 : port;
    }
    for (const QString &peer : ctx.parser.values(QStringLiteral("peer"))) {
        QString host;
        quint16 port = 0;
        QString error;
        if (!PeerService::parseAddress(peer, &host, &port, &error))
            return ctx.fail(error);
        options.fixedPeers << peer;
    }
    options.discovery = !ctx.parser.isSet(QStringLiteral("no-discovery"));
    if (ctx.parser.isSet(QStringLiteral("discovery-port"))) {
        bool ok = false;
        const int port = ctx.parser.value(QStringLiteral("discovery-port")).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return ctx.fail(QStringLiteral("--discovery-port needs a port number (1 to 65535)."));
        options.discoveryPort = quint16(port);
    }
    // For trying how doors treat an older app (tests): the peer protocol this door claims.
    if (qEnvironmentVariableIsSet("CHECKIN_PEER_PROTOCOL"))
        options.protocol = qEnvironmentVariableIntValue("CHECKIN_PEER_PROTOCOL");
    options.pollMs = 100; // check-ins may come from other checkinctl processes on this directory

    Kiosk kiosk(ctx);
    if (!kiosk.ok())
        return ctx.fail(kiosk.error());
    PeerService peers(&kiosk.store(), options);
    SyncEngine &engine = kiosk.engine();
    const bool sync = ctx.parser.isSet(QStringLiteral("sync"));
    if (sync) {
        if (!engine.load())
            return ctx.fail(engine.status().detail.toString());
        QObject::connect(&engine, &SyncEngine::statusChanged, &peers, [&] {
            peers.setServerReachable(engine.status().connection != SyncEngine::Connection::Offline);
        });
    }
    QString last;
    QObject::connect(&peers, &PeerService::statusChanged, [&] {
        const PeerService::Status s = peers.status();
        QJsonArray list;
        QStringList lines;
        for (const PeerRecord &p : s.peers) {
            list.append(peerJson(p));
            lines << QStringLiteral("  ") + peerLine(p, false);
        }
        const QString state = s.running ? QStringLiteral("listening on port %1").arg(s.port)
                                        : QStringLiteral("waiting: ") + s.problem;
        const QString line = QStringLiteral("%1; %L2 of %L3 own check-ins held by another door\n%4")
                                 .arg(state)
                                 .arg(s.replicated)
                                 .arg(s.own)
                                 .arg(lines.join(QLatin1Char('\n')));
        if (line == last)
            return;
        last = line;
        printLine(ctx,
                  QJsonObject{{QStringLiteral("running"), s.running},
                              {QStringLiteral("problem"), s.problem},
                              {QStringLiteral("port"), s.port},
                              {QStringLiteral("own"), s.own},
                              {QStringLiteral("replicated"), s.replicated},
                              {QStringLiteral("received"), s.received},
                              {QStringLiteral("bytes_sent"), s.bytesSent},
                              {QStringLiteral("peers"), list}},
                  line);
    });
    const int code = runUntilStopped([&] {
        peers.start();
        if (sync)
            engine.start();
    });
    engine.stop();
    peers.stop();
    return code;
}

void addPeerStatus(LocalStore &store, QJsonObject *json, QString *human)
{
    const PeerState state = await(store.peerState());
    QJsonArray list;
    for (const PeerRecord &p : state.peers)
        list.append(peerJson(p));
    json->insert(QStringLiteral("peers"), list);
    json->insert(QStringLiteral("replicated"), state.replicated);
    json->insert(QStringLiteral("own_checkins"), state.own);
    json->insert(QStringLiteral("held_for_other_doors"), state.heldForOthers);
    json->insert(QStringLiteral("peer_key_generation"), state.key.generation);
    *human += QStringLiteral("\nOther doors:  %L1 heard; %L2 of %L3 own check-ins held by another door; "
                             "%L4 of other doors' held here for the server")
                  .arg(state.peers.size())
                  .arg(state.replicated)
                  .arg(state.own)
                  .arg(state.heldForOthers);
    for (const PeerRecord &p : state.peers)
        *human += QStringLiteral("\n              ") + peerLine(p);
}

void addSyncStatus(const Context &ctx, LocalStore &store, QJsonObject *json, QString *human)
{
    const SyncState state = await(store.syncState());
    QString error;
    const SyncSettings settings = SyncSettings::load(ctx.dataDir, &error);
    QStringList urls;
    for (const QUrl &u : settings.servers)
        urls << u.toString();
    // "online": the last attempt went through (this command asks no server).
    const bool online = settings.enrolled() && state.lastSyncMs > 0 && state.problem.isEmpty();
    json->insert(QStringLiteral("enrolled"), settings.enrolled());
    json->insert(QStringLiteral("servers"), QJsonArray::fromStringList(urls));
    json->insert(QStringLiteral("online"), online);
    json->insert(
        QStringLiteral("last_sync"),
        state.lastSyncMs > 0
            ? QJsonValue(
                  QDateTime::fromMSecsSinceEpoch(state.lastSyncMs, Qt::UTC).toString(Qt::ISODateWithMs))
            : QJsonValue());
    json->insert(QStringLiteral("sync_problem"),
                 state.problem.isEmpty() ? QJsonValue() : QJsonValue(state.problem));
    if (!settings.enrolled()) {
        *human += QStringLiteral("\nSync:         not enrolled (checkinctl enrol --server URL --code CODE)");
        return;
    }
    *human +=
        QStringLiteral("\nSync:         %1, last sync %2 (%3)")
            .arg(online ? QStringLiteral("online")
                        : QStringLiteral("offline") +
                              (state.problem.isEmpty() ? QString() : QStringLiteral(": ") + state.problem))
            .arg(ago(state.lastSyncMs), urls.join(QStringLiteral(", ")));
}

} // namespace checkin::cli
