// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QTemporaryDir>

#include <memory>

class QQmlEngine;
class QmlTestDriver;

namespace checkin::ui {
class KioskServices;
}

// The context the Kiosk components need in a Qt Quick Test: one kiosk's services on a scratch data
// directory, given to each test file's engine as main() gives them to the app's, and `driver`.
class QmlTestSetup : public QObject
{
    Q_OBJECT
public:
    QmlTestSetup();
    ~QmlTestSetup() override;

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<checkin::ui::KioskServices> m_services;
    std::unique_ptr<QmlTestDriver> m_driver;
};
