#include "SelfTest.h"

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
    m_steps << [this] { finish(); };
    step();
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
