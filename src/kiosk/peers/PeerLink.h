// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PeerKey.h"
#include "PeerWire.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

class QSslSocket;
class QTimer;

namespace checkin {

// One encrypted connection to another door of the event: TLS 1.2 with a pre-shared key derived
// from the event's peer key (ECDHE-PSK with ChaCha20-Poly1305: forward secrecy, and only a holder
// of the key gets past the handshake), then frames of JSON (PeerWire), a hello first. Either side
// may have dialled. Ends itself when the other side says nothing for IdleMs.
class PeerLink : public QObject
{
    Q_OBJECT
public:
    static constexpr int HandshakeMs = 5000; // from the connection to the hello
    static constexpr int IdleMs = 6000;

    enum class Side { Dialled, Accepted };

    // Takes `socket` (connecting, or an accepted descriptor set). `hello` is what this door says.
    PeerLink(QSslSocket *socket, Side side, const QString &eventId, const PeerKey &key,
             const PeerWire::Hello &hello, QObject *parent = nullptr);
    ~PeerLink() override;

    // Dials host:port (Side::Dialled).
    static PeerLink *dial(const QString &host, quint16 port, const QString &eventId, const PeerKey &key,
                          const PeerWire::Hello &hello, QObject *parent);

    Side side() const { return m_side; }
    bool isEstablished() const { return m_established; }
    // The TCP connection stood (whatever became of the handshake).
    bool wasConnected() const { return m_connected; }
    const PeerWire::Hello &peerHello() const { return m_peerHello; }
    // The device the other side claims in the key's identity (known before the hello on the side
    // that accepted).
    QString claimedDevice() const { return m_claimedDevice; }
    QString address() const { return m_address; } // "host:port" of the other side
    qint64 pendingBytes() const;
    qint64 bytesSent() const { return m_bytesSent; }

    void send(const QJsonObject &message);
    // Says why (a "refuse" message) and ends the connection.
    void refuse(const QString &reason, const QString &message);
    void close(const QString &problem = {});

Q_SIGNALS:
    void established();
    void message(const QJsonObject &message);
    // What was written has gone out, but for a little: time for more.
    void drained();
    // The connection ended; `problem` in words when it was not a plain goodbye. `theirGeneration`:
    // the generation of the key the other side tried, when it was not ours (else 0).
    void closed(const QString &problem, int theirGeneration);

private:
    void readFrames();
    // Why the connection ended, as far as this side can tell.
    QString whyEnded() const;
    void end(const QString &problem);

    QSslSocket *m_socket;
    Side m_side;
    QString m_eventId;
    PeerKey m_key;
    PeerWire::Hello m_hello;
    PeerWire::Hello m_peerHello;
    QString m_claimedDevice;
    QString m_address;
    int m_theirGeneration = 0;
    QByteArray m_buffer;
    bool m_established = false;
    bool m_connected = false;
    bool m_refusing = false; // refuse(): the refusal is on its way, the connection ends
    bool m_ended = false;
    QString m_refusal; // what the other side said before it ended the connection
    qint64 m_bytesSent = 0;
    QTimer *m_watchdog;
    QElapsedTimer m_heard;
};

} // namespace checkin
