#pragma once

#include "LiveText.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class WallClock;
}

namespace checkin::ui {

// The admin PIN that guards the admin area and leaving kiosk mode: kept only as a salted PBKDF2
// hash in the data directory (an owner-only file, replaced atomically); 5 wrong tries lock it for
// 60 s, and the lock is in the same file, so restarting the app does not lift it.
class AdminPin : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY pinChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY lockChanged)
    Q_PROPERTY(int lockedSeconds READ lockedSeconds NOTIFY lockChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
public:
    static constexpr int MaxTries = 5;
    static constexpr qint64 LockMs = 60'000;
    static constexpr int Iterations = 100'000;
    static constexpr int MinLength = 4;
    static constexpr int MaxLength = 8;
    static const QString FileName;

    AdminPin(const QString &dataDir, const WallClock *clock, QObject *parent = nullptr);
    static AdminPin *create(QQmlEngine *engine, QJSEngine *);

    bool hasPin() const { return !m_hash.isEmpty(); }
    bool locked() const;
    int lockedSeconds() const;
    // What the last verify() or setPin() said, or how long the lock lasts, as a sentence for the
    // screen; empty when all is well.
    QString message() const;

    // True when `pin` is the admin PIN. A wrong PIN counts towards the lock; while locked every PIN
    // is refused without being checked. False when no PIN is set.
    Q_INVOKABLE bool verify(const QString &pin);
    // Sets a new PIN of 4 to 8 digits; `oldPin` must be the current one (ignored when none is set).
    // True when it was saved; else message() says why.
    Q_INVOKABLE bool setPin(const QString &oldPin, const QString &newPin);
    Q_INVOKABLE void clearMessage();

    QString filePath() const { return m_path; }

Q_SIGNALS:
    void pinChanged();
    void lockChanged();
    void messageChanged();

protected:
    // On QEvent::LanguageChange: the message again.
    bool event(QEvent *event) override;

private:
    void load();
    bool save(const QByteArray &salt, const QByteArray &hash, int iterations);
    bool matches(const QString &pin) const;
    void wrongTry();
    void setMessage(const LiveText &message);
    void watchLock();

    QString m_path;
    const WallClock *m_clock;
    QByteArray m_salt;
    QByteArray m_hash;
    int m_iterations = Iterations;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
    LiveText m_message;
    QTimer m_lockTick; // counts the lock down on screen
};

} // namespace checkin::ui
