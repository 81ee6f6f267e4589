// Full disk: on a real, small file system (tmpfs) filled to the last byte, a check-in fails with
// a clear error, nothing recorded before is lost, and check-ins work again when space returns.
// Needs root to mount the tmpfs (CI runs as root); elsewhere the test is skipped and says so.
#include "CheckInDesk.h"
#include "LocalStore.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace checkin;
using namespace checkin::test;

class TestFullDisk : public QObject
{
    Q_OBJECT

    QTemporaryDir m_mountPoint;
    bool m_mounted = false;

    // Writes a filler file until the file system says it is full.
    static qint64 fill(const QString &path)
    {
        QFile filler(path);
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Append))
            return 0;
        const QByteArray block(4096, 'x');
        qint64 total = 0;
        for (int i = 0; i < 100'000; ++i) { // bounded: the file system is 3 MiB
            const qint64 n = filler.write(block);
            if (n <= 0 || !filler.flush())
                break;
            total += n;
        }
        // Top up the last partial block byte by byte.
        for (int i = 0; i < 4096; ++i) {
            if (filler.write("x", 1) != 1 || !filler.flush())
                break;
        }
        return total;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP(
                "needs root to mount a small tmpfs; run the suite as root (as CI does) to include this test");
        const int rc =
            QProcess::execute(QStringLiteral("mount"),
                              {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                               QStringLiteral("size=3m"), QStringLiteral("tmpfs"), m_mountPoint.path()});
        if (rc != 0)
            QSKIP("mounting a tmpfs was refused here; this test needs a place where it may mount one");
        m_mounted = true;
    }

    void cleanupTestCase()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {m_mountPoint.path()});
    }

    void checkInFailsCleanlyAndRecovers()
    {
        const QString dataDir = m_mountPoint.filePath(QStringLiteral("kiosk"));
        const QString fillerPath = m_mountPoint.filePath(QStringLiteral("filler.bin"));
        ManualClock clock;
        QStringList recorded;
        {
            LocalStore store(dataDir, &clock);
            QVERIFY(await(store.open()).ok());
            QList<AttendeeCsv::Row> rows;
            for (int i = 0; i < 400; ++i) {
                AttendeeCsv::Row r;
                r.row = i + 2;
                r.firstName = QStringLiteral("Voll");
                r.lastName = QStringLiteral("Platte %1").arg(i);
                r.ticketCode = QStringLiteral("DISK-%1").arg(i);
                rows << r;
            }
            QVERIFY(await(store.importAttendees(rows, QStringLiteral("Full disk"))).error.isEmpty());
            CheckInDesk desk(&store);
            for (int i = 0; i < 5; ++i)
                recorded << await(desk.scan(QStringLiteral("DISK-%1").arg(i))).checkInId;

            QVERIFY(fill(fillerPath) > 0);
            // Check in until the database has to grow and cannot. (The write-ahead log may have room
            // left in pages it already owns: those check-ins are durable and must count.)
            QString error;
            int next = 5;
            for (; next < 400 && error.isEmpty(); ++next) {
                clock.advance(1000);
                const ScanOutcome o = await(desk.scan(QStringLiteral("DISK-%1").arg(next)));
                if (o.error.isEmpty()) {
                    QVERIFY(o.recorded);
                    recorded << o.checkInId;
                } else {
                    error = o.error;
                    QVERIFY(!o.recorded);
                    QVERIFY(o.checkInId.isEmpty());
                }
            }
            QVERIFY2(!error.isEmpty(), "the disk never filled up");
            qInfo("after %lld check-ins: %s", qlonglong(recorded.size()), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("disk is full")), qPrintable(error));
            QVERIFY(error.contains(QLatin1String("nothing was recorded")));
            // It keeps failing cleanly while the disk is full, and reading still works.
            QVERIFY(!await(desk.scan(QStringLiteral("DISK-399"))).error.isEmpty());
            const StoreStats full = await(store.stats());
            QVERIFY2(full.error.isEmpty(), qPrintable(full.error));
            QCOMPARE(full.checkIns, recorded.size());

            // Space returns: the same store carries on.
            QVERIFY(QFile::remove(fillerPath));
            const ScanOutcome again = await(desk.scan(QStringLiteral("DISK-399")));
            QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
            QCOMPARE(again.verdict, Verdict::Admitted);
            recorded << again.checkInId;
        }
        // Nothing recorded is lost, and the database is intact.
        LocalStore reopened(dataDir, &clock);
        QVERIFY(await(reopened.open()).ok());
        const LocalStore::Log log = await(reopened.checkInLog());
        QStringList ids;
        for (const CheckInRecord &r : log.checkIns)
            ids << r.checkIn.id;
        ids.sort();
        recorded.sort();
        QCOMPARE(ids, recorded);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(reopened.databasePath());
        QVERIFY(db.open());
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    }
};

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
