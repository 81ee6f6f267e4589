// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpListener.h"
#include "ServerLogging.h"

#include "Protocol.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <limits>

namespace checkin {

namespace {

// Bytes a connection takes off the socket ahead of the request it is on (a pipelined next one);
// more stay in the kernel, where TCP slows the client down.
constexpr qint64 ReadAheadBytes = 64 * 1024;
// Answers waiting to be sent before the next request on the connection is read.
constexpr qint64 WriteHighWater = 1024 * 1024;
// After an answer that ends the connection with bytes left unread, the connection lingers: what
// the client still sends is read and dropped until it is quiet for LingerQuietMs (at most
// LingerMaxMs in all), then it closes gracefully. Closing at once would make the kernel answer
// the unread bytes with a reset, which can destroy the answer before the client has read it.
constexpr int LingerQuietMs = 1'000;
constexpr int LingerMaxMs = 10'000;
// File descriptors kept for the database, logs, threads and the listening socket.
constexpr int ReservedDescriptors = 160;

// The process's file limit: the soft limit raised to the hard one (at most 65,536).
qint64 descriptorLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur != RLIM_INFINITY &&
        (limit.rlim_max == RLIM_INFINITY || limit.rlim_cur < limit.rlim_max)) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max == RLIM_INFINITY ? 65'536 : std::min<rlim_t>(limit.rlim_max, 65'536);
        if (raised.rlim_cur > limit.rlim_cur && setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? 65'536 : qint64(limit.rlim_cur);
}

class TcpServer : public QTcpServer
{
public:
    explicit TcpServer(std::function<void(qintptr)> accept, QObject *parent)
        : QTcpServer(parent)
        , m_accept(std::move(accept))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};

} // namespace

// One client connection: reads one request at a time, hands it to the handler, writes its answer.
class HttpConnection : public QObject
{
public:
    enum class State { Handshake, Idle, Head, Admitting, Body, Serving, Closing, Gone };

