// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"
#include "ServerClient.h"
#include "SyncSchedule.h"
#include "SyncSettings.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace checkin {

class FeedPull;
class LocalStore;
class OutboxDelivery;
class SyncScheduler;

// Keeps a kiosk and its server in step (docs/sync.md; gentle with a recovering cluster). A cycle
// reads where the store stands, asks a recovering server a cheap question first, delivers the
// outbox (OutboxDelivery), then pulls the change feed (FeedPull); when it fails, SyncSchedule says
// when and where to try again (backoff with full jitter, Retry-After, rotation across the URLs).
// This class runs the cycles, keeps the status, and enrols. Lives on the thread that creates it
// (the UI thread); it never waits there: the network is asynchronous and the store works on its
// own thread.
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
        // Makes the network access the engine talks through (the seam for tests, which answer
        // requests without a server); empty: a plain QNetworkAccessManager.
        std::function<QNetworkAccessManager *(QObject *parent)> network;
    };

    struct Status
    {
        Connection connection = Connection::Offline;
        Problem problem = Problem::NotEnrolled;
        QString reason;       // the problem in English words (logs, checkinctl): "server unreachable"; the
                              // screens say `problem` in their language (StatusModel::reasonText)
        LiveText detail;      // the whole sentence, for the sync detail screen (in the language of the
                              // moment it is read)
        bool stopped = false; // revoked: no more requests until enrolled again
        // The server said the event lead revoked this device (401 device_revoked, not just an
        // unknown token): its personal data goes once nothing would be lost (AdminController).
        bool revokedByLead = false;
        int undelivered = 0;      // check-ins not yet acknowledged by the server
        qint64 lastSyncMs = 0;    // the last cycle that went through; 0 when never
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
    // With a pin (CertificatePin), the servers' certificate must have that key, and it is kept for
    // every later request.
    QFuture<QString> enrol(const QList<QUrl> &servers, const QString &code, const QString &deviceName,
                           const QString &pin = {});

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
    // What the engine waits for, in English words, for logs and benchmarks: "delivery: uploading a
    // batch", "next cycle in 12.0 s", ...
    QString activity() const;

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
    void deliver();
    void delivered();
    void pull();
    void cycleDone();
    // Ends the cycle under way, if one is (true then): its parts are dropped with whatever they
    // still wait for.
    bool endCycle();
    void dropParts();
    // The failures of a cycle's parts and answers.
    template<typename Part> void watchFailures(Part *part);
    void fail(Problem problem, const LiveText &detail, int retryAfterS);
    void failFromReply(const ServerClient::Reply &reply);
    // Stores how the cycle went, then answers whoever waits for it (runOnce()).
    void recordOutcome(qint64 lastSyncMs, const QString &problem, const QString &error);
    void finishWaiters(const QString &error);
    static void answer(const QList<std::shared_ptr<QPromise<Outcome>>> &waiters, const Outcome &outcome);
    void wakeAt(qint64 atMs);
    void cancelWake();
    void onWake();
    void setConnection(Connection c);
    void refreshUndelivered();
    void useServer(int index);
    void setUndelivered(int undelivered);
    QString eventPath(const QString &rest) const;

    LocalStore *m_store;
    SyncScheduler *m_scheduler;
    Options m_options;
    QNetworkAccessManager *m_network;
    std::unique_ptr<ServerClient> m_client;
    SyncSettings m_settings;
    SyncSchedule m_schedule;
    int m_serverIndex = 0; // the URL m_client talks to
    QString m_eventId;

    Status m_status;
    bool m_started = false;
    bool m_running = false;      // a cycle is under way
    bool m_again = false;        // something asked for a cycle while one ran
    bool m_recovering = false;   // this cycle follows failed ones
    bool m_pullDeferred = false; // it delivered, and leaves the pull to a cycle soon after
    quint64 m_cycle = 0;         // generation: the engine's own answers of an ended cycle are ignored
    int m_timer = 0;
    qint64 m_timerDueMs = -1;
    int m_inFlight = 0;          // the engine's own requests and store operations
    const char *m_step = "idle"; // what the engine itself last started waiting for
    QString m_cursor;            // where the store's copy of the feed stands, at the start of the cycle
    // The cycle's parts: one delivery of the outbox, then one pull of the feed.
    OutboxDelivery *m_delivery = nullptr;
    FeedPull *m_pull = nullptr;
    int m_pushedThisCycle = 0;
    qint64 m_pulledThisCycle = 0;
    QList<std::shared_ptr<QPromise<Outcome>>> m_waiters;
};

} // namespace checkin
