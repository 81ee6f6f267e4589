// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DoorController.h"

#include "CheckInDesk.h"
#include "Futures.h"
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
    ScanRequest request;
    request.code = trimmed;
    request.orders = !m_selfService; // a guessed order code shows names: volunteers only
    track(m_desk->checkIn(request), request);
}

void DoorController::checkIn(const QString &attendeeId)
{
    ScanRequest request;
    request.attendeeId = attendeeId;
    track(m_desk->checkIn(request), request);
}

void DoorController::checkOut(const QString &attendeeId)
{
    if (m_selfService)
        return; // attendees check themselves in, nothing else
    ScanRequest request;
    request.attendeeId = attendeeId;
    request.kind = CheckInKind::Exit;
    track(m_desk->checkIn(request), request);
}

void DoorController::undoLast()
{
    if (m_selfService)
        return; // the last check-in may be somebody else's
    track(m_desk->undoLast(), ScanRequest{.kind = CheckInKind::Undo});
}

void DoorController::answer(const QString &text)
{
    if (m_outcome.verdict != Verdict::NeedsAnswer || text.trimmed().isEmpty())
        return;
    ScanRequest request = m_request;
    request.answer = text.trimmed();
    // The person is known now: the answer is theirs, whatever code found them.
    if (m_outcome.hasAttendee && !m_outcome.attendee.attendee.id.isEmpty()) {
        request.code.clear();
        request.attendeeId = m_outcome.attendee.attendee.id;
    }
    track(request.forced ? m_desk->force(request) : m_desk->checkIn(request), request);
}

void DoorController::admitUnpaid()
{
    if (!canAdmitUnpaid())
        return;
    ScanRequest request;
    request.attendeeId = m_outcome.attendee.attendee.id;
    request.note = tr("Not paid yet: checked in at the door.");
    track(m_desk->force(request), request);
}

void DoorController::checkInGroup(const QStringList &attendeeIds, const QStringList &yes)
{
    if (m_selfService)
        return;
    const bool asks = !m_outcome.question.isEmpty();
    for (const QString &id : attendeeIds) {
        ScanRequest request;
        request.attendeeId = id;
        if (asks)
            request.answer = yes.contains(id) ? QStringLiteral("yes") : QStringLiteral("no");
        m_groupResults.remove(id);
        if (m_groupPending++ == 0)
            Q_EMIT groupResultsChanged();
        // Each person's own verdict, in the dialog; the last one recorded is what Undo undoes.
        deliverLater(m_desk->checkIn(request), this, [this, id](const ScanOutcome &outcome) {
            --m_groupPending;
            const VerdictText text = VerdictText::of(outcome);
            m_groupResults.insert(id, QVariantMap{{QStringLiteral("title"), text.title},
                                                  {QStringLiteral("tone"), int(text.tone)},
                                                  {QStringLiteral("kind"), int(text.kind)},
                                                  {QStringLiteral("recorded"), outcome.recorded}});
            Q_EMIT groupResultsChanged();
            if (canUndo() != m_canUndo) {
                m_canUndo = canUndo();
                Q_EMIT canUndoChanged();
            }
        });
    }
}

void DoorController::clearGroupResults()
{
    if (m_groupResults.isEmpty())
        return;
    m_groupResults.clear();
    Q_EMIT groupResultsChanged();
}

QVariantList DoorController::notes() const
{
    if (m_selfService || !m_outcome.hasAttendee || m_count == 0)
        return {};
    return doorNotes(m_outcome.attendee.attendee.notes);
}

bool DoorController::waiting() const
{
    if (m_count == 0 || !m_outcome.error.isEmpty())
        return false;
    return m_outcome.verdict == Verdict::NeedsAnswer || m_outcome.verdict == Verdict::Order ||
           (m_outcome.verdict == Verdict::PaymentPending && !m_selfService);
}

bool DoorController::canAdmitUnpaid() const
{
    return !m_selfService && m_count > 0 && m_outcome.error.isEmpty() &&
           m_outcome.verdict == Verdict::PaymentPending && m_outcome.hasAttendee &&
           !m_outcome.attendee.attendee.id.isEmpty();
}

QVariantList DoorController::group() const
{
    if (m_selfService || m_count == 0)
        return {};
    QVariantList people;
    auto add = [&people](const AttendeeView &v) {
        const Attendee &a = v.attendee;
        people.append(QVariantMap{{QStringLiteral("attendeeId"), a.id},
                                  {QStringLiteral("name"), a.displayName()},
                                  {QStringLiteral("ticketType"), a.ticketType},
                                  {QStringLiteral("inside"), v.inside},
                                  {QStringLiteral("cancelled"), a.isCancelled()},
                                  {QStringLiteral("paymentPending"), a.paymentPending},
                                  {QStringLiteral("attention"), a.needsAttention()}});
    };
    if (m_outcome.group.isEmpty())
        return {};
    if (m_outcome.verdict != Verdict::Order && m_outcome.hasAttendee)
        add(m_outcome.attendee); // the person scanned first
    for (const AttendeeView &v : m_outcome.group)
        add(v);
    return people;
}

void DoorController::admitAnyway(const QString &attendeeId, const QString &note)
{
    if (m_selfService)
        return; // an override is a volunteer's decision
    ScanRequest request;
    request.attendeeId = attendeeId;
    request.kind = CheckInKind::Entry;
    request.note = note;
    track(m_desk->force(request), request);
}

