// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class WallClock;
}

namespace checkin::ui {

// The admin PIN that guards the admin area and leaving kiosk mode: kept only as a salted PBKDF2
// hash in the data directory (an owner-only file, replaced atomically); 5 wrong tries lock it for
// 60 s, and the lock is in the same file, so restarting the app does not lift it.
// Hashing a PIN takes about 0.2 s, so checking and setting one run on a thread of their own and
// answer through the event loop; one at a time: while `checking`, another check is ignored, which
// keeps the count of wrong tries exact however fast PINs are typed.
class AdminPin : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY pinChanged)
    Q_PROPERTY(bool locked READ locked NOTIFY lockChanged)
    Q_PROPERTY(int lockedSeconds READ lockedSeconds NOTIFY lockChanged)
    Q_PROPERTY(bool checking READ checking NOTIFY checkingChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
public:
    static constexpr int MaxTries = 5;
    static constexpr qint64 LockMs = 60'000;
    static constexpr int Iterations = 100'000;
    static constexpr int MinLength = 4;
    static constexpr int MaxLength = 8;
    static const QString FileName;

    AdminPin(const QString &dataDir, const WallClock *clock, QObject *parent = nullptr);
    ~AdminPin() override;
    static AdminPin *create(QQmlEngine *engine, QJSEngine *);

    bool hasPin() const { return !m_hash.isEmpty(); }
    bool locked() const;
    int lockedSeconds() const;
    // A check or a change is under way.
    bool checking() const { return m_checking; }
    // What the last check or change said, or how long the lock lasts, as a sentence for the
    // screen; empty when all is well.
    QString message() const;

    // Checks `pin` against the admin PIN; `checked(accepted)` answers, always later. A wrong PIN
    // counts towards the lock; while locked every PIN is refused without being checked; without a
    // PIN set nothing is accepted. Ignored (no answer) while another check or change runs.
    Q_INVOKABLE void check(const QString &pin);
    // Sets a new PIN of 4 to 8 digits; `oldPin` must be the current one (ignored when none is
    // set). `changeDone(saved)` answers, always later; when not saved, message() says why.
    // Ignored (no answer) while another check or change runs.
    Q_INVOKABLE void change(const QString &oldPin, const QString &newPin);
    Q_INVOKABLE void clearMessage();

    QString filePath() const { return m_path; }

Q_SIGNALS:
    void pinChanged();
    void lockChanged();
    void checkingChanged();
    void messageChanged();
    void checked(bool accepted);
    void changeDone(bool saved);

protected:
    bool event(QEvent *event) override;

private:
    // What admin-pin.json holds.
    struct Stored
    {
        QByteArray salt;
        QByteArray hash;
        int iterations = Iterations;
        int failures = 0;
        qint64 lockedUntilMs = 0;
    };
    struct Saved
    {
        QByteArray hash;
        QString error;
    };

    void load();
    Stored stored() const;
    // Replaces the file with `s` (on the pool's thread); an error sentence, empty when saved.
    static QString write(const QString &path, const Stored &s);
    // Writes the current state (the count of wrong tries, the lock) off this thread, in order;
    // then `next`.
    void persist(std::function<void()> next);
    // Hashes `pin` off this thread and tells `next` whether it is the admin PIN.
    void match(const QString &pin, std::function<void(bool matches)> next);
    // Before a check or a change: false (and `finish(false)` later) while locked.
    bool refuseWhileLocked(void (AdminPin::*finish)(bool));
    void finishCheck(bool accepted);
    void finishChange(bool saved);
    void later(std::function<void()> work);
    // Counts a try; rightTry() is true when the count went back to 0 (the file is to be written).
    bool rightTry();
    void wrongTry();
    void setChecking(bool checking);
    void setMessage(const LiveText &message);
    void watchLock();

    QString m_path;
    const WallClock *m_clock;
    QByteArray m_salt;
    QByteArray m_hash;
    int m_iterations = Iterations;
    int m_failures = 0;
    qint64 m_lockedUntilMs = 0;
    bool m_checking = false;
    LiveText m_message;
    QTimer m_lockTick;  // counts the lock down on screen
    QThreadPool m_pool; // one thread: hashing and writing the file, in the order asked
};

} // namespace checkin::ui
