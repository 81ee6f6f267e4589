// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkin-server end to end: the real binary on a free port, driven over HTTP as the event lead and
// the kiosks would (docs/protocol.md). The same test runs on SQLite and, with CHECKIN_TEST_ENGINE=postgres,
// on a fresh database of the throwaway cluster of the CTest fixture `postgres`.
#include "PeerKey.h"
#include "Protocol.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using checkin::PeerKey;
namespace Protocol = checkin::Protocol;

namespace {

const QString kAdminToken = u"tst-server-api-admin-token-0123456789"_s;
const QString kPgAdminConnection = u"tst_server_api_admin"_s;
constexpr int kRequestTimeoutMs = 20'000;
constexpr qsizetype kMaxBodyBytes = 4 * 1024 * 1024;
constexpr qsizetype kMaxUploadBytes = 64 * 1024 * 1024; // attendee uploads

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray compact(const QJsonArray &a)
{
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Lowercase hex SHA-256 of "<salt>:<code>" (docs/protocol.md), computed here rather than by the project's
// code.
QString codeHash(const QString &salt, const QString &code)
{
    return QString::fromLatin1(
        QCryptographicHash::hash((salt + u':' + code).toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonObject checkIn(const QString &id, const QString &attendeeId, qint64 hlcMs,
                    const QString &kind = u"entry"_s)
{
    return {{"id"_L1, id},
            {"attendee_id"_L1, attendeeId},
            {"kind"_L1, kind},
            {"at"_L1, isoTime(hlcMs)},
            {"hlc"_L1, QString(QString::number(hlcMs) + u".0"_s)}};
}

QByteArray batch(const QList<QJsonObject> &items)
{
    QJsonArray list;
    for (const QJsonObject &o : items)
        list.append(o);
    return compact(QJsonObject{{"checkins"_L1, list}});
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

QJsonObject attendee(const QString &id, const QString &first, const QString &last, const QString &code,
                     const QString &email = {}, const QString &status = u"valid"_s)
{
    QJsonObject o{{"id"_L1, id}, {"first_name"_L1, first}, {"last_name"_L1, last}, {"status"_L1, status}};
    if (!code.isEmpty())
        o.insert("ticket_code"_L1, code);
    if (!email.isEmpty())
        o.insert("email"_L1, email);
    return o;
}

QByteArray attendees(const QList<QJsonObject> &items)
{
    QJsonArray list;
    for (const QJsonObject &o : items)
        list.append(o);
    return compact(QJsonObject{{"attendees"_L1, list}});
}

// One HTTP answer.
struct Reply
{
    int status = 0; // 0: no HTTP answer at all
    QString networkError;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QJsonDocument doc;
    bool isJson = false;

    QJsonObject json() const { return doc.object(); }
    QJsonValue value(QLatin1StringView key) const { return doc.object().value(key); }
    QString errorCode() const { return json()["error"_L1].toObject()["code"_L1].toString(); }
    QString describe() const
    {
        QStringList names;
        for (auto it = headers.cbegin(); it != headers.cend(); ++it)
            names << QString::fromLatin1(it.key() + ": " + it.value());
        return u"HTTP %1%2, headers {%3}, body %4"_s.arg(status)
            .arg(networkError.isEmpty() ? QString() : u" (network error: "_s + networkError + u')')
            .arg(names.join(u"; "_s), QString::fromUtf8(body.left(600)));
    }
    // A JSON error body as docs/protocol.md has it: {"error":{"code","message"}} with both non-empty.
    bool hasErrorBody() const
    {
        const QJsonObject e = json()["error"_L1].toObject();
        return isJson && doc.isObject() && !e["code"_L1].toString().isEmpty() &&
               !e["message"_L1].toString().isEmpty();
    }
};

// Parses a raw HTTP/1.1 response; false while it is incomplete.
bool parseRawResponse(const QByteArray &data, Reply *reply)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    reply->status = statusLine.value(1).toInt();
    reply->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply->headers.insert(lines[i].left(colon).trimmed().toLower(),
                                  lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = reply->headers.value("content-length", "0").toLongLong();
    if (data.size() < headerEnd + 4 + length)
        return false;
    reply->body = data.mid(headerEnd + 4, length);
    QJsonParseError error;
    reply->doc = QJsonDocument::fromJson(reply->body, &error);
    reply->isJson = error.error == QJsonParseError::NoError;
    return true;
}

// A synchronous HTTP client on QNetworkAccessManager; every wait is bounded.
class Client
{
public:
    Client()
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_nam.setAutoDeleteReplies(false);
    }

    void setPort(quint16 port) { m_base = u"http://127.0.0.1:%1"_s.arg(port); }

    Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QString &token = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request{QUrl(m_base + path)};
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        bool typed = false;
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
            typed = typed || name.compare("content-type", Qt::CaseInsensitive) == 0;
        }
        if (!typed && method != "GET" && method != "DELETE")
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        std::unique_ptr<QNetworkReply> reply(method == "GET" ? m_nam.get(request)
                                             : method == "DELETE"
                                                 ? m_nam.deleteResource(request)
                                                 : m_nam.sendCustomRequest(request, method, body));
        if (!reply->isFinished()) {
            QEventLoop loop;
            QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
            QTimer::singleShot(kRequestTimeoutMs, &loop, &QEventLoop::quit);
            loop.exec();
        }
        Reply out;
        if (!reply->isFinished()) {
            reply->abort();
            out.networkError = u"no answer within %1 ms"_s.arg(kRequestTimeoutMs);
            return out;
        }
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError && out.status == 0)
            out.networkError = reply->errorString();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            out.headers.insert(name.toLower(), value);
        out.body = reply->readAll();
        QJsonParseError error;
        out.doc = QJsonDocument::fromJson(out.body, &error);
        out.isJson = error.error == QJsonParseError::NoError;
        return out;
    }

    Reply get(const QString &path, const QString &token = kAdminToken,
              const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return call("GET", path, {}, token, headers);
    }
    Reply post(const QString &path, const QByteArray &body, const QString &token = kAdminToken,
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return call("POST", path, body, token, headers);
    }

private:
    QNetworkAccessManager m_nam;
    QString m_base;
};

// Many requests at once on separate raw connections (QNetworkAccessManager would use at most six per
// host): every request gets its own socket, all are written before any answer is read.
QList<Reply> burst(quint16 port, const QList<QByteArray> &requests, int timeoutMs)
{
    struct Conn
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray data;
        Reply reply;
        bool done = false;
    };
    std::vector<Conn> conns(requests.size());
    int finished = 0;
    QEventLoop loop;
    auto finish = [&](Conn &c) {
        if (c.done)
            return;
        c.done = true;
        if (++finished == int(conns.size()))
            loop.quit();
    };
    for (qsizetype i = 0; i < requests.size(); ++i) {
        Conn &c = conns[size_t(i)];
        c.socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = c.socket.get();
        const QByteArray request = requests[i];
        QObject::connect(s, &QTcpSocket::connected, s, [s, request] { s->write(request); });
        QObject::connect(s, &QTcpSocket::readyRead, s, [&c, s, &finish] {
            c.data += s->readAll();
            if (parseRawResponse(c.data, &c.reply))
                finish(c);
        });
        QObject::connect(s, &QTcpSocket::disconnected, s, [&c, s, &finish] {
            c.data += s->readAll();
            if (!c.done && !parseRawResponse(c.data, &c.reply))
                c.reply.networkError = u"the server closed the connection without a complete answer"_s;
            finish(c);
        });
        QObject::connect(s, &QTcpSocket::errorOccurred, s, [&c, s, &finish](QAbstractSocket::SocketError e) {
            if (c.done || e == QAbstractSocket::RemoteHostClosedError)
                return; // a close after the answer; or handled by disconnected()
            c.reply.networkError = s->errorString();
            finish(c);
        });
        s->connectToHost(u"127.0.0.1"_s, port);
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (finished < int(conns.size()))
        loop.exec();
    QList<Reply> out;
    for (Conn &c : conns) {
        if (!c.done)
            c.reply.networkError = u"no answer within %1 ms"_s.arg(timeoutMs);
        out << c.reply;
        c.socket->disconnect();
        c.socket->abort();
    }
    return out;
}

QByteArray rawRequest(const QByteArray &method, const QString &path, quint16 port, const QString &token,
                      const QByteArray &body = {})
{
    QByteArray r = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) +
                   "\r\nConnection: close\r\n";
    if (!token.isEmpty())
        r += "Authorization: Bearer " + token.toUtf8() + "\r\n";
    if (!body.isEmpty())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

} // namespace

// Fails the current test with the whole answer when the status is not the expected one.
#define EXPECT_STATUS(reply, expected)                                                                       \
    do {                                                                                                     \
        const Reply &r_ = (reply);                                                                           \
        QVERIFY2(r_.status == (expected),                                                                    \
                 qPrintable(u"expected HTTP %1, got "_s.arg(expected) + r_.describe()));                     \
    } while (false)

// A helper that may fail the test: the caller returns too.
#define CALL(expr)                                                                                           \
    do {                                                                                                     \
        expr;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TestServerApi : public QObject
{
    Q_OBJECT

    struct Device
    {
        QString id;
        QString token;
    };

    QTemporaryDir m_dir;
    bool m_postgres = false;
    QUrl m_pgUrl;
    QStringList m_pgDatabases;
    checkin::test::ServerProcess m_server;
    Client m_http;
    QHash<QString, QString> m_salts; // event id -> salt
    Device m_door1;                  // event ev-main
    Device m_door2;                  // event ev-main
    Device m_otherDoor;              // event ev-other
    quint32 m_seed = 20260601;

    // A fresh, empty database for one server: a file, or a new database on the cluster.
    void newDatabase(const QString &tag, QString *spec)
    {
        if (!m_postgres) {
            *spec = u"sqlite:"_s + m_dir.filePath(tag + u"/server.sqlite"_s);
            return;
        }
        const QString name =
            u"checkin_%1_%2"_s.arg(tag, QString::number(QRandomGenerator::global()->generate64(), 16));
        QSqlQuery q(QSqlDatabase::database(kPgAdminConnection, false));
        QVERIFY2(q.exec(u"CREATE DATABASE "_s + name), qPrintable(q.lastError().text()));
        m_pgDatabases << name;
        QUrl url = m_pgUrl;
        url.setPath(u"/"_s + name);
        *spec = url.toString();
    }

    void startServer(checkin::test::ServerProcess *server, const QString &tag, const QStringList &args)
    {
        QString spec;
        CALL(newDatabase(tag, &spec));
        const QString dataDir = m_dir.filePath(tag);
        QVERIFY(QDir().mkpath(dataDir));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_LOGGING_RULES"_s);
        const QString error =
            server->start(QStringLiteral(CHECKIN_SERVER_PATH),
                          QStringList{u"--db"_s, spec, u"--data-dir"_s, dataDir} + args,
                          {.adminToken = kAdminToken, .logDir = dataDir, .environment = env});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void createEvent(const QString &id, const QString &name)
    {
        const Reply r =
            m_http.post(u"/api/v1/events"_s, compact(QJsonObject{{"id"_L1, id}, {"name"_L1, name}}));
        EXPECT_STATUS(r, 201);
        m_salts.insert(id, r.value("salt"_L1).toString());
    }

    void upload(const QString &eventId, const QByteArray &body, int inserted, int updated = 0)
    {
        const Reply r = m_http.post(u"/api/v1/events/%1/attendees"_s.arg(eventId), body);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("inserted"_L1).toInt(), inserted);
        QCOMPARE(r.value("updated"_L1).toInt(), updated);
        QCOMPARE(r.value("errors"_L1).toArray().size(), 0);
    }

    void enrol(const QString &eventId, const QString &name, Device *device)
    {
        const Reply code = m_http.post(u"/api/v1/events/%1/enrolment-codes"_s.arg(eventId), {});
        EXPECT_STATUS(code, 201);
        const Reply r = m_http.post(
            u"/api/v1/devices"_s,
            compact(QJsonObject{{"code"_L1, code.value("code"_L1).toString()}, {"name"_L1, name}}), {});
        EXPECT_STATUS(r, 201);
        *device = {r.value("device_id"_L1).toString(), r.value("token"_L1).toString()};
        QVERIFY(!device->id.isEmpty() && device->token.size() >= 32);
    }

    void stats(const QString &eventId, QJsonObject *out)
    {
        const Reply r = m_http.get(u"/api/v1/events/%1/stats"_s.arg(eventId));
        EXPECT_STATUS(r, 200);
        *out = r.json();
    }

    // Reads the feed of an event from `cursor` to its end, in pages of `limit`.
    void readFeed(const QString &eventId, const QString &token, QString *cursor, QJsonArray *changes,
                  int limit = 1000)
    {
        for (int page = 0; page < 10'000; ++page) {
            const Reply r = m_http.get(
                u"/api/v1/events/%1/changes?limit=%2&after=%3"_s.arg(eventId).arg(limit).arg(*cursor), token);
            EXPECT_STATUS(r, 200);
            for (const QJsonValue &c : r.value("changes"_L1).toArray())
                changes->append(c);
            *cursor = r.value("cursor"_L1).toString();
            if (!r.value("more"_L1).toBool())
                return;
        }
        QFAIL("the feed does not end");
    }

    // The check-in changes of a feed slice, by id.
    static QHash<QString, QJsonObject> checkInChanges(const QJsonArray &changes)
    {
        QHash<QString, QJsonObject> out;
        for (const QJsonValue &v : changes) {
            if (v["type"_L1].toString() == "checkin"_L1)
                out.insert(v["id"_L1].toString(), v.toObject());
        }
        return out;
    }

    static QJsonObject result(const Reply &r, int index) { return r.value("results"_L1)[index].toObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("CHECKIN_TEST_SEED"))
            m_seed = quint32(qEnvironmentVariableIntValue("CHECKIN_TEST_SEED"));
        m_postgres = qEnvironmentVariable("CHECKIN_TEST_ENGINE") == "postgres"_L1;
        qInfo("engine %s, seed %u (set CHECKIN_TEST_SEED to repeat)", m_postgres ? "postgres" : "sqlite",
              m_seed);
        if (m_postgres) {
            const QString urlFile = qEnvironmentVariable("CHECKIN_TEST_PG_URL_FILE");
            if (urlFile.isEmpty())
                QFAIL(
                    "CHECKIN_TEST_PG_URL_FILE is not set: run this test through ctest (the fixture postgres "
                    "starts the cluster)");
            QFile file(urlFile);
            QVERIFY2(file.open(QIODevice::ReadOnly),
                     qPrintable(
                         u"no PostgreSQL URL in %1: the fixture pg_cluster_start failed or did not run"_s.arg(
                             urlFile)));
            m_pgUrl = QUrl(QString::fromUtf8(file.readAll()).trimmed(), QUrl::StrictMode);
            QVERIFY2(m_pgUrl.isValid() && m_pgUrl.port() > 0, qPrintable(m_pgUrl.toString()));
            QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s), "the Qt driver QPSQL is missing");
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, kPgAdminConnection);
            db.setHostName(m_pgUrl.host());
            db.setPort(m_pgUrl.port());
            db.setUserName(m_pgUrl.userName());
            db.setDatabaseName(m_pgUrl.path().mid(1));
            db.setConnectOptions(u"connect_timeout=10"_s);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SET statement_timeout = '30s'"_s));
        }
        CALL(startServer(&m_server, u"main"_s, {u"--device-rate"_s, u"10000"_s}));
        m_http.setPort(m_server.port());
    }

    void cleanupTestCase()
    {
        const bool clean = m_server.stop();
        if (m_postgres && QSqlDatabase::contains(kPgAdminConnection)) {
            {
                QSqlQuery q(QSqlDatabase::database(kPgAdminConnection, false));
                for (const QString &name : std::as_const(m_pgDatabases)) {
                    if (!q.exec(u"DROP DATABASE IF EXISTS %1 WITH (FORCE)"_s.arg(name)))
                        qWarning("cannot drop %s: %s", qPrintable(name), qPrintable(q.lastError().text()));
                }
                QSqlDatabase::database(kPgAdminConnection, false).close();
            }
            QSqlDatabase::removeDatabase(kPgAdminConnection);
        }
        QVERIFY2(clean, qPrintable(u"checkin-server did not stop cleanly on SIGTERM; its log:\n"_s +
                                   m_server.log()));
    }

    void health()
    {
        const Reply r = m_http.get(u"/api/v1/health"_s, {});
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("status"_L1).toString(), u"ok"_s);
        QCOMPARE(r.value("protocol"_L1).toInt(), 1);
        QVERIFY(!r.value("version"_L1).toString().isEmpty());
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
    }

    void events()
    {
        Reply r = m_http.post(u"/api/v1/events"_s,
                              compact(QJsonObject{{"id"_L1, u"ev-main"_s},
                                                  {"name"_L1, u"  Main hall  "_s},
                                                  {"starts_at"_L1, u"2026-06-01T08:00:00.000Z"_s},
                                                  {"ends_at"_L1, u"2026-06-01T20:00:00+02:00"_s},
                                                  {"timezone"_L1, u"Europe/Berlin"_s},
                                                  {"salt"_L1, u"chosen-by-the-client"_s},
                                                  {"future_field"_L1, 1}}));
        EXPECT_STATUS(r, 201);
        QCOMPARE(r.value("id"_L1).toString(), u"ev-main"_s);
        QCOMPARE(r.value("name"_L1).toString(), u"Main hall"_s);
        QCOMPARE(r.value("starts_at"_L1).toString(), u"2026-06-01T08:00:00.000Z"_s);
        QCOMPARE(r.value("ends_at"_L1).toString(), u"2026-06-01T18:00:00.000Z"_s);
        QCOMPARE(r.value("timezone"_L1).toString(), u"Europe/Berlin"_s);
        const QString salt = r.value("salt"_L1).toString();
        QVERIFY2(salt.size() >= 16 && salt != "chosen-by-the-client"_L1,
                 qPrintable(salt)); // the server's own
        m_salts.insert(u"ev-main"_s, salt);

        // The same id again: 409, and the first event is untouched.
        r = m_http.post(u"/api/v1/events"_s,
                        compact(QJsonObject{{"id"_L1, u"ev-main"_s}, {"name"_L1, u"Impostor"_s}}));
        EXPECT_STATUS(r, 409);
        QCOMPARE(r.errorCode(), u"event_exists"_s);
        QVERIFY(r.hasErrorBody());

        // Without an id the server makes one.
        r = m_http.post(u"/api/v1/events"_s, compact(QJsonObject{{"name"_L1, u"Unnamed"_s}}));
        EXPECT_STATUS(r, 201);
        const QString generated = r.value("id"_L1).toString();
        QCOMPARE(generated.size(), 36);

        CALL(createEvent(u"ev-other"_s, u"Other hall"_s));

        r = m_http.get(u"/api/v1/events"_s);
        EXPECT_STATUS(r, 200);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &e : r.value("events"_L1).toArray())
            byId.insert(e["id"_L1].toString(), e.toObject());
        QCOMPARE(byId.size(), 3);
        QCOMPARE(byId.value(u"ev-main"_s)["name"_L1].toString(), u"Main hall"_s);
        QCOMPARE(byId.value(u"ev-main"_s)["salt"_L1].toString(), salt);
        QVERIFY(byId.contains(generated));
        QVERIFY(byId.contains(u"ev-other"_s));
    }

    void attendeeUploadJson()
    {
        QList<QJsonObject> people;
        for (int i = 1; i <= 6; ++i)
            people << attendee(u"a%1"_s.arg(i), u"First%1"_s.arg(i), u"Last%1"_s.arg(i),
                               u"MAIN-%1"_s.arg(i, 4, 10, QLatin1Char('0')), u"p%1@example.org"_s.arg(i));
        CALL(upload(u"ev-main"_s, attendees(people), 6));
        // The same again changes nothing.
        Reply r = m_http.post(u"/api/v1/events/ev-main/attendees"_s, attendees(people));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("inserted"_L1).toInt(), 0);
        QCOMPARE(r.value("updated"_L1).toInt(), 0);
        QCOMPARE(r.value("unchanged"_L1).toInt(), 6);

        // Bad rows: 422, every one with its row number, and nothing imported (not even the good rows).
        QJsonObject wrongType = attendee(u"a10"_s, u"Wrong"_s, u"Type"_s, {});
        wrongType.insert("company"_L1, 42);
        const QByteArray bad =
            attendees({attendee(u"a7"_s, u"Fine"_s, u"Row"_s, u"MAIN-0007"_s),
                       attendee(u"a8"_s, {}, {}, u"MAIN-0008"_s),
                       attendee(u"a9"_s, u"Odd"_s, u"Status"_s, {}, {}, u"maybe"_s), wrongType,
                       attendee(u"a1"_s, u"Changed"_s, u"Name"_s, u"MAIN-0001"_s)});
        r = m_http.post(u"/api/v1/events/ev-main/attendees"_s, bad);
        EXPECT_STATUS(r, 422);
        QVERIFY(r.hasErrorBody());
        QCOMPARE(r.value("inserted"_L1).toInt(), 0);
        QList<int> rows;
        for (const QJsonValue &e : r.value("errors"_L1).toArray()) {
            rows << e["row"_L1].toInt();
            QVERIFY(!e["message"_L1].toString().isEmpty());
        }
        QCOMPARE(rows, (QList<int>{2, 3, 4}));

        // Conflicts only visible against each other or the stored data: duplicate id, a code taken.
        r = m_http.post(u"/api/v1/events/ev-main/attendees"_s,
                        attendees({attendee(u"a11"_s, u"X"_s, u"Y"_s, u"MAIN-0011"_s),
                                   attendee(u"a11"_s, u"X"_s, u"Z"_s, u"MAIN-0012"_s),
                                   attendee(u"a12"_s, u"Code"_s, u"Thief"_s, u"MAIN-0002"_s)}));
        EXPECT_STATUS(r, 422);
        rows.clear();
        for (const QJsonValue &e : r.value("errors"_L1).toArray())
            rows << e["row"_L1].toInt();
        QCOMPARE(rows, (QList<int>{2, 3}));

        QJsonObject s;
        CALL(stats(u"ev-main"_s, &s));
        QCOMPARE(s["attendees"_L1].toInt(), 6);
        QJsonArray feed;
        QString cursor;
        CALL(readFeed(u"ev-main"_s, kAdminToken, &cursor, &feed));
        QCOMPARE(feed.size(), 6);
        for (const QJsonValue &a : feed)
            QVERIFY2(a["first_name"_L1].toString().startsWith("First"_L1),
                     qPrintable(QString::fromUtf8(compact(a.toObject()))));

        // Unknown event: 404.
        r = m_http.post(u"/api/v1/events/no-such-event/attendees"_s, attendees(people));
        EXPECT_STATUS(r, 404);
        QVERIFY(r.hasErrorBody());
    }

    void attendeeUploadCsv()
    {
        CALL(createEvent(u"ev-csv"_s, u"CSV"_s));
        const QList<QPair<QByteArray, QByteArray>> csv{{"Content-Type", "text/csv; charset=utf-8"}};
        const QByteArray excel = checkin::test::readFixture(u"csv/excel_de_semicolon_bom.csv"_s);
        QVERIFY(!excel.isEmpty());
        Reply r = m_http.post(u"/api/v1/events/ev-csv/attendees"_s, excel, kAdminToken, csv);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("inserted"_L1).toInt(), 6);
        r = m_http.post(u"/api/v1/events/ev-csv/attendees"_s, excel, kAdminToken, csv);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("inserted"_L1).toInt(), 0);
        QCOMPARE(r.value("unchanged"_L1).toInt(), 6);
        const QByteArray pretix = checkin::test::readFixture(u"csv/pretix_checkinlist.csv"_s);
        CALL(createEvent(u"ev-csv-2"_s, u"CSV 2"_s));
        r = m_http.post(u"/api/v1/events/ev-csv-2/attendees"_s, pretix, kAdminToken, csv);
        EXPECT_STATUS(r, 200);
        QVERIFY(r.value("inserted"_L1).toInt() > 0);

        // The code hash in the feed is SHA-256 of "<salt>:<code>": Ticket-Nr. T-2024-0001 is Sabine Krause.
        QJsonArray feed;
        QString cursor;
        CALL(readFeed(u"ev-csv"_s, kAdminToken, &cursor, &feed));
        QCOMPARE(feed.size(), 6);
        bool found = false;
        for (const QJsonValue &a : feed) {
            if (a["last_name"_L1].toString() == "Krause"_L1) {
                QCOMPARE(a["code_hash"_L1].toString(),
                         codeHash(m_salts.value(u"ev-csv"_s), u"T-2024-0001"_s));
                QCOMPARE(a["email"_L1].toString(), u"s.krause@example.de"_s);
                found = true;
            }
        }
        QVERIFY(found);

        // A file with errors: 422 with the rows, nothing imported.
        CALL(createEvent(u"ev-csv-bad"_s, u"CSV bad"_s));
        const struct
        {
            const char *file;
            int firstRow;
        } broken[] = {{"malformed/missing_name.csv", 5},       {"malformed/duplicate_codes.csv", 6},
                      {"malformed/unterminated_quote.csv", 4}, {"malformed/unknown_status.csv", 4},
                      {"malformed/binary_nul.csv", 3},         {"malformed/empty.csv", 0}};
        for (const auto &b : broken) {
            r = m_http.post(u"/api/v1/events/ev-csv-bad/attendees"_s,
                            checkin::test::readFixture(u"csv/"_s + QLatin1StringView(b.file)), kAdminToken,
                            csv);
            EXPECT_STATUS(r, 422);
            QVERIFY2(r.hasErrorBody(), b.file);
            const QJsonArray errors = r.value("errors"_L1).toArray();
            QVERIFY2(!errors.isEmpty(), b.file);
            QVERIFY2(errors[0]["row"_L1].toInt() == b.firstRow, qPrintable(r.describe()));
            QCOMPARE(r.value("inserted"_L1).toInt(), 0);
        }
        QJsonObject s;
        CALL(stats(u"ev-csv-bad"_s, &s));
        QCOMPARE(s["attendees"_L1].toInt(), 0);

        // A valid file for an unknown event: 404.
        r = m_http.post(u"/api/v1/events/no-such-event/attendees"_s, excel, kAdminToken, csv);
        EXPECT_STATUS(r, 404);
    }

    void enrolment()
    {
        Reply code = m_http.post(u"/api/v1/events/ev-main/enrolment-codes"_s, {});
        EXPECT_STATUS(code, 201);
        const QString text = code.value("code"_L1).toString();
        QVERIFY(!text.isEmpty());
        const qint64 expires =
            QDateTime::fromString(code.value("expires_at"_L1).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        QVERIFY(expires > nowMs() + 3600'000);

        const QByteArray body = compact(QJsonObject{{"code"_L1, text}, {"name"_L1, u"Door 1"_s}});
        Reply r = m_http.post(u"/api/v1/devices"_s, body, {});
        EXPECT_STATUS(r, 201);
        m_door1 = {r.value("device_id"_L1).toString(), r.value("token"_L1).toString()};
        QVERIFY(!m_door1.id.isEmpty());
        QVERIFY(m_door1.token.size() >= 32);
        QCOMPARE(r.value("event"_L1)["id"_L1].toString(), u"ev-main"_s);
        QCOMPARE(r.value("event"_L1)["salt"_L1].toString(), m_salts.value(u"ev-main"_s));

        // A code works once.
        r = m_http.post(u"/api/v1/devices"_s,
                        compact(QJsonObject{{"code"_L1, text}, {"name"_L1, u"Door X"_s}}), {});
        EXPECT_STATUS(r, 403);
        QVERIFY(r.hasErrorBody());
        r = m_http.post(u"/api/v1/devices"_s,
                        compact(QJsonObject{{"code"_L1, u"ZZZZ-ZZZZ"_s}, {"name"_L1, u"X"_s}}), {});
        EXPECT_STATUS(r, 403);
        QVERIFY(r.hasErrorBody());
        // Missing name: 400.
        r = m_http.post(u"/api/v1/devices"_s, compact(QJsonObject{{"code"_L1, text}}), {});
        EXPECT_STATUS(r, 400);

        // As people type it: lower case, without the dash.
        code = m_http.post(u"/api/v1/events/ev-main/enrolment-codes"_s, {});
        EXPECT_STATUS(code, 201);
        r = m_http.post(
            u"/api/v1/devices"_s,
            compact(QJsonObject{{"code"_L1, code.value("code"_L1).toString().remove(u'-').toLower()},
                                {"name"_L1, u"Door 2"_s}}),
            {});
        EXPECT_STATUS(r, 201);
        m_door2 = {r.value("device_id"_L1).toString(), r.value("token"_L1).toString()};

        CALL(enrol(u"ev-other"_s, u"Other door"_s, &m_otherDoor));
        r = m_http.post(u"/api/v1/events/no-such-event/enrolment-codes"_s, {});
        EXPECT_STATUS(r, 404);
    }

    void rolesOnEveryRoute()
    {
        QVERIFY(!m_door1.token.isEmpty() && !m_otherDoor.token.isEmpty());
        enum Who { AdminOnly, DeviceOnly, DeviceOrAdmin };
        struct Route
        {
            QByteArray method;
            QString path;
            QByteArray body;
            Who who;
        };
        const QByteArray oneCheckIn = batch({checkIn(newId(), u"a1"_s, nowMs() - 3600'000)});
        const QList<Route> routes{
            {"POST", u"/api/v1/events"_s, compact(QJsonObject{{"name"_L1, u"Nope"_s}}), AdminOnly},
            {"GET", u"/api/v1/events"_s, {}, AdminOnly},
            {"POST", u"/api/v1/events/ev-main/attendees"_s, attendees({}), AdminOnly},
            {"POST", u"/api/v1/events/ev-main/enrolment-codes"_s, {}, AdminOnly},
            {"GET", u"/api/v1/events/ev-main/devices"_s, {}, AdminOnly},
            {"DELETE", u"/api/v1/devices/%1"_s.arg(m_door2.id), {}, AdminOnly},
            {"GET", u"/api/v1/events/ev-main/stats"_s, {}, AdminOnly},
            {"GET", u"/api/v1/events/ev-main/conflicts"_s, {}, AdminOnly},
            {"GET", u"/api/v1/events/ev-main/changes"_s, {}, DeviceOrAdmin},
            {"POST", u"/api/v1/events/ev-main/checkins"_s, oneCheckIn, DeviceOnly},
        };
        const QList<QPair<QByteArray, QByteArray>> none;
        for (const Route &route : routes) {
            const QString what = QString::fromLatin1(route.method) + u' ' + route.path;
            // Missing, unknown or malformed credentials: 401.
            for (const QByteArray &auth :
                 QList<QByteArray>{QByteArray(), "Bearer "_ba, "Bearer 0123456789abcdef0123456789abcdef"_ba,
                                   "Basic YWRtaW46YWRtaW4="_ba, kAdminToken.toUtf8(),
                                   QByteArray("Bearer " + QByteArray(300, 'x'))}) {
                const Reply r = m_http.call(
                    route.method, route.path, route.body, {},
                    auth.isNull() ? none : QList<QPair<QByteArray, QByteArray>>{{"Authorization", auth}});
                QVERIFY2(r.status == 401 && r.errorCode() == "unauthorized"_L1 && r.hasErrorBody(),
                         qPrintable(what + u" with \""_s + QString::fromLatin1(auth.left(20)) + u"\": "_s +
                                    r.describe()));
            }
            // Wrong role: 403.
            const QString wrongRole = route.who == AdminOnly    ? m_door1.token
                                      : route.who == DeviceOnly ? kAdminToken
                                                                : QString();
            if (!wrongRole.isEmpty()) {
                const Reply r = m_http.call(route.method, route.path, route.body, wrongRole);
                QVERIFY2(r.status == 403 && r.errorCode() == "forbidden"_L1 && r.hasErrorBody(),
                         qPrintable(what + u" with the wrong role: "_s + r.describe()));
            }
            // A device of another event: 403.
            if (route.who != AdminOnly) {
                const Reply r = m_http.call(route.method, route.path, route.body, m_otherDoor.token);
                QVERIFY2(r.status == 403 && r.errorCode() == "forbidden"_L1,
                         qPrintable(what + u" by a device of another event: "_s + r.describe()));
            }
        }
        // Nothing of that changed anything: the device the DELETE named still works, no check-in stored.
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, m_door2.token), 200);
        QJsonObject s;
        CALL(stats(u"ev-main"_s, &s));
        QCOMPARE(s["entries"_L1].toInt() + s["rejected"_L1].toInt(), 0);
        // And the right roles get through.
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, m_door1.token), 200);
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s), 200);
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-other/changes?limit=1"_s, m_otherDoor.token), 200);
    }

    void changeFeedPaging()
    {
        CALL(createEvent(u"ev-feed"_s, u"Feed"_s));
        QList<QJsonObject> people;
        QSet<QString> expected;
        for (int i = 0; i < 300; ++i) {
            const QString id = u"f%1"_s.arg(i);
            people << attendee(id, u"Name%1"_s.arg(i), u"Feed"_s, u"FEED-%1"_s.arg(i),
                               u"f%1@example.org"_s.arg(i));
            expected.insert(id);
        }
        CALL(upload(u"ev-feed"_s, attendees(people), 300));
        Device door;
        CALL(enrol(u"ev-feed"_s, u"Feed door"_s, &door));

        // A device pages through with varying limits: everyone exactly once, never an email.
        QRandomGenerator rng(m_seed);
        QString cursor;
        QHash<QString, int> seen;
        bool more = true;
        int pages = 0;
        while (more) {
            QVERIFY(++pages < 1000);
            const int limit = pages == 1 ? 1 : rng.bounded(1, 61);
            const Reply r = m_http.get(u"/api/v1/events/ev-feed/changes?limit=%1%2"_s.arg(limit).arg(
                                           cursor.isEmpty() ? QString() : u"&after="_s + cursor),
                                       door.token);
            EXPECT_STATUS(r, 200);
            const QJsonArray changes = r.value("changes"_L1).toArray();
            QVERIFY(changes.size() <= limit);
            more = r.value("more"_L1).toBool();
            if (more)
                QCOMPARE(changes.size(), limit);
            for (const QJsonValue &c : changes) {
                const QJsonObject o = c.toObject();
                QCOMPARE(o["type"_L1].toString(), u"attendee"_s);
                QVERIFY2(!o.contains("email"_L1) && !o.contains("ticket_code"_L1),
                         qPrintable(QString::fromUtf8(compact(o))));
                const QString id = o["id"_L1].toString();
                QCOMPARE(o["code_hash"_L1].toString(),
                         codeHash(m_salts.value(u"ev-feed"_s), u"FEED-%1"_s.arg(id.mid(1))));
                ++seen[id];
            }
            const QString next = r.value("cursor"_L1).toString();
            QVERIFY(!next.isEmpty());
            cursor = next;
        }
        QCOMPARE(seen.size(), expected.size());
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QVERIFY2(it.value() == 1 && expected.contains(it.key()), qPrintable(it.key()));
        // At the end: nothing more, the cursor stays.
        Reply r = m_http.get(u"/api/v1/events/ev-feed/changes?after=%1"_s.arg(cursor), door.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("changes"_L1).toArray().size(), 0);
        QCOMPARE(r.value("more"_L1).toBool(), false);
        QCOMPARE(r.value("cursor"_L1).toString(), cursor);

        // The admin gets all in one page of 5000, with emails.
        r = m_http.get(u"/api/v1/events/ev-feed/changes?limit=5000"_s);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("changes"_L1).toArray().size(), 300);
        QCOMPARE(r.value("more"_L1).toBool(), false);
        for (const QJsonValue &c : r.value("changes"_L1).toArray())
            QVERIFY(c["email"_L1].toString().endsWith("@example.org"_L1));
        // No limit: the default page.
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-feed/changes"_s, door.token), 200);

        for (const QString &limit :
             {u"0"_s, u"5001"_s, u"-1"_s, u"abc"_s, u"1.5"_s, u"99999999999"_s, u"%20"_s}) {
            r = m_http.get(u"/api/v1/events/ev-feed/changes?limit="_s + limit, door.token);
            QVERIFY2(r.status == 400 && r.errorCode() == "invalid_limit"_L1 && r.hasErrorBody(),
                     qPrintable(limit + u": "_s + r.describe()));
        }
        for (const QString &after : {u"abc"_s, u"1"_s, u".5"_s, u"1."_s, u"-1.5"_s, u"1.-2"_s, u"1.2.3"_s,
                                     u"99999999999999999999.1"_s, u"x.1"_s}) {
            r = m_http.get(u"/api/v1/events/ev-feed/changes?after="_s + after, door.token);
            QVERIFY2(r.status == 400 && r.errorCode() == "bad_cursor"_L1 && r.hasErrorBody(),
                     qPrintable(after + u": "_s + r.describe()));
        }
        r = m_http.get(u"/api/v1/events/no-such-event/changes"_s);
        EXPECT_STATUS(r, 404);
    }

    void checkInIngest()
    {
        QVERIFY(!m_door1.token.isEmpty() && !m_door2.token.isEmpty());
        const QString salt = m_salts.value(u"ev-main"_s);
        const QString path = u"/api/v1/events/ev-main/checkins"_s;
        const qint64 base = nowMs() - 3600'000; // an hour ago: before any cancellation below
        const QList<QPair<QByteArray, QByteArray>> kiosk{{"X-Kiosk-Queue", "7"},
                                                         {"X-Kiosk-Version", "9.8.7-test"}};

        const QString c1 = newId(), c2 = newId(), c3 = newId(), c4 = newId(), c5 = newId();
        QJsonObject byCode{{"id"_L1, c3},
                           {"code_hash"_L1, codeHash(salt, u"MAIN-0002"_s)},
                           {"kind"_L1, u"entry"_s},
                           {"at"_L1, isoTime(base + 30)},
                           {"hlc"_L1, QString(QString::number(base + 30) + u".0"_s)},
                           {"note"_L1, u"by code"_s}};
        QJsonObject unknownCode = byCode;
        unknownCode["id"_L1] = c5;
        unknownCode["code_hash"_L1] = codeHash(salt, u"NOT-A-TICKET"_s);
        const QByteArray first = batch({checkIn(c1, u"a1"_s, base + 10), checkIn(c2, u"a1"_s, base + 20),
                                        byCode, checkIn(c4, u"nobody"_s, base + 40), unknownCode});
        Reply r = m_http.post(path, first, m_door1.token, kiosk);
        EXPECT_STATUS(r, 200);
        const QJsonArray results = r.value("results"_L1).toArray();
        QCOMPARE(results.size(), 5);
        QCOMPARE(result(r, 0)["id"_L1].toString(), c1);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        QCOMPARE(result(r, 1)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(result(r, 1)["first"_L1].toString(), c1);
        QVERIFY(result(r, 2)["reason"_L1].toString() != u"unknown_device"_s); // stored, however it counts
        QCOMPARE(result(r, 3)["status"_L1].toString(), u"rejected"_s);
        QCOMPARE(result(r, 3)["reason"_L1].toString(), u"unknown_attendee"_s);
        QCOMPARE(result(r, 4)["status"_L1].toString(), u"rejected"_s);
        QCOMPARE(result(r, 4)["reason"_L1].toString(), u"unknown_attendee"_s);

        QJsonObject before;
        CALL(stats(u"ev-main"_s, &before));
        QCOMPARE(before["entries"_L1].toInt(), 2);
        QCOMPARE(before["duplicates"_L1].toInt(), 1);
        QCOMPARE(before["rejected"_L1].toInt(), 2);
        QCOMPARE(before["conflicts"_L1].toInt(), 0);
        QCOMPARE(before["inside"_L1].toInt(), 2);
        // X-Kiosk-Queue and X-Kiosk-Version: the device's backlog and version in the stats.
        bool listed = false;
        for (const QJsonValue &d : before["devices"_L1].toArray()) {
            if (d["id"_L1].toString() != m_door1.id)
                continue;
            listed = true;
            QCOMPARE(d["name"_L1].toString(), u"Door 1"_s);
            QCOMPARE(d["queue"_L1].toInt(), 7);
            QCOMPARE(d["version"_L1].toString(), u"9.8.7-test"_s);
            QVERIFY(d["last_seen"_L1].isString());
        }
        QVERIFY(listed);

        QString cursor;
        QJsonArray feed;
        CALL(readFeed(u"ev-main"_s, m_door2.token, &cursor, &feed));

        // The exact batch again: the same results, nothing new.
        const Reply replay = m_http.post(path, first, m_door1.token);
        EXPECT_STATUS(replay, 200);
        QCOMPARE(replay.value("results"_L1).toArray(), results);
        // The same id with another body: rejected id_reused, nothing changes.
        r = m_http.post(path, batch({checkIn(c1, u"a1"_s, base + 11)}), m_door1.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"rejected"_s);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"id_reused"_s);
        // ... also from another device sending the same id and body.
        r = m_http.post(path, batch({checkIn(c1, u"a1"_s, base + 10)}), m_door2.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"id_reused"_s);
        QJsonObject after;
        CALL(stats(u"ev-main"_s, &after));
        for (const char *key : {"attendees", "inside", "entries", "duplicates", "conflicts", "rejected"})
            QVERIFY2(after[QLatin1StringView(key)] == before[QLatin1StringView(key)], key);
        QJsonArray nothing;
        QString unchanged = cursor;
        CALL(readFeed(u"ev-main"_s, m_door2.token, &unchanged, &nothing));
        QVERIFY2(nothing.isEmpty(), qPrintable(QString::fromUtf8(compact(nothing))));

        // Conflict: a3 is cancelled by a later upload; an entry after the cancellation is a conflict.
        r = m_http.post(u"/api/v1/events/ev-main/attendees"_s,
                        attendees({attendee(u"a3"_s, u"First3"_s, u"Last3"_s, u"MAIN-0003"_s,
                                            u"p3@example.org"_s, u"cancelled"_s)}));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("updated"_L1).toInt(), 1);
        const QString c6 = newId();
        const qint64 later = nowMs() + 2000;
        r = m_http.post(path, batch({checkIn(c6, u"a3"_s, later)}), m_door1.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"conflict"_s);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"cancelled"_s);

        // Somebody added by a later upload is known at once (the server read the event before).
        r = m_http.post(u"/api/v1/events/ev-main/attendees"_s,
                        attendees({attendee(u"a9"_s, u"First9"_s, u"Last9"_s, u"MAIN-0009"_s)}));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("inserted"_L1).toInt(), 1);
        const QString c9 = newId();
        r = m_http.post(path, batch({checkIn(c9, u"a9"_s, later)}), m_door1.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);

        // A late upload with an earlier hlc: it becomes the first, the one accepted before a duplicate.
        const QString c7 = newId(), c8 = newId();
        r = m_http.post(path, batch({checkIn(c7, u"a4"_s, base + 100'000)}), m_door1.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        feed = {};
        CALL(readFeed(u"ev-main"_s, m_door2.token, &cursor, &feed));
        const QString readerCursor = cursor;
        QCOMPARE(checkInChanges(feed).value(c7)["status"_L1].toString(), u"accepted"_s);

        r = m_http.post(path, batch({checkIn(c8, u"a4"_s, base + 50'000)}), m_door2.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        feed = {};
        CALL(readFeed(u"ev-main"_s, m_door1.token, &cursor, &feed));
        const QHash<QString, QJsonObject> news = checkInChanges(feed);
        QCOMPARE(news.size(), 2);
        QCOMPARE(feed.size(), 2);
        QCOMPARE(news.value(c8)["status"_L1].toString(), u"accepted"_s);
        QCOMPARE(news.value(c8)["device_id"_L1].toString(), m_door2.id);
        QCOMPARE(news.value(c7)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(news.value(c7)["first"_L1].toString(), c8);
        QCOMPARE(news.value(c7)["reason"_L1].toString(), u"already_inside"_s);
        QVERIFY(readerCursor != cursor);
        // The stored result follows: the original upload, replayed, now says duplicate.
        r = m_http.post(path, batch({checkIn(c7, u"a4"_s, base + 100'000)}), m_door1.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(result(r, 0)["first"_L1].toString(), c8);

        CALL(stats(u"ev-main"_s, &after));
        QCOMPARE(after["cancelled"_L1].toInt(), 1);
        QCOMPARE(after["entries"_L1].toInt(), 5); // c1, c3, c6 (conflict), c8, c9
        QCOMPARE(after["duplicates"_L1].toInt(), 2);
        QCOMPARE(after["conflicts"_L1].toInt(), 1);
        QCOMPARE(after["rejected"_L1].toInt(), 2);
        QCOMPARE(after["inside"_L1].toInt(), 5);

        r = m_http.get(u"/api/v1/events/ev-main/conflicts"_s);
        EXPECT_STATUS(r, 200);
        QHash<QString, QJsonObject> review;
        for (const QJsonValue &v : r.value("conflicts"_L1).toArray())
            review.insert(v["id"_L1].toString(), v.toObject());
        QCOMPARE(review.size(), 3);
        QCOMPARE(review.value(c2)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(review.value(c6)["status"_L1].toString(), u"conflict"_s);
        QCOMPARE(review.value(c7)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(review.value(c7)["device"_L1].toString(), u"Door 1"_s);
        QVERIFY(review.value(c6)["attendee"_L1].toString().contains("Last3"_L1));

        // The queue a device reports last is the one shown.
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, m_door2.token,
                                 {{"X-Kiosk-Queue", "42"}, {"X-Kiosk-Version", "1.0"}}),
                      200);
        CALL(stats(u"ev-main"_s, &after));
        bool door2 = false;
        for (const QJsonValue &d : after["devices"_L1].toArray()) {
            if (d["id"_L1].toString() == m_door2.id) {
                door2 = true;
                QCOMPARE(d["queue"_L1].toInt(), 42);
                QCOMPARE(d["version"_L1].toString(), u"1.0"_s);
            }
        }
        QVERIFY(door2);
    }

    // Walk-ins (an addition to the protocol): an entry with "walk_in" creates its attendee the first
    // time it arrives, exactly once, on its own event so that the counts above stay as they are.
    void walkInIngest()
    {
        const QString event = u"ev-walkin"_s;
        const QString path = u"/api/v1/events/%1/checkins"_s.arg(event);
        CALL(createEvent(event, u"Walk-in day"_s));
        const QString listed = newId(); // on the list, with a UUID id as a walk-in would have
        CALL(upload(event,
                    attendees({attendee(listed, u"Eve"_s, u"Listed"_s, u"WALK-0001"_s),
                               attendee(u"w-plain"_s, u"Paul"_s, u"Plain"_s, u"WALK-0002"_s)}),
                    2));
        Device doorA, doorB;
        CALL(enrol(event, u"Door A"_s, &doorA));
        CALL(enrol(event, u"Door B"_s, &doorB));
        QString cursor;
        QJsonArray feed;
        CALL(readFeed(event, doorB.token, &cursor, &feed));
        QCOMPARE(feed.size(), 2);

        const qint64 base = nowMs() - 600'000;
        auto walkInEntry = [&](const QString &id, const QString &attendeeId, qint64 at,
                               const QJsonObject &person) {
            QJsonObject o = checkIn(id, attendeeId, at);
            o.insert("walk_in"_L1, person);
            return o;
        };
        const QJsonObject ann{{"first_name"_L1, u" Ann "_s},
                              {"last_name"_L1, u"Lee"_s},
                              {"company"_L1, u"Acme"_s},
                              {"ticket_type"_L1, u"Day pass"_s}};
        const QString w1 = newId(), w3 = newId();
        const QString c1 = newId(), c2 = newId(), c3 = newId(), c4 = newId();
        const QByteArray first =
            batch({walkInEntry(c1, w1, base + 10, ann), checkIn(c2, u"w-plain"_s, base + 20),
                   walkInEntry(c3, w3, base + 30, QJsonObject{{"company"_L1, u"Nameless Ltd"_s}}),
                   walkInEntry(c4, listed, base + 40, QJsonObject{{"first_name"_L1, u"Mallory"_s}})});
        Reply r = m_http.post(path, first, doorA.token);
        EXPECT_STATUS(r, 200);
        const QJsonArray results = r.value("results"_L1).toArray();
        QCOMPARE(results.size(), 4);
        QCOMPARE(result(r, 0)["id"_L1].toString(), c1);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        QCOMPARE(result(r, 1)["status"_L1].toString(), u"accepted"_s);
        // A bad walk-in refuses that item alone, with a reason and a sentence; nothing is stored.
        QCOMPARE(result(r, 2)["id"_L1].toString(), c3);
        QCOMPARE(result(r, 2)["status"_L1].toString(), u"rejected"_s);
        QCOMPARE(result(r, 2)["reason"_L1].toString(), u"invalid_walk_in"_s);
        QVERIFY2(result(r, 2)["message"_L1].toString().contains("first or last name"_L1),
                 qPrintable(result(r, 2)["message"_L1].toString()));
        // Somebody the event has already: the walk-in part is ignored, the entry counts.
        QCOMPARE(result(r, 3)["status"_L1].toString(), u"accepted"_s);

        QJsonObject before;
        CALL(stats(event, &before));
        QCOMPARE(before["attendees"_L1].toInt(), 3);
        QCOMPARE(before["walk_ins"_L1].toInt(), 1);
        QCOMPARE(before["entries"_L1].toInt(), 3);
        QCOMPARE(before["inside"_L1].toInt(), 3);
        QCOMPARE(before["rejected"_L1].toInt(), 0);

        // Every other door hears of the walk-in like of any attendee, before the entry that made them.
        feed = {};
        CALL(readFeed(event, doorB.token, &cursor, &feed));
        int attendeeAt = -1, entryAt = -1;
        for (int i = 0; i < feed.size(); ++i) {
            const QJsonObject change = feed[i].toObject();
            const QString type = change["type"_L1].toString();
            QVERIFY2(change["id"_L1].toString() != w3 && change["id"_L1].toString() != c3,
                     "a refused walk-in reached the feed");
            QVERIFY2(!(type == "attendee"_L1 && change["id"_L1].toString() == listed),
                     "an ignored walk_in changed an attendee of the list");
            if (type == "attendee"_L1 && change["id"_L1].toString() == w1) {
                attendeeAt = i;
                QCOMPARE(change["first_name"_L1].toString(), u"Ann"_s);
                QCOMPARE(change["last_name"_L1].toString(), u"Lee"_s);
                QCOMPARE(change["company"_L1].toString(), u"Acme"_s);
                QCOMPARE(change["ticket_type"_L1].toString(), u"Day pass"_s);
                QCOMPARE(change["status"_L1].toString(), u"valid"_s);
                QCOMPARE(change["walk_in_checkin"_L1].toString(), c1);
                QCOMPARE(change["walk_in_device"_L1].toString(), doorA.id);
                QVERIFY(!change.contains("code_hash"_L1));
            }
            if (type == "checkin"_L1 && change["id"_L1].toString() == c1) {
                entryAt = i;
                QCOMPARE(change["status"_L1].toString(), u"accepted"_s);
                QCOMPARE(change["attendee_id"_L1].toString(), w1);
            }
        }
        QVERIFY2(attendeeAt >= 0 && entryAt > attendeeAt, qPrintable(QString::fromUtf8(compact(feed))));
        QCOMPARE(feed.size(), 4); // the walk-in, and the entries c1, c2, c4

        // The same batch again (a lost answer): the same results, nobody created twice.
        r = m_http.post(path, first, doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("results"_L1).toArray(), results);
        // The same id with another walk-in: id_reused, nothing changes.
        r = m_http.post(path, batch({walkInEntry(c1, w1, base + 10, with(ann, u"first_name"_s, u"Anna"_s))}),
                        doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"rejected"_s);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"id_reused"_s);
        // ... and without the walk-in (a different body too).
        r = m_http.post(path, batch({checkIn(c1, w1, base + 10)}), doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"id_reused"_s);
        // ... and the same body from another device.
        r = m_http.post(path, batch({walkInEntry(c1, w1, base + 10, ann)}), doorB.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"id_reused"_s);
        QJsonObject after;
        CALL(stats(event, &after));
        for (const char *key : {"attendees", "walk_ins", "inside", "entries", "duplicates", "rejected"})
            QVERIFY2(after[QLatin1StringView(key)] == before[QLatin1StringView(key)], key);
        QJsonArray nothing;
        QString unchanged = cursor;
        CALL(readFeed(event, doorB.token, &unchanged, &nothing));
        QVERIFY2(nothing.isEmpty(), qPrintable(QString::fromUtf8(compact(nothing))));

        // Later check-ins of the walk-in need no walk_in; one that carries another is ignored.
        const QString c5 = newId(), c6 = newId();
        r = m_http.post(path,
                        batch({checkIn(c5, w1, base + 50, u"exit"_s),
                               walkInEntry(c6, w1, base + 60, QJsonObject{{"first_name"_L1, u"Changed"_s}})}),
                        doorB.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        QCOMPARE(result(r, 1)["status"_L1].toString(), u"accepted"_s);
        feed = {};
        CALL(readFeed(event, doorA.token, &cursor, &feed));
        QCOMPARE(feed.size(), 2);
        for (const QJsonValue &change : std::as_const(feed))
            QCOMPARE(change["type"_L1].toString(), u"checkin"_s);

        // Two entries registering one new person in one batch: the first registers, the second is a
        // duplicate of it, for review with the walk-in named as such.
        const QString w2 = newId(), c7 = newId(), c8 = newId();
        r = m_http.post(path,
                        batch({walkInEntry(c7, w2, base + 70, QJsonObject{{"last_name"_L1, u"Twice"_s}}),
                               walkInEntry(c8, w2, base + 80, QJsonObject{{"last_name"_L1, u"Other"_s}})}),
                        doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        QCOMPARE(result(r, 1)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(result(r, 1)["first"_L1].toString(), c7);
        r = m_http.get(u"/api/v1/events/%1/conflicts"_s.arg(event));
        EXPECT_STATUS(r, 200);
        const QJsonArray review = r.value("conflicts"_L1).toArray();
        QCOMPARE(review.size(), 1);
        QCOMPARE(review[0]["id"_L1].toString(), c8);
        QCOMPARE(review[0]["attendee"_L1].toString(), u"Twice"_s);
        QCOMPARE(review[0]["walk_in"_L1].toBool(), true);
        CALL(stats(event, &after));
        QCOMPARE(after["attendees"_L1].toInt(), 4);
        QCOMPARE(after["walk_ins"_L1].toInt(), 2);

        // A batch of nothing but refused walk-ins still answers every item.
        r = m_http.post(path,
                        batch({walkInEntry(newId(), newId(), base + 90,
                                           QJsonObject{{"first_name"_L1, QString(300, u'x')}}),
                               walkInEntry(newId(), u"not-a-uuid"_s, base + 91, ann),
                               with(walkInEntry(newId(), newId(), base + 92, ann), u"kind"_s, u"exit"_s)}),
                        doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("results"_L1).toArray().size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(result(r, i)["reason"_L1].toString(), u"invalid_walk_in"_s);
        QVERIFY(result(r, 0)["message"_L1].toString().contains("too long"_L1));
        // A walk_in that is no object at all is the item's problem too, not the batch's.
        r = m_http.post(path, batch({with(checkIn(newId(), newId(), base + 93), u"walk_in"_s, u"Ann"_s)}),
                        doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"invalid_walk_in"_s);
        CALL(stats(event, &after));
        QCOMPARE(after["attendees"_L1].toInt(), 4);

        // The event lead sees walk-ins in the feed, with the device that registered them.
        QString adminCursor;
        QJsonArray all;
        CALL(readFeed(event, kAdminToken, &adminCursor, &all));
        int walkIns = 0;
        for (const QJsonValue &change : std::as_const(all)) {
            if (change["type"_L1].toString() == "attendee"_L1 &&
                change.toObject().contains("walk_in_device"_L1)) {
                ++walkIns;
                QCOMPARE(change["walk_in_device"_L1].toString(), doorA.id);
            }
        }
        QCOMPARE(walkIns, 2);
    }

    void badgePrints()
    {
        const QString event = u"ev-badges"_s;
        const QString path = u"/api/v1/events/%1/prints"_s.arg(event);
        CALL(createEvent(event, u"Badge day"_s));
        CALL(upload(event,
                    attendees({attendee(u"b1"_s, u"Bea"_s, u"One"_s, u"BADGE-0001"_s),
                               attendee(u"b2"_s, u"Bo"_s, u"Two"_s, u"BADGE-0002"_s)}),
                    2));
        Device doorA, doorB;
        CALL(enrol(event, u"Door A"_s, &doorA));
        CALL(enrol(event, u"Door B"_s, &doorB));
        QString cursor;
        QJsonArray feed;
        CALL(readFeed(event, doorB.token, &cursor, &feed));
        QCOMPARE(feed.size(), 2);

        const qint64 at = nowMs() - 60'000;
        auto print = [](const QString &id, const QString &attendeeId, qint64 ms, const QString &layout) {
            QJsonObject o{{"id"_L1, id}, {"attendee_id"_L1, attendeeId}, {"at"_L1, isoTime(ms)}};
            if (!layout.isEmpty())
                o.insert("layout"_L1, layout);
            return o;
        };
        const QString p1 = newId(), p2 = newId(), p3 = newId();
        const QByteArray body =
            compact(QJsonObject{{"prints"_L1, QJsonArray{print(p1, u"b1"_s, at, u"a6"_s),
                                                         print(p2, u"b1"_s, at + 1000, u"brother-62"_s),
                                                         print(p3, u"nobody"_s, at + 2000, {})}}});
        for (int round = 0; round < 2; ++round) { // the same batch again: the same answers, nothing new
            const Reply r = m_http.post(path, body, doorA.token);
            EXPECT_STATUS(r, 200);
            QCOMPARE(result(r, 0), (QJsonObject{{"id"_L1, p1}, {"status"_L1, u"stored"_s}}));
            QCOMPARE(result(r, 1), (QJsonObject{{"id"_L1, p2}, {"status"_L1, u"stored"_s}}));
            QCOMPARE(result(r, 2),
                     (QJsonObject{
                         {"id"_L1, p3}, {"status"_L1, u"rejected"_s}, {"reason"_L1, u"unknown_attendee"_s}}));
        }
        // The same id with another body, from another door: refused, nothing changes.
        Reply r = m_http.post(
            path, compact(QJsonObject{{"prints"_L1, QJsonArray{print(p1, u"b2"_s, at, u"a6"_s)}}}),
            doorB.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0).value("reason"_L1).toString(), u"id_reused"_s);

        // Malformed: the whole batch is refused with a sentence.
        const QList<QPair<QJsonValue, QString>> bad{
            {QJsonArray{}, u"invalid_batch"_s},
            {QJsonArray{print(u"not-a-uuid"_s, u"b1"_s, at, {})}, u"invalid_print"_s},
            {QJsonArray{print(newId(), u"b1"_s, at, u"a 6"_s)}, u"invalid_print"_s},
            {QJsonArray{print(newId(), u"b\u0007"_s, at, {})}, u"invalid_print"_s},
            {QJsonArray{QJsonObject{{"id"_L1, newId()}, {"at"_L1, isoTime(at)}}}, u"invalid_print"_s},
            {QJsonArray{u"print"_s}, u"invalid_print"_s},
            {QJsonValue(u"prints"_s), u"invalid_batch"_s},
        };
        for (const auto &[items, code] : bad) {
            r = m_http.post(path, compact(QJsonObject{{"prints"_L1, items}}), doorA.token);
            QVERIFY2(r.status == 400 && r.errorCode() == code && r.hasErrorBody(), qPrintable(r.describe()));
        }
        QJsonArray tooMany;
        for (int i = 0; i <= 1000; ++i)
            tooMany.append(print(newId(), u"b2"_s, at, {}));
        r = m_http.post(path, compact(QJsonObject{{"prints"_L1, tooMany}}), doorA.token);
        QVERIFY2(r.status == 400 && r.errorCode() == u"invalid_batch"_s, qPrintable(r.describe()));
        // Devices only, of this event.
        EXPECT_STATUS(m_http.post(path, body, kAdminToken), 403);
        EXPECT_STATUS(m_http.post(path, body, m_otherDoor.token), 403);
        EXPECT_STATUS(m_http.post(path, body, QString()), 401);

        // Door B reads both prints of door A, once each, with the door's name; no other prints.
        feed = {};
        CALL(readFeed(event, doorB.token, &cursor, &feed));
        QStringList ids;
        for (const QJsonValue &v : std::as_const(feed)) {
            QCOMPARE(v["type"_L1].toString(), u"print"_s);
            QCOMPARE(v["device_name"_L1].toString(), u"Door A"_s);
            QCOMPARE(v["device_id"_L1].toString(), doorA.id);
            QCOMPARE(v["attendee_id"_L1].toString(), u"b1"_s);
            ids << v["id"_L1].toString();
        }
        QCOMPARE(ids, QStringList({p1, p2}));
        QCOMPARE(feed[0]["layout"_L1].toString(), u"a6"_s);
        QCOMPARE(feed[0]["at"_L1].toString(), isoTime(at));
        // Counted with the rest of the feed for a kiosk's preload.
        r = m_http.get(u"/api/v1/events/%1/changes?count=1"_s.arg(event), doorB.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("remaining"_L1).toInt(), 4);
    }

    void revocation()
    {
        Device door;
        CALL(enrol(u"ev-main"_s, u"Door 3"_s, &door));
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, door.token), 200);
        Reply r = m_http.call("DELETE", u"/api/v1/devices/%1"_s.arg(door.id), {}, kAdminToken);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("revoked"_L1).toBool(), true);
        r = m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, door.token);
        EXPECT_STATUS(r, 401);
        QVERIFY(r.hasErrorBody());
        // The device itself hears that it was revoked (it then deletes its data); an unknown token
        // hears only "unauthorized".
        QCOMPARE(r.errorCode(), u"device_revoked"_s);
        r = m_http.post(u"/api/v1/events/ev-main/checkins"_s,
                        batch({checkIn(newId(), u"a5"_s, nowMs() - 1000)}), door.token);
        EXPECT_STATUS(r, 401);
        QCOMPARE(r.errorCode(), u"device_revoked"_s);
        r = m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, door.token + u"x"_s);
        EXPECT_STATUS(r, 401);
        QCOMPARE(r.errorCode(), u"unauthorized"_s);
        // Again: the same outcome. Unknown: 404.
        EXPECT_STATUS(m_http.call("DELETE", u"/api/v1/devices/%1"_s.arg(door.id), {}, kAdminToken), 200);
        r = m_http.call("DELETE", u"/api/v1/devices/%1"_s.arg(newId()), {}, kAdminToken);
        EXPECT_STATUS(r, 404);
        QVERIFY(r.hasErrorBody());
        r = m_http.get(u"/api/v1/events/ev-main/devices"_s);
        EXPECT_STATUS(r, 200);
        int revoked = 0;
        for (const QJsonValue &d : r.value("devices"_L1).toArray())
            revoked += d["revoked"_L1].toBool() ? 1 : 0;
        QCOMPARE(revoked, 1);
        // The others go on.
        EXPECT_STATUS(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, m_door1.token), 200);
    }

    // Doors that talk to each other: the event's key (with the enrolment and the feed, to devices
    // only, replaced at a revocation), and check-ins a door delivers for another door.
    void doorsDeliverForEachOther()
    {
        Reply page = m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, m_door1.token);
        EXPECT_STATUS(page, 200);
        PeerKey key;
        QString error;
        QVERIFY2(Protocol::readPeerKey(page.value("peer_key"_L1), &key, &error), qPrintable(error));
        QVERIFY(key.isValid());
        QVERIFY(m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s).value("peer_key"_L1).isUndefined());
        // Another event has another key.
        PeerKey other;
        QVERIFY(Protocol::readPeerKey(
            m_http.get(u"/api/v1/events/ev-other/changes?limit=1"_s, m_otherDoor.token).value("peer_key"_L1),
            &other, &error));
        QVERIFY(other.isValid() && other.secret != key.secret);
        // A new door gets the same key with its enrolment; revoking it makes the next generation.
        const Reply code = m_http.post(u"/api/v1/events/ev-main/enrolment-codes"_s, {});
        const Reply enrolled = m_http.post(
            u"/api/v1/devices"_s,
            compact(QJsonObject{{"code"_L1, code.value("code"_L1).toString()}, {"name"_L1, u"Door 5"_s}}),
            {});
        EXPECT_STATUS(enrolled, 201);
        PeerKey given;
        QVERIFY(Protocol::readPeerKey(enrolled.value("peer_key"_L1), &given, &error));
        QCOMPARE(given, key);
        EXPECT_STATUS(m_http.call("DELETE",
                                  u"/api/v1/devices/%1"_s.arg(enrolled.value("device_id"_L1).toString()), {},
                                  kAdminToken),
                      200);
        PeerKey next;
        QVERIFY(Protocol::readPeerKey(
            m_http.get(u"/api/v1/events/ev-main/changes?limit=1"_s, m_door1.token).value("peer_key"_L1),
            &next, &error));
        QCOMPARE(next.generation, key.generation + 1);
        QVERIFY(next.secret != key.secret);

        // Door 2 delivers door 1's check-in: it is door 1's; door 1's own copy later is the same
        // check-in (not id_reused), and so is a second relay.
        const QString id = newId();
        QJsonObject item = checkIn(id, u"a6"_s, nowMs() - 5000);
        QJsonObject relayed = item;
        relayed.insert("device_id"_L1, m_door1.id);
        Reply r = m_http.post(u"/api/v1/events/ev-main/checkins"_s, batch({relayed}), m_door2.token);
        EXPECT_STATUS(r, 200);
        const QString status = result(r, 0)["status"_L1].toString();
        QVERIFY2(status == u"accepted"_s || status == u"duplicate"_s, qPrintable(status));
        for (const auto &[body, token] :
             {std::pair{item, m_door1.token}, std::pair{relayed, m_door2.token}}) {
            r = m_http.post(u"/api/v1/events/ev-main/checkins"_s, batch({body}), token);
            EXPECT_STATUS(r, 200);
            QCOMPARE(result(r, 0)["status"_L1].toString(), status);
        }
        QString cursor;
        QJsonArray changes;
        CALL(readFeed(u"ev-main"_s, m_door2.token, &cursor, &changes));
        const QJsonObject change = checkInChanges(changes).value(id);
        QCOMPARE(change["device_id"_L1].toString(), m_door1.id);

        // A door of another event, or no device at all: that item is refused and not stored; the
        // rest of the batch goes through.
        const QString stranger = newId();
        const QString fine = newId();
        QJsonObject foreign = checkIn(stranger, u"a7"_s, nowMs() - 4000);
        foreign.insert("device_id"_L1, m_otherDoor.id);
        QJsonObject nobody = checkIn(newId(), u"a7"_s, nowMs() - 3900);
        nobody.insert("device_id"_L1, newId());
        r = m_http.post(u"/api/v1/events/ev-main/checkins"_s,
                        batch({foreign, nobody, checkIn(fine, u"a8"_s, nowMs() - 3000)}), m_door2.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["reason"_L1].toString(), u"unknown_device"_s);
        QCOMPARE(result(r, 1)["reason"_L1].toString(), u"unknown_device"_s);
        QVERIFY(result(r, 2)["reason"_L1].toString() != u"unknown_device"_s); // stored, however it counts
        // Read as the lead: "a8" is nobody of this event, and such a check-in goes to the lead only.
        changes = {};
        QString leadCursor;
        CALL(readFeed(u"ev-main"_s, kAdminToken, &leadCursor, &changes));
        QVERIFY(!checkInChanges(changes).contains(stranger));
        QCOMPARE(checkInChanges(changes).value(fine)["device_id"_L1].toString(), m_door2.id);
        // The doors do not get it: no door can show it to anybody.
        changes = {};
        CALL(readFeed(u"ev-main"_s, m_door2.token, &cursor, &changes));
        QVERIFY(!checkInChanges(changes).contains(fine));
        // Not a device id at all: the batch is malformed.
        QJsonObject junk = checkIn(newId(), u"a7"_s, nowMs() - 3800);
        junk.insert("device_id"_L1, u"Door 1"_s);
        EXPECT_STATUS(m_http.post(u"/api/v1/events/ev-main/checkins"_s, batch({junk}), m_door2.token), 400);
    }

    void malformedInput()
    {
        CALL(createEvent(u"ev-fuzz"_s, u"Fuzz"_s));
        CALL(upload(u"ev-fuzz"_s, attendees({attendee(u"fz-1"_s, u"Fuzz"_s, u"One"_s, u"FZ-1"_s)}), 1));
        Device door;
        CALL(enrol(u"ev-fuzz"_s, u"Fuzz door"_s, &door));

        // Boundaries first: 1000 check-ins are a batch, 1001 are not.
        QList<QJsonObject> items;
        const qint64 t = nowMs() - 60'000;
        for (int i = 0; i < 1001; ++i)
            items << checkIn(newId(), u"fz-1"_s, t + i, i % 2 ? u"exit"_s : u"entry"_s);
        Reply r = m_http.post(u"/api/v1/events/ev-fuzz/checkins"_s, batch(items), door.token);
        EXPECT_STATUS(r, 400);
        QCOMPARE(r.errorCode(), u"invalid_batch"_s);
        items.removeLast();
        r = m_http.post(u"/api/v1/events/ev-fuzz/checkins"_s, batch(items), door.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("results"_L1).toArray().size(), 1000);

        QJsonObject statsBefore;
        CALL(stats(u"ev-fuzz"_s, &statsBefore));
        Reply eventsBefore = m_http.get(u"/api/v1/events"_s);
        EXPECT_STATUS(eventsBefore, 200);

        struct Target
        {
            const char *name;
            QString path;
            QString token;
            QJsonObject valid;      // a valid body
            QString list;           // the key of the item list, if any
            QStringList fields;     // the string fields of the body (or of an item)
            QStringList boolFields; // the bool fields
        };
        QJsonObject validCheckIn = checkIn(u"00000000-0000-4000-8000-000000000001"_s, u"fz-1"_s, t);
        validCheckIn.insert("forced"_L1, false);
        validCheckIn.insert("note"_L1, u"n"_s);
        QJsonObject validAttendee = attendee(u"fz-2"_s, u"Ann"_s, u"Lee"_s, u"FZ-2"_s, u"ann@example.org"_s);
        validAttendee.insert("company"_L1, u"Acme"_s);
        validAttendee.insert("ticket_type"_L1, u"Day"_s);
        const QList<Target> targets{
            {"POST checkins",
             u"/api/v1/events/ev-fuzz/checkins"_s,
             door.token,
             QJsonObject{{"checkins"_L1, QJsonArray{validCheckIn, validCheckIn}}},
             u"checkins"_s,
             {u"id"_s, u"attendee_id"_s, u"code_hash"_s, u"kind"_s, u"ref"_s, u"at"_s, u"hlc"_s, u"note"_s},
             {u"forced"_s}},
            {"POST attendees",
             u"/api/v1/events/ev-fuzz/attendees"_s,
             kAdminToken,
             QJsonObject{{"attendees"_L1, QJsonArray{validAttendee}}},
             u"attendees"_s,
             {u"id"_s, u"first_name"_s, u"last_name"_s, u"company"_s, u"email"_s, u"ticket_type"_s,
              u"ticket_code"_s, u"code_hash"_s, u"status"_s, u"cancelled_at"_s},
             {}},
            {"POST events",
             u"/api/v1/events"_s,
             kAdminToken,
             QJsonObject{{"id"_L1, u"ev-fuzz-new"_s},
                         {"name"_L1, u"Fuzz"_s},
                         {"starts_at"_L1, u"2026-06-01T08:00:00.000Z"_s},
                         {"ends_at"_L1, u"2026-06-01T18:00:00.000Z"_s},
                         {"timezone"_L1, u"UTC"_s}},
             {},
             {u"id"_s, u"name"_s, u"starts_at"_s, u"ends_at"_s, u"timezone"_s, u"salt"_s},
             {}},
            {"POST devices",
             u"/api/v1/devices"_s,
             {},
             QJsonObject{{"code"_L1, u"ABCD-EFGH"_s}, {"name"_L1, u"Door"_s}},
             {},
             {u"code"_s, u"name"_s},
             {}},
        };
        // The valid bodies do what they should, so that what fails below fails for the mutation.
        // (Except the event: its valid form would create it; and the devices' code is unknown: 403.)
        r = m_http.post(targets[0].path, compact(targets[0].valid), door.token);
        EXPECT_STATUS(r, 200);
        r = m_http.post(targets[1].path, compact(targets[1].valid));
        EXPECT_STATUS(r, 200);
        CALL(stats(u"ev-fuzz"_s, &statsBefore));

        QRandomGenerator rng(m_seed);
        auto randomBytes = [&](int n) {
            QByteArray b(n, '\0');
            for (char &c : b)
                c = char(rng.bounded(256));
            return b;
        };
        auto hugeString = [&](int n) {
            static const QString alphabet = u"abcXYZäöüßЖ漢😀-_"_s;
            QString s;
            s.reserve(n);
            while (s.size() < n)
                s += alphabet.mid(rng.bounded(int(alphabet.size())), 1);
            return s;
        };
        const QList<QJsonValue> wrongTypes{QJsonValue(42),
                                           QJsonValue(-1.5),
                                           QJsonValue(true),
                                           QJsonValue(QJsonArray()),
                                           QJsonValue(QJsonArray{1, u"x"_s}),
                                           QJsonValue(QJsonObject()),
                                           QJsonValue(QJsonObject{{"a"_L1, 1}})};
        // Sets `field` in the body, or in one item of its list.
        auto setField = [&](const Target &target, const QString &field, const QJsonValue &value) {
            QJsonObject body = target.valid;
            if (target.list.isEmpty()) {
                body[field] = value;
                return body;
            }
            QJsonArray list = body[target.list].toArray();
            const int at = rng.bounded(int(list.size()));
            QJsonObject item = list[at].toObject();
            // A check-in id not stored yet: the item is judged on its own, not answered with id_reused.
            if (target.list == "checkins"_L1)
                item["id"_L1] = u"%1-%2-4%3-8%4-%5"_s.arg(rng.generate(), 8, 16, QLatin1Char('0'))
                                    .arg(rng.bounded(0x10000), 4, 16, QLatin1Char('0'))
                                    .arg(rng.bounded(0x1000), 3, 16, QLatin1Char('0'))
                                    .arg(rng.bounded(0x1000), 3, 16, QLatin1Char('0'))
                                    .arg(rng.generate64() & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
            item[field] = value;
            list[at] = item;
            body[target.list] = list;
            return body;
        };
        auto nested = [&](int depth, bool arrays) {
            QByteArray b;
            for (int i = 0; i < depth; ++i)
                b += arrays ? "[" : "{\"a\":";
            b += "1";
            for (int i = 0; i < depth; ++i)
                b += arrays ? "]" : "}";
            return b;
        };

        // Ids in paths (percent-encoded as sent) that no event or device has.
        const QStringList oddIds{u"%00"_s,
                                 u"a%00b"_s,
                                 u"%FF%FE"_s,
                                 u"%E2%82"_s,
                                 QString(5000, u'x'),
                                 u"%20"_s,
                                 u"ev%2Ffuzz"_s,
                                 u"..%2F.."_s,
                                 u"ev-fuzz%0A"_s,
                                 u"%F0%9F%98%80"_s,
                                 u"'%3B DROP TABLE events%3B--"_s};
        int cases = 0;
        QHash<int, int> statuses;
        QElapsedTimer timer;
        timer.start();
        for (const Target &target : targets) {
            const QByteArray valid = compact(target.valid);
            struct Case
            {
                QString kind;
                QByteArray body;
                QByteArray contentType = "application/json";
                QString path;
                int expect = 0; // 0: any 4xx
            };
            QList<Case> list;
            for (int i = 0; i < 250; ++i)
                list << Case{u"random bytes"_s, randomBytes(rng.bounded(0, i < 240 ? 300 : 20'000))};
            if (target.list == "attendees"_L1) {
                for (int i = 0; i < 60; ++i)
                    list << Case{u"random bytes as CSV"_s, randomBytes(rng.bounded(0, 2000)), "text/csv"};
            }
            for (int i = 0; i < 200; ++i)
                list << Case{u"truncated"_s, valid.left(rng.bounded(int(valid.size())))};
            for (int i = 0; i < 250; ++i) {
                // Byte mutations that break the JSON (those that keep it valid are the wrong-type cases).
                QByteArray b = valid;
                for (int tries = 0; tries < 100; ++tries) {
                    b = valid;
                    for (int m = rng.bounded(1, 4); m > 0; --m) {
                        const int at = rng.bounded(int(b.size()));
                        switch (rng.bounded(4)) {
                        case 0:
                            b[at] = char(rng.bounded(256));
                            break;
                        case 1:
                            b.remove(at, rng.bounded(1, 8));
                            break;
                        case 2:
                            b.insert(at, "{}[]\",:\\"[rng.bounded(8)]);
                            break;
                        default:
                            b.insert(at, b.mid(rng.bounded(int(b.size())), rng.bounded(1, 16)));
                        }
                    }
                    QJsonParseError e;
                    QJsonDocument::fromJson(b, &e);
                    if (e.error != QJsonParseError::NoError)
                        break;
                }
                list << Case{u"mutated"_s, b};
            }
            for (const QString &field : target.fields) {
                for (const QJsonValue &v : wrongTypes)
                    list << Case{u"wrong type for "_s + field, compact(setField(target, field, v))};
                for (int n : {2000, 70'000, 1'500'000})
                    list << Case{u"huge string in "_s + field,
                                 compact(setField(target, field, hugeString(n)))};
                list << Case{u"NUL in "_s + field,
                             compact(setField(target, field, QString(u"a"_s + QChar(u'\0') + u"b"_s)))};
            }
            for (const QString &field : target.boolFields) {
                for (const QJsonValue &v : {QJsonValue(u"true"_s), QJsonValue(1), QJsonValue(QJsonArray())})
                    list << Case{u"wrong type for "_s + field, compact(setField(target, field, v))};
            }
            if (!target.list.isEmpty()) {
                for (const QJsonValue &v :
                     {QJsonValue(42), QJsonValue(-1.5), QJsonValue(true), QJsonValue(u"x"_s),
                      QJsonValue(QJsonObject()), QJsonValue(QJsonObject{{"a"_L1, 1}})}) {
                    QJsonObject body = target.valid;
                    body[target.list] = v;
                    list << Case{u"wrong type for "_s + target.list, compact(body)};
                }
                QJsonObject noItems = target.valid;
                noItems[target.list] = QJsonArray{42, u"x"_s, QJsonArray(), QJsonValue::Null};
                list << Case{u"items that are not objects"_s, compact(noItems)};
            }
            for (const QByteArray &b : {"null"_ba, "[]"_ba, "\"text\""_ba, "42"_ba, "true"_ba, "{}"_ba,
                                        "[{}]"_ba, " "_ba, ""_ba, "\xef\xbb\xbf{}"_ba})
                list << Case{u"not an object"_s, b};
            for (int i = 0; i < 60; ++i) {
                const int depth = i < 30 ? rng.bounded(2, 1100) : rng.bounded(1100, 20'000);
                const QByteArray deep = nested(depth, i % 2 == 0);
                const QByteArray key =
                    target.list.isEmpty() ? target.fields.first().toUtf8() : target.list.toUtf8();
                list << Case{u"nesting %1"_s.arg(depth),
                             i % 3 == 0 ? deep : "{\"" + key + "\":" + deep + "}"};
            }
            const qsizetype limit = target.path.endsWith("/attendees"_L1) ? kMaxUploadBytes : kMaxBodyBytes;
            list << Case{u"oversized"_s, valid + QByteArray(limit, ' '), "application/json", {}, 413};
            list << Case{u"oversized"_s, randomBytes(int(limit) + 1), "application/json", {}, 413};
            if (target.path.contains("ev-fuzz"_L1)) {
                // Odd event ids in the path.
                for (const QString &id : oddIds) {
                    QString p = target.path;
                    p.replace(u"ev-fuzz"_s, id);
                    list << Case{u"event id "_s + id.left(40), valid, "application/json", p};
                }
            }

            for (const Case &c : list) {
                ++cases;
                const Reply reply = m_http.post(c.path.isEmpty() ? target.path : c.path, c.body, target.token,
                                                {{"Content-Type", c.contentType}});
                ++statuses[reply.status];
                const QString what = u"%1, %2 (case %3, %4 bytes: %5): "_s.arg(
                    QLatin1StringView(target.name), c.kind, QString::number(cases),
                    QString::number(c.body.size()),
                    QString::fromLatin1(c.body.left(120).toPercentEncoding(" {}[]\":,")));
                QVERIFY2(c.expect ? reply.status == c.expect : reply.status >= 400 && reply.status < 500,
                         qPrintable(what + reply.describe()));
                QVERIFY2(reply.hasErrorBody(),
                         qPrintable(what + u"no JSON error body: "_s + reply.describe()));
            }
        }
        qInfo("%d malformed requests in %lld ms; statuses: %s", cases, timer.elapsed(), qPrintable([&] {
                  QStringList s;
                  for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
                      s << u"%1 x%2"_s.arg(it.key()).arg(it.value());
                  s.sort();
                  return s.join(u", "_s);
              }()));
        QVERIFY(cases > 3000);

        // The same odd ids on the other routes that take one, and requests for no endpoint at all: 4xx
        // with a JSON error.
        QList<QPair<QByteArray, QString>> odd;
        for (const QString &id : oddIds) {
            for (const char *route : {"/changes", "/stats", "/conflicts", "/devices"})
                odd << qMakePair("GET"_ba, u"/api/v1/events/"_s + id + QLatin1StringView(route));
            odd << qMakePair("POST"_ba, u"/api/v1/events/%1/enrolment-codes"_s.arg(id));
            odd << qMakePair("DELETE"_ba, u"/api/v1/devices/"_s + id);
        }
        odd << qMakePair("PUT"_ba, u"/api/v1/events"_s) << qMakePair("GET"_ba, u"/api/v1/nothing"_s)
            << qMakePair("POST"_ba, u"/api/v1/health"_s) << qMakePair("GET"_ba, u"/console/no-such-file.js"_s)
            << qMakePair("POST"_ba, u"/"_s) << qMakePair("DELETE"_ba, u"/api/v1/events/ev-fuzz"_s)
            << qMakePair("GET"_ba, u"/api/v2/health"_s);
        for (const auto &[method, path] : std::as_const(odd)) {
            const Reply reply = m_http.call(method, path, {}, kAdminToken);
            const QString what =
                QString::fromLatin1(method) + u' ' + path.left(80) + u": "_s + reply.describe();
            QVERIFY2(reply.status >= 400 && reply.status < 500, qPrintable(what));
            QVERIFY2(reply.hasErrorBody(), qPrintable(what));
        }

        // The server is fine and nothing was created.
        EXPECT_STATUS(m_http.get(u"/api/v1/health"_s, {}), 200);
        QVERIFY(m_server.running());
        QJsonObject statsAfter;
        CALL(stats(u"ev-fuzz"_s, &statsAfter));
        for (const char *key : {"attendees", "inside", "entries", "duplicates", "conflicts", "rejected"})
            QVERIFY2(statsAfter[QLatin1StringView(key)] == statsBefore[QLatin1StringView(key)], key);
        QCOMPARE(statsAfter["devices"_L1].toArray().size(), 1);
        const Reply eventsAfter = m_http.get(u"/api/v1/events"_s);
        EXPECT_STATUS(eventsAfter, 200);
        QCOMPARE(eventsAfter.value("events"_L1).toArray(), eventsBefore.value("events"_L1).toArray());
    }

    void overload()
    {
        checkin::test::ServerProcess busy;
        CALL(startServer(&busy, u"overload"_s, {u"--max-inflight"_s, u"8"_s, u"--workers"_s, u"2"_s}));
        Client http;
        http.setPort(busy.port());
        EXPECT_STATUS(http.post(u"/api/v1/events"_s,
                                compact(QJsonObject{{"id"_L1, u"ev-load"_s}, {"name"_L1, u"Load"_s}})),
                      201);
        QList<QJsonObject> people;
        for (int i = 0; i < 2000; ++i)
            people << attendee(u"l%1"_s.arg(i), u"Load%1"_s.arg(i), u"Person"_s, u"LOAD-%1"_s.arg(i),
                               u"l%1@example.org"_s.arg(i));
        Reply r = http.post(u"/api/v1/events/ev-load/attendees"_s, attendees(people));
        EXPECT_STATUS(r, 200);
        QCOMPARE(r.value("inserted"_L1).toInt(), 2000);
        // On PostgreSQL the new rows may wait for other transactions of the cluster to end before
        // the feed shows them ("more" with nothing yet): wait until one read gets them all.
        {
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 30000) {
                const Reply page = http.get(u"/api/v1/events/ev-load/changes?limit=5000"_s);
                if (page.value("changes"_L1).toArray().size() == 2000)
                    break;
                QTest::qWait(50);
            }
        }

        // A door delivering check-ins while 200 readers flood the feed: pages of the feed fill at
        // most 6 of the 8 places in flight, and the threads take the uploads first, so they are
        // neither shed nor kept waiting.
        const Reply code = http.post(u"/api/v1/events/ev-load/enrolment-codes"_s, {});
        EXPECT_STATUS(code, 201);
        const Reply door = http.post(
            u"/api/v1/devices"_s,
            compact(QJsonObject{{"code"_L1, code.value("code"_L1).toString()}, {"name"_L1, u"Door"_s}}), {});
        EXPECT_STATUS(door, 201);
        const QString doorToken = door.value("token"_L1).toString();
        QList<QByteArray> requests;
        QList<int> uploads;
        for (int i = 0; i < 200; ++i) {
            requests << rawRequest("GET", u"/api/v1/events/ev-load/changes?limit=5000"_s, busy.port(),
                                   kAdminToken);
            if (i % 100 == 50) {
                uploads << int(requests.size());
                requests << rawRequest("POST", u"/api/v1/events/ev-load/checkins"_s, busy.port(), doorToken,
                                       batch({checkIn(newId(), u"l%1"_s.arg(i), nowMs())}));
            }
        }
        QElapsedTimer timer;
        timer.start();
        const QList<Reply> replies = burst(busy.port(), requests, 60'000);
        const qint64 elapsed = timer.elapsed();
        int ok = 0;
        int shed = 0;
        for (const int i : std::as_const(uploads)) {
            EXPECT_STATUS(replies[i], 200);
            QCOMPARE(replies[i].value("results"_L1).toArray().size(), 1);
        }
        for (qsizetype i = 0; i < replies.size(); ++i) {
            if (uploads.contains(int(i)))
                continue;
            const Reply &reply = replies[i];
            QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.describe()));
            if (reply.status == 200) {
                ++ok;
                QVERIFY(reply.value("changes"_L1).toArray().size() >= 2000); // and the door's check-ins
                continue;
            }
            QVERIFY2(reply.status == 503, qPrintable(reply.describe()));
            ++shed;
            bool isNumber = false;
            const int retryAfter = reply.headers.value("retry-after").toInt(&isNumber);
            QVERIFY2(isNumber && retryAfter >= 1, qPrintable(reply.describe()));
            QVERIFY2(reply.hasErrorBody() && reply.errorCode() == "overloaded"_L1,
                     qPrintable(reply.describe()));
        }
        qInfo("overload: %d answered, %d shed with 503, in %lld ms", ok, shed, elapsed);
        QVERIFY(ok >= 1);
        QVERIFY(shed >= 1);
        QCOMPARE(ok + shed, 200);
        // Afterwards: healthy, and the in-flight count is back (a plain request is served).
        EXPECT_STATUS(http.get(u"/api/v1/health"_s, {}), 200);
        for (int i = 0; i < 8; ++i)
            EXPECT_STATUS(http.get(u"/api/v1/events/ev-load/changes?limit=10"_s), 200);
        QVERIFY2(busy.stop(), qPrintable(busy.log()));
    }

    void deviceRate()
    {
        checkin::test::ServerProcess limited;
        CALL(startServer(&limited, u"rate"_s, {u"--device-rate"_s, u"2"_s}));
        Client http;
        http.setPort(limited.port());
        EXPECT_STATUS(http.post(u"/api/v1/events"_s,
                                compact(QJsonObject{{"id"_L1, u"ev-rate"_s}, {"name"_L1, u"Rate"_s}})),
                      201);
        const Reply code = http.post(u"/api/v1/events/ev-rate/enrolment-codes"_s, {});
        EXPECT_STATUS(code, 201);
        const Reply device = http.post(
            u"/api/v1/devices"_s,
            compact(QJsonObject{{"code"_L1, code.value("code"_L1).toString()}, {"name"_L1, u"Busy door"_s}}),
            {});
        EXPECT_STATUS(device, 201);
        const QString token = device.value("token"_L1).toString();

        QList<QByteArray> requests;
        for (int i = 0; i < 20; ++i)
            requests << rawRequest("GET", u"/api/v1/events/ev-rate/changes?limit=1"_s, limited.port(), token);
        int ok = 0;
        int limitedCount = 0;
        int retryAfter = 0;
        for (const Reply &reply : burst(limited.port(), requests, 30'000)) {
            QVERIFY2(reply.networkError.isEmpty(), qPrintable(reply.describe()));
            if (reply.status == 200) {
                ++ok;
                continue;
            }
            QVERIFY2(reply.status == 429, qPrintable(reply.describe()));
            ++limitedCount;
            bool isNumber = false;
            retryAfter = qMax(retryAfter, reply.headers.value("retry-after").toInt(&isNumber));
            QVERIFY2(isNumber && retryAfter >= 1, qPrintable(reply.describe()));
            QVERIFY2(reply.hasErrorBody() && reply.errorCode() == "too_many_requests"_L1,
                     qPrintable(reply.describe()));
        }
        qInfo("device rate: %d served, %d refused with 429", ok, limitedCount);
        QVERIFY(ok >= 1);
        QVERIFY(limitedCount >= 10);
        // The admin is not a device: not limited.
        requests.clear();
        for (int i = 0; i < 20; ++i)
            requests << rawRequest("GET", u"/api/v1/events/ev-rate/stats"_s, limited.port(), kAdminToken);
        for (const Reply &reply : burst(limited.port(), requests, 30'000))
            QVERIFY2(reply.status == 200, qPrintable(reply.describe()));
        // After Retry-After the device is served again (a wait for time itself: there is no signal).
        QTest::qWait(retryAfter * 1000 + 100);
        EXPECT_STATUS(http.get(u"/api/v1/events/ev-rate/changes?limit=1"_s, token), 200);
        QVERIFY2(limited.stop(), qPrintable(limited.log()));
    }

    // Back-dating: a door claiming a time before the event (hlc "1.0", or a day too early) cannot put
    // its entry before another door's: the check-in counts from when it arrived and the lead sees
    // it flagged. Times within the event's window are the doors' own (late deliveries are normal).
    // A check-in id is its event's own (defect 12): the same id in two events is two check-ins,
    // each classified, answered and listed in its event alone; before, the second event's
    // upload was refused as id_reused (or answered with the first event's result).
    void checkInIdsAreTheEventsOwn()
    {
        const qint64 now = nowMs();
        const QString id = newId();
        QStringList events{u"ev-ids-a"_s, u"ev-ids-b"_s};
        QList<Device> doors(2);
        for (int n = 0; n < 2; ++n) {
            Reply created = m_http.post(u"/api/v1/events"_s,
                                        compact(QJsonObject{{"id"_L1, events[n]}, {"name"_L1, events[n]}}));
            EXPECT_STATUS(created, 201);
            CALL(upload(events[n],
                        attendees({attendee(u"p1"_s, u"Pia"_s, u"Eins"_s, u"IDS-000%1"_s.arg(n), {})}), 1));
            CALL(enrol(events[n], u"Door"_s, &doors[n]));
        }
        Reply r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(events[0]),
                              batch({checkIn(id, u"p1"_s, now - 2000)}), doors[0].token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        // The same id in the other event, a different body: its own, accepted.
        r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(events[1]),
                        batch({checkIn(id, u"p1"_s, now - 1000)}), doors[1].token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        // Each again: answered from its own event (idempotent), and a second entry in A is a
        // duplicate of A's first, not of B's.
        for (int n = 0; n < 2; ++n) {
            r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(events[n]),
                            batch({checkIn(id, u"p1"_s, now - 2000 + 1000 * n)}), doors[n].token);
            EXPECT_STATUS(r, 200);
            QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        }
        r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(events[0]),
                        batch({checkIn(newId(), u"p1"_s, now)}), doors[0].token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"duplicate"_s);
        QCOMPARE(result(r, 0)["first"_L1].toString(), id);
        for (int n = 0; n < 2; ++n) {
            Reply history = m_http.get(u"/api/v1/events/%1/attendees/p1"_s.arg(events[n]));
            EXPECT_STATUS(history, 200);
            QCOMPARE(history.value("checkins"_L1).toArray().size(), n == 0 ? 2 : 1);
            Reply conflicts = m_http.get(u"/api/v1/events/%1/conflicts"_s.arg(events[n]));
            EXPECT_STATUS(conflicts, 200);
        }
    }

    void backDating()
    {
        const qint64 now = nowMs();
        const QString event = u"ev-back"_s;
        Reply created =
            m_http.post(u"/api/v1/events"_s, compact(QJsonObject{{"id"_L1, event},
                                                                 {"name"_L1, u"Back"_s},
                                                                 {"starts_at"_L1, isoTime(now - 3600'000)}}));
        EXPECT_STATUS(created, 201);
        CALL(upload(event,
                    attendees({attendee(u"b1"_s, u"Bea"_s, u"One"_s, u"BACK-0001"_s, {}),
                               attendee(u"b2"_s, u"Ben"_s, u"Two"_s, u"BACK-0002"_s, {})}),
                    2));
        Device doorA;
        Device doorB;
        CALL(enrol(event, u"Door A"_s, &doorA));
        CALL(enrol(event, u"Door B"_s, &doorB));
        // Door A lets Bea in half an hour ago (late delivery, within the window): believed.
        const QString honest = newId();
        Reply r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(event),
                              batch({checkIn(honest, u"b1"_s, now - 1800'000)}), doorA.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        // Door B claims 1970, and then two days before the event: both count from now.
        for (const QString &hlc :
             QStringList{u"1.0"_s, QString::number(now - 3600'000 - 2 * 86400'000LL) + u".0"_s}) {
            QJsonObject early = checkIn(newId(), u"b1"_s, now);
            early.insert("hlc"_L1, hlc);
            r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(event), batch({early}), doorB.token);
            EXPECT_STATUS(r, 200);
            QCOMPARE(result(r, 0)["status"_L1].toString(), u"duplicate"_s);
        }
        // Door A's entry is still the accepted one.
        Reply history = m_http.get(u"/api/v1/events/%1/attendees/b1"_s.arg(event));
        EXPECT_STATUS(history, 200);
        bool honestAccepted = false;
        for (const QJsonValue &c : history.value("checkins"_L1).toArray())
            honestAccepted = honestAccepted ||
                             (c["id"_L1].toString() == honest && c["status"_L1].toString() == u"accepted"_s);
        QVERIFY2(honestAccepted, history.body.constData());
        // The lead sees the two flagged.
        Reply conflicts = m_http.get(u"/api/v1/events/%1/conflicts"_s.arg(event));
        EXPECT_STATUS(conflicts, 200);
        int flagged = 0;
        for (const QJsonValue &c : conflicts.value("conflicts"_L1).toArray())
            flagged += c["time_out_of_range"_L1].toBool() ? 1 : 0;
        QCOMPARE(flagged, 2);
        // Within the window, an hour before door A's: believed (an offline door delivering late).
        QJsonObject earlier = checkIn(newId(), u"b2"_s, now - 3000'000);
        r = m_http.post(u"/api/v1/events/%1/checkins"_s.arg(event), batch({earlier}), doorB.token);
        EXPECT_STATUS(r, 200);
        QCOMPARE(result(r, 0)["status"_L1].toString(), u"accepted"_s);
        conflicts = m_http.get(u"/api/v1/events/%1/conflicts"_s.arg(event));
        flagged = 0;
        for (const QJsonValue &c : conflicts.value("conflicts"_L1).toArray())
            flagged += c["time_out_of_range"_L1].toBool() ? 1 : 0;
        QCOMPARE(flagged, 2);
    }

    // Guessing enrolment codes: one answer for a code that is unknown or used; after 5 wrong ones
    // from an address, 429 with Retry-After (growing), and a right code after the wait still works.
    void enrolmentGuessing()
    {
        const Reply code = m_http.post(u"/api/v1/events/ev-main/enrolment-codes"_s, {});
        EXPECT_STATUS(code, 201);
        const QString right = code.value("code"_L1).toString();
        // A used code (door 1's) and unknown ones get the same sentence.
        Reply used = m_http.post(u"/api/v1/devices"_s,
                                 compact(QJsonObject{{"code"_L1, right}, {"name"_L1, u"G"_s}}), {});
        EXPECT_STATUS(used, 201); // now used
        used = m_http.post(u"/api/v1/devices"_s,
                           compact(QJsonObject{{"code"_L1, right}, {"name"_L1, u"G"_s}}), {});
        EXPECT_STATUS(used, 403);
        const QString sentence = used.json()["error"_L1]["message"_L1].toString();
        QVERIFY(!sentence.isEmpty());
        for (int i = 0; i < 4; ++i) {
            const Reply wrong =
                m_http.post(u"/api/v1/devices"_s,
                            compact(QJsonObject{{"code"_L1, u"WRNG-%1"_s.arg(i, 4, 10, QLatin1Char('0'))},
                                                {"name"_L1, u"G"_s}}),
                            {});
            EXPECT_STATUS(wrong, 403);
            QCOMPARE(wrong.errorCode(), u"invalid_code"_s);
            QCOMPARE(wrong.json()["error"_L1]["message"_L1].toString(), sentence);
        }
        // The sixth wrong one is counted, then the address waits.
        EXPECT_STATUS(m_http.post(u"/api/v1/devices"_s,
                                  compact(QJsonObject{{"code"_L1, u"WRNG-0005"_s}, {"name"_L1, u"G"_s}}), {}),
                      403);
        const Reply next = m_http.post(u"/api/v1/events/ev-main/enrolment-codes"_s, {});
        EXPECT_STATUS(next, 201);
        const QByteArray good = compact(
            QJsonObject{{"code"_L1, next.value("code"_L1).toString()}, {"name"_L1, u"After the wait"_s}});
        const Reply locked = m_http.post(u"/api/v1/devices"_s, good, {});
        EXPECT_STATUS(locked, 429);
        QCOMPARE(locked.errorCode(), u"too_many_attempts"_s);
        const int retryAfter = locked.headers.value("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 2, qPrintable(locked.describe()));
        // A wait for time itself: there is no signal.
        QTest::qWait(retryAfter * 1000 + 100);
        EXPECT_STATUS(m_http.post(u"/api/v1/devices"_s, good, {}), 201);
    }

    void stillHealthy()
    {
        EXPECT_STATUS(m_http.get(u"/api/v1/health"_s, {}), 200);
        QVERIFY(m_server.running());
    }
};

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_server_api.moc"
