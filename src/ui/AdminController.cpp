#include "AdminController.h"

#include "Exporter.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "SyncEngine.h"
#include "SyncSettings.h"
#include "WallClock.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>

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

bool AdminController::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        Q_EMIT syncMessageChanged();
        Q_EMIT exportChanged();
        Q_EMIT wipeChanged();
    }
    return QObject::event(event);
}

void AdminController::syncNow()
{
    LiveText message;
    if (!m_engine->settings().enrolled())
        message = [] {
            return tr("This kiosk is not enrolled, so there is no server to sync with. Enrol it below, with "
                      "a code from the event lead.");
        };
    else if (m_engine->status().stopped)
        message = [] {
            return tr("The server no longer accepts this kiosk. Enrol it again with a new code.");
        };
    else
        message = [] { return tr("Sync requested."); };
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
    m_exportMessage = [] { return tr("Exporting\u2026"); };
    Q_EMIT exportChanged();
    m_store->checkInLog().then(this, [this](const LocalStore::Log &log) {
        if (!log.error.isEmpty()) {
            finishExport(QString(), log.error);
            return;
        }
        const QDir dir(exportDir());
        if (!dir.mkpath(QStringLiteral("."))) {
            finishExport(QString(), [path = QDir::toNativeSeparators(dir.path())] {
                return tr("Cannot create %1. Check that the data directory is writable.").arg(path);
            });
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
        m_exportedCount = int(log.checkIns.size());
        m_exportedPath = path;
        m_exportedLastId = log.checkIns.isEmpty() ? QString() : log.checkIns.constLast().checkIn.id;
        finishExport(path, [n = int(log.checkIns.size()), file = QDir::toNativeSeparators(path)] {
            return tr("%Ln check-in(s) exported to %1", nullptr, n).arg(file);
        });
    });
}

void AdminController::finishExport(const QString &path, const LiveText &message)
{
    m_exporting = false;
    m_exportFailed = path.isEmpty();
    m_exportMessage = message;
    Q_EMIT exportChanged();
    Q_EMIT exported(path);
}

void AdminController::checkWipe(std::function<void(const LiveText &refusal)> next)
{
    m_store->syncState().then(this, [this, next](const SyncState &state) {
        if (!state.error.isEmpty()) {
            next(state.error);
            return;
        }
        if (state.undelivered == 0) {
            next({});
            return;
        }
        const LiveText refusal = [n = state.undelivered] {
            return tr(
                "%Ln check-in(s) have not reached the server yet. Sync first, or export the check-in log "
                "and keep the file; then wipe.",
                nullptr, n);
        };
        if (m_exportedCount < 0) {
            next(refusal);
            return;
        }
        // The log only grows: the same size and the same last check-in mean nothing came after the export.
        m_store->checkInLog().then(this, [this, next, refusal](const LocalStore::Log &log) {
            const QString lastId = log.checkIns.isEmpty() ? QString() : log.checkIns.constLast().checkIn.id;
            const bool covered =
                log.error.isEmpty() && log.checkIns.size() == m_exportedCount && lastId == m_exportedLastId;
            if (covered)
                next({});
            else if (!log.error.isEmpty())
                next(log.error);
            else
                next([] {
                    return tr("There are check-ins newer than the last export, and not all have reached the "
                              "server. Export the check-in log again; then wipe.");
                });
        });
    });
}

void AdminController::requestWipe()
{
    if (m_wipeState == QLatin1String("checking") || m_wipeState == QLatin1String("wiping"))
        return;
    setWipe(QStringLiteral("checking"), QString());
    checkWipe([this](const LiveText &refusal) {
        if (!refusal.isEmpty()) {
            setWipe(QStringLiteral("refused"), refusal);
            return;
        }
        setWipe(QStringLiteral("confirm"), [dir = QDir::toNativeSeparators(exportDir())] {
            return tr("This deletes the attendee list, every check-in, the device token and the server "
                      "settings from this kiosk. Exports in %1 stay. It cannot be undone.")
                .arg(dir);
        });
    });
}

void AdminController::cancelWipe()
{
    if (m_wipeState != QLatin1String("wiping"))
        setWipe(QString(), QString());
}

void AdminController::wipe()
{
    if (m_wipeState != QLatin1String("confirm"))
        return;
    setWipe(QStringLiteral("wiping"), [] { return tr("Wiping\u2026"); });
    // Again: a check-in may have been recorded while the question was open.
    checkWipe([this](const LiveText &refusal) {
        if (!refusal.isEmpty()) {
            setWipe(QStringLiteral("refused"), refusal);
            return;
        }
        m_engine->stop();
        QString error;
        if (!SyncSettings::remove(m_store->dataDir(), &error)) {
            setWipe(QStringLiteral("failed"), error);
            return;
        }
        m_engine->load(); // now "not enrolled"
        m_store->wipe().then(this, [this](const StoreStatus &status) {
            if (!status.ok()) {
                setWipe(QStringLiteral("failed"), status.error);
                return;
            }
            // The audit trail of the wipe outlives it, next to the exports.
            QFile audit(QDir(m_store->dataDir()).filePath(QStringLiteral("wipe-log.txt")));
            if (audit.open(QIODevice::Append | QIODevice::Text))
                audit.write(
                    QStringLiteral("%1 wiped; last export: %2\n")
                        .arg(QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toString(Qt::ISODate),
                             m_exportedPath.isEmpty() ? QStringLiteral("none (nothing was undelivered)")
                                                      : QDir::toNativeSeparators(m_exportedPath))
                        .toUtf8());
            m_exportedCount = -1;
            m_exportedLastId.clear();
            m_exportedPath.clear();
            setWipe(QString(), QString());
            Q_EMIT wiped();
        });
    });
}

void AdminController::setWipe(const QString &state, const LiveText &message)
{
    m_wipeState = state;
    m_wipeMessage = message;
    Q_EMIT wipeChanged();
}

} // namespace checkin::ui
