// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceActivity.h"
#include "HttpListener.h"
#include "LiveView.h"
#include "ServerTypes.h"
#include "SignInGuard.h"

#include <QAtomicInt>
#include <QHostAddress>
#include <QJsonValue>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>

#include <array>
#include <atomic>
#include <functional>

namespace checkin {

class ServerStore;
class WallClock;

// The HTTP API v1 (docs/protocol.md) on the server's own HTTP layer (HttpListener). Requests are
// admitted (limits, load shedding, roles, per-device rate) on the event loop in microseconds;
// database work runs on a bounded pool.
class ApiServer : public QObject, private HttpHandler
{
    Q_OBJECT
public:
    struct Options
    {
        int maxInflight = 64;   // requests in flight before 503 + Retry-After
        int workerThreads = 8;  // request threads, each with a database connection
        QString adminTokenHash; // SHA-256 of the admin token
        double deviceRequestsPerSecond = 20;
        int deviceBurst = 40;
        qint64 activityFlushMs = 60'000;
        // The console's lead password (PBKDF2-SHA256 of it with this salt); empty: the admin token only.
        QByteArray leadPasswordSalt;
        QByteArray leadPasswordKey;
        qint64 sessionMs = 12 * 3600 * 1000; // a console session ends this long after sign-in
        bool tls = false;                    // HTTPS: the session cookie is Secure
        QStringList publicUrls;              // the server's URL(s) for kiosks, in enrolment payloads
        QString consoleDir;                  // serve the console's files from here, not the built-in copy
        HttpListener::Options http;          // connection limits and timeouts
        // Reverse proxies in front of this server: from these addresses the client's address is
        // the last in X-Forwarded-For, and X-Forwarded-Proto: https means the client used TLS.
        QStringList trustedProxies;
        // The certificate pin enrolment payloads carry (CertificatePin), empty: none.
        QString enrolmentPin;
    };

