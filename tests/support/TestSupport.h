// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Futures.h"

#include <QByteArray>
#include <QFuture>
#include <QString>

namespace checkin::test {

// The directory of shared fixtures (tests/data).
QString dataDir();
// The bytes of a fixture in tests/data; fails the current test when it is missing.
QByteArray readFixture(const QString &relativePath);

// Waits (with a running event loop, at most `timeoutMs`) for a future and returns its result.
template<typename T> T await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!waitForFinished(future, timeoutMs))
        qFatal("a store operation did not finish in time");
    return future.result();
}

} // namespace checkin::test
