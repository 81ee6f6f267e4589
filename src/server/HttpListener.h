// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The server's HTTP/1.1 connections, over plain TCP or TLS (docs/server.md, "The HTTP layer").
// Every limit is checked before the bytes it guards are read: connections in all and per address
// (the file-descriptor limit included), the head's size, the body's announced size, bytes of
// bodies on their way in across all connections; and every phase has a deadline: the TLS
// handshake, the head, the body, the wait for the next request, a client that does not read its
// answer. One request per connection is served at a time, so pipelined requests are answered in
// the order they came.

#include "HttpMessage.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;

namespace checkin {

class HttpConnection;
class HttpListener;

// Hands an answer back to the connection it belongs to: from any thread, always later (through
// the listener's event loop). An answer for a connection that closed meanwhile is dropped.
class HttpResponder
{
public:
    HttpResponder() = default;
    void send(HttpResponse response) const;
    // To a deferred admission: read a body of at most this many bytes, then serve the request.
    void proceed(qint64 maxBodyBytes) const;

private:
    friend class HttpConnection;
    HttpResponder(HttpListener *listener, quint64 connection, quint64 serial)
        : m_listener(listener)
        , m_connection(connection)
        , m_serial(serial)
    {}
    HttpListener *m_listener = nullptr;
    quint64 m_connection = 0;
    quint64 m_serial = 0;
};

// What serves the requests: first the head (answer at once, read a body of at most so many bytes,
// or decide later through the responder), then the whole request.
class HttpHandler
{
public:
    virtual ~HttpHandler() = default;
    struct Admission
    {
        std::optional<HttpResponse> answer; // set: this answer, the body is not read
        qint64 maxBodyBytes = 0;
        bool deferred = false; // the responder's proceed() or send() follows
    };
    virtual Admission admit(const HttpRequest &head, const HttpResponder &responder) = 0;
    virtual void serve(HttpRequest &&request, const HttpResponder &responder) = 0;
};

class HttpListener : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        HttpLimits message;
        int maxConnections = 2048;
        int maxConnectionsPerAddress = 256; // 0: no limit per address (behind a reverse proxy)
        int handshakeTimeoutMs = 10'000;
        int headTimeoutMs = 10'000; // from a request's first byte (or the connection) to its blank line
        int bodyTimeoutMs = 60'000;
        int idleTimeoutMs = 30'000; // between requests on a connection kept open
        int writeTimeoutMs = 30'000;
        qint64 bodyBudgetBytes = 256LL * 1024 * 1024; // announced bodies being read, all connections
        HttpHeaders defaultHeaders;                   // on every answer, the layer's own included
    };

    HttpListener(HttpHandler *handler, const Options &options, QObject *parent = nullptr);
    ~HttpListener() override;

    void setTls(const QSslConfiguration &configuration);
    // Listens on address:port (0: a free one); 0 when it cannot.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

    // The connections allowed at once: Options::maxConnections, lowered to what the process's file
    // limit leaves after a reserve for the database, logs and threads.
    int connectionLimit() const { return m_connectionLimit; }
    int connectionCount() const { return int(m_connections.size()); }

    const Options &options() const { return m_options; }

private:
    friend class HttpConnection;
    friend class HttpResponder;
    void accept(qintptr descriptor);
    bool makeRoom(const QString &address);
    void deliver(quint64 connection, quint64 serial, HttpResponse response);
    void proceed(quint64 connection, quint64 serial, qint64 maxBodyBytes);
    void closed(HttpConnection *connection);
    bool reserveBody(qint64 bytes);
    void releaseBody(qint64 bytes) { m_bodyBytes -= bytes; }
    HttpResponse failure(int status, const QByteArray &code, const QString &message) const;

    HttpHandler *m_handler;
    Options m_options;
    int m_connectionLimit = 0;
    QTcpServer *m_server = nullptr;
    std::optional<QSslConfiguration> m_tls;
    quint64 m_nextId = 1;
    QHash<quint64, HttpConnection *> m_connections;
    QHash<QString, int> m_perAddress;
    qint64 m_bodyBytes = 0;
};

} // namespace checkin