    ApiServer(ServerStore *store, const WallClock *clock, const Options &options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Serves on address:port (0: any free port); false with a message when the port is taken.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    // Serve HTTPS with this certificate and key (before listen()).
    void setTls(const QSslConfiguration &configuration) { m_listener.setTls(configuration); }
    // The pin put into enrolment payloads (set with the TLS certificate, before listen()).
    void setEnrolmentPin(const QString &pin) { m_options.enrolmentPin = pin; }
    const HttpListener &listener() const { return m_listener; }

    // One answer: status, JSON body, extra headers.
    struct Reply
    {
        int status = 200;
        QJsonValue body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray raw; // with contentType: this body instead of JSON (a CSV download)
        QByteArray contentType;
    };
    static Reply error(int status, const QString &code, const QString &message);
    static Reply error(const ApiError &e) { return error(e.status, e.code, e.message); }

    // What a handler needs of a request, copied off the connection (requests are not copyable).
    struct Request
    {
        QString method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray queue;    // X-Kiosk-Queue
        QByteArray version;  // X-Kiosk-Version
        QByteArray clock;    // X-Kiosk-Clock
        QByteArray cookie;   // the console's session cookie, when sent
        QByteArray csrf;     // X-CSRF-Token
        QByteArray host;     // Host
        QString peer;        // the client's address
        QByteArray target;   // as sent, still encoded (for the log)
        bool secure = false; // the client reached the server over TLS (its own or a trusted proxy's)
    };

    static constexpr int LeadPasswordIterations = 100'000; // PBKDF2-SHA256
    static bool constantTimeEqual(const QByteArray &a, const QByteArray &b);
    // Parses a JSON object body; false with the error reply when it is not one.
    static bool parseObject(const QByteArray &body, QJsonObject *object, Reply *failure);
    // An upload's items (check-ins, prints): read by `read`, or the 400 that refuses the batch.
    using BatchReader = bool (*)(const QJsonObject &, QJsonArray *, QString *);
    static bool parseBatch(const QByteArray &body, BatchReader read, QJsonArray *items, Reply *failure);
    // The idempotency key of an uploaded item: SHA-256 of the device and the item in canonical form.
    static QString idempotencyKey(const QString &deviceId, const QByteArray &canonicalItem);

    // Headers every answer carries: a strict Content-Security-Policy and friends.
    static HttpHeaders securityHeaders();
    // Bodies of requests anyone may send (enrolment, sign-in): small.
    static constexpr qsizetype AnonymousBodyBytes = 16 * 1024;
    // Larger bodies are read only once their credentials were checked.
    static constexpr qsizetype UncheckedBodyBytes = 64 * 1024;

private:
    enum class Access { Anyone, Admin, Device, DeviceOrAdmin };
    using Work = std::function<Reply(const Principal &, const Request &)>;
    // A route's work with the path's <arg> parts.
    using RouteWork = std::function<Reply(const QStringList &args, const Principal &, const Request &)>;
    struct Route
    {
        QByteArray method;
        QStringList pattern; // the path's segments; "<arg>" matches any one
        Access access = Access::Admin;
        qsizetype maxBody = 0;
        bool immediate = false; // answered on the event loop (the health probe, the console's files)
        RouteWork work;
    };

    // HttpHandler: the head (route, credentials, body limit), then the whole request.
    Admission admit(const HttpRequest &head, const HttpResponder &responder) override;
    void serve(HttpRequest &&request, const HttpResponder &responder) override;
    // The route for method and path with its arguments; nullptr and *allowed (the path's methods)
    // when there is none.
    const Route *match(const HttpRequest &request, QStringList *args, QByteArrayList *allowed) const;

    void addRoutes();
    void addConsoleRoutes(); // ApiConsole.cpp
    void route(const char *method, const QString &pattern, Access access, RouteWork work);
    // An admin route whose first argument is the event's id.
    void eventRoute(const QString &pattern, const char *method,
                    std::function<Reply(const QString &eventId, const Request &)> body);
    // Admits the request and answers through `responder` once the pool has done `work`.
    void handle(Request &&request, const HttpResponder &responder, Access access, const QString &eventId,
                Work work);
    Principal authenticate(const Request &request, QString *error);
    Principal sessionPrincipal(const Request &request, QString *error);
    static HttpResponse toResponse(const Reply &reply);
    void flushActivity();

    // Endpoint bodies (ApiHandlers.cpp), run on the pool.
    Reply createEvent(const Request &request);
    Reply listEvents();
    Reply uploadAttendees(const QString &eventId, const Request &request);
    Reply createEnrolmentCode(const QString &eventId, const Request &request);
    Reply enrol(const Request &request);
    Reply revoke(const QString &deviceId);
    Reply listDevices(const QString &eventId);
    Reply changes(const Principal &who, const QString &eventId, const Request &request);
    Reply ingest(const Principal &who, const QString &eventId, const Request &request);
    Reply storePrints(const Principal &who, const QString &eventId, const Request &request);
    Reply lists(const QString &eventId);
    Reply putLists(const QString &eventId, const Request &request);
    Reply storeLists(const QString &eventId, const QList<CheckInList> &lists);
    Reply stats(const QString &eventId);
    Reply conflicts(const QString &eventId);

    // The console (ApiConsole.cpp, ApiConsoleHandlers.cpp).
    Reply staticFile(const QString &name) const;
    bool secretMatches(const QString &secret) const;
    Reply signIn(const Request &request);
    Reply sessionInfo(const Principal &who);
    Reply signOut(const Principal &who);
    Reply serverHealth();
    Reply live(const QString &eventId);
    Reply findAttendees(const QString &eventId, const Request &request);
    Reply attendeeHistory(const QString &eventId, const QString &attendeeId);
    Reply saveReview(const QString &eventId, const QString &checkInId, const Request &request);
    Reply exportAttendees(const QString &eventId);
    Reply exportCheckIns(const QString &eventId);
    QStringList serverUrls(const Request &request) const;
    void countShed();
    int shedInLastMinutes(int minutes) const;
    ServerStore *m_store;
    const WallClock *m_clock;
    Options m_options;
    QList<Route> m_routes;
    QThreadPool m_pool;
    // Pages of the change feed: two threads of their own, so that a fleet pulling the feed takes
    // no more than their share of the CPU from the SQLite writer and the uploads.
    QThreadPool m_feedPool;
    // The live view: looks and the refresh of its counts, beside (never behind) the uploads.
    QThreadPool m_consolePool;
    QAtomicInt m_inflight;
    QAtomicInt m_feedReads; // of those, pages of the change feed (at most 3/4 of maxInflight)
    DeviceActivity m_activity;
    SignInGuard m_signIn;
    SignInGuard m_enrolGuard;
    LiveView m_live;
    HttpListener m_listener;
    struct LiveAnswer
    {
        qint64 madeAtMs = 0;
        QByteArray body;
    };
    QMutex m_liveAnswersMutex;
    QHash<QString, LiveAnswer> m_liveAnswers; // the live view's last answer per event
    qint64 m_startedAtMs = 0;
    // Requests shed per minute of the last hour: (minute, count) in a ring.
    std::array<std::atomic<qint64>, 60> m_shedMinute{};
    std::array<std::atomic<int>, 60> m_shedCount{};
    QTimer m_flushTimer;
    QTimer m_statisticsTimer;
    QTimer m_liveTimer; // the live view's counts of watched events, read again
    quint16 m_port = 0;
};

} // namespace checkin
