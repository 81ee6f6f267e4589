// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "FaultProxy.h"

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace checkin::test {

// One client connection of a FaultProxy and its own connection to the server: reads one request
// at a time, applies the proxy's decision to it, and passes the answer back (or does not).
class FaultProxyConnection : public QObject
{
public:
    FaultProxyConnection(FaultProxy *proxy, QTcpSocket *client, int number, quint16 upstreamPort);

    // Ends the connection: a reset (RST, nothing more is sent) or a close after what was written.
    void close(bool reset);
    // Closes `socket` with RST rather than FIN.
    static void reset(QTcpSocket *socket);
    // The log entry of the request forwarded and not yet answered by the server, else -1.
    qint64 waitingFor() const { return m_stage == Stage::Waiting ? m_entry : -1; }

private:
    enum class Stage {
        Reading, // the next request
        Waiting, // for the server's answer
        Holding, // a Delay: the answer is kept back
        Stalled, // a Hang: nothing happens any more
    };

    void readClient();
    void handleRequests();
    void forward(const QByteArray &request);
    void readServer();
    void serverGone();
    void completeResponse(bool serverClosed);
    void dropServer();
    void answered(const QByteArray &response, int status);
    void send(const QByteArray &response, int status);
    QByteArray errorAnswer(int status, const QByteArray &reason, const QByteArray &code,
                           const QString &message, int retryAfter = -1) const;

    FaultProxy *m_proxy;
    QTcpSocket *m_client;
    QTcpSocket *m_server = nullptr;
    int m_number;
    quint16 m_upstreamPort;
    QByteArray m_fromClient;
    QByteArray m_fromServer;
    QByteArray m_unsent; // the request, until the server connection is up
    Stage m_stage = Stage::Reading;
    bool m_headSeen = false; // the first request in m_fromClient is recorded and decided
    FaultProxy::Decision m_decision;
    qint64 m_entry = -1; // the request's entry in the proxy's log
    bool m_isHead = false;
    bool m_clientCloses = false; // after this answer the client connection ends
    bool m_closed = false;
};

} // namespace checkin::test
