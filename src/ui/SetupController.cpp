// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SetupController.h"

#include "EnrolmentPayload.h"
#include "Futures.h"

#include "LocalStore.h"
#include "QmlServices.h"
#include "SyncEngine.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QUrl>

namespace checkin::ui {

SetupController::SetupController(LocalStore *store, SyncEngine *engine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    connect(m_engine, &SyncEngine::progress, this, [this](qint64 done, qint64 total, double perSecond) {
        if (m_phase == Phase::Preloading)
            setProgress(done, total, perSecond);
    });
}

SetupController *SetupController::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<SetupController>(engine);
}

QString SetupController::defaultDeviceName() const
{
    if (!m_presetName.isEmpty())
        return m_presetName;
    const QString host = QHostInfo::localHostName();
    return host.isEmpty() ? tr("Kiosk") : host;
}

void SetupController::check()
{
    deliverLater(m_store->stats(), this, [this](const StoreStats &stats) {
        // A store that cannot be read is main()'s to report; the setup screen would not help.
        const bool needed =
            stats.error.isEmpty() && stats.event.id.isEmpty() && !m_engine->settings().enrolled();
        m_checked = true;
        m_hasEvent = !needed;
        m_needed = needed || m_shownAtStart;
        Q_EMIT neededChanged();
    });
}

void SetupController::setPresets(const QString &servers, const QString &deviceName, const QString &pin)
{
    m_presetServers = servers.trimmed();
    m_presetName = deviceName.trimmed();
    m_presetPin = pin.trimmed();
}

void SetupController::setTypedDeviceName(const QString &name)
{
    if (name == m_typedName)
        return;
    m_typedName = name;
    Q_EMIT typedDeviceNameChanged();
}

QString SetupController::nameForScan() const
{
    if (!m_typedName.trimmed().isEmpty())
        return m_typedName.trimmed();
    return m_engine->settings().deviceName.isEmpty() ? defaultDeviceName() : m_engine->settings().deviceName;
}

bool SetupController::enrolFromScanner(const QString &code)
{
    if (busy())
        return EnrolmentPayload::looksLikePayload(code); // one at a time; the screen shows progress
    return enrolFromScan(code, nameForScan());
}

void SetupController::enrolAtStart(const QString &payload)
{
    m_shownAtStart = true;
    m_needed = true;
    Q_EMIT neededChanged();
    if (!enrolFromScan(payload, nameForScan())) {
        // Not a payload at all: the payload's own sentence says what one looks like.
        setMessages([payload] {
            EnrolmentPayload unused;
            QString why;
            EnrolmentPayload::parse(payload, &unused, &why);
            return why;
        });
    }
}

void SetupController::leave()
{
    if (busy() || !m_hasEvent)
        return;
    m_shownAtStart = false;
    setMessages({});
    m_needed = false;
    Q_EMIT neededChanged();
}

void SetupController::enrol(const QString &servers, const QString &code, const QString &deviceName)
{
    enrolWithPin(servers, code, deviceName, m_presetPin);
}

void SetupController::enrolWithPin(const QString &servers, const QString &code, const QString &deviceName,
                                   const QString &pin)
{
    if (busy())
        return;
    if (servers.trimmed().isEmpty()) {
        setMessages([] { return tr("Enter the server's address, e.g. https://checkin.example.org."); });
        return;
    }
    QString error;
    const QList<QUrl> urls = SyncSettings::parseServers(servers.trimmed(), &error);
    if (urls.isEmpty()) {
        setMessages(error);
        return;
    }
    if (code.trimmed().isEmpty()) {
        setMessages([] { return tr("Enter the one-time enrolment code from the event lead's server."); });
        return;
    }
    const QString name = deviceName.trimmed().isEmpty() ? defaultDeviceName() : deviceName.trimmed();
    setMessages({});
    setPhase(Phase::Enrolling);
    // A re-enrolment replaces the token: the engine must not go on with the old one meanwhile.
    m_engine->stop();
    deliverLater(m_engine->enrol(urls, code.trimmed(), name, pin), this, [this](const QString &enrolError) {
        if (!enrolError.isEmpty()) {
            setPhase(Phase::Idle);
            setMessages(enrolError);
            m_engine->start(); // the old enrolment, if there was one, goes on
            return;
        }
        setPhase(Phase::Idle);
        preload();
    });
}

bool SetupController::enrolFromScan(const QString &text, const QString &deviceName)
{
    if (!EnrolmentPayload::looksLikePayload(text))
        return false;
    EnrolmentPayload payload;
    QString problem;
    if (!EnrolmentPayload::parse(text, &payload, &problem)) {
        // Written again on a language change.
        setMessages([text] {
            EnrolmentPayload unused;
            QString why;
            EnrolmentPayload::parse(text, &unused, &why);
            return why;
        });
        return true;
    }
    enrolWithPin(payload.servers.join(QLatin1Char(',')), payload.code, deviceName,
                 payload.pin.isEmpty() ? m_presetPin : payload.pin);
    return true;
}

