// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SetupController and the admin area's wipe: enrol and preload against a real checkin-server,
// the engine's sentences when it goes wrong, a CSV import with and without errors, and a wipe that
// is refused while check-ins are undelivered and not exported, then leaves a kiosk that needs setup.
#include "AdminClient.h"
#include "AdminController.h"
#include "CheckInDesk.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SetupController.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;
using checkin::ui::AdminController;
using checkin::ui::SetupController;

namespace {

const QString kAdminToken = u"setup-test-admin-token"_s;
const QString kEvent = u"ev-setup"_s;
constexpr int kAttendees = 40;

// One kiosk as KioskServices wires it, on a fresh data directory.
struct Kiosk
{
    Kiosk()
        : store(dir.path(), &clock)
        , desk(&store)
        , engine(&store, &scheduler, options())
        , setup(&store, &engine)
        , admin(&store, &engine, &clock)
    {
        const StoreStatus opened = await(store.open());
        if (!opened.ok())
            qFatal("store: %s", qPrintable(opened.error));
    }
    static SyncEngine::Options options()
    {
        SyncEngine::Options o;
        o.version = u"test"_s;
        o.requestTimeoutMs = 5000;
        return o;
    }
    // Runs check() and waits for its answer.
    bool needed()
    {
        int answers = 0;
        const QMetaObject::Connection c =
            QObject::connect(&setup, &SetupController::neededChanged, [&answers] { ++answers; });
        setup.check();
        const bool answered = QTest::qWaitFor([&answers] { return answers > 0; }, 10000);
        QObject::disconnect(c);
        if (!answered)
            qFatal("check() did not answer");
        return setup.needed();
    }
    // Waits until nothing is under way.
    bool idle()
    {
        return QTest::qWaitFor([this] { return !setup.busy(); }, 20000);
    }

    QTemporaryDir dir;
    SystemClock clock;
    ManualScheduler scheduler{QDateTime::currentMSecsSinceEpoch()};
    LocalStore store;
    CheckInDesk desk;
    SyncEngine engine;
    SetupController setup;
    AdminController admin;
};

QString fixturePath(const QString &relative)
{
    return QDir(dataDir()).filePath(relative);
}

} // namespace

class TestSetupController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    ServerProcess m_server;
    AdminClient m_admin{{}, kAdminToken};
    QTranslator m_english;

