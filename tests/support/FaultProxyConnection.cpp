// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FaultProxyConnection.h"

#include "HttpFraming.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace checkin::test {

namespace {

using Fault = FaultProxy::Fault;

constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qint64 kMaxBody = 256 * 1024 * 1024;

} // namespace

FaultProxyConnection::FaultProxyConnection(FaultProxy *proxy, QTcpSocket *client, int number,
                                           quint16 upstreamPort)
    : QObject(proxy)
    , m_proxy(proxy)
    , m_client(client)
    , m_number(number)
    , m_upstreamPort(upstreamPort)
{
    m_client->setParent(this);
    connect(m_client, &QTcpSocket::readyRead, this, &FaultProxyConnection::readClient);
    connect(m_client, &QTcpSocket::disconnected, this, [this] { close(true); });
    connect(m_client, &QTcpSocket::errorOccurred, this, [this] { close(true); });
    if (m_client->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &FaultProxyConnection::readClient);
}

void FaultProxyConnection::reset(QTcpSocket *socket)
{
    const qintptr fd = socket->socketDescriptor();
    if (fd != -1) {
        const linger noLinger{1, 0};
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &noLinger, sizeof noLinger);
    }
    socket->abort();
}

void FaultProxyConnection::close(bool reset)
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_server) {
        m_server->disconnect(this);
        m_server->abort();
    }
    m_client->disconnect(this);
    if (reset) {
        FaultProxyConnection::reset(m_client);
    } else {
        // The socket outlives this object until what was written has left.
        m_client->setParent(m_proxy);
        connect(m_client, &QTcpSocket::disconnected, m_client, &QObject::deleteLater);
        m_client->disconnectFromHost();
        if (m_client->state() == QAbstractSocket::UnconnectedState)
            m_client->deleteLater();
    }
    m_proxy->closed(this);
}

void FaultProxyConnection::readClient()
{
    if (m_closed)
        return;
    m_fromClient += m_client->readAll();
    if (m_fromClient.size() > kMaxHead + kMaxBody) {
        close(true);
        return;
    }
    if (m_stage == Stage::Reading)
        handleRequests();
}

// Takes the requests in m_fromClient one by one while no other is in progress. Each is recorded and
// decided when its head has arrived, and handled when its body has.
void FaultProxyConnection::handleRequests()
{
    while (!m_closed && m_stage == Stage::Reading && !m_fromClient.isEmpty()) {
        http::Head head;
        const http::Parse parse = http::parseRequestHead(m_fromClient, kMaxHead, &head);
        if (parse == http::Parse::Incomplete)
            return;
        if (parse == http::Parse::Invalid) {
            close(true);
            return;
        }
        const qint64 length = head.contentLength();
        if (!m_headSeen) {
            m_headSeen = true;
            m_isHead = head.method == "HEAD";
            m_clientCloses = head.closesConnection();
            const QString path = QString::fromLatin1(head.target);
            const bool chunked = head.has("Transfer-Encoding");
            m_decision = chunked ? FaultProxy::Decision{} : m_proxy->decide(path);
            m_entry = m_proxy->record(
                {head.method, path, head.field("X-Kiosk-Queue"), m_decision.fault, 0, m_number, 0});
            if (m_closed) // the signal's receiver may have refused all connections
                return;
            if (chunked) {
                m_clientCloses = true;
                send(errorAnswer(501, "Not Implemented", "not_implemented",
                                 u"The test proxy takes request bodies with Content-Length only."_s),
                     501);
                return;
            }
            if (length == -2 || length > kMaxBody || m_decision.fault == Fault::ResetMidRequest) {
                close(true);
                return;
            }
        }
        const qsizetype total = head.size + qMax<qint64>(length, 0);
        if (m_fromClient.size() < total)
            return;
        const QByteArray request = m_fromClient.left(total);
        m_fromClient.remove(0, total);
        m_headSeen = false;
        switch (m_decision.fault) {
        case Fault::Hang:
            m_stage = Stage::Stalled;
            return;
        case Fault::ServiceUnavailable:
            ++m_proxy->m_answered503;
            send(errorAnswer(
                     503, "Service Unavailable", "overloaded",
                     u"The server is busy (a fault injected by the test proxy); try again in %1 s."_s.arg(
                         m_decision.param),
                     m_decision.param),
                 503);
            break;
        default:
            forward(request);
            return;
        }
    }
}

