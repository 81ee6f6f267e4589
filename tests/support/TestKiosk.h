// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CheckInDesk.h"
#include "LocalStore.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace checkin::test {

// One kiosk of a test, all of it real: a data directory of its own, a clock set by hand, the store,
// the desk and the sync engine (a ManualScheduler decides when it syncs; the test calls runOnce()).
// For tests that link kiosk_core.
struct TestKiosk
{
    explicit TestKiosk(ManualScheduler *scheduler, qint64 nowMs = 0)
        : store(dir.path(), &clock)
        , desk(&store)
        , engine(&store, scheduler, options())
    {
        if (nowMs > 0)
            clock.set(nowMs);
        const StoreStatus opened = await(store.open());
        if (!opened.ok())
            qFatal("store: %s", qPrintable(opened.error));
    }

    // A kiosk enrolled on `server` with `code` and preloaded; stops the test when that fails.
    static std::unique_ptr<TestKiosk> enrolled(ManualScheduler *scheduler, const QUrl &server,
                                               const QString &code, const QString &name, qint64 nowMs = 0)
    {
        auto k = std::make_unique<TestKiosk>(scheduler, nowMs);
        const QString error = await(k->engine.enrol({server}, code, name));
        if (!error.isEmpty())
            qFatal("enrol: %s", qPrintable(error));
        const SyncEngine::Outcome pulled = await(k->engine.runOnce());
        if (!pulled.ok())
            qFatal("preload: %s", qPrintable(pulled.error));
        return k;
    }

    static SyncEngine::Options options()
    {
        SyncEngine::Options o;
        o.version = QStringLiteral("test");
        o.requestTimeoutMs = 5000;
        return o;
    }

    QTemporaryDir dir;
    ManualClock clock;
    LocalStore store;
    CheckInDesk desk;
    SyncEngine engine;
};

} // namespace checkin::test
