// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoSetup.h"
#include "UiLogging.h"

#include "DemoAttendees.h"
#include "DemoServer.h"
#include "Futures.h"
#include "Protocol.h"
#include "QmlServices.h"
#include "ServerClient.h"
#include "SyncEngine.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

#include <cstdio>

namespace checkin::ui {

DemoSetup::DemoSetup(SyncEngine *engine, QNetworkAccessManager *network, DemoServer *server, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_network(network)
    , m_server(server)
{
    if (!m_server)
        return;
    connect(m_server, &DemoServer::serving, this, &DemoSetup::serving);
    connect(m_server, &DemoServer::stopped, this, [this] {
        m_serverBusy = false;
        qCInfo(lcDemo) << "checkin-server stopped";
        Q_EMIT changed();
        // A request now fails at once, so the kiosk shows Offline now, not at its next pull.
        if (m_ready)
            m_engine->syncNow();
    });
    connect(m_server, &DemoServer::failed, this, [this](const QString &error) { fail(error); });
    connect(m_engine, &SyncEngine::progress, this, [this](qint64 done, qint64 total, double) {
        if (!m_ready)
            setPhase(
                [done, total] {
                    return tr("Loading the attendee list onto this kiosk: %L1 of %L2").arg(done).arg(total);
                },
                total > 0 ? double(done) / double(total) : -1);
    });
}

DemoSetup::~DemoSetup() = default;

DemoSetup *DemoSetup::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<DemoSetup>(engine);
}

bool DemoSetup::serverRunning() const
{
    return m_server && m_server->running();
}

void DemoSetup::joinAfter(DemoSetup *first)
{
    m_first = first;
}

void DemoSetup::begin()
{
    if (!m_server)
        return;
    if (m_first) {
        // The first door starts the server and makes the event; this one enrols when it is ready.
        setPhase([] { return tr("Waiting for the first door"); });
        const auto joinWhenReady = [this] {
            if (m_prepared || !m_first->ready())
                return;
            m_prepared = true;
            m_admin = std::make_unique<ServerClient>(m_network, m_server->url());
            m_admin->setToken(m_server->adminToken());
            enrol(m_first->m_eventId);
        };
        connect(m_first, &DemoSetup::changed, this, joinWhenReady);
        joinWhenReady();
        return;
    }
    setPhase([] { return tr("Starting a local checkin-server"); });
    m_serverBusy = true;
    m_server->start();
}

void DemoSetup::stopServer()
{
    if (!m_server || !m_server->running() || !m_ready)
        return;
    m_serverBusy = true;
    Q_EMIT changed();
    m_server->stop();
}

void DemoSetup::startServer()
{
    if (!m_server || m_server->running() || !m_ready)
        return;
    m_serverBusy = true;
    Q_EMIT changed();
    m_server->start();
}

void DemoSetup::serving()
{
    m_serverBusy = false;
    qCInfo(lcDemo) << "checkin-server serving at" << m_server->url().toString();
    Q_EMIT changed();
    if (m_prepared || m_first) {
        if (m_ready)
            m_engine->syncNow(); // the server is back: no need to wait for the next retry
        return;
    }
    m_prepared = true;
    // For whoever started the demo from a terminal (installers/run-demo.sh).
    std::printf("The event lead's console: %s (sign in with: %s)\n", qPrintable(consoleUrl()),
                qPrintable(m_server->adminToken()));
    std::fflush(stdout);
    m_admin = std::make_unique<ServerClient>(m_network, m_server->url());
    m_admin->setToken(m_server->adminToken());
    createEvent();
}

QString DemoSetup::consoleUrl() const
{
    return m_server && m_server->running() ? m_server->url().toString() + QLatin1Char('/') : QString();
}

bool DemoSetup::openConsole()
{
    if (consoleUrl().isEmpty())
        return false;
    QGuiApplication::clipboard()->setText(m_server->adminToken());
    return QDesktopServices::openUrl(QUrl(consoleUrl()));
}

void DemoSetup::createEvent()
{
    setPhase([] { return tr("Creating the event \u201C%1\u201D").arg(QStringLiteral("Demo conference")); });
    // In this computer's time zone: the demo's lists are open at the times of the clock on the wall.
    const QByteArray body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Demo conference")},
                        {QStringLiteral("timezone"), QString::fromUtf8(QTimeZone::systemTimeZoneId())}})
            .toJson();
    deliverLater(m_admin->post(QStringLiteral("/api/v1/events"), body), this,
                 [this](const ServerClient::Reply &r) {
                     if (!r.ok())
                         return fail([error = r.error] {
                             return tr("Creating the demo event failed: %1").arg(error.toString());
                         });
                     uploadAttendees(r.json.object().value(QStringLiteral("id")).toString());
                 });
}