void FaultProxyConnection::forward(const QByteArray &request)
{
    m_stage = Stage::Waiting;
    m_fromServer.clear();
    ++m_proxy->m_forwarded;
    if (m_server) {
        m_server->write(request);
        return;
    }
    m_unsent = request;
    m_server = new QTcpSocket(this);
    connect(m_server, &QTcpSocket::connected, this, [this] {
        m_server->write(m_unsent);
        m_unsent.clear();
    });
    connect(m_server, &QTcpSocket::readyRead, this, &FaultProxyConnection::readServer);
    connect(m_server, &QTcpSocket::disconnected, this, &FaultProxyConnection::serverGone);
    connect(m_server, &QTcpSocket::errorOccurred, this, &FaultProxyConnection::serverGone);
    m_server->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
}

void FaultProxyConnection::readServer()
{
    if (m_closed || !m_server)
        return;
    m_fromServer += m_server->readAll();
    if (m_stage != Stage::Waiting) {
        if (!m_fromServer.isEmpty()) // an answer nobody asked for
            close(true);
        return;
    }
    completeResponse(false);
}

// The server closed its connection or could not be reached.
void FaultProxyConnection::serverGone()
{
    if (m_closed || !m_server)
        return;
    m_fromServer += m_server->readAll();
    dropServer();
    if (m_stage == Stage::Waiting)
        completeResponse(true);
    else if (!m_fromServer.isEmpty())
        close(true);
}

void FaultProxyConnection::dropServer()
{
    if (!m_server)
        return;
    m_server->disconnect(this);
    m_server->abort();
    m_server->deleteLater();
    m_server = nullptr;
}

// Passes the answer on once it is all there. An answer the server breaks off, or garbage, ends the
// client connection with a reset: the client sees what it would see without the proxy.
void FaultProxyConnection::completeResponse(bool serverClosed)
{
    http::Head head;
    const http::Parse parse = http::parseResponseHead(m_fromServer, kMaxHead, &head);
    // 1xx interim answers are not expected from checkin-server; they count as garbage here.
    if (parse == http::Parse::Invalid || (parse == http::Parse::Incomplete && serverClosed) ||
        (parse == http::Parse::Complete && head.status < 200)) {
        close(true);
        return;
    }
    if (parse == http::Parse::Incomplete)
        return;
    qsizetype body = 0;
    bool untilClose = false;
    if (m_isHead || head.status == 204 || head.status == 304) {
        body = 0;
    } else if (head.fieldHasToken("Transfer-Encoding", "chunked")) {
        const http::Parse chunks = http::chunkedBodyLength(m_fromServer, head.size, &body);
        if (chunks == http::Parse::Invalid || (chunks == http::Parse::Incomplete && serverClosed)) {
            close(true);
            return;
        }
        if (chunks == http::Parse::Incomplete)
            return;
    } else if (const qint64 length = head.contentLength(); length >= 0) {
        body = qsizetype(length);
        if (m_fromServer.size() < head.size + body) {
            if (serverClosed)
                close(true);
            return;
        }
    } else if (length == -2) {
        close(true);
        return;
    } else {
        untilClose = true; // no length: the body ends when the server closes
        if (!serverClosed)
            return;
        body = m_fromServer.size() - head.size;
    }
    if (m_fromServer.size() != head.size + body) { // more than one answer to one request
        close(true);
        return;
    }
    const QByteArray response = m_fromServer;
    m_fromServer.clear();
    if (untilClose || head.closesConnection()) {
        m_clientCloses = true;
        dropServer();
    }
    answered(response, head.status);
}

void FaultProxyConnection::answered(const QByteArray &response, int status)
{
    switch (m_decision.fault) {
    case Fault::DropResponse:
        ++m_proxy->m_dropped;
        close(true);
        return;
    case Fault::Delay:
        m_stage = Stage::Holding;
        QTimer::singleShot(qMax(0, m_decision.param), this, [this, response, status] {
            if (m_closed)
                return;
            send(response, status);
            handleRequests();
        });
        return;
    default:
        send(response, status);
        handleRequests();
    }
}

void FaultProxyConnection::send(const QByteArray &response, int status)
{
    m_client->write(response);
    m_proxy->setStatus(m_entry, status);
    m_stage = Stage::Reading;
    if (m_clientCloses)
        close(false);
}

QByteArray FaultProxyConnection::errorAnswer(int status, const QByteArray &reason, const QByteArray &code,
                                             const QString &message, int retryAfter) const
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, QString::fromLatin1(code)},
                                                           {u"message"_s, message}}}})
            .toJson(QJsonDocument::Compact);
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (retryAfter >= 0)
        head += "Retry-After: " + QByteArray::number(retryAfter) + "\r\n";
    if (m_clientCloses)
        head += "Connection: close\r\n";
    return head + "\r\n" + body;
}

} // namespace checkin::test
