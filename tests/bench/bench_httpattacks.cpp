// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The attacks on the server's HTTP layer, measured: how long /api/v1/health takes under each, the
// server's memory, what it answers, how many enrolment codes a client can try a second. Runs against
// any checkin-server binary (--server PATH), so that an older one gives the figures before a fix in
// the same run. Prints figures; asserts nothing.
// Usage: bench_httpattacks [--server PATH] [--guess-seconds N]
#include "BenchSupport.h"
#include "RawHttp.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <vector>

using checkin::test::RawAnswer;
using checkin::test::RawHttp;
using checkin::test::residentKiB;
using checkin::test::ServerProcess;

namespace {

const QByteArray AdminToken = "bench-attack-admin-token-0123456789";
const QByteArray Admin = "Authorization: Bearer " + AdminToken + "\r\n";
constexpr int WaitMs = 8'000; // longest wait for an answer; "none" after it

QString ms(qint64 value)
{
    return value < 0 ? QStringLiteral("no answer in %1 s").arg(WaitMs / 1000)
                     : QStringLiteral("%1 ms").arg(value);
}

struct Bench
{
    QString binary;
    QTemporaryDir dir;
    bool timeouts = false; // the server has --header-timeout and friends
    int started = 0;

    QString start(ServerProcess *server, bool tls, const QString &wrapper = {},
                  const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
    {
        QStringList args{QStringLiteral("--data-dir"),
                         dir.filePath(QStringLiteral("data-%1").arg(++started))};
        if (timeouts)
            args << QStringLiteral("--header-timeout") << QStringLiteral("5")
                 << QStringLiteral("--body-timeout") << QStringLiteral("5");
        if (tls)
            args << QStringLiteral("--tls-cert") << dir.filePath(QStringLiteral("cert.pem"))
                 << QStringLiteral("--tls-key") << dir.filePath(QStringLiteral("key.pem"));
        ServerProcess::Options options;
        options.adminToken = QString::fromLatin1(AdminToken);
        options.environment = env;
        return server->start(wrapper.isEmpty() ? binary : wrapper, args, options);
    }
};

std::vector<std::unique_ptr<RawHttp>> openMany(quint16 port, int count)
{
    std::vector<std::unique_ptr<RawHttp>> out;
    for (int i = 0; i < count; ++i) {
        auto client = std::make_unique<RawHttp>();
        if (!client->open(port, false, false, 2'000))
            break;
        out.push_back(std::move(client));
    }
    return out;
}

// 1: connections to the TLS port that never shake hands.
void tlsListener(Bench &b)
{
    ServerProcess server;
    if (const QString e = b.start(&server, true); !e.isEmpty())
        return void(std::printf("1 TLS: cannot start: %s\n", qPrintable(e)));
    {
        auto silent = openMany(server.port(), 30);
        for (auto &c : silent)
            c->close();
    }
    QThread::msleep(300);
    std::printf("1 TLS: /health after 30 connections without a handshake were closed: %s\n",
                qPrintable(ms(RawHttp::healthMs(server.port(), true, WaitMs))));
    auto held = openMany(server.port(), 31);
    std::printf("1 TLS: /health while 31 such connections stay open: %s\n",
                qPrintable(ms(RawHttp::healthMs(server.port(), true, WaitMs))));
}

// 2: idle connections beyond the file limit (1024).
void descriptorFlood(Bench &b)
{
    const QString wrapper =
        checkin::test::limitedServer(b.dir.path(), QStringLiteral("limited"), b.binary, 1024);
    ServerProcess server;
    if (const QString e = b.start(&server, false, wrapper); !e.isEmpty())
        return void(std::printf("2 fd limit: cannot start: %s\n", qPrintable(e)));
    const qint64 pid = server.processId();
    auto idle = openMany(server.port(), 1'100);
    QThread::msleep(500);
    const bool alive = server.running();
    std::printf("2 fd limit: %zu idle connections under ulimit -n 1024: server %s, /health %s\n", idle.size(),
                alive ? "running" : "DIED",
                alive ? qPrintable(ms(RawHttp::healthMs(server.port(), false, WaitMs))) : "-");
    Q_UNUSED(pid)
}

// 3: memory before authentication.
void memory(Bench &b)
{
    ServerProcess server;
    if (const QString e = b.start(&server, false); !e.isEmpty())
        return void(std::printf("3 memory: cannot start: %s\n", qPrintable(e)));
    const qint64 pid = server.processId();
    const qint64 base = residentKiB(pid);
    {
        RawHttp client;
        client.open(server.port(), false);
        QElapsedTimer timer;
        timer.start();
        client.socket()->write(
            "POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Content-Length: 104857600\r\n\r\n");
        const QByteArray chunk(1024 * 1024, 'a');
        qint64 sent = 0;
        qint64 peak = base;
        for (int i = 0; i < 100 && client.isOpen(); ++i) {
            client.socket()->write(chunk);
            client.socket()->waitForBytesWritten(2'000);
            sent += chunk.size();
            peak = std::max(peak, residentKiB(pid));
            if (client.socket()->bytesAvailable() > 0)
                break;
        }
        const RawAnswer answer = client.read(WaitMs);
        peak = std::max(peak, residentKiB(pid));
        std::printf(
            "3 memory: 100 MB body to POST /devices: answer %d after %lld ms and %lld MB sent; VmRSS %lld "
            "-> peak %lld MB\n",
            answer.status, timer.elapsed(), sent >> 20, base >> 10, peak >> 10);
    }
    {
        const qint64 before = residentKiB(pid);
        std::vector<std::unique_ptr<RawHttp>> clients;
        for (int i = 0; i < 50; ++i) {
            auto c = std::make_unique<RawHttp>();
            c->open(server.port(), false);
            c->socket()->write(
                "POST /api/v1/events/e/checkins HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer x\r\n"
                "Content-Type: application/json\r\nContent-Length: 4194304\r\n\r\n" +
                QByteArray(4 * 1024 * 1024 - 1, '['));
            clients.push_back(std::move(c));
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 3'000) {
            for (auto &c : clients)
                c->socket()->waitForBytesWritten(10);
        }
        int answered = 0;
        for (auto &c : clients)
            answered += c->read(50).status != 0 ? 1 : 0;
        std::printf("3 memory: 50 connections, each 4 MB - 1 byte of a body with a wrong token, held 3 s: "
                    "VmRSS %lld -> "
                    "%lld MB, %d of 50 answered\n",
                    before >> 10, residentKiB(pid) >> 10, answered);
    }
    {
        RawHttp client;
        client.open(server.port(), false);
        client.socket()->write("GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Pad: ");
        for (int i = 0; i < 50 && client.isOpen(); ++i) {
            client.socket()->write(QByteArray(1024 * 1024, 'p'));
            client.socket()->waitForBytesWritten(2'000);
        }
        client.socket()->write("\r\n\r\n");
        const RawAnswer answer = client.read(WaitMs);
        std::printf("3 memory: a 50 MB header: answer %d\n", answer.status);
    }
    {
        RawHttp client;
        client.open(server.port(), false);
        client.socket()->write("GET /api/v1/events/e/changes?after=" + QByteArray(10 * 1024 * 1024, '9') +
                               " HTTP/1.1\r\nHost: x\r\n" + Admin + "\r\n");
        const RawAnswer answer = client.read(WaitMs);
        std::printf("3 memory: a 10 MB query parameter: answer %d with %lld bytes of body\n", answer.status,
                    qint64(answer.body.size()));
    }
}

// 4: pipelining and framing.
void framing(Bench &b)
{
    ServerProcess server;
    if (const QString e = b.start(&server, false); !e.isEmpty())
        return void(std::printf("4 framing: cannot start: %s\n", qPrintable(e)));
    {
        RawHttp setup;
        setup.open(server.port(), false);
        setup.send(RawHttp::request("POST", "/api/v1/events", Admin, R"({"id":"e","name":"E"})"));
        setup.read();
    }
    for (int round = 0; round < 3; ++round) {
        RawHttp client;
        client.open(server.port(), false);
        client.send(RawHttp::request("GET", "/api/v1/events/e/changes", Admin) +
                    RawHttp::request("GET", "/api/v1/events", Admin) +
                    RawHttp::request("GET", "/api/v1/health"));
        QStringList order;
        for (int i = 0; i < 3; ++i) {
            const QJsonObject o = QJsonDocument::fromJson(client.read(WaitMs).body).object();
            order << (o.contains(QStringLiteral("changes"))  ? QStringLiteral("changes")
                      : o.contains(QStringLiteral("events")) ? QStringLiteral("events")
                      : o.contains(QStringLiteral("status")) ? QStringLiteral("health")
                                                             : QStringLiteral("?"));
        }
        std::printf("4 pipelining: sent changes, events, health; answered %s\n",
                    qPrintable(order.join(QStringLiteral(" -> "))));
    }
    const QByteArray session = "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n";
    const QList<QPair<const char *, QByteArray>> cases{
        {"two Content-Lengths (2, 20)", session + "Content-Length: 2\r\nContent-Length: 20\r\n\r\n{}"},
        {"Content-Length: -5", session + "Content-Length: -5\r\n\r\n{}"},
        {"Content-Length: 2x", session + "Content-Length: 2x\r\n\r\n{}"},
    };
    for (const auto &[name, bytes] : cases) {
        RawHttp client;
        client.open(server.port(), false);
        client.send(bytes);
        std::printf("4 framing: %s: answer %d\n", name, client.read(WaitMs).status);
    }
    {
        RawHttp client;
        client.open(server.port(), false);
        QElapsedTimer timer;
        timer.start();
        client.send(session + "Content-Length: 100\r\n\r\n{\"secret\":");
        const RawAnswer answer = client.read(WaitMs);
        std::printf(
            "4 framing: a body shorter than announced: %s\n",
            answer.status
                ? qPrintable(QStringLiteral("answer %1 after %2 ms").arg(answer.status).arg(timer.elapsed()))
                : qPrintable(ms(-1)));
    }
    for (const QByteArray &request : {RawHttp::request("GET", "/api/v1/health", "Connection: close\r\n"),
                                      QByteArray("GET /api/v1/health HTTP/1.0\r\n\r\n")}) {
        RawHttp client;
        client.open(server.port(), false);
        client.send(request);
        client.read(WaitMs);
        std::printf("4 framing: %s: connection %s\n",
                    request.contains("1.0") ? "HTTP/1.0" : "Connection: close",
                    client.closedWithin(2'000) ? "closed by the server" : "still open after 2 s");
    }
}

// 5: guessing enrolment codes from one address, two connections.
void guessing(Bench &b, int seconds)
{
    ServerProcess server;
    if (const QString e = b.start(&server, false); !e.isEmpty())
        return void(std::printf("5 guessing: cannot start: %s\n", qPrintable(e)));
    RawHttp clients[2];
    for (RawHttp &c : clients)
        c.open(server.port(), false);
    QHash<int, int> statuses;
    QSet<QByteArray> messages;
    QElapsedTimer timer;
    timer.start();
    int n = 0;
    while (timer.elapsed() < seconds * 1000) {
        for (RawHttp &c : clients) {
            if (!c.isOpen())
                c.open(server.port(), false);
            c.send(RawHttp::request("POST", "/api/v1/devices", {},
                                    QStringLiteral(R"({"code":"GUES-%1","name":"x"})")
                                        .arg(++n, 4, 10, QLatin1Char('0'))
                                        .toUtf8()));
        }
        for (RawHttp &c : clients) {
            const RawAnswer answer = c.read(WaitMs);
            ++statuses[answer.status];
            if (answer.status == 403)
                messages.insert(QJsonDocument::fromJson(answer.body)
                                    .object()
                                    .value(QStringLiteral("error"))
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString()
                                    .toUtf8());
        }
    }
    const double s = double(timer.elapsed()) / 1000.0;
    std::printf("5 guessing: %.0f codes tried a second (403), %.0f refused a second (429), in %.1f s\n",
                statuses.value(403) / s, statuses.value(429) / s, s);
}

// 10: a forged line in the HTTP log.
void logForging(Bench &b)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("org.checkin.server.http.info=true"));
    ServerProcess server;
    if (const QString e = b.start(&server, false, {}, env); !e.isEmpty())
        return void(std::printf("10 log: cannot start: %s\n", qPrintable(e)));
    RawHttp client;
    client.open(server.port(), false);
    client.send(RawHttp::request("GET", "/api/v1/events/x%0AFORGED%20line/changes", Admin));
    client.read(WaitMs);
    server.stop();
    QFile log(server.logPath());
    log.open(QIODevice::ReadOnly);
    bool forged = false;
    for (const QByteArray &line : log.readAll().split('\n'))
        forged = forged || line.startsWith("FORGED");
    std::printf("10 log: a path with %%0A %s\n", forged ? "STARTED A LINE OF ITS OWN" : "stayed on its line");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    checkin::test::raiseFileLimit(8192);
    Bench b;
    b.binary = checkin::bench::option(args, QStringLiteral("--server"), QStringLiteral(CHECKIN_SERVER_PATH));
    const int guessSeconds =
        checkin::bench::option(args, QStringLiteral("--guess-seconds"), QStringLiteral("5")).toInt();
    QProcess help;
    help.start(b.binary, {QStringLiteral("--help")});
    help.waitForFinished();
    b.timeouts = help.readAllStandardOutput().contains("--body-timeout");
    if (const QString problem = checkin::test::makeSelfSignedCertificate(b.dir.path()); !problem.isEmpty())
        std::fprintf(stderr, "bench_httpattacks: %s\n", qPrintable(problem));
    std::printf("HTTP attacks on %s%s\n", qPrintable(b.binary),
                b.timeouts ? " (header and body timeouts set to 5 s)" : "");
    std::fflush(stdout);
    tlsListener(b);
    std::fflush(stdout);
    descriptorFlood(b);
    std::fflush(stdout);
    memory(b);
    std::fflush(stdout);
    framing(b);
    std::fflush(stdout);
    guessing(b, guessSeconds);
    logForging(b);
    return 0;
}
