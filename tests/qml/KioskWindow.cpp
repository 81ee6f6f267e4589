// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskWindow.h"

#include "DemoAttendees.h"
#include "DoorController.h"
#include "Futures.h"
#include "InputDevices.h"
#include "KioskPreferences.h"
#include "KioskServices.h"
#include "LayoutAudit.h"
#include "LocalStore.h"
#include "PinFlow.h"
#include "SearchModel.h"
#include "SelfTest.h"
#include "SetupController.h"
#include "StatusModel.h"

#include <QEventLoop>
#include <QPointingDevice>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>
#include <QTimer>
#include <QtQuickTest/quicktest.h>

using namespace checkin;

namespace {
// The on-screen keyboard's input method, as checkin-kiosk's main() loads it: before the
// application object exists.
void useVirtualKeyboard()
{
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
}
} // namespace
Q_CONSTRUCTOR_FUNCTION(useVirtualKeyboard)

KioskWindow::KioskWindow(int attendees)
    : m_attendees(attendees)
{}

KioskWindow::~KioskWindow()
{
    m_engine.reset();
    m_services.reset();
}

QString KioskWindow::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return QStringLiteral("no temporary directory");
    ui::KioskServices::Options options;
    options.peersEnabled = false; // no announcements or listening port from a test
    options.dataDir = m_dir->filePath(QStringLiteral("kiosk"));
    m_services = std::make_unique<ui::KioskServices>(options);
    QEventLoop loop;
    QString error = QStringLiteral("the store did not open in time");
    connect(m_services.get(), &ui::KioskServices::opened, &loop, [&](const QString &e) {
        error = e;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    m_services->start();
    loop.exec();
    if (!error.isEmpty())
        return error;
    if (m_attendees > 0) {
        const QFuture<CsvImport> imported = m_services->store().importCsv(
            DemoAttendees::csv(m_attendees, 17), QStringLiteral("Layout test event"));
        if (!waitForFinished(imported, 30000) || !imported.result().summary.error.isEmpty())
            return QStringLiteral("the import failed");
    }
    m_services->status().refreshStats();
    m_services->setup().check(); // it looked before the import
    m_services->preferences().setLanguage(QStringLiteral("en"));
    m_services->preferences().setKeyboard(ui::KioskPreferences::Keyboard::On);
    m_engine = std::make_unique<QQmlApplicationEngine>();
    m_window = m_services->loadMain(m_engine.get());
    if (!m_window)
        return QStringLiteral("Main.qml did not load");
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window))
        return QStringLiteral("the window was not exposed");
    m_window->requestActivate();
    (void)QTest::qWaitForWindowActive(m_window); // offscreen: no window manager to ask
    const QString first = m_attendees > 0 ? QStringLiteral("homeScreen") : QStringLiteral("setupScreen");
    for (int i = 0; i < 200; ++i) {
        QQuickItem *screen = item(first);
        if (screen && screen->isVisible() && screen->isEnabled())
            return {};
        settle(50);
    }
    return QStringLiteral("%1 did not show").arg(first);
}

QQuickItem *KioskWindow::item(const QString &name) const
{
    if (QQuickItem *found = ui::SelfTest::itemNamed(m_window->contentItem(), name))
        return found;
    return m_window->findChild<QQuickItem *>(name);
}

QObject *KioskWindow::object(const QString &name) const
{
    if (QQuickItem *found = item(name))
        return found;
    return m_window->findChild<QObject *>(name);
}

bool KioskWindow::call(const QString &name, const char *function)
{
    QObject *target = name.isEmpty() ? static_cast<QObject *>(m_window) : object(name);
    const bool ok = target && QMetaObject::invokeMethod(target, function);
    settle();
    return ok;
}

bool KioskWindow::call(const QString &name, const char *function, int argument)
{
    QObject *target = name.isEmpty() ? static_cast<QObject *>(m_window) : object(name);
    const bool ok = target && QMetaObject::invokeMethod(target, function, Q_ARG(int, argument));
    settle();
    return ok;
}

bool KioskWindow::call(const QString &name, const char *function, const QString &argument)
{
    QObject *target = name.isEmpty() ? static_cast<QObject *>(m_window) : object(name);
    const bool ok = target && QMetaObject::invokeMethod(target, function, Q_ARG(QString, argument));
    settle();
    return ok;
}

void KioskWindow::resize(const QSize &size)
{
    m_window->resize(size);
    settle(60);
}

void KioskWindow::setLanguage(const QString &language)
{
    m_services->preferences().setLanguage(language);
    settle(60);
}

void KioskWindow::setTextSize(ui::KioskPreferences::TextSize size)
{
    m_services->preferences().setTextSize(size);
    settle(60);
}

bool KioskWindow::keyboardUp() const
{
    return !ui::LayoutAudit::keyboardRect(m_window).isEmpty();
}

bool KioskWindow::keyboard(bool up)
{
    m_services->preferences().setKeyboard(ui::KioskPreferences::Keyboard::On);
    if (up) {
        if (QQuickItem *field = item(QStringLiteral("searchField")))
            field->forceActiveFocus();
        ui::InputDevices::showKeyboard();
    } else {
        ui::InputDevices::hideKeyboard();
    }
    for (int i = 0; i < 100 && keyboardUp() != up; ++i)
        settle(20);
    settle(60);
    return keyboardUp() == up;
}

void KioskWindow::home()
{
    for (const char *dialog : {"walkInDialog", "admitAnywayDialog"}) {
        if (QObject *d = m_window->findChild<QObject *>(QLatin1String(dialog)))
            QMetaObject::invokeMethod(d, "close");
    }
    m_services->adminGate().cancel();
    m_services->door().dismissRefusal();
    QMetaObject::invokeMethod(m_window, "goHome");
    settle();
}

bool KioskWindow::search(const QString &text)
{
    QQuickItem *field = item(QStringLiteral("searchField"));
    if (!field)
        return false;
    field->setProperty("text", text);
    ui::SearchModel &model = m_services->search();
    for (int i = 0; i < 200 && (model.query() != text || model.searching()); ++i)
        settle(10);
    settle();
    return model.query() == text && !model.searching();
}

void KioskWindow::settle(int ms)
{
    QTest::qWait(ms);
    QQuickTest::qWaitForPolish(m_window, 2000);
    QCoreApplication::processEvents();
    // List rows a relayout let go of are deleted later: not before anyone looks at the list.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void KioskWindow::tap(const QPointF &p, bool touch)
{
    if (touch) {
        static QPointingDevice *screen = QTest::createTouchDevice();
        QTest::touchEvent(m_window, screen).press(0, p.toPoint(), m_window);
        QTest::touchEvent(m_window, screen).release(0, p.toPoint(), m_window);
    } else {
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, p.toPoint());
    }
    settle();
}

void KioskWindow::tap(QQuickItem *target, bool touch)
{
    tap(target->mapToScene(QPointF(target->width() / 2, target->height() / 2)), touch);
}

void KioskWindow::key(int k)
{
    QTest::keyClick(m_window, Qt::Key(k));
    settle();
}
