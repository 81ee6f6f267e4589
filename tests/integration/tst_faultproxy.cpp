// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// FaultProxy in front of a real checkin-server (started by ServerProcess), driven by
// QNetworkAccessManager over keep-alive connections as the kiosk's sync engine would be: every
// fault, failNext, the path filter, the request log, and a server restart on the same port.
#include "FaultProxy.h"
#include "ServerProcess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using checkin::test::FaultProxy;
using checkin::test::ServerProcess;
using Fault = FaultProxy::Fault;

namespace {

const QString kAdminToken = u"tst-faultproxy-admin-token-0123456789"_s;

// One request through QNetworkAccessManager.
struct Call
{
    QByteArray method = "GET";
    QString path;
    QByteArray body;
    QByteArray queue; // X-Kiosk-Queue, when not empty
    QString token = kAdminToken;
    int timeoutMs = 10'000; // the transfer timeout
};

struct Answer
{
    int status = 0; // 0: no HTTP answer
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QByteArray body;
    QJsonObject json;
    QByteArray retryAfter;
    qint64 elapsedMs = 0;

    QString describe() const
    {
        return u"HTTP %1, network error %2 (%3), after %4 ms, body %5"_s.arg(status)
            .arg(int(error))
            .arg(errorText)
            .arg(elapsedMs)
            .arg(QString::fromUtf8(body.left(300)));
    }
};

Answer send(QNetworkAccessManager &nam, const QUrl &base, const Call &call)
{
    QNetworkRequest request(base.resolved(QUrl(call.path)));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(call.timeoutMs);
    if (!call.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call.token.toUtf8());
    if (!call.queue.isEmpty())
        request.setRawHeader("X-Kiosk-Queue", call.queue);
    if (call.method != "GET")
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, call.method, call.body));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(call.timeoutMs + 10'000, &loop, &QEventLoop::quit); // a bound on the bound
        loop.exec();
    }
    Answer out;
    out.elapsedMs = timer.elapsed();
    if (!reply->isFinished()) {
        reply->abort();
        out.errorText = u"no end within the transfer timeout and 10 s more"_s;
        out.error = QNetworkReply::UnknownNetworkError;
        return out;
    }
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.errorText = reply->errorString();
    if (reply->isOpen())
        out.body = reply->readAll();
    out.json = QJsonDocument::fromJson(out.body).object();
    out.retryAfter = reply->rawHeader("Retry-After");
    return out;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QStringList eventIds(const Answer &list)
{
    QStringList ids;
    for (const QJsonValue &e : list.json.value("events"_L1).toArray())
        ids << e["id"_L1].toString();
    return ids;
}

// A fake upstream for the framing tests: answers each request (up to its blank line, no bodies)
// with the next canned bytes, and closes when the answer says so.
class FakeServer : public QObject
{
public:
    QList<QByteArray> answers;
    QList<bool> closeAfter;

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    *buffer += s->readAll();
                    for (qsizetype end = buffer->indexOf("\r\n\r\n"); end >= 0;
                         end = buffer->indexOf("\r\n\r\n")) {
                        buffer->remove(0, end + 4);
                        if (answers.isEmpty())
                            return;
                        s->write(answers.takeFirst());
                        if (closeAfter.takeFirst()) {
                            s->disconnectFromHost();
                            return;
                        }
                    }
                });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

