// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StatusModel.h"
#include "Futures.h"

#include "LocalStore.h"
#include "PeerService.h"
#include "QmlServices.h"
#include "WallClock.h"

#include <QEvent>

#include <algorithm>

namespace checkin::ui {

StatusModel::StatusModel(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_clock(clock)
    , m_sync(engine->status())
{
    connect(m_engine, &SyncEngine::statusChanged, this, [this] {
        const int before = undelivered();
        showSync(m_engine->status());
        if (undelivered() != before)
            refreshStats();
    });
    connect(m_engine, &SyncEngine::changesApplied, this, &StatusModel::refreshStats);
    connect(m_store, &LocalStore::checkInRecorded, this, &StatusModel::refreshStats);
    // "synced 3 min ago" moves on by itself.
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, &StatusModel::lastSyncChanged);
    m_tick.start();
    refreshStats();
}

void StatusModel::setPeers(PeerService *peers)
{
    m_peers = peers;
    connect(m_peers, &PeerService::statusChanged, this, &StatusModel::peersChanged);
    Q_EMIT peersChanged();
}

QString StatusModel::peersProblem() const
{
    return m_peers ? m_peers->status().problem : QString();
}

int StatusModel::peerPort() const
{
    return m_peers ? m_peers->status().port : 0;
}

int StatusModel::peersConnected() const
{
    if (!m_peers)
        return 0;
    const QList<PeerRecord> peers = m_peers->status().peers;
    return int(std::count_if(peers.cbegin(), peers.cend(), [](const PeerRecord &p) { return p.connected; }));
}

QVariantList StatusModel::peers() const
{
    QVariantList list;
    if (!m_peers)
        return list;
    const qint64 now = m_clock->nowMs();
    for (const PeerRecord &p : m_peers->status().peers) {
        list << QVariantMap{{QStringLiteral("name"), p.name.isEmpty() ? tr("A door") : p.name},
                            {QStringLiteral("address"), p.address},
                            {QStringLiteral("connected"), p.connected},
                            {QStringLiteral("heard"), ago(now, p.lastHeardMs)},
                            {QStringLiteral("holds"), p.holds},
                            {QStringLiteral("problem"), p.problem}};
    }
    return list;
}

int StatusModel::ownCheckIns() const
{
    return m_peers ? m_peers->status().own : 0;
}

int StatusModel::replicated() const
{
    return m_peers ? m_peers->status().replicated : 0;
}

int StatusModel::waitingAlsoElsewhere() const
{
    if (!m_peers)
        return 0;
    // Both go in order: the check-ins no other door holds are the newest ones, and so are the
    // waiting ones; what waits beyond those is held elsewhere too.
    const PeerService::Status s = m_peers->status();
    return std::clamp(undelivered() - (s.own - s.replicated), 0, std::min(undelivered(), s.replicated));
}

StatusModel *StatusModel::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<StatusModel>(engine);
}

void StatusModel::showSync(const SyncEngine::Status &status)
{
    const bool lastChanged = status.lastSyncMs != m_sync.lastSyncMs;
    m_sync = status;
    Q_EMIT syncChanged();
    if (lastChanged)
        Q_EMIT lastSyncChanged();
}

StatusModel::Connection StatusModel::connection() const
{
    switch (m_sync.connection) {
    case SyncEngine::Connection::Online:
        return Connection::Online;
    case SyncEngine::Connection::Syncing:
        return Connection::Syncing;
    case SyncEngine::Connection::Offline:
        break;
    }
    return Connection::Offline;
}

int StatusModel::undelivered() const
{
    // Without enrolment the engine never read the queue; the store's count is the truth then.
    return m_sync.problem == SyncEngine::Problem::NotEnrolled ? m_stats.undelivered : m_sync.undelivered;
}

QString StatusModel::lastSync() const
{
    return ago(m_clock->nowMs(), m_sync.lastSyncMs);
}

QString StatusModel::nextAttempt() const
{
    if (m_sync.connection != SyncEngine::Connection::Offline || m_sync.nextAttemptMs <= 0)
        return QString();
    return until(m_clock->nowMs(), m_sync.nextAttemptMs);
}

void StatusModel::refreshStats()
{
    if (m_statsInFlight) {
        m_statsAgain = true;
        return;
    }
    m_statsInFlight = true;
    deliverLater(m_store->stats(), this, [this](const StoreStats &stats) {
        m_statsInFlight = false;
        if (stats.error.isEmpty()) {
            m_stats = stats;
            Q_EMIT statsChanged();
            Q_EMIT syncChanged(); // undelivered may come from the stats
        }
        if (m_statsAgain) {
            m_statsAgain = false;
            refreshStats();
        }
    });
}

bool StatusModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        Q_EMIT syncChanged();
        Q_EMIT lastSyncChanged();
    }
    return QObject::event(event);
}

QString StatusModel::ago(qint64 nowMs, qint64 thenMs)
{
    if (thenMs <= 0)
        return tr("never");
    const qint64 s = std::max<qint64>(0, (nowMs - thenMs) / 1000);
    if (s < 10)
        return tr("just now");
    if (s < 60)
        return tr("%1 s ago").arg(s);
    const qint64 min = s / 60;
    if (min < 60)
        return tr("%1 min ago").arg(min);
    const qint64 h = min / 60;
    if (min % 60 == 0 || h >= 24)
        return tr("%1 h ago").arg(h);
    return tr("%1 h %2 min ago").arg(h).arg(min % 60);
}

QString StatusModel::until(qint64 nowMs, qint64 thenMs)
{
    const qint64 s = (thenMs - nowMs + 999) / 1000;
    if (s <= 0)
        return tr("now");
    if (s < 60)
        return tr("in %1 s").arg(s);
    return tr("in %1 min").arg((s + 59) / 60);
}

QString StatusModel::reasonText(SyncEngine::Problem problem)
{
    switch (problem) {
    case SyncEngine::Problem::None:
        return {};
    case SyncEngine::Problem::NotEnrolled:
        return tr("not enrolled");
    case SyncEngine::Problem::Unreachable:
        return tr("server unreachable");
    case SyncEngine::Problem::Timeout:
        return tr("server not answering in time");
    case SyncEngine::Problem::Overloaded:
        return tr("server overloaded");
    case SyncEngine::Problem::Revoked:
        return tr("device revoked");
    case SyncEngine::Problem::Refused:
        return tr("server refused the data");
    case SyncEngine::Problem::Storage:
        return tr("local storage problem");
    case SyncEngine::Problem::ServerError:
        return tr("server error");
    }
    return {};
}

} // namespace checkin::ui