    HttpConnection(HttpListener *listener, quint64 id, QTcpSocket *socket, bool tls, const QString &address)
        : QObject(listener)
        , m_listener(listener)
        , m_id(id)
        , m_socket(socket)
        , m_tls(tls)
        , m_address(address)
    {
        m_socket->setParent(this);
        m_socket->setReadBufferSize(ReadAheadBytes);
        m_deadline.setSingleShot(true);
        m_writeDeadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] { timedOut(); });
        connect(&m_writeDeadline, &QTimer::timeout, this, [this] {
            qCDebug(lcHttp).noquote()
                << "connection" << m_id << "from" << m_address << "does not read its answer";
            dispose();
        });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] { process(); });
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { written(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { dispose(); });
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                qCDebug(lcHttp).noquote()
                    << "connection" << m_id << "from" << m_address << m_socket->errorString();
            dispose();
        });
        touch();
    }

    // Begins: the TLS handshake, or the wait for the first request.
    void start()
    {
        if (m_tls) {
            auto *ssl = static_cast<QSslSocket *>(m_socket);
            m_state = State::Handshake;
            connect(ssl, &QSslSocket::encrypted, this, [this] {
                m_state = State::Idle;
                m_deadline.start(m_listener->m_options.headTimeoutMs);
                process();
            });
            m_deadline.start(m_listener->m_options.handshakeTimeoutMs);
            ssl->startServerEncryption();
        } else {
            m_state = State::Idle;
            m_deadline.start(m_listener->m_options.headTimeoutMs);
        }
    }

    ~HttpConnection() override { releaseBody(); }

    quint64 id() const { return m_id; }
    const QString &address() const { return m_address; }
    qint64 lastActivity() const { return m_lastActivity; }
    // Holds no request: still shaking hands, or waiting for one with nothing of it read.
    bool idle() const
    {
        return m_state == State::Handshake ||
               (m_state == State::Idle && m_in.isEmpty() && m_socket->bytesToWrite() == 0);
    }

    // The handler's answer to request `serial`.
    void answer(quint64 serial, HttpResponse response)
    {
        if (serial != m_serial)
            return;
        if (m_state == State::Admitting) {
            answerHead(std::move(response));
            process();
            return;
        }
        if (m_state != State::Serving)
            return;
        releaseBody();
        addDefaults(&response);
        send(response, m_keepAlive, false);
        if (m_state == State::Closing)
            return;
        m_state = State::Idle;
        m_request = {};
        m_deadline.start(m_listener->m_options.idleTimeoutMs);
        process();
    }

    // Closes at once (evicted, or the listener goes).
    void dispose()
    {
        if (m_state == State::Gone)
            return;
        m_state = State::Gone;
        m_deadline.stop();
        m_writeDeadline.stop();
        releaseBody();
        m_socket->disconnect(this);
        m_socket->abort();
        m_listener->closed(this);
        deleteLater();
    }

    void touch() { m_lastActivity = QDateTime::currentMSecsSinceEpoch(); }

    void addDefaults(HttpResponse *response) const
    {
        response->headers = m_listener->m_options.defaultHeaders + response->headers;
    }

    void releaseBody()
    {
        if (m_reserved > 0)
            m_listener->releaseBody(m_reserved);
        m_reserved = 0;
    }

    void process()
    {
        while (m_state == State::Idle || m_state == State::Head || m_state == State::Body ||
               m_state == State::Closing) {
            if (m_state == State::Closing) {
                // Draining a body nobody will read, so that the answer arrives before the close.
                if (m_drainWhole > 0 && m_drained >= m_drainWhole && m_socket->bytesToWrite() == 0) {
                    // The whole body announced is dropped: a graceful close.
                    m_drainWhole = 0;
                    m_drain = false;
                    m_socket->disconnectFromHost();
                    if (m_socket->state() == QAbstractSocket::UnconnectedState)
                        dispose();
                    return;
                }
                const QByteArray dropped = m_socket->read(ReadAheadBytes);
                m_drained += dropped.size();
                if (dropped.isEmpty())
                    return;
                if (m_drainStarted && m_drainWhole == 0 && !m_closingGracefully) // not quiet yet: wait longer
                    m_deadline.start(int(std::clamp<qint64>(m_lingerEnd - QDateTime::currentMSecsSinceEpoch(),
                                                            1, LingerQuietMs)));
                continue;
            }
            if (m_socket->bytesToWrite() > WriteHighWater)
                return; // written() comes back
            if (m_state == State::Body) {
                if (!readBody())
                    return;
                continue;
            }
            const qint64 room = m_listener->m_options.message.maxHeadBytes + 4 - m_in.size();
            if (room > 0 && m_socket->bytesAvailable() > 0) {
                m_in += m_socket->read(room);
                touch();
            }
            // Blank lines before a request line are allowed (RFC 9112, 2.2).
            while (m_in.startsWith("\r\n"))
                m_in.remove(0, 2);
            if (m_in.isEmpty())
                return;
            if (m_state == State::Idle) {
                m_state = State::Head;
                if (m_served > 0)
                    m_deadline.start(m_listener->m_options.headTimeoutMs);
            }
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_in.size() > m_listener->m_options.message.maxHeadBytes) {
                    fail({431, "headers_too_large",
                          QStringLiteral("The request's head is larger than %1 bytes.")
                              .arg(m_listener->m_options.message.maxHeadBytes)});
                }
                return;
            }
            if (end > m_listener->m_options.message.maxHeadBytes) {
                fail({431, "headers_too_large",
                      QStringLiteral("The request's head is larger than %1 bytes.")
                          .arg(m_listener->m_options.message.maxHeadBytes)});
                return;
            }
            const QByteArray head = m_in.left(end);
            m_in.remove(0, end + 4);
            startRequest(head);
        }
    }

    void startRequest(const QByteArray &head)
    {
        m_request = {};
        m_headOnly = false;
        m_http10 = false;
        HttpFailure failure;
        if (!parseRequestHead(head, m_listener->m_options.message, &m_request, &failure)) {
            fail(failure);
            return;
        }
        m_request.peer = m_address;
        m_keepAlive = m_request.keepAlive;
        m_headOnly = m_request.method == "HEAD";
        m_http10 = m_request.minorVersion == 0;
        ++m_serial;
        const HttpHandler::Admission admission =
            m_listener->m_handler->admit(m_request, HttpResponder(m_listener, m_id, m_serial));
        if (admission.deferred) {
            m_state = State::Admitting;
            m_deadline.stop();
            return;
        }
        if (admission.answer) {
            answerHead(*admission.answer);
            return;
        }
        readBodyUpTo(admission.maxBodyBytes);
    }

    // The handler's decision on a deferred admission.
    void proceed(quint64 serial, qint64 maxBodyBytes)
    {
        if (m_state != State::Admitting || serial != m_serial)
            return;
        // Someone the server knows, with a body too large: the body is dropped as it comes, so
        // that a client that reads only after sending gets the answer.
        readBodyUpTo(maxBodyBytes, true);
        process();
    }

    // Answered from the head alone: a body that was announced is not read, and the connection then
    // closes (its bytes would be taken for the next request).
    void answerHead(HttpResponse response)
    {
        addDefaults(&response);
        const bool body = m_request.contentLength > 0;
        send(response, m_keepAlive && !body, body);
        ++m_served;
        if (m_state == State::Closing)
            return;
        m_state = State::Idle;
        m_deadline.start(m_listener->m_options.idleTimeoutMs);
    }

    void readBodyUpTo(qint64 maxBodyBytes, bool dropWhole = false)
    {
        if (m_request.contentLength > maxBodyBytes) {
            if (dropWhole)
                m_drainWhole = m_request.contentLength - m_in.size();
            fail({413, "body_too_large",
                  QStringLiteral("The request body is larger than %1 bytes; send smaller batches.")
                      .arg(maxBodyBytes)});
            return;
        }
        if (m_request.contentLength > 0) {
            if (!m_listener->reserveBody(m_request.contentLength)) {
                HttpResponse busy = m_listener->failure(
                    503, "overloaded",
                    QStringLiteral("The server is busy; try again after the time in Retry-After."));
                busy.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")));
                send(busy, false, true);
                return;
            }
            m_reserved = m_request.contentLength;
            m_request.body.reserve(std::min<qint64>(m_request.contentLength, ReadAheadBytes));
            if (m_request.expectContinue)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        m_state = State::Body;
        m_deadline.start(m_listener->m_options.bodyTimeoutMs);
        readBody();
    }

    // Reads what there is of the body; true when the request went on to be served.
    bool readBody()
    {
        const qint64 need = m_request.contentLength - m_request.body.size();
        if (need > 0 && !m_in.isEmpty()) {
            const qint64 take = std::min<qint64>(need, m_in.size());
            m_request.body += m_in.left(take);
            m_in.remove(0, take);
        }
        while (m_request.body.size() < m_request.contentLength && m_socket->bytesAvailable() > 0) {
            m_request.body += m_socket->read(m_request.contentLength - m_request.body.size());
            touch();
        }
        if (m_request.body.size() < m_request.contentLength)
            return false;
        m_state = State::Serving;
        m_deadline.stop();
        ++m_served;
        m_listener->m_handler->serve(std::move(m_request), HttpResponder(m_listener, m_id, m_serial));
        m_request = {};
        return true;
    }

    void fail(const HttpFailure &failure)
    {
        qCDebug(lcHttp).noquote() << "connection" << m_id << "from" << m_address
                                  << "refused:" << failure.status << failure.message;
        HttpResponse response = m_listener->failure(failure.status, failure.code, failure.message);
        send(response, false, true);
    }

    void timedOut()
    {
        switch (m_state) {
        case State::Head:
        case State::Body:
            fail({408, "request_timeout", QStringLiteral("The request did not arrive in time.")});
            break;
        case State::Closing:
            // The client has been quiet: a graceful close (it has the answer). Still sending after
            // LingerMaxMs, or not gone after the graceful close: closed at once.
            if (!m_closingGracefully && m_socket->bytesAvailable() == 0 && m_socket->bytesToWrite() == 0) {
                m_closingGracefully = true;
                m_socket->disconnectFromHost();
                if (m_socket->state() == QAbstractSocket::UnconnectedState)
                    dispose();
                else
                    m_deadline.start(LingerQuietMs);
            } else {
                dispose();
            }
            break;
        default:
            dispose(); // a handshake that never ends, or a connection left open
        }
    }

    void send(const HttpResponse &response, bool keepAlive, bool drain)
    {
        m_socket->write(serializeResponse(response, keepAlive, m_http10, m_headOnly));
        touch();
        if (m_socket->bytesToWrite() > 0)
            m_writeDeadline.start(m_listener->m_options.writeTimeoutMs);
        if (keepAlive)
            return;
        m_state = State::Closing;
        m_drain = drain;
        if (m_socket->bytesToWrite() == 0)
            written();
    }

    void written()
    {
        if (m_state == State::Gone)
            return;
        if (m_socket->bytesToWrite() > 0) {
            m_writeDeadline.start(m_listener->m_options.writeTimeoutMs);
            return;
        }
        m_writeDeadline.stop();
        if (m_state == State::Closing) {
            if (!m_drain) {
                m_socket->disconnectFromHost();
                if (m_socket->state() == QAbstractSocket::UnconnectedState)
                    dispose();
                return;
            }
            if (!m_drainStarted) {
                m_drainStarted = true;
                m_lingerEnd = QDateTime::currentMSecsSinceEpoch() + LingerMaxMs;
                m_deadline.start(m_drainWhole > 0 ? m_listener->m_options.bodyTimeoutMs : LingerQuietMs);
            }
            process();
            return;
        }
        process();
    }

    HttpListener *m_listener;
    quint64 m_id;
    QTcpSocket *m_socket;
    bool m_tls;
    QString m_address;
    State m_state = State::Idle;
    QByteArray m_in;
    HttpRequest m_request;
    bool m_keepAlive = true;
    bool m_headOnly = false; // the request being answered is a HEAD
    bool m_http10 = false;
    bool m_drain = false;
    bool m_drainStarted = false;
    qint64 m_drained = 0;
    qint64 m_lingerEnd = 0; // when lingering ends, quiet or not
    bool m_closingGracefully = false;
    qint64 m_drainWhole = 0; // > 0: drop this many bytes, then close gracefully
    qint64 m_reserved = 0;
    quint64 m_serial = 0;
    quint64 m_served = 0;
    qint64 m_lastActivity = 0;
    QTimer m_deadline;
    QTimer m_writeDeadline;
};

