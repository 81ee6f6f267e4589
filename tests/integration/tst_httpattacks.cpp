// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The server's HTTP layer under attack (issue: hardening): the real checkin-server, over plain HTTP
// and over TLS, fed exactly the bytes an attacker would send. Each case failed on the server before
// its own HTTP layer (docs/server.md, "The HTTP layer").

#include "RawHttp.h"
#include "ServerProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using checkin::test::RawAnswer;
using checkin::test::RawHttp;
using checkin::test::residentKiB;
using checkin::test::ServerProcess;

namespace {

const QByteArray AdminToken = "attack-test-admin-token-0123456789";
const QByteArray Admin = "Authorization: Bearer " + AdminToken + "\r\n";

} // namespace

class tst_HttpAttacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void idleConnectionsDoNotBlock_data() { schemes(); }
    void idleConnectionsDoNotBlock();
    void descriptorLimit_data() { schemes(); }
    void descriptorLimit();
    void bodiesRefusedBeforeRead_data() { schemes(); }
    void bodiesRefusedBeforeRead();
    void headAndTargetLimits_data() { schemes(); }
    void headAndTargetLimits();
    void pipelinedInOrder_data() { schemes(); }
    void pipelinedInOrder();
    void framing_data();
    void framing();
    void slowBodyTimesOut_data() { schemes(); }
    void slowBodyTimesOut();
    void connectionClose_data() { schemes(); }
    void connectionClose();
    void logLinesCannotBeForged();

private:
    static void schemes()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }
    // A server with the short deadlines of this test: 2 s for a head or a body, 3 s idle.
    QString startServer(ServerProcess *server, bool tls, const QStringList &extra = {},
                        const QString &binary = QStringLiteral(CHECKIN_SERVER_PATH),
                        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    ServerProcess &server(bool tls) { return tls ? m_https : m_http; }

    QTemporaryDir m_dir;
    ServerProcess m_http;
    ServerProcess m_https;
    QString m_eventId;
};

QString tst_HttpAttacks::startServer(ServerProcess *server, bool tls, const QStringList &extra,
                                     const QString &binary, const QProcessEnvironment &env)
{
    static int count = 0;
    const QString data = m_dir.filePath(QStringLiteral("data-%1").arg(++count));
    QStringList args{QStringLiteral("--data-dir"),       data,
                     QStringLiteral("--header-timeout"), QStringLiteral("2"),
                     QStringLiteral("--body-timeout"),   QStringLiteral("2"),
                     QStringLiteral("--idle-timeout"),   QStringLiteral("3")};
    if (tls)
        args << QStringLiteral("--tls-cert") << m_dir.filePath(QStringLiteral("cert.pem"))
             << QStringLiteral("--tls-key") << m_dir.filePath(QStringLiteral("key.pem"));
    ServerProcess::Options options;
    options.adminToken = QString::fromLatin1(AdminToken);
    options.environment = env;
    return server->start(binary, args + extra, options);
}

void tst_HttpAttacks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // This process opens a few hundred sockets.
    checkin::test::raiseFileLimit(8192);
    const QString certificate = checkin::test::makeSelfSignedCertificate(m_dir.path());
    QVERIFY2(certificate.isEmpty(), qPrintable(certificate));

    QString error = startServer(&m_http, false);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = startServer(&m_https, true);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // One event on each (the same id), for requests that need one.
    for (ServerProcess *server : {&m_http, &m_https}) {
        RawHttp client;
        QVERIFY(client.open(server->port(), server == &m_https));
        QVERIFY(client.send(
            RawHttp::request("POST", "/api/v1/events", Admin, R"({"id":"attack-event","name":"Attack"})")));
        const RawAnswer answer = client.read();
        QCOMPARE(answer.status, 201);
    }
    m_eventId = QStringLiteral("attack-event");
}

