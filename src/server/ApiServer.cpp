// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ApiServer.h"
#include "ServerLogging.h"

#include "Protocol.h"

#include "ServerStore.h"
#include "WallClock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFuture>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <algorithm>

namespace checkin {

namespace {

using Method = QHttpServerRequest::Method;

// The console's session cookie from a Cookie header ("a=b; checkin_session=...").
QByteArray sessionCookie(const QByteArray &header)
{
    for (const QByteArray &part : header.split(';')) {
        const QByteArray pair = part.trimmed();
        if (pair.startsWith("checkin_session="))
            return pair.mid(16);
    }
    return {};
}

const char *methodName(Method m)
{
    switch (m) {
    case Method::Get:
        return "GET";
    case Method::Post:
        return "POST";
    case Method::Delete:
        return "DELETE";
    case Method::Put:
        return "PUT";
    default:
        return "OTHER";
    }
}

} // namespace

bool ApiServer::constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

ApiServer::ApiServer(ServerStore *store, const WallClock *clock, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock)
    , m_options(options)
    , m_activity(options.deviceRequestsPerSecond, options.deviceBurst)
    , m_live(store, clock, &m_consolePool)
    , m_startedAtMs(clock->nowMs())
{
    m_pool.setMaxThreadCount(options.workerThreads);
    m_pool.setExpiryTimeout(-1); // threads keep their database connections
    // Few: each page is CPU work, and a thread more for pages is a share of the CPU less for the
    // writer and the uploads.
    m_feedPool.setMaxThreadCount(2);
    m_feedPool.setExpiryTimeout(-1);
    m_consolePool.setMaxThreadCount(2);
    m_consolePool.setExpiryTimeout(-1);
    m_flushTimer.setInterval(int(options.activityFlushMs));
    connect(&m_flushTimer, &QTimer::timeout, this, &ApiServer::flushActivity);
    m_flushTimer.start();
    m_statisticsTimer.setInterval(10'000);
    connect(&m_statisticsTimer, &QTimer::timeout, this,
            [this] { m_pool.start([this] { m_store->refreshStatistics(); }); });
    m_statisticsTimer.start();
    m_liveTimer.setInterval(int(LiveView::RefreshMs));
    connect(&m_liveTimer, &QTimer::timeout, this, [this] { m_live.refreshWatched(); });
    m_liveTimer.start();
    addRoutes();
}

ApiServer::~ApiServer()
{
    m_liveTimer.stop();
    m_consolePool.waitForDone();
    m_feedPool.waitForDone();
    m_pool.waitForDone();
    const QList<DeviceInfo> dirty = m_activity.takeDirty();
    if (!dirty.isEmpty())
        m_store->saveDeviceActivity(dirty);
}

bool ApiServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    m_port = m_http.listen(address, port);
    if (m_port == 0) {
        *error =
            QStringLiteral("Cannot listen on %1:%2 (is another server running there?). Choose another port "
                           "with --listen.")
                .arg(address.toString())
                .arg(port);
        return false;
    }
    return true;
}

ApiServer::Reply ApiServer::error(int status, const QString &code, const QString &message)
{
    return {status, Protocol::error(code, message), {}};
}

QHttpServerResponse ApiServer::toResponse(const Reply &reply)
{
    const QByteArray body = !reply.contentType.isEmpty() ? reply.raw
                            : reply.body.isArray()
                                ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
                                : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact);
    QHttpServerResponse response(reply.contentType.isEmpty() ? QByteArrayLiteral("application/json")
                                                             : reply.contentType,
                                 body, QHttpServerResponse::StatusCode(reply.status));
    addSecurityHeaders(&response);
    response.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    for (const auto &[name, value] : reply.headers)
        response.addHeader(name, value);
    return response;
}

void ApiServer::addSecurityHeaders(QHttpServerResponse *response)
{
    // The console's page loads its script, style and pictures from this server only, runs no
    // inline script and may not be framed; answers are never sniffed into another type.
    response->addHeader(QByteArrayLiteral("Content-Security-Policy"),
                        QByteArrayLiteral("default-src 'none'; script-src 'self'; style-src 'self'; "
                                          "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
                                          "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"));
    response->addHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    response->addHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    response->addHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
}

