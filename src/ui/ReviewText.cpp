// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReviewText.h"

namespace checkin::ui {

namespace {
bool isReason(const ReviewItem &item, const char *reason)
{
    return item.record.classification.reason == QLatin1String(reason);
}

// A conflict because the check-in list's rules refuse it (not a cancelled ticket).
bool byListRule(const ReviewItem &item)
{
    return item.record.classification.reason.startsWith(QLatin1String("rule_"));
}
} // namespace

QString ReviewText::kindTitle(ReviewKind kind)
{
    switch (kind) {
    case ReviewKind::Duplicate:
        return tr("Duplicate");
    case ReviewKind::Conflict:
        return tr("Conflict");
    case ReviewKind::Rejected:
        return tr("Rejected");
    case ReviewKind::Forced:
        return tr("Admitted anyway");
    }
    return {};
}

QString ReviewText::who(const ReviewItem &item)
{
    if (item.knownAttendee)
        return item.record.attendeeName.isEmpty() ? tr("Attendee without a name") : item.record.attendeeName;
    return item.record.checkIn.attendeeId.isEmpty() ? tr("Unknown ticket code")
                                                    : tr("Attendee not on this kiosk's list");
}

QString ReviewText::action(CheckInKind kind)
{
    switch (kind) {
    case CheckInKind::Entry:
        return tr("Entry");
    case CheckInKind::Exit:
        return tr("Check-out");
    case CheckInKind::Undo:
        return tr("Undo");
    }
    return {};
}

QString ReviewText::first(const ReviewItem &item, const TimeFormat &time)
{
    if (item.record.classification.status != CheckInStatus::Duplicate || !item.hasFirst)
        return {};
    const QString door = item.firstDeviceName.isEmpty() ? tr("an unknown door") : item.firstDeviceName;
    const QString at = time(item.firstAtMs);
    if (isReason(item, "not_inside"))
        return tr("Last check-out: %1 at %2").arg(at, door);
    if (isReason(item, "already_undone"))
        return tr("First undo: %1 at %2").arg(at, door);
    return tr("First entry: %1 at %2").arg(at, door);
}

QString ReviewText::reason(const ReviewItem &item, const TimeFormat &time)
{
    const CheckInRecord &r = item.record;
    const bool exit = r.checkIn.kind == CheckInKind::Exit;
    if (r.checkIn.forced) {
        switch (r.classification.status) {
        case CheckInStatus::Accepted:
            return exit ? tr("A volunteer checked them out by override; it counts as a normal check-out.")
                        : tr("A volunteer admitted them by override; it counts as a normal entry.");
        // Listed under "Admitted anyway", not among the duplicates or conflicts: say what it changed.
        case CheckInStatus::Duplicate:
            if (isReason(item, "already_used") || isReason(item, "already_today"))
                return tr("A volunteer admitted them anyway although the check-in list's entry for this "
                          "ticket was used; it counts as a second entry.");
            return exit ? tr("A volunteer checked them out anyway although they were not inside; who is "
                             "inside did not change.")
                        : tr("A volunteer admitted them anyway although they were already inside; they "
                             "count once among those inside.");
        case CheckInStatus::Conflict:
            if (isReason(item, "rule_exit_not_tracked"))
                return tr("A volunteer checked them out anyway on a check-in list that does not record "
                          "exits; it changes nothing.");
            if (byListRule(item))
                return tr("A volunteer admitted them anyway although the check-in list does not admit "
                          "this ticket then; they count as inside.");
            return tr("A volunteer admitted them anyway although the ticket was cancelled; they count as "
                      "inside.");
        case CheckInStatus::Rejected:
            return tr("A volunteer admitted them anyway although the ticket is not on the attendee list; "
                      "it is kept for audit and does not count.");
        }
        return {};
    }
    switch (r.classification.status) {
    case CheckInStatus::Duplicate:
        if (isReason(item, "not_inside"))
            return tr("Checked out while not inside.");
        if (isReason(item, "already_undone"))
            return tr("Undone a second time.");
        if (isReason(item, "already_used"))
            return tr("Entered again although the check-in list admits each person once.");
        if (isReason(item, "already_today"))
            return tr("Entered again the same day although the check-in list admits each person once a day.");
        return tr("Entered again while already inside: the ticket had been let in and had not checked out.");
    case CheckInStatus::Conflict:
        if (isReason(item, "rule_ticket_type"))
            return tr("Let in although the check-in list does not admit this ticket type.");
        if (isReason(item, "rule_list_closed"))
            return tr("Let in while the check-in list was closed.");
        if (isReason(item, "rule_type_window"))
            return tr("Let in at a time this ticket type is not valid on the check-in list.");
        if (isReason(item, "rule_exit_not_tracked"))
            return tr("Checked out on a check-in list that does not record exits; it changes nothing.");
        if (item.cancelledAtMs > 0)
            return tr("Let in after the ticket was cancelled (at %1).").arg(time(item.cancelledAtMs));
        return tr("Let in although the ticket was cancelled.");
    case CheckInStatus::Rejected:
        if (isReason(item, "undo_target_unknown"))
            return tr("It undoes a check-in that is not in the log.");
        return r.checkIn.attendeeId.isEmpty() ? tr("The ticket code is not on the attendee list.")
                                              : tr("The attendee is not on this kiosk's list.");
    case CheckInStatus::Accepted:
        break;
    }
    return tr("It counts as a normal check-in.");
}

QString ReviewText::rule(const ReviewItem &item)
{
    const CheckInRecord &r = item.record;
    if (r.checkIn.forced)
        return tr("A volunteer's override is always recorded with its note; the same rules as for every scan "
                  "then decide how it counts.");
    switch (r.classification.status) {
    case CheckInStatus::Duplicate:
        if (isReason(item, "not_inside"))
            return tr("A check-out counts only while the person is inside; any other is a duplicate and "
                      "changes nothing.");
        if (isReason(item, "already_undone"))
            return tr("A check-in is undone once: the first undo counts, a later one is a duplicate.");
        if (isReason(item, "already_used") || isReason(item, "already_today"))
            return tr("On a check-in list that admits each person once (or once a day), every kiosk counts "
                      "the earliest entry; a later one is a duplicate.");
        return tr("Every kiosk orders check-ins by scan time the same way: the earliest entry counts, and a "
                  "later entry before a check-out is a duplicate.");
    case CheckInStatus::Conflict:
        if (byListRule(item))
            return tr("An entry the check-in list's rules refuse still counts when somebody was let in (by "
                      "override, or by the rules a door had before they changed), but every kiosk marks it "
                      "as a conflict for the event lead.");
        return tr("An entry after the ticket was cancelled still counts, because it happened, but every "
                  "kiosk marks it as a conflict for the event lead.");
    case CheckInStatus::Rejected:
        if (isReason(item, "undo_target_unknown"))
            return tr("An undo changes something only when the check-in it undoes is in the log; otherwise "
                      "it is kept for audit.");
        return tr("A check-in whose ticket matches nobody on the attendee list is kept for audit but does "
                  "not count.");
    case CheckInStatus::Accepted:
        break;
    }
    return tr("Every kiosk and the server classify check-ins by the same rules.");
}

} // namespace checkin::ui
