// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Privacy at rest (docs/security.md, "A stolen tablet"): a kiosk's data directory, copied after a
// preload of 2,000 attendees and a morning of check-ins, holds none of their names, companies,
// e-mails or notes (GNU grep over every file); a database from an older version is encrypted in
// place; a wrong key, a changed page and a missing key are refused with a sentence.
#include "CipherVfs.h"
#include "DatabaseKey.h"
#include "StoreFixture.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <sqlite3.h>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int People = 2000;

// Long enough (8 bytes and more) that no run of random bytes matches one by chance.
QString firstName(int i)
{
    static const QStringList first = {u"Annelie"_s,    u"Bartholomäus"_s, u"Cäcilia"_s,   u"Dragoslav"_s,
                                      u"Evangelina"_s, u"Friedemann"_s,   u"Gwendolyn"_s, u"Hieronymus"_s};
    return first[i % first.size()] + QChar(u'a' + i % 26) + QChar(u'a' + i / 26 % 26);
}
QString lastName(int i)
{
    return QStringLiteral("Zauberflöte%1").arg(i, 4, 10, QLatin1Char('0'));
}
QString company(int i)
{
    return QStringLiteral("Orgelbau Werkstatt %1").arg(i);
}
QString email(int i)
{
    return QStringLiteral("teilnehmer.%1@gemeinde.example").arg(i);
}
QString note(int i)
{
    return QStringLiteral("Rollstuhlplatz Reihe %1").arg(i);
}

// Every file under `dir` searched for every needle by GNU grep; the needles found.
QStringList grepAll(const QString &dir, const QStringList &needles)
{
    QTemporaryDir patterns;
    QFile list(patterns.filePath(u"needles"_s));
    if (!list.open(QIODevice::WriteOnly))
        return {u"(cannot write the patterns)"_s};
    list.write(needles.join(u'\n').toUtf8() + '\n');
    list.close();
    QProcess grep;
    grep.start(u"grep"_s, {u"-r"_s, u"-a"_s, u"-o"_s, u"-h"_s, u"-F"_s, u"-f"_s, list.fileName(), dir});
    if (!grep.waitForFinished(60'000))
        return {u"(grep did not finish)"_s};
    const QString out = QString::fromUtf8(grep.readAllStandardOutput()).trimmed();
    if (grep.exitCode() > 1)
        return {u"(grep failed: "_s + QString::fromUtf8(grep.readAllStandardError()) + u')'};
    return out.isEmpty() ? QStringList() : out.split(u'\n');
}

// Every message logged while the test runs, debug ones included.
QStringList &logged()
{
    static QStringList messages;
    return messages;
}
void collect(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    logged() << QString::fromLatin1(context.category ? context.category : "") + u' ' + message;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(file));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(file, target))
            return false;
    }
    return true;
}

} // namespace

