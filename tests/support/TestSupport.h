#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QString>
#include <QTimer>

namespace checkin::test {

// The directory of shared fixtures (tests/data).
QString dataDir();
// The bytes of a fixture in tests/data; fails the current test when it is missing.
QByteArray readFixture(const QString &relativePath);

// Waits (with a running event loop, at most `timeoutMs`) for a future and returns its result.
template<typename T> T await(QFuture<T> future, int timeoutMs = 20000)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    if (!future.isFinished())
        qFatal("a store operation did not finish in time");
    return future.result();
}

} // namespace checkin::test
