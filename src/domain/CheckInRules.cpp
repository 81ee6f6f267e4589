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

Derivation derive(const Attendee *attendee, QList<CheckIn> checkIns)
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

    AttendeeState &state = result.state;
    QString lastExitId;
    for (const CheckIn &c : checkIns) {
        if (c.kind == CheckInKind::Undo)
            continue;
        Classification &cls = result.byId[c.id]; // keeps `undone` set by applyUndos
        if (cls.undone) {
            cls.status = CheckInStatus::Accepted;
            cls.reason = QStringLiteral("undone");
            continue;
        }
        if (c.kind == CheckInKind::Entry) {
            if (state.inside) {
                cls.status = CheckInStatus::Duplicate;
                cls.reason = QStringLiteral("already_inside");
                cls.first = state.entryId;
                ++state.duplicates;
                continue;
            }
            if (attendee->isCancelled() && attendee->cancelledAtMs <= c.hlc.ms) {
                cls.status = CheckInStatus::Conflict;
                cls.reason = QStringLiteral("cancelled");
                ++state.conflicts;
            } else {
                cls.status = CheckInStatus::Accepted;
            }
            state.inside = true;
            state.entryId = c.id;
            state.sinceMs = c.atMs;
            state.deviceId = c.deviceId;
            ++state.entries;
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
    return result;
}

QString verdictName(Verdict verdict)
{
    static constexpr std::array names{u"admitted",  u"exited",       u"already_inside", u"not_inside",
                                      u"cancelled", u"unknown_code", u"wrong_event",    u"undone"};
    return QStringView(names[size_t(verdict)]).toString();
}

Decision decide(const Attendee *attendee, const AttendeeState &state, CheckInKind kind, bool forced,
                qint64 nowMs)
{
    if (kind == CheckInKind::Undo)
        return {Verdict::Undone, true};
    if (!attendee)
        return forced ? Decision{Verdict::Admitted, true} : Decision{Verdict::UnknownCode, false};
    if (kind == CheckInKind::Exit) {
        if (state.inside || forced)
            return {Verdict::Exited, true};
        return {Verdict::NotInside, false};
    }
    if (forced)
        return {Verdict::Admitted, true};
    if (state.inside)
        return {Verdict::AlreadyInside, false};
    if (attendee->isCancelled() && attendee->cancelledAtMs <= nowMs)
        return {Verdict::Cancelled, false};
    return {Verdict::Admitted, true};
}

} // namespace checkin
