#include "AdminClient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace checkin::test {

AdminClient::AdminClient(const QUrl &base, const QString &token)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_base(base)
    , m_token(token)
{}

AdminClient::~AdminClient() = default;

QJsonObject AdminClient::call(const QByteArray &verb, const QString &path, const QByteArray &body,
                              const QByteArray &contentType, int *status)
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
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return json;
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

QHash<QString, QJsonObject> AdminClient::checkIns(const QString &eventId)
{
    QHash<QString, QJsonObject> out;
    QString cursor;
    for (int pages = 0; pages < 100'000; ++pages) {
        int status = 0;
        const QJsonObject page =
            call("GET", QStringLiteral("/api/v1/events/%1/changes?limit=5000&after=%2").arg(eventId, cursor),
                 {}, QByteArrayLiteral("application/json"), &status);
        if (status != 200)
            break;
        const QJsonArray changes = page.value(QLatin1String("changes")).toArray();
        for (const QJsonValue &v : changes) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("type")).toString() == QLatin1String("checkin"))
                out.insert(c.value(QLatin1String("id")).toString(), c);
        }
        cursor = page.value(QLatin1String("cursor")).toString();
        if (!page.value(QLatin1String("more")).toBool())
            break;
    }
    return out;
}

} // namespace checkin::test
