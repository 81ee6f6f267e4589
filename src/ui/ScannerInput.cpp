// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScannerInput.h"

#include "QmlServices.h"
#include "WallClock.h"

#include <QGuiApplication>
#include <QKeyEvent>

namespace checkin::ui {

ScannerInput::ScannerInput(const WallClock *clock, const Options &options, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_options(options)
{}

ScannerInput *ScannerInput::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<ScannerInput>(engine);
}

bool ScannerInput::feed(int key, const QString &text)
{
    const qint64 now = m_clock->nowMs();
    const bool fast = !m_burst.isEmpty() && now - m_lastKeyMs <= m_options.maxGapMs;
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        const QString code = fast ? m_burst : QString();
        m_burst.clear();
        if (code.size() < m_options.minLength)
            return false; // a person pressed Enter
        restoreField();
        if (code == m_lastCode && now - m_lastCodeMs <= m_options.repeatWindowMs) {
            m_lastCodeMs = now;
            Q_EMIT repeated(code);
            return true;
        }
        m_lastCode = code;
        m_lastCodeMs = now;
        Q_EMIT scanned(code);
        return true;
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
    return false;
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
            return true; // the Enter of a scan is not also a search field's Enter
    }
    return QObject::eventFilter(watched, event);
}

} // namespace checkin::ui