void DemoSetup::uploadAttendees(const QString &eventId)
{
    setPhase([] { return tr("Importing %L1 generated attendees on the server").arg(Attendees); });
    // The demo shows what the door must know: an allergy marked for attention, plain notes.
    const QString path = QStringLiteral("/api/v1/events/%1/attendees?attention=Allergies&door_note=Notes")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(eventId)));
    deliverLater(m_admin->post(path, DemoAttendees::csv(Attendees, 42, true), QByteArrayLiteral("text/csv")),
                 this, [this, eventId](const ServerClient::Reply &r) {
                     if (!r.ok())
                         return fail([error = r.error] {
                             return tr("Importing the demo attendees failed: %1").arg(error.toString());
                         });
                     uploadLists(eventId);
                 });
}

void DemoSetup::uploadLists(const QString &eventId)
{
    QJsonArray lists;
    for (const CheckInList &l : DemoAttendees::lists(QDate::currentDate()))
        lists.append(Protocol::toJson(l));
    const QString path =
        QStringLiteral("/api/v1/events/%1/lists").arg(QString::fromLatin1(QUrl::toPercentEncoding(eventId)));
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("lists"), lists}}).toJson();
    deliverLater(m_admin->post(path, body), this, [this, eventId](const ServerClient::Reply &r) {
        if (!r.ok())
            return fail([error = r.error] {
                return tr("Setting the demo's check-in lists failed: %1").arg(error.toString());
            });
        enrol(eventId);
    });
}

void DemoSetup::enrol(const QString &eventId)
{
    m_eventId = eventId;
    setPhase([] { return tr("Enrolling this kiosk"); });
    const QString path = QStringLiteral("/api/v1/events/%1/enrolment-codes")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(eventId)));
    deliverLater(m_admin->post(path, {}), this, [this](const ServerClient::Reply &r) {
        if (!r.ok())
            return fail([error = r.error] {
                return tr("Getting an enrolment code failed: %1").arg(error.toString());
            });
        const QString code = r.json.object().value(QStringLiteral("code")).toString();
        deliverLater(m_engine->enrol({m_server->url()}, code, m_doorName), this,
                     [this](const QString &error) {
                         if (!error.isEmpty())
                             return fail([error] { return tr("Enrolling the kiosk failed: %1").arg(error); });
                         preload();
                     });
    });
}

void DemoSetup::preload()
{
    setPhase([] { return tr("Loading the attendee list onto this kiosk"); });
    deliverLater(m_engine->runOnce(), this, [this](const SyncEngine::Outcome &outcome) {
        if (!outcome.ok())
            return fail([error = outcome.error] { return tr("Preloading failed: %1").arg(error); });
        m_engine->start();
        m_ready = true;
        setPhase([] { return tr("Ready"); }, 1);
        qCInfo(lcDemo) << "demo ready:" << outcome.pulled << "changes preloaded";
    });
}

bool DemoSetup::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT changed();
    return QObject::event(event);
}

void DemoSetup::setPhase(const LiveText &phase, double progress)
{
    m_phase = phase;
    m_progress = progress;
    Q_EMIT changed();
}

void DemoSetup::fail(const LiveText &error)
{
    m_serverBusy = false;
    m_error = error;
    qCWarning(lcDemo).noquote() << error.toString();
    Q_EMIT changed();
}

} // namespace checkin::ui
