// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QProcess>
#include <QUrl>

namespace checkin::ui {

// A local checkin-server child process for the demo, on 127.0.0.1: a free port at the first start,
// the same port after a stop, so the kiosk finds it again. Never waits on the UI thread; should the
// kiosk die, the server goes with it.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    DemoServer(const QString &binary, const QString &dataDir, const QString &adminToken,
               QObject *parent = nullptr);
    ~DemoServer() override;

    // Where the server binary is, for a kiosk binary in `appDir`, first found of:
    // $CHECKIN_SERVER_BINARY; appDir/checkin-server (installed side by side);
    // appDir/../server/checkin-server (the build tree); checkin-server on the PATH. Empty when none.
    static QString find(const QString &appDir);

    void start();
    void stop();
    bool running() const { return m_process.state() != QProcess::NotRunning && m_port != 0 && m_serving; }
    QUrl url() const;
    QString adminToken() const { return m_adminToken; }
    QString logPath() const;

Q_SIGNALS:
    void serving();
    void stopped();
    void failed(const QString &error);

private:
    void readOutput();
    void finished();

    QString m_binary;
    QString m_dataDir;
    QString m_adminToken;
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    bool m_serving = false;
    bool m_stopping = false;
    int m_retries = 0;
};

} // namespace checkin::ui
