// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The project's one way to work with futures (store operations, network requests, pool work):
//  - deliverLater(): continue on a receiver's thread, always later (never inside the caller, as
//    Qt 6.4's QFuture::then(context, ...) does for a future that already finished), never after
//    the receiver is gone, and never lost: work dropped unfinished (its QPromise destroyed, e.g. with
//    the client that made the request) arrives as a result whose error says so.
//  - thenLater(): the same, answering with a future of what the continuation returns.
//  - onPool(): run work on a thread pool and answer with a future of its result.
//  - waitForFinished(): wait with this thread's event loop running (tools and tests).

#include <QCoreApplication>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
#include <QPromise>
#include <QString>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <concepts>
#include <memory>
#include <type_traits>
#include <utility>

namespace checkin {

// The result for work that was dropped before it answered: a QString is the error itself; a result
// type with an `error` that takes a QString (StoreStatus, ServerClient::Reply, ...) says it there;
// anything else (pool work, which a pool never drops) is default-constructed.
template<typename T> T abandoned()
{
    const QString why = QCoreApplication::translate(
        "checkin::Futures", "It stopped before it was done (it was replaced or shut down); try again.");
    if constexpr (std::is_same_v<T, QString>) {
        return why;
    } else if constexpr (requires(T t) { t.error = why; }) {
        T result{};
        result.error = why;
        return result;
    } else {
        return T{};
    }
}

// Calls `handler(result)` on `receiver`'s thread, through its event loop, once `future` has a
// result; `handler(abandoned<T>())` when the future was cancelled (its promise died unfinished);
// never once `receiver` is gone. Call it on `receiver`'s thread.
//
// A QFutureWatcher that `receiver` owns does the waiting: the future's producer (a store thread, the
// network, a pool) only posts an event to the watcher, under the future's own lock, and the watcher
// goes with its owner; so a receiver destroyed while the producer finishes is never touched from
// the producer's thread. Its signals come through the event loop even for a finished future.
template<typename T, typename Handler>
requires std::invocable<Handler &, const T &>
void deliverLater(QFuture<T> future, QObject *receiver, Handler handler)
{
    Q_ASSERT(receiver && receiver->thread() == QThread::currentThread());
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, receiver,
        [receiver, watcher, handler = std::move(handler)]() mutable {
            const QFuture<T> done = watcher->future();
            T result = done.isCanceled() || done.resultCount() == 0 ? abandoned<T>() : done.result();
            watcher->deleteLater();
            // The handler runs from an event of its own, not inside the watcher's: it
            // may end its receiver (and so the watcher) as it likes.
            QMetaObject::invokeMethod(
                receiver,
                [handler = std::move(handler), result = std::move(result)]() mutable { handler(result); },
                Qt::QueuedConnection);
        });
    watcher->setFuture(std::move(future));
}

// deliverLater() that answers with a future of what `work(result)` returns (abandoned when the
// receiver is gone before it ran).
template<typename T, typename Work, typename R = std::invoke_result_t<Work &, const T &>>
QFuture<R> thenLater(QFuture<T> future, QObject *receiver, Work work)
{
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    deliverLater(std::move(future), receiver, [promise, work = std::move(work)](const T &result) mutable {
        promise->addResult(work(result));
        promise->finish();
    });
    return promise->future();
}

// Runs `work` on a thread of `pool` and answers with a future of its result. A pool of one thread
// runs its work in the order it was given.
template<typename T, typename Work> QFuture<T> onPool(QThreadPool *pool, Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    pool->start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return promise->future();
}

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
