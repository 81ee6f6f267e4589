// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// A client that sends exactly the bytes it is given, over TCP or TLS (any certificate accepted),
// and reads answers as they come: for attacking the server's HTTP layer (tst_httpattacks,
// bench_httpattacks).

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QTcpSocket;

namespace checkin::test {

struct RawAnswer
{
    int status = 0; // 0: none came (timeout or the connection closed)
    QByteArray head;
    QByteArray body;
    bool closes = false; // "Connection: close"
};

class RawHttp
{
public:
    RawHttp();
    ~RawHttp();
    RawHttp(const RawHttp &) = delete;
    RawHttp &operator=(const RawHttp &) = delete;

    // Connects to 127.0.0.1:port; with tls and handshake, waits for the TLS handshake too. With tls
    // and no handshake it stays a bare TCP connection to the TLS port.
    bool open(quint16 port, bool tls, bool handshake = true, int timeoutMs = 5'000);
    // Writes and waits until the bytes left this process (false when the connection broke).
    bool send(const QByteArray &bytes, int timeoutMs = 5'000);
    // The next answer, by Content-Length; status 0 when none came in time.
    RawAnswer read(int timeoutMs = 5'000);
    // The bytes that came and were not read as answers yet, after waiting up to timeoutMs for more.
    QByteArray readRaw(int timeoutMs = 2'000);
    // Whether the server closes the connection within the time (reads and drops what comes).
    bool closedWithin(int timeoutMs);
    bool isOpen() const;
    void close(); // abort
    QTcpSocket *socket() const { return m_socket.get(); }

    // One GET of /api/v1/health on a new connection: milliseconds until its 200, or -1.
    static qint64 healthMs(quint16 port, bool tls, int timeoutMs = 5'000);
    // A request's bytes: METHOD TARGET HTTP/1.1, Host, the headers given, Content-Length when body.
    static QByteArray request(const QByteArray &method, const QByteArray &target,
                              const QByteArray &headers = {}, const QByteArray &body = {});

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

// The resident memory of a process in KiB (/proc/PID/status VmRSS); -1 when unknown.
qint64 residentKiB(qint64 processId);

// Lets this process open up to `count` files and sockets (the soft limit, up to the hard one).
void raiseFileLimit(int count);

// A self-signed certificate for 127.0.0.1 with an EC key: DIR/cert.pem and DIR/key.pem (openssl).
// An empty string, or what went wrong.
QString makeSelfSignedCertificate(const QString &dir);

// A script DIR/NAME that runs `binary` with its arguments under a file limit of `files`
// (ulimit -n), becoming that process; its path, or empty when it cannot be written.
QString limitedServer(const QString &dir, const QString &name, const QString &binary, int files);

} // namespace checkin::test
