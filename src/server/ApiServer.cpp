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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>

#include <algorithm>

namespace checkin {

namespace {

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

const QString NoCredentials = QStringLiteral("Missing or unknown token: enrol the device again or check "
                                             "the admin token.");

// Why `who` (authenticated from `request`) cannot go on, or nothing when it can: the credentials
// could not be checked (503), or they name nobody (401; a console session that ended says so).
std::optional<ApiServer::Reply> credentialFailure(const ApiServer::Request &request, const Principal &who,
                                                  const QString &authError)
{
    if (!authError.isEmpty())
        return ApiServer::error(
            503, QStringLiteral("storage_unavailable"),
            QStringLiteral("The server cannot check credentials right now; try again shortly."));
    if (who.revoked)
        return ApiServer::error(401, QStringLiteral("device_revoked"),
                                QStringLiteral("The event lead revoked this device: it no longer syncs, and "
                                               "deletes its personal data once nothing would be lost."));
    if (who.role == Principal::Role::None)
        return ApiServer::error(401, QStringLiteral("unauthorized"),
                                request.cookie.isEmpty() || !request.authorization.isEmpty()
                                    ? NoCredentials
                                    : QStringLiteral("The console session has ended; sign in again."));
    return std::nullopt;
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
    , m_listener(this,
                 [&options] {
                     HttpListener::Options http = options.http;
                     http.defaultHeaders = securityHeaders() + http.defaultHeaders;
                     return http;
                 }())
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
    QString reason;
    m_port = m_listener.listen(address, port, &reason);
    if (m_port == 0) {
        *error =
            QStringLiteral("Cannot listen on %1:%2 (%3; is another server running there?). Choose another "
                           "port with --listen.")
                .arg(address.toString())
                .arg(port)
                .arg(reason);
        return false;
    }
    return true;
}

ApiServer::Reply ApiServer::error(int status, const QString &code, const QString &message)
{
    return {status, Protocol::error(code, message), {}};
}

HttpResponse ApiServer::toResponse(const Reply &reply)
{
    HttpResponse response;
    response.status = reply.status;
    response.contentType =
        reply.contentType.isEmpty() ? QByteArrayLiteral("application/json") : reply.contentType;
    response.body = !reply.contentType.isEmpty() ? reply.raw
                    : reply.body.isArray()
                        ? QJsonDocument(reply.body.toArray()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(reply.body.toObject()).toJson(QJsonDocument::Compact);
    const bool cacheSet = std::any_of(reply.headers.begin(), reply.headers.end(),
                                      [](const auto &header) { return header.first == "Cache-Control"; });
    if (!cacheSet)
        response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    response.headers += reply.headers;
    return response;
}

HttpHeaders ApiServer::securityHeaders()
{
    // The console's page loads its script, style and pictures from this server only, runs no
    // inline script and may not be framed; answers are never sniffed into another type.
    return {{QByteArrayLiteral("Content-Security-Policy"),
             QByteArrayLiteral("default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")},
            {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")},
            {QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY")},
            {QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")}};
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

const ApiServer::Route *ApiServer::match(const HttpRequest &request, QStringList *args,
                                         QByteArrayList *allowed) const
{
    const QByteArray method = request.method == "HEAD" ? QByteArrayLiteral("GET") : request.method;
    for (const Route &route : m_routes) {
        if (route.pattern.size() != request.segments.size())
            continue;
        QStringList found;
        bool same = true;
        for (qsizetype i = 0; same && i < route.pattern.size(); ++i) {
            if (route.pattern[i] == QLatin1String("<arg>")) {
                same = !request.segments[i].isEmpty();
                found << request.segments[i];
            } else {
                same = route.pattern[i] == request.segments[i];
            }
        }
        if (!same)
            continue;
        if (route.method == method) {
            *args = found;
            return &route;
        }
        if (allowed && !allowed->contains(route.method))
            *allowed << route.method;
    }
    return nullptr;
}

HttpHandler::Admission ApiServer::admit(const HttpRequest &head, const HttpResponder &responder)
{
    QStringList args;
    QByteArrayList allowed;
    const Route *route = match(head, &args, &allowed);
    if (route == nullptr && allowed.isEmpty()) {
        return {toResponse(error(404, QStringLiteral("not_found"),
                                 QStringLiteral("There is no endpoint %1 %2 in protocol v1.")
                                     .arg(QString::fromLatin1(head.method), loggable(head.rawPath, 200)))),
                0};
    }
    if (route == nullptr) {
        if (allowed.contains("GET"))
            allowed << "HEAD";
        Reply reply =
            error(405, QStringLiteral("method_not_allowed"),
                  QStringLiteral("%1 is not allowed here; this endpoint answers %2.")
                      .arg(QString::fromLatin1(head.method), QString::fromLatin1(allowed.join(", "))));
        reply.headers << qMakePair(QByteArrayLiteral("Allow"), allowed.join(", "));
        return {toResponse(reply), 0};
    }
    // No credentials at all: refused before a byte of the body is read.
    const QByteArray authorization = head.header("authorization");
    const bool bearer = authorization.startsWith("Bearer ") || authorization.startsWith("bearer ");
    if (route->access != Access::Anyone && !bearer && sessionCookie(head.header("cookie")).isEmpty()) {
        return {toResponse(error(401, QStringLiteral("unauthorized"), NoCredentials)), 0};
    }
    if (route->access == Access::Anyone || head.contentLength <= UncheckedBodyBytes)
        return {std::nullopt, route->maxBody};
    // A large body is read only for someone the server knows: the credentials are checked first,
    // on the pool (a database look-up), and whatever else is wrong is found again when serving.
    Request credentials;
    credentials.authorization = authorization;
    credentials.cookie = sessionCookie(head.header("cookie"));
    credentials.peer = head.peer;
    const qsizetype maxBody = route->maxBody;
    m_pool.start([this, credentials, responder, maxBody] {
        QString authError;
        const Principal who = authenticate(credentials, &authError);
        if (const std::optional<Reply> failure = credentialFailure(credentials, who, authError))
            responder.send(toResponse(*failure));
        else
            responder.proceed(maxBody);
    });
    return {std::nullopt, 0, true};
}

void ApiServer::serve(HttpRequest &&incoming, const HttpResponder &responder)
{
    QStringList args;
    const Route *route = match(incoming, &args, nullptr);
    if (route == nullptr) { // admit() answered those
        responder.send(
            toResponse(error(404, QStringLiteral("not_found"), QStringLiteral("No such endpoint."))));
        return;
    }
    Request request{incoming.method == "HEAD" ? QStringLiteral("GET") : QString::fromLatin1(incoming.method),
                    incoming.path(),
                    QUrlQuery(QString::fromUtf8(incoming.rawQuery)),
                    std::move(incoming.body),
                    incoming.header("authorization"),
                    incoming.header("content-type"),
                    incoming.header("x-kiosk-queue"),
                    incoming.header("x-kiosk-version"),
                    incoming.header("x-kiosk-clock"),
                    sessionCookie(incoming.header("cookie")),
                    incoming.header("x-csrf-token"),
                    incoming.header("host"),
                    incoming.peer,
                    incoming.target};
    request.secure = m_options.tls;
    if (m_options.trustedProxies.contains(request.peer)) {
        // The proxy appends the address it saw: the last entry is the one it vouches for.
        const QByteArray forwarded = incoming.header("x-forwarded-for").split(',').last().trimmed();
        const QHostAddress client(QString::fromLatin1(forwarded));
        if (!client.isNull())
            request.peer = client.toString();
        request.secure = incoming.header("x-forwarded-proto").trimmed().toLower() == "https";
    }
    if (route->immediate) {
        responder.send(toResponse(route->work(args, {}, request)));
        return;
    }
    // Routes under /api/v1/events/<event> are the event's: a device may use only its own.
    const QString eventId = route->pattern.size() > 3 && route->pattern[2] == QLatin1String("events") &&
                                    route->pattern[3] == QLatin1String("<arg>")
                                ? args.value(0)
                                : QString();
    handle(std::move(request), responder, route->access, eventId,
           [work = route->work, args](const Principal &who, const Request &req) {
               return work(args, who, req);
           });
}

void ApiServer::handle(Request &&request, const HttpResponder &responder, Access access,
                       const QString &eventId, Work work)
{
    // Shed load before doing anything: this answer costs microseconds. Pages of the change feed
    // are shed first: they may fill three quarters of --max-inflight, and they run on two threads
    // of their own (below), so that check-ins on their way in (a fleet delivering after an outage
    // while others already pull) are neither shed nor kept waiting. A page can be read again
    // later; a delivery frees a kiosk's queue.
    const bool feedRead =
        request.method == QLatin1String("GET") && request.path.endsWith(QLatin1String("/changes"));
    // A console's look at the live view answers from memory: on threads of its own, it never waits
    // behind a fleet's uploads.
    const bool liveRead =
        request.method == QLatin1String("GET") && request.path.endsWith(QLatin1String("/live"));
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
        qCDebug(lcHttp).noquote() << "shed" << request.method << loggable(request.target);
        responder.send(toResponse(shed));
        return;
    }
    // Pages of the feed run on two threads of their own: however many wait, they take no more of
    // the CPU than two threads' share.
    (feedRead   ? m_feedPool
     : liveRead ? m_consolePool
                : m_pool)
        .start([this, responder, request = std::move(request), access, eventId, feedRead,
                work = std::move(work)] {
            QElapsedTimer timer;
            timer.start();
            QString authError;
            const Principal who = access == Access::Anyone ? Principal{} : authenticate(request, &authError);
            Reply reply;
            const std::optional<Reply> failure =
                access == Access::Anyone ? std::nullopt : credentialFailure(request, who, authError);
            if (failure) {
                reply = *failure;
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
            // The path as sent (encoded, control bytes escaped): a request cannot write a line of its own.
            // All parts in one arg(): a "%1" in the path is not taken for a place of the next part.
            qCInfo(lcHttp).noquote() << QStringLiteral("method=%1 path=%2 status=%3 ms=%4 device=%5")
                                            .arg(request.method,
                                                 loggable(request.target.split('?').constFirst()),
                                                 QString::number(reply.status),
                                                 QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2),
                                                 who.deviceId.isEmpty() ? QStringLiteral("-") : who.deviceId);
            // Back through the event loop; a client that hung up meanwhile gets nothing.
            responder.send(toResponse(reply));
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

void ApiServer::route(const char *method, const QString &pattern, Access access, RouteWork work)
{
    Route r;
    r.method = method;
    r.pattern = pattern.mid(1).split(QLatin1Char('/'));
    r.access = access;
    // Anyone's requests are small (enrolment, sign-in); a list of attendees is the one large body.
    r.maxBody = access == Access::Anyone ? AnonymousBodyBytes
                : r.method == "POST" && pattern.endsWith(QLatin1String("/attendees"))
                    ? Protocol::MaxUploadBytes
                    : Protocol::MaxBodyBytes;
    r.work = std::move(work);
    m_routes << r;
}

void ApiServer::addRoutes()
{
    // Not shed and not authenticated: load balancers and kiosks probe it while the server is busy.
    route("GET", QStringLiteral("/api/v1/health"), Access::Anyone,
          [this](const QStringList &, const Principal &, const Request &) {
              QString problem;
              const bool ok = m_store->healthy(&problem);
              QJsonObject body{
                  {QStringLiteral("status"), ok ? QStringLiteral("ok") : QStringLiteral("unavailable")},
                  {QStringLiteral("version"), QStringLiteral(CHECKIN_VERSION)},
                  {QStringLiteral("protocol"), 1}};
              if (!ok)
                  body.insert(QStringLiteral("message"),
                              QStringLiteral("The database is not usable: %1").arg(problem));
              return Reply{ok ? 200 : 503, body, {}};
          });
    m_routes.last().immediate = true;
    route("POST", QStringLiteral("/api/v1/events"), Access::Admin,
          [this](const QStringList &, const Principal &, const Request &req) { return createEvent(req); });
    route("GET", QStringLiteral("/api/v1/events"), Access::Admin,
          [this](const QStringList &, const Principal &, const Request &) { return listEvents(); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/attendees"), "POST",
               [this](const QString &event, const Request &req) { return uploadAttendees(event, req); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/enrolment-codes"), "POST",
               [this](const QString &event, const Request &req) { return createEnrolmentCode(event, req); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/devices"), "GET",
               [this](const QString &event, const Request &) { return listDevices(event); });
    route("POST", QStringLiteral("/api/v1/devices"), Access::Anyone,
          [this](const QStringList &, const Principal &, const Request &req) { return enrol(req); });
    route("DELETE", QStringLiteral("/api/v1/devices/<arg>"), Access::Admin,
          [this](const QStringList &args, const Principal &, const Request &) { return revoke(args[0]); });
    route("GET", QStringLiteral("/api/v1/events/<arg>/changes"), Access::DeviceOrAdmin,
          [this](const QStringList &args, const Principal &who, const Request &req) {
              return changes(who, args[0], req);
          });
    route("POST", QStringLiteral("/api/v1/events/<arg>/checkins"), Access::Device,
          [this](const QStringList &args, const Principal &who, const Request &req) {
              return ingest(who, args[0], req);
          });
    route("POST", QStringLiteral("/api/v1/events/<arg>/prints"), Access::Device,
          [this](const QStringList &args, const Principal &who, const Request &req) {
              return storePrints(who, args[0], req);
          });
    // Check-in lists: set by the lead, read by the lead and the event's devices.
    eventRoute(QStringLiteral("/api/v1/events/<arg>/lists"), "POST",
               [this](const QString &event, const Request &req) { return putLists(event, req); });
    route("GET", QStringLiteral("/api/v1/events/<arg>/lists"), Access::DeviceOrAdmin,
          [this](const QStringList &args, const Principal &, const Request &) { return lists(args[0]); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/stats"), "GET",
               [this](const QString &event, const Request &) { return stats(event); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/conflicts"), "GET",
               [this](const QString &event, const Request &) { return conflicts(event); });
    addConsoleRoutes();
}

void ApiServer::eventRoute(const QString &pattern, const char *method,
                           std::function<Reply(const QString &eventId, const Request &)> body)
{
    route(method, pattern, Access::Admin,
          [body](const QStringList &args, const Principal &, const Request &req) {
              return body(args[0], req);
          });
}

} // namespace checkin
