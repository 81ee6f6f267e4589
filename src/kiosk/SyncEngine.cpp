// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncEngine.h"
#include "KioskLogging.h"

#include "Futures.h"
#include "LocalStore.h"
#include "Protocol.h"
#include "ServerClient.h"
#include "SyncScheduler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QThreadPool>
#include <QUrlQuery>

#include <cmath>

namespace checkin {

// A page of the change feed, parsed off the engine's thread by the protocol codec.
struct FeedPage : Protocol::FeedPage
{
    QString error;
};

namespace {

FeedPage parsePage(const QByteArray &body)
{
    FeedPage page;
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(body, &parseError).object();
    Protocol::PageProblem problem = Protocol::PageProblem::NotAPage;
    QString error;
    if (parseError.error == QJsonParseError::NoError && Protocol::fromJson(json, &page, &problem, &error))
        return page;
    switch (problem) {
    case Protocol::PageProblem::Attendee:
        page.error = SyncEngine::tr("The server sent an attendee this kiosk cannot read: %1").arg(error);
        break;
    case Protocol::PageProblem::CheckIn:
        page.error = SyncEngine::tr("The server sent a check-in this kiosk cannot read: %1").arg(error);
        break;
    default:
        page.error = SyncEngine::tr("The server's change feed answered something that is not a page of "
                                    "changes. Is the address that of a checkin-server?");
    }
    return page;
}

} // namespace

SyncEngine::SyncEngine(LocalStore *store, SyncScheduler *scheduler, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_scheduler(scheduler)
    , m_options(options)
    , m_network(new QNetworkAccessManager(this))
{
    m_status.reason = reasonFor(Problem::NotEnrolled);
    connect(m_store, &LocalStore::checkInRecorded, this, &SyncEngine::checkInRecorded);
}

SyncEngine::~SyncEngine()
{
    if (m_timer)
        m_scheduler->cancel(m_timer);
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
    m_status.problem = Problem::None;
    m_status.reason.clear();
    m_status.detail = {};
    // New settings (enrolled again): a cycle with the old server ends here, its requests are
    // abandoned with the old client, and whoever waited for it gets the next cycle, at once.
    const bool interrupted = endCycle();
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
    ++m_cycle; // answers still on their way belong to an ended cycle
    m_running = false;
    return true;
}

void SyncEngine::useServer(int index)
{
    m_serverIndex = m_settings.servers.isEmpty() ? 0 : index % int(m_settings.servers.size());
    const QUrl url = m_settings.servers.value(m_serverIndex);
    m_client = std::make_unique<ServerClient>(m_network, url);
    m_client->setToken(m_settings.token);
    m_client->setTimeoutMs(m_options.requestTimeoutMs);
    m_client->setKioskState(m_status.undelivered, m_options.version);
    m_status.server = url.toString();
}

QString SyncEngine::eventPath(const QString &rest) const
{
    return QStringLiteral("/api/v1/events/") + QString::fromUtf8(QUrl::toPercentEncoding(m_eventId)) + rest;
}

QFuture<QString> SyncEngine::enrol(const QList<QUrl> &servers, const QString &code, const QString &deviceName)
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
    *attempt = [this, promise, servers, body, deviceName, attempt](int i) {
        auto client = std::make_shared<ServerClient>(m_network, servers[i]);
        client->setTimeoutMs(m_options.requestTimeoutMs);
        client->setKioskState(m_status.undelivered, m_options.version);
        ++m_inFlight;
        deliverLater(
            client->post(QStringLiteral("/api/v1/devices"), body), this,
            [this, promise, servers, deviceName, attempt, client, i](const ServerClient::Reply &r) {
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
                ++m_inFlight;
                deliverLater(m_store->adoptEnrolment(event, deviceId, deviceName), this,
                             [this, done, servers, deviceName, token](const StoreStatus &adopted) {
                                 --m_inFlight;
                                 if (!adopted.ok()) {
                                     done(adopted.error);
                                     return;
                                 }
                                 SyncSettings settings{servers, deviceName, token};
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
    if (m_timer) {
        m_scheduler->cancel(m_timer);
        m_timer = 0;
        m_timerDueMs = -1;
    }
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
    return m_inFlight > 0;
}

void SyncEngine::checkInRecorded()
{
    ++m_status.undelivered;
    if (m_client)
        m_client->setKioskState(m_status.undelivered, m_options.version);
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
    atMs = std::max(atMs, m_notBeforeMs);
    if (m_timer && m_timerDueMs <= atMs)
        return; // an earlier wake-up serves this one too
    if (m_timer)
        m_scheduler->cancel(m_timer);
    m_timerDueMs = atMs;
    m_timer = m_scheduler->start(atMs - m_scheduler->nowMs(), [this] { onWake(); });
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
    m_running = true;
    m_again = false;
    m_recovering = probeFirst;
    m_pullDeferred = false;
    ++m_cycle;
    m_pushedThisCycle = 0;
    m_pulledThisCycle = 0;
    m_applying = 0;
    setConnection(Connection::Syncing);
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
        m_status.undelivered = state.undelivered;
        if (m_status.lastSyncMs == 0)
            m_status.lastSyncMs = state.lastSyncMs;
        m_client->setKioskState(m_status.undelivered, m_options.version);
        if (m_eventId.isEmpty()) {
            fail(
                Problem::NotEnrolled, [] { return tr("No event on this device: enrol it first."); }, -1);
            return;
        }
        if (!probeFirst) {
            push();
            return;
        }
        // Offline until now: a cheap question first, so a recovering server is not handed a batch
        // before it can take one.
        ++m_inFlight;
        deliverLater(m_client->get(QStringLiteral("/api/v1/health")), this,
                     [this, cycle](const ServerClient::Reply &r) {
                         --m_inFlight;
                         if (!usable(cycle, r))
                             return;
                         push();
                     });
    });
}

void SyncEngine::push()
{
    pushBatch(m_store->outbox(m_options.pushBatch));
}

void SyncEngine::pushBatch(QFuture<Outbox> next)
{
    ++m_inFlight;
    deliverLater(next, this, [this, cycle = m_cycle](const Outbox &batch) {
        --m_inFlight;
        if (cycle != m_cycle)
            return;
        if (!batch.error.isEmpty()) {
            fail(Problem::Storage, batch.error, -1);
            return;
        }
        if (batch.checkIns.isEmpty()) {
            afterPush();
            return;
        }
        QJsonArray items;
        for (const CheckIn &c : batch.checkIns) {
            const auto walkIn = batch.walkIns.constFind(c.id);
            items.append(Protocol::toUploadJson(
                c, walkIn == batch.walkIns.constEnd() ? std::nullopt : std::optional<WalkIn>(*walkIn)));
        }
        const QByteArray body = QJsonDocument(Protocol::uploadBatch(items)).toJson(QJsonDocument::Compact);
        // The batch after this one is read while this one travels (a full batch may have more
        // behind it); the store marks this one delivered before it reads again.
        const bool full = batch.checkIns.size() >= m_options.pushBatch;
        const QFuture<Outbox> following =
            full ? m_store->outbox(m_options.pushBatch, int(batch.checkIns.size())) : QFuture<Outbox>();
        ++m_inFlight;
        deliverLater(m_client->post(eventPath(QStringLiteral("/checkins")), body), this,
                     [this, cycle, batch, following, full](const ServerClient::Reply &r) {
                         --m_inFlight;
                         if (!usable(cycle, r))
                             return;
                         pushed(batch, r.body,
                                full ? std::optional<QFuture<Outbox>>(following) : std::nullopt);
                     });
    });
}

void SyncEngine::pushed(const Outbox &batch, const QByteArray &body,
                        const std::optional<QFuture<Outbox>> &following)
{
    // Every item has a result, or the batch failed as a whole (docs/protocol.md): so all are delivered.
    QSet<QString> answered;
    for (const Protocol::CheckInResult &result :
         Protocol::readUploadResults(QJsonDocument::fromJson(body).object())) {
        answered.insert(result.id);
        switch (result.status) {
        case CheckInStatus::Accepted:
            ++m_status.accepted;
            break;
        case CheckInStatus::Duplicate:
            ++m_status.duplicates;
            break;
        case CheckInStatus::Conflict:
            ++m_status.conflicts;
            break;
        case CheckInStatus::Rejected:
            ++m_status.rejected;
            qCWarning(lcSync) << "the server rejected check-in" << result.id << result.reason;
            break;
        }
    }
    QStringList delivered;
    for (const CheckIn &c : batch.checkIns) {
        if (answered.contains(c.id))
            delivered << c.id;
    }
    if (delivered.size() != batch.checkIns.size()) {
        fail(
            Problem::Refused,
            [] {
                return tr(
                    "The server answered the upload without a result for every check-in; they stay queued.");
            },
            -1);
        return;
    }
    ++m_inFlight;
    deliverLater(m_store->markDelivered(delivered), this,
                 [this, cycle = m_cycle, n = int(delivered.size()),
                  more = following.has_value()](const StoreStatus &marked) {
                     --m_inFlight;
                     if (cycle != m_cycle)
                         return;
                     if (!marked.ok()) {
                         fail(Problem::Storage, marked.error, -1);
                         return;
                     }
                     m_pushedThisCycle += n;
                     m_status.undelivered = std::max(0, m_status.undelivered - n);
                     m_client->setKioskState(m_status.undelivered, m_options.version);
                     Q_EMIT statusChanged();
                     if (!more)
                         afterPush();
                 });
    if (following)
        pushBatch(*following); // on its way while this batch is being marked
}

void SyncEngine::pull(bool first)
{
    if (first) {
        m_pullStartMs = m_scheduler->nowMs();
        m_status.pulled = 0;
        m_status.pullTotal = -1;
        m_status.pullRate = 0;
    }
    QString path = eventPath(QStringLiteral("/changes?limit=%1").arg(m_options.pageSize));
    if (!m_cursor.isEmpty())
        path += QStringLiteral("&after=") + QString::fromUtf8(QUrl::toPercentEncoding(m_cursor));
    if (first)
        path += QStringLiteral("&count=1");
    ++m_inFlight;
    deliverLater(m_client->get(path), this, [this, cycle = m_cycle](const ServerClient::Reply &r) {
        if (!usable(cycle, r)) {
            --m_inFlight;
            return;
        }
        // Parsing a page of thousands of changes takes milliseconds: not on this thread.
        deliverLater(
            onPool<FeedPage>(QThreadPool::globalInstance(), [body = r.body] { return parsePage(body); }),
            this, [this, cycle, retryAfter = r.retryAfter](const FeedPage &page) {
                --m_inFlight;
                if (cycle != m_cycle)
                    return;
                pageArrived(page, retryAfter);
            });
    });
}

void SyncEngine::pageArrived(const FeedPage &page, int retryAfter)
{
    if (!page.error.isEmpty()) {
        fail(Problem::Refused, page.error, -1);
        return;
    }
    if (page.remaining >= 0)
        m_status.pullTotal = m_status.pulled + page.remaining;
    m_cursor = page.cursor;
    const bool last = !page.more;
    if (page.more) {
        if (page.size() > 0) {
            pull(false); // the next page travels while this one is stored
        } else {
            // Changes wait for older transactions on the server: ask again when it says.
            ++m_inFlight;
            m_scheduler->start(std::max(retryAfter, 1) * 1000LL, [this, cycle = m_cycle] {
                --m_inFlight;
                if (cycle == m_cycle)
                    pull(false);
            });
        }
    }
    ++m_applying;
    ++m_inFlight;
    const int attendees = int(page.attendees.size());
    const int checkIns = int(page.checkIns.size());
    deliverLater(m_store->applyChanges(page.attendees, page.checkIns, page.cursor, page.deviceNames), this,
                 [this, cycle = m_cycle, attendees, checkIns, last](const StoreStatus &applied) {
                     --m_inFlight;
                     if (cycle != m_cycle)
                         return;
                     --m_applying;
                     if (!applied.ok()) {
                         fail(Problem::Storage, applied.error, -1);
                         return;
                     }
                     pageApplied(attendees, checkIns, last);
                 });
}

void SyncEngine::pageApplied(int attendees, int checkIns, bool last)
{
    const qint64 n = attendees + checkIns;
    m_status.pulled += n;
    m_pulledThisCycle += n;
    const qint64 elapsed = std::max<qint64>(1, m_scheduler->nowMs() - m_pullStartMs);
    m_status.pullRate = double(m_status.pulled) * 1000.0 / double(elapsed);
    if (n > 0) {
        Q_EMIT changesApplied(attendees, checkIns);
        Q_EMIT progress(m_status.pulled, m_status.pullTotal, m_status.pullRate);
    }
    if (last && m_applying == 0)
        cycleDone();
}

void SyncEngine::cycleDone()
{
    m_running = false;
    m_overloads = 0;
    m_serversTried = 0;
    m_status.failures = 0;
    m_notBeforeMs = 0;
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
    else if (m_pullDeferred)
        wakeAt(m_scheduler->nowMs() + qint64(m_scheduler->uniform() * double(m_options.pullIntervalMs)));
    else
        wakeAt(m_scheduler->nowMs() + m_options.pullIntervalMs);
}

void SyncEngine::afterPush()
{
    if (m_recovering && m_started && m_waiters.isEmpty()) {
        // Back after an outage: the queue first. The pull follows at a random point of the pull
        // interval, so a recovering server takes every kiosk's queue before it serves every
        // kiosk's share of the feed.
        m_pullDeferred = true;
        cycleDone();
        return;
    }
    pull(true);
}

bool SyncEngine::usable(quint64 cycle, const ServerClient::Reply &r)
{
    if (cycle != m_cycle)
        return false; // an answer to an ended cycle
    if (!r.ok()) {
        failFromReply(r.status, r.errorCode, r.error, r.retryAfter);
        return false;
    }
    return true;
}

void SyncEngine::failFromReply(int status, const QString &errorCode, const LiveText &error, int retryAfterS)
{
    if (status == 401) {
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
        problem = errorCode == QLatin1String("timeout") ? Problem::Timeout : Problem::Unreachable;
    else if (status == 503 || status == 429)
        problem = Problem::Overloaded;
    else if (status == 403)
        problem = Problem::Revoked;
    else if (status == 502 || status == 504)
        problem = Problem::Unreachable; // a proxy's answer: the server behind it is not there
    else if (status >= 500)
        problem = Problem::ServerError;
    fail(problem, error, retryAfterS);
}

void SyncEngine::fail(Problem problem, const LiveText &detail, int retryAfterS)
{
    ++m_cycle; // answers still on their way belong to an ended cycle
    m_running = false;
    m_status.problem = problem;
    m_status.reason = reasonFor(problem);
    m_status.detail = detail;
    qCInfo(lcSync) << "sync failed:" << m_status.reason << "-" << detail.toString();
    const qint64 now = m_scheduler->nowMs();
    const bool noConnection = problem == Problem::Unreachable || problem == Problem::Timeout;
    if (noConnection && m_serversTried + 1 < m_settings.servers.size()) {
        // Another URL may be up: try it at once; the backoff starts when every one has failed.
        ++m_serversTried;
        useServer(m_serverIndex + 1);
        qCInfo(lcSync) << "trying" << m_status.server;
        beginCycle(true);
        return;
    }
    m_serversTried = 0;
    if (problem == Problem::Revoked || problem == Problem::NotEnrolled) {
        // Nothing to retry: the device needs the event lead. The queue stays.
        m_status.stopped = problem == Problem::Revoked;
        if (m_timer) {
            m_scheduler->cancel(m_timer);
            m_timer = 0;
            m_timerDueMs = -1;
        }
        m_status.nextAttemptMs = 0;
    } else {
        if (noConnection && m_settings.servers.size() > 1)
            useServer(m_serverIndex + 1);
        // Full jitter: random(0, min(cap, base * 2^n)), n the failures in a row. A server that
        // answered "overloaded" is up and has said when to come back: then n counts only those
        // answers, and the jitter comes on top of Retry-After (a floor), so that the kiosks it
        // turned away do not all return in the same second.
        const bool overloaded = problem == Problem::Overloaded;
        m_overloads = overloaded ? m_overloads + 1 : 0;
        const int n = std::min(overloaded ? m_overloads - 1 : m_status.failures, 30);
        ++m_status.failures;
        const double ceiling =
            std::min(double(m_options.backoffCapMs), double(m_options.backoffBaseMs) * std::pow(2.0, n));
        qint64 delay = qint64(m_scheduler->uniform() * ceiling);
        if (retryAfterS > 0)
            delay = overloaded ? retryAfterS * 1000LL + delay : std::max<qint64>(delay, retryAfterS * 1000LL);
        // The server's Retry-After binds every request; the backoff only the timer (syncNow(),
        // a person's or the network's cue, may come sooner).
        m_notBeforeMs = retryAfterS > 0 ? now + retryAfterS * 1000LL : 0;
        m_status.nextAttemptMs = now + delay;
        if (m_started) {
            if (m_timer) {
                m_scheduler->cancel(m_timer);
                m_timer = 0;
            }
            wakeAt(now + delay);
        }
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
