// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"

#include <QByteArray>
#include <QFuture>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace checkin {

// The one place that talks HTTP to a checkin-server: base URL, bearer token, the kiosk headers,
// timeouts, and turning HTTP statuses and JSON errors into sentences a person can act on.
class ServerClient : public QObject
{
    Q_OBJECT
public:
    struct Reply
    {
        int status = 0;     // HTTP status; 0 when no answer came
        QJsonDocument json; // the body, when it was JSON
        QByteArray body;
        QString errorCode;   // the server's machine-readable code, or "unreachable", "timeout", ...
        LiveText error;      // empty on success (2xx): else a sentence for a person
        int retryAfter = -1; // seconds, from Retry-After
        bool ok() const { return error.isEmpty(); }
    };

    ServerClient(QNetworkAccessManager *network, const QUrl &baseUrl, QObject *parent = nullptr);
    // Aborts the requests still on their way: their futures end cancelled, and whoever continues
    // through deliverLater() hears that they were abandoned.
    ~ServerClient() override;

    void setToken(const QString &token) { m_token = token; }
    // Trust the server whose certificate's key has this pin (CertificatePin), self-signed or from
    // an authority this system does not know, under any host name; refuse every other key.
    void setPin(const QString &pin) { m_pin = pin; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Sent with every request (docs/protocol.md): the undelivered queue and the app version.
    void setKioskState(int queue, const QString &version);
    // The kiosk's wall clock, sent as X-Kiosk-Clock so that the event lead sees a clock that is off.
    void setWallClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    QUrl baseUrl() const { return m_baseUrl; }

    QFuture<Reply> get(const QString &path);
    QFuture<Reply> post(const QString &path, const QByteArray &body,
                        const QByteArray &contentType = QByteArrayLiteral("application/json"));
    QFuture<Reply> remove(const QString &path);

private:
    QFuture<Reply> send(const QByteArray &verb, const QString &path, const QByteArray &body,
                        const QByteArray &contentType);

    QNetworkAccessManager *m_network;
    QString m_pin;
    QList<QPointer<QNetworkReply>> m_replies; // on their way
    QUrl m_baseUrl;
    QString m_token;
    int m_timeoutMs = 15000;
    int m_queue = -1;
    QString m_version;
    std::function<qint64()> m_nowMs;
};

} // namespace checkin
