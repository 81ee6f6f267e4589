// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CheckInDesk.h"
#include "LocalStore.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "WallClock.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <functional>

// What the benchmarks that run kiosks share: one kiosk on the real clock (its store, desk and sync
// engine), and running the event loop while something is awaited.
namespace checkin::bench {

struct Kiosk
{
    Kiosk(const QString &dir, SyncScheduler *scheduler)
        : store(dir, &clock)
        , desk(&store)
        , engine(&store, scheduler, options())
    {}
    static SyncEngine::Options options()
    {
        SyncEngine::Options o;
        o.version = QStringLiteral("bench");
        return o;
    }
    SystemClock clock;
    LocalStore store;
    CheckInDesk desk;
    SyncEngine engine;
};

// Runs the event loop while `waiting` holds, for at most `limitMs`.
inline void runWhile(const std::function<bool()> &waiting, qint64 limitMs)
{
    QElapsedTimer t;
    t.start();
    while (waiting() && t.elapsed() < limitMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 20);
}

} // namespace checkin::bench
