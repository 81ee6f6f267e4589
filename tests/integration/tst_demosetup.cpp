// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The demo (`checkin-kiosk --demo`, the README's first command) on the real services: a local
// checkin-server starts, the kiosk is enrolled and preloaded, and stopping the server from the
// home screen's toolbar shows Offline at once, not at the next pull; starting it again shows Online.
#include "DemoSetup.h"
#include "KioskServices.h"
#include "LocalStore.h"
#include "StatusModel.h"
#include "SyncEngine.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using checkin::ui::KioskServices;

class TestDemoSetup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stoppingTheServerShowsOfflineAtOnce()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        KioskServices::Options options;
        options.peersEnabled = false; // no announcements or listening port from a test
        options.dataDir = dir.filePath(QStringLiteral("kiosk"));
        options.serverBinary = QStringLiteral(CHECKIN_SERVER_PATH);
        options.demoServerDir = dir.filePath(QStringLiteral("server"));
        KioskServices services(options);
        QSignalSpy opened(&services, &KioskServices::opened);
        services.start();
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.constFirst().constFirst().toString(), QString());

        ui::DemoSetup &demo = services.demo();
        QTRY_VERIFY2_WITH_TIMEOUT(demo.ready() || !demo.error().isEmpty(), qPrintable(demo.phase()), 90000);
        QVERIFY2(demo.error().isEmpty(), qPrintable(demo.error()));
        QVERIFY(demo.serverRunning());
        SyncEngine &engine = services.syncEngine();
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().connection, SyncEngine::Connection::Online, 20000);
        QCOMPARE(services.status().connection(), ui::StatusModel::Connection::Online);

        // The next pull is up to 15 s away: Offline must not wait for it.
        QElapsedTimer took;
        took.start();
        demo.stopServer();
        QTRY_VERIFY_WITH_TIMEOUT(!demo.serverRunning() && !demo.serverBusy(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().connection, SyncEngine::Connection::Offline, 3000);
        QCOMPARE(services.status().connection(), ui::StatusModel::Connection::Offline);
        QCOMPARE(engine.status().problem, SyncEngine::Problem::Unreachable);
        qInfo("Offline shown %lld ms after the stop was asked for", took.elapsed());

        took.restart();
        demo.startServer();
        QTRY_VERIFY_WITH_TIMEOUT(demo.serverRunning(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(engine.status().connection, SyncEngine::Connection::Online, 5000);
        QCOMPARE(engine.status().problem, SyncEngine::Problem::None);
        qInfo("Online again %lld ms after the start was asked for", took.elapsed());
    }
};

QTEST_MAIN(TestDemoSetup)
#include "tst_demosetup.moc"
