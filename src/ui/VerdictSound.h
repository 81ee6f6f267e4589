// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

class QMediaDevices;
class QSoundEffect;

namespace checkin::ui {

// A short sound for every verdict, distinct by pitch and rhythm (resources/sounds): a volunteer
// who is looking at the queue hears whether the person may go in. Rising for in, falling and low
// for a refusal, a repeated middle tone for "look again". Off when the kiosk's sound is off.
class VerdictSound : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
public:
    explicit VerdictSound(QObject *parent = nullptr);
    static VerdictSound *create(QQmlEngine *engine, QJSEngine *);
    ~VerdictSound() override;

    // Every verdict kind with a sound of its own (DoorController::kind()).
    static QStringList kinds();
    // The sound of `kind`; "error"'s for a kind it does not know.
    static QUrl source(const QString &kind);

    bool enabled() const { return m_enabled; }
    void setEnabled(bool on);
    // Whether the device has a sound output; without one nothing is loaded or played. Known after
    // preload(), and kept up to date when a speaker comes or goes.
    bool available() const { return m_available; }
    // Looks for a sound output and loads every sound, so that the first verdict is not late
    // (decoding happens in the background). Called once the screens are up, not before.
    void preload();
    // Plays the sound of `kind`, cutting short one still playing.
    Q_INVOKABLE void play(const QString &kind);
    // The kind of the last sound asked for, empty when none or sound is off (for tests).
    QString lastPlayed() const { return m_lastPlayed; }

Q_SIGNALS:
    void availableChanged();

private:
    QSoundEffect *effect(const QString &kind);

    void updateOutputs();

    bool m_enabled = true;
    bool m_available = false;
    QMediaDevices *m_devices = nullptr;
    QHash<QString, QSoundEffect *> m_effects;
    QSoundEffect *m_playing = nullptr;
    QString m_lastPlayed;
};

} // namespace checkin::ui
