// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncEngine.h"
#include "KioskLogging.h"

#include "FeedPull.h"
#include "Futures.h"
#include "LocalStore.h"
#include "OutboxDelivery.h"
#include "Protocol.h"
#include "ServerClient.h"
#include "SyncScheduler.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

namespace checkin {

SyncEngine::SyncEngine(LocalStore *store, SyncScheduler *scheduler, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_scheduler(scheduler)
    , m_options(options)
    , m_network(options.network ? options.network(this) : new QNetworkAccessManager(this))
    , m_schedule({options.backoffBaseMs, options.backoffCapMs, options.pullIntervalMs})
{
    m_status.reason = reasonFor(Problem::NotEnrolled);
    connect(m_store, &LocalStore::checkInRecorded, this, &SyncEngine::checkInRecorded);
}

SyncEngine::~SyncEngine()
{
    cancelWake();
    dropParts();
    finishWaiters(tr("Sync was stopped."));
}

bool SyncEngine::load()
{
    QString error;
    m_settings = SyncSettings::load(m_store->dataDir(), &error);
    if (!error.isEmpty() || !m_settings.enrolled()) {
        m_status.problem = Problem::NotEnrolled;
        m_status.reason = reasonFor(Problem::NotEnrolled);
        m_status.detail = error.isEmpty() ? LiveText([] {
            return tr(
                "This device is not enrolled with a server yet: enrol it with a code from the event lead.");
        })
                                          : LiveText(error);
        Q_EMIT statusChanged();
        return false;
    }
    m_status.stopped = false;
    m_status.revokedByLead = false;
    m_status.problem = Problem::None;
    m_status.reason.clear();
    m_status.detail = {};
    // New settings (enrolled again): a cycle with the old server ends here, its requests are
    // abandoned with the old client, and whoever waited for it gets the next cycle, at once.
    const bool interrupted = endCycle();
    m_schedule.setServerCount(int(m_settings.servers.size()));
    m_status.failures = 0;
    useServer(0);
    refreshUndelivered();
    if (interrupted && !m_waiters.isEmpty())
        beginCycle(false);
    else if (interrupted && m_started)
        wakeAt(m_scheduler->nowMs());
    return true;
}

bool SyncEngine::endCycle()
{
    if (!m_running)
        return false;
    ++m_cycle; // the engine's answers still on their way belong to an ended cycle
    m_running = false;
    dropParts();
    return true;
}

void SyncEngine::dropParts()
{
    // Later, not now: a part may be the one whose signal brought us here.
    auto drop = [this](auto *&part) {
        if (!part)
            return;
        part->cancel();
        part->disconnect(this);
        part->deleteLater();
        part = nullptr;
    };
    drop(m_delivery);
    drop(m_pull);
}

void SyncEngine::useServer(int index)
{
    m_serverIndex = m_settings.servers.isEmpty() ? 0 : index % int(m_settings.servers.size());
    const QUrl url = m_settings.servers.value(m_serverIndex);
    m_client = std::make_unique<ServerClient>(m_network, url);
    m_client->setToken(m_settings.token);
    m_client->setPin(m_settings.pin);
    m_client->setTimeoutMs(m_options.requestTimeoutMs);
    m_client->setKioskState(m_status.undelivered, m_options.version);
    m_client->setWallClock([scheduler = m_scheduler] { return scheduler->nowMs(); });
    m_status.server = url.toString();
}

QString SyncEngine::eventPath(const QString &rest) const
{
    return QStringLiteral("/api/v1/events/") + QString::fromUtf8(QUrl::toPercentEncoding(m_eventId)) + rest;
}

QFuture<QString> SyncEngine::enrol(const QList<QUrl> &servers, const QString &code, const QString &deviceName,
                                   const QString &pin)
{
    auto promise = std::make_shared<QPromise<QString>>();
    promise->start();
    QFuture<QString> future = promise->future();
    if (servers.isEmpty()) {
        promise->addResult(tr("No server address given."));
        promise->finish();
        return future;
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("code"), code.trimmed()},
                                                      {QStringLiteral("name"), deviceName}})
                                .toJson(QJsonDocument::Compact);
    // Tries each URL in turn while the last one could not be reached.
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [this, promise, servers, body, deviceName, pin, attempt](int i) {
        auto client = std::make_shared<ServerClient>(m_network, servers[i]);
        client->setPin(pin);
        client->setTimeoutMs(m_options.requestTimeoutMs);
        client->setKioskState(m_status.undelivered, m_options.version);
        client->setWallClock([scheduler = m_scheduler] { return scheduler->nowMs(); });
        ++m_inFlight;
        deliverLater(
            client->post(QStringLiteral("/api/v1/devices"), body), this,
            [this, promise, servers, deviceName, pin, attempt, client, i](const ServerClient::Reply &r) {
                --m_inFlight;
                if (r.status == 0 && i + 1 < servers.size()) {
                    (*attempt)(i + 1);
                    return;
                }
                *attempt = nullptr; // breaks the cycle attempt -> lambda -> attempt
                auto done = [promise](const QString &error) {
                    promise->addResult(error);
                    promise->finish();
                };
                if (!r.ok()) {
                    if (r.errorCode == QLatin1String("invalid_code"))
                        done(tr("The server did not accept this enrolment code: it is unknown, used "
                                "already or expired. Ask the event lead for a new one."));
                    else
                        done(r.status == 400 || r.status == 404 || r.status == 410
                                 ? tr("The server did not accept the code: %1").arg(r.error.toString())
                                 : r.error.toString());
                    return;
                }
                const QJsonObject json = r.json.object();
                Event event;
                QString error;
                const QString deviceId = json.value(QStringLiteral("device_id")).toString();
                const QString token = json.value(QStringLiteral("token")).toString();
                if (deviceId.isEmpty() || token.isEmpty() ||
                    !Protocol::fromJson(json.value(QStringLiteral("event")).toObject(), &event, &error)) {
                    done(error.isEmpty()
                             ? tr("The server's answer to the enrolment is incomplete.")
                             : tr("The server's answer to the enrolment is incomplete: %1.").arg(error));
                    return;
                }
                PeerKey peerKey;
                Protocol::readPeerKey(json.value(QStringLiteral("peer_key")), &peerKey, &error);
                ++m_inFlight;
                QFuture<StoreStatus> adopted = m_store->adoptEnrolment(event, deviceId, deviceName);
                if (peerKey.isValid())
                    m_store->setPeerKey(peerKey); // after the event, in the store's order
                deliverLater(adopted, this,
                             [this, done, servers, deviceName, token, pin](const StoreStatus &adopted) {
                                 --m_inFlight;
                                 if (!adopted.ok()) {
                                     done(adopted.error);
                                     return;
                                 }
                                 SyncSettings settings{servers, deviceName, token, pin};
                                 QString saveError;
                                 if (!settings.save(m_store->dataDir(), &saveError)) {
                                     done(saveError);
                                     return;
                                 }
                                 load();
                                 done({});
                             });
            });
    };
    (*attempt)(0);
    return future;
}

