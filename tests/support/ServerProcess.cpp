// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerProcess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace checkin::test {

namespace {

constexpr int kStopTimeoutMs = 20'000;
constexpr int kKillTimeoutMs = 10'000;
constexpr int kRebindTimeoutMs = 5'000; // restart(): how long to retry while the port is not bindable
constexpr int kRebindPauseMs = 200;
constexpr qint64 kLogTail = 8000;

} // namespace

ServerProcess::ServerProcess() = default;

ServerProcess::~ServerProcess()
{
    stop();
}

QString ServerProcess::start(const QString &binary, const QStringList &args, const Options &options)
{
    if (running())
        return u"checkin-server is already running on port %1; stop it before starting it again."_s.arg(
            m_port);
    m_binary = binary;
    m_args = args;
    m_options = options;
    m_port = options.port;
    QString dir = options.logDir;
    if (dir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid())
            return u"Cannot create a temporary directory for the server log: %1."_s.arg(
                m_tempDir->errorString());
        dir = m_tempDir->path();
    } else if (!QDir().mkpath(dir)) {
        return u"Cannot create the log directory %1."_s.arg(dir);
    }
    m_logPath = QDir(dir).filePath(u"server.log"_s);
    return launch(false, nullptr);
}

QString ServerProcess::restart()
{
    if (m_binary.isEmpty())
        return u"restart() needs a start() first: there is nothing to restart."_s;
    stop();
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        bool exitedEarly = false;
        const QString error = launch(true, &exitedEarly);
        // A server that exits at once may have found the port still taken: try again for a while.
        if (error.isEmpty() || !exitedEarly || m_port == 0 || timer.elapsed() >= kRebindTimeoutMs)
            return error;
        QThread::msleep(kRebindPauseMs);
    }
}

QString ServerProcess::launch(bool append, bool *exitedEarly)
{
    if (append) {
        QFile log(m_logPath);
        if (log.open(QIODevice::Append))
            log.write("--- ServerProcess: starting again on the same port ---\n");
    }
    m_process = std::make_unique<QProcess>();
    m_killed = false;
    QProcessEnvironment env = m_options.environment;
    if (!m_options.adminToken.isEmpty())
        env.insert(u"CHECKIN_ADMIN_TOKEN"_s, m_options.adminToken);
    m_process->setProcessEnvironment(env);
    m_process->setStandardErrorFile(m_logPath, append ? QIODevice::Append : QIODevice::Truncate);
    // Should the test itself die, the server goes with it.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->start(m_binary, QStringList{u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port)} + m_args);
    const int timeoutMs = m_options.startTimeoutMs;
    if (!m_process->waitForStarted(timeoutMs)) {
        const QString why = m_process->errorString();
        m_process.reset();
        return u"checkin-server (%1) did not start: %2."_s.arg(m_binary, why);
    }
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    while (!out.contains('\n')) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left > 0 && m_process->waitForReadyRead(int(left))) {
            out += m_process->readAllStandardOutput();
            continue;
        }
        if (m_process->state() == QProcess::NotRunning) {
            if (exitedEarly)
                *exitedEarly = true;
            return u"checkin-server exited (code %1) before it printed \"listening PORT\"; the end of its "
                   "log (%2):\n%3"_s.arg(m_process->exitCode())
                       .arg(m_logPath, log());
        }
        kill();
        return u"checkin-server did not print \"listening PORT\" within %1 ms and was killed; the end of its "
               "log (%2):\n%3"_s.arg(timeoutMs)
                   .arg(m_logPath, log());
    }
    const QByteArray line = out.left(out.indexOf('\n')).trimmed();
    bool ok = false;
    const uint port = line.mid(line.indexOf(' ') + 1).toUInt(&ok);
    if (!line.startsWith("listening ") || !ok || port == 0 || port > 65535 ||
        (m_port != 0 && port != m_port)) {
        kill();
        return u"checkin-server printed \"%1\" where \"listening %2\" was expected; the end of its log:\n%3"_s
            .arg(QString::fromUtf8(line), m_port ? QString::number(m_port) : u"PORT"_s, log());
    }
    m_port = quint16(port);
    return {};
}

bool ServerProcess::stop()
{
    if (!m_process)
        return true;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            kill();
            return false;
        }
    }
    return !m_killed && m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_killed = true;
    m_process->kill();
    m_process->waitForFinished(kKillTimeoutMs);
}

bool ServerProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl ServerProcess::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_port));
}

qint64 ServerProcess::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QString ServerProcess::log() const
{
    QFile f(m_logPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > kLogTail)
        f.seek(f.size() - kLogTail);
    return QString::fromUtf8(f.readAll());
}

} // namespace checkin::test
