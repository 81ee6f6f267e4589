// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Test helper for tst_crashsafety: checks people in as fast as it can on a data directory and
// prints "R <check-in id>" after each recorded check-in, until it is killed.
// Usage: crash_child DATA_DIR CODES_FILE SEED
#include "CheckInDesk.h"
#include "Futures.h"
#include "LocalStore.h"
#include "WallClock.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QStringList>

#include <cstdio>
#include <random>

using namespace checkin;

namespace {

class Runner : public QObject
{
public:
    Runner(LocalStore *store, QStringList codes, quint64 seed)
        : m_desk(store)
        , m_codes(std::move(codes))
        , m_random(seed)
    {}

    void next()
    {
        if (++m_done > MaxCheckIns) { // bounded: stops by itself if nobody kills it
            QCoreApplication::quit();
            return;
        }
        const QString code = m_codes[int(m_random() % quint64(m_codes.size()))];
        QFuture<ScanOutcome> f;
        switch (m_random() % 8) {
        case 0:
            f = m_desk.scan(code, CheckInKind::Exit);
            break;
        case 1: {
            ScanRequest r;
            r.code = code;
            r.note = QStringLiteral("crash test override");
            f = m_desk.force(r);
            break;
        }
        case 2:
            f = m_desk.lastCheckInId().isEmpty() ? m_desk.scan(code) : m_desk.undoLast();
            break;
        default:
            f = m_desk.scan(code);
        }
        deliverLater(f, this, [this](const ScanOutcome &o) {
            if (!o.error.isEmpty()) {
                std::fprintf(stderr, "error: %s\n", qPrintable(o.error));
                QCoreApplication::exit(3);
                return;
            }
            if (o.recorded) {
                std::printf("R %s\n", qPrintable(o.checkInId));
                std::fflush(stdout);
            }
            next();
        });
    }

private:
    static constexpr int MaxCheckIns = 100000;
    CheckInDesk m_desk;
    QStringList m_codes;
    std::mt19937_64 m_random;
    int m_done = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: crash_child DATA_DIR CODES_FILE SEED\n");
        return 2;
    }
    QFile file(QString::fromLocal8Bit(argv[2]));
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const QStringList codes = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    SystemClock clock;
    LocalStore store(QString::fromLocal8Bit(argv[1]), &clock);
    QFutureWatcher<StoreStatus> opened;
    Runner runner(&store, codes, QByteArray(argv[3]).toULongLong());
    QObject::connect(&opened, &QFutureWatcherBase::finished, &app, [&] {
        if (!opened.result().ok()) {
            std::fprintf(stderr, "error: %s\n", qPrintable(opened.result().error));
            QCoreApplication::exit(3);
            return;
        }
        std::printf("ready\n");
        std::fflush(stdout);
        runner.next();
    });
    opened.setFuture(store.open());
    return app.exec();
}
