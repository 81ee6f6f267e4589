// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FaultProxy.h"

#include "FaultProxyConnection.h"

#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin::test {

FaultProxy::FaultProxy(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_relisten(new QTimer(this))
    , m_clock(&QDateTime::currentMSecsSinceEpoch)
{
    connect(m_server, &QTcpServer::newConnection, this, &FaultProxy::accept);
    // After Refuse the port may not be bindable at once (another socket took it meanwhile).
    m_relisten->setInterval(100);
    connect(m_relisten, &QTimer::timeout, this, [this] {
        if (m_standing.fault == Fault::Refuse || startListening())
            m_relisten->stop();
    });
}

FaultProxy::~FaultProxy() = default;

bool FaultProxy::listen(quint16 upstreamPort)
{
    if (m_port != 0) {
        qWarning("FaultProxy::listen: it listens already, on port %u", unsigned(m_port));
        return false;
    }
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        qWarning("FaultProxy::listen: %s", qPrintable(m_server->errorString()));
        return false;
    }
    m_upstreamPort = upstreamPort;
    m_port = m_server->serverPort();
    return true;
}

QUrl FaultProxy::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

bool FaultProxy::isListening() const
{
    return m_server->isListening();
}

bool FaultProxy::startListening()
{
    return m_server->isListening() || m_server->listen(QHostAddress::LocalHost, m_port);
}

void FaultProxy::setFault(Fault fault, int param)
{
    m_standing = {fault, param};
    if (fault == Fault::Refuse) {
        m_relisten->stop();
        m_server->close();
        // Closed as by a server process that exits: FIN, not RST. (On a reset, a request that
        // QNetworkAccessManager 6.4 writes on the kept-alive connection before it has noticed, and
        // whose reconnect is then refused, hangs until its transfer timeout.)
        const QSet<FaultProxyConnection *> open = m_connections;
        for (FaultProxyConnection *connection : open)
            connection->close(false);
        return;
    }
    if (m_port != 0 && !startListening()) {
        qWarning("FaultProxy: cannot listen on port %u again yet (%s); retrying", unsigned(m_port),
                 qPrintable(m_server->errorString()));
        m_relisten->start();
    }
}

void FaultProxy::failNext(Fault fault, int count, int param)
{
    if (fault == Fault::Refuse) {
        qWarning("FaultProxy::failNext: Refuse is a standing fault (setFault), not one for single requests");
        return;
    }
    m_next = {fault, param};
    m_nextCount = qMax(0, count);
}

void FaultProxy::setClock(std::function<qint64()> clock)
{
    m_clock = clock ? std::move(clock) : std::function<qint64()>(&QDateTime::currentMSecsSinceEpoch);
}

void FaultProxy::clearLog()
{
    m_cleared += m_requests.size();
    m_requests.clear();
    m_applied.fill(0);
    m_forwarded = 0;
    m_dropped = 0;
    m_answered503 = 0;
    m_accepted = 0;
}

void FaultProxy::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_accepted;
        ++m_connectionNumber;
        m_connections.insert(new FaultProxyConnection(this, socket, m_connectionNumber, m_upstreamPort));
    }
}

FaultProxy::Decision FaultProxy::decide(const QString &path)
{
    if (!m_pathFilter.isEmpty() && !path.startsWith(m_pathFilter))
        return {};
    if (m_nextCount > 0) {
        --m_nextCount;
        return m_next;
    }
    if (m_standing.fault == Fault::Refuse) // a connection that slipped in: it passes
        return {};
    return m_standing;
}

qint64 FaultProxy::record(Request request)
{
    request.atMs = m_clock();
    ++m_applied[size_t(request.fault)];
    m_requests.append(request);
    const qint64 entry = m_cleared + m_requests.size() - 1;
    Q_EMIT requestRecorded();
    return entry;
}

void FaultProxy::setStatus(qint64 entry, int status)
{
    const qint64 index = entry - m_cleared;
    if (index >= 0 && index < m_requests.size())
        m_requests[index].status = status;
}

QList<FaultProxy::Request> FaultProxy::waitingForServer() const
{
    QList<Request> out;
    for (const FaultProxyConnection *c : m_connections) {
        const qint64 index = c->waitingFor() - m_cleared;
        if (c->waitingFor() >= 0 && index >= 0 && index < m_requests.size())
            out << m_requests[index];
    }
    std::sort(out.begin(), out.end(), [](const Request &a, const Request &b) { return a.atMs < b.atMs; });
    return out;
}

void FaultProxy::closed(FaultProxyConnection *connection)
{
    m_connections.remove(connection);
    connection->deleteLater();
}

} // namespace checkin::test
