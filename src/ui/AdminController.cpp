// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AdminController.h"
#include "UiLogging.h"

#include "Exporter.h"
#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "SyncEngine.h"
#include "SyncSettings.h"
#include "WallClock.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QSaveFile>

namespace checkin::ui {

namespace {

// What an export on the file thread did.
struct Exported
{
    QString error; // empty: written
    QString path;
    ExportMemo memo;
    QString memoError; // the export is there, but the memo of it is not
};

} // namespace

AdminController::AdminController(LocalStore *store, SyncEngine *engine, const WallClock *clock,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
    , m_clock(clock)
    , m_memo(ExportMemo::load(exportDir()))
    , m_forgetTimer(new QTimer(this))
{
    m_files.setMaxThreadCount(1);
    m_forgetTimer->setInterval(10 * 60 * 1000);
    connect(m_forgetTimer, &QTimer::timeout, this, &AdminController::forgetIfDue);
    m_forgetTimer->start();
    connect(m_engine, &SyncEngine::statusChanged, this, [this] {
        if (m_engine->status().revokedByLead)
            forgetIfDue();
    });
}

void AdminController::setDataExpiry(qint64 expiryMs)
{
    m_expiryMs = expiryMs;
    forgetIfDue();
}

void AdminController::forgetIfDue()
{
    if (m_forgetting || m_wipeState != WipeState::None)
        return;
    const bool revoked = m_engine->status().revokedByLead;
    if (!revoked && m_expiryMs <= 0)
        return;
    m_forgetting = true;
    deliverLater(m_store->stats(), this, [this, revoked](const StoreStats &stats) {
        // An event without an end counts from its start (a day of it); one with neither never expires.
        const qint64 end = stats.event.endsAtMs
                               ? stats.event.endsAtMs
                               : (stats.event.startsAtMs ? stats.event.startsAtMs + 86'400'000 : 0);
        const bool expired = m_expiryMs > 0 && end > 0 && m_clock->nowMs() > end + m_expiryMs;
        if (!stats.error.isEmpty() || (!revoked && !expired) || m_wipeState != WipeState::None) {
            m_forgetting = false;
            return;
        }
        const QString why = revoked ? QStringLiteral("the event lead revoked this device")
                                    : QStringLiteral("%1 days after the event").arg(m_expiryMs / 86'400'000);
        checkWipe([this, why, revoked,
                   everythingDelivered = stats.undelivered == 0](const LiveText &refusal) {
            if (!refusal.isEmpty() || m_wipeState != WipeState::None) {
                m_forgetting = false;
                if (!refusal.isEmpty() && m_forgetMessage.isEmpty())
                    qCWarning(lcExport).noquote()
                        << "personal data kept although" << why << ":" << refusal.toString();
                m_forgetMessage = [revoked, refusal]() -> QString {
                    return (revoked ? tr("The event lead revoked this kiosk: it deletes its data as soon as "
                                         "nothing would be lost.")
                                    : tr("The event is over: this kiosk deletes its data as soon as nothing "
                                         "would be lost.")) +
                           QLatin1Char(' ') + refusal.toString();
                };
                Q_EMIT forgetChanged();
                return;
            }
            qCInfo(lcExport).noquote() << "deleting this kiosk's data:" << why;
            setWipe(WipeState::Wiping, [] { return tr("Wiping\u2026"); });
            performWipe(why, everythingDelivered);
        });
    });
}

AdminController::~AdminController()
{
    m_files.waitForDone(); // an export under way is finished, or discarded by QSaveFile
}

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
        Q_EMIT forgetChanged();
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
    deliverLater(m_store->checkInLog(), this, [this](const LocalStore::Log &log) {
        if (!log.error.isEmpty()) {
            finishExport(QString(), log.error);
            return;
        }
        // A few MB for a large event: formatted and written on the file thread.
        const qint64 now = m_clock->nowMs();
        auto work = [dir = exportDir(), now, checkIns = log.checkIns] {
            Exported out;
            if (!QDir().mkpath(dir)) {
                out.error = tr("Cannot create the folder %1 for exports. Check that the data directory is "
                               "writable.")
                                .arg(QDir::toNativeSeparators(dir));
                return out;
            }
            const QString stamp =
                QDateTime::fromMSecsSinceEpoch(now).toString(QStringLiteral("yyyyMMdd-HHmmss"));
            const QString path = QDir(dir).filePath(QStringLiteral("checkins-%1.csv").arg(stamp));
            const QByteArray bytes = Exporter::checkInsCsv(checkIns);
            // Written to a temporary file and renamed only when complete: a full disk leaves no
            // half file, and an earlier export of the same name stays intact.
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
                out.error = tr("The check-in log could not be saved as %1: %2. Nothing was written. Free "
                               "some space on this device (or check the data directory), then export again.")
                                .arg(QDir::toNativeSeparators(path), file.errorString());
                return out;
            }
            out.path = path;
            out.memo = {path, int(checkIns.size()),
                        checkIns.isEmpty() ? QString() : checkIns.constLast().checkIn.id, now};
            out.memo.save(dir, &out.memoError);
            return out;
        };
        deliverLater(onPool<Exported>(&m_files, work), this, [this](const Exported &out) {
            if (!out.error.isEmpty()) {
                qCWarning(lcExport).noquote() << out.error;
                finishExport(QString(), out.error);
                return;
            }
            m_memo = out.memo;
            if (!out.memoError.isEmpty()) {
                // The file is complete; only a wipe after a restart would ask for another export.
                qCWarning(lcExport).noquote()
                    << "cannot note the export in" << ExportMemo::FileName << ":" << out.memoError;
            }
            finishExport(out.path, [n = out.memo.checkIns, file = QDir::toNativeSeparators(out.path),
                                    memoError = out.memoError] {
                QString message = tr("%Ln check-in(s) exported to %1", nullptr, n).arg(file);
                if (!memoError.isEmpty())
                    message += tr(" (it could not be noted for a wipe after a restart: %1)").arg(memoError);
                return message;
            });
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
    // A revoked or expired kiosk waited for this export to delete its data.
    if (!path.isEmpty() && !m_forgetMessage.isEmpty())
        forgetIfDue();
}

void AdminController::checkWipe(std::function<void(const LiveText &refusal)> next)
{
    deliverLater(m_store->syncState(), this, [this, next](const SyncState &state) {
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
        if (!m_memo.known()) {
            next(refusal);
            return;
        }
        // The log only grows: the same size and the same last check-in mean nothing came after the
        // export. And every check-in not yet delivered must be in that log.
        deliverLater(m_store->checkInLog(), this, [this, next, state](const LocalStore::Log &log) {
            if (!log.error.isEmpty()) {
                next(log.error);
                return;
            }
            const QString lastId = log.checkIns.isEmpty() ? QString() : log.checkIns.constLast().checkIn.id;
            if (log.checkIns.size() != m_memo.checkIns || lastId != m_memo.lastId) {
                next([] {
                    return tr("There are check-ins newer than the last export, and not all have reached the "
                              "server. Export the check-in log again; then wipe.");
                });
                return;
            }
            const auto inLog = std::count_if(log.checkIns.cbegin(), log.checkIns.cend(),
                                             [](const CheckInRecord &r) { return !r.delivered; });
            if (inLog < state.undelivered) {
                next([n = state.undelivered - int(inLog)] {
                    return tr(
                        "%Ln check-in(s) that have not reached the server belong to another event on this "
                        "kiosk and are not in the export. Keep this kiosk as it is until they are "
                        "delivered.",
                        nullptr, n);
                });
                return;
            }
            next({});
        });
    });
}

void AdminController::requestWipe()
{
    if (m_wipeState == WipeState::Checking || m_wipeState == WipeState::Wiping)
        return;
    setWipe(WipeState::Checking, QString());
    checkWipe([this](const LiveText &refusal) {
        if (!refusal.isEmpty()) {
            setWipe(WipeState::Refused, refusal);
            return;
        }
        setWipe(WipeState::Confirm, [dir = QDir::toNativeSeparators(exportDir())] {
            return tr("This deletes the attendee list, every check-in, the device token and the server "
                      "settings from this kiosk. Exports in %1 stay. It cannot be undone.")
                .arg(dir);
        });
    });
}

void AdminController::cancelWipe()
{
    if (m_wipeState != WipeState::Wiping)
        setWipe(WipeState::None, QString());
}

void AdminController::wipe()
{
    if (m_wipeState != WipeState::Confirm)
        return;
    setWipe(WipeState::Wiping, [] { return tr("Wiping\u2026"); });
    // Again: a check-in may have been recorded while the question was open.
    checkWipe([this](const LiveText &refusal) {
        if (!refusal.isEmpty()) {
            setWipe(WipeState::Refused, refusal);
            return;
        }
        performWipe(QStringLiteral("wiped by the admin"), false);
    });
}

void AdminController::performWipe(const QString &why, bool exportsToo)
{
    m_engine->stop();
    QString error;
    if (!SyncSettings::remove(m_store->dataDir(), &error)) {
        m_forgetting = false;
        setWipe(WipeState::Failed, error);
        return;
    }
    m_engine->load(); // now "not enrolled"
    deliverLater(m_store->wipe(), this, [this, why, exportsToo](const StoreStatus &status) {
        if (!status.ok()) {
            m_forgetting = false;
            setWipe(WipeState::Failed, status.error);
            return;
        }
        // The audit trail of the wipe outlives it, next to the exports; the memo of the last
        // export goes, as the check-ins it stood for have.
        const QString line =
            QStringLiteral("%1 wiped (%2); last export: %3\n")
                .arg(QDateTime::fromMSecsSinceEpoch(m_clock->nowMs(), Qt::UTC).toString(Qt::ISODate), why,
                     exportsToo       ? QStringLiteral("deleted (everything had reached the server)")
                     : m_memo.known() ? QDir::toNativeSeparators(m_memo.path)
                                      : QStringLiteral("none (nothing was undelivered)"));
        auto work = [dataDir = m_store->dataDir(), exportDir = exportDir(), line, exportsToo] {
            QFile audit(QDir(dataDir).filePath(QStringLiteral("wipe-log.txt")));
            if (!audit.open(QIODevice::Append | QIODevice::Text) || audit.write(line.toUtf8()) < 0)
                qCWarning(lcExport).noquote()
                    << "cannot note the wipe in" << audit.fileName() << ":" << audit.errorString();
            QString memoError;
            if (!ExportMemo::remove(exportDir, &memoError))
                qCWarning(lcExport).noquote() << "cannot delete" << ExportMemo::FileName << ":" << memoError;
            // Badges printed to PDF files hold names: they go with the data.
            const QDir badges(QDir(dataDir).filePath(QStringLiteral("badges")));
            for (const QString &name : badges.entryList({QStringLiteral("*.pdf")}, QDir::Files))
                QFile::remove(badges.filePath(name));
            // Everything was on the server: the exports of the check-in log are copies, and go.
            const QDir exports(exportDir);
            for (const QString &name :
                 exportsToo ? exports.entryList({QStringLiteral("checkins-*.csv")}, QDir::Files)
                            : QStringList())
                if (!QFile::remove(exports.filePath(name)))
                    qCWarning(lcExport).noquote() << "cannot delete the export" << exports.filePath(name);
            return true;
        };
        m_memo = {};
        deliverLater(onPool<bool>(&m_files, work), this, [this](bool) {
            m_forgetting = false;
            m_forgetMessage = {};
            Q_EMIT forgetChanged();
            setWipe(WipeState::None, QString());
            Q_EMIT wiped();
        });
    });
}

void AdminController::setWipe(WipeState state, const LiveText &message)
{
    m_wipeState = state;
    m_wipeMessage = message;
    Q_EMIT wipeChanged();
}

} // namespace checkin::ui
