// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Kiosk core benchmark: import, search and durable check-in with a large event, and the CLI's
// peak memory. Prints figures; asserts nothing about time.
// Usage: bench_kiosk [--attendees N] [--checkins N] [--checkinctl PATH]
#include "AttendeeCsv.h"
#include "BenchSupport.h"
#include "CheckInDesk.h"
#include "CheckInList.h"
#include "DemoAttendees.h"
#include "LocalStore.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

using namespace checkin;
using checkin::test::await;

namespace {

struct Stats
{
    double median = 0;
    double p99 = 0;
    double max = 0;
};

Stats summarize(const std::vector<double> &ms)
{
    return {bench::percentile(ms, 0.5), bench::percentile(ms, 0.99), bench::percentile(ms, 1.0)};
}

double elapsedMs(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Peak resident memory (MiB) of one checkinctl run, as wait4 reports it for that child.
double cliPeakMiB(const QString &checkinctl, const QStringList &args, int *exitCode)
{
    QList<QByteArray> storage{QFile::encodeName(checkinctl)};
    for (const QString &a : args)
        storage << a.toLocal8Bit();
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    *exitCode = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0)
        return 0;
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    *exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return double(usage.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        return bench::option(args, name, fallback);
    };
    const int attendees = option(QStringLiteral("--attendees"), QStringLiteral("100000")).toInt();
    const int checkIns = option(QStringLiteral("--checkins"), QStringLiteral("2000")).toInt();
    const QString checkinctl = option(QStringLiteral("--checkinctl"), QStringLiteral(CHECKINCTL_PATH));

    QTemporaryDir dir;
    // With door information: every attendee has an order (three in ten share one), so every scan
    // also looks up the order's other people; a few have notes.
    const QByteArray csv = DemoAttendees::csv(attendees, 20261126, true);
    const QString csvPath = dir.filePath(QStringLiteral("attendees.csv"));
    {
        QFile f(csvPath);
        f.open(QIODevice::WriteOnly);
        f.write(csv);
    }
    std::printf("kiosk benchmark: %d attendees (%.1f MiB CSV), %d check-ins\n", attendees,
                double(csv.size()) / 1048576.0, checkIns);

    // The CLI's peak memory, measured first: a child's peak as the kernel reports it is at least
    // this process's size when the child was started, so this process is kept small until then.
    const QString firstCode = QString::fromUtf8(csv.mid(csv.indexOf('\n') + 1).split(',').value(4));
    if (QFileInfo::exists(checkinctl)) {
        const QString cliDir = QStringLiteral("--data-dir=") + dir.filePath(QStringLiteral("cli"));
        int rc = 0;
        QElapsedTimer wall;
        wall.start();
        double peak = cliPeakMiB(checkinctl, {cliDir, QStringLiteral("import"), csvPath}, &rc);
        const double cliImportMs = elapsedMs(wall);
        std::printf("checkinctl import: %.0f ms wall, exit %d, peak RSS %.1f MiB\n", cliImportMs, rc, peak);
        peak =
            std::max(peak, cliPeakMiB(checkinctl,
                                      {cliDir, QStringLiteral("search"), QStringLiteral("anna mül")}, &rc));
        peak = std::max(peak, cliPeakMiB(checkinctl, {cliDir, QStringLiteral("checkin"), firstCode}, &rc));
        peak = std::max(
            peak,
            cliPeakMiB(checkinctl,
                       {cliDir, QStringLiteral("export"), dir.filePath(QStringLiteral("log.csv"))}, &rc));
        peak = std::max(peak, cliPeakMiB(checkinctl, {cliDir, QStringLiteral("status")}, &rc));
        std::printf(
            "checkinctl peak RSS over import/search/checkin/export/status: %.1f MiB   target <= 100 MB\n",
            peak);
    }

    // Import: parse the file and write it to the store, as `checkinctl import` does.
    SystemClock clock;
    LocalStore store(dir.filePath(QStringLiteral("kiosk")), &clock);
    if (const StoreStatus s = await(store.open()); !s.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error));
        return 1;
    }
    QElapsedTimer t;
    t.start();
    const AttendeeCsv::Result parsed = AttendeeCsv::parse(csv); // parsing alone, for the breakdown
    const double parseMs = elapsedMs(t);
    t.restart();
    const CsvImport imported = await(store.importCsv(csv, QStringLiteral("Benchmark")), 600'000);
    const double importMs = elapsedMs(t);
    if (!imported.summary.error.isEmpty() || imported.summary.inserted != attendees) {
        std::fprintf(stderr, "import failed: %s\n", qPrintable(imported.summary.error));
        return 1;
    }
    std::printf("import:    %.0f ms (parse and store in one transaction; parsing alone %.0f ms)   target <= "
                "2000 ms\n",
                importMs, parseMs);

    // Search: a fixed mix of 1- to 3-word queries with umlauts, accents and company names.
    const QStringList queries{
        QStringLiteral("m"),          QStringLiteral("mü"),
        QStringLiteral("mül"),        QStringLiteral("müller"),
        QStringLiteral("mueller"),    QStringLiteral("anna"),
        QStringLiteral("anna m"),     QStringLiteral("anna mül"),
        QStringLiteral("jürgen"),     QStringLiteral("jurg"),
        QStringLiteral("schr"),       QStringLiteral("groß"),
        QStringLiteral("gross"),      QStringLiteral("josé"),
        QStringLiteral("jose garc"),  QStringLiteral("o'b"),
        QStringLiteral("van der"),    QStringLiteral("sie"),
        QStringLiteral("siemens"),    QStringLiteral("müller söhne"),
        QStringLiteral("ö"),          QStringLiteral("ång"),
        QStringLiteral("łukasz wiś"), QStringLiteral("chen"),
        QStringLiteral("ana lucía"),  QStringLiteral("s"),
        QStringLiteral("k"),          QStringLiteral("sören köhler"),
        QStringLiteral("zoe"),        QStringLiteral("anne-marie"),
        QStringLiteral("jean luc d"), QStringLiteral("café grüner baum"),
    };
    t.restart();
    await(store.search(QStringLiteral("warm up"))); // builds the index once
    const double indexMs = elapsedMs(t);
    std::vector<double> searchMs;
    qint64 hits = 0;
    for (int round = 0; round < 100; ++round) {
        for (const QString &q : queries) {
            t.restart();
            const SearchResult r = await(store.search(q, 50));
            searchMs.push_back(elapsedMs(t));
            hits += r.attendees.size();
        }
    }
    const Stats search = summarize(searchMs);
    std::printf(
        "search:    median %.3f ms, p99 %.3f ms, max %.3f ms over %zu queries (%lld hits; index built in "
        "%.0f ms)   target p99 <= 2 ms\n",
        search.median, search.p99, search.max, searchMs.size(), qlonglong(hits), indexMs);

    // Durable check-in: scan -> verdict, committed with synchronous=FULL before the answer.
    QStringList codes;
    for (const AttendeeCsv::Row &row : parsed.rows) {
        if (row.status == TicketStatus::Valid && !row.paymentPending)
            codes << row.ticketCode;
        if (codes.size() == checkIns)
            break;
    }
    CheckInDesk desk(&store);
    std::vector<double> checkInMs;
    int admitted = 0;
    for (const QString &code : std::as_const(codes)) {
        t.restart();
        const ScanOutcome o = await(desk.scan(code));
        checkInMs.push_back(elapsedMs(t));
        admitted += o.verdict == Verdict::Admitted;
    }
    const Stats checkIn = summarize(checkInMs);
    std::printf(
        "check-in:  median %.3f ms, p99 %.3f ms, max %.3f ms over %zu durable check-ins (%d admitted)   "
        "target p99 <= 3 ms\n",
        checkIn.median, checkIn.p99, checkIn.max, checkInMs.size(), admitted);
    // The same with check-in lists: 10 lists of ticket types, time windows around now and entry
    // limits; the door on the strictest one. Inside is per list, so the same tickets come in again.
    const qint64 now = clock.nowMs();
    const QDateTime local =
        QDateTime::fromMSecsSinceEpoch(now, QTimeZone(QByteArrayLiteral("Europe/Berlin")));
    auto naive = [&](qint64 offsetMs) {
        const QDateTime t = local.addMSecs(offsetMs);
        return QDateTime(t.date(), QTime(t.time().hour(), t.time().minute()), QTimeZone::utc());
    };
    const TimeWindow open{naive(-3'600'000), naive(6 * 3'600'000)};
    const TimeWindow earlier{naive(-48 * 3'600'000), naive(-40 * 3'600'000)};
    const QStringList types{QStringLiteral("Full conference"),   QStringLiteral("Day pass Friday"),
                            QStringLiteral("Day pass Saturday"), QStringLiteral("Student"),
                            QStringLiteral("Speaker"),           QStringLiteral("Volunteer"),
                            QStringLiteral("Sponsor"),           QStringLiteral("Kinder (bis 12)"),
                            QStringLiteral("Gemeindemitglied")};
    QList<CheckInList> lists;
    for (int n = 0; n < 10; ++n) {
        CheckInList l;
        l.id = QStringLiteral("list-%1").arg(n);
        l.name = QStringLiteral("List %1").arg(n);
        l.windows = {earlier, open};
        for (const QString &type : types)
            l.ticketTypes << TicketTypeRule{type, {earlier, open}};
        l.entries = n % 3 == 0   ? EntryLimit::OncePerDay
                    : n % 3 == 1 ? EntryLimit::Once
                                 : EntryLimit::Unlimited;
        l.trackExit = n % 2 == 0;
        lists << l;
    }
    t.restart();
    if (const StoreStatus s = await(store.setLists(lists, QStringLiteral("Europe/Berlin")), 600'000);
        !s.ok()) {
        std::fprintf(stderr, "lists: %s\n", qPrintable(s.error));
        return 1;
    }
    const double setListsMs = elapsedMs(t);
    t.restart();
    if (const StoreStatus s = await(store.chooseList(QStringLiteral("list-0")), 600'000); !s.ok()) {
        std::fprintf(stderr, "lists: %s\n", qPrintable(s.error));
        return 1;
    }
    const double chooseMs = elapsedMs(t);
    std::vector<double> ruledMs;
    int ruledAdmitted = 0;
    for (const QString &code : std::as_const(codes)) {
        t.restart();
        const ScanOutcome o = await(desk.scan(code));
        ruledMs.push_back(elapsedMs(t));
        ruledAdmitted += o.verdict == Verdict::Admitted;
    }
    const Stats ruled = summarize(ruledMs);
    std::printf("check-in with rules: median %.3f ms, p99 %.3f ms, max %.3f ms over %zu durable check-ins "
                "(%d admitted) "
                "on 1 of 10 lists (%lld ticket types with 2 windows each, once a day)   target p99 <= 3 ms\n",
                ruled.median, ruled.p99, ruled.max, ruledMs.size(), ruledAdmitted, qlonglong(types.size()));
    std::printf(
        "lists:     setting 10 lists %.0f ms, choosing one %.0f ms (each re-derives every check-in)\n",
        setListsMs, chooseMs);

    // The baseline of this machine today: one row inserted and committed with synchronous=FULL in a
    // WAL database, nothing else.
    std::vector<double> rawMs;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        raw.setDatabaseName(dir.filePath(QStringLiteral("baseline.sqlite")));
        raw.open();
        QSqlQuery q(raw);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        q.exec(QStringLiteral("CREATE TABLE t (id TEXT PRIMARY KEY, at INTEGER)"));
        q.prepare(QStringLiteral("INSERT INTO t (id, at) VALUES (?, ?)"));
        for (int i = 0; i < int(codes.size()); ++i) {
            t.restart();
            q.addBindValue(QStringLiteral("row-%1").arg(i));
            q.addBindValue(i);
            q.exec();
            rawMs.push_back(elapsedMs(t));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    const Stats raw = summarize(rawMs);
    std::printf(
        "baseline:  raw SQLite insert (WAL, synchronous=FULL): median %.3f ms, p99 %.3f ms; check-in p99 "
        "is %.1fx it, with rules %.1fx\n",
        raw.median, raw.p99, checkIn.p99 / std::max(raw.p99, 0.001), ruled.p99 / std::max(raw.p99, 0.001));

    const StoreStats stats = await(store.stats());
    std::printf("database:  %.1f MiB (with WAL) for %d attendees and %d check-ins\n",
                double(stats.databaseBytes) / 1048576.0, stats.attendees, stats.checkIns);

    return 0;
}
