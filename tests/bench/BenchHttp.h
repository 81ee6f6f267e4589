// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <vector>

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

// The ids of the event's attendees, read from the change feed page by page as a kiosk preloads.
inline QStringList attendeeIds(Http &admin, const QString &event)
{
    QStringList ids;
    QString cursor;
    for (bool more = true; more;) {
        const QJsonObject o = admin.call(
            "GET", QStringLiteral("/api/v1/events/%1/changes?limit=5000&after=%2").arg(event, cursor));
        for (const QJsonValue &v : o.value(QStringLiteral("changes")).toArray())
            ids << v.toObject().value(QStringLiteral("id")).toString();
        cursor = o.value(QStringLiteral("cursor")).toString();
        more = o.value(QStringLiteral("more")).toBool() && !cursor.isEmpty();
    }
    return ids;
}

// Enrols `count` devices ("Door 0", "Door 1", ...) for the event: one client with its token each.
inline std::vector<std::unique_ptr<Http>> enrolDevices(Http &admin, const QString &event, int count)
{
    std::vector<std::unique_ptr<Http>> devices;
    for (int d = 0; d < count; ++d) {
        const QString code =
            admin.call("POST", QStringLiteral("/api/v1/events/%1/enrolment-codes").arg(event))
                .value(QStringLiteral("code"))
                .toString();
        const QJsonObject e =
            admin.call("POST", QStringLiteral("/api/v1/devices"),
                       QJsonDocument(QJsonObject{{QStringLiteral("code"), code},
                                                 {QStringLiteral("name"), QStringLiteral("Door %1").arg(d)}})
                           .toJson());
        devices.push_back(
            std::make_unique<Http>(admin.port, e.value(QStringLiteral("token")).toString().toUtf8()));
    }
    return devices;
}

} // namespace checkin::bench
