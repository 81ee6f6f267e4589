// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "AttendeeCsv.h"
#include "Futures.h"

#include <QCommandLineParser>
#include <QFuture>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace checkin::cli {

// Exit codes of checkinctl.
enum ExitCode { Done = 0, NotAdmitted = 1, UsageOrDataError = 2 };

// What a command gets: the parsed command line and where to print.
struct Context
{
    QCommandLineParser &parser;
    QStringList args; // positional arguments after the command name
    QString dataDir;
    bool json = false;

    // Prints a JSON document (with --json) or the human text.
    void print(const QJsonValue &json, const QString &human) const;
    // Prints an error for a person on stderr and returns UsageOrDataError.
    int fail(const QString &message) const;
    // A progress line on a terminal (stderr), nothing otherwise.
    void progress(const QString &message) const;
    // The columns an attendee import shows at the door: --attention COLUMN (marked) first, then
    // --door-note COLUMN, each repeatable.
    AttendeeCsv::Options importOptions() const;
};

// Waits for a future while the event loop runs and returns its result.
template<typename T> T await(QFuture<T> future)
{
    waitForFinished(future);
    return future.result();
}

} // namespace checkin::cli
