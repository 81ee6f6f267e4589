#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QTimer>

namespace checkin {

// Waits for a future while this thread's event loop runs (continuations queued to this thread need
// it), at most `timeoutMs` (negative: no limit). True when the future finished.
template<typename T> bool waitForFinished(const QFuture<T> &future, int timeoutMs = -1)
{
    if (future.isFinished())
        return true;
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    if (timeoutMs >= 0)
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished())
        loop.exec();
    return future.isFinished();
}

} // namespace checkin
