// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

#include <memory>

class QNetworkAccessManager;

namespace checkin {
class ServerClient;
class SyncEngine;
} // namespace checkin

namespace checkin::ui {

class DemoServer;

// `checkin-kiosk --demo`: starts a real checkin-server next to the kiosk, creates an event of
// generated attendees on it as the event lead, enrols this kiosk, preloads it and starts syncing;
// then lets a person stop and restart that server to watch the kiosk go offline, queue check-ins
// and deliver them when it is back.
class DemoSetup : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ active CONSTANT)
    Q_PROPERTY(bool ready READ ready NOTIFY changed)
    Q_PROPERTY(QString phase READ phase NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(double progress READ progress NOTIFY changed)
    Q_PROPERTY(bool serverRunning READ serverRunning NOTIFY changed)
    Q_PROPERTY(bool serverBusy READ serverBusy NOTIFY changed)
    Q_PROPERTY(QString consoleUrl READ consoleUrl NOTIFY changed)
public:
    static constexpr int Attendees = 2000;

    // Inactive (no demo): `server` is null.
    DemoSetup(SyncEngine *engine, QNetworkAccessManager *network, DemoServer *server,
              QObject *parent = nullptr);
    ~DemoSetup() override;
    static DemoSetup *create(QQmlEngine *engine, QJSEngine *);

    // Starts the server and prepares the kiosk; `ready` turns true (or `error` is set) when done.
    void begin();
    // The demo's door (enrolled with this name; "Demo door" unless said).
    void setDoorName(const QString &name) { m_doorName = name; }
    // A second door of the same demo (`checkin-kiosk --demo --doors 2`): it shares `first`'s server
    // and event, and enrols and preloads once the first door is ready. Call before begin().
    void joinAfter(DemoSetup *first);

    bool active() const { return m_server != nullptr; }
    bool ready() const { return m_ready; }
    QString phase() const { return m_phase.toString(); }
    QString error() const { return m_error.toString(); }
    double progress() const { return m_progress; }
    bool serverRunning() const;
    bool serverBusy() const { return m_serverBusy; }

    Q_INVOKABLE void stopServer();
    Q_INVOKABLE void startServer();

    // The event lead's console on the demo server, and the secret to sign in with (its admin token).
    QString consoleUrl() const;
    // Opens the console in the browser and puts the secret on the clipboard; false when no browser
    // opened (the URL is then to be typed).
    Q_INVOKABLE bool openConsole();

Q_SIGNALS:
    void changed();

protected:
    // On QEvent::LanguageChange: the phase and the error again.
    bool event(QEvent *event) override;

private:
    void serving();
    void createEvent();
    void uploadAttendees(const QString &eventId);
    void uploadLists(const QString &eventId);
    void enrol(const QString &eventId);
    void preload();
    void setPhase(const LiveText &phase, double progress = -1);
    void fail(const LiveText &error);

    SyncEngine *m_engine;
    QNetworkAccessManager *m_network;
    DemoServer *m_server;
    std::unique_ptr<ServerClient> m_admin;
    QString m_doorName = QStringLiteral("Demo door");
    QString m_eventId;
    DemoSetup *m_first = nullptr; // joinAfter()
    bool m_prepared = false;
    bool m_ready = false;
    bool m_serverBusy = false;
    LiveText m_phase;
    LiveText m_error;
    double m_progress = -1;
};

} // namespace checkin::ui
