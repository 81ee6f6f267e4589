#pragma once

#include <QFuture>
#include <QPromise>
#include <QThreadPool>

#include <memory>

namespace checkin::ui {

// Runs `work` on a thread of `pool` and answers with a future of its result (pair it with
// deliverLater() to hear of it on the caller's thread). A pool of one thread runs its work in the
// order it was given.
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

} // namespace checkin::ui
