// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// AdminController: the check-in log exported off the UI thread (whole files only), what the last
// export held kept in the exports folder, and the wipe rule that uses it, also after a restart.
#include "AdminController.h"
#include "CheckInDesk.h"
#include "ExportMemo.h"
#include "ScriptedNetwork.h"
#include "StoreFixture.h"
#include "SyncEngine.h"
#include "SyncScheduler.h"
#include "SyncSettings.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTranslator>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::AdminController;
using checkin::ui::ExportMemo;

class TestAdminController : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    ManualScheduler *scheduler = nullptr;
    SyncEngine *engine = nullptr;
    CheckInDesk *desk = nullptr;

    AdminController *controller() { return new AdminController(f->store.get(), engine, &f->clock); }
    QString exportDir() const { return QDir(f->dir.path()).filePath(QStringLiteral("exports")); }
    QString memoPath() const { return QDir(exportDir()).filePath(ExportMemo::FileName); }
    QString stampedPath() const
    {
        return QDir(exportDir())
            .filePath(QStringLiteral("checkins-%1.csv")
                          .arg(QDateTime::fromMSecsSinceEpoch(f->clock.nowMs())
                                   .toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    }
    bool checkIn(const QString &query)
    {
        const QString id = await(f->store->search(query)).attendees.value(0).attendee.id;
        return await(desk->checkInAttendee(id)).recorded;
    }
    // Exports and waits; the path written, empty when it failed.
    static QString exportNow(AdminController &admin)
    {
        QSignalSpy exported(&admin, &AdminController::exported);
        admin.exportCheckIns();
        if (!admin.exporting() || !exported.wait(20000))
            return QStringLiteral("<no answer>");
        return exported.constFirst().constFirst().toString();
    }
    // Asks for a wipe and waits for the answer: "Confirm" or "Refused" (the state's name).
    static QString askWipe(AdminController &admin)
    {
        admin.requestWipe();
        if (admin.wipeState() != ui::AdminController::WipeState::Checking)
            return QStringLiteral("<not checking>");
        QSignalSpy changed(&admin, &AdminController::wipeChanged);
        while (admin.wipeState() == ui::AdminController::WipeState::Checking && changed.wait(20000)) {
        }
        return QString::fromLatin1(
            QMetaEnum::fromType<AdminController::WipeState>().valueToKey(int(admin.wipeState())));
    }

    QTranslator m_english;

private Q_SLOTS:
    void initTestCase()
    {
        // The app's English, as Translations installs it: the plural forms ("1 check-in has").
        QVERIFY(m_english.load(QStringLiteral(":/i18n/kiosk_en.qm")));
        QCoreApplication::installTranslator(&m_english);
    }
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        scheduler = new ManualScheduler;
        engine = new SyncEngine(f->store.get(), scheduler, {});
        QVERIFY(!engine->load()); // never enrolled: every check-in stays undelivered
        desk = new CheckInDesk(f->store.get());
    }
    void cleanup()
    {
        delete desk;
        delete engine;
        delete scheduler;
        delete f;
    }

    void exportWritesTheLogAndWhatItHeld()
    {
        QVERIFY(checkIn(QStringLiteral("anna müller")));
        f->clock.advance(1000);
        QVERIFY(checkIn(QStringLiteral("peter")));
        std::unique_ptr<AdminController> admin(controller());
        QVERIFY(!admin->exporting());
        const QString path = exportNow(*admin);
        QCOMPARE(path, stampedPath());
        QVERIFY(!admin->exporting());
        QVERIFY(!admin->exportFailed());
        QVERIFY(admin->exportMessage().startsWith(QStringLiteral("2 check-ins exported to ")));

        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBF"
                                       "id,hlc,at,kind"));
        QCOMPARE(lines.size(), 4); // header, two check-ins, the empty rest after the last line break
        QVERIFY(lines.at(2).contains("Peter Mueller"));

        const LocalStore::Log log = await(f->store->checkInLog());
        const ExportMemo memo = ExportMemo::load(exportDir());
        QVERIFY(memo.known());
        QCOMPARE(memo.path, path);
        QCOMPARE(memo.checkIns, 2);
        QCOMPARE(memo.lastId, log.checkIns.constLast().checkIn.id);
        QCOMPARE(memo.atMs, f->clock.nowMs());
        // Nothing else: no temporary file left behind.
        QCOMPARE(QDir(exportDir()).entryList(QDir::Files | QDir::Hidden),
                 QStringList({QFileInfo(path).fileName(), ExportMemo::FileName}));
    }

    void wipeRuleSurvivesARestart()
    {
        QVERIFY(checkIn(QStringLiteral("anna müller")));
        {
            std::unique_ptr<AdminController> admin(controller());
            QCOMPARE(askWipe(*admin), QStringLiteral("Refused"));
            QVERIFY(admin->wipeMessage().contains(QStringLiteral("1 check-in has not reached the server")));
            QVERIFY(!exportNow(*admin).isEmpty());
            QCOMPARE(askWipe(*admin), QStringLiteral("Confirm"));
            admin->cancelWipe();
        }
        // The app starts again: the export of the last session still counts.
        {
            std::unique_ptr<AdminController> admin(controller());
            QCOMPARE(askWipe(*admin), QStringLiteral("Confirm"));
            admin->cancelWipe();
            // A check-in after the export: it is not in the file, so no wipe.
            f->clock.advance(60'000);
            QVERIFY(checkIn(QStringLiteral("peter")));
            QCOMPARE(askWipe(*admin), QStringLiteral("Refused"));
            QVERIFY(admin->wipeMessage().contains(QStringLiteral("newer than the last export")));
        }
        {
            std::unique_ptr<AdminController> admin(controller());
            QCOMPARE(askWipe(*admin), QStringLiteral("Refused"));
            f->clock.advance(1000);
            QVERIFY(!exportNow(*admin).isEmpty());
        }
        std::unique_ptr<AdminController> admin(controller());
        QCOMPARE(askWipe(*admin), QStringLiteral("Confirm"));
    }

    void aDamagedMemoCountsAsNoExport()
    {
        QVERIFY(checkIn(QStringLiteral("anna müller")));
        QVERIFY(QDir().mkpath(exportDir()));
        QFile memo(memoPath());
        QVERIFY(memo.open(QIODevice::WriteOnly));
        memo.write("{\"checkIns\": ");
        memo.close();
        std::unique_ptr<AdminController> admin(controller());
        QCOMPARE(askWipe(*admin), QStringLiteral("Refused"));
    }

    void aFailedExportSaysWhyAndWritesNothing()
    {
        QVERIFY(checkIn(QStringLiteral("anna müller")));
        std::unique_ptr<AdminController> admin(controller());
        const QString first = exportNow(*admin);
        QVERIFY(!first.isEmpty());
        const QByteArray memoBefore = [this] {
            QFile file(memoPath());
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();

        // The next file's name is taken by a folder: the file cannot be written.
        f->clock.advance(5000);
        QVERIFY(checkIn(QStringLiteral("peter")));
        QVERIFY(QDir().mkpath(stampedPath()));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not be saved")));
        QCOMPARE(exportNow(*admin), QString());
        QVERIFY(admin->exportFailed());
        QVERIFY2(
            admin->exportMessage().startsWith(QStringLiteral("The check-in log could not be saved as %1: ")
                                                  .arg(QDir::toNativeSeparators(stampedPath()))),
            qPrintable(admin->exportMessage()));
        QVERIFY(admin->exportMessage().contains(QStringLiteral("Nothing was written")));
        // The memo still describes the first export, which does not hold Peter: no wipe.
        QFile memo(memoPath());
        QVERIFY(memo.open(QIODevice::ReadOnly));
        QCOMPARE(memo.readAll(), memoBefore);
        QCOMPARE(askWipe(*admin), QStringLiteral("Refused"));
        QCOMPARE(QDir(exportDir()).entryList(QDir::Files | QDir::Hidden),
                 QStringList({QFileInfo(first).fileName(), ExportMemo::FileName}));

        // The exports folder cannot be made at all.
        QVERIFY(QDir(exportDir()).removeRecursively());
        QFile blocker(exportDir());
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Cannot create the folder")));
        QCOMPARE(exportNow(*admin), QString());
        QVERIFY(admin->exportMessage().startsWith(QStringLiteral("Cannot create the folder")));
    }

    void wipeForgetsTheExportAndLogsIt()
    {
        QVERIFY(checkIn(QStringLiteral("anna müller")));
        std::unique_ptr<AdminController> admin(controller());
        const QString path = exportNow(*admin);
        QCOMPARE(askWipe(*admin), QStringLiteral("Confirm"));
        QSignalSpy wiped(admin.get(), &AdminController::wiped);
        admin->wipe();
        QVERIFY(wiped.wait(20000));
        QCOMPARE(admin->wipeState(), ui::AdminController::WipeState::None);
        QVERIFY(QFile::exists(path)); // exports stay
        QVERIFY(!QFile::exists(memoPath()));
        QFile log(QDir(f->dir.path()).filePath(QStringLiteral("wipe-log.txt")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains(QDir::toNativeSeparators(path).toUtf8()));
        QCOMPARE(await(f->store->stats()).attendees, 0);
    }

    // --- How long data stays (docs/security.md) ---

    // The engine enrolled on a scripted server that says the lead revoked this device.
    void revokeByTheLead()
    {
        delete engine;
        Event event = StoreFixture::serverEvent();
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people())).error.isEmpty());
        QString error;
        const SyncSettings settings{{QUrl(QStringLiteral("http://a.test:8080"))},
                                    QStringLiteral("Door 1"),
                                    QStringLiteral("token-1")};
        QVERIFY(settings.save(f->dir.path(), &error));
        SyncEngine::Options options;
        options.network = [](QObject *parent) {
            auto *net = new ScriptedNetwork(parent);
            net->setScript([](const ScriptedNetwork::Request &) {
                return ScriptedNetwork::Answer::json(
                    401, "{\"error\":{\"code\":\"device_revoked\",\"message\":\"Revoked.\"}}");
            });
            return net;
        };
        engine = new SyncEngine(f->store.get(), scheduler, options);
        QVERIFY(engine->load());
    }

    // Undelivered check-ins: the data stays until they are exported, then goes by itself (the
    // export stays: the only copy).
    void aRevokedKioskForgetsOnceNothingIsLost()
    {
        revokeByTheLead();
        QVERIFY(checkIn(QStringLiteral("anna müller")));
        std::unique_ptr<AdminController> admin(controller());
        QSignalSpy wiped(admin.get(), &AdminController::wiped);
        engine->runOnce();
        QTRY_VERIFY(engine->status().revokedByLead);
        QTRY_VERIFY(admin->forgetMessage().contains(QStringLiteral("revoked")));
        QCOMPARE(wiped.size(), 0);
        QCOMPARE(await(f->store->stats()).attendees, StoreFixture::people().size());

        const QString path = exportNow(*admin); // and the kiosk wipes itself right after it
        QVERIFY(wiped.wait(20000));
        QCOMPARE(await(f->store->stats()).attendees, 0);
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFileInfo::exists(QDir(f->dir.path()).filePath(QStringLiteral("sync.json"))));
        QFile log(QDir(f->dir.path()).filePath(QStringLiteral("wipe-log.txt")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("the event lead revoked this device"));
    }

    // Nothing undelivered: it goes at once, and the exports with it (copies of what the server has).
    void aRevokedKioskWithNothingUndeliveredForgetsAtOnce()
    {
        revokeByTheLead();
        std::unique_ptr<AdminController> admin(controller());
        const QString path = exportNow(*admin); // an export of an empty log, as a stand-in
        QVERIFY(QFile::exists(path));
        QSignalSpy wiped(admin.get(), &AdminController::wiped);
        engine->runOnce();
        QVERIFY(wiped.wait(20000));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(await(f->store->stats()).attendees, 0);
    }

    // data-expiry-days after the event's end, and only then.
    void dataExpiresAfterTheEvent()
    {
        Event event = StoreFixture::serverEvent();
        event.startsAtMs = f->clock.nowMs() - 3 * 86'400'000LL;
        event.endsAtMs = f->clock.nowMs() - 2 * 86'400'000LL;
        QVERIFY(
            await(f->store->adoptEnrolment(event, QStringLiteral("dev-1"), QStringLiteral("Door 1"))).ok());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people())).error.isEmpty());
        std::unique_ptr<AdminController> admin(controller());
        QSignalSpy wiped(admin.get(), &AdminController::wiped);
        admin->setDataExpiry(3 * 86'400'000LL); // three days after the end: not yet
        QTest::qWait(300);
        QCOMPARE(wiped.size(), 0);
        QVERIFY(await(f->store->stats()).attendees > 0);
        f->clock.advance(86'400'000LL + 1000);
        admin->forgetIfDue();
        QVERIFY(wiped.wait(20000));
        QCOMPARE(await(f->store->stats()).attendees, 0);
        QFile log(QDir(f->dir.path()).filePath(QStringLiteral("wipe-log.txt")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("3 days after the event"));
    }
};

QTEST_GUILESS_MAIN(TestAdminController)
#include "tst_admincontroller.moc"
