// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RawHttp.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSslSocket>
#include <QTcpSocket>

#include <sys/resource.h>

namespace checkin::test {

RawHttp::RawHttp() = default;
RawHttp::~RawHttp() = default;

bool RawHttp::open(quint16 port, bool tls, bool handshake, int timeoutMs)
{
    m_buffer.clear();
    if (tls && handshake) {
        auto *ssl = new QSslSocket;
        m_socket.reset(ssl);
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        return ssl->waitForEncrypted(timeoutMs);
    }
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    return m_socket->waitForConnected(timeoutMs);
}

bool RawHttp::send(const QByteArray &bytes, int timeoutMs)
{
    if (!isOpen())
        return false;
    m_socket->write(bytes);
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->bytesToWrite() > 0 && !deadline.hasExpired()) {
        if (!m_socket->waitForBytesWritten(int(std::max<qint64>(1, deadline.remainingTime()))))
            break;
    }
    return m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState;
}

RawAnswer RawHttp::read(int timeoutMs)
{
    RawAnswer answer;
    if (!m_socket)
        return answer;
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            const QByteArray head = m_buffer.left(end);
            qint64 length = 0;
            bool closes = false;
            for (const QByteArray &line : head.split('\n')) {
                const QByteArray lower = line.trimmed().toLower();
                if (lower.startsWith("content-length:"))
                    length = lower.mid(15).trimmed().toLongLong();
                if (lower == "connection: close")
                    closes = true;
            }
            const int status = head.mid(9, 3).toInt();
            if (status == 100) { // an interim answer: the real one follows
                m_buffer.remove(0, end + 4);
                continue;
            }
            if (m_buffer.size() >= end + 4 + length) {
                answer.status = status;
                answer.head = head;
                answer.body = m_buffer.mid(end + 4, length);
                answer.closes = closes;
                m_buffer.remove(0, end + 4 + length);
                return answer;
            }
        }
        if (deadline.hasExpired())
            return answer;
        if (m_socket->bytesAvailable() == 0 &&
            !m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_socket->state() != QAbstractSocket::ConnectedState || deadline.hasExpired()) {
                m_buffer += m_socket->readAll();
                if (m_buffer.indexOf("\r\n\r\n") < 0)
                    return answer;
            }
        }
        m_buffer += m_socket->readAll();
    }
}

QByteArray RawHttp::readRaw(int timeoutMs)
{
    if (m_socket && m_buffer.isEmpty() && m_socket->bytesAvailable() == 0)
        m_socket->waitForReadyRead(timeoutMs);
    if (m_socket)
        m_buffer += m_socket->readAll();
    return std::exchange(m_buffer, {});
}

bool RawHttp::closedWithin(int timeoutMs)
{
    if (!m_socket)
        return true;
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        m_socket->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        m_socket->readAll();
    }
    return m_socket->state() != QAbstractSocket::ConnectedState;
}

bool RawHttp::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void RawHttp::close()
{
    if (m_socket)
        m_socket->abort();
}

qint64 RawHttp::healthMs(quint16 port, bool tls, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    RawHttp client;
    if (!client.open(port, tls, true, timeoutMs))
        return -1;
    if (!client.send(request("GET", "/api/v1/health", "Connection: close\r\n"), timeoutMs))
        return -1;
    const RawAnswer answer = client.read(int(std::max<qint64>(1, timeoutMs - timer.elapsed())));
    return answer.status == 200 ? timer.elapsed() : -1;
}

QByteArray RawHttp::request(const QByteArray &method, const QByteArray &target, const QByteArray &headers,
                            const QByteArray &body)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
    if (!body.isEmpty())
        out +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

qint64 residentKiB(qint64 processId)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(processId));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

void raiseFileLimit(int count)
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, rlim_t(count));
    setrlimit(RLIMIT_NOFILE, &limit);
}

QString makeSelfSignedCertificate(const QString &dir)
{
    QProcess openssl;
    openssl.setWorkingDirectory(dir);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                   QStringLiteral("-keyout"), QStringLiteral("key.pem"), QStringLiteral("-out"),
                   QStringLiteral("cert.pem")});
    if (!openssl.waitForFinished(30'000) || openssl.exitCode() != 0)
        return QStringLiteral("openssl could not make a certificate: %1")
            .arg(QString::fromLocal8Bit(openssl.readAllStandardError()));
    return {};
}

QString limitedServer(const QString &dir, const QString &name, const QString &binary, int files)
{
    const QString path = QDir(dir).filePath(name);
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    script.write("#!/bin/sh\nulimit -n " + QByteArray::number(files) + "\nexec '" +
                 QFile::encodeName(binary) + "' \"$@\"\n");
    script.close();
    if (!script.setPermissions(script.permissions() | QFileDevice::ExeOwner))
        return {};
    return path;
}

} // namespace checkin::test