Principal ApiServer::authenticate(const Request &request, QString *error)
{
    const QByteArray &header = request.authorization;
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return sessionPrincipal(request, error);
    const QString token = QString::fromUtf8(header.mid(7).trimmed());
    if (token.isEmpty() || token.size() > 256)
        return {};
    const QByteArray hash = ServerStore::hashToken(token).toLatin1();
    if (!m_options.adminTokenHash.isEmpty() && constantTimeEqual(hash, m_options.adminTokenHash.toLatin1()))
        return {Principal::Role::Admin, {}, {}, {}};
    return m_store->deviceForToken(token, error);
}

Principal ApiServer::sessionPrincipal(const Request &request, QString *error)
{
    if (request.cookie.isEmpty() || request.cookie.size() > 256)
        return {};
    const QString hash = ServerStore::hashToken(QString::fromLatin1(request.cookie));
    const Result<AdminSession> session = m_store->session(hash);
    if (!session.ok()) {
        if (session.error.status >= 500)
            *error = session.error.message;
        return {};
    }
    return {Principal::Role::Admin, {}, {}, {}, hash, session.value};
}

void ApiServer::handle(const QHttpServerRequest &incoming, QHttpServerResponder &&responder, Access access,
                       const QString &eventId, Work work)
{
    Request request{QLatin1String(methodName(incoming.method())),
                    incoming.url().path(),
                    incoming.query(),
                    incoming.body(),
                    incoming.value(QByteArrayLiteral("Authorization")),
                    incoming.value(QByteArrayLiteral("Content-Type")),
                    incoming.value(QByteArrayLiteral("X-Kiosk-Queue")),
                    incoming.value(QByteArrayLiteral("X-Kiosk-Version")),
                    incoming.value(QByteArrayLiteral("X-Kiosk-Clock")),
                    sessionCookie(incoming.value(QByteArrayLiteral("Cookie"))),
                    incoming.value(QByteArrayLiteral("X-CSRF-Token")),
                    incoming.value(QByteArrayLiteral("Host")),
                    incoming.remoteAddress().toString()};
    // Shed load before doing anything: this answer costs microseconds. Pages of the change feed
    // are shed first: they may fill three quarters of --max-inflight, and they run on two threads
    // of their own (below), so that check-ins on their way in (a fleet delivering after an outage
    // while others already pull) are neither shed nor kept waiting. A page can be read again
    // later; a delivery frees a kiosk's queue.
    const bool feedRead = incoming.method() == QHttpServerRequest::Method::Get &&
                          request.path.endsWith(QLatin1String("/changes"));
    // A console's look at the live view answers from memory: on threads of its own, it never waits
    // behind a fleet's uploads.
    const bool liveRead =
        incoming.method() == QHttpServerRequest::Method::Get && request.path.endsWith(QLatin1String("/live"));
    const int feedReadLimit = std::max(1, m_options.maxInflight - std::max(1, m_options.maxInflight / 4));
    const bool full = m_inflight.fetchAndAddOrdered(1) >= m_options.maxInflight;
    const bool readsFull = feedRead && m_feedReads.fetchAndAddOrdered(1) >= feedReadLimit;
    if (full || readsFull) {
        m_inflight.fetchAndSubOrdered(1);
        if (feedRead)
            m_feedReads.fetchAndSubOrdered(1);
        Reply shed = error(503, QStringLiteral("overloaded"),
                           QStringLiteral("The server is busy; try again after the time in Retry-After."));
        shed.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2"));
        countShed();
        qCDebug(lcHttp).noquote() << "shed" << request.method << request.path;
        toResponse(shed).write(std::move(responder));
        return;
    }
    const qsizetype limit = request.path.endsWith(QLatin1String("/attendees")) ? Protocol::MaxUploadBytes
                                                                               : Protocol::MaxBodyBytes;
    if (request.body.size() > limit) {
        m_inflight.fetchAndSubOrdered(1);
        if (feedRead)
            m_feedReads.fetchAndSubOrdered(1);
        toResponse(
            error(
                413, QStringLiteral("body_too_large"),
                QStringLiteral("The request body is larger than %1 bytes; send smaller batches.").arg(limit)))
            .write(std::move(responder));
        return;
    }

    // The answer goes back through the event loop; a client that hung up meanwhile gets nothing.
    auto pending = std::make_shared<QHttpServerResponder>(std::move(responder));
    // Pages of the feed run on two threads of their own: however many wait, they take no more of
    // the CPU than two threads' share.
    (feedRead   ? m_feedPool
     : liveRead ? m_consolePool
                : m_pool)
        .start([this, pending, request, access, eventId, feedRead, work = std::move(work)] {
            QElapsedTimer timer;
            timer.start();
            QString authError;
            const Principal who = access == Access::Anyone ? Principal{} : authenticate(request, &authError);
            Reply reply;
            if (!authError.isEmpty()) {
                reply = error(
                    503, QStringLiteral("storage_unavailable"),
                    QStringLiteral("The server cannot check credentials right now; try again shortly."));
            } else if (access != Access::Anyone && who.role == Principal::Role::None) {
                reply =
                    error(401, QStringLiteral("unauthorized"),
                          request.cookie.isEmpty() || !request.authorization.isEmpty()
                              ? QStringLiteral("Missing, unknown or revoked token: enrol the device again "
                                               "or check the admin token.")
                              : QStringLiteral("The console session has ended; sign in again."));
            } else if ((access == Access::Admin && who.role != Principal::Role::Admin) ||
                       (access == Access::Device && who.role != Principal::Role::Device) ||
                       (who.role == Principal::Role::Device && !eventId.isEmpty() &&
                        who.eventId != eventId)) {
                reply =
                    error(403, QStringLiteral("forbidden"), QStringLiteral("This token may not do that."));
            } else if (!who.sessionHash.isEmpty() && request.method != QLatin1String("GET") &&
                       !constantTimeEqual(request.csrf, who.session.csrf.toLatin1())) {
                // A change through the console's cookie carries the session's token in a header,
                // which another site's page cannot send.
                reply =
                    error(403, QStringLiteral("csrf"),
                          QStringLiteral("The request lacks the console's X-CSRF-Token; reload the page."));
            } else if (!eventId.isEmpty() && !Protocol::isValidId(eventId, Protocol::MaxEventIdLength)) {
                // No event has such an id (they are all valid ids); and a NUL in it would fail PostgreSQL.
                reply = error(
                    404, QStringLiteral("no_such_event"),
                    QStringLiteral("There is no event %1.").arg(eventId.left(Protocol::MaxEventIdLength)));
            } else {
                int retryAfter = 0;
                bool queueOk = false;
                bool clockOk = false;
                const int queueDepth = request.queue.toInt(&queueOk);
                const qint64 clock = request.clock.toLongLong(&clockOk);
                if (who.role == Principal::Role::Device &&
                    !m_activity.admit(who.deviceId, m_clock->nowMs(),
                                      {queueOk ? queueDepth : -1, QString::fromUtf8(request.version.left(64)),
                                       clockOk ? clock : -1},
                                      &retryAfter)) {
                    reply = error(429, QStringLiteral("too_many_requests"),
                                  QStringLiteral("This device sends too often; wait for Retry-After."));
                    reply.headers << qMakePair(QByteArrayLiteral("Retry-After"),
                                               QByteArray::number(retryAfter));
                } else {
                    reply = work(who, request);
                }
            }
            qCInfo(lcHttp).noquote() << QStringLiteral("method=%1 path=%2 status=%3 ms=%4 device=%5")
                                            .arg(request.method, request.path)
                                            .arg(reply.status)
                                            .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 2)
                                            .arg(who.deviceId.isEmpty() ? QStringLiteral("-") : who.deviceId);
            QMetaObject::invokeMethod(
                this,
                [pending, reply] {
                    if (pending->socket())
                        toResponse(reply).write(std::move(*pending));
                },
                Qt::QueuedConnection);
            if (feedRead)
                m_feedReads.fetchAndSubOrdered(1);
            m_inflight.fetchAndSubOrdered(1);
        });
}