void SyncEngine::start()
{
    if (!m_settings.enrolled() && !load())
        return;
    m_started = true;
    wakeAt(m_scheduler->nowMs());
}

void SyncEngine::stop()
{
    m_started = false;
    cancelWake();
    // A cycle under way ends now: its answers are dropped, and whoever waits for it hears so.
    if (endCycle()) {
        setConnection(Connection::Offline);
        finishWaiters(tr("Sync was stopped."));
    }
}

void SyncEngine::syncNow()
{
    if (m_status.stopped || !m_settings.enrolled())
        return;
    // A cue that things changed: a failure now backs off from the start, not from the outage's
    // count (which reaches a minute, and would keep a kiosk away long after the network is back).
    m_schedule.startOver();
    if (m_running) {
        m_again = true;
        return;
    }
    wakeAt(m_scheduler->nowMs());
}

QFuture<SyncEngine::Outcome> SyncEngine::runOnce()
{
    auto promise = std::make_shared<QPromise<Outcome>>();
    promise->start();
    if (!m_settings.enrolled() && !load()) {
        promise->addResult(Outcome{m_status.detail.toString()});
        promise->finish();
        return promise->future();
    }
    if (m_status.stopped) {
        promise->addResult(Outcome{m_status.detail.toString()});
        promise->finish();
        return promise->future();
    }
    m_waiters << promise;
    if (!m_running)
        beginCycle(m_status.failures > 0);
    return promise->future();
}

bool SyncEngine::busy() const
{
    return m_inFlight > 0 || (m_delivery && m_delivery->inFlight() > 0) || (m_pull && m_pull->inFlight() > 0);
}

