// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StartupProbe: hooks for looking at the kiosk from outside (bench_ui, the screenshot test),
// registered at start-up so that main.cpp stays as it is. It does nothing unless asked:
// - with the logging category org.checkin.kiosk.startup at info level
// (QT_LOGGING_RULES=org.checkin.kiosk.startup.info=true)
//   it logs "home interactive after N ms" at the first frame that shows home with the search field
//   focused, once the store is open and its counts are read; with CHECKIN_KIOSK_PROBE_QUERY it then types
//   that query into the search field and logs "search shown: N results after N ms" at the first frame with
//   the answer;
// - CHECKIN_KIOSK_WINDOW_SIZE=WIDTHxHEIGHT sizes the window (the self-test's portrait screenshots).
#include "SearchModel.h"
#include "StatusModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <functional>
#include <memory>

Q_LOGGING_CATEGORY(lcStartup, "org.checkin.kiosk.startup")

using checkin::ui::SearchModel;
using checkin::ui::StatusModel;

namespace {

class StartupProbe
{
public:
    static void install()
    {
        auto *probe = new StartupProbe;
        probe->m_clock.start();
        // Runs once the event loop runs, when main() has loaded the screens.
        QTimer::singleShot(0, qApp, [probe] { probe->attach(); });
    }

private:
    void attach()
    {
        QQuickWindow *window = nullptr;
        const QList<QWindow *> windows = QGuiApplication::topLevelWindows();
        for (QWindow *w : windows) {
            if ((window = qobject_cast<QQuickWindow *>(w)))
                break;
        }
        if (!window) {
            delete this;
            return;
        }
        resize(window);
        if (!lcStartup().isInfoEnabled()) {
            delete this;
            return;
        }
        m_window = window;
        m_home = window->findChild<QQuickItem *>(QStringLiteral("homeScreen"));
        m_field = window->findChild<QQuickItem *>(QStringLiteral("searchField"));
        // Interactive: the store is open and its counts are on the status bar (the device's name comes
        // from the store, so it is empty until then), home is shown and the search field has the keyboard.
        m_status = singleton<StatusModel>("StatusModel");
        onFrame(
            [this] {
                return m_status && !m_status->deviceName().isEmpty() && m_home && m_home->isVisible() &&
                       m_field && m_field->hasActiveFocus();
            },
            [this] {
                qCInfo(lcStartup, "home interactive after %lld ms", m_clock.elapsed());
                search();
            });
    }

    static void resize(QQuickWindow *window)
    {
        const QStringList size = qEnvironmentVariable("CHECKIN_KIOSK_WINDOW_SIZE").split(u'x');
        if (size.size() != 2)
            return;
        bool wide = false;
        bool tall = false;
        const int width = size[0].toInt(&wide);
        const int height = size[1].toInt(&tall);
        if (wide && tall && width > 0 && height > 0)
            window->resize(width, height);
    }

    void search()
    {
        const QString query = qEnvironmentVariable("CHECKIN_KIOSK_PROBE_QUERY");
        QQmlEngine *engine = qmlEngine(m_window);
        const int type = qmlTypeId("Kiosk", 1, 0, "SearchModel");
        auto *model =
            engine && type >= 0 ? engine->singletonInstance<checkin::ui::SearchModel *>(type) : nullptr;
        if (query.isEmpty() || !model)
            return;
        m_clock.restart();
        m_field->setProperty("text", query);
        onFrame([model, query] { return model->query() == query && !model->searching(); },
                [this, model] {
                    qCInfo(lcStartup, "search shown: %d results after %lld ms", model->rowCount(),
                           m_clock.elapsed());
                });
    }

    // The view model the window's engine was given (the Kiosk module's singleton).
    template<typename T> T *singleton(const char *name) const
    {
        QQmlEngine *engine = qmlEngine(m_window);
        const int type = qmlTypeId("Kiosk", 1, 0, name);
        return engine && type >= 0 ? engine->singletonInstance<T *>(type) : nullptr;
    }

    // Calls `then` once, at the first frame swapped while `ready` holds.
    void onFrame(std::function<bool()> ready, std::function<void()> then)
    {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(
            m_window, &QQuickWindow::frameSwapped, m_window,
            [connection, ready, then] {
                if (!ready())
                    return;
                QObject::disconnect(*connection);
                then();
            },
            Qt::QueuedConnection);
        // A frame to look at even when nothing else changes.
        QTimer *poke = new QTimer(m_window);
        poke->setInterval(5);
        QObject::connect(poke, &QTimer::timeout, m_window, [this, poke, connection] {
            if (*connection)
                m_window->update();
            else
                poke->deleteLater();
        });
        poke->start();
    }

    QElapsedTimer m_clock;
    QQuickWindow *m_window = nullptr;
    QQuickItem *m_home = nullptr;
    QQuickItem *m_field = nullptr;
    StatusModel *m_status = nullptr;
};

void installStartupProbe()
{
    StartupProbe::install();
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installStartupProbe)
