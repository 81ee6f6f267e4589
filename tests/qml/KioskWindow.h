// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "KioskPreferences.h"

#include <QObject>
#include <QPointF>
#include <QSize>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

namespace checkin::ui {
class KioskServices;
}

// The real kiosk window (Main.qml) on a scratch data directory with `attendees` generated people,
// offscreen, for tests that drive it as a person would: sizes, languages, text sizes, the
// on-screen keyboard, taps and keys.
class KioskWindow : public QObject
{
    Q_OBJECT
public:
    // With no attendees, nothing is imported: the setup screen shows.
    explicit KioskWindow(int attendees);
    ~KioskWindow() override;

    // Empty when the window is up with home showing; else what went wrong.
    QString start();
    checkin::ui::KioskServices &services() { return *m_services; }
    QQuickWindow *window() const { return m_window; }

    // The item of that object name (dialogs' contents included), or null.
    QQuickItem *item(const QString &name) const;
    QObject *object(const QString &name) const;
    // Calls a QML function of `name`'s item (or Main's with an empty name), with no argument, an
    // int or a string.
    bool call(const QString &name, const char *function);
    bool call(const QString &name, const char *function, int argument);
    bool call(const QString &name, const char *function, const QString &argument);

    void resize(const QSize &size);
    void setLanguage(const QString &language);
    void setTextSize(checkin::ui::KioskPreferences::TextSize size);
    // The on-screen keyboard in use and up for the search field, or down.
    bool keyboard(bool up);
    bool keyboardUp() const;
    // Back to an empty home, no dialog, no verdict.
    void home();
    // Types into the search field (as the field's text) and waits for the search's answer.
    bool search(const QString &text);
    // Lets bindings, layouts and the store settle: events processed and the window polished.
    void settle(int ms = 30);

    // A tap at `scenePoint`: a mouse click, or a touch press and release.
    void tap(const QPointF &scenePoint, bool touch = false);
    void tap(QQuickItem *item, bool touch = false);
    void key(int key);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<checkin::ui::KioskServices> m_services;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    int m_attendees;
};
