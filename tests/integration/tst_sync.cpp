// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync engine against a real checkin-server behind the fault proxy: preload, exactly-once
// delivery through outages, crashes and lost answers, convergence of duplicates and conflicts,
// backoff with Retry-After, and URL rotation. Time is a ManualScheduler: nobody sleeps.
#include "AdminClient.h"
#include "CheckInDesk.h"
#include "FaultProxy.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;
using Fault = FaultProxy::Fault;

namespace {

const QString kAdminToken = u"sync-test-admin-token"_s;
const QString kEvent = u"ev-sync"_s;
constexpr int kAttendees = 60;

QString attendeeId(int i)
{
    return u"a-%1"_s.arg(i, 3, 10, QLatin1Char('0'));
}

QString ticketCode(int i)
{
    return u"TICKET-%1"_s.arg(i, 4, 10, QLatin1Char('0'));
}

// A wall clock off by a fixed amount: a tablet whose clock is wrong.
class OffsetClock final : public WallClock
{
public:
    explicit OffsetClock(qint64 offsetMs = 0)
        : m_offset(offsetMs)
    {}
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch() + m_offset; }

private:
    qint64 m_offset;
};

// One kiosk: its own data directory, store, desk and engine; time from the shared scheduler.
struct Kiosk
{
    Kiosk(ManualScheduler *scheduler, qint64 clockOffsetMs, const SyncEngine::Options &options)
        : clock(clockOffsetMs)
        , store(dir.path(), &clock)
        , desk(&store)
        , engine(&store, scheduler, options)
    {
        const StoreStatus opened = await(store.open());
        if (!opened.ok())
            qFatal("store: %s", qPrintable(opened.error));
    }
    static SyncEngine::Options options()
    {
        SyncEngine::Options o;
        o.version = u"test"_s;
        o.requestTimeoutMs = 2000; // real time: how long a hanging server is waited for
        return o;
    }
    ScanOutcome admit(int attendee, CheckInKind kind = CheckInKind::Entry)
    {
        return await(desk.checkInAttendee(attendeeId(attendee), kind));
    }
    // id -> (status, first) as this kiosk derives it.
    QHash<QString, QPair<QString, QString>> statuses()
    {
        QHash<QString, QPair<QString, QString>> out;
        const LocalStore::Log log = await(store.checkInLog());
        for (const CheckInRecord &r : log.checkIns)
            out.insert(r.checkIn.id, {checkInStatusName(r.classification.status), r.classification.first});
        return out;
    }
    QSet<QString> inside()
    {
        QSet<QString> out;
        for (const AttendeeView &v : await(store.attendeeStates()).attendees) {
            if (v.inside)
                out.insert(v.attendee.id);
        }
        return out;
    }
    int undelivered() { return await(store.syncState()).undelivered; }

