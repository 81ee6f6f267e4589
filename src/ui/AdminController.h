#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
class SyncEngine;
class WallClock;
} // namespace checkin

namespace checkin::ui {

// The admin area's actions for the event lead: sync now, export the check-in log to a file in the
// data directory; and whether the kiosk runs locked down (--kiosk), so that leaving takes the PIN.
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
public:
    AdminController(LocalStore *store, SyncEngine *engine, const WallClock *clock, QObject *parent = nullptr);
    static AdminController *create(QQmlEngine *engine, QJSEngine *);

    bool kioskMode() const { return m_kioskMode; }
    void setKioskMode(bool on);
    QString syncMessage() const { return m_syncMessage; }
    bool exporting() const { return m_exporting; }
    bool exportFailed() const { return m_exportFailed; }
    QString exportMessage() const { return m_exportMessage; }
    // Where exports go: "exports" in the data directory.
    QString exportDir() const;

    // Asks the sync engine for a cycle now; syncMessage() says when it cannot.
    Q_INVOKABLE void syncNow();
    // Writes the whole check-in log as CSV to a new, timestamped file in exportDir(); `exported`
    // carries the path, or an empty one and exportMessage() says why not.
    Q_INVOKABLE void exportCheckIns();

Q_SIGNALS:
    void kioskModeChanged();
    void syncMessageChanged();
    void exportChanged();
    void exported(const QString &path);

private:
    void finishExport(const QString &path, const QString &message);

    LocalStore *m_store;
    SyncEngine *m_engine;
    const WallClock *m_clock;
    bool m_kioskMode = false;
    QString m_syncMessage;
    bool m_exporting = false;
    bool m_exportFailed = false;
    QString m_exportMessage;
};

} // namespace checkin::ui
