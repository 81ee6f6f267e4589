// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ExportMemo.h"
#include "LiveText.h"

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
class SyncEngine;
class WallClock;
} // namespace checkin

namespace checkin::ui {

// The admin area's actions for the event lead: sync now, export the check-in log to a file in the
// data directory, wipe the kiosk after the event; and whether the kiosk runs locked down (--kiosk), so that
// leaving takes the PIN. Files are written on a thread of its own, never on the UI thread.
class AdminController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool kioskMode READ kioskMode NOTIFY kioskModeChanged)
    Q_PROPERTY(QString syncMessage READ syncMessage NOTIFY syncMessageChanged)
    Q_PROPERTY(bool exporting READ exporting NOTIFY exportChanged)
    Q_PROPERTY(bool exportFailed READ exportFailed NOTIFY exportChanged)
    Q_PROPERTY(QString exportMessage READ exportMessage NOTIFY exportChanged)
    Q_PROPERTY(WipeState wipeState READ wipeState NOTIFY wipeChanged)
    Q_PROPERTY(QString wipeMessage READ wipeMessage NOTIFY wipeChanged)
    Q_PROPERTY(QString forgetMessage READ forgetMessage NOTIFY forgetChanged)
public:
    // Where a wipe stands (AdminController.Confirm in QML): nothing asked, checking whether it may,
    // refused, waiting for the person's yes, wiping, or failed.
    enum class WipeState { None, Checking, Refused, Confirm, Wiping, Failed };
    Q_ENUM(WipeState)

    // Reads what the last export held (ExportMemo, a few bytes) from the exports folder.
    AdminController(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent = nullptr);
    ~AdminController() override;
    static AdminController *create(QQmlEngine *engine, QJSEngine *);

    bool kioskMode() const { return m_kioskMode; }
    void setKioskMode(bool on);
    QString syncMessage() const { return m_syncMessage.toString(); }
    bool exporting() const { return m_exporting; }
    bool exportFailed() const { return m_exportFailed; }
    QString exportMessage() const { return m_exportMessage.toString(); }
    // wipeMessage() is the sentence for each state.
    WipeState wipeState() const { return m_wipeState; }
    QString wipeMessage() const { return m_wipeMessage.toString(); }
    // Where exports go: "exports" in the data directory.
    QString exportDir() const;

    // Asks the sync engine for a cycle now; syncMessage() says when it cannot.
    Q_INVOKABLE void syncNow();
    // Writes the whole check-in log as CSV to a new, timestamped file in exportDir() (replaced
    // atomically: a failed export leaves no part of a file), and what it held to ExportMemo;
    // `exported` carries the path, or an empty one and exportMessage() says why not.
    Q_INVOKABLE void exportCheckIns();
    // Asks whether this kiosk may be wiped: not while check-ins wait to be delivered, unless the
    // last export (also one made before a restart) holds every one of them (nothing was recorded
    // or received since). Ends in wipeState() Confirm or Refused.
    Q_INVOKABLE void requestWipe();
    Q_INVOKABLE void cancelWipe();
    // After Confirm and the person's yes: checks again, stops syncing, deletes the database, the
    // device token, the sync settings and the export memo (exports and the admin PIN stay; a line in
    // wipe-log.txt says when), then `wiped`.
    Q_INVOKABLE void wipe();

    // Personal data does not stay longer than it is needed (docs/security.md, "How long data
    // stays"): the kiosk wipes itself, as wipe() does, when the event lead revoked it, or `expiry`
    // after its event ended (0: never) - each time only once nothing would be lost (the wipe rule
    // above). When nothing was undelivered its exports go too; otherwise they stay, as the only
    // copy. Checked every 10 minutes and whenever the sync status changes; forgetMessage() says what
    // waits. A wipe the person started goes first.
    void setDataExpiry(qint64 expiryMs);
    Q_INVOKABLE void forgetIfDue();
    QString forgetMessage() const { return m_forgetMessage.toString(); }

Q_SIGNALS:
    void kioskModeChanged();
    void syncMessageChanged();
    void exportChanged();
    void exported(const QString &path);
    void wipeChanged();
    void forgetChanged();
    // The kiosk has no data any more: the setup screen is next.
    void wiped();

protected:
    // On QEvent::LanguageChange: the messages again.
    bool event(QEvent *event) override;

private:
    void finishExport(const QString &path, const LiveText &message);
    // Resolves to an empty text when a wipe may go ahead, else the sentence why not.
    void checkWipe(std::function<void(const LiveText &refusal)> next);
    void setWipe(WipeState state, const LiveText &message);
    // Stops syncing and deletes everything but the exports (and those too with `exportsToo`); the
    // line in wipe-log.txt says `why`.
    void performWipe(const QString &why, bool exportsToo);

    LocalStore *m_store;
    SyncEngine *m_engine;
    const WallClock *m_clock;
    bool m_kioskMode = false;
    LiveText m_syncMessage;
    bool m_exporting = false;
    bool m_exportFailed = false;
    LiveText m_exportMessage;
    // What the last export held, to tell whether it covers the check-ins not yet delivered.
    ExportMemo m_memo;
    WipeState m_wipeState = WipeState::None;
    LiveText m_wipeMessage;
    QThreadPool m_files; // one thread: exports, the memo and the wipe log, in the order asked
    qint64 m_expiryMs = 0;
    bool m_forgetting = false;
    LiveText m_forgetMessage;
    QTimer *m_forgetTimer = nullptr;
};

} // namespace checkin::ui
