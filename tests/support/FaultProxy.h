// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <array>
#include <functional>

class QTcpServer;
class QTimer;

namespace checkin::test {

class FaultProxyConnection;

// A TCP proxy on 127.0.0.1 between HTTP/1.1 clients and a checkin-server that injects a fault into
// chosen requests (refused connects, hangs, resets, lost answers, delays, 503s) and records every
// request. Single-threaded and driven by the event loop; each client connection gets its own
// connection to the server, opened at its first forwarded request, and its requests are handled one
// at a time in order. Garbage from either side closes that connection, nothing more.
// Note for tests on QNetworkAccessManager: after a reset of a kept-alive connection it sends the
// request again by itself on a new one, so one ResetMidRequest or DropResponse may show as two
// requests, and failNext(DropResponse, 1) hands the client the answer to the repeat.
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        Pass,               // forward the request and return the answer
        Refuse,             // stop listening: connects get ECONNREFUSED (a standing fault only)
        Hang,               // read the request, never forward it, never answer
        ResetMidRequest,    // when the request head has arrived, reset the client connection
        DropResponse,       // forward, wait for the server's whole answer, reset the client connection
        Delay,              // forward, and hold the answer for `param` ms
        ServiceUnavailable, // answer 503 with Retry-After: `param` s without forwarding
    };
    Q_ENUM(Fault)
    static constexpr int kFaults = 7;

    // One request as it arrived.
    struct Request
    {
        QByteArray method;
        QString path;     // the request target as sent (path and query)
        QByteArray queue; // the X-Kiosk-Queue header; empty when absent
        Fault fault = Fault::Pass;
        qint64 atMs = 0;    // from the clock, when the request head arrived
        int connection = 0; // which client connection it came on: 1, 2, ... in the order accepted
        int status = 0;     // the HTTP status the client was sent; 0 when it got none
    };

    explicit FaultProxy(QObject *parent = nullptr);
    ~FaultProxy() override;

    // Listens on a free port of 127.0.0.1 (kept for the proxy's whole life) and forwards to
    // 127.0.0.1:upstreamPort. False when it cannot listen, or listens already.
    bool listen(quint16 upstreamPort);
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT
    bool isListening() const;

    // The standing fault for all following requests. Refuse closes the listening socket and the
    // open client connections (FIN, as a server that exits); any other fault after it listens again
    // on the same port. A request that hangs stays hung.
    void setFault(Fault fault, int param = 0);
    // The next `count` requests (that pass the path filter) get `fault`, then the standing fault
    // applies again. Refuse cannot be given per request (there is no request to a closed port).
    void failNext(Fault fault, int count, int param = 0);
    int failNextRemaining() const { return m_nextCount; }
    // Faults hit only requests whose path starts with `prefix`; the others pass. Empty: all.
    void setPathFilter(const QString &prefix) { m_pathFilter = prefix; }
    // The time of the recorded requests, in ms (default QDateTime::currentMSecsSinceEpoch).
    void setClock(std::function<qint64()> clock);

    QList<Request> requests() const { return m_requests; }
    int count(Fault fault) const { return m_applied[size_t(fault)]; } // requests it was applied to
    int forwarded() const { return m_forwarded; }                     // requests sent to the server
    int droppedAfterCommit() const { return m_dropped; } // server answered, the client got nothing
    int answered503() const { return m_answered503; }    // by the proxy (ServiceUnavailable)
    int connectionsAccepted() const { return m_accepted; }
    // The requests forwarded whose answer the server still owes (those the log still holds): for
    // a benchmark that wants to know where a request waits.
    QList<Request> waitingForServer() const;
    // Forgets the recorded requests and zeroes the counts.
    void clearLog();

Q_SIGNALS:
    void requestRecorded(); // a request head arrived and was recorded

private:
    friend class FaultProxyConnection;

    struct Decision
    {
        Fault fault = Fault::Pass;
        int param = 0;
    };

    void accept();
    bool startListening();
    // Called by the connections.
    Decision decide(const QString &path);
    qint64 record(Request request);
    void setStatus(qint64 entry, int status);
    void closed(FaultProxyConnection *connection);

    QTcpServer *m_server;
    QTimer *m_relisten;
    QSet<FaultProxyConnection *> m_connections;
    quint16 m_port = 0;
    quint16 m_upstreamPort = 0;
    Decision m_standing;
    Decision m_next;
    int m_nextCount = 0;
    QString m_pathFilter;
    std::function<qint64()> m_clock;
    QList<Request> m_requests;
    qint64 m_cleared = 0; // entries forgotten by clearLog(): m_requests[i] is entry m_cleared + i
    std::array<int, kFaults> m_applied{};
    int m_forwarded = 0;
    int m_dropped = 0;
    int m_answered503 = 0;
    int m_accepted = 0;
    int m_connectionNumber = 0; // never reset: numbers stay unique
};

} // namespace checkin::test
