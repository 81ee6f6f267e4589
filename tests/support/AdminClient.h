// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace checkin::test {

// Synchronous calls to a checkin-server as the event lead (admin token), for tests and benchmarks.
// Every wait runs the event loop and is bounded.
class AdminClient
{
public:
    AdminClient(const QUrl &base = {}, const QString &token = {});
    ~AdminClient();

    void setBase(const QUrl &base) { m_base = base; }
    void setToken(const QString &token) { m_token = token; }

    // The JSON answer (empty when it was not JSON); `status` gets the HTTP status (0: no answer).
    QJsonObject call(const QByteArray &verb, const QString &path, const QByteArray &body = {},
                     const QByteArray &contentType = QByteArrayLiteral("application/json"),
                     int *status = nullptr);
    QJsonObject call(const QByteArray &verb, const QString &path, const QJsonObject &body,
                     int *status = nullptr);

    // A one-time enrolment code for the event; empty when the server gave none.
    QString enrolmentCode(const QString &eventId);
    // Every check-in of the event as the server has it now (the change feed, read to its end):
    // id -> change object with "status", "first", ... A server that sheds the read (503, 429) is
    // asked again after its Retry-After, for up to two minutes; when the feed still cannot be read
    // to its end, `error` (if given) says why and what was read so far comes back.
    QHash<QString, QJsonObject> checkIns(const QString &eventId, QString *error = nullptr);

private:
    struct Answer
    {
        int status = 0; // 0: no answer
        QJsonObject json;
        int retryAfterS = -1;
    };
    Answer send(const QByteArray &verb, const QString &path, const QByteArray &body,
                const QByteArray &contentType);

    std::unique_ptr<QNetworkAccessManager> m_network;
    QUrl m_base;
    QString m_token;
};

} // namespace checkin::test