    QTemporaryDir dir;
    OffsetClock clock;
    LocalStore store;
    CheckInDesk desk;
    SyncEngine engine;
};

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    ServerProcess m_server;
    FaultProxy *m_proxy = nullptr;
    AdminClient m_admin{{}, kAdminToken};
    std::unique_ptr<ManualScheduler> m_scheduler;
    std::vector<std::unique_ptr<Kiosk>> m_kiosks;

    Kiosk &newKiosk(qint64 clockOffsetMs = 0, const QList<QUrl> &servers = {},
                    const SyncEngine::Options &options = Kiosk::options())
    {
        m_kiosks.push_back(std::make_unique<Kiosk>(m_scheduler.get(), clockOffsetMs, options));
        Kiosk &k = *m_kiosks.back();
        const QString code = m_admin.enrolmentCode(kEvent);
        const QString error = await(k.engine.enrol(servers.isEmpty() ? QList<QUrl>{m_proxy->url()} : servers,
                                                   code, u"door-%1"_s.arg(m_kiosks.size())));
        if (!error.isEmpty())
            qFatal("enrol: %s", qPrintable(error));
        return k;
    }

    // Runs the event loop, and moves the virtual clock to the next timer whenever no kiosk is
    // waiting for the network or its store, until `done` holds or `virtualMs` have passed.
    bool runUntil(const std::function<bool()> &done, qint64 virtualMs = 10 * 60'000)
    {
        const qint64 until = m_scheduler->nowMs() + virtualMs;
        QElapsedTimer real;
        real.start();
        int idleRounds = 0;
        while (real.elapsed() < 90'000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            if (done())
                return true;
            const bool busy =
                std::any_of(m_kiosks.begin(), m_kiosks.end(), [](const auto &k) { return k->engine.busy(); });
            if (busy) {
                idleRounds = 0;
                continue;
            }
            if (++idleRounds < 3) // let queued continuations run first
                continue;
            idleRounds = 0;
            const qint64 next = m_scheduler->nextDueMs();
            if (next < 0 || next > until)
                return done();
            m_scheduler->advanceToNext();
        }
        return done();
    }

    bool allDelivered()
    {
        for (const auto &k : m_kiosks) {
            if (k->engine.status().undelivered > 0 ||
                k->engine.status().connection != SyncEngine::Connection::Online)
                return false;
        }
        return true;
    }

    // The server holds exactly the union of the kiosks' check-ins, each once, and every kiosk
    // derives the same statuses (and who is inside) as the server.
    void verifyConverged()
    {
        // A last pull everywhere, so each kiosk has the others' latest.
        for (const auto &k : m_kiosks) {
            const SyncEngine::Outcome o = await(k->engine.runOnce());
            QVERIFY2(o.ok(), qPrintable(o.error));
        }
        const QHash<QString, QJsonObject> server = m_admin.checkIns(kEvent);
        QSet<QString> local;
        for (const auto &k : m_kiosks) {
            const LocalStore::Log log = await(k->store.checkInLog());
            for (const CheckInRecord &r : log.checkIns) {
                if (r.checkIn.deviceId == await(k->store.syncState()).deviceId)
                    local.insert(r.checkIn.id);
            }
            QCOMPARE(k->undelivered(), 0);
        }
        QCOMPARE(QSet<QString>(server.keyBegin(), server.keyEnd()), local);
        for (const auto &k : m_kiosks) {
            const auto mine = k->statuses();
            QCOMPARE(mine.size(), server.size());
            for (auto it = server.cbegin(); it != server.cend(); ++it) {
                const auto found = mine.constFind(it.key());
                QVERIFY2(found != mine.constEnd(), qPrintable(it.key()));
                QCOMPARE(found->first, it->value("status"_L1).toString());
                QCOMPARE(found->second, it->value("first"_L1).toString());
            }
        }
        const QSet<QString> inside = m_kiosks.front()->inside();
        for (const auto &k : m_kiosks)
            QCOMPARE(k->inside(), inside);
        QCOMPARE(m_admin.call("GET", u"/api/v1/events/%1/stats"_s.arg(kEvent), QJsonObject())
                     .value("inside"_L1)
                     .toInt(),
                 int(inside.size()));
    }

private Q_SLOTS:
    void init()
    {
        m_kiosks.clear();
        m_scheduler = std::make_unique<ManualScheduler>(QDateTime::currentMSecsSinceEpoch());
        ServerProcess::Options options;
        options.adminToken = kAdminToken;
        options.logDir = m_serverDir.path();
        QDir(m_serverDir.path()).removeRecursively();
        QDir().mkpath(m_serverDir.path());
        const QString error =
            m_server.start(QStringLiteral(CHECKIN_SERVER_PATH),
                           {u"--db"_s, u"sqlite:%1/server.sqlite"_s.arg(m_serverDir.path()), u"--data-dir"_s,
                            m_serverDir.path(), u"--device-rate"_s, u"1000"_s},
                           options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin.setBase(m_server.url());
        delete m_proxy;
        m_proxy = new FaultProxy;
        QVERIFY(m_proxy->listen(m_server.port()));
        ManualScheduler *scheduler = m_scheduler.get();
        m_proxy->setClock([scheduler] { return scheduler->nowMs(); });

        int status = 0;
        m_admin.call("POST", u"/api/v1/events"_s, {{"id"_L1, kEvent}, {"name"_L1, u"Sync test"_s}}, &status);
        QCOMPARE(status, 201);
        QJsonArray list;
        for (int i = 0; i < kAttendees; ++i)
            list.append(QJsonObject{{"id"_L1, attendeeId(i)},
                                    {"ticket_code"_L1, ticketCode(i)},
                                    {"first_name"_L1, u"First%1"_s.arg(i)},
                                    {"last_name"_L1, u"Last%1"_s.arg(i)},
                                    {"status"_L1, u"valid"_s}});
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent), {{"attendees"_L1, list}}, &status);
        QCOMPARE(status, 200);
    }

    void cleanup()
    {
        m_kiosks.clear();
        delete m_proxy;
        m_proxy = nullptr;
        m_server.stop();
    }

    void preloadAndIncrementalPull()
    {
        Kiosk &k = newKiosk();
        qint64 lastDone = 0, lastTotal = 0;
        connect(&k.engine, &SyncEngine::progress, this, [&](qint64 done, qint64 total, double) {
            lastDone = done;
            lastTotal = total;
        });
        SyncEngine::Outcome o = await(k.engine.runOnce());
        QVERIFY2(o.ok(), qPrintable(o.error));
        QCOMPARE(o.pulled, qint64(kAttendees));
        QCOMPARE(lastDone, qint64(kAttendees));
        QCOMPARE(lastTotal, qint64(kAttendees)); // the server said how many ("remaining")
        QCOMPARE(await(k.store.stats()).attendees, kAttendees);
        // A ticket scans offline-first from the preloaded copy.
        const ScanOutcome scanned = await(k.desk.scan(ticketCode(7)));
        QCOMPARE(scanned.verdict, Verdict::Admitted);
        // Incremental: only what changed since the saved cursor.
        o = await(k.engine.runOnce());
        QVERIFY2(o.ok(), qPrintable(o.error));
        QCOMPARE(o.pushed, 1);
        QCOMPARE(o.pulled, qint64(1)); // our own check-in, as the server has it
        // Another door hears of that check-in with the attendee list.
        Kiosk &other = newKiosk();
        o = await(other.engine.runOnce());
        QVERIFY2(o.ok(), qPrintable(o.error));
        QCOMPARE(o.pulled, qint64(kAttendees + 1));
        QCOMPARE(other.inside(), QSet<QString>{attendeeId(7)});
    }

    void preloadResumesWhereItWasInterrupted()
    {
        SyncEngine::Options small = Kiosk::options();
        small.pageSize = 7;
        Kiosk &k = newKiosk(0, {}, small);
        // The connection drops after the third page.
        m_proxy->setPathFilter(u"/api/v1/events/%1/changes"_s.arg(kEvent));
        int pages = 0;
        connect(m_proxy, &FaultProxy::requestRecorded, this, [&] {
            if (m_proxy->requests().constLast().path.contains("/changes"_L1) && ++pages == 3)
                m_proxy->failNext(Fault::ResetMidRequest, 1000);
        });
        SyncEngine::Outcome o = await(k.engine.runOnce());
        QVERIFY(!o.ok());
        const int kept = await(k.store.stats()).attendees;
        QVERIFY2(kept >= 7 && kept < kAttendees, qPrintable(QString::number(kept)));
        QCOMPARE(kept % 7, 0); // whole pages, each in one transaction
        m_proxy->failNext(Fault::Pass, 0);
        disconnect(m_proxy, &FaultProxy::requestRecorded, this, nullptr);
        m_proxy->clearLog();
        o = await(k.engine.runOnce());
        QVERIFY2(o.ok(), qPrintable(o.error));
        QCOMPARE(o.pulled, qint64(kAttendees - kept)); // only the rest
        QCOMPARE(await(k.store.stats()).attendees, kAttendees);
        // The first page of the resumed pull asked from the saved cursor.
        const QList<FaultProxy::Request> log = m_proxy->requests();
        const auto firstPage = std::find_if(log.begin(), log.end(), [](const FaultProxy::Request &r) {
            return r.path.contains("/changes"_L1);
        });
        QVERIFY(firstPage != log.end());
        QVERIFY2(firstPage->path.contains("after="_L1), qPrintable(firstPage->path));
    }

    void offlineForTheWholeSessionThenBack()
    {
        Kiosk &a = newKiosk();
        Kiosk &b = newKiosk();
        QVERIFY(await(a.engine.runOnce()).ok());
        QVERIFY(await(b.engine.runOnce()).ok());
        m_proxy->setFault(Fault::Refuse);
        a.engine.start();
        b.engine.start();
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(a.admit(i).verdict, Verdict::Admitted);
            QCOMPARE(b.admit(20 + i).verdict, Verdict::Admitted);
        }
        // An hour of virtual time offline: retries back off, nothing is lost, nothing is sent.
        runUntil([] { return false; }, 60 * 60'000);
        QCOMPARE(a.engine.status().connection, SyncEngine::Connection::Offline);
        QCOMPARE(a.engine.status().problem, SyncEngine::Problem::Unreachable);
        QCOMPARE(a.engine.status().reason, u"server unreachable"_s);
        QCOMPARE(a.engine.status().undelivered, 20);
        QCOMPARE(b.undelivered(), 20);
        const int attemptsA = a.engine.status().failures;
        QVERIFY2(attemptsA >= 30 && attemptsA <= 200, qPrintable(QString::number(attemptsA)));
        m_proxy->setFault(Fault::Pass);
        QVERIFY(runUntil([&] { return allDelivered(); }, 5 * 60'000));
        verifyConverged();
        QCOMPARE(m_admin.checkIns(kEvent).size(), 40);
    }

    void serverKilledAndRestartedMidBatches()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        m_proxy->setFault(Fault::Refuse);
        // 1,500 queued check-ins: entries and exits of all attendees, in three batches of 500.
        for (int round = 0; round < 25; ++round) {
            for (int i = 0; i < kAttendees; ++i)
                QVERIFY(await(k.desk.checkInAttendee(attendeeId(i),
                                                     round % 2 ? CheckInKind::Exit : CheckInKind::Entry))
                            .recorded);
        }
        QCOMPARE(k.undelivered(), 25 * kAttendees);
        m_proxy->setFault(Fault::Pass);
        m_proxy->clearLog();
        k.engine.start();
        // Kill the server when the second batch has reached it.
        bool killed = false;
        connect(m_proxy, &FaultProxy::requestRecorded, this, [&] {
            int pushes = 0;
            for (const auto &r : m_proxy->requests())
                pushes += r.path.endsWith("/checkins"_L1);
            if (pushes == 2 && !killed) {
                killed = true;
                QTimer::singleShot(20, this, [&] { m_server.kill(); });
            }
        });
        QVERIFY(runUntil([&] { return killed && !m_server.running(); }, 60'000));
        const QString restarted = m_server.restart();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        QVERIFY(runUntil([&] { return allDelivered(); }, 10 * 60'000));
        verifyConverged();
        QCOMPARE(m_admin.checkIns(kEvent).size(), 25 * kAttendees);
    }

    void lostAnswersAfterCommit()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        for (int i = 0; i < 30; ++i)
            QVERIFY(k.admit(i).recorded);
        m_proxy->setPathFilter(u"/api/v1/events/%1/checkins"_s.arg(kEvent));
        m_proxy->failNext(Fault::DropResponse, 4);
        k.engine.start();
        QVERIFY(runUntil([&] { return allDelivered(); }, 10 * 60'000));
        QCOMPARE(m_proxy->droppedAfterCommit(), 4);
        // Every retry carried the same ids: the server has each check-in once.
        verifyConverged();
        QCOMPARE(m_admin.checkIns(kEvent).size(), 30);
        for (const QJsonObject &c : m_admin.checkIns(kEvent))
            QCOMPARE(c.value("status"_L1).toString(), u"accepted"_s);
    }

    // A walk-in registered while the server is away reaches it exactly once, although the answers
    // to the first uploads are lost and the batch is sent again, and then every other door.
    void walkInRegisteredOfflineReachesEveryDoorOnce()
    {
        Kiosk &a = newKiosk();
        Kiosk &b = newKiosk();
        QVERIFY(await(a.engine.runOnce()).ok());
        QVERIFY(await(b.engine.runOnce()).ok());
        m_proxy->setFault(Fault::Refuse);
        a.engine.start();
        const ScanOutcome walkIn =
            await(a.desk.registerWalkIn(WalkIn{u"Wanda"_s, u"Walker"_s, u"Acme"_s, u"Day pass"_s}));
        QVERIFY2(walkIn.recorded, qPrintable(walkIn.error));
        QCOMPARE(walkIn.verdict, Verdict::Admitted);
        const QString person = walkIn.attendee.attendee.id;
        QCOMPARE(a.admit(3).verdict, Verdict::Admitted); // and somebody from the list, in the same batch
        // Ten minutes offline: both wait in the queue, the walk-in is found here all along.
        runUntil([] { return false; }, 10 * 60'000);
        QCOMPARE(a.engine.status().connection, SyncEngine::Connection::Offline);
        QCOMPARE(a.undelivered(), 2);
        QCOMPARE(await(a.store.search(u"walker"_s)).attendees.size(), 1);

        // Back, but the answers to the first two uploads are lost after the server stored them.
        m_proxy->setPathFilter(u"/api/v1/events/%1/checkins"_s.arg(kEvent));
        m_proxy->failNext(Fault::DropResponse, 2);
        m_proxy->setFault(Fault::Pass);
        QVERIFY(runUntil([&] {
            return a.engine.status().undelivered == 0 &&
                   a.engine.status().connection == SyncEngine::Connection::Online;
        }));
        QCOMPARE(m_proxy->droppedAfterCommit(), 2);
        int uploads = 0;
        for (const FaultProxy::Request &r : m_proxy->requests())
            uploads += r.path.endsWith("/checkins"_L1) ? 1 : 0;
        QVERIFY2(uploads >= 3, qPrintable(QString::number(uploads))); // the same batch, sent again

        // On the server: one new attendee, a walk-in of door 1, and her entry once.
        const QJsonObject stats =
            m_admin.call("GET", u"/api/v1/events/%1/stats"_s.arg(kEvent), QJsonObject());
        QCOMPARE(stats.value("attendees"_L1).toInt(), kAttendees + 1);
        QCOMPARE(stats.value("walk_ins"_L1).toInt(), 1);
        QCOMPARE(stats.value("entries"_L1).toInt(), 2);
        const QHash<QString, QJsonObject> onServer = m_admin.checkIns(kEvent);
        QCOMPARE(onServer.size(), 2);
        QCOMPARE(onServer.value(walkIn.checkInId).value("status"_L1).toString(), u"accepted"_s);
        QCOMPARE(onServer.value(walkIn.checkInId).value("attendee_id"_L1).toString(), person);

        // Door 2 has never seen her; after a pull it finds her, inside since door 1's entry.
        QVERIFY(await(b.store.search(u"walker"_s)).attendees.isEmpty());
        QVERIFY(await(b.engine.runOnce()).ok());
        const SearchResult found = await(b.store.search(u"wanda walker"_s));
        QCOMPARE(found.attendees.size(), 1);
        const AttendeeView &there = found.attendees.constFirst();
        QCOMPARE(there.attendee.id, person);
        QCOMPARE(there.attendee.company, u"Acme"_s);
        QCOMPARE(there.attendee.ticketType, u"Day pass"_s);
        QCOMPARE(there.attendee.walkInCheckIn, walkIn.checkInId);
        QVERIFY(there.inside);
        QCOMPARE(await(b.desk.checkInAttendee(person)).verdict, Verdict::AlreadyInside);
        QCOMPARE(await(b.store.stats()).walkIns, 1);

        // Door 1 took her back from the feed as the same row: one of her, still a walk-in.
        QVERIFY(await(a.engine.runOnce()).ok());
        const StoreStats here = await(a.store.stats());
        QCOMPARE(here.attendees, kAttendees + 1);
        QCOMPARE(here.walkIns, 1);
        QCOMPARE(await(a.store.search(u"walker"_s)).attendees.size(), 1);
        verifyConverged();
    }

    void badgePrintsReachEveryDoorOnce()
    {
        Kiosk &a = newKiosk();
        Kiosk &b = newKiosk();
        QVERIFY(await(a.engine.runOnce()).ok());
        QVERIFY(await(b.engine.runOnce()).ok());
        // Offline at door 1: a walk-in and somebody from the list get in and get badges, one of
        // them twice.
        m_proxy->setFault(Fault::Refuse);
        a.engine.start();
        const ScanOutcome walkIn = await(a.desk.registerWalkIn(WalkIn{u"Wanda"_s, u"Walker"_s, {}, {}}));
        QVERIFY2(walkIn.recorded, qPrintable(walkIn.error));
        const QString wanda = walkIn.attendee.attendee.id;
        QCOMPARE(a.admit(4).verdict, Verdict::Admitted);
        QVERIFY(!await(a.store.recordPrint(wanda, u"brother-62"_s)).id.isEmpty());
        QVERIFY(!await(a.store.recordPrint(attendeeId(4), u"a6"_s)).id.isEmpty());
        QVERIFY(!await(a.store.recordPrint(attendeeId(4), u"a6"_s)).id.isEmpty());
        runUntil([] { return false; }, 5 * 60'000);
        QCOMPARE(await(a.store.printOutbox(100)).prints.size(), 3);

        // Back, and the answer to the first upload of the prints is lost after the server kept them.
        m_proxy->setPathFilter(u"/api/v1/events/%1/prints"_s.arg(kEvent));
        m_proxy->failNext(Fault::DropResponse, 1);
        m_proxy->setFault(Fault::Pass);
        QVERIFY(runUntil([&] {
            return a.engine.status().undelivered == 0 &&
                   a.engine.status().connection == SyncEngine::Connection::Online &&
                   await(a.store.printOutbox(100)).prints.isEmpty();
        }));
        QCOMPARE(m_proxy->droppedAfterCommit(), 1);
        int uploads = 0;
        for (const FaultProxy::Request &r : m_proxy->requests())
            uploads += r.path.endsWith("/prints"_L1) ? 1 : 0;
        QVERIFY2(uploads >= 2, qPrintable(QString::number(uploads))); // the same prints, sent again

        // The server has each print once (its feed, read as the admin).
        QStringList printIds;
        QString cursor;
        for (int page = 0; page < 100; ++page) {
            const QJsonObject r = m_admin.call(
                "GET", u"/api/v1/events/%1/changes?after=%2"_s.arg(kEvent, cursor), QJsonObject());
            for (const QJsonValue &c : r.value("changes"_L1).toArray()) {
                if (c["type"_L1].toString() == "print"_L1) {
                    printIds << c["id"_L1].toString();
                    QCOMPARE(c["device_name"_L1].toString(), u"door-1"_s);
                }
            }
            cursor = r.value("cursor"_L1).toString();
            if (!r.value("more"_L1).toBool())
                break;
        }
        QCOMPARE(printIds.size(), 3);
        QCOMPARE(QSet<QString>(printIds.cbegin(), printIds.cend()).size(), 3);

        // Door 2 pulls: both badges of attendee 4 and Wanda's, printed at door 1.
        QVERIFY(await(b.engine.runOnce()).ok());
        const AttendeeDetail four = await(b.store.attendee(attendeeId(4)));
        QCOMPARE(four.prints.size(), 2);
        QCOMPARE(four.prints.first().deviceName, u"door-1"_s);
        QCOMPARE(four.prints.first().layout, u"a6"_s);
        const AttendeeDetail there = await(b.store.attendee(wanda));
        QCOMPARE(there.prints.size(), 1);
        QCOMPARE(there.prints.first().layout, u"brother-62"_s);
        // Door 1 takes its own back from the feed without doubling them.
        QVERIFY(await(a.engine.runOnce()).ok());
        QCOMPARE(await(a.store.attendee(attendeeId(4))).prints.size(), 2);
        QVERIFY(await(b.store.printOutbox(100)).prints.isEmpty());
        verifyConverged();
    }

    void twoDoorsAdmitTheSamePersonOffline()
    {
        Kiosk &a = newKiosk();
        Kiosk &b = newKiosk();
        QVERIFY(await(a.engine.runOnce()).ok());
        QVERIFY(await(b.engine.runOnce()).ok());
        m_proxy->setFault(Fault::Refuse);
        const ScanOutcome first = a.admit(5);
        QTest::qWait(5); // the second door a few milliseconds later
        const ScanOutcome second = b.admit(5);
        QCOMPARE(first.verdict, Verdict::Admitted);
        QCOMPARE(second.verdict, Verdict::Admitted); // each door alone saw nobody inside
        m_proxy->setFault(Fault::Pass);
        a.engine.start();
        b.engine.start();
        a.engine.syncNow();
        b.engine.syncNow();
        QVERIFY(runUntil([&] { return allDelivered(); }));
        verifyConverged();
        // Both doors agree: door A's entry came first; door B's is the duplicate.
        for (Kiosk *k : {&a, &b}) {
            const auto s = k->statuses();
            QCOMPARE(s.value(first.checkInId).first, u"accepted"_s);
            QCOMPARE(s.value(second.checkInId).first, u"duplicate"_s);
            QCOMPARE(s.value(second.checkInId).second, first.checkInId);
            QCOMPARE(await(k->store.stats()).duplicates, 1);
            // Each door knows where the person was let in, by the other door's name.
            const AttendeeDetail detail = await(k->store.attendee(attendeeId(5)));
            QVERIFY(detail.view.inside);
            QCOMPARE(detail.view.insideDeviceName, u"door-1"_s);
        }
        const QJsonArray review =
            m_admin.call("GET", u"/api/v1/events/%1/conflicts"_s.arg(kEvent), QJsonObject())
                .value("conflicts"_L1)
                .toArray();
        QCOMPARE(review.size(), 1);
        QCOMPARE(review.first().toObject().value("id"_L1).toString(), second.checkInId);
        QCOMPARE(review.first().toObject().value("status"_L1).toString(), u"duplicate"_s);
    }

    void cancelledWhileTheKioskWasOffline()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        m_proxy->setFault(Fault::Refuse);
        // The event lead cancels the ticket; the kiosk cannot hear of it and admits the person.
        int status = 0;
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent),
                     {{"attendees"_L1, QJsonArray{QJsonObject{{"id"_L1, attendeeId(9)},
                                                              {"ticket_code"_L1, ticketCode(9)},
                                                              {"first_name"_L1, u"First9"_s},
                                                              {"last_name"_L1, u"Last9"_s},
                                                              {"status"_L1, u"cancelled"_s}}}}},
                     &status);
        QCOMPARE(status, 200);
        QTest::qWait(5);
        const ScanOutcome admitted = k.admit(9);
        QCOMPARE(admitted.verdict, Verdict::Admitted);
        m_proxy->setFault(Fault::Pass);
        k.engine.start();
        QVERIFY(runUntil([&] { return allDelivered(); }));
        verifyConverged();
        QCOMPARE(k.statuses().value(admitted.checkInId).first, u"conflict"_s);
        QCOMPARE(await(k.store.stats()).conflicts, 1);
        const QJsonArray review =
            m_admin.call("GET", u"/api/v1/events/%1/conflicts"_s.arg(kEvent), QJsonObject())
                .value("conflicts"_L1)
                .toArray();
        QCOMPARE(review.size(), 1);
        QCOMPARE(review.first().toObject().value("status"_L1).toString(), u"conflict"_s);
    }

    void aKioskWithItsClockHoursAhead()
    {
        Kiosk &wrong = newKiosk(3 * 3600'000); // three hours ahead
        Kiosk &right = newKiosk();
        QVERIFY(await(wrong.engine.runOnce()).ok());
        QVERIFY(await(right.engine.runOnce()).ok());
        // The kiosk with the wrong clock admits first and delivers at once; the other admits later.
        const ScanOutcome first = wrong.admit(3);
        QVERIFY(await(wrong.engine.runOnce()).ok());
        QTest::qWait(5);
        m_proxy->setFault(Fault::Refuse); // the second door is offline when it admits
        const ScanOutcome second = right.admit(3);
        QCOMPARE(second.verdict, Verdict::Admitted);
        m_proxy->setFault(Fault::Pass);
        QVERIFY(await(right.engine.runOnce()).ok());
        verifyConverged();
        // The server clamped the wrong clock to its own time, so the real first entry stays first
        // everywhere (unclamped, three hours ahead, it would have come second).
        for (Kiosk *k : {&wrong, &right}) {
            QCOMPARE(k->statuses().value(first.checkInId).first, u"accepted"_s);
            QCOMPARE(k->statuses().value(second.checkInId).first, u"duplicate"_s);
        }
    }

    void retryAfterIsAFloor()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        k.engine.start();
        QVERIFY(runUntil([&] { return k.engine.status().connection == SyncEngine::Connection::Online; }));
        m_proxy->clearLog();
        m_proxy->failNext(Fault::ServiceUnavailable, 1, 7);
        QVERIFY(k.admit(1).recorded);
        QVERIFY(runUntil([&] { return k.engine.status().problem == SyncEngine::Problem::Overloaded; }));
        QCOMPARE(m_proxy->answered503(), 1);
        QCOMPARE(k.engine.status().problem, SyncEngine::Problem::Overloaded);
        QCOMPARE(k.engine.status().reason, u"server overloaded"_s);
        // New check-ins do not hurry it.
        QVERIFY(k.admit(2).recorded);
        QVERIFY(k.admit(3).recorded);
        QVERIFY(runUntil([&] { return allDelivered(); }));
        const QList<FaultProxy::Request> log = m_proxy->requests();
        QVERIFY(log.size() >= 2);
        QCOMPARE(log.first().status, 503);
        QVERIFY2(log.at(1).atMs - log.first().atMs >= 7000,
                 qPrintable(u"next request after %1 ms"_s.arg(log.at(1).atMs - log.first().atMs)));
        // The kiosk told the server its queue on every request.
        QCOMPARE(log.first().queue, QByteArray("1"));
        verifyConverged();
    }

    void backoffHasFullJitterUpToTheCap()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        m_proxy->setFault(Fault::ResetMidRequest);
        m_proxy->clearLog();
        k.engine.start();
        runUntil([] { return false; }, 30 * 60'000);
        const QList<FaultProxy::Request> log = m_proxy->requests();
        QVERIFY2(log.size() >= 40, qPrintable(QString::number(log.size())));
        QList<qint64> gaps;
        for (qsizetype i = 1; i < log.size(); ++i)
            gaps << log[i].atMs - log[i - 1].atMs;
        // Every gap is within random(0, min(60 s, 1 s * 2^n)); not all equal (jitter); the later ones
        // spread over the whole range up to the cap.
        for (qsizetype i = 0; i < gaps.size(); ++i)
            QVERIFY2(gaps[i] <= std::min<qint64>(60'000, 1000LL << std::min<qsizetype>(i, 20)),
                     qPrintable(u"gap %1: %2 ms"_s.arg(i).arg(gaps[i])));
        const auto [lo, hi] = std::minmax_element(gaps.begin() + 10, gaps.end());
        QVERIFY(*hi > 40'000);
        QVERIFY(*lo < 20'000);
        QCOMPARE(k.engine.status().problem, SyncEngine::Problem::Unreachable);
    }

    void rotatesAcrossServerUrls()
    {
        // The first URL is dead (nothing listens there), the second is the proxy.
        FaultProxy dead;
        QVERIFY(dead.listen(1));
        dead.setFault(Fault::Refuse);
        Kiosk &k = newKiosk(0, {dead.url(), m_proxy->url()});
        const SyncEngine::Outcome o = await(k.engine.runOnce());
        QVERIFY2(o.ok(), qPrintable(o.error));
        QCOMPARE(k.engine.status().server, m_proxy->url().toString());
        QCOMPARE(o.pulled, qint64(kAttendees));
    }

    void revokedDeviceStopsAndKeepsItsQueue()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        const QString deviceId = await(k.store.syncState()).deviceId;
        int status = 0;
        m_admin.call("DELETE", u"/api/v1/devices/%1"_s.arg(deviceId), {}, &status);
        QCOMPARE(status, 200);
        QVERIFY(k.admit(4).recorded);
        k.engine.start();
        QVERIFY(runUntil([&] { return k.engine.status().stopped; }));
        QCOMPARE(k.engine.status().problem, SyncEngine::Problem::Revoked);
        QCOMPARE(k.engine.status().reason, u"device revoked"_s);
        QVERIFY(k.engine.status().detail.toString().contains("enrol it again"_L1));
        QCOMPARE(k.undelivered(), 1);
        m_proxy->clearLog();
        QVERIFY(k.admit(5).recorded);
        runUntil([] { return false; }, 10 * 60'000);
        QCOMPARE(m_proxy->requests().size(), 0); // it stopped asking
        QCOMPARE(k.undelivered(), 2);
    }

    void hangingServerTimesOut()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        QVERIFY(k.admit(1).recorded);
        m_proxy->failNext(Fault::Hang, 1);
        const SyncEngine::Outcome o = await(k.engine.runOnce());
        QVERIFY(!o.ok());
        QCOMPARE(k.engine.status().problem, SyncEngine::Problem::Timeout);
        QCOMPARE(k.engine.status().reason, u"server not answering in time"_s);
        QVERIFY(await(k.engine.runOnce()).ok());
        QCOMPARE(k.undelivered(), 0);
    }

    // The admin area enrols the kiosk again (another server, a new code) while a request to the old
    // server hangs: the new enrolment's preload goes through, whoever waited for the hung cycle
    // hears back, and nothing stays in flight.
    void reEnrolWhileARequestHangs()
    {
        SyncEngine::Options options = Kiosk::options();
        options.requestTimeoutMs = 300'000; // the hang outlasts the test unless the engine lets go
        Kiosk &k = newKiosk(0, {}, options);
        QVERIFY(await(k.engine.runOnce()).ok());
        QVERIFY(k.admit(1).recorded);
        m_proxy->setFault(Fault::Hang);
        const QFuture<SyncEngine::Outcome> hung = k.engine.runOnce();
        QTRY_VERIFY(m_proxy->count(Fault::Hang) > 0);

        FaultProxy other;
        QVERIFY(other.listen(m_server.port()));
        const QString error =
            await(k.engine.enrol({other.url()}, m_admin.enrolmentCode(kEvent), u"door-1 again"_s));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QFuture<SyncEngine::Outcome> preload = k.engine.runOnce();
        QVERIFY2(waitForFinished(preload, 20000), "the preload after enrolling again answers");
        QVERIFY2(preload.result().ok(), qPrintable(preload.result().error));
        QVERIFY2(waitForFinished(hung, 5000), "the cycle that hung answers too");
        QCOMPARE(k.engine.status().server, other.url().toString());
        QCOMPARE(k.engine.status().connection, SyncEngine::Connection::Online);
        QCOMPARE(k.undelivered(), 0);
        QTRY_VERIFY(!k.engine.busy());
        QCOMPARE(m_admin.checkIns(kEvent).size(), 1);
    }

    // The benchmarks and these tests read what the server holds through the admin's feed: a server
    // that sheds that read (503 with Retry-After) is busy, not empty, and is asked again.
    void adminReadOfTheFeedWaitsOutAServerThatSheds()
    {
        Kiosk &k = newKiosk();
        QVERIFY(await(k.engine.runOnce()).ok());
        for (int i = 0; i < 3; ++i)
            QVERIFY(k.admit(i).recorded);
        QVERIFY(await(k.engine.runOnce()).ok());
        AdminClient throughProxy(m_proxy->url(), kAdminToken);
        m_proxy->failNext(Fault::ServiceUnavailable, 2, 1);
        QString error;
        const QHash<QString, QJsonObject> held = throughProxy.checkIns(kEvent, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(held.size(), 3);
        QCOMPARE(m_proxy->answered503(), 2);

        // A server that keeps failing otherwise is reported, not taken for an empty event.
        m_proxy->setFault(Fault::Refuse);
        throughProxy.checkIns(kEvent, &error);
        QVERIFY(!error.isEmpty());
    }

    // stop() ends a cycle under way: whoever waits for it hears "stopped", and a later runOnce()
    // goes through.
    void stopEndsARunningCycle()
    {
        SyncEngine::Options options = Kiosk::options();
        options.requestTimeoutMs = 300'000;
        Kiosk &k = newKiosk(0, {}, options);
        m_proxy->setFault(Fault::Hang);
        const QFuture<SyncEngine::Outcome> hung = k.engine.runOnce();
        QTRY_VERIFY(m_proxy->count(Fault::Hang) > 0);
        k.engine.stop();
        QVERIFY(waitForFinished(hung, 5000));
        QVERIFY(!hung.result().ok());
        m_proxy->setFault(Fault::Pass);
        const QFuture<SyncEngine::Outcome> again = k.engine.runOnce();
        QVERIFY(waitForFinished(again, 20000));
        QVERIFY2(again.result().ok(), qPrintable(again.result().error));
        QCOMPARE(again.result().pulled, qint64(kAttendees));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