class TestPrivacyAtRest : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    QStringList needles;

    // A clear copy of the store's database (VACUUM INTO a plain file), as an older version kept it.
    bool clearCopy(const QString &target)
    {
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"copy"_s);
            StoreFixture::useKioskDatabase(db, f->store->databasePath());
            QSqlQuery q(db);
            ok = db.open() && q.exec(u"VACUUM INTO 'file:%1?vfs=unix'"_s.arg(target));
            if (!ok)
                qWarning() << q.lastError().text();
        }
        QSqlDatabase::removeDatabase(u"copy"_s);
        return ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(u"*.debug=true"_s);
        qInstallMessageHandler(collect);
        f = new StoreFixture;
        QVERIFY(f->open());
        QList<AttendeeCsv::Row> rows;
        for (int i = 0; i < People; ++i) {
            AttendeeCsv::Row r =
                StoreFixture::row(i + 2, firstName(i), lastName(i), u"TICKET-%1"_s.arg(i), company(i));
            r.email = email(i);
            r.notes = {DoorNote{u"Seat"_s, note(i)}};
            rows << r;
            needles << firstName(i) << lastName(i) << company(i) << email(i) << note(i);
        }
        const ImportSummary summary = await(f->store->importAttendees(rows, u"Gemeindetag"_s));
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.inserted, People);
        // A morning at the door: 300 entries, 20 with a note, and a walk-in.
        for (int i = 0; i < 300; ++i) {
            ScanRequest r;
            r.code = u"TICKET-%1"_s.arg(i);
            if (i % 15 == 0)
                r.note = u"Begleitperson von %1"_s.arg(lastName(i));
            QCOMPARE(await(f->store->checkIn(r)).verdict, Verdict::Admitted);
        }
        WalkIn walkIn;
        walkIn.firstName = u"Kunigunde"_s;
        walkIn.lastName = u"Spontanbesuch"_s;
        walkIn.company = u"Nachbargemeinde Sankt Blasius"_s;
        QVERIFY(await(f->store->registerWalkIn(walkIn)).error.isEmpty());
        needles << walkIn.firstName << walkIn.lastName << walkIn.company;
        needles << u"Begleitperson"_s;
        QCOMPARE(await(f->store->search(lastName(77))).attendees.size(), 1);
        QCOMPARE(await(f->store->checkIn(ScanRequest{u"NOT-A-TICKET-4711"_s})).verdict, Verdict::UnknownCode);
        qInstallMessageHandler(nullptr);
        QLoggingCategory::setFilterRules({});
    }

    // The logs (debug included) of the preload, the check-ins, a search and a wrong code hold no
    // name and no code.
    void logsHoldNoNameOrCode()
    {
        QVERIFY(logged().size() > 10); // the store did log
        QStringList codes{u"NOT-A-TICKET-4711"_s};
        for (int i = 0; i < People; i += 97)
            codes << u"TICKET-%1"_s.arg(i);
        for (const QString &line : std::as_const(logged())) {
            for (const QString &needle : std::as_const(needles))
                QVERIFY2(!line.contains(needle), qPrintable(line));
            for (const QString &code : std::as_const(codes))
                QVERIFY2(!line.contains(code), qPrintable(line));
        }
    }
    void cleanupTestCase() { delete f; }

    // The test's own check can fail: the same grep finds every name in a clear copy.
    void theGrepFindsNamesInAClearDatabase()
    {
        QTemporaryDir clear;
        QVERIFY(clearCopy(clear.filePath(u"kiosk.sqlite"_s)));
        const QStringList found = grepAll(clear.path(), needles);
        // (E-mails are not kept at the door at all: they are searched for below all the same.)
        for (const QString &one :
             {lastName(1999), firstName(3), company(5), note(42), u"Spontanbesuch"_s, u"Begleitperson"_s})
            QVERIFY2(found.contains(one), qPrintable(one));
    }

    // The data directory copied while the kiosk runs (WAL and all) and after it closed.
    void aCopiedDataDirectoryHoldsNoName()
    {
        QTemporaryDir running;
        QVERIFY(copyTree(f->dir.path(), running.path()));
        QVERIFY(QFileInfo::exists(running.filePath(u"kiosk.sqlite-wal"_s)));
        QStringList found = grepAll(running.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(u", ")));

        f->store.reset();
        QTemporaryDir closed;
        QVERIFY(copyTree(f->dir.path(), closed.path()));
        found = grepAll(closed.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(u", ")));
        // Nor does the key live in the data directory.
        QVERIFY(!DatabaseKey::installedSource().startsWith(QDir::toNativeSeparators(f->dir.path())));
        QVERIFY(f->open());
        QCOMPARE(await(f->store->stats()).attendees, People + 1);
    }

    void aClearDatabaseFromAnOlderVersionIsEncryptedInPlace()
    {
        StoreFixture old;
        QVERIFY(clearCopy(old.dir.filePath(u"kiosk.sqlite"_s)));
        QCOMPARE(CipherVfs::probe(old.dir.filePath(u"kiosk.sqlite"_s)), CipherVfs::FileState::Clear);
        QVERIFY(old.open());
        QCOMPARE(CipherVfs::probe(old.dir.filePath(u"kiosk.sqlite"_s)), CipherVfs::FileState::Encrypted);
        QVERIFY(!QFileInfo::exists(old.dir.filePath(u"kiosk.sqlite.encrypting"_s)));
        QCOMPARE(await(old.store->stats()).attendees, People + 1);
        const AttendeeDetail someone = await(old.store->attendeeByCode(u"TICKET-1234"_s));
        QCOMPARE(someone.view.attendee.lastName, lastName(1234));
        ScanRequest r;
        r.code = u"TICKET-1500"_s;
        QCOMPARE(await(old.store->checkIn(r)).verdict, Verdict::Admitted);
        const QStringList found = grepAll(old.dir.path(), needles);
        QVERIFY2(found.isEmpty(), qPrintable(found.mid(0, 10).join(u", ")));
    }

    void anotherKeyIsRefusedWithASentence()
    {
        const QString path = f->store->databasePath();
        f->store.reset();
        QString error;
        const DatabaseKey::Found right = DatabaseKey::load(false);
        QVERIFY2(right.error.isEmpty(), qPrintable(right.error));
        QVERIFY(CipherVfs::install(QByteArray(CipherVfs::KeySize, '\x42'), &error));
        QCOMPARE(CipherVfs::probe(path), CipherVfs::FileState::WrongKey);
        {
            LocalStore other(f->dir.path(), &f->clock);
            const StoreStatus status = await(other.open());
            QVERIFY2(status.error.contains(u"not a kiosk database this device can read"_s),
                     qPrintable(status.error));
        }
        QVERIFY(CipherVfs::install(right.key, &error));
        QVERIFY(f->open());
        QCOMPARE(await(f->store->stats()).attendees, People + 1);
    }

    // A page changed on the disk is not read as anything: the store says so and stops.
    void aChangedPageIsRefused()
    {
        StoreFixture copy;
        f->store.reset(); // the WAL goes into the database file
        QVERIFY(QFile::copy(f->dir.filePath(u"kiosk.sqlite"_s), copy.dir.filePath(u"kiosk.sqlite"_s)));
        QVERIFY(f->open());
        QFile file(copy.dir.filePath(u"kiosk.sqlite"_s));
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pages = file.size() / CipherVfs::PageSize;
        QVERIFY(pages > 10);
        for (qint64 page = 1; page < pages; ++page) { // one bit in every page but the first
            file.seek(page * CipherVfs::PageSize + 100);
            char byte = 0;
            file.getChar(&byte);
            file.seek(page * CipherVfs::PageSize + 100);
            file.putChar(char(byte ^ 0x01));
        }
        file.close();
        QVERIFY(copy.store == nullptr);
        copy.store = std::make_unique<LocalStore>(copy.dir.path(), &copy.clock);
        StoreStatus status = await(copy.store->open());
        if (status.ok())
            status.error = await(copy.store->search(u"Zauberflöte"_s)).error;
        QVERIFY2(status.error.contains(u"does not decrypt"_s), qPrintable(status.error));
    }

    // The systemd credential comes before this user's key file; a missing key is named.
    void keySources()
    {
        QTemporaryDir credentials;
        QFile credential(credentials.filePath(u"database-key"_s));
        QVERIFY(credential.open(QIODevice::WriteOnly));
        credential.write(QByteArray(CipherVfs::KeySize, '\x17').toHex() + '\n');
        credential.close();
        qputenv("CREDENTIALS_DIRECTORY", QFile::encodeName(credentials.path()));
        DatabaseKey::Found found = DatabaseKey::load(false);
        QCOMPARE(found.source, u"the systemd credential database-key"_s);
        QCOMPARE(found.key, QByteArray(CipherVfs::KeySize, '\x17'));
        qunsetenv("CREDENTIALS_DIRECTORY");

        QTemporaryDir elsewhere;
        DatabaseKey::setConfiguredFile(elsewhere.filePath(u"missing.key"_s));
        found = DatabaseKey::load(false);
        QVERIFY(found.key.isEmpty());
        QVERIFY2(found.error.contains(u"is missing"_s), qPrintable(found.error));
        found = DatabaseKey::load(true); // made on the spot, owner-only
        QCOMPARE(found.key.size(), CipherVfs::KeySize);
        const QFileDevice::Permissions made = QFile::permissions(elsewhere.filePath(u"missing.key"_s));
        QVERIFY(made.testFlag(QFileDevice::ReadOwner));
        QVERIFY(!(made & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                          QFileDevice::WriteOther)));
        QFile bad(elsewhere.filePath(u"bad.key"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a key\n");
        bad.close();
        DatabaseKey::setConfiguredFile(bad.fileName());
        found = DatabaseKey::load(true);
        QVERIFY2(found.error.contains(u"openssl rand -hex 32"_s), qPrintable(found.error));
        DatabaseKey::setConfiguredFile({});
    }

    // Two programs making the key at once (the app and checkinctl on a new device) end up with one
    // key: the first one's.
    void twoProgramsMakeOneKey()
    {
        QTemporaryDir dir;
        for (int round = 0; round < 30; ++round) {
            DatabaseKey::setConfiguredFile(dir.filePath(u"key-%1"_s.arg(round)));
            DatabaseKey::Found first;
            DatabaseKey::Found second;
            std::unique_ptr<QThread> a(QThread::create([&] { first = DatabaseKey::load(true); }));
            std::unique_ptr<QThread> b(QThread::create([&] { second = DatabaseKey::load(true); }));
            a->start();
            b->start();
            QVERIFY(a->wait(10'000) && b->wait(10'000));
            QVERIFY2(first.error.isEmpty() && second.error.isEmpty(), qPrintable(first.error + second.error));
            QCOMPARE(first.key, second.key);
            QCOMPARE(DatabaseKey::load(false).key, first.key);
        }
        DatabaseKey::setConfiguredFile({});
    }

    // Temporary files (a sort that spills) are encrypted too, and read back right.
    void temporaryFilesRoundTrip()
    {
        sqlite3 *db = nullptr;
        QTemporaryDir dir;
        const QByteArray uri = CipherVfs::uri(dir.filePath(u"scratch.sqlite"_s)).toUtf8();
        QCOMPARE(sqlite3_open_v2(uri.constData(), &db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr),
                 SQLITE_OK);
        int reserve = CipherVfs::Reserve;
        sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        const char *script = "PRAGMA temp_store=FILE; PRAGMA cache_size=10; PRAGMA journal_mode=WAL;"
                             "CREATE TEMP TABLE t(n INTEGER, s TEXT);"
                             "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i < 20000)"
                             "INSERT INTO t SELECT i, printf('Zeile %08d', (i * 7919) % 20000) FROM c;";
        QCOMPARE(sqlite3_exec(db, script, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_stmt *st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "SELECT s FROM t ORDER BY s", -1, &st, nullptr), SQLITE_OK);
        int rows = 0;
        QByteArray last;
        bool ordered = true;
        while (sqlite3_step(st) == SQLITE_ROW) {
            const QByteArray s(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
            ordered = ordered && s >= last;
            last = s;
            ++rows;
        }
        sqlite3_finalize(st);
        sqlite3_close(db);
        QCOMPARE(rows, 20000);
        QVERIFY(ordered);
        QCOMPARE(last, QByteArray("Zeile 00019999"));
    }
};

QTEST_GUILESS_MAIN(TestPrivacyAtRest)
#include "tst_privacyatrest.moc"