QString SyncEngine::activity() const
{
    // The pull comes after the delivery in a cycle (which keeps the finished delivery until it ends).
    if (m_pull)
        return QStringLiteral("pull: ") + QLatin1StringView(m_pull->step());
    if (m_delivery)
        return QStringLiteral("delivery: ") + QLatin1StringView(m_delivery->step());
    if (m_running)
        return QLatin1StringView(m_step);
    if (m_timer)
        return QStringLiteral("next cycle in %1 s")
            .arg(double(m_timerDueMs - m_scheduler->nowMs()) / 1000.0, 0, 'f', 1);
    return QStringLiteral("idle");
}

void SyncEngine::setUndelivered(int undelivered)
{
    m_status.undelivered = std::max(0, undelivered);
    if (m_client)
        m_client->setKioskState(m_status.undelivered, m_options.version);
}

void SyncEngine::checkInRecorded()
{
    setUndelivered(m_status.undelivered + 1);
    Q_EMIT statusChanged();
    if (!m_started || m_status.stopped)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    // While offline the next probe comes when the backoff says; a new check-in does not hurry it.
    if (m_status.failures == 0)
        wakeAt(m_scheduler->nowMs() + m_options.pushDelayMs);
}

void SyncEngine::wakeAt(qint64 atMs)
{
    atMs = std::max(atMs, m_schedule.notBeforeMs());
    if (m_timer && m_timerDueMs <= atMs)
        return; // an earlier wake-up serves this one too
    if (m_timer)
        m_scheduler->cancel(m_timer);
    m_timerDueMs = atMs;
    m_timer = m_scheduler->start(atMs - m_scheduler->nowMs(), [this] { onWake(); });
}

void SyncEngine::cancelWake()
{
    if (m_timer)
        m_scheduler->cancel(m_timer);
    m_timer = 0;
    m_timerDueMs = -1;
}

void SyncEngine::onWake()
{
    m_timer = 0;
    m_timerDueMs = -1;
    if (!m_started || m_status.stopped)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    beginCycle(m_status.failures > 0);
}

void SyncEngine::beginCycle(bool probeFirst)
{
    if (m_client == nullptr) {
        finishWaiters(m_status.detail.toString());
        return;
    }
    dropParts();
    m_running = true;
    m_again = false;
    m_recovering = probeFirst;
    m_pullDeferred = false;
    ++m_cycle;
    m_pushedThisCycle = 0;
    m_pulledThisCycle = 0;
    setConnection(Connection::Syncing);
    m_step = "reading the sync state";
    ++m_inFlight;
    deliverLater(m_store->syncState(), this, [this, probeFirst, cycle = m_cycle](const SyncState &state) {
        --m_inFlight;
        if (cycle != m_cycle)
            return;
        if (!state.error.isEmpty()) {
            fail(Problem::Storage, state.error, -1);
            return;
        }
        m_eventId = state.eventId;
        m_cursor = state.cursor;
        setUndelivered(state.undelivered);
        if (m_status.lastSyncMs == 0)
            m_status.lastSyncMs = state.lastSyncMs;
        if (m_eventId.isEmpty()) {
            fail(
                Problem::NotEnrolled, [] { return tr("No event on this device: enrol it first."); }, -1);
            return;
        }
        if (!probeFirst) {
            deliver();
            return;
        }
        // Offline until now: a cheap question first, so a recovering server is not handed a batch
        // before it can take one.
        m_step = "asking whether the server is up";
        ++m_inFlight;
        deliverLater(m_client->get(QStringLiteral("/api/v1/health")), this,
                     [this, cycle](const ServerClient::Reply &r) {
                         --m_inFlight;
                         if (cycle != m_cycle)
                             return; // an answer to an ended cycle
                         if (!r.ok()) {
                             failFromReply(r);
                             return;
                         }
                         deliver();
                     });
    });
}

template<typename Part> void SyncEngine::watchFailures(Part *part)
{
    connect(part, &Part::replyFailed, this, &SyncEngine::failFromReply);
    connect(part, &Part::refused, this,
            [this](const LiveText &detail) { fail(Problem::Refused, detail, -1); });
    connect(part, &Part::storeFailed, this,
            [this](const QString &error) { fail(Problem::Storage, error, -1); });
}

