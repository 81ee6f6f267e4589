// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SyncEngine.h"

#include <QObject>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
class WallClock;
} // namespace checkin

namespace checkin::ui {

// The admin area's sync detail, beyond what the status bar shows: every server URL and which one
// answered last, whether a sync runs now and how far the pull is, the last problem in words (also
// after it was solved), and the position reached in the server's change feed.
class SyncDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{url, inUse, answeredLast}], the configured URLs in their order.
    Q_PROPERTY(QVariantList servers READ servers NOTIFY changed)
    // How long ago a sync last went through with the server that answered last; empty before one
    // went through since the app started.
    Q_PROPERTY(QString answeredAgo READ answeredAgo NOTIFY changed)
    Q_PROPERTY(bool running READ running NOTIFY changed)
    // While a sync runs: "Receiving changes: 1,200 of 5,000"; empty otherwise.
    Q_PROPERTY(QString progress READ progress NOTIFY changed)
    // The last problem, also after it was solved; empty when there was none.
    Q_PROPERTY(QString lastProblem READ lastProblem NOTIFY changed)
    Q_PROPERTY(QString lastProblemAgo READ lastProblemAgo NOTIFY changed)
    // The change feed's cursor this kiosk has applied (opaque, for support); empty before the first
    // change arrived.
    Q_PROPERTY(QString feedPosition READ feedPosition NOTIFY changed)
    // Changes (people and check-ins) received from the server: since the app started, and whether
    // any ever arrived (the cursor is not empty). A double for QML, which has no 64-bit integer.
    Q_PROPERTY(double received READ received NOTIFY changed)
    Q_PROPERTY(bool receivedEver READ receivedEver NOTIFY changed)
public:
    SyncDetail(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent = nullptr);
    static SyncDetail *create(QQmlEngine *engine, QJSEngine *);

    QVariantList servers() const;
    QString answeredAgo() const;
    bool running() const { return m_status.connection == SyncEngine::Connection::Syncing; }
    QString progress() const;
    QString lastProblem() const { return m_lastProblem.toString(); }
    QString lastProblemAgo() const;
    QString feedPosition() const { return m_feedPosition; }
    double received() const { return double(m_received); }
    bool receivedEver() const { return !m_feedPosition.isEmpty() || m_received > 0; }
    QString answered() const { return m_answered; }

    // Takes a state of the sync engine (the engine's own as it changes; made-up ones in tests).
    void show(const SyncEngine::Status &status);
    // Reads the feed position (and the problem on record after a restart) from the store again.
    Q_INVOKABLE void refreshFeed();

Q_SIGNALS:
    void changed();

protected:
    // On QEvent::LanguageChange: the last problem again, in the new language.
    bool event(QEvent *event) override;

private:
    LocalStore *m_store;
    SyncEngine *m_engine;
    const WallClock *m_clock;
    SyncEngine::Status m_status;
    QString m_answered;
    qint64 m_answeredMs = 0;
    LiveText m_lastProblem;
    qint64 m_lastProblemMs = 0; // 0: known from the store, time unknown
    QString m_feedPosition;
    qint64 m_received = 0;
    bool m_feedInFlight = false;
    bool m_feedAgain = false;
    QTimer m_tick;
};

} // namespace checkin::ui
