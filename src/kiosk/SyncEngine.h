// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"
#include "ServerClient.h"
#include "SyncSettings.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace checkin {

class LocalStore;
class SyncScheduler;
struct Outbox;
struct FeedPage;

// Keeps a kiosk and its server in step (docs/sync.md; gentle with a recovering cluster):
// pushes undelivered check-ins oldest first in batches with the same ids on every retry, pulls the
// change feed page by page from the saved cursor (each page one transaction), and while the server
// is unreachable backs off with full jitter, honours Retry-After and rotates across the configured
// URLs. Lives on the thread that creates it (the UI thread); it never waits there: the network is
// asynchronous and the store works on its own thread.
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class Connection { Offline, Online, Syncing };
    Q_ENUM(Connection)
    // Why the kiosk is offline.
    enum class Problem {
        None,
        NotEnrolled,
        Unreachable,
        Timeout,
        Overloaded,
        Revoked,
        Refused,
        Storage,
        ServerError
    };
    Q_ENUM(Problem)

    struct Options
    {
        int pushBatch = 500;       // check-ins a request (the server takes up to 1000)
        int pageSize = 5000;       // changes a page of the feed (the server gives up to 5000)
        qint64 pushDelayMs = 1000; // a new check-in is pushed within this, coalesced
        qint64 pullIntervalMs = 15'000;
        qint64 backoffBaseMs = 1000;
        qint64 backoffCapMs = 60'000;
        int requestTimeoutMs = 15'000; // no byte for this long: the request has failed
        QString version;               // sent as X-Kiosk-Version
    };

    struct Status
    {
        Connection connection = Connection::Offline;
        Problem problem = Problem::NotEnrolled;
        QString reason;        // the problem in English words (logs, checkinctl): "server unreachable"; the
                               // screens say `problem` in their language (StatusModel::reasonText)
        LiveText detail;       // the whole sentence, for the sync detail screen (in the language of the
                               // moment it is read)
        bool stopped = false;  // revoked: no more requests until enrolled again
        int undelivered = 0;   // check-ins not yet acknowledged by the server
        qint64 lastSyncMs = 0; // the last cycle that went through; 0 when never
        qint64 nextAttemptMs = 0; // while offline: when it tries again
        int failures = 0;         // consecutive failed attempts
        QString server;           // the URL in use
        // The current pull: changes applied and (when the server said) how many in all.
        qint64 pulled = 0;
        qint64 pullTotal = -1;
        double pullRate = 0; // changes per second
        // Tallies of the server's answers to this engine's uploads.
        int accepted = 0;
        int duplicates = 0;
        int conflicts = 0;
        int rejected = 0;
    };

    // What one run of runOnce() did.
    struct Outcome
    {
        QString error; // empty when it went through
        int pushed = 0;
        qint64 pulled = 0;
        bool ok() const { return error.isEmpty(); }
    };

    SyncEngine(LocalStore *store, SyncScheduler *scheduler, const Options &options,
               QObject *parent = nullptr);
    ~SyncEngine() override;

    // Loads the settings from the store's data directory; false (with the reason in status())
    // when the device is not enrolled or they cannot be read.
    bool load();

    // Enrols this device with a one-time code: tries the URLs in order until one answers, adopts
    // the server's event and device id in the store, and keeps the token (owner-only file). An
    // empty string on success, else a sentence for a person.
    QFuture<QString> enrol(const QList<QUrl> &servers, const QString &code, const QString &deviceName);

    // Keeps in sync from now on: a cycle at once, a push within pushDelayMs of each new check-in,
    // a pull every pullIntervalMs while online, a health probe at each retry while offline.
    void start();
    void stop();
    // A cycle now, without waiting for the backoff (a person pressed "sync now", or the network
    // came back); a Retry-After from the server still counts.
    void syncNow();
    // One cycle now: push everything undelivered, then pull until the feed has no more. Resolves
    // when it ended, either way (no retries: that is start()'s job).
    QFuture<Outcome> runOnce();

    Status status() const { return m_status; }
    // "online", "syncing" or "offline": for JSON, logs and QML.
    static QString connectionName(Connection connection);
    const SyncSettings &settings() const { return m_settings; }
    // The problem in English words, as status().reason and the store keep it.
    static QString reasonFor(Problem problem);
    // A request or store operation is under way (tests advance the clock only when it is not).
    bool busy() const;

public Q_SLOTS:
    // A check-in was recorded on this device.
    void checkInRecorded();

Q_SIGNALS:
    void statusChanged();
    // Pull progress: changes applied, the total when known (else -1), changes per second.
    void progress(qint64 done, qint64 total, double perSecond);
    // A page of changes was applied: search results and counts may have changed.
    void changesApplied(int attendees, int checkIns);

private:
    void beginCycle(bool probeFirst);
    void push();
    void pushBatch(QFuture<Outbox> next);
    void pushed(const Outbox &batch, const QByteArray &body, const std::optional<QFuture<Outbox>> &following);
    void afterPush();
    void pull(bool first);
    void pageArrived(const FeedPage &page, int retryAfter);
    void pageApplied(int attendees, int checkIns, bool last);
    void cycleDone();
    // Ends the cycle under way, if one is (true then): its answers still on their way are dropped.
    bool endCycle();
    void fail(Problem problem, const LiveText &detail, int retryAfterS);
    void failFromReply(int status, const QString &errorCode, const LiveText &error, int retryAfterS);
    // True for an answer of the cycle `cycle` that went through; an answer of an ended cycle is
    // dropped, and a failed one fails the cycle.
    bool usable(quint64 cycle, const ServerClient::Reply &reply);
    // Stores how the cycle went, then answers whoever waits for it (runOnce()).
    void recordOutcome(qint64 lastSyncMs, const QString &problem, const QString &error);
    void finishWaiters(const QString &error);
    static void answer(const QList<std::shared_ptr<QPromise<Outcome>>> &waiters, const Outcome &outcome);
    void wakeAt(qint64 atMs);
    void onWake();
    void setConnection(Connection c);
    void refreshUndelivered();
    void useServer(int index);
    QString eventPath(const QString &rest) const;

    LocalStore *m_store;
    SyncScheduler *m_scheduler;
    Options m_options;
    QNetworkAccessManager *m_network;
    std::unique_ptr<ServerClient> m_client;
    SyncSettings m_settings;
    QString m_eventId;
    int m_serverIndex = 0;
    int m_serversTried = 0; // URLs that failed to connect since the last answer
    int m_overloads = 0;    // "overloaded" answers in a row

    Status m_status;
    bool m_started = false;
    bool m_running = false;      // a cycle is under way
    bool m_again = false;        // something asked for a cycle while one ran
    bool m_recovering = false;   // this cycle follows failed ones
    bool m_pullDeferred = false; // it delivered, and leaves the pull to a cycle soon after
    quint64 m_cycle = 0;         // generation: answers of an ended cycle are ignored
    int m_timer = 0;
    qint64 m_timerDueMs = -1;
    qint64 m_notBeforeMs = 0; // no request before this (the server's Retry-After)
    int m_inFlight = 0;
    int m_pushedThisCycle = 0;
    QString m_cursor;   // the last cursor asked for in this cycle
    int m_applying = 0; // pages handed to the store and not yet applied
    qint64 m_pullStartMs = 0;
    qint64 m_pulledThisCycle = 0;
    QList<std::shared_ptr<QPromise<Outcome>>> m_waiters;
};

} // namespace checkin
