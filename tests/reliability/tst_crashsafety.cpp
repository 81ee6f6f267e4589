// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Crash safety: check-ins run in a child process that is killed with SIGKILL at random moments,
// 200 times. Afterwards every check-in whose verdict was printed exists exactly once, the stored
// statuses and attendee states are exactly what the rules derive (no partial state), and SQLite's
// integrity check passes. (SIGKILL kills the process, not the machine: this proves atomicity of
// each check-in; power loss is covered by synchronous=FULL, which this test cannot cut.)
#include "CheckInRules.h"
#include "KioskDatabase.h"
#include "LocalStore.h"
#include "StoreRows.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <random>

using namespace checkin;
using namespace checkin::test;

class TestCrashSafety : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_codesFile;

    void prepare()
    {
        const QString dataDir = m_dir.filePath(QStringLiteral("kiosk"));
        ManualClock clock;
        LocalStore store(dataDir, &clock);
        QVERIFY(await(store.open()).ok());
        QList<AttendeeCsv::Row> rows;
        QStringList codes;
        for (int i = 0; i < 60; ++i) {
            AttendeeCsv::Row r;
            r.row = i + 2;
            r.firstName = QStringLiteral("Person");
            r.lastName = QStringLiteral("Nummer %1").arg(i);
            r.ticketCode = QStringLiteral("CODE-%1").arg(i);
            r.status = i % 10 == 9 ? TicketStatus::Cancelled : TicketStatus::Valid;
            rows << r;
            codes << r.ticketCode;
        }
        codes << QStringLiteral("UNKNOWN-1");
        QVERIFY(await(store.importAttendees(rows, QStringLiteral("Crash test"))).error.isEmpty());
        m_codesFile = m_dir.filePath(QStringLiteral("codes.txt"));
        QFile f(m_codesFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(codes.join(QLatin1Char('\n')).toUtf8());
    }

private Q_SLOTS:
    void survivesSigkillAnywhere()
    {
        prepare();
        const QString dataDir = m_dir.filePath(QStringLiteral("kiosk"));
        const QString child = QStringLiteral(CRASH_CHILD_PATH);
        std::mt19937 random(4242);
        QSet<QString> printed;
        int kills = 0;
        int killedBeforeReady = 0;
        for (int run = 0; run < 200; ++run) {
            QProcess p;
            p.start(child, {dataDir, m_codesFile, QString::number(run)});
            QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
            // Kill at a random moment: every other run during start-up or while opening (within 60 ms
            // of the start, whatever this machine's speed), the others in the middle of check-ins
            // (within 60 ms of "ready"), so that both phases are hit however long opening takes.
            if (run % 2 == 1)
                p.waitForReadyRead(10'000);
            QThread::usleep(random() % 60'000);
            if (p.state() == QProcess::Running) {
                ::kill(pid_t(p.processId()), SIGKILL);
                ++kills;
            }
            QVERIFY(p.waitForFinished(10'000));
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            if (!out.startsWith(QLatin1String("ready")))
                ++killedBeforeReady;
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(!err.contains(QLatin1String("error:")), qPrintable(err));
            for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
                if (line.startsWith(QLatin1String("R "))) {
                    const QString id = line.mid(2);
                    QVERIFY2(!printed.contains(id), "the same id was printed twice");
                    printed.insert(id);
                }
            }
        }
        qInfo("%d runs killed (%d before the store was open), %lld check-ins printed", kills,
              killedBeforeReady, qlonglong(printed.size()));
        QVERIFY(kills >= 150);
        QVERIFY(printed.size() > 200);

        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("verify"));
        useKioskDatabase(db, dataDir + QStringLiteral("/kiosk.sqlite"));
        QVERIFY(db.open());
        QSet<QString> stored;
        {
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));

            // Every printed check-in exists exactly once; at most one unprinted per kill.
            QVERIFY(q.exec(QStringLiteral("SELECT id, COUNT(*) FROM checkins GROUP BY id")));
            while (q.next()) {
                QCOMPARE(q.value(1).toInt(), 1);
                stored.insert(q.value(0).toString());
            }
            for (const QString &id : std::as_const(printed))
                QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("printed but missing: ") + id));
            QVERIFY(stored.size() - printed.size() <= kills);

            // No partial state: stored statuses and attendee states are what the rules derive.
            QVERIFY(q.exec(QStringLiteral("SELECT %1 FROM attendees").arg(StoreRows::attendeeColumns())));
            int checkedAttendees = 0;
            while (q.next()) {
                const AttendeeView view = StoreRows::attendeeView(q);
                QSqlQuery c(db);
                c.prepare(QStringLiteral("SELECT %1 FROM checkins WHERE attendee_id = ?")
                              .arg(StoreRows::checkInColumns()));
                c.addBindValue(view.attendee.id);
                QVERIFY(c.exec());
                QList<CheckIn> checkIns;
                QList<CheckInRecord> records;
                while (c.next()) {
                    records << StoreRows::checkInRecord(c);
                    checkIns << records.last().checkIn;
                }
                const Derivation d = derive(&view.attendee, checkIns);
                QCOMPARE(view.inside, d.state.inside);
                QCOMPARE(view.insideDeviceId, d.state.deviceId);
                for (const CheckInRecord &r : std::as_const(records)) {
                    const Classification &expected = d.byId.value(r.checkIn.id);
                    QCOMPARE(r.classification.status, expected.status);
                    QCOMPARE(r.classification.first, expected.first);
                    QCOMPARE(r.classification.undoneBy, expected.undoneBy);
                }
                ++checkedAttendees;
            }
            QCOMPARE(checkedAttendees, 60);
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("verify"));

        // And the store still opens and works.
        SystemClock clock;
        LocalStore store(dataDir, &clock);
        QVERIFY(await(store.open()).ok());
        QCOMPARE(await(store.stats()).checkIns, int(stored.size()));
        ScanRequest r;
        r.code = QStringLiteral("CODE-0");
        QVERIFY(await(store.checkIn(r)).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