void SetupController::preload()
{
    if (busy())
        return;
    setMessages({});
    setProgress(0, -1, 0);
    setPhase(Phase::Preloading);
    deliverLater(m_engine->runOnce(), this, [this](const SyncEngine::Outcome &outcome) {
        setPhase(Phase::Idle);
        if (!outcome.ok()) {
            setMessages([error = outcome.error] {
                //: %1 a sentence saying why
                return tr("Enrolled, but preloading did not finish: %1 Press \u201CPreload\u201D to try "
                          "again.")
                    .arg(error);
            });
            return;
        }
        m_engine->start();
        succeed([pulled = outcome.pulled, server = m_engine->status().server] {
            return tr("Ready: %Ln change(s) loaded from %1.", nullptr, int(pulled)).arg(server);
        });
    });
}

void SetupController::importFile(const QString &path, const QString &eventName)
{
    if (busy())
        return;
    QString local = path.trimmed();
    if (local.startsWith(QLatin1String("file:")))
        local = QUrl(local).toLocalFile();
    if (local.isEmpty()) {
        setMessages([] { return tr("Enter the path of the CSV file, e.g. /media/usb/attendees.csv."); });
        return;
    }
    QFile file(local);
    if (!QFileInfo(local).isFile() || !file.open(QIODevice::ReadOnly)) {
        const QString shown = QDir::toNativeSeparators(local);
        if (!QFileInfo::exists(local)) {
            setMessages([shown] {
                return tr("There is no file %1. Check the path, and that the USB stick is mounted.")
                    .arg(shown);
            });
        } else {
            setMessages([shown, why = file.errorString()] {
                return tr("Cannot read %1: %2. Check the path, and that the USB stick is mounted.")
                    .arg(shown, why);
            });
        }
        return;
    }
    // Even 100,000 attendees are a few MB: read here; parsing and the import run on the store's thread.
    const QByteArray bytes = file.readAll();
    setMessages({});
    setPhase(Phase::Importing);
    deliverLater(m_store->importCsv(bytes, eventName.trimmed()), this, [this](const CsvImport &import) {
        setPhase(Phase::Idle);
        if (!import.summary.error.isEmpty() || !import.parsed.ok()) {
            QList<LiveText> rows;
            for (const AttendeeCsv::Issue &issue : import.parsed.errors) {
                if (rows.size() == MaxRowErrors) {
                    rows << [more = int(import.parsed.errors.size()) - MaxRowErrors] {
                        return tr("\u2026 and %Ln more.", nullptr, more);
                    };
                    break;
                }
                if (issue.row > 0) {
                    //: %1 the row number in the spreadsheet, %2 what is wrong there
                    rows << [issue] { return tr("Row %1: %2").arg(issue.row).arg(issue.message); };
                } else {
                    rows << issue.message;
                }
            }
            LiveText error = import.summary.error;
            if (import.summary.error.isEmpty()) {
                error = [] {
                    return tr("The file has errors, so nothing was imported. Fix them in the spreadsheet and "
                              "import it again.");
                };
            }
            setMessages(error, rows);
            return;
        }
        succeed([n = import.summary.inserted + import.summary.updated + import.summary.unchanged,
                 event = import.summary.eventName] {
            return tr("Imported %Ln attendee(s) into \u201C%1\u201D.", nullptr, n).arg(event);
        });
    });
}

void SetupController::clearMessages()
{
    setMessages({});
}

void SetupController::setPhase(Phase phase)
{
    if (phase == m_phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged();
}

QStringList SetupController::rowErrors() const
{
    QStringList rows;
    rows.reserve(m_rowErrors.size());
    for (const LiveText &row : m_rowErrors)
        rows << row.toString();
    return rows;
}

QString SetupController::progressText() const
{
    const qint64 rate = qint64(m_perSecond);
    //: preload progress: changes loaded / all changes (changes per second)
    return m_total > 0 ? tr("%L1 / %L2 (%L3/s)").arg(m_done).arg(m_total).arg(rate)
                       : tr("%L1 (%L2/s)").arg(m_done).arg(rate);
}

bool SetupController::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        Q_EMIT messageChanged();
        Q_EMIT progressChanged();
    }
    return QObject::event(event);
}

void SetupController::setMessages(const LiveText &error, const QList<LiveText> &rowErrors,
                                  const LiveText &result)
{
    m_error = error;
    m_rowErrors = rowErrors;
    m_result = result;
    Q_EMIT messageChanged();
}

void SetupController::setProgress(qint64 done, qint64 total, double perSecond)
{
    m_done = done;
    m_total = total;
    m_perSecond = perSecond;
    Q_EMIT progressChanged();
}

void SetupController::succeed(const LiveText &result)
{
    setMessages({}, {}, result);
    m_checked = true;
    m_hasEvent = true;
    m_shownAtStart = false;
    m_needed = false;
    Q_EMIT neededChanged();
    Q_EMIT finished();
}

} // namespace checkin::ui
