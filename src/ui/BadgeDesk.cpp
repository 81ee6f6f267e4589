// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BadgeDesk.h"
#include "DoorController.h"
#include "KioskPreferences.h"
#include "UiLogging.h"

#include "BadgePrinter.h"
#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"

#include <QDir>
#include <QEvent>
#include <QVariantMap>

namespace checkin::ui {

BadgeDesk::BadgeDesk(LocalStore *store, DoorController *door, KioskPreferences *preferences,
                     const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_door(door)
    , m_preferences(preferences)
    , m_pdfFolder(QDir(dataDir).filePath(QStringLiteral("badges")))
    , m_printer(std::make_unique<print::BadgePrinter>())
{
    connect(m_printer.get(), &print::BadgePrinter::finished, this,
            [this](const print::BadgePrinter::Outcome &o) { finished(o.number, o.error, o.where); });
    connect(m_door, &DoorController::verdictChanged, this, &BadgeDesk::doorDecided);
    connect(m_preferences, &KioskPreferences::badgesChanged, this, &BadgeDesk::stateChanged);
}

BadgeDesk::~BadgeDesk() = default;

BadgeDesk *BadgeDesk::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<BadgeDesk>(engine);
}

QVariantList BadgeDesk::layouts() const
{
    QVariantList list;
    for (const print::BadgeLayout &layout : print::BadgeLayout::all())
        list.append(QVariantMap{{QStringLiteral("id"), layout.id},
                                {QStringLiteral("title"), layout.translatedTitle()}});
    return list;
}

bool BadgeDesk::enabled() const
{
    return !m_preferences->badgePrinter().isEmpty();
}

int BadgeDesk::pending() const
{
    return m_printer->pending();
}

void BadgeDesk::refreshQueues()
{
    const QStringList queues = print::BadgePrinter::queues();
    if (queues == m_queues)
        return;
    m_queues = queues;
    Q_EMIT queuesChanged();
}

void BadgeDesk::doorDecided()
{
    // Only a person let in just now gets a badge; the verdict is on screen already.
    if (!m_preferences->printOnCheckIn() || !enabled() || !m_door->recorded() ||
        m_door->kind() != Door::Kind::Admitted || m_door->attendeeId().isEmpty())
        return;
    printFor(m_door->attendeeId(), m_door->code());
}

void BadgeDesk::printFor(const QString &attendeeId, const QString &code)
{
    if (!enabled()) {
        m_warning = tr("No badge printer is chosen: choose one in the admin area.");
        Q_EMIT stateChanged();
        return;
    }
    deliverLater(m_store->attendee(attendeeId), this, [this, attendeeId, code](const AttendeeDetail &detail) {
        if (!detail.found) {
            m_warning = detail.error.isEmpty()
                            ? tr("The badge was not printed: this person is not on this device.")
                            : tr("The badge was not printed: %1").arg(detail.error);
            Q_EMIT stateChanged();
            return;
        }
        const Attendee &a = detail.view.attendee;
        print::Badge badge{a.displayName(), a.company, a.ticketType, m_eventName, code.trimmed()};
        // A walk-in has no ticket: their badge carries their id, which a scan takes for them.
        if (badge.code.isEmpty() && !a.walkInCheckIn.isEmpty())
            badge.code = a.id;
        submit({attendeeId, badge, m_preferences->badgeLayout()});
    });
}

void BadgeDesk::printTest()
{
    submit({{},
            {tr("Test Badge"), tr("Check-in kiosk"), tr("Full conference"), m_eventName,
             QStringLiteral("CODE-TEST-1")},
            m_preferences->badgeLayout()});
}

void BadgeDesk::submit(const Pending &job)
{
    const std::optional<print::BadgeLayout> layout = print::BadgeLayout::byId(job.layout);
    const print::BadgeLayout chosen = layout ? *layout : print::BadgeLayout::all().first();
    const QString printer = m_preferences->badgePrinter();
    print::BadgePrinter::Job printJob{0, job.badge, chosen,
                                      printer == KioskPreferences::PdfFolder ? QString() : printer,
                                      printer == KioskPreferences::PdfFolder ? m_pdfFolder : QString()};
    const int number = m_printer->submit(printJob);
    m_inFlight.insert(number, {job.attendeeId, job.badge, chosen.id});
    qCInfo(lcPrint) << "badge" << number << "to" << printer << chosen.id;
    Q_EMIT stateChanged();
}

void BadgeDesk::finished(int number, const QString &error, const QString &where)
{
    const Pending job = m_inFlight.take(number);
    if (!error.isEmpty()) {
        qCWarning(lcPrint) << "badge" << number << "failed:" << error;
        m_failed.append(job);
        m_warning = tr("Badge for %1 not printed: %2").arg(job.badge.name, error);
        Q_EMIT stateChanged();
        return;
    }
    qCInfo(lcPrint) << "badge" << number << "printed:" << where;
    m_lastDone = tr("Badge for %1 printed.").arg(job.badge.name);
    if (m_failed.isEmpty() && m_inFlight.isEmpty())
        m_warning.clear();
    Q_EMIT stateChanged();
    if (job.attendeeId.isEmpty())
        return; // a test badge: nobody's
    deliverLater(m_store->recordPrint(job.attendeeId, job.layout), this,
                 [this, id = job.attendeeId](const BadgePrint &print) {
                     if (!print.id.isEmpty())
                         Q_EMIT printed(id);
                 });
}

void BadgeDesk::retry()
{
    const QList<Pending> again = std::exchange(m_failed, {});
    m_warning.clear();
    for (const Pending &job : again)
        submit(job);
    Q_EMIT stateChanged();
}

void BadgeDesk::dismiss()
{
    m_failed.clear();
    m_warning.clear();
    Q_EMIT stateChanged();
}

bool BadgeDesk::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT stateChanged();
    return QObject::event(event);
}

} // namespace checkin::ui
