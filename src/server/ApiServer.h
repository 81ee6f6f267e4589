// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceActivity.h"
#include "ServerTypes.h"

#include <QAtomicInt>
#include <QHostAddress>
#include <QHttpServer>
#include <QJsonValue>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

class QHttpServerRequest;

namespace checkin {

class ServerStore;
class WallClock;

// The HTTP API v1 (docs/protocol.md) on Qt HttpServer. Requests are admitted (load shedding, roles,
// per-device rate) on the event loop in microseconds; database work runs on a bounded pool.
class ApiServer : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxInflight = 64;   // requests in flight before 503 + Retry-After
        int workerThreads = 8;  // request threads, each with a database connection
        QString adminTokenHash; // SHA-256 of the admin token
        double deviceRequestsPerSecond = 20;
        int deviceBurst = 40;
        qint64 activityFlushMs = 60'000;
    };

    ApiServer(ServerStore *store, const WallClock *clock, const Options &options, QObject *parent = nullptr);
    ~ApiServer() override;

    // Serves on address:port (0: any free port); false with a message when the port is taken.
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_port; }
    QHttpServer &http() { return m_http; }

    // One answer: status, JSON body, extra headers.
    struct Reply
    {
        int status = 200;
        QJsonValue body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    static Reply error(int status, const QString &code, const QString &message);
    static Reply error(const ApiError &e) { return error(e.status, e.code, e.message); }

    // What a handler needs of a request, copied off the connection (requests are not copyable).
    struct Request
    {
        QString method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray authorization;
        QByteArray contentType;
        QByteArray queue;   // X-Kiosk-Queue
        QByteArray version; // X-Kiosk-Version
    };

private:
    enum class Access { Anyone, Admin, Device, DeviceOrAdmin };
    using Work = std::function<Reply(const Principal &, const Request &)>;

    void addRoutes();
    // Admits the request and answers through `responder` once the pool has done `work`.
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder, Access access,
                const QString &eventId, Work work);
    Principal authenticate(const Request &request, QString *error);
    static QHttpServerResponse toResponse(const Reply &reply);
    void flushActivity();

    // Endpoint bodies (ApiHandlers.cpp), run on the pool.
    Reply createEvent(const Request &request);
    Reply listEvents();
    Reply uploadAttendees(const QString &eventId, const Request &request);
    Reply createEnrolmentCode(const QString &eventId, const Request &request);
    Reply enrol(const Request &request);
    Reply revoke(const QString &deviceId);
    Reply listDevices(const QString &eventId);
    Reply changes(const Principal &who, const QString &eventId, const Request &request);
    Reply ingest(const Principal &who, const QString &eventId, const Request &request);
    Reply stats(const QString &eventId);
    Reply conflicts(const QString &eventId);

    ServerStore *m_store;
    const WallClock *m_clock;
    Options m_options;
    QHttpServer m_http;
    QThreadPool m_pool;
    // Pages of the change feed: two threads of their own, so that a fleet pulling the feed takes
    // no more than their share of the CPU from the SQLite writer and the uploads.
    QThreadPool m_feedPool;
    QAtomicInt m_inflight;
    QAtomicInt m_feedReads; // of those, pages of the change feed (at most 3/4 of maxInflight)
    DeviceActivity m_activity;
    QTimer m_flushTimer;
    QTimer m_statisticsTimer;
    quint16 m_port = 0;
};

} // namespace checkin
