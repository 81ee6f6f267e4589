#include "KioskServices.h"

#include "AdminController.h"
#include "AdminPin.h"
#include "AttendeeDetailModel.h"
#include "CheckInDesk.h"
#include "DemoServer.h"
#include "DemoSetup.h"
#include "DoorController.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "ScannerInput.h"
#include "SearchModel.h"
#include "SetupController.h"
#include "StatusModel.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "WalkInForm.h"
#include "WallClock.h"

#include <QNetworkAccessManager>
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
    m_scanner = std::make_unique<ScannerInput>(m_clock.get());
    if (!options.serverBinary.isEmpty())
        m_demoServer =
            std::make_unique<DemoServer>(options.serverBinary, options.demoServerDir, randomToken());
    m_demo = std::make_unique<DemoSetup>(m_engine.get(), m_network.get(), m_demoServer.get());
    m_adminPin = std::make_unique<AdminPin>(options.dataDir, m_clock.get());
    m_admin = std::make_unique<AdminController>(m_store.get(), m_engine.get(), m_clock.get());
    m_admin->setKioskMode(options.kiosk);
    m_setup = std::make_unique<SetupController>(m_store.get(), m_engine.get());
    m_walkIn = std::make_unique<WalkInForm>(m_desk.get(), m_store.get(), m_door.get());

    // After a setup or a wipe, the counts and results start over; a wiped kiosk shows setup again.
    auto dataReplaced = [this] {
        m_status->refreshStats();
        m_search->refresh();
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
}

KioskServices::~KioskServices()
{
    m_engine->stop();
}

void KioskServices::start()
{
    m_store->open().then(this, [this](const StoreStatus &status) {
        if (status.ok()) {
            m_status->refreshStats();
            if (m_demo->active())
                m_demo->begin();
            else if (m_engine->load())
                m_engine->start();
            if (!m_demo->active())
                m_setup->check();
        }
        Q_EMIT opened(status.error);
    });
}

QQuickWindow *KioskServices::loadMain(QQmlApplicationEngine *engine)
{
    provideTo(engine);
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
    provide(engine, m_status.get());
    provide(engine, m_scanner.get());
    provide(engine, m_demo.get());
    provide(engine, m_adminPin.get());
    provide(engine, m_admin.get());
    provide(engine, m_setup.get());
    provide(engine, m_walkIn.get());
}

} // namespace checkin::ui
