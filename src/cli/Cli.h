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

    // Prints a JSON document (with --json) or the human text, its control characters shown as
    // \xNN (terminalSafe); `trusted` text goes out as it is (the enrolment QR code's colours).
    void print(const QJsonValue &json, const QString &human, bool trusted = false) const;
    // Prints an error for a person on stderr and returns UsageOrDataError.
    int fail(const QString &message) const;
    // A progress line on a terminal (stderr), nothing otherwise.
    void progress(const QString &message) const;
    // The columns an attendee import shows at the door: --attention COLUMN (marked) first, then
    // --door-note COLUMN, each repeatable.
    AttendeeCsv::Options importOptions() const;
};

// A text for the terminal: names and codes can hold anything, escape sequences too, so control
// characters (but the line feed) and invisible direction overrides are shown as \xNN or \u{NNNN}
// instead of being sent to the terminal.
QString terminalSafe(const QString &text);

// Waits for a future while the event loop runs and returns its result.
template<typename T> T await(QFuture<T> future)
{
    waitForFinished(future);
    return future.result();
}

} // namespace checkin::cli
