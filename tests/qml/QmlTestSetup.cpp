// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "QmlTestSetup.h"

#include "KioskServices.h"
#include "QmlTestDriver.h"

#include <QEventLoop>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTimer>

using namespace checkin;

QmlTestSetup::QmlTestSetup() = default;
QmlTestSetup::~QmlTestSetup() = default;

void QmlTestSetup::qmlEngineAvailable(QQmlEngine *engine)
{
    // Made on the first engine: the application exists only once the test runner has made it.
    if (!m_services) {
        m_dir = std::make_unique<QTemporaryDir>();
        ui::KioskServices::Options options;
        options.dataDir = m_dir->filePath(QStringLiteral("kiosk"));
        m_services = std::make_unique<ui::KioskServices>(options);
        QEventLoop loop;
        connect(m_services.get(), &ui::KioskServices::opened, &loop, [&loop](const QString &error) {
            if (!error.isEmpty())
                qWarning("the test store did not open: %s", qPrintable(error));
            loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        m_services->start();
        loop.exec();
        m_driver = std::make_unique<QmlTestDriver>(m_services.get());
    }
    engine->addImportPath(QStringLiteral("qrc:/"));
    m_services->provideTo(engine);
    engine->rootContext()->setContextProperty(QStringLiteral("driver"), m_driver.get());
}