void ApiServer::countShed()
{
    const qint64 minute = m_clock->nowMs() / 60'000;
    const auto slot = std::size_t(minute % qint64(m_shedMinute.size()));
    if (m_shedMinute[slot].exchange(minute) != minute)
        m_shedCount[slot] = 0; // a minute of an hour ago
    ++m_shedCount[slot];
}

int ApiServer::shedInLastMinutes(int minutes) const
{
    const qint64 now = m_clock->nowMs() / 60'000;
    int sum = 0;
    for (qint64 minute = now - minutes + 1; minute <= now; ++minute) {
        const auto slot = std::size_t(minute % qint64(m_shedMinute.size()));
        if (m_shedMinute[slot] == minute)
            sum += m_shedCount[slot];
    }
    return sum;
}

void ApiServer::flushActivity()
{
    const QList<DeviceInfo> dirty = m_activity.takeDirty();
    if (!dirty.isEmpty())
        m_pool.start([this, dirty] { m_store->saveDeviceActivity(dirty); });
}

void ApiServer::addRoutes()
{
    // Anything else: a JSON error like every other answer, not Qt's empty 404.
    m_http.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        toResponse(
            error(404, QStringLiteral("not_found"),
                  QStringLiteral("There is no endpoint %1 %2 in protocol v1.")
                      .arg(QLatin1String(methodName(request.method())), request.url().path().left(200))))
            .write(std::move(responder));
    });
    m_http.route(QStringLiteral("/api/v1/health"), Method::Get, [this](const QHttpServerRequest &request) {
        // Not shed and not authenticated: load balancers and kiosks probe it while the server is busy.
        Q_UNUSED(request)
        QString problem;
        const bool ok = m_store->healthy(&problem);
        QJsonObject body{
            {QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("unavailable")},
            {QStringLiteral("version"), QStringLiteral(CHECKIN_VERSION)},
            {QStringLiteral("protocol"), 1}};
        if (!ok)
            body.insert(QStringLiteral("message"),
                        QStringLiteral("The database is not usable: %1").arg(problem));
        return toResponse({ok ? 200 : 503, body, {}});
    });
    m_http.route(QStringLiteral("/api/v1/events"), Method::Post,
                 [this](const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::Admin, {},
                            [this](const Principal &, const Request &req) { return createEvent(req); });
                 });
    m_http.route(QStringLiteral("/api/v1/events"), Method::Get,
                 [this](const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::Admin, {},
                            [this](const Principal &, const Request &) { return listEvents(); });
                 });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/attendees"), Method::Post,
               [this](const QString &event, const Request &req) { return uploadAttendees(event, req); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/enrolment-codes"), Method::Post,
               [this](const QString &event, const Request &req) { return createEnrolmentCode(event, req); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/devices"), Method::Get,
               [this](const QString &event, const Request &) { return listDevices(event); });
    m_http.route(QStringLiteral("/api/v1/devices"), Method::Post,
                 [this](const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::Anyone, {},
                            [this](const Principal &, const Request &req) { return enrol(req); });
                 });
    m_http.route(
        QStringLiteral("/api/v1/devices/<arg>"), Method::Delete,
        [this](const QString &device, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
            handle(r, std::move(responder), Access::Admin, {},
                   [this, device](const Principal &, const Request &) { return revoke(device); });
        });
    m_http.route(QStringLiteral("/api/v1/events/<arg>/changes"), Method::Get,
                 [this](const QString &event, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::DeviceOrAdmin, event,
                            [this, event](const Principal &who, const Request &req) {
                                return changes(who, event, req);
                            });
                 });
    m_http.route(QStringLiteral("/api/v1/events/<arg>/checkins"), Method::Post,
                 [this](const QString &event, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::Device, event,
                            [this, event](const Principal &who, const Request &req) {
                                return ingest(who, event, req);
                            });
                 });
    m_http.route(QStringLiteral("/api/v1/events/<arg>/prints"), Method::Post,
                 [this](const QString &event, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::Device, event,
                            [this, event](const Principal &who, const Request &req) {
                                return storePrints(who, event, req);
                            });
                 });
    // Check-in lists: set by the lead, read by the lead and the event's devices.
    eventRoute(QStringLiteral("/api/v1/events/<arg>/lists"), Method::Post,
               [this](const QString &event, const Request &req) { return putLists(event, req); });
    m_http.route(QStringLiteral("/api/v1/events/<arg>/lists"), Method::Get,
                 [this](const QString &event, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
                     handle(r, std::move(responder), Access::DeviceOrAdmin, event,
                            [this, event](const Principal &, const Request &) { return lists(event); });
                 });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/stats"), Method::Get,
               [this](const QString &event, const Request &) { return stats(event); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/conflicts"), Method::Get,
               [this](const QString &event, const Request &) { return conflicts(event); });
    addConsoleRoutes();
}

void ApiServer::eventRoute(const QString &path, Method method,
                           std::function<Reply(const QString &eventId, const Request &)> body)
{
    m_http.route(
        path, method,
        [this, body](const QString &event, const QHttpServerRequest &r, QHttpServerResponder &&responder) {
            handle(r, std::move(responder), Access::Admin, event,
                   [event, body](const Principal &, const Request &req) { return body(event, req); });
        });
}

} // namespace checkin
