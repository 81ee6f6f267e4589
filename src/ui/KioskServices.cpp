// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskServices.h"
#include "Futures.h"
#include "UiLogging.h"

#include "AdminController.h"
#include "AdminPin.h"
#include "AttendeeDetailModel.h"
#include "BadgeDesk.h"
#include "CameraScanner.h"
#include "CheckInDesk.h"
#include "DemoServer.h"
#include "DemoSetup.h"
#include "DoorController.h"
#include "InputDevices.h"
#include "KioskPreferences.h"
#include "ListPicker.h"
#include "LocalStore.h"
#include "PeerService.h"
#include "PinFlow.h"
#include "QmlServices.h"
#include "ReviewModel.h"
#include "ScanRouter.h"
#include "ScannerInput.h"
#include "SearchModel.h"
#include "SetupController.h"
#include "StatusModel.h"
#include "SyncDetail.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "Translations.h"
#include "VerdictSound.h"
#include "WalkInForm.h"
#include "WallClock.h"

#include <QNetworkAccessManager>
#include <QNetworkInformation>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRandomGenerator>

namespace checkin::ui {

namespace {
QString randomToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toHex());
}
} // namespace

KioskServices::KioskServices(const Options &options, QObject *parent)
    : QObject(parent)
    , m_clock(std::make_unique<SystemClock>())
    , m_scheduler(std::make_unique<SystemScheduler>())
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_store(std::make_unique<LocalStore>(options.dataDir, m_clock.get()))
    , m_desk(std::make_unique<CheckInDesk>(m_store.get()))
{
    SyncEngine::Options sync;
    sync.version = QStringLiteral(CHECKIN_VERSION);
    m_engine = std::make_unique<SyncEngine>(m_store.get(), m_scheduler.get(), sync);
    m_search = std::make_unique<SearchModel>(m_store.get());
    m_attendeeDetail = std::make_unique<AttendeeDetailModel>(m_store.get());
    m_door = std::make_unique<DoorController>(m_desk.get());
    m_status = std::make_unique<StatusModel>(m_store.get(), m_engine.get(), m_clock.get());
    if (options.peersEnabled) {
        PeerService::Options peers;
        peers.port = options.peerPort;
        peers.fixedPeers = options.peerAddresses;
        peers.discovery = options.peerDiscovery;
        peers.version = QStringLiteral(CHECKIN_VERSION);
        m_peers = std::make_unique<PeerService>(m_store.get(), peers);
        // The other doors hear whether this one reaches the server (who delivers whose check-ins).
        connect(m_engine.get(), &SyncEngine::statusChanged, m_peers.get(), [this] {
            m_peers->setServerReachable(m_engine->status().connection != SyncEngine::Connection::Offline);
        });
        m_status->setPeers(m_peers.get());
    }
    m_scanner = std::make_unique<ScannerInput>(m_clock.get(), options.scanner);
    if (!options.serverBinary.isEmpty())
        m_demoServer =
            std::make_unique<DemoServer>(options.serverBinary, options.demoServerDir, randomToken());
    if (options.demoFirstDoor) {
        m_demo = std::make_unique<DemoSetup>(m_engine.get(), m_network.get(),
                                             options.demoFirstDoor->m_demoServer.get());
        m_demo->joinAfter(options.demoFirstDoor->m_demo.get());
    } else {
        m_demo = std::make_unique<DemoSetup>(m_engine.get(), m_network.get(), m_demoServer.get());
    }
    if (!options.demoDoorName.isEmpty())
        m_demo->setDoorName(options.demoDoorName);
    m_adminPin = std::make_unique<AdminPin>(options.dataDir, m_clock.get());
    m_admin = std::make_unique<AdminController>(m_store.get(), m_engine.get(), m_clock.get());
    m_admin->setKioskMode(options.kiosk);
    m_admin->setDataExpiry(qint64(options.dataExpiryDays) * 86'400'000);
    m_setup = std::make_unique<SetupController>(m_store.get(), m_engine.get());
    m_setup->setPresets(options.presetServers, options.presetName, options.presetPin);
    m_walkIn = std::make_unique<WalkInForm>(m_desk.get(), m_store.get(), m_door.get());
    m_preferences = std::make_unique<KioskPreferences>(options.dataDir, options.preferences);
    m_adminGate = std::make_unique<AdminGate>(m_adminPin.get(), m_admin.get(), m_preferences.get());
    m_pinChange = std::make_unique<PinChange>(m_adminPin.get());
    m_scanRouter = std::make_unique<ScanRouter>(m_door.get(), m_setup.get());
    m_review = std::make_unique<ReviewModel>(m_store.get());
    m_syncDetail = std::make_unique<SyncDetail>(m_store.get(), m_engine.get(), m_clock.get());

    m_inputDevices = std::make_unique<InputDevices>();
    // A keyboard that only ever scans is a scanner: the on-screen keyboard stays for names.
    connect(m_scanner.get(), &ScannerInput::scanned, m_inputDevices.get(), &InputDevices::noteScan);
    connect(m_scanner.get(), &ScannerInput::typing, m_inputDevices.get(), &InputDevices::noteTyping);
    // A scanned code checks in at the door when home is up; elsewhere it is held back, with a word.
    connect(m_scanner.get(), &ScannerInput::scanned, m_scanRouter.get(), &ScanRouter::route);
    // The camera's codes take the scanner's path: its debounce, its router, its verdict. Home
    // says when the camera is wanted; the admin area chooses which one.
    m_camera = std::make_unique<CameraScanner>();
    connect(m_camera.get(), &CameraScanner::decoded, m_scanner.get(), &ScannerInput::offerDecoded);

    // Self-service only behind an admin PIN.
    m_preferences->setSelfServiceAllowed(m_adminPin->hasPin());
    connect(m_adminPin.get(), &AdminPin::pinChanged, this,
            [this] { m_preferences->setSelfServiceAllowed(m_adminPin->hasPin()); });

    // Self-service: the search and the door show less and say it for attendees.
    auto applyMode = [this] {
        m_search->setSelfService(m_preferences->selfService());
        m_door->setSelfService(m_preferences->selfService());
        m_attendeeDetail->setSelfService(m_preferences->selfService());
    };
    applyMode();
    connect(m_preferences.get(), &KioskPreferences::modeChanged, this, applyMode);

    auto applyCamera = [this] {
        m_camera->setFront(m_preferences->camera() == KioskPreferences::Camera::FrontCamera);
    };
    applyCamera();
    connect(m_preferences.get(), &KioskPreferences::cameraChanged, this, applyCamera);

    // Badges: printed on check-in (when chosen) and from a person's card, never in the verdict's way.
    m_badges = std::make_unique<BadgeDesk>(m_store.get(), m_door.get(), m_preferences.get(), options.dataDir);
    auto eventName = [this] { m_badges->setEventName(m_status->eventName()); };
    eventName();
    connect(m_status.get(), &StatusModel::statsChanged, this, eventName);
    connect(m_badges.get(), &BadgeDesk::printed, m_attendeeDetail.get(), [this](const QString &attendeeId) {
        if (m_attendeeDetail->attendeeId() == attendeeId)
            m_attendeeDetail->refresh();
    });

    // The check-in list this door admits to: after a change, who is inside and the counts are its.
    m_lists = std::make_unique<ListPicker>(m_store.get());
    m_lists->refresh();
    connect(m_lists.get(), &ListPicker::chosen, this, [this] {
        m_status->refreshStats();
        m_search->refresh();
        m_attendeeDetail->refresh();
    });
    connect(m_engine.get(), &SyncEngine::changesApplied, m_lists.get(), &ListPicker::refresh);

    // Every verdict is heard as well as seen, unless the sound is off.
    m_sound = std::make_unique<VerdictSound>();
    m_sound->setEnabled(m_preferences->sound());
    connect(m_preferences.get(), &KioskPreferences::soundChanged, this,
            [this] { m_sound->setEnabled(m_preferences->sound()); });
    connect(m_door.get(), &DoorController::verdictChanged, this,
            [this] { m_sound->play(Door::kindName(m_door->kind())); });

    // The saved language, or the system's; the texts made in C++ follow a change as qsTr() does.
    m_translations = std::make_unique<Translations>(m_preferences.get());
    m_translations->notify({m_search.get(), m_attendeeDetail.get(), m_door.get(), m_status.get(),
                            m_demo.get(), m_adminPin.get(), m_admin.get(), m_setup.get(), m_review.get(),
                            m_syncDetail.get(), m_walkIn.get(), m_adminGate.get(), m_pinChange.get(),
                            m_camera.get(), m_badges.get(), m_lists.get()});

    // After a setup or a wipe, the counts and results start over; a wiped kiosk shows setup again.
    auto dataReplaced = [this] {
        m_status->refreshStats();
        m_search->refresh();
        m_review->refresh();
        m_syncDetail->refreshFeed();
        m_lists->refresh();
    };
    connect(m_setup.get(), &SetupController::finished, this, dataReplaced);
    connect(m_admin.get(), &AdminController::wiped, this, [this, dataReplaced] {
        dataReplaced();
        m_setup->check();
    });

    // Results show who is inside: ask again after a check-in here or changes from other doors.
    connect(m_store.get(), &LocalStore::checkInRecorded, m_search.get(), &SearchModel::refresh);
    connect(m_engine.get(), &SyncEngine::changesApplied, m_search.get(), &SearchModel::refresh);
    // The same for the attendee on the card: their status and history.
    connect(m_store.get(), &LocalStore::checkInRecorded, m_attendeeDetail.get(),
            &AttendeeDetailModel::refresh);
    connect(m_engine.get(), &SyncEngine::changesApplied, m_attendeeDetail.get(),
            &AttendeeDetailModel::refresh);
    // The event lead's review list: a check-in here, or the server's classification of others.
    connect(m_store.get(), &LocalStore::checkInRecorded, m_review.get(), &ReviewModel::refresh);
    connect(m_engine.get(), &SyncEngine::changesApplied, m_review.get(), &ReviewModel::refresh);
    // Check-ins from the other doors count like the server's changes.
    connect(m_store.get(), &LocalStore::peerCheckInsStored, m_search.get(), &SearchModel::refresh);
    connect(m_store.get(), &LocalStore::peerCheckInsStored, m_attendeeDetail.get(),
            &AttendeeDetailModel::refresh);
    connect(m_store.get(), &LocalStore::peerCheckInsStored, m_review.get(), &ReviewModel::refresh);
    connect(m_store.get(), &LocalStore::peerCheckInsStored, m_status.get(), &StatusModel::refreshStats);
    // ...and after a delivery, so that "not yet sent to the server" goes.
    connect(m_engine.get(), &SyncEngine::statusChanged, m_review.get(), [this, undelivered = -1]() mutable {
        const int now = m_engine->status().undelivered;
        if (now < undelivered)
            m_review->refresh();
        undelivered = now;
    });
}

