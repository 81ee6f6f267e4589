// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AdminClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>

namespace checkin::test {

AdminClient::AdminClient(const QUrl &base, const QString &token)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_base(base)
    , m_token(token)
{}

AdminClient::~AdminClient() = default;

AdminClient::Answer AdminClient::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                                      const QByteArray &contentType)
{
    QNetworkRequest request(QUrl(m_base.toString() + path));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setTransferTimeout(120'000);
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    QElapsedTimer timer;
    timer.start();
    while (!reply->isFinished() && timer.elapsed() < 150'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    if (!reply->isFinished())
        reply->abort();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.json = QJsonDocument::fromJson(reply->readAll()).object();
    bool ok = false;
    const int retryAfter = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
    answer.retryAfterS = ok ? retryAfter : -1;
    reply->deleteLater();
    return answer;
}

QJsonObject AdminClient::call(const QByteArray &verb, const QString &path, const QByteArray &body,
                              const QByteArray &contentType, int *status)
{
    const Answer answer = send(verb, path, body, contentType);
    if (status)
        *status = answer.status;
    return answer.json;
}

QJsonObject AdminClient::call(const QByteArray &verb, const QString &path, const QJsonObject &body,
                              int *status)
{
    return call(verb, path,
                body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                QByteArrayLiteral("application/json"), status);
}

QString AdminClient::enrolmentCode(const QString &eventId)
{
    return call("POST", QStringLiteral("/api/v1/events/%1/enrolment-codes").arg(eventId), QByteArray())
        .value(QLatin1String("code"))
        .toString();
}

QHash<QString, QJsonObject> AdminClient::checkIns(const QString &eventId, QString *error)
{
    QHash<QString, QJsonObject> out;
    QString cursor;
    QElapsedTimer shed; // since the server began to shed this read
    for (int pages = 0; pages < 100'000;) {
        const Answer page =
            send("GET", QStringLiteral("/api/v1/events/%1/changes?limit=5000&after=%2").arg(eventId, cursor),
                 {}, QByteArrayLiteral("application/json"));
        if ((page.status == 503 || page.status == 429) && (!shed.isValid() || shed.elapsed() < 120'000)) {
            // Busy, not lost: ask again when it says (a kiosk does the same).
            if (!shed.isValid())
                shed.start();
            QTest::qWait(std::clamp(page.retryAfterS, 1, 10) * 1000);
            continue;
        }
        if (page.status != 200) {
            if (error)
                *error = QStringLiteral("the change feed answered %1 after %2 check-ins")
                             .arg(page.status)
                             .arg(out.size());
            return out;
        }
        shed.invalidate();
        ++pages;
        const QJsonArray changes = page.json.value(QLatin1String("changes")).toArray();
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("type")).toString() == QLatin1String("checkin"))
                out.insert(c.value(QLatin1String("id")).toString(), c);
        }
        cursor = page.json.value(QLatin1String("cursor")).toString();
        if (!page.json.value(QLatin1String("more")).toBool())
            return out;
    }
    if (error)
        *error = QStringLiteral("the change feed did not end");
    return out;
}

} // namespace checkin::test
