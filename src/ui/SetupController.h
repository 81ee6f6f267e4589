// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
class SyncEngine;
} // namespace checkin

namespace checkin::ui {

// Gets a kiosk from "no data" to "ready at the door": enrol with a server and preload it, or import
// an attendee list from a CSV file. The first-run setup screen and the admin area's "Enrol" both
// use it; `needed` says whether the data directory has an event at all.
class SetupController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool checked READ checked NOTIFY neededChanged)
    Q_PROPERTY(bool needed READ needed NOTIFY neededChanged)
    Q_PROPERTY(Phase phase READ phase NOTIFY phaseChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY phaseChanged)
    Q_PROPERTY(QString error READ error NOTIFY messageChanged)
    Q_PROPERTY(QStringList rowErrors READ rowErrors NOTIFY messageChanged)
    Q_PROPERTY(QString result READ result NOTIFY messageChanged)
    Q_PROPERTY(double done READ doneForQml NOTIFY progressChanged)
    Q_PROPERTY(double total READ totalForQml NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(QString defaultDeviceName READ defaultDeviceName CONSTANT)
    // The server address(es) the kiosk's config file names, to fill the setup form with.
    Q_PROPERTY(QString presetServers READ presetServers CONSTANT)
    // The setup screen is up although the kiosk has an event (checkin-kiosk --enrol on an enrolled
    // kiosk): it offers a way back to the door.
    Q_PROPERTY(bool canLeave READ canLeave NOTIFY neededChanged)
    // What is typed in the setup form's name field: the name a scanned payload enrols with.
    Q_PROPERTY(
        QString typedDeviceName READ typedDeviceName WRITE setTypedDeviceName NOTIFY typedDeviceNameChanged)
public:
    // What is under way (SetupController.Enrolling in QML).
    enum class Phase { Idle, Enrolling, Preloading, Importing };
    Q_ENUM(Phase)

    // Row errors shown at most; the sentence says how many more there are.
    static constexpr int MaxRowErrors = 20;

    SetupController(LocalStore *store, SyncEngine *engine, QObject *parent = nullptr);
    static SetupController *create(QQmlEngine *engine, QJSEngine *);

    bool checked() const { return m_checked; }
    bool needed() const { return m_needed; }
    Phase phase() const { return m_phase; }
    bool busy() const { return m_phase != Phase::Idle; }
    QString error() const { return m_error.toString(); }
    QStringList rowErrors() const;
    QString result() const { return m_result.toString(); }
    qint64 done() const { return m_done; }
    qint64 total() const { return m_total; }
    // For QML, which has no 64-bit integers.
    double doneForQml() const { return double(m_done); }
    double totalForQml() const { return double(m_total); }
    QString progressText() const;
    // The kiosk name from the config file, else the host's name.
    QString defaultDeviceName() const;
    QString presetServers() const { return m_presetServers; }
    // From /etc/checkin-kiosk/kiosk.conf: the server URL(s) and the kiosk's name (either may be empty).
    void setPresets(const QString &servers, const QString &deviceName, const QString &pin = {});
    bool canLeave() const { return m_needed && m_hasEvent; }

    // Asks the store whether there is an event (or an enrolment); sets `needed`.
    Q_INVOKABLE void check();
    // Enrols with a one-time code at the comma-separated URLs, then preloads; `finished` on success.
    Q_INVOKABLE void enrol(const QString &servers, const QString &code, const QString &deviceName);
    // Text a barcode scanner typed into a setup field: an enrolment payload from the event lead's
    // console (docs/protocol.md) enrols with it (false: it is not one, the field keeps it). A
    // payload that is malformed or from a newer server shows why.
    Q_INVOKABLE bool enrolFromScan(const QString &text, const QString &deviceName);
    QString typedDeviceName() const { return m_typedName; }
    void setTypedDeviceName(const QString &name);
    // A code from the barcode scanner while the setup screen shows (ScanRouter): an enrolment
    // payload enrols with the typed name (else the enrolled or default one); false for anything else.
    bool enrolFromScanner(const QString &code);
    // checkin-kiosk --enrol PAYLOAD: the setup screen shows (even on a kiosk that has an event) and
    // enrols with the payload as if it had been scanned; errors show there.
    void enrolAtStart(const QString &payload);
    // Back to the door from a setup screen shown by enrolAtStart (when canLeave).
    Q_INVOKABLE void leave();
    // Pulls everything from the server now, with progress (after enrolment, or from the admin area).
    Q_INVOKABLE void preload();
    // Imports the attendee list in the file at `path` (a path or a file: URL), all or nothing.
    Q_INVOKABLE void importFile(const QString &path, const QString &eventName);
    Q_INVOKABLE void clearMessages();

Q_SIGNALS:
    void neededChanged();
    void typedDeviceNameChanged();
    void phaseChanged();
    void messageChanged();
    void progressChanged();
    // Enrolment and preload, or an import, went through: the kiosk is ready.
    void finished();

protected:
    // On QEvent::LanguageChange: the messages and the progress again.
    bool event(QEvent *event) override;

private:
    // Enrols with the server certificate's pin (the payload's, or kiosk.conf's server-pin).
    void enrolWithPin(const QString &servers, const QString &code, const QString &deviceName,
                      const QString &pin);
    void setPhase(Phase phase);
    void setMessages(const LiveText &error, const QList<LiveText> &rowErrors = {},
                     const LiveText &result = {});
    void setProgress(qint64 done, qint64 total, double perSecond);
    void succeed(const LiveText &result);
    // The name a scan enrols with: the typed one, the enrolled one, or the default.
    QString nameForScan() const;

    LocalStore *m_store;
    SyncEngine *m_engine;
    bool m_checked = false;
    bool m_needed = false;
    bool m_hasEvent = false;     // the store has an event or an enrolment (check() found)
    bool m_shownAtStart = false; // enrolAtStart keeps the screen up until it succeeds or is left
    QString m_presetServers;
    QString m_presetName;
    QString m_presetPin;
    QString m_typedName;
    Phase m_phase = Phase::Idle;
    LiveText m_error;
    QList<LiveText> m_rowErrors;
    LiveText m_result;
    qint64 m_done = 0;
    qint64 m_total = -1;
    double m_perSecond = 0;
};

} // namespace checkin::ui