KioskServices::~KioskServices()
{
    m_engine->stop();
}

void KioskServices::start()
{
    deliverLater(m_store->open(), this, [this](const StoreStatus &status) {
        if (status.ok()) {
            m_status->refreshStats();
            m_sound->preload();
            m_syncDetail->refreshFeed();
            if (m_demo->active())
                m_demo->begin();
            else if (m_engine->load())
                m_engine->start();
            if (m_peers)
                m_peers->start(); // it waits for the event's key when it has none yet
            if (!m_demo->active())
                m_setup->check();
            watchNetwork();
        }
        Q_EMIT opened(status.error);
    });
}

void KioskServices::watchNetwork()
{
    // The system says the network went or came back (NetworkManager): a cycle now, so the status
    // bar says Offline or Online at once instead of at the next pull or retry. Without a backend
    // the next request tells, as before.
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, m_engine.get(),
            [engine = m_engine.get()](QNetworkInformation::Reachability reachability) {
                qCInfo(lcServices) << "the network is now" << reachability;
                engine->syncNow();
            });
}

QQuickWindow *KioskServices::loadMain(QQmlApplicationEngine *engine)
{
    provideTo(engine);
    m_translations->watch(engine);
    engine->load(QUrl(QStringLiteral("qrc:/Kiosk/Main.qml")));
    auto *window = engine->rootObjects().isEmpty()
                       ? nullptr
                       : qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
    if (window)
        m_scanner->watch(window);
    return window;
}

void KioskServices::provideTo(QQmlEngine *engine)
{
    provide(engine, m_search.get());
    provide(engine, m_attendeeDetail.get());
    provide(engine, m_door.get());
    provide(engine, m_adminGate.get());
    provide(engine, m_pinChange.get());
    provide(engine, m_scanRouter.get());
    provide(engine, m_status.get());
    provide(engine, m_scanner.get());
    provide(engine, m_camera.get());
    provide(engine, m_badges.get());
    provide(engine, m_lists.get());
    provide(engine, m_demo.get());
    provide(engine, m_adminPin.get());
    provide(engine, m_admin.get());
    provide(engine, m_setup.get());
    provide(engine, m_preferences.get());
    provide(engine, m_translations.get());
    provide(engine, m_sound.get());
    provide(engine, m_inputDevices.get());
    provide(engine, m_review.get());
    provide(engine, m_syncDetail.get());
    provide(engine, m_walkIn.get());
}

} // namespace checkin::ui
