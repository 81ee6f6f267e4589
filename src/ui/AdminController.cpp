#include "AdminController.h"

#include "Exporter.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "SyncEngine.h"
#include "WallClock.h"

#include <QDateTime>
#include <QDir>

namespace checkin::ui {

AdminController::AdminController(LocalStore *store, SyncEngine *engine, const WallClock *clock,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_clock(clock)
{}

AdminController *AdminController::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<AdminController>(engine);
}

void AdminController::setKioskMode(bool on)
{
    if (on == m_kioskMode)
        return;
    m_kioskMode = on;
    Q_EMIT kioskModeChanged();
}

QString AdminController::exportDir() const
{
    return QDir(m_store->dataDir()).filePath(QStringLiteral("exports"));
}

void AdminController::syncNow()
{
    QString message;
    if (!m_engine->settings().enrolled())
        message = QStringLiteral("This kiosk is not enrolled, so there is no server to sync with. Enrol it "
                                 "with \u201Ccheckinctl enrol\u201D.");
    else if (m_engine->status().stopped)
        message = QStringLiteral("The server no longer accepts this kiosk. Enrol it again with a new code.");
    else
        message = QStringLiteral("Sync requested.");
    m_engine->syncNow();
    m_syncMessage = message;
    Q_EMIT syncMessageChanged();
}

void AdminController::exportCheckIns()
{
    if (m_exporting)
        return;
    m_exporting = true;
    m_exportFailed = false;
    m_exportMessage = QStringLiteral("Exporting\u2026");
    Q_EMIT exportChanged();
    m_store->checkInLog().then(this, [this](const LocalStore::Log &log) {
        if (!log.error.isEmpty()) {
            finishExport(QString(), log.error);
            return;
        }
        const QDir dir(exportDir());
        if (!dir.mkpath(QStringLiteral("."))) {
            finishExport(QString(),
                         QStringLiteral("Cannot create %1. Check that the data directory is writable.")
                             .arg(QDir::toNativeSeparators(dir.path())));
            return;
        }
        const QString stamp =
            QDateTime::fromMSecsSinceEpoch(m_clock->nowMs()).toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QString path = dir.filePath(QStringLiteral("checkins-%1.csv").arg(stamp));
        QString error;
        // A few MB for a large event: written here, between two frames, rather than on a thread.
        if (!Exporter::writeCheckIns(path, log.checkIns, &error)) {
            finishExport(QString(), error);
            return;
        }
        finishExport(path, QStringLiteral("%L1 check-ins exported to %2")
                               .arg(log.checkIns.size())
                               .arg(QDir::toNativeSeparators(path)));
    });
}

void AdminController::finishExport(const QString &path, const QString &message)
{
    m_exporting = false;
    m_exportFailed = path.isEmpty();
    m_exportMessage = message;
    Q_EMIT exportChanged();
    Q_EMIT exported(path);
}

} // namespace checkin::ui