// Connections that never send a byte (over TLS: never start the handshake), some of them closed
// again: the server keeps answering others at once and closes the silent ones after the header
// timeout. Before: 30 such connections closed left the TLS listener stuck for good, 31 open ones
// blocked HTTPS clients for about 5 s.
void tst_HttpAttacks::idleConnectionsDoNotBlock()
{
    QFETCH(bool, tls);
    const quint16 port = server(tls).port();
    std::vector<std::unique_ptr<RawHttp>> silent;
    for (int i = 0; i < 60; ++i) {
        silent.push_back(std::make_unique<RawHttp>());
        QVERIFY(silent.back()->open(port, tls, false));
    }
    const qint64 whileOpen = RawHttp::healthMs(port, tls);
    QVERIFY2(whileOpen >= 0 && whileOpen < 1'000, qPrintable(QString::number(whileOpen)));
    for (int i = 0; i < 30; ++i)
        silent[std::size_t(i)]->close();
    const qint64 afterClose = RawHttp::healthMs(port, tls);
    QVERIFY2(afterClose >= 0 && afterClose < 1'000, qPrintable(QString::number(afterClose)));
    // The header timeout (2 s) closes the others.
    for (std::size_t i = 30; i < silent.size(); ++i)
        QVERIFY2(silent[i]->closedWithin(6'000), qPrintable(QString::number(i)));
    QVERIFY(RawHttp::healthMs(port, tls) >= 0);
}

// More idle connections than the process has file descriptors: the server closes the oldest idle
// ones for new ones, keeps answering and does not die. Before: at the limit the process aborted
// (GLib "Too many open files", exit 133).
void tst_HttpAttacks::descriptorLimit()
{
    QFETCH(bool, tls);
    // The server under a file limit of 256, through a wrapper that sets it and becomes the server.
    const QString wrapper = checkin::test::limitedServer(m_dir.path(), QStringLiteral("limited-server"),
                                                         QStringLiteral(CHECKIN_SERVER_PATH), 256);
    QVERIFY(!wrapper.isEmpty());
    ServerProcess limited;
    const QString error = startServer(
        &limited, tls, {QStringLiteral("--max-connections-per-address"), QStringLiteral("0")}, wrapper);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    std::vector<std::unique_ptr<RawHttp>> idle;
    for (int i = 0; i < 400; ++i) {
        idle.push_back(std::make_unique<RawHttp>());
        QVERIFY(idle.back()->open(limited.port(), tls, false));
    }
    QTest::qWait(200);
    QVERIFY2(limited.running(), qPrintable(limited.log()));
    const qint64 ms = RawHttp::healthMs(limited.port(), tls);
    QVERIFY2(ms >= 0 && ms < 2'000, qPrintable(QString::number(ms) + limited.log()));
    // Those beyond its limit were closed by the server.
    int closed = 0;
    for (const auto &client : idle)
        closed += client->closedWithin(1) ? 1 : 0;
    QVERIFY2(closed >= 400 - 256, qPrintable(QString::number(closed)));
    QVERIFY(limited.running());
    QVERIFY(limited.stop());
}

// Bodies are refused on their announced size or missing credentials, before they are read.
// Before: a 100 MB body to POST /devices was read in full (VmRSS 56 → 244 MB) before its 413, and
// 50 connections each holding 4 MB of an unfinished body kept 489 MB.
void tst_HttpAttacks::bodiesRefusedBeforeRead()
{
    QFETCH(bool, tls);
    ServerProcess &target = server(tls);
    const qint64 before = residentKiB(target.processId());
    QVERIFY(before > 0);

    // 100 MB announced to the enrolment endpoint: 413 from the head alone.
    RawHttp big;
    QVERIFY(big.open(target.port(), tls));
    QVERIFY(big.send("POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 104857600\r\n\r\n" +
                     QByteArray(64 * 1024, 'a')));
    RawAnswer answer = big.read();
    QCOMPARE(answer.status, 413);
    QVERIFY(answer.closes);
    QVERIFY(answer.body.contains("body_too_large"));

    // 50 connections announcing 4 MB each with a token nobody has, sending 1 MB: 401 at once.
    std::vector<std::unique_ptr<RawHttp>> clients;
    const QByteArray path = "/api/v1/events/" + m_eventId.toLatin1() + "/checkins";
    for (int i = 0; i < 50; ++i) {
        clients.push_back(std::make_unique<RawHttp>());
        QVERIFY(clients.back()->open(target.port(), tls));
        clients.back()->socket()->write("POST " + path +
                                        " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer not-a-token\r\n"
                                        "Content-Type: application/json\r\nContent-Length: 4194304\r\n\r\n" +
                                        QByteArray(1024 * 1024, '['));
    }
    for (const auto &client : clients) {
        const RawAnswer refused = client->read(15'000);
        QCOMPARE(refused.status, 401);
    }
    // No credentials at all: 401 from the head.
    RawHttp anonymous;
    QVERIFY(anonymous.open(target.port(), tls));
    QVERIFY(anonymous.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4194304\r\n\r\n"));
    QCOMPARE(anonymous.read().status, 401);

    const qint64 after = residentKiB(target.processId());
    qInfo("server memory: %lld KiB before, %lld KiB after", before, after);
    QVERIFY2(after - before < 32 * 1024, qPrintable(QStringLiteral("%1 → %2 KiB").arg(before).arg(after)));
}

// A head larger than 16 KiB gets 431, a target longer than 8 KiB gets 414, and neither is echoed.
// Before: a 50 MB header got 200, a 10 MB query parameter came back in the error.
void tst_HttpAttacks::headAndTargetLimits()
{
    QFETCH(bool, tls);
    const quint16 port = server(tls).port();
    RawHttp header;
    QVERIFY(header.open(port, tls));
    header.socket()->write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Pad: ");
    // A megabyte at a time until the server answers (as an attacker streams it): the answer comes
    // after the first 16 KiB, whatever follows. (Buffering all 50 MB in this client first made it
    // miss its own read timeout on a loaded machine, over TLS.)
    const QByteArray megabyte(1024 * 1024, 'p');
    for (int i = 0; i < 50 && header.isOpen() && header.socket()->bytesAvailable() == 0; ++i) {
        header.socket()->write(megabyte);
        header.socket()->waitForBytesWritten(5'000);
    }
    RawAnswer answer = header.read(15'000);
    QCOMPARE(answer.status, 431);
    QVERIFY(answer.body.size() < 1024);

    RawHttp query;
    QVERIFY(query.open(port, tls));
    query.socket()->write("GET /api/v1/events/" + m_eventId.toLatin1() + "/changes?after=" +
                          QByteArray(10 * 1024 * 1024, '9') + " HTTP/1.1\r\nHost: x\r\n" + Admin + "\r\n");
    answer = query.read();
    QVERIFY2(answer.status == 414 || answer.status == 431, qPrintable(QString::number(answer.status)));
    QVERIFY(answer.body.size() < 1024);

    // A query just within the limit: the error message does not repeat it.
    RawHttp near;
    QVERIFY(near.open(port, tls));
    QVERIFY(near.send(RawHttp::request(
        "GET", "/api/v1/events/" + m_eventId.toLatin1() + "/changes?after=" + QByteArray(7000, 'x'), Admin)));
    answer = near.read();
    QCOMPARE(answer.status, 400);
    QVERIFY2(answer.body.size() < 1024, answer.body.left(300).constData());
}

// Requests sent back to back on one connection are answered in their order, whatever each costs.
// Before: health, events, changes came back health → events → changes... in whatever order they
// finished.
void tst_HttpAttacks::pipelinedInOrder()
{
    QFETCH(bool, tls);
    for (int round = 0; round < 3; ++round) {
        RawHttp client;
        QVERIFY(client.open(server(tls).port(), tls));
        const QByteArray changes = "/api/v1/events/" + m_eventId.toLatin1() + "/changes";
        QVERIFY(client.send(RawHttp::request("GET", changes, Admin) +
                            RawHttp::request("GET", "/api/v1/events", Admin) +
                            RawHttp::request("GET", "/api/v1/health") + RawHttp::request("GET", "/nowhere") +
                            RawHttp::request("HEAD", "/api/v1/health")));
        const RawAnswer first = client.read();
        QCOMPARE(first.status, 200);
        QVERIFY(QJsonDocument::fromJson(first.body).object().contains(QStringLiteral("changes")));
        const RawAnswer second = client.read();
        QCOMPARE(second.status, 200);
        QVERIFY(QJsonDocument::fromJson(second.body).object().value(QStringLiteral("events")).isArray());
        const RawAnswer third = client.read();
        QCOMPARE(third.status, 200);
        QCOMPARE(QJsonDocument::fromJson(third.body).object().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(client.read().status, 404);
        // HEAD: the head of GET's answer, no body (Content-Length still says its size).
        const QByteArray rest = client.readRaw();
        QVERIFY2(rest.startsWith("HTTP/1.1 200 OK\r\n") && rest.endsWith("\r\n\r\n"), rest.constData());
    }
}

void tst_HttpAttacks::framing_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    const QByteArray session = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n";
    const QList<std::tuple<const char *, QByteArray, int>> cases{
        {"two content-lengths", session + "Content-Length: 2\r\nContent-Length: 20\r\n\r\n{}", 400},
        {"same content-length twice", session + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}", 400},
        {"negative content-length", session + "Content-Length: -5\r\n\r\n{}", 400},
        {"content-length not a number", session + "Content-Length: 2x\r\n\r\n{}", 400},
        {"content-length in hex", session + "Content-Length: 0x2\r\n\r\n{}", 400},
        {"chunked", session + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", 501},
        {"chunked and length", session + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}", 501},
        {"no host", "GET /api/v1/health HTTP/1.1\r\n\r\n", 400},
        {"two hosts", "GET /api/v1/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
        {"folded header", "GET /api/v1/health HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", 400},
        {"bare lf in a header", "GET /api/v1/health HTTP/1.1\r\nHost: a\nX-B: c\r\n\r\n", 400},
        {"space before colon", "GET /api/v1/health HTTP/1.1\r\nHost : a\r\n\r\n", 400},
        {"http/2", "GET /api/v1/health HTTP/2.0\r\nHost: a\r\n\r\n", 505},
        {"not http", "GET /api/v1/health FTP/1.1\r\nHost: a\r\n\r\n", 400},
        {"unknown method", "BREW /api/v1/health HTTP/1.1\r\nHost: a\r\n\r\n", 501},
        {"absolute target", "GET http://a/api/v1/health HTTP/1.1\r\nHost: a\r\n\r\n", 400},
        {"nul in the path", "GET /api/v1/events/a%00b/changes HTTP/1.1\r\nHost: a\r\n\r\n", 400},
        {"unknown expectation", session + "Expect: 200-ok\r\nContent-Length: 2\r\n\r\n{}", 417},
    };
    for (const bool tls : {false, true}) {
        for (const auto &[name, bytes, status] : cases)
            QTest::addRow("%s %s", tls ? "https" : "http", name) << tls << bytes << status;
    }
}

// Heads that could mean two things to two parsers (request smuggling) are refused, and the
// connection closes. Before: two Content-Lengths were accepted (the first won), a negative or
// non-numeric one counted as 0.
void tst_HttpAttacks::framing()
{
    QFETCH(bool, tls);
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    RawHttp client;
    QVERIFY(client.open(server(tls).port(), tls));
    QVERIFY(client.send(bytes));
    const RawAnswer answer = client.read();
    QCOMPARE(answer.status, status);
    QVERIFY(answer.closes);
    // The server then closes (after a second in which the client sends nothing more); waited for
    // in two of the cases, the rest say "Connection: close".
    if (QByteArray(QTest::currentDataTag()).endsWith("two content-lengths"))
        QVERIFY(client.closedWithin(3'000));
}

// A body shorter than announced gets 408 when the body timeout (2 s here) ends, and the
// connection closes. Before: it waited forever.
void tst_HttpAttacks::slowBodyTimesOut()
{
    QFETCH(bool, tls);
    RawHttp client;
    QVERIFY(client.open(server(tls).port(), tls));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(
        client.send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"secret\":"));
    const RawAnswer answer = client.read(8'000);
    QCOMPARE(answer.status, 408);
    QVERIFY2(timer.elapsed() >= 1'500 && timer.elapsed() < 6'000,
             qPrintable(QString::number(timer.elapsed())));
    QVERIFY(client.closedWithin(3'000));

    // Headers that never end: the same after the header timeout.
    RawHttp slow;
    QVERIFY(slow.open(server(tls).port(), tls));
    QVERIFY(slow.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));
    QTest::qWait(500);
    QVERIFY(slow.send("X-Slow: 1\r\n"));
    QCOMPARE(slow.read(8'000).status, 408);
    QVERIFY(slow.closedWithin(3'000));
}

// "Connection: close" and HTTP/1.0 end the connection after the answer; HTTP/1.0 with keep-alive and
// HTTP/1.1 keep it, until the idle timeout (3 s here). Before: neither was honoured.
void tst_HttpAttacks::connectionClose()
{
    QFETCH(bool, tls);
    const quint16 port = server(tls).port();
    RawHttp close;
    QVERIFY(close.open(port, tls));
    QVERIFY(close.send(RawHttp::request("GET", "/api/v1/health", "Connection: close\r\n")));
    RawAnswer answer = close.read();
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.closes);
    QVERIFY(close.closedWithin(2'000));

    RawHttp old;
    QVERIFY(old.open(port, tls));
    QVERIFY(old.send("GET /api/v1/health HTTP/1.0\r\n\r\n"));
    answer = old.read();
    QCOMPARE(answer.status, 200);
    QVERIFY(old.closedWithin(2'000));

    RawHttp oldKept;
    QVERIFY(oldKept.open(port, tls));
    QVERIFY(oldKept.send("GET /api/v1/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    answer = oldKept.read();
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.head.contains("Connection: keep-alive"));
    QVERIFY(oldKept.send("GET /api/v1/health HTTP/1.0\r\n\r\n"));
    QCOMPARE(oldKept.read().status, 200);
    QVERIFY(oldKept.closedWithin(2'000));

    RawHttp kept;
    QVERIFY(kept.open(port, tls));
    QVERIFY(kept.send(RawHttp::request("GET", "/api/v1/health")));
    QCOMPARE(kept.read().status, 200);
    QVERIFY(!kept.closedWithin(1'500));
    QVERIFY(kept.send(RawHttp::request("GET", "/api/v1/health")));
    QCOMPARE(kept.read().status, 200);
    // Then idle: closed after the idle timeout.
    QVERIFY(kept.closedWithin(6'000));
}

// With the HTTP log on, a path with an encoded line break stays on its line.
// Before: "%0A" in a path started a line of the attacker's own in the log.
void tst_HttpAttacks::logLinesCannotBeForged()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("org.checkin.server.http.info=true"));
    ServerProcess logged;
    const QString error = startServer(&logged, false, {}, QStringLiteral(CHECKIN_SERVER_PATH), env);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    RawHttp client;
    QVERIFY(client.open(logged.port(), false));
    QVERIFY(client.send(RawHttp::request(
        "GET",
        "/api/v1/events/x%0Aorg.checkin.server.http:%20method=GET%20status=200%20device=forged/changes",
        Admin)));
    QCOMPARE(client.read().status, 404);
    QVERIFY(client.send(RawHttp::request("GET", "/api/v1/events/%0D%0Aforged/changes", Admin)));
    QCOMPARE(client.read().status, 404);
    QTRY_VERIFY(QFile(logged.logPath()).size() > 0);
    QVERIFY(logged.stop());
    QFile log(logged.logPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("x\\x0aorg.checkin.server.http") || text.contains("x%0Aorg.checkin.server.http"),
             text.constData());
    for (const QByteArray &line : text.split('\n')) {
        QVERIFY2(!line.contains("device=forged") || line.contains("path="), line.constData());
        QVERIFY2(!line.startsWith("forged"), line.constData());
    }
}

QTEST_GUILESS_MAIN(tst_HttpAttacks)
#include "tst_httpattacks.moc"
