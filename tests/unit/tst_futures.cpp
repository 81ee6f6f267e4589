// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Futures.h, the one way to continue after a future: always later (never inside the caller, even
// for a future that already finished), on the receiver's thread, never after the receiver is gone,
// and never lost (a promise dropped unfinished arrives as an abandoned result).
#include "Futures.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <optional>

using namespace checkin;

namespace {

struct Result
{
    int value = 0;
    QString error;
};

QFuture<Result> finished(int value)
{
    QPromise<Result> promise;
    promise.start();
    promise.addResult(Result{value, {}});
    promise.finish();
    return promise.future();
}

} // namespace

class TestFutures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFinishedFutureContinuesLater()
    {
        QObject receiver;
        std::optional<int> got;
        bool afterCall = false;
        deliverLater(finished(7), &receiver, [&](const Result &r) {
            QVERIFY(afterCall); // not inside deliverLater()
            got = r.value;
        });
        afterCall = true;
        QVERIFY(!got);
        QTRY_COMPARE(got, std::optional<int>(7));
    }

    void thenLaterAnswersWithWhatTheContinuationReturns()
    {
        QObject receiver;
        bool afterCall = false;
        QFuture<QString> doubled = thenLater(finished(21), &receiver, [&](const Result &r) {
            return afterCall ? QString::number(2 * r.value) : QStringLiteral("too early");
        });
        afterCall = true;
        QVERIFY(waitForFinished(doubled, 5000));
        QCOMPARE(doubled.result(), QStringLiteral("42"));
    }

    void continuesOnTheReceiversThread()
    {
        QObject receiver;
        QThreadPool pool;
        QThread *ranOn = nullptr;
        QThread *workedOn = nullptr;
        deliverLater(onPool<Result>(&pool,
                                    [&] {
                                        workedOn = QThread::currentThread();
                                        return Result{1, {}};
                                    }),
                     &receiver, [&](const Result &) { ranOn = QThread::currentThread(); });
        QTRY_VERIFY(ranOn != nullptr);
        QCOMPARE(ranOn, QThread::currentThread());
        QVERIFY(workedOn != QThread::currentThread());
    }

    // Work finishing on a pool thread at the moment its receiver is destroyed on this one: nothing
    // may reach the receiver afterwards (before, the producer's thread checked a QPointer and then
    // posted to what could be a dead object; once in 50 runs tst_statusmodel crashed at exit
    // deleting such an event). Many rounds, to meet the moment.
    void aReceiverGoneWhileTheWorkFinishes()
    {
        QThreadPool pool;
        pool.setMaxThreadCount(2);
        int called = 0;
        for (int round = 0; round < 3000; ++round) {
            auto *receiver = new QObject;
            deliverLater(onPool<Result>(&pool,
                                        [] {
                                            return Result{1, {}};
                                        }),
                         receiver, [&](const Result &) { ++called; });
            if (round % 2)
                QThread::yieldCurrentThread();
            delete receiver;
        }
        pool.waitForDone();
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents();
        QCOMPARE(called, 0);
    }

    void neverAfterTheReceiverIsGone()
    {
        auto promise = std::make_shared<QPromise<Result>>();
        promise->start();
        bool called = false;
        {
            QObject receiver;
            deliverLater(promise->future(), &receiver, [&](const Result &) { called = true; });
        }
        promise->addResult(Result{1, {}});
        promise->finish();
        QTest::qWait(50);
        QVERIFY(!called);

        // Gone after the result arrived, before the continuation ran: not called either.
        auto *receiver = new QObject;
        deliverLater(finished(2), receiver, [&](const Result &) { called = true; });
        delete receiver;
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void aDroppedPromiseArrivesAsAbandoned()
    {
        QObject receiver;
        std::optional<Result> got;
        std::optional<QString> gotText;
        {
            QPromise<Result> promise;
            promise.start();
            deliverLater(promise.future(), &receiver, [&](const Result &r) { got = r; });
            QPromise<QString> text;
            text.start();
            deliverLater(text.future(), &receiver, [&](const QString &error) { gotText = error; });
        } // both destroyed unfinished, as when the client that made a request is replaced
        QTRY_VERIFY(got.has_value() && gotText.has_value());
        QCOMPARE(got->value, 0);
        QVERIFY(got->error.contains(QStringLiteral("stopped before it was done")));
        QCOMPARE(*gotText, got->error);

        // thenLater passes it on.
        QFuture<int> passed;
        {
            QPromise<Result> promise;
            promise.start();
            passed = thenLater(promise.future(), &receiver,
                               [](const Result &r) { return r.error.isEmpty() ? 1 : -1; });
        }
        QVERIFY(waitForFinished(passed, 5000));
        QCOMPARE(passed.result(), -1);
    }
};

QTEST_GUILESS_MAIN(TestFutures)
#include "tst_futures.moc"
