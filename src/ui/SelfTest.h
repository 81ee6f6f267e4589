// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QObject>
#include <QStringList>

#include <functional>

class QQuickItem;
class QQuickWindow;

namespace checkin::ui {

class KioskServices;

// `checkin-kiosk --self-test`: with the real UI loaded (offscreen in ctest), shows home, search
// results, a verdict of every kind, the status bar offline, online and syncing, a walk-in
// registered from "Nobody found", the admin area and its PIN pad; before all that the first-run
// setup screen (a CSV import with errors, then one that works), and at the end enrolling from the
// admin area and a wipe back to setup; fails on any QML warning or a screen that does not show what
// it should. With a directory, saves a PNG of each.
class SelfTest : public QObject
{
    Q_OBJECT
public:
    SelfTest(KioskServices *services, QQuickWindow *window, const QString &screenshotDir,
             QObject *parent = nullptr);

    // Starts the run; QCoreApplication::exit() with 0 when everything passed, 1 otherwise.
    void run();
    // Every warning counts while the self-test runs (installs a message handler).
    static void watchMessages();
    // Verdicts of every kind, made up (name, ticket type, device) for the screens.
    static QList<ScanOutcome> sampleOutcomes();
    // `item` or the first of its descendants (child items, depth first) called `name`. Repeater
    // delegates are child items, not QObject children, so findChild() does not reach them.
    static QQuickItem *itemNamed(QQuickItem *item, const QString &name);
    // Records a check-in of every kind to review (a duplicate from two doors, an override with a
    // note, a conflict, a rejected one) among the store's attendees; `done` with a problem or "".
    static void recordReviewSamples(KioskServices *services, QObject *context,
                                    std::function<void(const QString &problem)> done);

private:
    void addSetupSteps();
    void addSelfServiceSteps();
    void addTextSizeSteps();
    void addWalkInSteps();   // SelfTestWalkIn.cpp
    void addKeyboardSteps(); // SelfTestKeyboard.cpp
    void addAdminSteps();
    void addLanguageSteps();
    void addWipeSteps();
    void addReviewSteps(); // SelfTestReview.cpp
    // A step that waits until `ready()` (polled), at most `timeoutMs`; then fails with `what`.
    void waitUntil(std::function<bool()> ready, const QString &what, int timeoutMs = 5000);
    // Writes `bytes` to a file next to the data directory; its path.
    QString scratchFile(const QString &name, const QByteArray &bytes);
    void typePin(QQuickItem *prompt, const QString &pin);
    void step();
    void then(int delayMs, std::function<void()> next);
    void check(bool ok, const QString &what);
    // Looks at the screen as a finger would (LayoutAudit: a problem fails the run) and, with a
    // directory, saves it as `name`.png.
    void shoot(const QString &name);
    void finish();

    KioskServices *m_services;
    QQuickWindow *m_window;
    QString m_screenshotDir;
    QList<std::function<void()>> m_steps;
    QStringList m_failures;
};

} // namespace checkin::ui
