// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"
#include "SyncEngine.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
class PeerService;
class WallClock;
} // namespace checkin

namespace checkin::ui {

// What the status bar shows, always: online / offline (why, in words) / syncing, check-ins not yet
// delivered, how long ago the last sync went through, and how many of the event are checked in.
class StatusModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Connection connection READ connection NOTIFY syncChanged)
    // Why it is offline, in a few words of the current language: "server unreachable".
    Q_PROPERTY(QString reason READ reason NOTIFY syncChanged)
    // Never enrolled: the kiosk works on its own list (not a fault).
    Q_PROPERTY(bool standalone READ standalone NOTIFY syncChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY syncChanged)
    Q_PROPERTY(int undelivered READ undelivered NOTIFY syncChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY lastSyncChanged)
    Q_PROPERTY(QString server READ server NOTIFY syncChanged)
    Q_PROPERTY(int failures READ failures NOTIFY syncChanged)
    Q_PROPERTY(QString nextAttempt READ nextAttempt NOTIFY lastSyncChanged)
    Q_PROPERTY(int checkedIn READ checkedIn NOTIFY statsChanged)
    Q_PROPERTY(int total READ total NOTIFY statsChanged)
    Q_PROPERTY(QString eventName READ eventName NOTIFY statsChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY statsChanged)
    // The check-in list this kiosk checks people in on, when the event has more than one.
    Q_PROPERTY(QString listName READ listName NOTIFY statsChanged)
    // The other doors (docs/peers.md): whether this door talks to them, with how many it is
    // connected now, the doors heard (name, address, connected, heard: "40 s ago", holds, problem),
    // and how many of this door's check-ins at least one other door holds.
    Q_PROPERTY(bool peersOn READ peersOn NOTIFY peersChanged)
    Q_PROPERTY(QString peersProblem READ peersProblem NOTIFY peersChanged)
    Q_PROPERTY(int peerPort READ peerPort NOTIFY peersChanged)
    Q_PROPERTY(int peersConnected READ peersConnected NOTIFY peersChanged)
    Q_PROPERTY(QVariantList peers READ peers NOTIFY peersChanged)
    Q_PROPERTY(int ownCheckIns READ ownCheckIns NOTIFY peersChanged)
    Q_PROPERTY(int replicated READ replicated NOTIFY peersChanged)
    // Of the check-ins waiting for the server, those another door holds too (they are the oldest:
    // both go in order).
    Q_PROPERTY(int waitingAlsoElsewhere READ waitingAlsoElsewhere NOTIFY peersChanged)
public:
    // The link to the server as the screens compare it (StatusModel.Online in QML).
    enum class Connection { Offline, Syncing, Online };
    Q_ENUM(Connection)

    StatusModel(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent = nullptr);
    static StatusModel *create(QQmlEngine *engine, QJSEngine *);

    Connection connection() const;
    QString reason() const { return reasonText(m_sync.problem); }
    bool standalone() const { return m_sync.problem == SyncEngine::Problem::NotEnrolled; }
    QString detail() const { return m_sync.detail.toString(); }
    int undelivered() const;
    QString lastSync() const;
    QString server() const { return m_sync.server; }
    int failures() const { return m_sync.failures; }
    // While offline, when it tries again: "in 12 s"; empty otherwise.
    QString nextAttempt() const;
    int checkedIn() const { return m_stats.inside; }
    int total() const { return m_stats.attendees - m_stats.cancelled; }
    QString eventName() const { return m_stats.event.name; }
    QString deviceName() const { return m_stats.deviceName; }
    QString listName() const { return m_stats.lists > 1 ? m_stats.listName : QString(); }

    void setPeers(PeerService *peers);
    bool peersOn() const { return m_peers != nullptr; }
    QString peersProblem() const;
    int peerPort() const;
    int peersConnected() const;
    QVariantList peers() const;
    int ownCheckIns() const;
    int replicated() const;
    int waitingAlsoElsewhere() const;
    // Reads the counts again (coalesced: one request at a time, one more if asked meanwhile).
    Q_INVOKABLE void refreshStats();
    // Shows a made-up sync state (the self-test's status bars).
    void showSync(const SyncEngine::Status &status);

    // "just now", "40 s ago", "5 min ago", "2 h 10 min ago", "never" (in the current language).
    static QString ago(qint64 nowMs, qint64 thenMs);
    // "now", "in 12 s", "in 3 min": how long until `thenMs`.
    static QString until(qint64 nowMs, qint64 thenMs);
    // The problem in a few words: "server unreachable"; empty for none.
    static QString reasonText(SyncEngine::Problem problem);

Q_SIGNALS:
    void syncChanged();
    void lastSyncChanged();
    void statsChanged();
    void peersChanged();

protected:
    // On QEvent::LanguageChange: every text again.
    bool event(QEvent *event) override;

private:
    LocalStore *m_store;
    SyncEngine *m_engine;
    PeerService *m_peers = nullptr;
    const WallClock *m_clock;
    SyncEngine::Status m_sync;
    StoreStats m_stats;
    bool m_statsInFlight = false;
    bool m_statsAgain = false;
    QTimer m_tick;
};

} // namespace checkin::ui
