// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CheckInRules.h"

#include <algorithm>
#include <array>

namespace checkin {

bool precedes(const CheckIn &a, const CheckIn &b)
{
    if (a.hlc != b.hlc)
        return a.hlc < b.hlc;
    if (a.deviceId != b.deviceId)
        return a.deviceId < b.deviceId;
    return a.id < b.id;
}

namespace {

// Marks the targets of undos; an undo is itself rejected when its target is not one of this
// attendee's entries or exits.
void applyUndos(const QList<CheckIn> &sorted, Derivation &result)
{
    QHash<QString, const CheckIn *> byId;
    byId.reserve(sorted.size());
    for (const CheckIn &c : sorted)
        byId.insert(c.id, &c);
    for (const CheckIn &c : sorted) {
        if (c.kind != CheckInKind::Undo)
            continue;
        const CheckIn *target = byId.value(c.ref);
        if (!target || target->kind == CheckInKind::Undo) {
            result.byId[c.id] = {.status = CheckInStatus::Rejected,
                                 .reason = QStringLiteral("undo_target_unknown")};
            continue;
        }
        Classification &t = result.byId[target->id];
        // Two undos of the same check-in: the first in the agreed order wins, the other is a duplicate.
        if (t.undone) {
            result.byId[c.id] = {.status = CheckInStatus::Duplicate,
                                 .reason = QStringLiteral("already_undone"),
                                 .first = t.undoneBy};
            continue;
        }
        t.undone = true;
        t.undoneBy = c.id;
        result.byId[c.id] = {.status = CheckInStatus::Accepted};
    }
}

} // namespace

namespace {

const RuleBook &noLists()
{
    static const RuleBook book;
    return book;
}

// The walk over one list's check-ins (sorted, undos marked), by that list's rules.
AttendeeState walkList(const Attendee &attendee, const QList<const CheckIn *> &checkIns,
                       const RuleBook &rules, const CheckInList &list, Derivation &result)
{
    AttendeeState state;
    QString lastExitId;
    qint64 lastEntryDay = 0;
    for (const CheckIn *cp : checkIns) {
        const CheckIn &c = *cp;
        Classification &cls = result.byId[c.id]; // keeps `undone` set by applyUndos
        if (cls.undone) {
            cls.status = CheckInStatus::Accepted;
            cls.reason = QStringLiteral("undone");
            continue;
        }
        if (c.kind == CheckInKind::Entry) {
            const qint64 day = list.entries == EntryLimit::OncePerDay ? rules.localDay(c.atMs) : 0;
            auto duplicate = [&](const char *reason, const QString &first) {
                cls.status = CheckInStatus::Duplicate;
                cls.reason = QLatin1String(reason);
                cls.first = first;
                ++state.duplicates;
            };
            if (list.trackExit && state.inside) {
                duplicate("already_inside", state.entryId);
                continue;
            }
            if (list.entries == EntryLimit::Once && state.entries > 0) {
                duplicate("already_used", state.lastEntryId);
                continue;
            }
            if (list.entries == EntryLimit::OncePerDay && state.entries > 0 && lastEntryDay == day) {
                duplicate("already_today", state.lastEntryId);
                continue;
            }
            RuleRefusal refusal;
            if (attendee.isCancelled() && attendee.cancelledAtMs <= c.hlc.ms) {
                cls.status = CheckInStatus::Conflict;
                cls.reason = QStringLiteral("cancelled");
                ++state.conflicts;
            } else if ((refusal = rules.checkEntry(list, attendee, c.atMs))) {
                cls.status = CheckInStatus::Conflict;
                cls.reason = refusal.reason();
                ++state.conflicts;
            } else {
                cls.status = CheckInStatus::Accepted;
            }
            state.inside = true;
            state.entryId = c.id;
            state.sinceMs = c.atMs;
            state.deviceId = c.deviceId;
            state.lastEntryId = c.id;
            state.lastEntryAtMs = c.atMs;
            state.lastEntryDeviceId = c.deviceId;
            lastEntryDay = day;
            ++state.entries;
        } else if (!list.trackExit) {
            // Only a forced exit gets here (doors refuse them): it changes nothing, and is shown.
            cls.status = CheckInStatus::Conflict;
            cls.reason = QStringLiteral("rule_exit_not_tracked");
            ++state.conflicts;
            continue;
        } else if (state.inside) {
            cls.status = CheckInStatus::Accepted;
            state.inside = false;
            state.entryId.clear();
            state.sinceMs = 0;
            state.deviceId.clear();
            lastExitId = c.id;
        } else {
            cls.status = CheckInStatus::Duplicate;
            cls.reason = QStringLiteral("not_inside");
            cls.first = lastExitId;
            ++state.duplicates;
            continue;
        }
        state.lastCheckInId = c.id;
    }
    return state;
}

} // namespace

Derivation derive(const Attendee *attendee, QList<CheckIn> checkIns, const RuleBook *rules, QStringView list)
{
    std::sort(checkIns.begin(), checkIns.end(), precedes);
    Derivation result;
    result.byId.reserve(checkIns.size());

    if (!attendee) {
        for (const CheckIn &c : checkIns)
            result.byId[c.id] = {.status = CheckInStatus::Rejected,
                                 .reason = QStringLiteral("unknown_attendee")};
        return result;
    }

    applyUndos(checkIns, result);

    // Each list apart, in the agreed order. Most people have check-ins on one list only.
    const RuleBook &book = rules ? *rules : noLists();
    QHash<QString, QList<const CheckIn *>> byList;
    for (const CheckIn &c : checkIns) {
        if (c.kind != CheckInKind::Undo)
            byList[c.list == CheckInList::DefaultId ? QString() : c.list] << &c;
    }
    for (auto it = byList.cbegin(); it != byList.cend(); ++it)
        result.lists.insert(it.key(),
                            walkList(*attendee, it.value(), book, book.listOrDefault(it.key()), result));
    const QString focus = list == CheckInList::DefaultId ? QString() : list.toString();
    result.state = result.lists.value(focus);
    return result;
}

QString verdictName(Verdict verdict)
{
    static constexpr std::array names{u"admitted",     u"exited",       u"already_inside",  u"not_inside",
                                      u"cancelled",    u"unknown_code", u"wrong_event",     u"undone",
                                      u"already_used", u"not_admitted", u"payment_pending", u"needs_answer",
                                      u"order"};
    return QStringView(names[size_t(verdict)]).toString();
}

Decision decide(const Attendee *attendee, const AttendeeState &state, CheckInKind kind, bool forced,
                qint64 nowMs, const RuleBook *rules, const CheckInList *list)
{
    const RuleBook &book = rules ? *rules : noLists();
    const CheckInList &on = list ? *list : book.listOrDefault({});
    if (kind == CheckInKind::Undo)
        return {Verdict::Undone, true};
    if (!attendee)
        return forced ? Decision{Verdict::Admitted, true} : Decision{Verdict::UnknownCode, false};
    if (kind == CheckInKind::Exit) {
        if (forced)
            return {Verdict::Exited, true};
        if (!on.trackExit) {
            RuleRefusal refusal;
            refusal.kind = RuleRefusal::ExitNotTracked;
            refusal.listName = on.name;
            return {Verdict::NotAdmitted, false, refusal};
        }
        if (state.inside)
            return {Verdict::Exited, true};
        return {Verdict::NotInside, false};
    }
    if (forced)
        return {Verdict::Admitted, true};
    if (on.trackExit && state.inside)
        return {Verdict::AlreadyInside, false};
    if (on.entries == EntryLimit::Once && state.entries > 0)
        return {Verdict::AlreadyUsed, false};
    if (on.entries == EntryLimit::OncePerDay && state.entries > 0 &&
        book.localDay(state.lastEntryAtMs) == book.localDay(nowMs))
        return {Verdict::AlreadyUsed, false};
    if (attendee->isCancelled() && attendee->cancelledAtMs <= nowMs)
        return {Verdict::Cancelled, false};
    if (const RuleRefusal refusal = book.checkEntry(on, *attendee, nowMs))
        return {Verdict::NotAdmitted, false, refusal};
    if (attendee->paymentPending)
        return {Verdict::PaymentPending, false};
    return {Verdict::Admitted, true};
}

} // namespace checkin