// A raw connection to a proxy that gathers what comes back.
struct RawClient
{
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket socket;
    QByteArray received;
};

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    FaultProxy m_proxy;
    QNetworkAccessManager m_nam;

    Answer call(const Call &c) { return send(m_nam, m_proxy.url(), c); }
    Answer direct(const Call &c) { return send(m_nam, m_server.url(), c); }

    // A device of an event, for requests on device paths.
    QString enrolDevice(const QString &event)
    {
        const Answer code = direct({"POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(event)});
        const Answer device =
            direct({"POST",
                    u"/api/v1/devices"_s,
                    compact({{"code"_L1, code.json.value("code"_L1).toString()}, {"name"_L1, u"Door"_s}}),
                    {},
                    {}});
        return device.json.value("token"_L1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
        const QString error =
            m_server.start(QStringLiteral(CHECKIN_SERVER_PATH),
                           {u"--db"_s, u"sqlite:"_s + m_dir.filePath(u"server.sqlite"_s), u"--data-dir"_s,
                            m_dir.filePath(u"server"_s)},
                           {.adminToken = kAdminToken, .logDir = m_dir.filePath(u"server"_s)});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_server.running());
        QVERIFY(m_server.port() != 0);
        QCOMPARE(m_server.url(), QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.port())));
        QVERIFY(m_proxy.listen(m_server.port()));
        QVERIFY(m_proxy.port() != 0 && m_proxy.port() != m_server.port());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"listens already"_s));
        QVERIFY(!m_proxy.listen(m_server.port())); // once only
    }

    void init()
    {
        m_proxy.setFault(Fault::Pass);
        m_proxy.failNext(Fault::Pass, 0);
        m_proxy.setPathFilter({});
        m_proxy.setClock(nullptr);
        m_proxy.clearLog();
    }

    void cleanupTestCase()
    {
        QVERIFY2(m_server.stop(),
                 qPrintable(u"checkin-server did not stop cleanly; its log:\n"_s + m_server.log()));
        QVERIFY(!m_server.running());
    }

    void passForwardsOnOneKeptAliveConnection()
    {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 3; ++i) {
            const Answer health = call({.path = u"/api/v1/health"_s, .queue = QByteArray::number(i)});
            QVERIFY2(health.status == 200, qPrintable(health.describe()));
            QCOMPARE(health.json.value("status"_L1).toString(), u"ok"_s);
            QCOMPARE(health.json.value("protocol"_L1).toInt(), 1);
        }
        const Answer created =
            call({"POST", u"/api/v1/events"_s, compact({{"id"_L1, u"ev-pass"_s}, {"name"_L1, u"Pass"_s}})});
        QVERIFY2(created.status == 201, qPrintable(created.describe()));
        QCOMPARE(created.json.value("id"_L1).toString(), u"ev-pass"_s);
        QCOMPARE(created.json.value("name"_L1).toString(), u"Pass"_s);
        // The same answer as from the server itself.
        const Answer viaProxy = call({.path = u"/api/v1/events"_s});
        const Answer viaServer = direct({.path = u"/api/v1/events"_s});
        QCOMPARE(viaProxy.status, 200);
        QCOMPARE(viaProxy.body, viaServer.body);
        QVERIFY(eventIds(viaProxy).contains(u"ev-pass"_s));
        const qint64 after = QDateTime::currentMSecsSinceEpoch();

        QCOMPARE(m_proxy.forwarded(), 5);
        QCOMPARE(m_proxy.count(Fault::Pass), 5);
        QCOMPARE(m_proxy.droppedAfterCommit(), 0);
        const QList<FaultProxy::Request> log = m_proxy.requests();
        QCOMPARE(log.size(), 5);
        const QList<QByteArray> methods{"GET", "GET", "GET", "POST", "GET"};
        const QStringList paths{u"/api/v1/health"_s, u"/api/v1/health"_s, u"/api/v1/health"_s,
                                u"/api/v1/events"_s, u"/api/v1/events"_s};
        const QList<QByteArray> queues{"0", "1", "2", "", ""};
        const QList<int> statuses{200, 200, 200, 201, 200};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(log[i].method, methods[i]);
            QCOMPARE(log[i].path, paths[i]);
            QCOMPARE(log[i].queue, queues[i]);
            QCOMPARE(log[i].fault, Fault::Pass);
            QCOMPARE(log[i].status, statuses[i]);
            QVERIFY(log[i].atMs >= before && log[i].atMs <= after);
            // One request after the other: one connection serves them all.
            QCOMPARE(log[i].connection, log[0].connection);
        }
        QVERIFY(m_proxy.connectionsAccepted() <= 1);
    }

    void logUsesTheInjectedClock()
    {
        qint64 now = 1'000'000;
        m_proxy.setClock([&now] { return now += 250; });
        m_proxy.failNext(Fault::ServiceUnavailable, 1, 3);
        QCOMPARE(call({.path = u"/api/v1/health"_s, .queue = "12"}).status, 503);
        QCOMPARE(call({.path = u"/api/v1/health"_s, .queue = "11"}).status, 200);
        QCOMPARE(call({"DELETE", u"/api/v1/devices/nobody"_s, {}, "0"}).status, 404);
        const QList<FaultProxy::Request> log = m_proxy.requests();
        QCOMPARE(log.size(), 3);
        QCOMPARE(log[0].atMs, qint64(1'000'250));
        QCOMPARE(log[1].atMs, qint64(1'000'500));
        QCOMPARE(log[2].atMs, qint64(1'000'750));
        QCOMPARE(log[0].fault, Fault::ServiceUnavailable);
        QCOMPARE(log[1].fault, Fault::Pass);
        QCOMPARE(log[2].method, "DELETE"_ba);
        QCOMPARE(log[2].path, u"/api/v1/devices/nobody"_s);
        QCOMPARE(log[0].queue, "12"_ba);
        QCOMPARE(log[1].queue, "11"_ba);
        QCOMPARE(log[2].queue, "0"_ba);
        QCOMPARE(log[0].status, 503);
        QCOMPARE(log[2].status, 404);

        m_proxy.clearLog();
        QVERIFY(m_proxy.requests().isEmpty());
        QCOMPARE(m_proxy.count(Fault::Pass), 0);
        QCOMPARE(m_proxy.count(Fault::ServiceUnavailable), 0);
        QCOMPARE(m_proxy.forwarded(), 0);
        QCOMPARE(m_proxy.answered503(), 0);
        QCOMPARE(call({.path = u"/api/v1/health"_s}).status, 200);
        QCOMPARE(m_proxy.requests().size(), 1);
        QCOMPARE(m_proxy.requests()[0].atMs, qint64(1'001'000));
        QCOMPARE(m_proxy.requests()[0].status, 200);
    }

    void refuseClosesThePortAndOpensItAgain()
    {
        QCOMPARE(call({.path = u"/api/v1/health"_s}).status, 200); // a kept-alive connection is open
        const quint16 port = m_proxy.port();
        m_proxy.setFault(Fault::Refuse);
        QVERIFY(!m_proxy.isListening());
        const Answer refused = call({.path = u"/api/v1/health"_s});
        QVERIFY2(refused.status == 0 && refused.error == QNetworkReply::ConnectionRefusedError,
                 qPrintable(refused.describe()));
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!raw.waitForConnected(5000));
        QCOMPARE(raw.error(), QAbstractSocket::ConnectionRefusedError);
        QCOMPARE(m_proxy.requests().size(), 1); // nothing reached it

        m_proxy.setFault(Fault::Pass);
        QVERIFY(m_proxy.isListening());
        QCOMPARE(m_proxy.port(), port);
        const Answer again = call({.path = u"/api/v1/health"_s});
        QVERIFY2(again.status == 200, qPrintable(again.describe()));
        QCOMPARE(m_proxy.requests().size(), 2);
    }

    void hangLetsTheClientTimeOut()
    {
        m_proxy.setFault(Fault::Hang);
        QSignalSpy recorded(&m_proxy, &FaultProxy::requestRecorded);
        const Answer hung = call({.path = u"/api/v1/health"_s, .timeoutMs = 500});
        QVERIFY2(hung.status == 0, qPrintable(hung.describe()));
        QVERIFY2(hung.error == QNetworkReply::OperationCanceledError ||
                     hung.error == QNetworkReply::TimeoutError,
                 qPrintable(hung.describe()));
        // QNetworkAccessManager's timer is a coarse one: it may fire up to 5 % early.
        QVERIFY2(hung.elapsedMs >= 450 && hung.elapsedMs < 5000, qPrintable(hung.describe()));
        QCOMPARE(m_proxy.forwarded(), 0);
        QCOMPARE(m_proxy.count(Fault::Hang), 1);
        QCOMPARE(recorded.count(), 1);
        QCOMPARE(m_proxy.requests().size(), 1);
        QCOMPARE(m_proxy.requests()[0].status, 0);

        m_proxy.setFault(Fault::Pass);
        QCOMPARE(call({.path = u"/api/v1/health"_s}).status, 200);
    }

    void resetMidRequestIsAConnectionError()
    {
        m_proxy.setFault(Fault::ResetMidRequest);
        const Answer reset =
            call({"POST", u"/api/v1/events"_s, compact({{"id"_L1, u"ev-reset"_s}, {"name"_L1, u"Reset"_s}})});
        QVERIFY2(reset.status == 0 && reset.error == QNetworkReply::RemoteHostClosedError,
                 qPrintable(reset.describe()));
        QCOMPARE(m_proxy.forwarded(), 0);
        qInfo("ResetMidRequest: the client sent the request %d times", m_proxy.count(Fault::ResetMidRequest));
        QVERIFY(m_proxy.count(Fault::ResetMidRequest) >= 1);
        QCOMPARE(m_proxy.count(Fault::ResetMidRequest), m_proxy.requests().size());

        m_proxy.setFault(Fault::Pass);
        const Answer list = call({.path = u"/api/v1/events"_s});
        QCOMPARE(list.status, 200);
        QVERIFY(!eventIds(list).contains(u"ev-reset"_s)); // the server never saw it
    }

    void dropResponseLosesTheAnswerOfCommittedWork()
    {
        m_proxy.setPathFilter(u"/api/v1/events"_s);
        m_proxy.setFault(Fault::DropResponse);
        const Answer dropped = call(
            {"POST", u"/api/v1/events"_s, compact({{"id"_L1, u"ev-dropped"_s}, {"name"_L1, u"Dropped"_s}})});
        QVERIFY2(dropped.status == 0 && dropped.error == QNetworkReply::RemoteHostClosedError,
                 qPrintable(dropped.describe()));
        qInfo("DropResponse: the client sent the request %d times", m_proxy.droppedAfterCommit());
        QVERIFY(m_proxy.droppedAfterCommit() >= 1);
        QCOMPARE(m_proxy.droppedAfterCommit(), m_proxy.count(Fault::DropResponse));
        QCOMPARE(m_proxy.forwarded(), m_proxy.count(Fault::DropResponse));
        for (const FaultProxy::Request &r : m_proxy.requests())
            QCOMPARE(r.status, 0);

        // The server did the work: the event is there, once.
        m_proxy.setFault(Fault::Pass);
        const Answer list = call({.path = u"/api/v1/events"_s});
        QCOMPARE(list.status, 200);
        QCOMPARE(eventIds(list).count(u"ev-dropped"_s), 1);
    }

    // What a client on QNetworkAccessManager makes of one lost answer: QNAM sends the request again
    // by itself on a new connection, and the caller sees the answer to the repeat (here: the event
    // exists already). The sync engine has to expect that a POST may arrive twice.
    void oneDroppedAnswerIsRepeatedByTheClient()
    {
        m_proxy.failNext(Fault::DropResponse, 1);
        const Answer repeated =
            call({"POST", u"/api/v1/events"_s, compact({{"id"_L1, u"ev-twice"_s}, {"name"_L1, u"Twice"_s}})});
        const QList<FaultProxy::Request> log = m_proxy.requests();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[0].fault, Fault::DropResponse);
        QCOMPARE(log[1].fault, Fault::Pass);
        QCOMPARE(log[1].method, "POST"_ba);
        QVERIFY(log[1].connection != log[0].connection);
        QCOMPARE(m_proxy.droppedAfterCommit(), 1);
        QVERIFY2(repeated.status == log[1].status, qPrintable(repeated.describe()));
        qInfo("the repeat was answered %d", repeated.status);
    }

    void delayHoldsTheAnswer()
    {
        m_proxy.setFault(Fault::Delay, 400);
        const Answer slow = call({.path = u"/api/v1/health"_s});
        QVERIFY2(slow.status == 200, qPrintable(slow.describe()));
        QVERIFY2(slow.elapsedMs >= 400, qPrintable(slow.describe()));
        QCOMPARE(m_proxy.count(Fault::Delay), 1);
        QCOMPARE(m_proxy.forwarded(), 1);
        // Longer than the client waits: a timeout, though the server answered.
        m_proxy.setFault(Fault::Delay, 1500);
        const Answer late = call({.path = u"/api/v1/health"_s, .timeoutMs = 500});
        QVERIFY2(late.status == 0 && late.elapsedMs < 1500, qPrintable(late.describe()));
    }

    void serviceUnavailableAnswersWithoutTheServer()
    {
        m_proxy.setFault(Fault::ServiceUnavailable, 7);
        const Answer busy =
            call({"POST", u"/api/v1/events"_s, compact({{"id"_L1, u"ev-503"_s}, {"name"_L1, u"Busy"_s}})});
        QVERIFY2(busy.status == 503, qPrintable(busy.describe()));
        QCOMPARE(busy.retryAfter, "7"_ba);
        QCOMPARE(busy.json["error"_L1]["code"_L1].toString(), u"overloaded"_s);
        QVERIFY(!busy.json["error"_L1]["message"_L1].toString().isEmpty());
        QCOMPARE(m_proxy.answered503(), 1);
        QCOMPARE(m_proxy.forwarded(), 0);

        // The connection stays usable.
        m_proxy.setFault(Fault::Pass);
        const Answer list = call({.path = u"/api/v1/events"_s});
        QCOMPARE(list.status, 200);
        QVERIFY(!eventIds(list).contains(u"ev-503"_s));
        const QList<FaultProxy::Request> log = m_proxy.requests();
        QCOMPARE(log.size(), 2);
        QCOMPARE(log[1].connection, log[0].connection);
    }

    void failNextCountsDown()
    {
        m_proxy.setFault(Fault::Delay, 300);
        m_proxy.failNext(Fault::ServiceUnavailable, 2, 1);
        QCOMPARE(m_proxy.failNextRemaining(), 2);
        const Answer first = call({.path = u"/api/v1/health"_s});
        QCOMPARE(first.status, 503);
        QCOMPARE(first.retryAfter, "1"_ba);
        QCOMPARE(m_proxy.failNextRemaining(), 1);
        QCOMPARE(call({.path = u"/api/v1/health"_s}).status, 503);
        QCOMPARE(m_proxy.failNextRemaining(), 0);
        // Then the standing fault again.
        const Answer third = call({.path = u"/api/v1/health"_s});
        QCOMPARE(third.status, 200);
        QVERIFY2(third.elapsedMs >= 300, qPrintable(third.describe()));
        QCOMPARE(m_proxy.count(Fault::ServiceUnavailable), 2);
        QCOMPARE(m_proxy.count(Fault::Delay), 1);
        // Refuse is no fault for single requests.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"Refuse is a standing fault"_s));
        m_proxy.failNext(Fault::Refuse, 1);
        QCOMPARE(m_proxy.failNextRemaining(), 0);
        QVERIFY(m_proxy.isListening());
    }

    void pathFilterLetsOtherPathsPass()
    {
        QCOMPARE(
            direct({"POST", u"/api/v1/events"_s, compact({{"id"_L1, u"ev-f"_s}, {"name"_L1, u"Filter"_s}})})
                .status,
            201);
        const QString token = enrolDevice(u"ev-f"_s);
        QVERIFY(!token.isEmpty());
        const QString checkins = u"/api/v1/events/ev-f/checkins"_s;
        m_proxy.setPathFilter(checkins);
        m_proxy.setFault(Fault::ServiceUnavailable, 2);
        QCOMPARE(call({.path = u"/api/v1/health"_s, .queue = "4", .token = token}).status, 200);
        QCOMPARE(
            call({.path = u"/api/v1/events/ev-f/changes?limit=10"_s, .queue = "4", .token = token}).status,
            200);
        QCOMPARE(call({"POST", checkins, R"({"checkins":[]})", "4", token}).status, 503);
        // failNext counts only the requests the filter lets through.
        m_proxy.setFault(Fault::Pass);
        m_proxy.failNext(Fault::ServiceUnavailable, 1, 1);
        QCOMPARE(call({.path = u"/api/v1/health"_s, .queue = "5", .token = token}).status, 200);
        QCOMPARE(m_proxy.failNextRemaining(), 1);
        QCOMPARE(call({"POST", checkins, R"({"checkins":[]})", "5", token}).status, 503);
        QCOMPARE(m_proxy.failNextRemaining(), 0);

        const QList<FaultProxy::Request> log = m_proxy.requests();
        QCOMPARE(log.size(), 5);
        const QList<Fault> faults{Fault::Pass, Fault::Pass, Fault::ServiceUnavailable, Fault::Pass,
                                  Fault::ServiceUnavailable};
        const QList<QByteArray> queues{"4", "4", "4", "5", "5"};
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(log[i].fault, faults[i]);
            QCOMPARE(log[i].queue, queues[i]);
        }
        QCOMPARE(log[2].path, checkins);
        QCOMPARE(log[2].method, "POST"_ba);
        QCOMPARE(m_proxy.forwarded(), 3);
        QCOMPARE(m_proxy.answered503(), 2);
    }

    void badInputClosesOnlyThatConnection()
    {
        // Every wait here runs the event loop: the proxy lives in this thread.
        // Garbage from a client.
        QTcpSocket garbage;
        garbage.connectToHost(QHostAddress::LocalHost, m_proxy.port());
        QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::ConnectedState, 5000);
        const char junk[] = "\x00\x01\x02 not http\r\n\r\n";
        garbage.write(junk, sizeof junk - 1);
        QTRY_COMPARE_WITH_TIMEOUT(garbage.state(), QAbstractSocket::UnconnectedState, 5000);
        // A chunked request body: 501, and the connection ends.
        QTcpSocket chunked;
        QByteArray answer;
        connect(&chunked, &QTcpSocket::readyRead, this, [&] { answer += chunked.readAll(); });
        chunked.connectToHost(QHostAddress::LocalHost, m_proxy.port());
        QTRY_COMPARE_WITH_TIMEOUT(chunked.state(), QAbstractSocket::ConnectedState, 5000);
        chunked.write("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(chunked.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 501 "), answer.constData());
        QVERIFY(answer.contains("Connection: close"));
        QCOMPARE(m_proxy.forwarded(), 0);
        QCOMPARE(m_proxy.requests().size(), 1);
        QCOMPARE(m_proxy.requests()[0].status, 501);
        // A head that never ends.
        QTcpSocket endless;
        endless.connectToHost(QHostAddress::LocalHost, m_proxy.port());
        QTRY_COMPARE_WITH_TIMEOUT(endless.state(), QAbstractSocket::ConnectedState, 5000);
        endless.write("GET / HTTP/1.1\r\nX-Long: " + QByteArray(70 * 1024, 'a'));
        QTRY_COMPARE_WITH_TIMEOUT(endless.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(m_proxy.requests().size(), 1);
        // The proxy goes on.
        QCOMPARE(call({.path = u"/api/v1/health"_s}).status, 200);
    }

    // Answers checkin-server does not give (chunked, ended by close, garbage), from a fake server, and
    // requests in a row on one raw connection. Every wait runs the event loop.
    void framingOfOtherAnswers()
    {
        FakeServer fake;
        QVERIFY(fake.listen());
        FaultProxy proxy;
        QVERIFY(proxy.listen(fake.port()));
        const QByteArray chunkedAnswer = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                         "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        const QByteArray untilClose = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close";
        fake.answers << chunkedAnswer << untilClose;
        fake.closeAfter << false << true;
        RawClient first(proxy.port());
        QTRY_COMPARE_WITH_TIMEOUT(first.socket.state(), QAbstractSocket::ConnectedState, 5000);
        first.socket.write("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(first.received, chunkedAnswer, 5000);
        first.received.clear();
        first.socket.write("GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(first.socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(first.received, untilClose);

        // Garbage from the server ends that client connection, and no more.
        fake.answers << "\x01\x02garbage\r\n\r\n";
        fake.closeAfter << false;
        RawClient second(proxy.port());
        QTRY_COMPARE_WITH_TIMEOUT(second.socket.state(), QAbstractSocket::ConnectedState, 5000);
        second.socket.write("GET /c HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(second.socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(second.received, QByteArray());

        // Three requests written at once, the last one's body in two parts: answered in order.
        const QByteArray noContent = "HTTP/1.1 204 No Content\r\n\r\n";
        const QByteArray e = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\ne";
        const QByteArray f = "HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\nf";
        fake.answers << noContent << e << f;
        fake.closeAfter << false << false << false;
        RawClient third(proxy.port());
        QTRY_COMPARE_WITH_TIMEOUT(third.socket.state(), QAbstractSocket::ConnectedState, 5000);
        third.socket.write("DELETE /d HTTP/1.1\r\nHost: x\r\n\r\nGET /e HTTP/1.1\r\nHost: x\r\n\r\n"
                           "POST /f HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhel");
        QTRY_COMPARE_WITH_TIMEOUT(third.received, noContent + e, 5000);
        QCOMPARE(proxy.forwarded(), 5); // /f waits for the rest of its body
        third.socket.write("lo");
        QTRY_COMPARE_WITH_TIMEOUT(third.received, noContent + e + f, 5000);

        const QList<FaultProxy::Request> log = proxy.requests();
        QCOMPARE(log.size(), 6);
        const QList<int> statuses{200, 200, 0, 204, 200, 201};
        const QList<int> connections{1, 1, 2, 3, 3, 3};
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(log[i].status, statuses[i]);
            QCOMPARE(log[i].connection, connections[i]);
        }
        QCOMPARE(log[3].method, "DELETE"_ba);
        QCOMPARE(log[5].path, u"/f"_s);
        QCOMPARE(proxy.forwarded(), 6);
    }

    void restartKeepsThePort()
    {
        const quint16 port = m_server.port();
        m_server.kill();
        QVERIFY(!m_server.running());
        QVERIFY(!m_server.stop()); // killed is not a clean stop
        const Answer down = call({.path = u"/api/v1/health"_s});
        QVERIFY2(down.status == 0 && down.error != QNetworkReply::NoError, qPrintable(down.describe()));

        const QString error = m_server.restart();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_server.running());
        QCOMPARE(m_server.port(), port);
        const Answer up = call({.path = u"/api/v1/health"_s});
        QVERIFY2(up.status == 200, qPrintable(up.describe()));
        const Answer list = call({.path = u"/api/v1/events"_s});
        QCOMPARE(list.status, 200);
        QVERIFY(eventIds(list).contains(u"ev-pass"_s)); // the same database
    }

    void restartWaitsForThePortAndSaysWhy()
    {
        const quint16 port = m_server.port();
        QVERIFY(m_server.stop());
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, port));
        QElapsedTimer timer;
        timer.start();
        const QString error = m_server.restart();
        QVERIFY2(!error.isEmpty(), "started on a port that is taken");
        QVERIFY2(timer.elapsed() >= 4000, qPrintable(u"gave up after %1 ms"_s.arg(timer.elapsed())));
        QVERIFY2(error.contains(u"Cannot listen"_s), qPrintable(error));
        squatter.close();
        const QString again = m_server.restart();
        QVERIFY2(again.isEmpty(), qPrintable(again));
        QCOMPARE(m_server.port(), port);
        QCOMPARE(call({.path = u"/api/v1/health"_s}).status, 200);
    }

    void startSaysWhatWentWrong()
    {
        ServerProcess missing;
        const QString error = missing.start(m_dir.filePath(u"no-such-binary"_s), {});
        QVERIFY2(error.contains(u"did not start"_s), qPrintable(error));
        QVERIFY(!missing.running());
        ServerProcess wrong;
        const QString refused = wrong.start(QStringLiteral(CHECKIN_SERVER_PATH), {u"--workers"_s, u"0"_s},
                                            {.adminToken = kAdminToken});
        QVERIFY2(refused.contains(u"--workers takes a number"_s), qPrintable(refused));
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