void HttpResponder::proceed(qint64 maxBodyBytes) const
{
    HttpListener *listener = m_listener;
    if (listener == nullptr)
        return;
    QMetaObject::invokeMethod(
        listener,
        [listener, connection = m_connection, serial = m_serial, maxBodyBytes] {
            listener->proceed(connection, serial, maxBodyBytes);
        },
        Qt::QueuedConnection);
}

void HttpResponder::send(HttpResponse response) const
{
    HttpListener *listener = m_listener;
    if (listener == nullptr)
        return;
    QMetaObject::invokeMethod(
        listener,
        [listener, connection = m_connection, serial = m_serial, response = std::move(response)]() mutable {
            listener->deliver(connection, serial, std::move(response));
        },
        Qt::QueuedConnection);
}

HttpListener::HttpListener(HttpHandler *handler, const Options &options, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_options(options)
{
    const qint64 descriptors = descriptorLimit();
    m_connectionLimit =
        int(std::clamp<qint64>(descriptors - ReservedDescriptors, 8, std::max(8, m_options.maxConnections)));
}

HttpListener::~HttpListener()
{
    const QList<HttpConnection *> open = m_connections.values();
    for (HttpConnection *connection : open)
        connection->dispose();
}

void HttpListener::setTls(const QSslConfiguration &configuration)
{
    m_tls = configuration;
}

quint16 HttpListener::listen(const QHostAddress &address, quint16 port, QString *error)
{
    delete m_server;
    m_server = new TcpServer([this](qintptr descriptor) { accept(descriptor); }, this);
    // Accepted at once and counted here: the kernel's queue stays short, and a refused client is
    // closed rather than left waiting.
    m_server->setMaxPendingConnections(std::numeric_limits<int>::max());
    // The kernel's queue of connections not yet accepted (Qt's default is 50): a burst of
    // connections while the event loop is busy would fill 50, and a kiosk's SYN would then wait
    // a second for its retry.
    m_server->setListenBacklogSize(1024);
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        // Out of file descriptors (or another passing failure): Qt stops accepting; make room and
        // take up accepting again shortly.
        qCWarning(lcHttp).noquote() << "cannot accept a connection:" << m_server->errorString();
        makeRoom(QString());
        QTimer::singleShot(100, m_server, [server = m_server] { server->resumeAccepting(); });
    });
    if (!m_server->listen(address, port)) {
        if (error)
            *error = m_server->errorString();
        return 0;
    }
    qCInfo(lcHttp).noquote() << "serving at most" << m_connectionLimit << "connections";
    return m_server->serverPort();
}

