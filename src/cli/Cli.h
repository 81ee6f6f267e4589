#pragma once

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>
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
};

// Waits for a future while the event loop runs (continuations in this thread need it).
template<typename T> T await(QFuture<T> future)
{
    if (!future.isFinished()) {
        QEventLoop loop;
        QFutureWatcher<T> watcher;
        QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
        watcher.setFuture(future);
        if (!future.isFinished())
            loop.exec();
    }
    return future.result();
}

} // namespace checkin::cli
