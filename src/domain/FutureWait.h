#pragma once

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QPointer>
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

// Calls `handler(result)` on `context`'s thread once `future` has a result, always through the
// event loop. (`QFuture::then(context, ...)` calls at once, inside then(), when the future is
// already finished; a caller that sets state after then() would then see it in the wrong order.)
template<typename T, typename Handler> void deliverLater(QFuture<T> future, QObject *context, Handler handler)
{
    future.then(
        [context = QPointer<QObject>(context), handler = std::move(handler)](const T &result) mutable {
            if (context)
                QMetaObject::invokeMethod(
                    context, [handler = std::move(handler), result]() mutable { handler(result); },
                    Qt::QueuedConnection);
        });
}

} // namespace checkin