void SyncEngine::deliver()
{
    m_delivery = new OutboxDelivery(m_store, m_client.get(), eventPath(QStringLiteral("/checkins")),
                                    m_options.pushBatch, this);
    watchFailures(m_delivery);
    connect(m_delivery, &OutboxDelivery::tallied, this,
            [this](int accepted, int duplicates, int conflicts, int rejected) {
                m_status.accepted += accepted;
                m_status.duplicates += duplicates;
                m_status.conflicts += conflicts;
                m_status.rejected += rejected;
            });
    connect(m_delivery, &OutboxDelivery::batchDelivered, this, [this](int n) {
        m_pushedThisCycle += n;
        setUndelivered(m_status.undelivered - n);
        Q_EMIT statusChanged();
    });
    connect(m_delivery, &OutboxDelivery::finished, this, &SyncEngine::delivered);
    m_delivery->start();
}

void SyncEngine::delivered()
{
    if (m_recovering && m_started && m_waiters.isEmpty()) {
        // Back after an outage: the queue first. The pull follows at a random point of the pull
        // interval, so a recovering server takes every kiosk's queue before it serves every
        // kiosk's share of the feed.
        m_pullDeferred = true;
        cycleDone();
        return;
    }
    pull();
}

void SyncEngine::pull()
{
    m_status.pulled = 0;
    m_status.pullTotal = -1;
    m_status.pullRate = 0;
    m_pull = new FeedPull(m_store, m_client.get(), m_scheduler, eventPath(QStringLiteral("/changes")),
                          m_cursor, m_options.pageSize, this);
    watchFailures(m_pull);
    connect(m_pull, &FeedPull::progress, this, [this](qint64 done, qint64 total, double perSecond) {
        m_status.pulled = done;
        m_status.pullTotal = total;
        m_status.pullRate = perSecond;
        Q_EMIT progress(done, total, perSecond);
    });
    connect(m_pull, &FeedPull::pageApplied, this, [this](int attendees, int checkIns) {
        m_pulledThisCycle += attendees + checkIns;
        Q_EMIT changesApplied(attendees, checkIns);
    });
    connect(m_pull, &FeedPull::finished, this, &SyncEngine::cycleDone);
    m_pull->start();
}

void SyncEngine::cycleDone()
{
    m_running = false;
    dropParts();
    m_schedule.succeeded();
    m_status.failures = 0;
    m_status.lastSyncMs = m_scheduler->nowMs();
    m_status.problem = Problem::None;
    m_status.reason.clear();
    m_status.detail = {};
    m_status.nextAttemptMs = 0;
    setConnection(Connection::Online);
    recordOutcome(m_status.lastSyncMs, {}, {});
    refreshUndelivered();
    if (!m_started)
        return;
    if (m_again)
        wakeAt(m_scheduler->nowMs());
    else
        wakeAt(m_scheduler->nowMs() + m_schedule.nextCycleDelayMs(m_pullDeferred, m_scheduler->uniform()));
}

void SyncEngine::failFromReply(const ServerClient::Reply &r)
{
    const int status = r.status;
    if (status == 401) {
        m_status.revokedByLead = r.errorCode == QLatin1String("device_revoked");
        fail(
            Problem::Revoked,
            [n = m_status.undelivered] {
                return tr(
                    "The server no longer accepts this device (revoked, or its token is not valid). It stops "
                    "syncing and keeps its %n undelivered check-in(s): enrol it again with a new code, or "
                    "export them.",
                    nullptr, n);
            },
            -1);
        return;
    }
    Problem problem = Problem::Refused;
    if (status == 0)
        problem = r.errorCode == QLatin1String("timeout") ? Problem::Timeout : Problem::Unreachable;
    else if (status == 503 || status == 429)
        problem = Problem::Overloaded;
    else if (status == 403)
        problem = Problem::Revoked;
    else if (status == 502 || status == 504)
        problem = Problem::Unreachable; // a proxy's answer: the server behind it is not there
    else if (status >= 500)
        problem = Problem::ServerError;
    fail(problem, r.error, r.retryAfter);
}

