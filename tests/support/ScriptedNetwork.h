// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

#include <functional>

namespace checkin::test {

// A network access that answers every request from a script, without a server or a socket: the
// seam for unit tests of the sync engine (SyncEngine::Options::network). Answers arrive through the
// event loop, as a real reply's do. Every request is kept, in order, with its verb, URL and body.
class ScriptedNetwork : public QNetworkAccessManager
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray verb;
        QUrl url;
        QByteArray body;
        QNetworkRequest request;
    };
    struct Answer
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        // Not NoError: no HTTP answer at all (ConnectionRefusedError, TimeoutError, ...); or, with
        // `brokenOff`, the status line, headers and `body` arrived and then this error ended it.
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        bool hang = false;      // no answer until aborted
        bool brokenOff = false; // see `error`

        static Answer json(int status, const QByteArray &body) { return {status, body, {}}; }
        static Answer refused();
    };
    using Script = std::function<Answer(const Request &request)>;

    explicit ScriptedNetwork(QObject *parent = nullptr);
    void setScript(Script script) { m_script = std::move(script); }
    const QList<Request> &requests() const { return m_requests; }
    // The requests whose path ends with `suffix`.
    QList<Request> requestsTo(const QString &suffix) const;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    Script m_script;
    QList<Request> m_requests;
};

} // namespace checkin::test
