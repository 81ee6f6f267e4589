// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync engine without a server: a scripted network (tests/support/ScriptedNetwork) answers its
// requests, a manual clock times them. Rotation to the URL that answers, backoff while none does,
// the server's Retry-After binding even "sync now", feed answers it cannot read, delivering the
// outbox and keeping it when the server's answer is incomplete, and a revoked device that stops.
// tst_sync runs the same engine against a real checkin-server.
#include "CheckInDesk.h"
#include "Protocol.h"
#include "ScriptedNetwork.h"
#include "StoreFixture.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "SyncSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using Answer = ScriptedNetwork::Answer;
using Request = ScriptedNetwork::Request;

class TestSyncEngine : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    ManualScheduler *scheduler = nullptr;
    SyncEngine *engine = nullptr;
    ScriptedNetwork *net = nullptr;

    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
    static QByteArray emptyPage() { return json(Protocol::feedPage({}, QStringLiteral("c1"), false, 0)); }
    static Attendee anna()
    {
        Attendee a;
        a.id = QStringLiteral("att-anna");
        a.eventId = QStringLiteral("evt-1");
        a.firstName = QStringLiteral("Anna");
        a.lastName = QStringLiteral("Müller");
        a.updatedAtMs = 1'780'000'000'000;
        return a;
    }
    // The server's results for an upload: one for each item, accepted.
    static QByteArray acceptAll(const QByteArray &upload)
    {
        QJsonArray results;
        const QJsonArray items =
            QJsonDocument::fromJson(upload).object().value(QStringLiteral("checkins")).toArray();
        for (const QJsonValue &item : items) {
            Protocol::CheckInResult result;
            result.id = item.toObject().value(QStringLiteral("id")).toString();
            results.append(Protocol::toJson(result));
        }
        return json(Protocol::uploadResults(results));
    }
    // Enrolled with `servers`, the engine made (not started).
    void enrol(const QList<QUrl> &servers)
    {
        Event event = StoreFixture::serverEvent();
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QString error;
        const SyncSettings settings{servers, QStringLiteral("Door 1"), QStringLiteral("token-1")};
        QVERIFY(settings.save(f->dir.path(), &error));
        SyncEngine::Options options;
        options.network = [this](QObject *parent) {
            net = new ScriptedNetwork(parent);
            return net;
        };
        engine = new SyncEngine(f->store.get(), scheduler, options);
        QVERIFY(engine->load());
    }
    SyncEngine::Outcome runOnce() { return await(engine->runOnce()); }
    QStringList trail() const
    {
        QStringList seen;
        for (const Request &r : net->requests())
            seen << r.url.host() + r.url.path();
        return seen;
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        scheduler = new ManualScheduler(f->clock.nowMs());
    }
    void cleanup()
    {
        delete engine;
        engine = nullptr;
        delete scheduler;
        delete f;
    }

    // A dead first URL: the next one at once, and the cycle goes through there after a health probe.
    void rotatesToTheUrlThatAnswers()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080")), QUrl(QStringLiteral("http://b.test:8080"))});
        net->setScript([](const Request &r) {
            if (r.url.host() == u"a.test")
                return Answer::refused();
            if (r.url.path().endsWith(u"/changes"))
                return Answer::json(200, emptyPage());
            return Answer::json(200, "{\"status\":\"ok\"}");
        });
        const SyncEngine::Outcome outcome = runOnce();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QCOMPARE(trail(), QStringList({QStringLiteral("a.test/api/v1/events/evt-1/changes"),
                                       QStringLiteral("b.test/api/v1/health"),
                                       QStringLiteral("b.test/api/v1/events/evt-1/changes")}));
        QCOMPARE(engine->status().server, QStringLiteral("http://b.test:8080"));
        QCOMPARE(engine->status().connection, SyncEngine::Connection::Online);
        QCOMPARE(engine->status().failures, 0);
        // The kiosk's headers went with every request.
        const QNetworkRequest sent = net->requests().constLast().request;
        QCOMPARE(sent.rawHeader("Authorization"), QByteArrayLiteral("Bearer token-1"));
        QCOMPARE(sent.rawHeader("X-Kiosk-Queue"), QByteArrayLiteral("0"));
    }

    // No URL answers: offline with the reason, the next try within the jittered backoff, and each
    // try after that probes with a health request and waits up to twice as long.
    void backsOffWhileNoUrlAnswers()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080")), QUrl(QStringLiteral("http://b.test:8080"))});
        net->setScript([](const Request &) { return Answer::refused(); });
        engine->start();
        QVERIFY(scheduler->advanceToNext()); // the first cycle, at once
        QTRY_COMPARE(engine->status().failures, 1);
        QCOMPARE(engine->status().problem, SyncEngine::Problem::Unreachable);
        QCOMPARE(engine->status().connection, SyncEngine::Connection::Offline);
        QCOMPARE(net->requests().size(), 2); // both URLs, once
        qint64 now = scheduler->nowMs();
        QVERIFY(engine->status().nextAttemptMs >= now && engine->status().nextAttemptMs < now + 1000);
        QCOMPARE(scheduler->nextDueMs(), engine->status().nextAttemptMs);

        QTRY_VERIFY(!engine->busy());
        QVERIFY(scheduler->advanceToNext());
        QTRY_COMPARE(engine->status().failures, 2);
        QCOMPARE(net->requests().size(), 4);
        QVERIFY(net->requests().at(2).url.path().endsWith(u"/health")); // a recovering server: a probe first
        now = scheduler->nowMs();
        QVERIFY(engine->status().nextAttemptMs < now + 2000);
        engine->stop();
    }

    // A long outage, then the network comes back (syncNow) and the first try fails once more: the
    // next one comes within a second, not after the outage's backoff of up to a minute.
    void aCueAfterAnOutageStartsTheBackoffOver()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &) { return Answer::refused(); });
        engine->start();
        int failures = 0;
        while (failures < 8) {
            QVERIFY(scheduler->advanceToNext());
            ++failures;
            QTRY_COMPARE(engine->status().failures, failures);
            QTRY_VERIFY(!engine->busy());
        }
        for (int cue = 0; cue < 3; ++cue) {
            engine->syncNow();
            QVERIFY(scheduler->advanceToNext()); // at once
            ++failures;
            QTRY_COMPARE(engine->status().failures, failures);
            QTRY_VERIFY(!engine->busy());
            const qint64 wait = engine->status().nextAttemptMs - scheduler->nowMs();
            QVERIFY2(wait < 1000, qPrintable(QString::number(wait)));
        }
        engine->stop();
    }

    // 503 with Retry-After: 20: no request before then, not even for "sync now".
    void retryAfterBindsEvenSyncNow()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &) {
            Answer a = Answer::json(503, "{\"error\":{\"code\":\"overloaded\",\"message\":\"Busy.\"}}");
            a.headers = {{"Retry-After", "20"}};
            return a;
        });
        engine->start();
        QVERIFY(scheduler->advanceToNext());
        QTRY_COMPARE(engine->status().problem, SyncEngine::Problem::Overloaded);
        const qint64 now = scheduler->nowMs();
        QVERIFY(engine->status().nextAttemptMs >= now + 20'000);
        QVERIFY(engine->status().nextAttemptMs <= now + 21'000);
        QCOMPARE(engine->status().detail.toString(), QStringLiteral("Busy."));
        engine->syncNow();
        QVERIFY(scheduler->nextDueMs() >= now + 20'000);
        engine->stop();
    }

    void aFeedItCannotReadIsRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("not a page") << QByteArray("{\"hello\":1}") << "not a page of changes";
        QTest::newRow("not JSON") << QByteArray("<html>") << "not a page of changes";
        QJsonObject broken = Protocol::attendeeChange(anna());
        broken.remove(QStringLiteral("id"));
        QTest::newRow("an attendee without an id")
            << json(Protocol::feedPage({broken}, QStringLiteral("c1"), false))
            << "an attendee this kiosk cannot read";
    }
    void aFeedItCannotReadIsRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([body](const Request &) { return Answer::json(200, body); });
        const SyncEngine::Outcome outcome = runOnce();
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.contains(says), qPrintable(outcome.error));
        QCOMPARE(engine->status().problem, SyncEngine::Problem::Refused);
        QVERIFY(await(f->store->syncState()).cursor.isEmpty()); // nothing of it was applied
    }

    // A page that breaks off after its status line (the connection closed, the transfer timed out)
    // is the network's failure, not the server refusing: the kiosk says "unreachable" and backs off
    // as for a lost connection. It said "the change feed answered something that is not a page".
    void aPageCutOffIsTheNetworksFault()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &) {
            Answer cut = Answer::json(200, QByteArrayLiteral("{\"changes\":[{\"type\":\"attend"));
            cut.error = QNetworkReply::RemoteHostClosedError;
            cut.brokenOff = true;
            return cut;
        });
        const SyncEngine::Outcome outcome = runOnce();
        QVERIFY(!outcome.ok());
        QCOMPARE(engine->status().problem, SyncEngine::Problem::Unreachable);
        QVERIFY2(!outcome.error.contains(QLatin1String("not a page")), qPrintable(outcome.error));
        QVERIFY(await(f->store->syncState()).cursor.isEmpty());
    }

    // Pages are applied with their cursor; a check-in made here is delivered and marked.
    void pullsThenDeliversTheOutbox()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        QList<QByteArray> uploads;
        net->setScript([&uploads](const Request &r) {
            if (r.url.path().endsWith(u"/checkins")) {
                uploads << r.body;
                return Answer::json(200, acceptAll(r.body));
            }
            if (r.url.query().contains(u"after=c2"))
                return Answer::json(200, json(Protocol::feedPage({}, QStringLiteral("c2"), false, 0)));
            return Answer::json(200, json(Protocol::feedPage({Protocol::attendeeChange(anna())},
                                                             QStringLiteral("c2"), false, 0)));
        });
        QVERIFY(runOnce().ok());
        QCOMPARE(await(f->store->syncState()).cursor, QStringLiteral("c2"));
        QCOMPARE(await(f->store->stats()).attendees, 1);

        CheckInDesk desk(f->store.get());
        QVERIFY(await(desk.checkInAttendee(QStringLiteral("att-anna"))).recorded);
        QTRY_COMPARE(engine->status().undelivered, 1);
        const SyncEngine::Outcome outcome = runOnce();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QCOMPARE(outcome.pushed, 1);
        QCOMPARE(uploads.size(), 1);
        QCOMPARE(engine->status().undelivered, 0);
        QCOMPARE(engine->status().accepted, 1);
        QCOMPARE(await(f->store->syncState()).undelivered, 0);
        // The same check-in is never sent twice.
        QVERIFY(runOnce().ok());
        QCOMPARE(uploads.size(), 1);
    }

    // The server's tallies count once, also when the pull after a delivery fails.
    void talliesCountOnceWhenThePullFails()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        bool pullFails = false;
        net->setScript([&pullFails](const Request &r) {
            if (r.url.path().endsWith(u"/checkins"))
                return Answer::json(200, acceptAll(r.body));
            if (pullFails)
                return Answer::json(500, "{\"error\":{\"code\":\"internal\",\"message\":\"Broken.\"}}");
            return Answer::json(200, json(Protocol::feedPage({Protocol::attendeeChange(anna())},
                                                             QStringLiteral("c2"), false, 0)));
        });
        QVERIFY(runOnce().ok());
        CheckInDesk desk(f->store.get());
        QVERIFY(await(desk.checkInAttendee(QStringLiteral("att-anna"))).recorded);
        pullFails = true;
        const SyncEngine::Outcome outcome = runOnce();
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.pushed, 1);
        QCOMPARE(engine->status().problem, SyncEngine::Problem::ServerError);
        QCOMPARE(engine->status().accepted, 1);
        QCOMPARE(await(f->store->syncState()).undelivered, 0);
    }

    // An answer without a result for every check-in: they stay queued, and the engine says why.
    void anIncompleteAnswerKeepsTheQueue()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &r) {
            if (r.url.path().endsWith(u"/checkins"))
                return Answer::json(200, json(Protocol::uploadResults({})));
            return Answer::json(200, json(Protocol::feedPage({Protocol::attendeeChange(anna())},
                                                             QStringLiteral("c2"), false, 0)));
        });
        QVERIFY(runOnce().ok());
        CheckInDesk desk(f->store.get());
        QVERIFY(await(desk.checkInAttendee(QStringLiteral("att-anna"))).recorded);
        const SyncEngine::Outcome outcome = runOnce();
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.contains(u"without a result for every check-in"), qPrintable(outcome.error));
        QCOMPARE(engine->status().problem, SyncEngine::Problem::Refused);
        QCOMPARE(await(f->store->syncState()).undelivered, 1);
    }

    // 401: revoked. No more requests and no timer until enrolled again; the queue stays.
    void revokedStops()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &) {
            return Answer::json(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"Revoked.\"}}");
        });
        engine->start();
        QVERIFY(scheduler->advanceToNext());
        QTRY_VERIFY(engine->status().stopped);
        QCOMPARE(engine->status().problem, SyncEngine::Problem::Revoked);
        QVERIFY(!engine->status().revokedByLead); // an unknown token: the data stays
        QTRY_VERIFY(!engine->busy());
        QVERIFY(!scheduler->hasPending());
        const qsizetype sent = net->requests().size();
        engine->syncNow();
        QVERIFY(!scheduler->hasPending());
        QCOMPARE(net->requests().size(), sent);
    }

    // The server says the lead revoked this very device: the engine passes it on (AdminController
    // then deletes the data once nothing would be lost).
    void revokedByTheLead()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &) {
            return Answer::json(401, "{\"error\":{\"code\":\"device_revoked\",\"message\":\"Revoked.\"}}");
        });
        engine->start();
        QVERIFY(scheduler->advanceToNext());
        QTRY_VERIFY(engine->status().stopped);
        QVERIFY(engine->status().revokedByLead);
    }

    // A request that hangs, then stop(): the cycle ends, whoever waits hears so, nothing is left
    // running.
    void stopEndsAHangingCycle()
    {
        enrol({QUrl(QStringLiteral("http://a.test:8080"))});
        net->setScript([](const Request &) {
            Answer a;
            a.hang = true;
            return a;
        });
        QFuture<SyncEngine::Outcome> waiting = engine->runOnce();
        QTRY_COMPARE(net->requests().size(), 1);
        // What it waits for, as logs and benchmarks show it.
        QCOMPARE(engine->activity(), QStringLiteral("pull: asking for a page"));
        engine->stop();
        const SyncEngine::Outcome outcome = await(waiting);
        QCOMPARE(outcome.error, QStringLiteral("Sync was stopped."));
        QCOMPARE(engine->status().connection, SyncEngine::Connection::Offline);
        QCOMPARE(engine->activity(), QStringLiteral("idle"));
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
