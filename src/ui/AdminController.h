#pragma once

#include "LiveText.h"

#include <QObject>
#include <QString>
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
// leaving takes the PIN.
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
    Q_PROPERTY(QString wipeState READ wipeState NOTIFY wipeChanged)
    Q_PROPERTY(QString wipeMessage READ wipeMessage NOTIFY wipeChanged)
public:
    AdminController(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent = nullptr);
    static AdminController *create(QQmlEngine *engine, QJSEngine *);

    bool kioskMode() const { return m_kioskMode; }
    void setKioskMode(bool on);
    QString syncMessage() const { return m_syncMessage.toString(); }
    bool exporting() const { return m_exporting; }
    bool exportFailed() const { return m_exportFailed; }
    QString exportMessage() const { return m_exportMessage.toString(); }
    // "" (nothing asked), "checking", "refused", "confirm" (allowed: waits for the person's yes),
    // "wiping" or "failed"; wipeMessage() is the sentence for each.
    QString wipeState() const { return m_wipeState; }
    QString wipeMessage() const { return m_wipeMessage.toString(); }
    // Where exports go: "exports" in the data directory.
    QString exportDir() const;

    // Asks the sync engine for a cycle now; syncMessage() says when it cannot.
    Q_INVOKABLE void syncNow();
    // Writes the whole check-in log as CSV to a new, timestamped file in exportDir(); `exported`
    // carries the path, or an empty one and exportMessage() says why not.
    Q_INVOKABLE void exportCheckIns();
    // Asks whether this kiosk may be wiped: not while check-ins wait to be delivered, unless the
    // last export holds every one of them (nothing was recorded or received since). Ends in
    // wipeState() "confirm" or "refused".
    Q_INVOKABLE void requestWipe();
    Q_INVOKABLE void cancelWipe();
    // After "confirm" and the person's yes: checks again, stops syncing, deletes the database, the
    // device token and the sync settings (exports and the admin PIN stay; a line in wipe-log.txt says
    // when), then `wiped`.
    Q_INVOKABLE void wipe();

Q_SIGNALS:
    void kioskModeChanged();
    void syncMessageChanged();
    void exportChanged();
    void exported(const QString &path);
    void wipeChanged();
    // The kiosk has no data any more: the setup screen is next.
    void wiped();

protected:
    // On QEvent::LanguageChange: the messages again.
    bool event(QEvent *event) override;

private:
    void finishExport(const QString &path, const LiveText &message);
    // Resolves to an empty text when a wipe may go ahead, else the sentence why not.
    void checkWipe(std::function<void(const LiveText &refusal)> next);
    void setWipe(const QString &state, const LiveText &message);

    LocalStore *m_store;
    SyncEngine *m_engine;
    const WallClock *m_clock;
    bool m_kioskMode = false;
    LiveText m_syncMessage;
    bool m_exporting = false;
    bool m_exportFailed = false;
    LiveText m_exportMessage;
    // What the last export held, to tell whether it covers the check-ins not yet delivered.
    int m_exportedCount = -1;
    QString m_exportedLastId;
    QString m_exportedPath;
    QString m_wipeState;
    LiveText m_wipeMessage;
};

} // namespace checkin::ui
