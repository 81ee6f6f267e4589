// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CheckInDesk.h"

#include "Futures.h"
#include "LocalStore.h"
#include "Protocol.h"
#include "TimeOfDay.h"

namespace checkin {

namespace {
QFuture<ScanOutcome> ready(const QString &error)
{
    ScanOutcome outcome;
    outcome.error = error;
    return QtFuture::makeReadyFuture(outcome);
}
} // namespace

CheckInDesk::CheckInDesk(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

QFuture<ScanOutcome> CheckInDesk::scan(const QString &code, CheckInKind kind)
{
    ScanRequest request;
    request.code = code;
    request.kind = kind;
    return submit(request);
}

QFuture<ScanOutcome> CheckInDesk::checkInAttendee(const QString &attendeeId, CheckInKind kind)
{
    ScanRequest request;
    request.attendeeId = attendeeId;
    request.kind = kind;
    return submit(request);
}

QFuture<ScanOutcome> CheckInDesk::force(const ScanRequest &request)
{
    ScanRequest forced = request;
    forced.forced = true;
    forced.note = forced.note.trimmed();
    if (forced.note.isEmpty())
        return ready(tr("A forced admission needs a note saying why (for the event lead's review)."));
    if (forced.note.size() > MaxNoteLength)
        return ready(tr("The note is too long: keep it under %L1 characters.").arg(MaxNoteLength));
    return submit(forced);
}

QFuture<ScanOutcome> CheckInDesk::checkIn(const ScanRequest &request)
{
    ScanRequest plain = request;
    plain.forced = false;
    return submit(plain);
}

QString CheckInDesk::paperDevice()
{
    return tr("Paper list");
}

QFuture<ScanOutcome> CheckInDesk::submit(const ScanRequest &request)
{
    if (request.answer.trimmed().size() > Protocol::MaxAnswerLength)
        return ready(
            tr("The answer is too long: keep it under %L1 characters.").arg(Protocol::MaxAnswerLength));
    if (request.kind == CheckInKind::Undo)
        return ready(tr("Use undo with a check-in's id to undo it."));
    return finish(m_store->checkIn(request));
}

QFuture<ScanOutcome> CheckInDesk::registerWalkIn(const WalkIn &walkIn)
{
    WalkIn checked = walkIn;
    QString problem;
    if (!checked.normalize(&problem))
        return ready(problem);
    return finish(m_store->registerWalkIn(checked));
}

QFuture<ScanOutcome> CheckInDesk::undo(const QString &checkInId)
{
    if (checkInId.trimmed().isEmpty())
        return ready(tr("Nothing to undo: give the id of a check-in."));
    return finish(m_store->undo(checkInId));
}

QFuture<ScanOutcome> CheckInDesk::undoLast()
{
    if (m_lastCheckInId.isEmpty())
        return ready(tr("Nothing to undo: this desk has not checked anybody in yet."));
    return undo(m_lastCheckInId);
}

QFuture<ScanOutcome> CheckInDesk::finish(QFuture<ScanOutcome> future)
{
    // Continues in the desk's thread (its event loop), after the store committed.
    return thenLater(future, this, [this](const ScanOutcome &outcome) {
        if (outcome.recorded && outcome.verdict != Verdict::Undone)
            m_lastCheckInId = outcome.checkInId;
        else if (outcome.verdict == Verdict::Undone && outcome.undoneCheckIn.checkIn.id == m_lastCheckInId)
            m_lastCheckInId.clear();
        Q_EMIT decided(outcome);
        return outcome;
    });
}

QString CheckInDesk::describe(const ScanOutcome &o)
{
    if (!o.error.isEmpty())
        return o.error;
    const Attendee &a = o.attendee.attendee;
    const QString who = o.hasAttendee ? a.displayName() : tr("Unknown ticket");
    //: after a name: the ticket type in brackets, e.g. " (Speaker)"
    const QString type = a.ticketType.isEmpty() ? QString() : tr(" (%1)").arg(a.ticketType);
    switch (o.verdict) {
    case Verdict::Admitted:
        if (o.registered)
            return tr("Registered as a walk-in and admitted: %1%2.").arg(who, type);
        return o.forced ? tr("Admitted by override: %1%2.").arg(who, type)
                        : tr("Admitted: %1%2.").arg(who, type);
    case Verdict::Exited:
        return tr("Checked out: %1%2.").arg(who, type);
    case Verdict::AlreadyInside: {
        const AttendeeView &v = o.attendee;
        const QString door = !v.insideDeviceName.isEmpty() ? v.insideDeviceName
                             : !v.insideDeviceId.isEmpty() ? v.insideDeviceId
                                                           : tr("another door");
        //: %3 a time of day, %4 the door (device) that checked them in
        return tr("Already checked in: %1%2 since %3 at %4. Ask whether they left and came back; admit by "
                  "override if so.")
            .arg(who, type, timeOfDay(v.insideSinceMs), door);
    }
    case Verdict::NotInside:
        return tr("Not checked in: %1%2 is not inside, so there is nothing to check out.").arg(who, type);
    case Verdict::AlreadyUsed: {
        const QString door = o.usedDeviceName.isEmpty() ? tr("another door") : o.usedDeviceName;
        //: %3 a time of day, %4 the door (device), %5 the check-in list
        return (o.listEntries == EntryLimit::OncePerDay
                    ? tr("Already used today: %1%2 came in at %3 at %4, and %5 admits each person once a "
                         "day.")
                    : tr("Already used: %1%2 came in at %3 at %4, and %5 admits each person once."))
            .arg(who, type, timeOfDay(o.usedAtMs), door, o.listName);
    }
    case Verdict::NotAdmitted:
        //: %1 the person, %2 their ticket type, %3 the rule that refused them in words
        return tr("Not admitted here: %1%2. %3").arg(who, type, RuleBook::describe(o.refusal));
    case Verdict::Cancelled:
        return tr("Ticket cancelled: %1%2. Send the person to the info desk.").arg(who, type);
    case Verdict::PaymentPending:
        return tr("Not paid yet: the payment for %1%2 is still pending. Check in anyway, or send the person "
                  "to the info desk to pay.")
            .arg(who, type);
    case Verdict::NeedsAnswer:
        //: %1 the list's question, %2 the person, %3 their ticket type
        return tr("%1 Ask %2%3 and record the answer; the entry is recorded with it.")
            .arg(o.question, who, type);
    case Verdict::Order:
        return tr("An order of %n ticket(s): choose who is here to check them in together.", nullptr,
                  int(o.group.size()));
    case Verdict::UnknownCode:
        return tr("Unknown ticket code. Check that the ticket is for this event, or search by name.");
    case Verdict::WrongEvent:
        //: %1 the person, %2 the other event's name
        return tr("Wrong event: this ticket (%1) is for %2.").arg(who, o.otherEventName);
    case Verdict::Undone: {
        const QString whose = o.hasAttendee ? who : tr("an unknown ticket");
        switch (o.undoneCheckIn.checkIn.kind) {
        case CheckInKind::Entry:
            return tr("Undone: the entry of %1 no longer counts.").arg(whose);
        case CheckInKind::Exit:
            return tr("Undone: the exit of %1 no longer counts.").arg(whose);
        case CheckInKind::Undo:
            break;
        }
        return tr("Undone: the undo of %1 no longer counts.").arg(whose);
    }
    }
    return {};
}

} // namespace checkin