void SyncEngine::fail(Problem problem, const LiveText &detail, int retryAfterS)
{
    // The cycle ends here: what its parts still wait for is dropped.
    endCycle();
    m_status.problem = problem;
    m_status.reason = reasonFor(problem);
    m_status.detail = detail;
    qCInfo(lcSync) << "sync failed:" << m_status.reason << "-" << detail.toString();
    const qint64 now = m_scheduler->nowMs();
    SyncSchedule::Failure failure = SyncSchedule::Failure::Other;
    if (problem == Problem::Unreachable || problem == Problem::Timeout)
        failure = SyncSchedule::Failure::NoConnection;
    else if (problem == Problem::Overloaded)
        failure = SyncSchedule::Failure::Overloaded;
    else if (problem == Problem::Revoked || problem == Problem::NotEnrolled)
        failure = SyncSchedule::Failure::Fatal;
    const SyncSchedule::Next next = m_schedule.failed(failure, retryAfterS, now, m_scheduler->uniform());
    switch (next.action) {
    case SyncSchedule::Next::Action::TryNextServerNow:
        // Another URL may be up: try it at once; the backoff starts when every one has failed.
        useServer(m_schedule.serverIndex());
        qCInfo(lcSync) << "trying" << m_status.server;
        beginCycle(true);
        return;
    case SyncSchedule::Next::Action::Stop:
        // Nothing to retry: the device needs the event lead. The queue stays.
        m_status.stopped = problem == Problem::Revoked;
        cancelWake();
        m_status.nextAttemptMs = 0;
        break;
    case SyncSchedule::Next::Action::RetryLater:
        if (m_schedule.serverIndex() != m_serverIndex)
            useServer(m_schedule.serverIndex());
        m_status.failures = m_schedule.failures();
        m_status.nextAttemptMs = next.atMs;
        if (m_started) {
            cancelWake();
            wakeAt(next.atMs);
        }
        break;
    }
    setConnection(Connection::Offline);
    recordOutcome(0, m_status.reason, detail.isEmpty() ? m_status.reason : detail.toString());
}

void SyncEngine::recordOutcome(qint64 lastSyncMs, const QString &problem, const QString &error)
{
    // Whoever waits for this cycle hears of it once it is on record.
    ++m_inFlight;
    deliverLater(m_store->recordSync(lastSyncMs, problem), this,
                 [this, waiters = std::exchange(m_waiters, {}),
                  outcome = Outcome{error, m_pushedThisCycle, m_pulledThisCycle}](const StoreStatus &) {
                     --m_inFlight;
                     answer(waiters, outcome);
                 });
}

void SyncEngine::finishWaiters(const QString &error)
{
    answer(std::exchange(m_waiters, {}), Outcome{error, m_pushedThisCycle, m_pulledThisCycle});
}

void SyncEngine::answer(const QList<std::shared_ptr<QPromise<Outcome>>> &waiters, const Outcome &outcome)
{
    for (const auto &w : waiters) {
        w->addResult(outcome);
        w->finish();
    }
}

void SyncEngine::setConnection(Connection c)
{
    m_status.connection = c;
    Q_EMIT statusChanged();
}

void SyncEngine::refreshUndelivered()
{
    ++m_inFlight;
    deliverLater(m_store->syncState(), this, [this](const SyncState &state) {
        --m_inFlight;
        if (!state.error.isEmpty())
            return;
        m_status.undelivered = state.undelivered;
        if (m_status.lastSyncMs == 0)
            m_status.lastSyncMs = state.lastSyncMs;
        if (m_client)
            m_client->setKioskState(m_status.undelivered, m_options.version);
        Q_EMIT statusChanged();
    });
}

QString SyncEngine::connectionName(Connection connection)
{
    switch (connection) {
    case Connection::Online:
        return QStringLiteral("online");
    case Connection::Syncing:
        return QStringLiteral("syncing");
    case Connection::Offline:
        break;
    }
    return QStringLiteral("offline");
}

QString SyncEngine::reasonFor(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::NotEnrolled:
        return QStringLiteral("not enrolled");
    case Problem::Unreachable:
        return QStringLiteral("server unreachable");
    case Problem::Timeout:
        return QStringLiteral("server not answering in time");
    case Problem::Overloaded:
        return QStringLiteral("server overloaded");
    case Problem::Revoked:
        return QStringLiteral("device revoked");
    case Problem::Refused:
        return QStringLiteral("server refused the data");
    case Problem::Storage:
        return QStringLiteral("local storage problem");
    case Problem::ServerError:
        return QStringLiteral("server error");
    }
    return {};
}

} // namespace checkin
