#include "DoorController.h"

#include "CheckInDesk.h"
#include "FutureWait.h"
#include "QmlServices.h"
#include "TimeOfDay.h"
#include "VerdictText.h"

#include <QEvent>

namespace checkin::ui {

DoorController::DoorController(CheckInDesk *desk, QObject *parent)
    : QObject(parent)
    , m_desk(desk)
{}

DoorController *DoorController::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<DoorController>(engine);
}

void DoorController::scan(const QString &code)
{
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return;
    track(m_desk->scan(trimmed));
}

void DoorController::checkIn(const QString &attendeeId)
{
    track(m_desk->checkInAttendee(attendeeId, CheckInKind::Entry));
}

void DoorController::checkOut(const QString &attendeeId)
{
    track(m_desk->checkInAttendee(attendeeId, CheckInKind::Exit));
}

void DoorController::undoLast()
{
    track(m_desk->undoLast());
}

void DoorController::admitAnyway(const QString &attendeeId, const QString &note)
{
    ScanRequest request;
    request.attendeeId = attendeeId;
    request.kind = CheckInKind::Entry;
    request.note = note;
    track(m_desk->force(request));
}

void DoorController::dismissRefusal()
{
    setCanAdmitAnyway(false);
}

int DoorController::maxNoteLength()
{
    return CheckInDesk::MaxNoteLength;
}

QString DoorController::attendeeId() const
{
    return m_outcome.hasAttendee ? m_outcome.attendee.attendee.id : QString();
}

void DoorController::setCanAdmitAnyway(bool can)
{
    if (m_canAdmitAnyway == can)
        return;
    m_canAdmitAnyway = can;
    Q_EMIT canAdmitAnywayChanged();
}

void DoorController::track(QFuture<ScanOutcome> future)
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged();
    // The desk answers after the store's COMMIT; every answer is shown, in the order they come.
    deliverLater(future, this, [this](const ScanOutcome &outcome) {
        if (--m_pending == 0)
            Q_EMIT busyChanged();
        present(outcome);
    });
}

void DoorController::present(const ScanOutcome &outcome)
{
    m_outcome = outcome;
    const VerdictText text = VerdictText::of(outcome);
    m_kind = text.kind;
    m_tone = text.tone;
    ++m_count;
    Q_EMIT textChanged();
    Q_EMIT verdictChanged();
    // Refused, but the person is known and of this event: the volunteer may decide otherwise.
    const bool refused = outcome.verdict == Verdict::AlreadyInside || outcome.verdict == Verdict::Cancelled;
    setCanAdmitAnyway(outcome.error.isEmpty() && outcome.hasAttendee && refused &&
                      !outcome.attendee.attendee.id.isEmpty());
    if (canUndo() != m_canUndo) {
        m_canUndo = canUndo();
        Q_EMIT canUndoChanged();
    }
}

bool DoorController::event(QEvent *event)
{
    // The words change; the verdict does not (verdictChanged would show it again).
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT textChanged();
    return QObject::event(event);
}

QString DoorController::title() const
{
    return m_count > 0 ? VerdictText::of(m_outcome).title : QString();
}

QString DoorController::detail() const
{
    return m_count > 0 ? CheckInDesk::describe(m_outcome) : QString();
}

bool DoorController::canUndo() const
{
    return !m_desk->lastCheckInId().isEmpty();
}

QString DoorController::name() const
{
    return m_outcome.hasAttendee ? m_outcome.attendee.attendee.displayName() : QString();
}

QString DoorController::ticketType() const
{
    return m_outcome.hasAttendee ? m_outcome.attendee.attendee.ticketType : QString();
}

QString DoorController::insideSince() const
{
    if (m_outcome.verdict != Verdict::AlreadyInside || m_outcome.attendee.insideSinceMs <= 0)
        return {};
    return timeOfDay(m_outcome.attendee.insideSinceMs);
}

QString DoorController::insideDevice() const
{
    if (m_outcome.verdict != Verdict::AlreadyInside)
        return {};
    const AttendeeView &v = m_outcome.attendee;
    return !v.insideDeviceName.isEmpty() ? v.insideDeviceName
           : !v.insideDeviceId.isEmpty() ? v.insideDeviceId
                                         : tr("another door");
}

} // namespace checkin::ui
