// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace checkin::bench {

// Requests to a checkin-server on 127.0.0.1 with a bearer token (or a console's session cookie):
// sent without waiting, or called and waited for.
struct Http
{
    Http(quint16 p, const QByteArray &t)
        : port(p)
        , token(t)
    {}
    QNetworkAccessManager nam;
    quint16 port;
    QByteArray token;
    QByteArray cookie; // a console session instead of the token
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                        const QByteArray &type = QByteArrayLiteral("application/json"))
    {
        QNetworkRequest r(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        if (!token.isEmpty())
            r.setRawHeader("Authorization", "Bearer " + token);
        if (!cookie.isEmpty())
            r.setRawHeader("Cookie", "checkin_session=" + cookie);
        r.setHeader(QNetworkRequest::ContentTypeHeader, type);
        r.setTransferTimeout(120000);
        return nam.sendCustomRequest(r, verb, body);
    }
    QJsonObject call(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                     const QByteArray &type = QByteArrayLiteral("application/json"), int *status = nullptr)
    {
        QNetworkReply *reply = send(verb, path, body, type);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        if (status)
            *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }
};

} // namespace checkin::bench
