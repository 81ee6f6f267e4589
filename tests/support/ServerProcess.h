// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace checkin::test {

// How ServerProcess starts the server (outside the class, so that `= {}` works as a default argument).
struct ServerProcessOptions
{
    QString adminToken; // given to the server as CHECKIN_ADMIN_TOKEN when not empty
    QString logDir;     // where server.log goes; a temporary directory when empty
    quint16 port = 0;   // 0: the server picks a free port at the first start
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int startTimeoutMs = 30'000; // until it prints "listening PORT"
};

// A checkin-server child process on 127.0.0.1: a free port at the first start, the same port on
// restart(). Its stderr goes to a log file; should the test process die, the server dies with it.
class ServerProcess
{
public:
    using Options = ServerProcessOptions;

    ServerProcess();
    ~ServerProcess(); // stop()
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts `binary` with `--listen 127.0.0.1:PORT` and `args`. An empty string when it serves, else
    // a sentence saying what went wrong, with the end of the server's log.
    QString start(const QString &binary, const QStringList &args, const Options &options = {});
    // Stops it when it runs (stop()) and starts it again with the same arguments on the same port,
    // retrying for a few seconds while the port cannot be bound yet. Same result as start().
    QString restart();
    // SIGTERM and a bounded wait; true when it exited by itself with code 0 (also when it is already
    // gone that way). A server that does not stop in time is killed, and the answer is false.
    bool stop();
    // SIGKILL, and waits until it is gone.
    void kill();

    bool running() const;
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT
    qint64 processId() const;
    QString logPath() const { return m_logPath; }
    QString log() const; // the end of the server's stderr log (at most 8000 bytes)

private:
    // One start on m_port (0: any); `exitedEarly` is set when the server exited before it served.
    QString launch(bool append, bool *exitedEarly);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_binary;
    QStringList m_args;
    Options m_options;
    QString m_logPath;
    quint16 m_port = 0;
    bool m_killed = false;
};

} // namespace checkin::test
