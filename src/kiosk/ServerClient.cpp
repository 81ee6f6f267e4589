// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerClient.h"
#include "CertificatePin.h"
#include "KioskLogging.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QSslConfiguration>
#include <QSslError>

namespace checkin {

ServerClient::ServerClient(QNetworkAccessManager *network, const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_baseUrl(baseUrl)
{}

ServerClient::~ServerClient()
{
    for (const QPointer<QNetworkReply> &reply : std::as_const(m_replies)) {
        if (reply) {
            reply->disconnect(this); // its promise is dropped unfinished: the future is cancelled
            reply->abort();
            reply->deleteLater();
        }
    }
}

void ServerClient::setKioskState(int queue, const QString &version)
{
    m_queue = queue;
    m_version = version;
}

QFuture<ServerClient::Reply> ServerClient::get(const QString &path)
{
    return send(QByteArrayLiteral("GET"), path, {}, {});
}

QFuture<ServerClient::Reply> ServerClient::post(const QString &path, const QByteArray &body,
                                                const QByteArray &contentType)
{
    return send(QByteArrayLiteral("POST"), path, body, contentType);
}

QFuture<ServerClient::Reply> ServerClient::remove(const QString &path)
{
    return send(QByteArrayLiteral("DELETE"), path, {}, {});
}

QFuture<ServerClient::Reply> ServerClient::send(const QByteArray &verb, const QString &path,
                                                const QByteArray &body, const QByteArray &contentType)
{
    QUrl url = m_baseUrl;
    const QString base = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(base + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!m_token.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_token.toUtf8());
    if (m_queue >= 0)
        request.setRawHeader(QByteArrayLiteral("X-Kiosk-Queue"), QByteArray::number(m_queue));
    if (!m_version.isEmpty())
        request.setRawHeader(QByteArrayLiteral("X-Kiosk-Version"), m_version.toUtf8());
    if (m_nowMs)
        request.setRawHeader(QByteArrayLiteral("X-Kiosk-Clock"), QByteArray::number(m_nowMs()));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);

    auto promise = std::make_shared<QPromise<Reply>>();
    promise->start();
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    m_replies.removeIf([](const QPointer<QNetworkReply> &r) { return r.isNull() || r->isFinished(); });
    m_replies << reply;
    if (!m_pin.isEmpty()) {
        // The pin decides: a certificate the system does not trust is accepted when its key is the
        // pinned one, and a connection to any other key ends before a byte of the request is sent.
        connect(reply, &QNetworkReply::sslErrors, reply,
                [reply, pin = m_pin](const QList<QSslError> &errors) {
                    if (CertificatePin::of(reply->sslConfiguration().peerCertificate()) == pin)
                        reply->ignoreSslErrors(errors);
                    else
                        reply->setProperty("checkinPinMismatch", true); // said so, not "handshake failed"
                });
        connect(reply, &QNetworkReply::encrypted, reply, [reply, pin = m_pin] {
            if (CertificatePin::of(reply->sslConfiguration().peerCertificate()) != pin) {
                reply->setProperty("checkinPinMismatch", true);
                reply->abort();
            }
        });
    }
    connect(reply, &QNetworkReply::finished, this, [reply, promise, url] {
        reply->deleteLater();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // The network failed (errors below the HTTP ones: closed, timed out, reset), possibly after
        // the status line and part of the body: no whole answer, whatever status came first. A page
        // cut off in the middle is the network's fault, not something the server said.
        if (reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied)
            r.status = 0;
        if (reply->isOpen() && r.status != 0)
            r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body);
        bool retryOk = false;
        const int retry = reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt(&retryOk);
        r.retryAfter = retryOk ? retry : -1;
        const QJsonObject error = r.json.object().value(QStringLiteral("error")).toObject();
        const QString server = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString();
        if (r.status == 0 && reply->property("checkinPinMismatch").toBool()) {
            r.errorCode = QStringLiteral("tls");
            r.error = [server] {
                return tr("The server at %1 showed another certificate than the one this device trusts (its "
                          "pin). If the server has a new certificate, enrol this device again with a new "
                          "code.")
                    .arg(server);
            };
        } else if (r.status == 0) {
            const QString why = reply->errorString();
            switch (reply->error()) {
            case QNetworkReply::OperationCanceledError:
            case QNetworkReply::TimeoutError:
                r.errorCode = QStringLiteral("timeout");
                r.error = [server] { return tr("The server at %1 did not answer in time.").arg(server); };
                break;
            case QNetworkReply::SslHandshakeFailedError:
                r.errorCode = QStringLiteral("tls");
                r.error = [server, why] {
                    return tr("The secure connection to %1 failed: %2").arg(server, why);
                };
                break;
            default:
                r.errorCode = QStringLiteral("unreachable");
                r.error = [server, why] {
                    return tr("Cannot reach the server at %1 (%2). Check the address and that the server "
                              "is running.")
                        .arg(server, why);
                };
            }
        } else if (r.status >= 300) {
            r.errorCode =
                error.value(QStringLiteral("code")).toString(QStringLiteral("http_%1").arg(r.status));
            const QString message = error.value(QStringLiteral("message")).toString();
            const QString phrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            if (message.isEmpty())
                r.error = [status = r.status, phrase] {
                    return tr("The server answered %1 %2.").arg(status).arg(phrase);
                };
            else
                r.error = message; // the server's words, in its language
        }
        if (!r.ok())
            qCDebug(lcClient) << url.path() << r.status << r.errorCode << r.error.toString();
        promise->addResult(r);
        promise->finish();
    });
    return promise->future();
}

} // namespace checkin