private Q_SLOTS:
    void initTestCase()
    {
        // The app's English, as Translations installs it: the plural forms ("1 check-in has").
        QVERIFY(m_english.load(u":/i18n/kiosk_en.qm"_s));
        QCoreApplication::installTranslator(&m_english);
        ServerProcess::Options options;
        options.adminToken = kAdminToken;
        options.logDir = m_serverDir.path();
        const QString error = m_server.start(QStringLiteral(CHECKIN_SERVER_PATH),
                                             {u"--db"_s, u"sqlite:%1/server.sqlite"_s.arg(m_serverDir.path()),
                                              u"--data-dir"_s, m_serverDir.path()},
                                             options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin.setBase(m_server.url());
        int status = 0;
        m_admin.call("POST", u"/api/v1/events"_s, {{"id"_L1, kEvent}, {"name"_L1, u"Setup test"_s}}, &status);
        QCOMPARE(status, 201);
        QJsonArray list;
        for (int i = 0; i < kAttendees; ++i)
            list.append(QJsonObject{{"id"_L1, u"a-%1"_s.arg(i)},
                                    {"ticket_code"_L1, u"SETUP-%1"_s.arg(i)},
                                    {"first_name"_L1, u"First%1"_s.arg(i)},
                                    {"last_name"_L1, u"Last%1"_s.arg(i)},
                                    {"status"_L1, u"valid"_s}});
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent), {{"attendees"_L1, list}}, &status);
        QCOMPARE(status, 200);
    }

    void cleanupTestCase() { m_server.stop(); }

    void freshKioskNeedsSetup()
    {
        Kiosk k;
        QVERIFY(!k.setup.checked());
        QVERIFY(k.needed());
        QVERIFY(k.setup.checked());
    }

    void enrolRefusesBadInput_data()
    {
        QTest::addColumn<QString>("servers");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no server") << QString() << u"CODE"_s << u"server"_s;
        QTest::newRow("not http") << u"ftp://example.org"_s << u"CODE"_s << u"ftp://example.org"_s;
        QTest::newRow("no code") << u"http://127.0.0.1:9"_s << QString() << u"code"_s;
    }
    void enrolRefusesBadInput()
    {
        QFETCH(QString, servers);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        Kiosk k;
        k.setup.enrol(servers, code, u"Door"_s);
        QVERIFY(!k.setup.busy());
        QVERIFY2(k.setup.error().contains(mentions, Qt::CaseInsensitive), qPrintable(k.setup.error()));
    }

    void enrolWithWrongCodeSaysWhy()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.enrol(m_server.url().toString(), u"NOT-A-CODE"_s, u"Door"_s);
        QVERIFY(k.idle());
        QVERIFY(!k.setup.error().isEmpty());
        QVERIFY2(k.setup.error().endsWith(QLatin1Char('.')), qPrintable(k.setup.error())); // a sentence
        QCOMPARE(finished.size(), 0);
        QVERIFY(k.needed());
    }

    void enrolAndPreload()
    {
        Kiosk k;
        QVERIFY(k.needed());
        QSignalSpy finished(&k.setup, &SetupController::finished);
        QSignalSpy progress(&k.setup, &SetupController::progressChanged);
        QList<SetupController::Phase> seen;
        connect(&k.setup, &SetupController::phaseChanged, this, [&] { seen << k.setup.phase(); });
        // A dead URL first: the engine moves on to the next.
        k.setup.enrol(u"http://127.0.0.1:9, %1"_s.arg(m_server.url().toString()),
                      m_admin.enrolmentCode(kEvent), u"Front door"_s);
        QVERIFY(finished.wait(30000));
        QVERIFY2(k.setup.error().isEmpty(), qPrintable(k.setup.error()));
        QVERIFY(seen.contains(SetupController::Phase::Enrolling) &&
                seen.contains(SetupController::Phase::Preloading));
        QVERIFY(progress.size() > 0);
        QCOMPARE(k.setup.done(), qint64(kAttendees));
        QVERIFY(!k.setup.needed());
        QVERIFY(k.setup.result().contains(m_server.url().toString()));
        const StoreStats stats = await(k.store.stats());
        QCOMPARE(stats.event.id, kEvent);
        QCOMPARE(stats.attendees, kAttendees);
        QCOMPARE(stats.deviceName, u"Front door"_s);
        QVERIFY(!k.needed()); // and so on the next start
    }

    void enrolFromAScannedPayload()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        // What is not a payload stays in the field it was typed into.
        QVERIFY(!k.setup.enrolFromScan(u"ABCD-2345"_s, u"Door"_s));
        QVERIFY(k.setup.error().isEmpty());
        // A payload from a newer server says so, and enrols nothing.
        QVERIFY(k.setup.enrolFromScan(u"checkin:enrol?v=9&code=A&server=http%3A%2F%2F127.0.0.1%3A9"_s,
                                      u"Door"_s));
        QVERIFY2(k.setup.error().contains(u"newer"_s), qPrintable(k.setup.error()));
        QVERIFY(!k.setup.busy());
        // The console's payload, as the barcode scanner types it (a line feed at the end).
        const QJsonObject code = m_admin.call("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(kEvent));
        const QString payload = code.value("payload"_L1).toString();
        QVERIFY2(payload.startsWith(u"checkin:enrol?"_s), qPrintable(payload));
        QVERIFY(k.setup.enrolFromScan(payload + u"\n"_s, u"Scanned door"_s));
        QVERIFY(finished.wait(30000));
        QVERIFY2(k.setup.error().isEmpty(), qPrintable(k.setup.error()));
        const StoreStats stats = await(k.store.stats());
        QCOMPARE(stats.event.id, kEvent);
        QCOMPARE(stats.deviceName, u"Scanned door"_s);
    }

    // checkin-kiosk --enrol PAYLOAD on a kiosk that is already enrolled: the setup screen shows
    // with the payload's fate; a bad one leaves the old enrolment and a way back to the door.
    void enrolAtStartOnAnEnrolledKiosk()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.enrol(m_server.url().toString(), m_admin.enrolmentCode(kEvent), u"Door A"_s);
        QVERIFY(finished.wait(30000));
        QVERIFY(!k.needed());
        QVERIFY(!k.setup.canLeave()); // nothing to leave: the door is up
        const QString deviceBefore = await(k.store.stats()).deviceId;

        // A payload without a code: the screen shows why, and the door is one tap away.
        k.setup.enrolAtStart(u"checkin:enrol?v=1&event=x&server=http%3A%2F%2F127.0.0.1%3A9"_s);
        QVERIFY(k.setup.needed());
        QVERIFY2(!k.setup.error().isEmpty(), "no message for a malformed payload");
        QVERIFY(!k.setup.busy());
        QVERIFY(k.needed()); // a check() meanwhile keeps the screen up
        QVERIFY(k.setup.canLeave());
        k.setup.leave();
        QVERIFY(!k.setup.needed());
        QVERIFY(k.setup.error().isEmpty());
        QVERIFY(k.engine.settings().enrolled());

        // A used code: the server's sentence, the old enrolment holds.
        const QJsonObject used = m_admin.call("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(kEvent));
        Kiosk other;
        QSignalSpy otherFinished(&other.setup, &SetupController::finished);
        QVERIFY(other.setup.enrolFromScan(used.value("payload"_L1).toString(), u"Other"_s));
        QVERIFY(otherFinished.wait(30000));
        k.setup.enrolAtStart(used.value("payload"_L1).toString());
        QVERIFY(k.idle());
        QVERIFY2(!k.setup.error().isEmpty(), "no message for a used code");
        QVERIFY(k.setup.needed() && k.setup.canLeave());
        QVERIFY(k.engine.settings().enrolled());

        // A good one enrols again, keeps the kiosk's name, and goes back to the door.
        const QJsonObject good = m_admin.call("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(kEvent));
        k.setup.enrolAtStart(good.value("payload"_L1).toString());
        QVERIFY(finished.wait(30000));
        QVERIFY2(k.setup.error().isEmpty(), qPrintable(k.setup.error()));
        QVERIFY(!k.setup.needed());
        const StoreStats after = await(k.store.stats());
        QCOMPARE(after.deviceName, u"Door A"_s);
        QVERIFY(after.deviceId != deviceBefore);
    }

    // /etc/checkin-kiosk/kiosk.conf's server address and kiosk name reach the setup form.
    void presetsFromTheConfigFile()
    {
        Kiosk k;
        QVERIFY(!k.setup.defaultDeviceName().isEmpty()); // the host's name
        k.setup.setPresets(u" https://a.example.org, https://b.example.org "_s, u" Door 7 "_s);
        QCOMPARE(k.setup.presetServers(), u"https://a.example.org, https://b.example.org"_s);
        QCOMPARE(k.setup.defaultDeviceName(), u"Door 7"_s);
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.enrol(m_server.url().toString(), m_admin.enrolmentCode(kEvent), QString());
        QVERIFY(finished.wait(30000));
        QCOMPARE(await(k.store.stats()).deviceName, u"Door 7"_s);
    }

    void importShowsRowErrors()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.importFile(fixturePath(u"csv/malformed/missing_name.csv"_s), QString());
        QVERIFY(k.idle());
        QCOMPARE(finished.size(), 0);
        QVERIFY(!k.setup.error().isEmpty());
        QVERIFY(!k.setup.rowErrors().isEmpty());
        QVERIFY2(k.setup.rowErrors().constFirst().startsWith(u"Row 5: "_s),
                 qPrintable(k.setup.rowErrors().join(u"; "_s)));
        QCOMPARE(await(k.store.stats()).attendees, 0); // all or nothing
        QVERIFY(k.needed());
    }

    void importMissingFile()
    {
        Kiosk k;
        const QString path = k.dir.filePath(u"nowhere.csv"_s);
        k.setup.importFile(path, QString());
        QVERIFY(!k.setup.busy());
        QVERIFY2(k.setup.error().contains(QDir::toNativeSeparators(path)), qPrintable(k.setup.error()));
    }

    void importThenHome()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.importFile(QUrl::fromLocalFile(fixturePath(u"csv/pretix_orders_de.csv"_s)).toString(),
                           u"Sommerfest"_s);
        QVERIFY(finished.wait(20000));
        QVERIFY2(k.setup.error().isEmpty(), qPrintable(k.setup.error()));
        const StoreStats stats = await(k.store.stats());
        QCOMPARE(stats.event.name, u"Sommerfest"_s);
        QVERIFY(stats.attendees > 0);
        QVERIFY2(k.setup.result().contains(u"Sommerfest"_s), qPrintable(k.setup.result()));
        QVERIFY(!k.needed());
    }

    void wipeRefusedUntilExported()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.importFile(fixturePath(u"csv/pretix_orders_de.csv"_s), u"Sommerfest"_s);
        QVERIFY(finished.wait(20000));
        const LocalStore::States people = await(k.store.attendeeStates());
        QVERIFY(!people.attendees.isEmpty());
        QVERIFY(await(k.desk.checkInAttendee(people.attendees.constFirst().attendee.id)).recorded);

        auto settle = [&] {
            return QTest::qWaitFor([&] {
                return k.admin.wipeState() != ui::AdminController::WipeState::Checking &&
                       k.admin.wipeState() != ui::AdminController::WipeState::Wiping;
            });
        };
        k.admin.requestWipe();
        QVERIFY(settle());
        QCOMPARE(k.admin.wipeState(), ui::AdminController::WipeState::Refused);
        QVERIFY2(k.admin.wipeMessage().startsWith(u"1 check-in has not reached the server"_s),
                 qPrintable(k.admin.wipeMessage()));
        k.admin.wipe(); // not confirmed: nothing happens
        QCOMPARE(await(k.store.stats()).checkIns, 1);

        QSignalSpy exported(&k.admin, &AdminController::exported);
        k.admin.exportCheckIns();
        QVERIFY(exported.wait(10000));
        QVERIFY(!exported.constFirst().constFirst().toString().isEmpty());
        k.admin.requestWipe();
        QVERIFY(settle());
        QCOMPARE(k.admin.wipeState(), ui::AdminController::WipeState::Confirm);

        // A check-in after the export: the export no longer covers the queue.
        QVERIFY(await(k.desk.checkInAttendee(people.attendees.constFirst().attendee.id, CheckInKind::Exit))
                    .recorded);
        k.admin.wipe();
        QVERIFY(settle());
        QCOMPARE(k.admin.wipeState(), ui::AdminController::WipeState::Refused);
        QVERIFY2(k.admin.wipeMessage().contains(u"newer than the last export"_s),
                 qPrintable(k.admin.wipeMessage()));

        k.admin.exportCheckIns();
        QVERIFY(exported.wait(10000));
        k.admin.requestWipe();
        QVERIFY(settle());
        QCOMPARE(k.admin.wipeState(), ui::AdminController::WipeState::Confirm);
        const QString oldDevice = await(k.store.stats()).deviceId;
        QSignalSpy wiped(&k.admin, &AdminController::wiped);
        k.admin.wipe();
        QVERIFY(wiped.wait(10000));
        const StoreStats after = await(k.store.stats());
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        QVERIFY(after.event.id.isEmpty());
        QCOMPARE(after.attendees, 0);
        QCOMPARE(after.checkIns, 0);
        QVERIFY(after.deviceId != oldDevice);
        QVERIFY(await(k.store.search(u"a"_s)).attendees.isEmpty());
        QVERIFY(QDir(k.admin.exportDir()).entryList(QDir::Files).size() >= 1); // exports stay
        QVERIFY(k.needed());
    }

    void wipeRemovesEnrolment()
    {
        Kiosk k;
        QSignalSpy finished(&k.setup, &SetupController::finished);
        k.setup.enrol(m_server.url().toString(), m_admin.enrolmentCode(kEvent), u"Side door"_s);
        QVERIFY(finished.wait(30000));
        QVERIFY(k.engine.settings().enrolled());
        QVERIFY(QFile::exists(k.dir.filePath(u"device-token"_s)));
        k.admin.requestWipe(); // nothing undelivered: allowed at once
        QVERIFY(QTest::qWaitFor(
            [&] { return k.admin.wipeState() == ui::AdminController::WipeState::Confirm; }, 10000));
        QSignalSpy wiped(&k.admin, &AdminController::wiped);
        k.admin.wipe();
        QVERIFY(wiped.wait(10000));
        QVERIFY(!QFile::exists(k.dir.filePath(u"device-token"_s)));
        QVERIFY(!QFile::exists(k.dir.filePath(u"sync.json"_s)));
        QVERIFY(!k.engine.settings().enrolled());
        QCOMPARE(k.engine.status().problem, SyncEngine::Problem::NotEnrolled);
        QVERIFY(k.needed());
    }
};

QTEST_GUILESS_MAIN(TestSetupController)
#include "tst_setupcontroller.moc"
