// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkinctl on the kiosk side of sync: enrol, preload, sync, and the sync part of status.
#include "SyncCommands.h"

#include "EnrolmentPayload.h"

#include "Cli.h"
#include "LocalStore.h"
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
    if (byPayload) {
        EnrolmentPayload payload;
        if (!EnrolmentPayload::parse(ctx.parser.value(QStringLiteral("payload")), &payload, &error))
            return ctx.fail(error);
        serverList = payload.servers.join(QLatin1Char(','));
        code = payload.code;
    }
    const QList<QUrl> servers = SyncSettings::parseServers(serverList, &error);
    if (servers.isEmpty())
        return ctx.fail(error);
    const QString name = ctx.parser.isSet(QStringLiteral("name")) ? ctx.parser.value(QStringLiteral("name"))
                                                                  : QHostInfo::localHostName();
    Kiosk kiosk(ctx);
    if (!kiosk.ok())
        return ctx.fail(kiosk.error());
    error = await(kiosk.engine().enrol(servers, code, name));
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
        if (ctx.json) {
            std::printf("%s\n", QJsonDocument(QJsonObject{{QStringLiteral("state"),
                                                           SyncEngine::connectionName(s.connection)},
                                                          {QStringLiteral("reason"), s.reason},
                                                          {QStringLiteral("undelivered"), s.undelivered},
                                                          {QStringLiteral("server"), s.server}})
                                    .toJson(QJsonDocument::Compact)
                                    .constData());
        } else {
            std::printf("%s  %s\n",
                        qPrintable(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))),
                        qPrintable(line));
        }
        std::fflush(stdout);
        if (s.stopped)
            QCoreApplication::exit(UsageOrDataError);
    });
    std::signal(SIGINT, [](int) { stopRequested = 1; });
    std::signal(SIGTERM, [](int) { stopRequested = 1; });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [] {
        if (stopRequested)
            QCoreApplication::exit(Done);
    });
    poll.start(200);
    engine.start();
    const int code = QCoreApplication::exec();
    engine.stop();
    return code;
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
