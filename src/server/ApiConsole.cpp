// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ApiServer: the event lead's console. Its page (HTML, CSS, JavaScript built into the binary),
// signing in and out with a session cookie, and the server's health.
#include "ApiServer.h"
#include "ServerLogging.h"

#include "ServerStore.h"
#include "WallClock.h"

#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRegularExpression>

namespace checkin {

namespace {

QByteArray contentType(const QString &name)
{
    static const QHash<QString, QByteArray> types{
        {QStringLiteral("html"), QByteArrayLiteral("text/html; charset=utf-8")},
        {QStringLiteral("js"), QByteArrayLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral("css"), QByteArrayLiteral("text/css; charset=utf-8")},
        {QStringLiteral("svg"), QByteArrayLiteral("image/svg+xml")},
        {QStringLiteral("png"), QByteArrayLiteral("image/png")},
        {QStringLiteral("json"), QByteArrayLiteral("application/json")},
        {QStringLiteral("txt"), QByteArrayLiteral("text/plain; charset=utf-8")},
    };
    return types.value(name.section(QLatin1Char('.'), -1), QByteArrayLiteral("application/octet-stream"));
}

QByteArray cookie(const QByteArray &value, qint64 maxAgeS, bool secure)
{
    return QByteArrayLiteral("checkin_session=") + value +
           "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + QByteArray::number(maxAgeS) +
           (secure ? "; Secure" : "");
}

} // namespace

void ApiServer::addConsoleRoutes()
{
    route("GET", QStringLiteral("/"), Access::Anyone,
          [this](const QStringList &, const Principal &, const Request &) {
              return staticFile(QStringLiteral("index.html"));
          });
    m_routes.last().immediate = true;
    route(
        "GET", QStringLiteral("/console/<arg>"), Access::Anyone,
        [this](const QStringList &args, const Principal &, const Request &) { return staticFile(args[0]); });
    m_routes.last().immediate = true;
    auto simple = [this](const char *method, const QString &path, Access access,
                         std::function<Reply(const Principal &, const Request &)> work) {
        route(method, path, access, [work](const QStringList &, const Principal &who, const Request &req) {
            return work(who, req);
        });
    };
    simple("POST", QStringLiteral("/api/v1/session"), Access::Anyone,
           [this](const Principal &, const Request &req) { return signIn(req); });
    simple("GET", QStringLiteral("/api/v1/session"), Access::Admin,
           [this](const Principal &who, const Request &) { return sessionInfo(who); });
    simple("DELETE", QStringLiteral("/api/v1/session"), Access::Admin,
           [this](const Principal &who, const Request &) { return signOut(who); });
    simple("GET", QStringLiteral("/api/v1/server"), Access::Admin,
           [this](const Principal &, const Request &) { return serverHealth(); });

    eventRoute(QStringLiteral("/api/v1/events/<arg>/live"), "GET",
               [this](const QString &event, const Request &) { return live(event); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/attendees"), "GET",
               [this](const QString &event, const Request &req) { return findAttendees(event, req); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/export/attendees.csv"), "GET",
               [this](const QString &event, const Request &) { return exportAttendees(event); });
    eventRoute(QStringLiteral("/api/v1/events/<arg>/export/checkins.csv"), "GET",
               [this](const QString &event, const Request &) { return exportCheckIns(event); });
    route("GET", QStringLiteral("/api/v1/events/<arg>/attendees/<arg>"), Access::Admin,
          [this](const QStringList &args, const Principal &, const Request &) {
              return attendeeHistory(args[0], args[1]);
          });
    route("PUT", QStringLiteral("/api/v1/events/<arg>/reviews/<arg>"), Access::Admin,
          [this](const QStringList &args, const Principal &, const Request &req) {
              return saveReview(args[0], args[1], req);
          });
}

ApiServer::Reply ApiServer::staticFile(const QString &name) const
{
    static const QRegularExpression safeName(QStringLiteral("^[A-Za-z0-9_-][A-Za-z0-9._-]*$"));
    QByteArray body;
    bool found = false;
    if (safeName.match(name).hasMatch()) {
        QFile file(m_options.consoleDir.isEmpty() ? QStringLiteral(":/console/") + name
                                                  : QDir(m_options.consoleDir).filePath(name));
        found = file.open(QIODevice::ReadOnly);
        body = file.readAll();
    }
    if (!found)
        return error(404, QStringLiteral("not_found"),
                     QStringLiteral("The console has no file %1.").arg(name.left(100)));
    Reply reply;
    reply.raw = body;
    reply.contentType = contentType(name);
    // Always asked again (cheap): after an upgrade the page and its script never mismatch.
    reply.headers << qMakePair(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache"));
    return reply;
}

ApiServer::Reply ApiServer::signIn(const Request &request)
{
    const qint64 now = m_clock->nowMs();
    if (const int wait = m_signIn.waitSeconds(request.peer, now); wait > 0) {
        Reply r =
            error(429, QStringLiteral("too_many_attempts"),
                  QStringLiteral("Too many wrong attempts from this address; try again in %1 s.").arg(wait));
        r.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArray::number(wait));
        return r;
    }
    QJsonObject json;
    Reply failure;
    if (!parseObject(request.body, &json, &failure))
        return failure;
    const QString secret = json.value(QStringLiteral("secret")).toString();
    if (secret.isEmpty() || secret.size() > 256 || !secretMatches(secret)) {
        m_signIn.failed(request.peer, now);
        qCWarning(lcHttp).noquote() << "console sign-in refused from" << request.peer;
        return error(401, QStringLiteral("wrong_secret"),
                     QStringLiteral("That is not the admin token or the lead password."));
    }
    m_signIn.succeeded(request.peer);
    const QString cookieValue = ServerStore::newToken();
    const AdminSession session{ServerStore::newToken(), now + m_options.sessionMs};
    const Result<bool> saved =
        m_store->createSession(ServerStore::hashToken(cookieValue), session, request.peer);
    if (!saved.ok())
        return error(saved.error);
    qCInfo(lcHttp).noquote() << "console signed in from" << request.peer;
    Reply reply{201,
                QJsonObject{{QStringLiteral("csrf_token"), session.csrf},
                            {QStringLiteral("expires_at"), Protocol::isoTime(session.expiresAtMs)}},
                {}};
    reply.headers << qMakePair(QByteArrayLiteral("Set-Cookie"),
                               cookie(cookieValue.toLatin1(), m_options.sessionMs / 1000, request.secure));
    return reply;
}

ApiServer::Reply ApiServer::sessionInfo(const Principal &who)
{
    if (who.sessionHash.isEmpty())
        return {200, QJsonObject{{QStringLiteral("session"), false}}, {}};
    return {200,
            QJsonObject{{QStringLiteral("session"), true},
                        {QStringLiteral("csrf_token"), who.session.csrf},
                        {QStringLiteral("expires_at"), Protocol::isoTime(who.session.expiresAtMs)}},
            {}};
}

ApiServer::Reply ApiServer::signOut(const Principal &who)
{
    if (!who.sessionHash.isEmpty()) {
        const Result<bool> done = m_store->deleteSession(who.sessionHash);
        if (!done.ok())
            return error(done.error);
    }
    Reply reply{200, QJsonObject{{QStringLiteral("signed_out"), true}}, {}};
    reply.headers << qMakePair(QByteArrayLiteral("Set-Cookie"), cookie({}, 0, m_options.tls));
    return reply;
}

ApiServer::Reply ApiServer::serverHealth()
{
    QString problem;
    const bool reachable = m_store->healthy(&problem);
    QJsonObject database{{QStringLiteral("kind"),
                          m_store->isPostgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
                         {QStringLiteral("reachable"), reachable}};
    if (!reachable)
        database.insert(QStringLiteral("message"), problem);
    return {200,
            QJsonObject{
                {QStringLiteral("version"), QStringLiteral(CHECKIN_VERSION)},
                {QStringLiteral("protocol"), 1},
                {QStringLiteral("database"), database},
                {QStringLiteral("schema"), m_store->schemaVersion()},
                {QStringLiteral("started_at"), Protocol::isoTime(m_startedAtMs)},
                {QStringLiteral("max_inflight"), m_options.maxInflight},
                {QStringLiteral("inflight"), m_inflight.loadRelaxed()},
                {QStringLiteral("shed"), QJsonObject{{QStringLiteral("last_5_minutes"), shedInLastMinutes(5)},
                                                     {QStringLiteral("last_hour"), shedInLastMinutes(60)}}}},
            {}};
}

bool ApiServer::secretMatches(const QString &secret) const
{
    const QByteArray hash = ServerStore::hashToken(secret).toLatin1();
    bool match =
        !m_options.adminTokenHash.isEmpty() && constantTimeEqual(hash, m_options.adminTokenHash.toLatin1());
    if (!m_options.leadPasswordKey.isEmpty()) {
        const QByteArray key = QPasswordDigestor::deriveKeyPbkdf2(
            QCryptographicHash::Sha256, secret.toUtf8(), m_options.leadPasswordSalt, LeadPasswordIterations,
            quint64(m_options.leadPasswordKey.size()));
        match = constantTimeEqual(key, m_options.leadPasswordKey) || match;
    }
    return match;
}

} // namespace checkin