void HttpListener::accept(qintptr descriptor)
{
    if (m_connections.size() >= m_connectionLimit && !makeRoom(QString())) {
        qCDebug(lcHttp) << "connection refused: all" << m_connectionLimit << "in use";
        ::close(int(descriptor));
        return;
    }
    QTcpSocket *socket = m_tls ? new QSslSocket : new QTcpSocket;
    if (m_tls)
        static_cast<QSslSocket *>(socket)->setSslConfiguration(*m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        ::close(int(descriptor));
        delete socket;
        return;
    }
    const QString address = socket->peerAddress().toString();
    const int perAddress = m_options.maxConnectionsPerAddress;
    if (perAddress > 0 && m_perAddress.value(address) >= perAddress && !makeRoom(address)) {
        qCDebug(lcHttp).noquote() << "connection refused:" << address << "has" << perAddress << "open";
        socket->abort();
        delete socket;
        return;
    }
    const quint64 id = m_nextId++;
    auto *connection = new HttpConnection(this, id, socket, m_tls.has_value(), address);
    m_connections.insert(id, connection);
    ++m_perAddress[address];
    connection->start();
}

bool HttpListener::makeRoom(const QString &address)
{
    HttpConnection *oldest = nullptr;
    for (HttpConnection *connection : std::as_const(m_connections)) {
        if (!connection->idle() || (!address.isEmpty() && connection->address() != address))
            continue;
        if (oldest == nullptr || connection->lastActivity() < oldest->lastActivity())
            oldest = connection;
    }
    if (oldest == nullptr)
        return false;
    qCDebug(lcHttp).noquote() << "closing idle connection" << oldest->id() << "from" << oldest->address()
                              << "for a new one";
    oldest->dispose();
    return true;
}

void HttpListener::deliver(quint64 connection, quint64 serial, HttpResponse response)
{
    if (HttpConnection *open = m_connections.value(connection))
        open->answer(serial, std::move(response));
}

void HttpListener::proceed(quint64 connection, quint64 serial, qint64 maxBodyBytes)
{
    if (HttpConnection *open = m_connections.value(connection))
        open->proceed(serial, maxBodyBytes);
}

void HttpListener::closed(HttpConnection *connection)
{
    if (m_connections.remove(connection->id())) {
        auto it = m_perAddress.find(connection->address());
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
    }
}

bool HttpListener::reserveBody(qint64 bytes)
{
    if (m_bodyBytes + bytes > m_options.bodyBudgetBytes)
        return false;
    m_bodyBytes += bytes;
    return true;
}

HttpResponse HttpListener::failure(int status, const QByteArray &code, const QString &message) const
{
    HttpResponse response{
        status, QByteArrayLiteral("application/json"),
        QJsonDocument(Protocol::error(QString::fromLatin1(code), message)).toJson(QJsonDocument::Compact),
        m_options.defaultHeaders};
    response.headers.append(qMakePair(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")));
    return response;
}

} // namespace checkin
