// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PeerLink.h"

#include "KioskLogging.h"

#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTimer>

namespace checkin {

using namespace Qt::StringLiterals;

namespace {
// TLS 1.2: Qt 6.4's OpenSSL backend does pre-shared keys there (not in TLS 1.3). ECDHE gives each
// connection its own key (a key taken later does not open recorded traffic); ChaCha20-Poly1305
// encrypts and authenticates every record.
QSslConfiguration tlsConfiguration()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // no certificates: the key is the credential
    tls.setCiphers({QSslCipher(u"ECDHE-PSK-CHACHA20-POLY1305"_s)});
    tls.setPreSharedKeyIdentityHint("checkin-peer/1");
    return tls;
}

// "g<generation>:<device id>": the identity a door gives for its key.
QByteArray identity(int generation, const QString &deviceId)
{
    return 'g' + QByteArray::number(generation) + ':' + deviceId.toLatin1();
}

QString addressOf(const QHostAddress &address, quint16 port)
{
    QString host = address.toString();
    if (host.startsWith(u"::ffff:"_s))
        host = host.mid(7);
    return host + u':' + QString::number(port);
}

bool readIdentity(const QByteArray &identity, int *generation, QString *deviceId)
{
    const qsizetype colon = identity.indexOf(':');
    if (!identity.startsWith('g') || colon < 2)
        return false;
    bool ok = false;
    *generation = identity.mid(1, colon - 1).toInt(&ok);
    *deviceId = QString::fromLatin1(identity.mid(colon + 1));
    return ok && *generation > 0;
}
} // namespace

PeerLink::PeerLink(QSslSocket *socket, Side side, const QString &eventId, const PeerKey &key,
                   const PeerWire::Hello &hello, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_side(side)
    , m_eventId(eventId)
    , m_key(key)
    , m_hello(hello)
    , m_watchdog(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setSslConfiguration(tlsConfiguration());
    connect(m_socket, &QSslSocket::preSharedKeyAuthenticationRequired, this,
            [this](QSslPreSharedKeyAuthenticator *auth) {
                if (m_side == Side::Dialled) {
                    auth->setIdentity(identity(m_key.generation, m_hello.deviceId));
                    auth->setPreSharedKey(m_key.connectionKey(m_eventId));
                    return;
                }
                int generation = 0;
                if (!readIdentity(auth->identity(), &generation, &m_claimedDevice))
                    return; // no key: the handshake fails
                if (generation != m_key.generation) {
                    m_theirGeneration = generation;
                    return;
                }
                auth->setPreSharedKey(m_key.connectionKey(m_eventId));
            });
    connect(m_socket, &QSslSocket::connected, this, [this] { m_connected = true; });
    connect(m_socket, &QSslSocket::encrypted, this, [this] { send(PeerWire::helloJson(m_hello)); });
    connect(m_socket, &QSslSocket::readyRead, this, &PeerLink::readFrames);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] {
        if (m_socket->encryptedBytesToWrite() + m_socket->bytesToWrite() < 256 * 1024)
            Q_EMIT drained();
    });
    connect(m_socket, &QSslSocket::disconnected, this, [this] { end(whyEnded()); });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
        case QAbstractSocket::HostNotFoundError:
        case QAbstractSocket::NetworkError:
        case QAbstractSocket::SocketTimeoutError:
            end(m_socket->errorString());
            return;
        default:
            break;
        }
        end(m_established && m_refusal.isEmpty() ? m_socket->errorString() : whyEnded());
    });
    // Nothing heard for too long (or no hello in time): the connection is gone.
    m_heard.start();
    connect(m_watchdog, &QTimer::timeout, this, [this] {
        if (!m_established && m_heard.elapsed() > HandshakeMs)
            close(tr("no hello within %1 s").arg(HandshakeMs / 1000));
        else if (m_established && m_heard.elapsed() > IdleMs)
            close(tr("not heard from for %1 s").arg(IdleMs / 1000));
    });
    m_watchdog->start(500);
    if (side == Side::Accepted) {
        m_connected = true;
        m_address = addressOf(m_socket->peerAddress(), m_socket->peerPort());
        m_socket->startServerEncryption();
    }
}

PeerLink::~PeerLink() = default;

PeerLink *PeerLink::dial(const QString &host, quint16 port, const QString &eventId, const PeerKey &key,
                         const PeerWire::Hello &hello, QObject *parent)
{
    auto *socket = new QSslSocket;
    auto *link = new PeerLink(socket, Side::Dialled, eventId, key, hello, parent);
    link->m_address = host + u':' + QString::number(port);
    socket->connectToHostEncrypted(host, port, u"checkin-peer"_s);
    return link;
}

qint64 PeerLink::pendingBytes() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void PeerLink::send(const QJsonObject &message)
{
    if (m_ended)
        return;
    const QByteArray bytes = PeerWire::frame(message);
    m_bytesSent += bytes.size();
    m_socket->write(bytes);
}

void PeerLink::refuse(const QString &reason, const QString &message)
{
    if (m_ended || m_refusing)
        return;
    // The refusal is said before the connection ends: a graceful close writes what is pending
    // first (an abort would drop it). Ended at the latest a second later.
    send(PeerWire::refusalJson(reason, message));
    m_refusing = true;
    m_refusal = message;
    m_socket->disconnectFromHost();
    QTimer::singleShot(1000, this, [this] { end(m_refusal); });
}

void PeerLink::close(const QString &problem)
{
    if (m_ended)
        return;
    m_socket->disconnectFromHost();
    end(problem);
}

QString PeerLink::whyEnded() const
{
    if (!m_refusal.isEmpty() || m_established)
        return m_refusal;
    if (m_theirGeneration)
        return tr("it has the event's key of generation %1, not this door's %2: it was revoked, or has not "
                  "heard of a revocation yet (then it must reach the server once)")
            .arg(m_theirGeneration)
            .arg(m_key.generation);
    // Connected, then no agreement on the key: one side ends the handshake.
    return tr("the encrypted handshake failed: it does not have this event's key of now (not enrolled "
              "for the event, revoked, or it has not heard of a revocation yet)");
}

void PeerLink::readFrames()
{
    m_buffer += m_socket->readAll();
    m_heard.restart();
    if (m_refusing)
        return; // it said why; nothing more is read
    QJsonObject msg;
    QString error;
    while (!m_ended && PeerWire::takeFrame(&m_buffer, &msg, &error)) {
        const QString type = msg.value("t"_L1).toString();
        if (type == "refuse"_L1) {
            m_refusal = msg.value("message"_L1).toString().left(500);
            if (m_refusal.isEmpty())
                m_refusal = tr("it refused the connection");
            close(m_refusal);
            return;
        }
        if (!m_established) {
            QString problem;
            if (!PeerWire::readHello(msg, &m_peerHello, &problem)) {
                close(problem);
                return;
            }
            m_established = true;
            Q_EMIT established();
            continue;
        }
        Q_EMIT message(msg);
    }
    if (!error.isEmpty())
        close(u"it sent %1"_s.arg(error));
}

void PeerLink::end(const QString &problem)
{
    if (m_ended)
        return;
    m_ended = true;
    m_watchdog->stop();
    m_socket->abort();
    Q_EMIT closed(problem, m_theirGeneration);
}

} // namespace checkin
