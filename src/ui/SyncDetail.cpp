// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncDetail.h"

#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "StatusModel.h"
#include "WallClock.h"

#include <QEvent>
#include <QMetaEnum>

namespace checkin::ui {

namespace {

// The store keeps the last problem as the engine's English reason ("server unreachable"): shown in
// the language of the moment when it is one of the engine's, as it came when not.
LiveText problemOnRecord(const QString &reason)
{
    const QMetaEnum problems = QMetaEnum::fromType<SyncEngine::Problem>();
    for (int i = 0; i < problems.keyCount(); ++i) {
        const auto p = SyncEngine::Problem(problems.value(i));
        if (p != SyncEngine::Problem::None && SyncEngine::reasonFor(p) == reason)
            return [p] { return StatusModel::reasonText(p); };
    }
    return reason;
}

} // namespace

SyncDetail::SyncDetail(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_clock(clock)
{
    connect(m_engine, &SyncEngine::statusChanged, this, [this] { show(m_engine->status()); });
    connect(m_engine, &SyncEngine::changesApplied, this, [this](int attendees, int checkIns) {
        m_received += attendees + checkIns;
        refreshFeed();
    });
    // "2 min ago" moves on by itself.
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, &SyncDetail::changed);
    m_tick.start();
    show(m_engine->status());
}

SyncDetail *SyncDetail::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<SyncDetail>(engine);
}

void SyncDetail::show(const SyncEngine::Status &status)
{
    using Connection = SyncEngine::Connection;
    using Problem = SyncEngine::Problem;
    const qint64 now = m_clock->nowMs();
    // A cycle went through: the server in use is the one that answered. (The last sync read from
    // the store at start arrives while syncing, and says nothing about which server it was.)
    if (status.connection == Connection::Online && status.lastSyncMs > 0 &&
        status.lastSyncMs != m_status.lastSyncMs && !status.server.isEmpty()) {
        m_answered = status.server;
        m_answeredMs = status.lastSyncMs;
    }
    const bool failed = status.connection == Connection::Offline && status.problem != Problem::None &&
                        status.problem != Problem::NotEnrolled;
    const LiveText problem = status.detail.isEmpty()
                                 ? LiveText([p = status.problem] { return StatusModel::reasonText(p); })
                                 : status.detail;
    if (failed && !problem.isEmpty() &&
        (problem.toString() != m_lastProblem.toString() || status.failures != m_status.failures)) {
        m_lastProblem = problem;
        m_lastProblemMs = now;
    }
    m_status = status;
    Q_EMIT changed();
}

QVariantList SyncDetail::servers() const
{
    QStringList urls;
    for (const QUrl &url : m_engine->settings().servers)
        urls << url.toString();
    // A server not (or no longer) in the settings, yet in use or the last to answer, is listed too.
    for (const QString &url : {m_status.server, m_answered}) {
        if (!url.isEmpty() && !urls.contains(url))
            urls << url;
    }
    QVariantList list;
    for (const QString &url : std::as_const(urls))
        list << QVariantMap{{QStringLiteral("url"), url},
                            {QStringLiteral("inUse"), url == m_status.server},
                            {QStringLiteral("answeredLast"), url == m_answered}};
    return list;
}

QString SyncDetail::answeredAgo() const
{
    return m_answered.isEmpty() ? QString() : StatusModel::ago(m_clock->nowMs(), m_answeredMs);
}

QString SyncDetail::progress() const
{
    if (!running() || m_status.pulled <= 0)
        return {};
    if (m_status.pullTotal > 0)
        return tr("Receiving changes: %L1 of %L2").arg(m_status.pulled).arg(m_status.pullTotal);
    return tr("Receiving changes: %L1").arg(m_status.pulled);
}

QString SyncDetail::lastProblemAgo() const
{
    return m_lastProblemMs > 0 ? StatusModel::ago(m_clock->nowMs(), m_lastProblemMs) : QString();
}

void SyncDetail::refreshFeed()
{
    if (m_feedInFlight) {
        m_feedAgain = true;
        return;
    }
    m_feedInFlight = true;
    deliverLater(m_store->syncState(), this, [this](const SyncState &state) {
        m_feedInFlight = false;
        if (state.error.isEmpty()) {
            m_feedPosition = state.cursor;
            // After a restart the store knows the problem of the last attempt, not when it was.
            if (m_lastProblem.isEmpty() && !state.problem.isEmpty()) {
                m_lastProblem = problemOnRecord(state.problem);
                m_lastProblemMs = 0;
            }
            Q_EMIT changed();
        }
        if (std::exchange(m_feedAgain, false))
            refreshFeed();
    });
}

bool SyncDetail::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT changed();
    return QObject::event(event);
}

} // namespace checkin::ui
