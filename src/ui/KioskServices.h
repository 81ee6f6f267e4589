// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "KioskPreferences.h"
#include "ScannerInput.h"

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;
class QQmlApplicationEngine;
class QQmlEngine;
class QQuickWindow;

namespace checkin {
class CheckInDesk;
class LocalStore;
class PeerService;
class SyncEngine;
class SystemClock;
class SystemScheduler;
} // namespace checkin

namespace checkin::ui {

class AdminController;
class AdminPin;
class AdminGate;
class PinChange;
class ScanRouter;
class AttendeeDetailModel;
class BadgeDesk;
class ListPicker;
class CameraScanner;
class DemoServer;
class DemoSetup;
class DoorController;
class InputDevices;
class KioskPreferences;
class ReviewModel;
class ScannerInput;
class SearchModel;
class SetupController;
class StatusModel;
class SyncDetail;
class Translations;
class VerdictSound;
class WalkInForm;

// Every service of one kiosk, made once and wired: the store on its data directory, the desk, the
// sync engine on the real clock, and the view models the screens use. main() makes one; the
// self-test makes one on a scratch directory.
class KioskServices : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString dataDir;
        QString serverBinary;  // --demo: the checkin-server to start; empty: no demo
        QString demoServerDir; // --demo: the server's data directory
        bool kiosk = false;    // --kiosk: locked down; leaving takes the admin PIN
        // From the config file (/etc/checkin-kiosk/kiosk.conf): the settings' defaults, and the
        // server address(es) and kiosk name the setup screen starts with.
        KioskPreferences::Defaults preferences;
        QString presetServers;
        QString presetName;
        QString presetPin; // the server certificate's pin for enrolling by hand (kiosk.conf server-pin)
        ScannerInput::Options scanner; // how a keyboard-wedge scanner's burst is told and ended
        // The other doors of the event (docs/peers.md): found on the network and at these
        // addresses ("host:port"); this door listens on `peerPort`. Off: no peer service at all.
        bool peersEnabled = true;
        QStringList peerAddresses;
        quint16 peerPort = 45872;
        bool peerDiscovery = true;
        // The kiosk deletes its data this long after its event ended, once nothing would be lost
        // (kiosk.conf data-expiry-days; 0: never).
        int dataExpiryDays = 30;
        // --demo --doors 2: the second door, on the first door's demo server and event.
        KioskServices *demoFirstDoor = nullptr;
        QString demoDoorName; // the demo door's name ("Demo door" unless said)
    };

    explicit KioskServices(const Options &options, QObject *parent = nullptr);
    ~KioskServices() override;

    // Opens the store, then loads the sync settings and starts syncing (or, for the demo, sets the
    // demo up). `opened` carries the store's error, empty when it opened.
    void start();
    // Gives the view models to `engine`'s QML singletons.
    void provideTo(QQmlEngine *engine);
    // Provides the view models to `engine`, loads Main.qml and lets the scanner watch its window.
    // The window, or null when the screens could not be loaded (QML said why).
    QQuickWindow *loadMain(QQmlApplicationEngine *engine);

    LocalStore &store() { return *m_store; }
    CheckInDesk &desk() { return *m_desk; }
    SyncEngine &syncEngine() { return *m_engine; }
    SearchModel &search() { return *m_search; }
    AttendeeDetailModel &attendeeDetail() { return *m_attendeeDetail; }
    DoorController &door() { return *m_door; }
    StatusModel &status() { return *m_status; }
    ScannerInput &scanner() { return *m_scanner; }
    CameraScanner &camera() { return *m_camera; }
    BadgeDesk &badges() { return *m_badges; }
    ListPicker &lists() { return *m_lists; }
    DemoSetup &demo() { return *m_demo; }
    AdminPin &adminPin() { return *m_adminPin; }
    AdminGate &adminGate() { return *m_adminGate; }
    PinChange &pinChange() { return *m_pinChange; }
    ScanRouter &scanRouter() { return *m_scanRouter; }
    AdminController &admin() { return *m_admin; }
    SetupController &setup() { return *m_setup; }
    KioskPreferences &preferences() { return *m_preferences; }
    Translations &translations() { return *m_translations; }
    VerdictSound &sound() { return *m_sound; }
    InputDevices &inputDevices() { return *m_inputDevices; }
    ReviewModel &review() { return *m_review; }
    SyncDetail &syncDetail() { return *m_syncDetail; }
    WalkInForm &walkIn() { return *m_walkIn; }

Q_SIGNALS:
    void opened(const QString &error);

private:
    void watchNetwork();

    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<SystemScheduler> m_scheduler;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<CheckInDesk> m_desk;
    std::unique_ptr<SyncEngine> m_engine;
    std::unique_ptr<PeerService> m_peers; // null when the other doors are off
    std::unique_ptr<SearchModel> m_search;
    std::unique_ptr<AttendeeDetailModel> m_attendeeDetail;
    std::unique_ptr<DoorController> m_door;
    std::unique_ptr<StatusModel> m_status;
    std::unique_ptr<ScannerInput> m_scanner;
    std::unique_ptr<CameraScanner> m_camera;
    std::unique_ptr<BadgeDesk> m_badges;
    std::unique_ptr<ListPicker> m_lists;
    std::unique_ptr<DemoServer> m_demoServer;
    std::unique_ptr<DemoSetup> m_demo;
    std::unique_ptr<AdminPin> m_adminPin;
    std::unique_ptr<AdminGate> m_adminGate;
    std::unique_ptr<PinChange> m_pinChange;
    std::unique_ptr<ScanRouter> m_scanRouter;
    std::unique_ptr<AdminController> m_admin;
    std::unique_ptr<SetupController> m_setup;
    std::unique_ptr<KioskPreferences> m_preferences;
    std::unique_ptr<Translations> m_translations;
    std::unique_ptr<VerdictSound> m_sound;
    std::unique_ptr<InputDevices> m_inputDevices;
    std::unique_ptr<ReviewModel> m_review;
    std::unique_ptr<SyncDetail> m_syncDetail;
    std::unique_ptr<WalkInForm> m_walkIn;
};

} // namespace checkin::ui
