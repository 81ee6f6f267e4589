// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The event lead's console against the real checkin-server: its page and headers, signing in with a
// session cookie (flags, CSRF, brute force, sign-out), and the admin API it adds (live view, search,
// history, CSV preview, reviews, exports, enrolment payload). On SQLite and, with
// CHECKIN_TEST_ENGINE=postgres, on the throwaway cluster.
#include "EnrolmentPayload.h"
#include "ServerDatabases.h"
#include "ServerProcess.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;
using checkin::test::ServerProcess;

namespace {

const QString kAdminToken = u"tst-console-admin-token-0123456789"_s;
const QByteArray kCsp = "default-src 'none'; script-src 'self'";

struct Answer
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json()["error"_L1].toObject()["code"_L1].toString(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

// Evaluates `answer` once (it is often the request itself).
#define EXPECT_STATUS(answer, expected)                                                                      \
    do {                                                                                                     \
        const Answer answered = (answer);                                                                    \
        QVERIFY2(answered.status == (expected),                                                              \
                 qPrintable(u"HTTP %1 (expected %2): %3"_s.arg(answered.status)                              \
                                .arg(expected)                                                               \
                                .arg(QString::fromUtf8(answered.body.left(400)))));                          \
    } while (false)

// HTTP as a browser page would send it, with cookies and headers under the test's control.
class Http
{
public:
    void setBase(const QUrl &base) { m_base = base; }
    Answer send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setTransferTimeout(20'000);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            a.headers.insert(name.toLower(), value);
        a.body = reply->readAll();
        reply->deleteLater();
        return a;
    }
    Answer admin(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                 const QByteArray &contentType = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Authorization"_ba, "Bearer " + kAdminToken.toUtf8()}};
        if (!contentType.isEmpty())
            headers << qMakePair("Content-Type"_ba, contentType);
        return send(verb, path, body, headers);
    }

private:
    QNetworkAccessManager m_network;
    QUrl m_base;
};

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject entry(const QString &attendeeId, qint64 atMs, const QString &note = {})
{
    QJsonObject o{{"id"_L1, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                  {"attendee_id"_L1, attendeeId},
                  {"kind"_L1, u"entry"_s},
                  {"at"_L1, iso(atMs)},
                  {"hlc"_L1, QString(QString::number(atMs) + u".0"_s)}};
    if (!note.isEmpty())
        o.insert("note"_L1, note);
    return o;
}

// The session cookie's value from a Set-Cookie header.
QByteArray cookieValue(const QByteArray &setCookie)
{
    return setCookie.split(';').first().trimmed().mid(int(qstrlen("checkin_session=")));
}

} // namespace

class TestConsoleApi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    checkin::test::ServerDatabases m_databases;
    ServerProcess m_server;
    Http m_http;
    QString m_dbSpec;

    QString startServer(ServerProcess *server, const QString &tag, const QStringList &extra)
    {
        QString error;
        const QString spec = m_databases.create(tag, m_dir.filePath(tag), &error);
        if (spec.isEmpty())
            return error;
        if (tag == "main"_L1)
            m_dbSpec = spec;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_LOGGING_RULES"_s);
        return server->start(QStringLiteral(CHECKIN_SERVER_PATH),
                             QStringList{u"--db"_s, spec, u"--data-dir"_s, m_dir.filePath(tag),
                                         u"--device-rate"_s, u"10000"_s} +
                                 extra,
                             {.adminToken = kAdminToken, .logDir = m_dir.filePath(tag), .environment = env});
    }

    // Signs in; the cookie and the CSRF token.
    void signIn(QByteArray *cookie, QByteArray *csrf)
    {
        const Answer a = m_http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, kAdminToken}}));
        EXPECT_STATUS(a, 201);
        *cookie = "checkin_session=" + cookieValue(a.header("set-cookie"));
        *csrf = a.json()["csrf_token"_L1].toString().toLatin1();
        QVERIFY(!csrf->isEmpty());
    }

    void createEvent(const QString &id)
    {
        const Answer a = m_http.admin("POST", u"/api/v1/events"_s, json({{"id"_L1, id}, {"name"_L1, id}}));
        EXPECT_STATUS(a, 201);
    }

    // Enrols a device for the event; its bearer token.
    QByteArray enrol(const QString &eventId, const QString &name)
    {
        const Answer code = m_http.admin("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(eventId));
        if (code.status != 201)
            return {};
        const Answer device =
            m_http.send("POST", u"/api/v1/devices"_s,
                        json({{"code"_L1, code.json()["code"_L1].toString()}, {"name"_L1, name}}));
        return device.json()["token"_L1].toString().toLatin1();
    }

    Answer deliver(const QString &eventId, const QByteArray &token, const QList<QJsonObject> &items)
    {
        QJsonArray list;
        for (const QJsonObject &o : items)
            list.append(o);
        return m_http.send("POST", u"/api/v1/events/%1/checkins"_s.arg(eventId),
                           json({{"checkins"_L1, list}}),
                           {{"Authorization"_ba, "Bearer " + token}, {"X-Kiosk-Queue"_ba, "0"_ba}});
    }

    QString attendeeId(const QString &eventId, const QString &query)
    {
        const Answer a = m_http.admin("GET", u"/api/v1/events/%1/attendees?q=%2"_s.arg(eventId, query));
        return a.json()["attendees"_L1].toArray().first().toObject()["id"_L1].toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
        const QString error = m_databases.init();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString started = startServer(&m_server, u"main"_s, {});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_http.setBase(m_server.url());
    }

    void pageIsServedWithAStrictPolicy()
    {
        const Answer page = m_http.send("GET", u"/"_s);
        EXPECT_STATUS(page, 200);
        QVERIFY(page.header("content-type").startsWith("text/html"));
        QVERIFY(page.body.contains("<script type=\"module\" src=\"/console/"));
        QVERIFY2(!page.body.contains("<script>") && !page.body.contains(" onclick=") &&
                     !page.body.contains(" style="),
                 "the page has inline script or style");
        for (const QString &path : {u"/"_s, u"/console/app.js"_s, u"/api/v1/health"_s, u"/api/v1/events"_s,
                                    u"/no/such/thing"_s, u"/console/..%2Fmain.cpp"_s}) {
            const Answer a = m_http.send("GET", path);
            QVERIFY2(a.header("content-security-policy").startsWith(kCsp), qPrintable(path));
            QCOMPARE(a.header("x-content-type-options"), "nosniff"_ba);
            QCOMPARE(a.header("x-frame-options"), "DENY"_ba);
        }
        QCOMPARE(m_http.send("GET", u"/console/app.js"_s).header("content-type"),
                 "text/javascript; charset=utf-8"_ba);
        EXPECT_STATUS(m_http.send("GET", u"/console/..%2FApiServer.cpp"_s), 404);
    }

    void nothingAnswersWithoutASession()
    {
        createEvent(u"closed"_s);
        const QStringList paths{u"/api/v1/events"_s,
                                u"/api/v1/server"_s,
                                u"/api/v1/session"_s,
                                u"/api/v1/events/closed/live"_s,
                                u"/api/v1/events/closed/attendees?q=a"_s,
                                u"/api/v1/events/closed/attendees/x"_s,
                                u"/api/v1/events/closed/devices"_s,
                                u"/api/v1/events/closed/conflicts"_s,
                                u"/api/v1/events/closed/export/attendees.csv"_s,
                                u"/api/v1/events/closed/export/checkins.csv"_s};
        for (const QString &path : paths) {
            EXPECT_STATUS(m_http.send("GET", path), 401);
            EXPECT_STATUS(m_http.send("GET", path, {}, {{"Cookie"_ba, "checkin_session=forged"_ba}}), 401);
        }
        EXPECT_STATUS(m_http.send("PUT", u"/api/v1/events/closed/reviews/x"_s, "{}"), 401);
        EXPECT_STATUS(m_http.send("POST", u"/api/v1/events"_s, json({{"name"_L1, u"x"_s}})), 401);
    }

    void signInSetsAStrictCookie()
    {
        const Answer wrong = m_http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, u"nope"_s}}));
        EXPECT_STATUS(wrong, 401);
        QCOMPARE(wrong.errorCode(), u"wrong_secret"_s);
        QVERIFY(wrong.header("set-cookie").isEmpty());

        const Answer ok = m_http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, kAdminToken}}));
        EXPECT_STATUS(ok, 201);
        const QList<QByteArray> parts = ok.header("set-cookie").split(';');
        QList<QByteArray> flags;
        for (const QByteArray &p : parts)
            flags << p.trimmed();
        QVERIFY2(flags.contains("HttpOnly"), ok.header("set-cookie").constData());
        QVERIFY(flags.contains("SameSite=Strict"));
        QVERIFY(flags.contains("Path=/"));
        QVERIFY(flags.contains("Max-Age=43200")); // it expires
        QVERIFY(!flags.contains("Secure"));       // plain HTTP here; HTTPS adds it
        QCOMPARE(cookieValue(ok.header("set-cookie")).size(), 64);
        const QString csrf = ok.json()["csrf_token"_L1].toString();
        QCOMPARE(csrf.size(), 64);

        const QByteArray cookie = "checkin_session=" + cookieValue(ok.header("set-cookie"));
        const Answer session = m_http.send("GET", u"/api/v1/session"_s, {}, {{"Cookie"_ba, cookie}});
        EXPECT_STATUS(session, 200);
        QCOMPARE(session.json()["csrf_token"_L1].toString(), csrf);
        EXPECT_STATUS(m_http.send("GET", u"/api/v1/events"_s, {}, {{"Cookie"_ba, cookie}}), 200);
    }

    void changesWithoutTheCsrfTokenAreRefused()
    {
        QByteArray cookie, csrf;
        signIn(&cookie, &csrf);
        const QByteArray body = json({{"id"_L1, u"csrf-test"_s}, {"name"_L1, u"CSRF"_s}});
        Answer a = m_http.send("POST", u"/api/v1/events"_s, body, {{"Cookie"_ba, cookie}});
        EXPECT_STATUS(a, 403);
        QCOMPARE(a.errorCode(), u"csrf"_s);
        QByteArray forged = csrf;
        forged[0] = forged[0] == '0' ? '1' : '0';
        a = m_http.send("POST", u"/api/v1/events"_s, body,
                        {{"Cookie"_ba, cookie}, {"X-CSRF-Token"_ba, forged}});
        EXPECT_STATUS(a, 403);
        // Nothing was created.
        QVERIFY(!m_http.admin("GET", u"/api/v1/events"_s).body.contains("csrf-test"));
        a = m_http.send("POST", u"/api/v1/events"_s, body,
                        {{"Cookie"_ba, cookie}, {"X-CSRF-Token"_ba, csrf}});
        EXPECT_STATUS(a, 201);
        // Signing out is a change too.
        EXPECT_STATUS(m_http.send("DELETE", u"/api/v1/session"_s, {}, {{"Cookie"_ba, cookie}}), 403);
    }

    void signOutEndsTheSession()
    {
        QByteArray cookie, csrf;
        signIn(&cookie, &csrf);
        EXPECT_STATUS(m_http.send("GET", u"/api/v1/events"_s, {}, {{"Cookie"_ba, cookie}}), 200);
        const Answer out = m_http.send("DELETE", u"/api/v1/session"_s, {},
                                       {{"Cookie"_ba, cookie}, {"X-CSRF-Token"_ba, csrf}});
        EXPECT_STATUS(out, 200);
        QVERIFY(out.header("set-cookie").contains("Max-Age=0"));
        const Answer after = m_http.send("GET", u"/api/v1/events"_s, {}, {{"Cookie"_ba, cookie}});
        EXPECT_STATUS(after, 401);
        QVERIFY(after.json()["error"_L1].toObject()["message"_L1].toString().contains("sign in again"_L1));
    }

    void guessingTheSecretIsSlowedDown()
    {
        // Its own server: the lock-out is per address, and every test here comes from 127.0.0.1.
        ServerProcess server;
        const QString started = startServer(&server, u"guess"_s, {});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        Http http;
        http.setBase(server.url());
        const QByteArray wrong = json({{"secret"_L1, u"guess"_s}});
        for (int i = 0; i < 6; ++i)
            EXPECT_STATUS(http.send("POST", u"/api/v1/session"_s, wrong), 401);
        const Answer locked = http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, kAdminToken}}));
        EXPECT_STATUS(locked, 429); // even the right secret waits: nothing is checked while locked
        QCOMPARE(locked.errorCode(), u"too_many_attempts"_s);
        QVERIFY(locked.header("retry-after").toInt() >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, kAdminToken}})).status == 201, 5000);
    }

    void leadPasswordSignsIn()
    {
        const QString file = m_dir.filePath(u"lead-password"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("correct horse battery\n");
        f.close();
        ServerProcess server;
        const QString started = startServer(&server, u"lead"_s, {u"--lead-password-file"_s, file});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        Http http;
        http.setBase(server.url());
        EXPECT_STATUS(
            http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, u"correct horse battery"_s}})), 201);
        EXPECT_STATUS(http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, u"correct horse"_s}})),
                      401);
        EXPECT_STATUS(http.send("POST", u"/api/v1/session"_s, json({{"secret"_L1, kAdminToken}})), 201);

        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("short\n");
        f.close();
        ServerProcess refused;
        const QString why = startServer(&refused, u"leadshort"_s, {u"--lead-password-file"_s, file});
        QVERIFY2(why.contains("too short"_L1), qPrintable(why));
    }

    void csvPreviewWritesNothing()
    {
        createEvent(u"csv"_s);
        const QByteArray good =
            "Vorname;Nachname;Firma;Ticket-Code\r\nAnna;M\xc3\xbcller;Acme;T-1\r\nBen;Ott;;T-2\r\n";
        Answer a = m_http.admin("POST", u"/api/v1/events/csv/attendees?dry_run=1"_s, good, "text/csv");
        EXPECT_STATUS(a, 200);
        QVERIFY(a.json()["dry_run"_L1].toBool());
        QCOMPARE(a.json()["inserted"_L1].toInt(), 2);
        QCOMPARE(a.json()["rows"_L1].toInt(), 2);
        QCOMPARE(a.json()["delimiter"_L1].toString(), u";"_s);
        const QJsonArray columns = a.json()["columns"_L1].toArray();
        QVERIFY(columns.contains(QJsonObject{{"field"_L1, u"first_name"_s}, {"header"_L1, u"Vorname"_s}}));
        QVERIFY(
            columns.contains(QJsonObject{{"field"_L1, u"ticket_code"_s}, {"header"_L1, u"Ticket-Code"_s}}));
        const QJsonObject first = a.json()["preview"_L1].toArray().first().toObject();
        QCOMPARE(first["row"_L1].toInt(), 2);
        QCOMPARE(first["last_name"_L1].toString(), u"Müller"_s);
        QCOMPARE(m_http.admin("GET", u"/api/v1/events/csv/attendees"_s).json()["total"_L1].toInt(), 0);

        const QByteArray bad = "Vorname;Nachname;Ticket-Code\r\nAnna;M;T-1\r\nBen;Ott;T-1\r\n";
        a = m_http.admin("POST", u"/api/v1/events/csv/attendees?dry_run=1"_s, bad, "text/csv");
        EXPECT_STATUS(a, 422);
        const QJsonObject error = a.json()["errors"_L1].toArray().first().toObject();
        QCOMPARE(error["row"_L1].toInt(), 3);
        QVERIFY(!a.json()["columns"_L1].toArray().isEmpty());

        a = m_http.admin("POST", u"/api/v1/events/csv/attendees"_s, good, "text/csv");
        EXPECT_STATUS(a, 200);
        QCOMPARE(a.json()["inserted"_L1].toInt(), 2);
        a = m_http.admin("POST", u"/api/v1/events/csv/attendees?dry_run=1"_s, good, "text/csv");
        QCOMPARE(a.json()["unchanged"_L1].toInt(), 2);
        QCOMPARE(a.json()["inserted"_L1].toInt(), 0);
    }

    void searchFindsWordStartsAndCodes()
    {
        createEvent(u"search"_s);
        const QByteArray csv = "first_name,last_name,company,email,ticket_code\r\n"
                               "Anna,M\xc3\xbcller,Acme GmbH,anna@example.org,CODE-1\r\n"
                               "Jean-Luc,O'Brien,Zeta,jl@example.org,CODE-2\r\n"
                               "Ben,Ott,,ben@example.org,CODE-3\r\n";
        EXPECT_STATUS(m_http.admin("POST", u"/api/v1/events/search/attendees"_s, csv, "text/csv"), 200);
        auto names = [this](const QString &q) {
            const Answer a = m_http.admin("GET", u"/api/v1/events/search/attendees?q="_s +
                                                     QString::fromLatin1(QUrl::toPercentEncoding(q)));
            QStringList out;
            for (const QJsonValue &v : a.json()["attendees"_L1].toArray())
                out << v["last_name"_L1].toString();
            return out;
        };
        QCOMPARE(names(u"mul"_s), QStringList{u"Müller"_s});
        QCOMPARE(names(u"mue"_s), QStringList{u"Müller"_s});
        QCOMPARE(names(u"anna acme"_s), QStringList{u"Müller"_s});
        QCOMPARE(names(u"luc"_s), QStringList{u"O'Brien"_s});
        QCOMPARE(names(u"obrien"_s), QStringList{u"O'Brien"_s});
        QCOMPARE(names(u"CODE-3"_s), QStringList{u"Ott"_s});
        QCOMPARE(names(u"%"_s), QStringList());
        QCOMPARE(names(u"ller"_s), QStringList()); // word starts only
        QCOMPARE(names(QString()), (QStringList{u"Müller"_s, u"O'Brien"_s, u"Ott"_s}));
        const Answer page = m_http.admin("GET", u"/api/v1/events/search/attendees?limit=1&offset=1"_s);
        QCOMPARE(page.json()["total"_L1].toInt(), 3);
        QCOMPARE(page.json()["attendees"_L1].toArray().size(), 1);
        EXPECT_STATUS(m_http.admin("GET", u"/api/v1/events/search/attendees?limit=0"_s), 400);
    }

    void liveViewCountsDoorsAndWritesNothing()
    {
        createEvent(u"live"_s);
        const QByteArray csv =
            "first_name,last_name,ticket_code\r\nAnn,Lee,L-1\r\nBo,Ng,L-2\r\nCy,Ro,L-3\r\n";
        EXPECT_STATUS(m_http.admin("POST", u"/api/v1/events/live/attendees"_s, csv, "text/csv"), 200);
        const QByteArray door1 = enrol(u"live"_s, u"Door 1"_s);
        const QByteArray door2 = enrol(u"live"_s, u"Door 2"_s);
        QVERIFY(!door1.isEmpty() && !door2.isEmpty());
        const QString ann = attendeeId(u"live"_s, u"ann"_s);
        const QString bo = attendeeId(u"live"_s, u"bo"_s);
        const qint64 t = QDateTime::currentMSecsSinceEpoch() - 60'000;

        Answer live = m_http.admin("GET", u"/api/v1/events/live/live"_s);
        EXPECT_STATUS(live, 200);
        QCOMPARE(live.json()["totals"_L1]["entries"_L1].toInt(), 0);
        QCOMPARE(live.json()["doors"_L1].toArray().size(), 2);

        EXPECT_STATUS(deliver(u"live"_s, door1, {entry(ann, t), entry(bo, t + 1000)}), 200);
        EXPECT_STATUS(deliver(u"live"_s, door2, {entry(ann, t + 5000)}), 200); // a duplicate at door 2
        // After the live view's next refresh (about a second; the bound here is generous: a busy
        // machine is slow, not wrong).
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http.admin("GET", u"/api/v1/events/live/live"_s).json()["totals"_L1]["entries"_L1].toInt(), 2,
            15000);
        live = m_http.admin("GET", u"/api/v1/events/live/live"_s);
        const QJsonObject totals = live.json()["totals"_L1].toObject();
        QCOMPARE(totals["inside"_L1].toInt(), 2);
        QCOMPARE(totals["duplicates"_L1].toInt(), 1);
        QCOMPARE(totals["attendees"_L1].toInt(), 3);
        QHash<QString, QJsonObject> doors;
        for (const QJsonValue &d : live.json()["doors"_L1].toArray())
            doors.insert(d["name"_L1].toString(), d.toObject());
        QCOMPARE(doors[u"Door 1"_s]["entries"_L1].toInt(), 2);
        QCOMPARE(doors[u"Door 2"_s]["entries"_L1].toInt(), 0);
        QCOMPARE(doors[u"Door 2"_s]["duplicates"_L1].toInt(), 1);
        QVERIFY(doors[u"Door 1"_s]["online"_L1].toBool());
        int arrivals = 0;
        for (const QJsonValue &b : live.json()["arrivals"_L1]["buckets"_L1].toArray())
            arrivals += b["count"_L1].toInt();
        QCOMPARE(arrivals, 2);
        QCOMPARE(live.json()["arrivals"_L1]["bucket_minutes"_L1].toInt(), 5);
        QVERIFY(live.json()["alerts"_L1].toArray().isEmpty());

        // Looking writes nothing (SQLite: the database and its log stay as they are).
        if (!m_databases.postgres()) {
            const QString path = m_dbSpec.mid(int(qstrlen("sqlite:")));
            auto files = [&] {
                QStringList out;
                for (const QString &f : QStringList{path, path + u"-wal"_s}) {
                    const QFileInfo info(f);
                    out << u"%1:%2:%3"_s.arg(f).arg(info.size()).arg(info.lastModified().toMSecsSinceEpoch());
                }
                return out;
            };
            QTest::qWait(1500); // a refresh of the counts that the deliveries asked for is done
            const QStringList before = files();
            for (int i = 0; i < 30; ++i) {
                EXPECT_STATUS(m_http.admin("GET", u"/api/v1/events/live/live"_s), 200);
                QTest::qWait(50);
            }
            QCOMPARE(files(), before);
        }
    }

    void reviewsAreStoredAndExported()
    {
        createEvent(u"rev"_s);
        const QByteArray csv = "first_name,last_name,ticket_code\r\nAnn,Lee,R-1\r\n";
        EXPECT_STATUS(m_http.admin("POST", u"/api/v1/events/rev/attendees"_s, csv, "text/csv"), 200);
        const QByteArray door1 = enrol(u"rev"_s, u"Door 1"_s);
        const QByteArray door2 = enrol(u"rev"_s, u"=Door 2"_s);
        const QString ann = attendeeId(u"rev"_s, u"ann"_s);
        const qint64 t = QDateTime::currentMSecsSinceEpoch() - 60'000;
        const QJsonObject first = entry(ann, t);
        const QJsonObject again = entry(ann, t + 3000, u"\t=HYPERLINK(\"x\")"_s);
        EXPECT_STATUS(deliver(u"rev"_s, door1, {first}), 200);
        EXPECT_STATUS(deliver(u"rev"_s, door2, {again}), 200);

        Answer a = m_http.admin("GET", u"/api/v1/events/rev/conflicts"_s);
        QJsonObject item = a.json()["conflicts"_L1].toArray().first().toObject();
        QCOMPARE(item["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(item["first_device"_L1].toString(), u"Door 1"_s);
        QCOMPARE(item["first_at"_L1].toString(), iso(t));
        QVERIFY(!item.contains("review"_L1));

        const QString id = again["id"_L1].toString();
        a = m_http.admin("PUT", u"/api/v1/events/rev/reviews/%1"_s.arg(id),
                         json({{"note"_L1, u"Talked to her; fine."_s}}), "application/json");
        EXPECT_STATUS(a, 200);
        EXPECT_STATUS(m_http.admin("PUT", u"/api/v1/events/rev/reviews/nope"_s, "{}", "application/json"),
                      404);
        a = m_http.admin("GET", u"/api/v1/events/rev/conflicts"_s);
        item = a.json()["conflicts"_L1].toArray().first().toObject();
        QCOMPARE(item["review"_L1]["note"_L1].toString(), u"Talked to her; fine."_s);

        const Answer history = m_http.admin("GET", u"/api/v1/events/rev/attendees/%1"_s.arg(ann));
        EXPECT_STATUS(history, 200);
        const QJsonArray checkIns = history.json()["checkins"_L1].toArray();
        QCOMPARE(checkIns.size(), 2);
        QCOMPARE(checkIns[0]["device_name"_L1].toString(), u"Door 1"_s);
        QCOMPARE(checkIns[1]["device_name"_L1].toString(), u"=Door 2"_s);
        QCOMPARE(checkIns[1]["review"_L1]["note"_L1].toString(), u"Talked to her; fine."_s);
        QVERIFY(history.json()["attendee"_L1]["inside"_L1].toBool());
        EXPECT_STATUS(m_http.admin("GET", u"/api/v1/events/rev/attendees/nobody"_s), 404);

        const Answer log = m_http.admin("GET", u"/api/v1/events/rev/export/checkins.csv"_s);
        EXPECT_STATUS(log, 200);
        QVERIFY(log.header("content-type").startsWith("text/csv"));
        QVERIFY(log.header("content-disposition").contains("rev-checkins.csv"));
        QVERIFY2(log.body.contains("Talked to her; fine."), log.body.constData());
        QVERIFY(log.body.contains(",'=Door 2,")); // formulas neutralised
        QVERIFY(log.body.contains("\"'\t=HYPERLINK(\"\"x\"\")\""));
        const Answer people = m_http.admin("GET", u"/api/v1/events/rev/export/attendees.csv"_s);
        EXPECT_STATUS(people, 200);
        QVERIFY2(people.body.contains(",Ann,Lee,,,,valid,no,yes,1,"), people.body.constData());
    }

    void enrolmentCodeCarriesAPayloadAndAQrCode()
    {
        createEvent(u"qr"_s);
        const Answer a = m_http.admin("POST", u"/api/v1/events/qr/enrolment-codes"_s);
        EXPECT_STATUS(a, 201);
        checkin::EnrolmentPayload payload;
        QString error;
        QVERIFY2(checkin::EnrolmentPayload::parse(a.json()["payload"_L1].toString(), &payload, &error),
                 qPrintable(error));
        QCOMPARE(payload.code, a.json()["code"_L1].toString());
        QCOMPARE(payload.eventId, u"qr"_s);
        QCOMPARE(payload.servers, QStringList{m_server.url().toString()});
        const QJsonObject qr = a.json()["qr"_L1].toObject();
        QVERIFY(qr["size"_L1].toInt() >= 21);
        QCOMPARE(qr["modules"_L1].toArray().size(), qr["size"_L1].toInt());
        // The payload enrols a device as the code does.
        const Answer device = m_http.send("POST", u"/api/v1/devices"_s,
                                          json({{"code"_L1, payload.code}, {"name"_L1, u"QR"_s}}));
        EXPECT_STATUS(device, 201);
    }

    void serverHealthAtAGlance()
    {
        const Answer a = m_http.admin("GET", u"/api/v1/server"_s);
        EXPECT_STATUS(a, 200);
        const QJsonObject o = a.json();
        QCOMPARE(o["database"_L1]["kind"_L1].toString(),
                 m_databases.postgres() ? u"postgresql"_s : u"sqlite"_s);
        QVERIFY(o["database"_L1]["reachable"_L1].toBool());
        QCOMPARE(o["schema"_L1].toInt(), 9);
        QCOMPARE(o["protocol"_L1].toInt(), 1);
        QCOMPARE(o["shed"_L1]["last_5_minutes"_L1].toInt(), 0);
        QVERIFY(o["max_inflight"_L1].toInt() > 0);
    }

    void cleanupTestCase() { QVERIFY(m_server.stop()); }
};

QTEST_GUILESS_MAIN(TestConsoleApi)
#include "tst_console_api.moc"
