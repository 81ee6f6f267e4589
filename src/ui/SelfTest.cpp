#include "SelfTest.h"

#include "AdminController.h"
#include "AdminPin.h"
#include "DemoAttendees.h"
#include "DoorController.h"
#include "KioskServices.h"
#include "LocalStore.h"
#include "SearchModel.h"
#include "StatusModel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>

namespace checkin::ui {

namespace {

QStringList g_messages; // warnings seen while the self-test runs (one self-test per process)

void collect(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line =
        QStringLiteral("%1%2").arg(context.category && qstrcmp(context.category, "default") != 0
                                       ? QString::fromLatin1(context.category) + QStringLiteral(": ")
                                       : QString(),
                                   message);
    std::fprintf(stderr, "%s\n", qPrintable(line));
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_messages << line;
}

ScanOutcome outcome(Verdict verdict, const QString &first, const QString &last, const QString &type)
{
    ScanOutcome o;
    o.verdict = verdict;
    o.hasAttendee = !first.isEmpty();
    o.attendee.attendee.id = QStringLiteral("selftest-%1").arg(int(verdict));
    o.attendee.attendee.firstName = first;
    o.attendee.attendee.lastName = last;
    o.attendee.attendee.ticketType = type;
    o.recorded = verdict == Verdict::Admitted || verdict == Verdict::Exited || verdict == Verdict::Undone;
    return o;
}

} // namespace

SelfTest::SelfTest(KioskServices *services, QQuickWindow *window, const QString &screenshotDir,
                   QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_screenshotDir(screenshotDir)
{}

void SelfTest::watchMessages()
{
    qInstallMessageHandler(collect);
}

QList<ScanOutcome> SelfTest::sampleOutcomes()
{
    QList<ScanOutcome> list;
    list << outcome(Verdict::Admitted, QStringLiteral("Anna"), QStringLiteral("Müller"),
                    QStringLiteral("Full conference"));
    ScanOutcome inside = outcome(Verdict::AlreadyInside, QStringLiteral("José"), QStringLiteral("García"),
                                 QStringLiteral("Speaker"));
    inside.attendee.inside = true;
    inside.attendee.insideSinceMs = QDateTime::currentMSecsSinceEpoch() - 40 * 60 * 1000;
    inside.attendee.insideDeviceName = QStringLiteral("Door 2");
    list << inside;
    ScanOutcome cancelled = outcome(Verdict::Cancelled, QStringLiteral("Carla"), QStringLiteral("Storno"),
                                    QStringLiteral("Day ticket"));
    cancelled.attendee.attendee.status = TicketStatus::Cancelled;
    list << cancelled << outcome(Verdict::UnknownCode, {}, {}, {});
    ScanOutcome wrong = outcome(Verdict::WrongEvent, QStringLiteral("Peter"), QStringLiteral("Mueller"),
                                QStringLiteral("Workshop"));
    wrong.otherEventName = QStringLiteral("Autumn meetup");
    list << wrong
         << outcome(Verdict::Exited, QStringLiteral("Anna"), QStringLiteral("Müller"),
                    QStringLiteral("Full conference"))
         << outcome(Verdict::NotInside, QStringLiteral("Peter"), QStringLiteral("Mueller"),
                    QStringLiteral("Workshop"));
    ScanOutcome undone = outcome(Verdict::Undone, QStringLiteral("Anna"), QStringLiteral("Müller"),
                                 QStringLiteral("Full conference"));
    undone.undoneCheckIn.checkIn.kind = CheckInKind::Entry;
    list << undone;
    ScanOutcome failed;
    failed.error = QStringLiteral("The disk is full: nothing was recorded. Free some space and scan again.");
    list << failed;
    return list;
}

void SelfTest::then(int delayMs, std::function<void()> next)
{
    m_steps << [this, delayMs, next] {
        next();
        QTimer::singleShot(delayMs, this, &SelfTest::step);
    };
}

void SelfTest::run()
{
    QQuickWindow *root = m_window;
    auto find = [root](const char *name) { return root->findChild<QQuickItem *>(QLatin1String(name)); };

    // Some people to find, as an import would bring them.
    m_steps << [this] {
        m_services->store()
            .importCsv(DemoAttendees::csv(300, 7), QStringLiteral("Self-test event"))
            .then(this, [this](const CsvImport &import) {
                check(import.summary.error.isEmpty(), QStringLiteral("import: ") + import.summary.error);
                m_services->status().refreshStats();
                QTimer::singleShot(300, this, &SelfTest::step);
            });
    };
    then(300, [this, find] {
        check(find("homeScreen") && find("homeScreen")->isVisible(), QStringLiteral("home is visible"));
        check(find("statusBar") && find("statusBar")->isVisible(), QStringLiteral("status bar is visible"));
        shoot(QStringLiteral("home"));
        if (QObject *field = find("searchField"))
            field->setProperty("text", QStringLiteral("an"));
    });
    then(400, [this, find] {
        check(m_services->search().query() == QStringLiteral("an") && m_services->search().rowCount() > 0,
              QStringLiteral("typing \"an\" finds people"));
        shoot(QStringLiteral("results"));
        QMetaObject::invokeMethod(find("homeScreen"), "selectRow", Q_ARG(int, 1));
    });
    then(200, [this] { shoot(QStringLiteral("attendee")); });
    const QList<ScanOutcome> outcomes = sampleOutcomes();
    for (const ScanOutcome &o : outcomes) {
        then(350, [this, o] { m_services->door().present(o); });
        then(50, [this, find] {
            QQuickItem *verdict = find("verdictScreen");
            const QString kind = m_services->door().kind();
            check(verdict && verdict->isVisible() && verdict->property("kind").toString() == kind,
                  QStringLiteral("the verdict screen shows \"%1\"").arg(kind));
            shoot(QStringLiteral("verdict-") + kind);
        });
    }
    then(300, [this] {
        m_services->search().setQuery(QString());
        QMetaObject::invokeMethod(m_window, "goHome");
        SyncEngine::Status offline;
        offline.connection = SyncEngine::Connection::Offline;
        offline.problem = SyncEngine::Problem::Unreachable;
        offline.reason = QStringLiteral("server unreachable");
        offline.undelivered = 12;
        offline.lastSyncMs = QDateTime::currentMSecsSinceEpoch() - 7 * 60 * 1000;
        m_services->status().showSync(offline);
    });
    then(300, [this] {
        shoot(QStringLiteral("status-offline"));
        SyncEngine::Status syncing;
        syncing.connection = SyncEngine::Connection::Syncing;
        syncing.problem = SyncEngine::Problem::None;
        syncing.undelivered = 3;
        syncing.lastSyncMs = QDateTime::currentMSecsSinceEpoch() - 20 * 1000;
        m_services->status().showSync(syncing);
    });
    then(300, [this] { shoot(QStringLiteral("status-syncing")); });
    addAdminSteps();
    m_steps << [this] { finish(); };
    step();
}

void SelfTest::addAdminSteps()
{
    QQuickWindow *root = m_window;
    auto find = [root](const char *name) { return root->findChild<QQuickItem *>(QLatin1String(name)); };
    auto shown = [find](const char *name) {
        QQuickItem *item = find(name);
        return item && item->isVisible();
    };
    // Outside kiosk mode the admin area opens at once, from the home screen's small button.
    then(300, [this, find] {
        SyncEngine::Status offline;
        offline.connection = SyncEngine::Connection::Offline;
        offline.problem = SyncEngine::Problem::Unreachable;
        offline.reason = QStringLiteral("server unreachable");
        offline.detail = QStringLiteral("The server did not answer. Check the network; the kiosk keeps "
                                        "checking people in and delivers them later.");
        offline.undelivered = 12;
        offline.failures = 3;
        offline.server = QStringLiteral("https://checkin.example.org");
        offline.lastSyncMs = QDateTime::currentMSecsSinceEpoch() - 7 * 60 * 1000;
        offline.nextAttemptMs = QDateTime::currentMSecsSinceEpoch() + 20 * 1000;
        m_services->status().showSync(offline);
        check(find("adminButton") && find("adminButton")->isVisible(),
              QStringLiteral("the Admin button is visible"));
        QMetaObject::invokeMethod(find("adminButton"), "clicked");
    });
    then(300, [this, shown] {
        check(shown("adminScreen"), QStringLiteral("the admin area opens without a PIN outside kiosk mode"));
        shoot(QStringLiteral("admin"));
        m_services->admin().exportCheckIns();
    });
    then(500, [this] {
        const QString message = m_services->admin().exportMessage();
        check(!m_services->admin().exportFailed() && message.contains(m_services->admin().exportDir()),
              QStringLiteral("export writes the check-in log: ") + message);
        shoot(QStringLiteral("admin-exported"));
    });
    // Setting a PIN on the PIN pad: the new one twice.
    then(200, [this, find] { QMetaObject::invokeMethod(find("setPinButton"), "clicked"); });
    then(200, [this, find, shown] {
        check(shown("pinChange"), QStringLiteral("\"Set PIN\" asks for the new PIN"));
        shoot(QStringLiteral("admin-set-pin"));
        typePin(find("pinChange"), QStringLiteral("2468"));
    });
    then(100, [this, find] { typePin(find("pinChange"), QStringLiteral("2468")); });
    then(200, [this, shown] {
        check(!shown("pinChange") && m_services->adminPin().hasPin(), QStringLiteral("the new PIN is saved"));
        m_services->admin().setKioskMode(true);
        QMetaObject::invokeMethod(m_window, "closeAdmin");
    });
    // In kiosk mode the admin area takes the PIN first; a wrong one says so.
    then(200, [this, find, shown] {
        check(!shown("adminScreen"), QStringLiteral("\"Back to check-in\" closes the admin area"));
        QMetaObject::invokeMethod(find("adminButton"), "clicked");
    });
    then(200, [this, find, shown] {
        check(shown("adminGate") && !shown("adminScreen"),
              QStringLiteral("kiosk mode asks for the PIN first"));
        shoot(QStringLiteral("pinpad"));
        typePin(find("adminGate"), QStringLiteral("1111"));
    });
    then(200, [this, find, shown] {
        check(shown("adminGate") && !shown("adminScreen"),
              QStringLiteral("a wrong PIN keeps the admin area shut"));
        shoot(QStringLiteral("pinpad-wrong"));
        typePin(find("adminGate"), QStringLiteral("2468"));
    });
    then(200, [this, shown] {
        check(!shown("adminGate") && shown("adminScreen"),
              QStringLiteral("the right PIN opens the admin area"));
        shoot(QStringLiteral("admin-kiosk"));
        m_services->admin().setKioskMode(false);
        QMetaObject::invokeMethod(m_window, "goHome");
    });
    then(200, [this, shown] {
        check(shown("homeScreen") && !shown("adminScreen"), QStringLiteral("home again"));
    });
}

void SelfTest::typePin(QQuickItem *prompt, const QString &pin)
{
    QQuickItem *pad = prompt ? prompt->findChild<QQuickItem *>(QStringLiteral("pinPad")) : nullptr;
    check(pad != nullptr, QStringLiteral("a PIN pad is there"));
    if (!pad)
        return;
    for (const QChar digit : pin)
        QMetaObject::invokeMethod(pad, "press", Q_ARG(QString, QString(digit)));
    QMetaObject::invokeMethod(pad, "submit");
}

void SelfTest::step()
{
    if (m_steps.isEmpty())
        return;
    const std::function<void()> next = m_steps.takeFirst();
    next();
}

void SelfTest::check(bool ok, const QString &what)
{
    std::fprintf(stderr, "%s %s\n", ok ? "PASS" : "FAIL", qPrintable(what));
    if (!ok)
        m_failures << what;
}

void SelfTest::shoot(const QString &name)
{
    if (m_screenshotDir.isEmpty())
        return;
    QDir().mkpath(m_screenshotDir);
    const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
    check(m_window->grabWindow().save(path), QStringLiteral("screenshot ") + path);
}

void SelfTest::finish()
{
    for (const QString &m : std::as_const(g_messages))
        m_failures << QStringLiteral("warning: ") + m;
    if (m_failures.isEmpty()) {
        std::fprintf(stderr, "self-test passed\n");
        QCoreApplication::exit(0);
        return;
    }
    std::fprintf(stderr, "self-test FAILED:\n");
    for (const QString &f : std::as_const(m_failures))
        std::fprintf(stderr, "  %s\n", qPrintable(f));
    QCoreApplication::exit(1);
}

} // namespace checkin::ui
