// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScannerInput.h"

#include "QmlServices.h"
#include "TicketCode.h"
#include "WallClock.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QTimer>

namespace checkin::ui {

ScannerInput::ScannerInput(const WallClock *clock, const Options &options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
{
    if (m_options.quietMs > 0) {
        m_quiet = new QTimer(this);
        m_quiet->setSingleShot(true);
        m_quiet->setTimerType(Qt::PreciseTimer);
        m_quiet->setInterval(int(m_options.quietMs));
        connect(m_quiet, &QTimer::timeout, this, &ScannerInput::endQuietBurst);
    }
}

ScannerInput *ScannerInput::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<ScannerInput>(engine);
}

bool ScannerInput::feed(int key, const QString &text)
{
    const qint64 now = m_clock->nowMs();
    const bool fast = !m_burst.isEmpty() && now - m_lastKeyMs <= m_options.maxGapMs;
    const bool tab = key == Qt::Key_Tab && m_options.tabEnds;
    if (key == Qt::Key_Return || key == Qt::Key_Enter || tab) {
        const QString code = fast ? m_burst : QString();
        m_burst.clear();
        if (m_quiet)
            m_quiet->stop();
        return finish(code, now); // false: a person pressed Enter or Tab
    }
    // Shift and other keys that type nothing do not break a burst (scanners press Shift for capitals).
    if (text.isEmpty() || !text.at(0).isPrint())
        return false;
    if (!fast) {
        // Two keys in a row, each long after the one before: a person at a keyboard.
        const bool alone = m_burst.isEmpty() || now - m_lastKeyMs > m_options.maxGapMs;
        if (alone && m_lastKeyAlone && !m_burst.isEmpty())
            Q_EMIT typing();
        m_lastKeyAlone = alone;
        m_burst.clear();
        rememberField();
    } else {
        m_lastKeyAlone = false;
    }
    m_burst += text;
    m_lastKeyMs = now;
    if (m_quiet && m_burst.size() >= m_options.minLength)
        m_quiet->start();
    return false;
}

bool ScannerInput::endQuietBurst()
{
    if (m_options.quietMs <= 0 || m_burst.size() < m_options.minLength)
        return false;
    const qint64 now = m_clock->nowMs();
    if (now - m_lastKeyMs < m_options.quietMs) {
        // Keys still coming, or the timer ran a little early: look again when it is quiet.
        if (m_quiet && sender() == m_quiet)
            m_quiet->start(int(m_options.quietMs - (now - m_lastKeyMs)));
        return false;
    }
    const QString code = m_burst;
    // Without Enter or Tab to say so, only what looks like a ticket code (a digit, no space) and
    // is not one key held down (auto-repeat types as fast as a scanner): a quick typist's "anna"
    // stays a search.
    if (!TicketCode::looksLikeCode(code) || code.count(code.front()) == code.size())
        return false;
    m_burst.clear();
    return finish(code, now);
}

void ScannerInput::offerDecoded(const QString &code)
{
    // No burst and no field to put back: only the length and the repeat window apply.
    const QString trimmed = code.trimmed();
    if (trimmed.size() >= m_options.minLength)
        announce(trimmed, m_clock->nowMs());
}

bool ScannerInput::finish(const QString &code, qint64 now)
{
    if (code.size() < m_options.minLength)
        return false;
    restoreField();
    announce(code, now);
    return true;
}

void ScannerInput::announce(const QString &code, qint64 now)
{
    if (code == m_lastCode && now - m_lastCodeMs <= m_options.repeatWindowMs) {
        m_lastCodeMs = now;
        Q_EMIT repeated(code);
        return;
    }
    m_lastCode = code;
    m_lastCodeMs = now;
    Q_EMIT scanned(code);
}

void ScannerInput::rememberField()
{
    m_field.clear();
    m_fieldText.clear();
    QObject *focus = qGuiApp ? QGuiApplication::focusObject() : nullptr;
    if (!focus || focus->metaObject()->indexOfProperty("text") < 0)
        return;
    m_field = focus;
    m_fieldText = focus->property("text");
}

void ScannerInput::restoreField()
{
    if (m_field && m_field == (qGuiApp ? QGuiApplication::focusObject() : nullptr) &&
        m_field->property("text") != m_fieldText) {
        m_field->setProperty("text", m_fieldText);
        // As if the person had typed it: whatever keeps the field's text (a form) takes it back too.
        if (m_field->metaObject()->indexOfSignal("textEdited()") >= 0)
            QMetaObject::invokeMethod(m_field, "textEdited");
    }
    m_field.clear();
}

void ScannerInput::watch(QObject *target)
{
    target->installEventFilter(this);
}

bool ScannerInput::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        Q_EMIT activity();
        break;
    default:
        break;
    }
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (feed(key->key(), key->text()))
            return true; // the Enter or Tab of a scan is not also a field's Enter or Tab
    }
    return QObject::eventFilter(watched, event);
}

} // namespace checkin::ui