void DoorController::dismissRefusal()
{
    setCanAdmitAnyway(false);
}

void DoorController::setSelfService(bool on)
{
    if (m_selfService == on)
        return;
    m_selfService = on;
    setCanAdmitAnyway(false);
    Q_EMIT selfServiceChanged();
    Q_EMIT textChanged(); // the same verdict, in other words
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

void DoorController::track(QFuture<ScanOutcome> future, const ScanRequest &request)
{
    if (m_pending++ == 0)
        Q_EMIT busyChanged();
    // The desk answers after the store's COMMIT; every answer is shown, in the order they come.
    deliverLater(future, this, [this, request](const ScanOutcome &outcome) {
        if (--m_pending == 0)
            Q_EMIT busyChanged();
        m_request = request;
        present(outcome, request.code);
    });
}

void DoorController::present(const ScanOutcome &outcome, const QString &code)
{
    m_outcome = outcome;
    m_code = code;
    const VerdictText text = VerdictText::of(outcome);
    m_kind = text.kind;
    m_tone = text.tone;
    ++m_count;
    Q_EMIT textChanged();
    Q_EMIT verdictChanged();
    // Refused, but the person is known and of this event: the volunteer may decide otherwise.
    const bool refused =
        outcome.verdict == Verdict::AlreadyInside || outcome.verdict == Verdict::Cancelled ||
        outcome.verdict == Verdict::AlreadyUsed ||
        (outcome.verdict == Verdict::NotAdmitted && outcome.refusal.kind != RuleRefusal::ExitNotTracked);
    setCanAdmitAnyway(!m_selfService && outcome.error.isEmpty() && outcome.hasAttendee && refused &&
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
    if (m_count == 0)
        return {};
    return m_selfService ? selfServiceDetail(m_outcome) : CheckInDesk::describe(m_outcome);
}

bool DoorController::canUndo() const
{
    return !m_desk->lastCheckInId().isEmpty();
}

QString DoorController::name() const
{
    if (!m_outcome.hasAttendee)
        return {};
    const Attendee &a = m_outcome.attendee.attendee;
    return m_selfService ? a.shortName() : a.displayName();
}

// The same outcomes in words for the attendee at the screen: what happened, and where to go when
// it is not "come in". The volunteer's wording (CheckInDesk::describe) speaks of overrides.
QString DoorController::selfServiceDetail(const ScanOutcome &outcome) const
{
    const QString desk = tr("Please ask at the registration desk.");
    if (!outcome.error.isEmpty())
        return tr("Your check-in could not be recorded. %1").arg(desk);
    switch (outcome.verdict) {
    case Verdict::Admitted:
        return tr("Welcome! Enjoy the event.");
    case Verdict::Exited:
        return tr("You are checked out. See you soon!");
    case Verdict::AlreadyInside:
        return tr("This ticket is already checked in. If that was not you, please ask at the "
                  "registration desk.");
    case Verdict::NotInside:
        return tr("This ticket is not checked in.");
    case Verdict::Cancelled:
        return tr("This ticket has been cancelled. %1").arg(desk);
    case Verdict::UnknownCode:
        return tr("We could not find this ticket. Try again, type your name instead, or ask at the "
                  "registration desk.");
    case Verdict::WrongEvent:
        return tr("This ticket is for another event: %1. %2").arg(outcome.otherEventName, desk);
    case Verdict::Undone:
        return tr("The last check-in was undone.");
    case Verdict::AlreadyUsed:
        return tr("This ticket has already been used here. %1").arg(desk);
    case Verdict::NotAdmitted:
        //: %1 the rule in words ("Day pass Friday is valid Fri 5 Jun 06:00–23:59 — now it is ..."), %2 where
        //: to go
        return tr("%1 %2").arg(RuleBook::describe(outcome.refusal), desk);
    case Verdict::PaymentPending:
        return tr("Your ticket is not paid yet. %1").arg(desk);
    case Verdict::NeedsAnswer:
        return tr("Please answer to finish your check-in.");
    case Verdict::Order:
        break;
    }
    return desk;
}

QString DoorController::ticketType() const
{
    return m_outcome.hasAttendee ? m_outcome.attendee.attendee.ticketType : QString();
}

QString DoorController::insideSince() const
{
    if (m_selfService)
        return {}; // when and where somebody came in is not for the queue behind them
    if (m_outcome.verdict == Verdict::AlreadyUsed)
        return m_outcome.usedAtMs > 0 ? timeOfDay(m_outcome.usedAtMs) : QString();
    if (m_outcome.verdict != Verdict::AlreadyInside || m_outcome.attendee.insideSinceMs <= 0)
        return {};
    return timeOfDay(m_outcome.attendee.insideSinceMs);
}

QString DoorController::insideDevice() const
{
    if (m_selfService)
        return {};
    if (m_outcome.verdict == Verdict::AlreadyUsed)
        return !m_outcome.usedDeviceName.isEmpty() ? m_outcome.usedDeviceName : tr("another door");
    if (m_outcome.verdict != Verdict::AlreadyInside)
        return {};
    const AttendeeView &v = m_outcome.attendee;
    return !v.insideDeviceName.isEmpty() ? v.insideDeviceName
           : !v.insideDeviceId.isEmpty() ? v.insideDeviceId
                                         : tr("another door");
}

} // namespace checkin::ui
