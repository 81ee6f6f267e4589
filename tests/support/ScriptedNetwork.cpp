// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScriptedNetwork.h"

#include <QTimer>

namespace checkin::test {

namespace {

// One scripted answer: the status, headers and body of Answer, delivered later; or an error; or
// nothing until abort().
class ScriptedReply : public QNetworkReply
{
public:
    ScriptedReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request,
                  const ScriptedNetwork::Answer &answer, QObject *parent)
        : QNetworkReply(parent)
        , m_answer(answer)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (!answer.hang)
            QTimer::singleShot(0, this, [this] { finish(); });
    }

    void abort() override
    {
        if (isFinished())
            return;
        fail(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>(maxSize, m_data.size() - m_read);
        if (n <= 0)
            return m_read >= m_data.size() ? -1 : 0;
        memcpy(data, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }

private:
    void finish()
    {
        if (isFinished())
            return;
        if (m_answer.error != QNetworkReply::NoError && !m_answer.brokenOff) {
            fail(m_answer.error, QStringLiteral("scripted network error %1").arg(int(m_answer.error)));
            return;
        }
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_answer.status);
        setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, QByteArrayLiteral("Scripted"));
        for (const auto &[name, value] : std::as_const(m_answer.headers))
            setRawHeader(name, value);
        setHeader(QNetworkRequest::ContentLengthHeader, m_answer.body.size());
        m_data = m_answer.body;
        if (!m_data.isEmpty())
            Q_EMIT readyRead();
        if (m_answer.brokenOff) {
            fail(m_answer.error, QStringLiteral("scripted network error %1").arg(int(m_answer.error)));
            return;
        }
        setFinished(true);
        Q_EMIT finished();
    }
    void fail(QNetworkReply::NetworkError error, const QString &text)
    {
        setError(error, text);
        Q_EMIT errorOccurred(error);
        setFinished(true);
        Q_EMIT finished();
    }

    ScriptedNetwork::Answer m_answer;
    QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace

ScriptedNetwork::Answer ScriptedNetwork::Answer::refused()
{
    Answer a;
    a.status = 0;
    a.error = QNetworkReply::ConnectionRefusedError;
    return a;
}

ScriptedNetwork::ScriptedNetwork(QObject *parent)
    : QNetworkAccessManager(parent)
{}

QList<ScriptedNetwork::Request> ScriptedNetwork::requestsTo(const QString &suffix) const
{
    QList<Request> found;
    for (const Request &r : m_requests) {
        if (r.url.path().endsWith(suffix))
            found << r;
    }
    return found;
}

QNetworkReply *ScriptedNetwork::createRequest(Operation op, const QNetworkRequest &request,
                                              QIODevice *outgoingData)
{
    Request r;
    r.verb = op == CustomOperation ? request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray()
             : op == PostOperation ? QByteArrayLiteral("POST")
             : op == GetOperation  ? QByteArrayLiteral("GET")
                                   : QByteArrayLiteral("OTHER");
    r.url = request.url();
    r.request = request;
    if (outgoingData)
        r.body = outgoingData->readAll();
    m_requests << r;
    const Answer answer = m_script ? m_script(r) : Answer::refused();
    return new ScriptedReply(op, request, answer, this);
}

} // namespace checkin::test
