// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The camera's decoder: time per 1280x720 frame (median, p99) and the share of a distorted set
// (every kind of code, rotated, upside down, blurred, noised, at an angle, washed out, small) that
// decodes, beside zbarimg (zbar-tools) on the same images in the same run. zbarimg runs as a
// process per image, so the per-file cost of both tools is measured too: `checkinctl scan-image`
// against `zbarimg` on the same PNG files.
//
//   bench_decode [--rounds N] [--files N]
#include "BenchSupport.h"
#include "CodeDecoder.h"
#include "CodeImages.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

using namespace checkin;
using namespace checkin::bench;

namespace {

// zbarimg's answer for one file: its text, empty when it found nothing.
QString zbarRead(const QString &zbarimg, const QString &file, double *ms)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(zbarimg, {QStringLiteral("-q"), QStringLiteral("--raw"), file});
    process.waitForFinished(30000);
    *ms = double(timer.nsecsElapsed()) / 1e6;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

double commandMs(const QString &program, const QStringList &args)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    process.waitForFinished(30000);
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rounds = option(args, QStringLiteral("--rounds"), QStringLiteral("20")).toInt();
    const int fileRuns = option(args, QStringLiteral("--files"), QStringLiteral("48")).toInt();

    const QList<test::CodeSample> samples = test::distortedSet();
    std::printf("distorted set: %lld frames of 1280x720 (%s)\n", qlonglong(samples.size()),
                qPrintable(scan::CodeDecoder::formatNames().join(QStringLiteral(", "))));

    // In process: the frame thread's decoder on each frame, `rounds` times.
    const scan::CodeDecoder decoder(scan::CodeDecoder::Effort::Frame);
    std::vector<double> times;
    std::vector<double> hitTimes;
    std::vector<double> missTimes;
    int found = 0;
    QMap<QString, QStringList> misses;
    for (const test::CodeSample &sample : samples) {
        bool ok = false;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer timer;
            timer.start();
            const QList<scan::DecodedCode> codes = decoder.decode(sample.image);
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            times.push_back(ms);
            ok = !codes.isEmpty() && codes.first().text == sample.text;
            (ok ? hitTimes : missTimes).push_back(ms);
        }
        if (ok)
            ++found;
        else
            misses[QStringLiteral("ours")].append(sample.name);
    }
    std::vector<double> emptyTimes;
    const QImage nothing = test::frameWithoutCode();
    for (int r = 0; r < rounds * 4; ++r) {
        QElapsedTimer timer;
        timer.start();
        decoder.decode(nothing);
        emptyTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("\nCodeDecoder (Frame), per frame, %d rounds:\n", rounds);
    std::printf("  all frames:        median %.2f ms, p99 %.2f ms, max %.2f ms\n", percentile(times, 0.5),
                percentile(times, 0.99), percentile(times, 1.0));
    std::printf("  frames with a hit: median %.2f ms, p99 %.2f ms\n", percentile(hitTimes, 0.5),
                percentile(hitTimes, 0.99));
    std::printf("  frames without any code: median %.2f ms, p99 %.2f ms\n", percentile(emptyTimes, 0.5),
                percentile(emptyTimes, 0.99));
    std::printf("  decoded: %d of %lld (%.0f%%)\n", found, qlonglong(samples.size()),
                100.0 * found / double(samples.size()));

    // The same images as files, for zbarimg and for checkinctl scan-image.
    const QString zbarimg = QStandardPaths::findExecutable(QStringLiteral("zbarimg"));
    QTemporaryDir dir;
    QStringList files;
    for (const test::CodeSample &sample : samples) {
        QString name = sample.name;
        name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
        const QString file = dir.filePath(name + QStringLiteral(".png"));
        sample.image.save(file);
        files.append(file);
    }
    if (zbarimg.isEmpty()) {
        std::printf("\nzbarimg not found (Debian: zbar-tools): no comparison.\n");
        return 0;
    }
    int zbarFound = 0;
    int zbarKnownKinds = 0;
    int zbarOnItsKinds = 0;
    std::vector<double> zbarMs;
    // zbar reads QR, Code 128 and EAN, not Aztec, Data Matrix or (in Debian 12) PDF417.
    const QStringList zbarKinds{QStringLiteral("QRCode"), QStringLiteral("Code128"),
                                QStringLiteral("EAN-13")};
    for (qsizetype i = 0; i < samples.size(); ++i) {
        double ms = 0;
        const QString text = zbarRead(zbarimg, files[i], &ms);
        zbarMs.push_back(ms);
        const bool ok = text == samples[i].text;
        if (ok)
            ++zbarFound;
        else
            misses[QStringLiteral("zbarimg")].append(samples[i].name);
        if (zbarKinds.contains(samples[i].format)) {
            ++zbarKnownKinds;
            if (ok)
                ++zbarOnItsKinds;
        }
    }
    int oursKnown = 0;
    for (const test::CodeSample &sample : samples) {
        if (zbarKinds.contains(sample.format) && !misses.value(QStringLiteral("ours")).contains(sample.name))
            ++oursKnown;
    }
    std::printf("\nzbarimg on the same %lld images (one process per image):\n", qlonglong(samples.size()));
    std::printf("  decoded: %d of %lld (%.0f%%); of the %d in kinds zbar reads: zbarimg %d, ours %d\n",
                zbarFound, qlonglong(samples.size()), 100.0 * zbarFound / double(samples.size()),
                zbarKnownKinds, zbarOnItsKinds, oursKnown);
    for (auto it = misses.cbegin(); it != misses.cend(); ++it)
        std::printf("  missed by %s: %s\n", qPrintable(it.key()),
                    qPrintable(it.value().join(QStringLiteral(", "))));

    // Per file, the whole command: loading the PNG, decoding, starting the process.
    std::vector<double> oursFileMs;
    std::vector<double> zbarFileMs;
    const QString checkinctl = QStringLiteral(CHECKINCTL_PATH);
    for (int i = 0; i < fileRuns; ++i) {
        const QString file = files[i % files.size()];
        oursFileMs.push_back(commandMs(checkinctl, {QStringLiteral("scan-image"), file}));
        zbarFileMs.push_back(commandMs(zbarimg, {QStringLiteral("-q"), QStringLiteral("--raw"), file}));
    }
    std::printf("\nper file, the whole command (%d runs each, alternating):\n", fileRuns);
    std::printf("  checkinctl scan-image: median %.1f ms, p99 %.1f ms\n", percentile(oursFileMs, 0.5),
                percentile(oursFileMs, 0.99));
    std::printf("  zbarimg:               median %.1f ms, p99 %.1f ms\n", percentile(zbarFileMs, 0.5),
                percentile(zbarFileMs, 0.99));
    std::printf("  ratio checkinctl/zbarimg (median): %.2f\n",
                percentile(oursFileMs, 0.5) / percentile(zbarFileMs, 0.5));
    std::printf("\nin-process frame p99 against zbarimg's per-image median: %.2f\n",
                percentile(times, 0.99) / percentile(zbarMs, 0.5));
    return 0;
}
