// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoServer.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace checkin::ui {

namespace {
constexpr int MaxRetries = 25; // restart on the same port: tries while it cannot be bound yet
constexpr int RetryPauseMs = 200;
} // namespace

DemoServer::DemoServer(const QString &binary, const QString &dataDir, const QString &adminToken,
                       QObject *parent)
    : QObject(parent)
    , m_binary(binary)
    , m_dataDir(dataDir)
    , m_adminToken(adminToken)
{
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoServer::readOutput);
    connect(&m_process, &QProcess::finished, this, &DemoServer::finished);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT failed(tr("Cannot start %1: %2.").arg(m_binary, m_process.errorString()));
    });
}

DemoServer::~DemoServer()
{
    m_stopping = true;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }
}

QString DemoServer::find(const QString &appDir)
{
    const QString env = qEnvironmentVariable("CHECKIN_SERVER_BINARY");
    if (!env.isEmpty())
        return QFileInfo(env).isExecutable() ? env : QString();
    const QDir dir(appDir);
    for (const QString &candidate : {dir.filePath(QStringLiteral("checkin-server")),
                                     dir.filePath(QStringLiteral("../server/checkin-server"))}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return QStandardPaths::findExecutable(QStringLiteral("checkin-server"));
}

QUrl DemoServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QString DemoServer::logPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("server.log"));
}

void DemoServer::start()
{
    if (m_process.state() != QProcess::NotRunning)
        return;
    QDir().mkpath(m_dataDir);
    m_stopping = false;
    m_serving = false;
    m_output.clear();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CHECKIN_ADMIN_TOKEN"), m_adminToken);
    m_process.setProcessEnvironment(env);
    m_process.setStandardErrorFile(logPath(), QIODevice::Append);
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(m_binary, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                               QStringLiteral("--data-dir"), m_dataDir});
}

void DemoServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate(); // SIGTERM: it finishes what is in flight and exits
}

void DemoServer::readOutput()
{
    m_output += m_process.readAllStandardOutput();
    const qsizetype eol = m_output.indexOf('\n');
    if (m_serving || eol < 0)
        return;
    const QByteArray line = m_output.left(eol).trimmed();
    bool ok = false;
    const uint port = line.startsWith("listening ") ? line.mid(10).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535) {
        Q_EMIT failed(QStringLiteral("checkin-server said \"%1\" instead of \"listening PORT\"; see %2.")
                          .arg(QString::fromUtf8(line), logPath()));
        stop();
        return;
    }
    m_port = quint16(port);
    m_serving = true;
    m_retries = 0;
    Q_EMIT serving();
}

void DemoServer::finished()
{
    const bool wasServing = m_serving;
    m_serving = false;
    if (m_stopping || wasServing) {
        Q_EMIT stopped();
        return;
    }
    // It exited before it served: on a restart the port may not be free yet; try again a little later.
    if (m_port != 0 && ++m_retries <= MaxRetries) {
        QTimer::singleShot(RetryPauseMs, this, &DemoServer::start);
        return;
    }
    Q_EMIT failed(QStringLiteral("checkin-server exited (code %1) before it served; see %2.")
                      .arg(m_process.exitCode())
                      .arg(logPath()));
}

} // namespace checkin::ui
