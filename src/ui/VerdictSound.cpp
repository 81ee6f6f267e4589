// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "VerdictSound.h"
#include "UiLogging.h"

#include "QmlServices.h"

#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>

namespace checkin::ui {

VerdictSound::VerdictSound(QObject *parent)
    : QObject(parent)
{}

VerdictSound::~VerdictSound() = default;

VerdictSound *VerdictSound::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<VerdictSound>(engine);
}

QStringList VerdictSound::kinds()
{
    return {QStringLiteral("admitted"),    QStringLiteral("exited"),    QStringLiteral("already_inside"),
            QStringLiteral("not_inside"),  QStringLiteral("cancelled"), QStringLiteral("unknown"),
            QStringLiteral("wrong_event"), QStringLiteral("undone"),    QStringLiteral("error")};
}

QUrl VerdictSound::source(const QString &kind)
{
    // The list's rules sound like their cousins: a used entry like "already inside", a refusal by
    // rule like a cancelled ticket.
    // Waiting for the volunteer (not paid, a question, an order) sounds like "look here".
    const QString alias = kind == QLatin1String("already_used")      ? QStringLiteral("already_inside")
                          : kind == QLatin1String("not_admitted")    ? QStringLiteral("cancelled")
                          : kind == QLatin1String("payment_pending") ? QStringLiteral("already_inside")
                          : kind == QLatin1String("question") || kind == QLatin1String("order")
                              ? QStringLiteral("exited")
                              : kind;
    const QString known = kinds().contains(alias) ? alias : QStringLiteral("error");
    return QUrl(QStringLiteral("qrc:/sounds/%1.wav").arg(known));
}

void VerdictSound::setEnabled(bool on)
{
    m_enabled = on;
    if (!on && m_playing)
        m_playing->stop();
}

void VerdictSound::preload()
{
    if (!m_devices) {
        m_devices = new QMediaDevices(this);
        connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &VerdictSound::updateOutputs);
    }
    updateOutputs();
}

void VerdictSound::updateOutputs()
{
    const bool available = !QMediaDevices::audioOutputs().isEmpty();
    if (available != m_available)
        qCInfo(lcSound) << (available ? "sound output found: verdicts are heard"
                                      : "no sound output: verdicts are only shown");
    if (available != m_available) {
        m_available = available;
        Q_EMIT availableChanged();
    }
    if (!m_available)
        return;
    for (const QString &kind : kinds())
        effect(kind);
}

QSoundEffect *VerdictSound::effect(const QString &kind)
{
    const QString known = kinds().contains(kind) ? kind : QStringLiteral("error");
    QSoundEffect *&slot = m_effects[known];
    if (!slot) {
        slot = new QSoundEffect(this);
        slot->setVolume(0.8f);
        slot->setSource(source(known));
    }
    return slot;
}

void VerdictSound::play(const QString &kind)
{
    if (!m_enabled) {
        m_lastPlayed.clear();
        return;
    }
    m_lastPlayed = kind;
    if (!m_available)
        return;
    if (m_playing && m_playing->isPlaying())
        m_playing->stop(); // the newest verdict is the one that counts
    m_playing = effect(kind);
    m_playing->play();
}

} // namespace checkin::ui
