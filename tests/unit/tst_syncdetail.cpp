// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SyncDetail: the admin area's sync detail: which server answered last, the last problem (kept
// after it was solved, in the language of the moment), the pull's progress, the feed position read
// from the store and the changes received.
#include "ServerClient.h"
#include "StoreFixture.h"
#include "SyncDetail.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTranslator>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::SyncDetail;

class TestSyncDetail : public QObject
{
    Q_OBJECT

    static SyncEngine::Status state(SyncEngine::Connection connection, const QString &server,
                                    qint64 lastSyncMs = 0)
    {
        SyncEngine::Status s;
        s.connection = connection;
        s.problem = SyncEngine::Problem::None;
        s.server = server;
        s.lastSyncMs = lastSyncMs;
        return s;
    }
    static QStringList describe(const QVariantList &servers)
    {
        QStringList out;
        for (const QVariant &v : servers) {
            const QVariantMap m = v.toMap();
            out << QStringLiteral("%1%2%3").arg(
                m.value(QStringLiteral("url")).toString(),
                m.value(QStringLiteral("inUse")).toBool() ? QStringLiteral(" in use") : QString(),
                m.value(QStringLiteral("answeredLast")).toBool() ? QStringLiteral(" answered") : QString());
        }
        return out;
    }

private Q_SLOTS:
    void whichServerAnsweredLast()
    {
        StoreFixture f;
        QVERIFY(f.open());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        SyncDetail detail(f.store.get(), &engine, &f.clock);
        const QString a = QStringLiteral("https://a.example.org");
        const QString b = QStringLiteral("https://b.example.org");
        QVERIFY(detail.servers().isEmpty());
        QVERIFY(detail.answeredAgo().isEmpty());

        // At start the engine reads the last sync on record while syncing: not an answer.
        detail.show(state(SyncEngine::Connection::Syncing, a, f.clock.nowMs() - 3'600'000));
        QVERIFY(detail.answered().isEmpty());
        QVERIFY(detail.running());
        QCOMPARE(describe(detail.servers()), QStringList({a + QStringLiteral(" in use")}));

        // A cycle goes through with A.
        detail.show(state(SyncEngine::Connection::Online, a, f.clock.nowMs()));
        QCOMPARE(detail.answered(), a);
        QVERIFY(!detail.running());
        f.clock.advance(120'000);
        QCOMPARE(detail.answeredAgo(), QStringLiteral("2 min ago"));

        // A stops answering; the engine moves on to B, which does not answer either.
        SyncEngine::Status down = state(SyncEngine::Connection::Offline, b, f.clock.nowMs() - 120'000);
        down.problem = SyncEngine::Problem::Unreachable;
        down.reason = QStringLiteral("server unreachable");
        down.failures = 1;
        detail.show(down);
        QCOMPARE(detail.answered(), a);
        QCOMPARE(describe(detail.servers()),
                 QStringList({b + QStringLiteral(" in use"), a + QStringLiteral(" answered")}));
    }

    void lastProblemOutlivesItsSolution()
    {
        StoreFixture f;
        QVERIFY(f.open());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        SyncDetail detail(f.store.get(), &engine, &f.clock);
        QSignalSpy changed(&detail, &SyncDetail::changed);

        // Not being enrolled is a state, not a problem to remember.
        SyncEngine::Status notEnrolled = state(SyncEngine::Connection::Offline, QString());
        notEnrolled.problem = SyncEngine::Problem::NotEnrolled;
        notEnrolled.reason = QStringLiteral("not enrolled");
        detail.show(notEnrolled);
        QVERIFY(detail.lastProblem().isEmpty());

        SyncEngine::Status busy = state(SyncEngine::Connection::Offline, QStringLiteral("https://a"));
        busy.problem = SyncEngine::Problem::Overloaded;
        busy.reason = QStringLiteral("server overloaded");
        busy.detail = QStringLiteral("The server is overloaded and asked to come back in 30 s.");
        busy.failures = 1;
        detail.show(busy);
        QCOMPARE(detail.lastProblem(), busy.detail.toString());
        QCOMPARE(changed.size(), 2);

        f.clock.advance(5 * 60'000);
        detail.show(state(SyncEngine::Connection::Online, QStringLiteral("https://a"), f.clock.nowMs()));
        QCOMPARE(detail.lastProblem(), busy.detail.toString());
        QCOMPARE(detail.lastProblemAgo(), QStringLiteral("5 min ago"));
    }

    void pullProgress()
    {
        StoreFixture f;
        QVERIFY(f.open());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        SyncDetail detail(f.store.get(), &engine, &f.clock);
        SyncEngine::Status s = state(SyncEngine::Connection::Syncing, QStringLiteral("https://a"));
        detail.show(s);
        QVERIFY(detail.progress().isEmpty()); // pushing, or nothing pulled yet
        s.pulled = 1200;
        s.pullTotal = 5000;
        detail.show(s);
        QCOMPARE(detail.progress(), QStringLiteral("Receiving changes: 1,200 of 5,000"));
        s.pullTotal = -1;
        detail.show(s);
        QCOMPARE(detail.progress(), QStringLiteral("Receiving changes: 1,200"));
        s.connection = SyncEngine::Connection::Online;
        detail.show(s);
        QVERIFY(detail.progress().isEmpty());
    }

    void feedPositionAndTheProblemOnRecord()
    {
        StoreFixture f;
        QVERIFY(f.open());
        QVERIFY(await(f.store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        QVERIFY(await(f.store->applyChanges({}, {}, QStringLiteral("4711.3"))).ok());
        QVERIFY(await(f.store->recordSync(0, QStringLiteral("server unreachable"))).ok());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        SyncDetail detail(f.store.get(), &engine, &f.clock);
        QSignalSpy changed(&detail, &SyncDetail::changed);
        detail.refreshFeed();
        detail.refreshFeed(); // coalesced with the first
        QVERIFY(changed.wait());
        QTRY_COMPARE(detail.feedPosition(), QStringLiteral("4711.3"));
        QCOMPARE(detail.lastProblem(), QStringLiteral("server unreachable"));
        QVERIFY(detail.lastProblemAgo().isEmpty()); // the store does not say when

        QVERIFY(await(f.store->applyChanges({}, {}, QStringLiteral("4712.0"))).ok());
        Q_EMIT engine.changesApplied(0, 0); // a page arrived: the position moves
        QTRY_COMPARE(detail.feedPosition(), QStringLiteral("4712.0"));
        QVERIFY(detail.receivedEver());
        QCOMPARE(detail.received(), 0.0);
        Q_EMIT engine.changesApplied(3, 4);
        QCOMPARE(detail.received(), 7.0);

        // After a switch to German, the problem on record is said in German.
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/kiosk_de.qm")));
        QCoreApplication::installTranslator(&german);
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&detail, &languageChange);
        QCOMPARE(detail.lastProblem(), QStringLiteral("Server nicht erreichbar"));
        QCoreApplication::removeTranslator(&german);
    }

    void nothingReceivedYet()
    {
        StoreFixture f;
        QVERIFY(f.open());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        SyncDetail detail(f.store.get(), &engine, &f.clock);
        detail.refreshFeed();
        QSignalSpy changed(&detail, &SyncDetail::changed);
        QVERIFY(changed.wait());
        QVERIFY(!detail.receivedEver());
        QVERIFY(detail.feedPosition().isEmpty());
    }

    // A request that failed is said again in the language switched to afterwards: the sentence
    // comes from the server client as a way to write it, not as words.
    void theLastProblemFollowsTheLanguage()
    {
        QTcpServer closed; // a port that was free a moment ago: nobody listens there now
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QNetworkAccessManager network;
        ServerClient client(&network, url);
        const ServerClient::Reply reply = await(client.get(QStringLiteral("/api/v1/health")));
        QVERIFY(!reply.ok());
        QCOMPARE(reply.errorCode, QStringLiteral("unreachable"));

        StoreFixture f;
        QVERIFY(f.open());
        ManualScheduler scheduler;
        SyncEngine engine(f.store.get(), &scheduler, {});
        SyncDetail detail(f.store.get(), &engine, &f.clock);
        SyncEngine::Status failed = state(SyncEngine::Connection::Offline, url.toString());
        failed.problem = SyncEngine::Problem::Unreachable;
        failed.reason = QStringLiteral("server unreachable");
        failed.detail = reply.error;
        failed.failures = 1;
        detail.show(failed);
        QVERIFY2(
            detail.lastProblem().startsWith(QStringLiteral("Cannot reach the server at ") + url.toString()),
            qPrintable(detail.lastProblem()));

        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/kiosk_de.qm")));
        QCoreApplication::installTranslator(&german);
        QSignalSpy changed(&detail, &SyncDetail::changed);
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&detail, &languageChange);
        QCOMPARE(changed.size(), 1);
        QVERIFY2(detail.lastProblem().startsWith(QStringLiteral("Der Server ") + url.toString() +
                                                 QStringLiteral(" ist nicht erreichbar")),
                 qPrintable(detail.lastProblem()));

        // With no sentence, the reason alone, also in the language of the moment.
        failed.detail = {};
        failed.problem = SyncEngine::Problem::Timeout;
        failed.failures = 2;
        detail.show(failed);
        const QString inGerman = detail.lastProblem();
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(detail.lastProblem(), QStringLiteral("server not answering in time"));
        QVERIFY(inGerman != detail.lastProblem());
    }
};

QTEST_GUILESS_MAIN(TestSyncDetail)
#include "tst_syncdetail.moc"
