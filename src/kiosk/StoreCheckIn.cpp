// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: the check-in path (scan -> verdict -> durable record).
#include "Protocol.h"
#include "StorePrepared.h"
#include "StoreRows.h"
#include "StoreWorker.h"
#include "TicketCode.h"

#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

bool StoreWorker::findAttendee(const QString &column, const QString &value, AttendeeView *view, bool *found,
                               QString *error)
{
    const bool byCode = column == QLatin1String("code_hash");
    QSqlQuery &query = byCode ? m_q->byCode : m_q->byId;
    if (!byCode)
        query.addBindValue(StoreRows::text(m_event.id));
    query.addBindValue(byCode ? StoreRows::hash(value) : StoreRows::text(value));
    if (!query.exec()) {
        *error = describe(query.lastError(), StoreWorker::tr("looking up the attendee"));
        return false;
    }
    *found = query.next();
    if (*found) {
        *view = StoreRows::attendeeView(query);
        view->insideDeviceName = deviceName(view->insideDeviceId);
    }
    query.finish();
    return true;
}

bool StoreWorker::loadCheckIns(const QString &eventId, const QString &attendeeId, const QString &codeHash,
                               QList<CheckInRecord> *records, QString *error)
{
    QSqlQuery &query = attendeeId.isEmpty() ? m_q->checkInsOfCode : m_q->checkInsOfAttendee;
    query.addBindValue(StoreRows::text(eventId));
    query.addBindValue(attendeeId.isEmpty() ? StoreRows::hash(codeHash) : StoreRows::text(attendeeId));
    if (!query.exec()) {
        *error = describe(query.lastError(), StoreWorker::tr("reading the attendee's check-ins"));
        return false;
    }
    while (query.next())
        records->append(StoreRows::checkInRecord(query));
    query.finish();
    return true;
}

bool StoreWorker::insertCheckIn(const CheckIn &c, QString *error)
{
    QSqlQuery &q = m_q->insertCheckIn;
    q.addBindValue(StoreRows::text(c.id));
    q.addBindValue(StoreRows::text(c.eventId));
    q.addBindValue(StoreRows::text(c.attendeeId));
    q.addBindValue(StoreRows::hash(c.codeHash));
    q.addBindValue(int(c.kind));
    q.addBindValue(StoreRows::text(c.ref));
    q.addBindValue(c.atMs);
    q.addBindValue(qint64(c.hlc.packed()));
    q.addBindValue(StoreRows::text(c.deviceId));
    q.addBindValue(c.forced ? 1 : 0);
    q.addBindValue(StoreRows::text(c.note));
    q.addBindValue(StoreRows::text(c.list));
    q.addBindValue(StoreRows::text(c.answer));
    q.addBindValue(c.paper ? 1 : 0);
    q.addBindValue(StoreRows::text(c.deviceId)); // its number: the next of this device's
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("recording the check-in"));
        return false;
    }
    return true;
}

bool StoreWorker::reclassify(const Attendee *attendee, QList<CheckInRecord> records, AttendeeView *view,
                             QString *error)
{
    QList<CheckIn> checkIns;
    checkIns.reserve(records.size());
    for (const CheckInRecord &r : std::as_const(records))
        checkIns.append(r.checkIn);
    const Derivation derived = derive(attendee, checkIns, &m_rules, m_listId);

    for (const CheckInRecord &r : std::as_const(records)) {
        const Classification &now = derived.byId.value(r.checkIn.id);
        const Classification &before = r.classification;
        if (now.status == before.status && now.reason == before.reason && now.first == before.first &&
            now.undoneBy == before.undoneBy)
            continue;
        QSqlQuery &q = m_q->updateClassification;
        q.addBindValue(int(now.status));
        q.addBindValue(StoreRows::text(now.reason));
        q.addBindValue(StoreRows::text(now.first));
        q.addBindValue(StoreRows::text(now.undoneBy));
        q.addBindValue(StoreRows::text(r.checkIn.id));
        if (!q.exec()) {
            *error = describe(q.lastError(), StoreWorker::tr("classifying check-ins"));
            return false;
        }
    }
    if (!view)
        return true;

    const AttendeeState &s = derived.state;
    if (view->inside != s.inside || view->insideSinceMs != s.sinceMs || view->insideDeviceId != s.deviceId) {
        QSqlQuery &q = m_q->updateState;
        q.addBindValue(s.inside ? 1 : 0);
        q.addBindValue(s.sinceMs);
        q.addBindValue(StoreRows::text(s.deviceId));
        q.addBindValue(StoreRows::text(s.entryId));
        q.addBindValue(view->key);
        if (!q.exec()) {
            *error = describe(q.lastError(), StoreWorker::tr("updating the attendee"));
            return false;
        }
        if (m_counts.valid && view->inside != s.inside)
            m_counts.inside += s.inside ? 1 : -1;
    }
    view->inside = s.inside;
    view->insideSinceMs = s.sinceMs;
    view->insideDeviceId = s.deviceId;
    view->insideDeviceName = deviceName(s.deviceId);
    return true;
}

bool StoreWorker::logRefusal(const ScanRequest &request, Verdict verdict, const QString &attendeeId,
                             const QString &codeHash, QString *error)
{
    QSqlQuery &q = m_q->insertRefusal;
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(m_wall->nowMs());
    q.addBindValue(StoreRows::text(verdictName(verdict)));
    q.addBindValue(int(request.kind));
    q.addBindValue(StoreRows::text(attendeeId));
    q.addBindValue(StoreRows::hash(codeHash));
    q.addBindValue(StoreRows::text(meta(QStringLiteral("device_id"))));
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("recording the refused scan"));
        return false;
    }
    return true;
}

ScanOutcome StoreWorker::checkIn(const ScanRequest &request)
{
    ScanOutcome out;
    if (m_event.id.isEmpty()) {
        out.error =
            StoreWorker::tr("No event on this device yet: import an attendee list (checkinctl import FILE) "
                            "or preload an event first.");
        return out;
    }
    const QString code = TicketCode::clean(request.code);
    if (code.isEmpty() && request.attendeeId.isEmpty()) {
        out.error = StoreWorker::tr("Nothing to check in: scan a ticket code or choose an attendee.");
        return out;
    }
    if (request.kind == CheckInKind::Undo) {
        out.error = StoreWorker::tr("An undo refers to a check-in: use undo with the check-in's id.");
        return out;
    }
    if (!begin(&out.error))
        return out;

    AttendeeView view;
    bool found = false;
    QString codeHash;
    bool ok = true;
    if (!request.attendeeId.isEmpty()) {
        ok = findAttendee(QStringLiteral("id"), request.attendeeId, &view, &found, &out.error);
        if (ok && !found) {
            rollback();
            out.error = StoreWorker::tr("There is no attendee with id %1 in %2.")
                            .arg(request.attendeeId, m_event.name);
            return out;
        }
    } else {
        codeHash = TicketCode::hash(m_event.salt, code);
        ok = findAttendee(QStringLiteral("code_hash"), codeHash, &view, &found, &out.error);
        // Unknown as typed: perhaps a scanner set to the other keyboard layout (Y and Z swapped).
        const QString otherReading = TicketCode::otherLayoutReading(code);
        if (ok && !found && !otherReading.isEmpty()) {
            const QString otherHash = TicketCode::hash(m_event.salt, otherReading);
            ok = findAttendee(QStringLiteral("code_hash"), otherHash, &view, &found, &out.error);
            if (found)
                codeHash = otherHash;
        }
        // A walk-in's badge carries their id (a random UUID the kiosk made): it stands for them.
        if (ok && !found && Protocol::isCanonicalUuid(code)) {
            ok = findAttendee(QStringLiteral("id"), code, &view, &found, &out.error);
            if (found && view.attendee.walkInCheckIn.isEmpty()) {
                found = false; // only a walk-in's id: ids from an attendee list can be guessed
                view = AttendeeView{};
            }
            if (found)
                codeHash.clear();
        }
        // An order's code: its attendees, offered as a group; nobody is checked in yet.
        if (ok && !found && request.orders && request.kind == CheckInKind::Entry) {
            QList<AttendeeView> order;
            ok = loadOrder(code, QString(), &order, &out.error);
            if (ok && !order.isEmpty()) {
                rollback(); // nothing written
                out.verdict = Verdict::Order;
                out.group = std::move(order);
                out.listName = m_rules.listOrDefault(m_listId).name;
                out.question = m_rules.listOrDefault(m_listId).question;
                return out;
            }
        }
        for (int i = 0; ok && !found && i < m_otherEvents.size(); ++i) {
            bool elsewhere = false;
            AttendeeView other;
            ok = findAttendee(QStringLiteral("code_hash"), TicketCode::hash(m_otherEvents[i].salt, code),
                              &other, &elsewhere, &out.error);
            if (ok && elsewhere && !request.forced) {
                out.verdict = Verdict::WrongEvent;
                out.otherEventName = m_otherEvents[i].name;
                out.hasAttendee = true;
                out.attendee = other;
                ok = logRefusal(request, Verdict::WrongEvent, other.attendee.id, codeHash, &out.error) &&
                     commit(&out.error);
                if (!ok)
                    rollback();
                return out;
            }
        }
    }
    if (!ok) {
        rollback();
        return out;
    }
    ScanOutcome recorded = recordFor(request, &view, found, codeHash);
    if (!recorded.error.isEmpty()) {
        rollback();
        return recorded;
    }
    if (!commit(&recorded.error))
        recorded = ScanOutcome{.error = recorded.error};
    return recorded;
}

bool StoreWorker::loadOrder(const QString &orderCode, const QString &exceptId, QList<AttendeeView> *members,
                            QString *error)
{
    members->clear();
    if (orderCode.isEmpty())
        return true;
    QSqlQuery &q = m_q->byOrder;
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(orderCode);
    q.addBindValue(StoreRows::text(exceptId));
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("looking up the order"));
        return false;
    }
    while (q.next()) {
        AttendeeView member = StoreRows::attendeeView(q);
        member.insideDeviceName = deviceName(member.insideDeviceId);
        members->append(std::move(member));
    }
    q.finish();
    return true;
}

// Inside the open transaction: decides, records, reclassifies. Does not commit.
ScanOutcome StoreWorker::recordFor(const ScanRequest &request, AttendeeView *view, bool found,
                                   const QString &codeHash)
{
    ScanOutcome out;
    QList<CheckInRecord> records;
    const QString attendeeId = found ? view->attendee.id : QString();
    if (!loadCheckIns(m_event.id, attendeeId, codeHash, &records, &out.error))
        return out;
    QList<CheckIn> checkIns;
    for (const CheckInRecord &r : std::as_const(records))
        checkIns.append(r.checkIn);
    const Attendee *attendee = found ? &view->attendee : nullptr;
    const qint64 wallNow = m_wall->nowMs();
    if (request.paper && (request.paperAtMs <= 0 || request.paperAtMs > wallNow + HybridClock::MaxFutureMs)) {
        out.error =
            StoreWorker::tr("A paper check-in needs the time it was ticked, and that time cannot be in the "
                            "future.");
        return out;
    }
    const qint64 now = request.paper ? request.paperAtMs : wallNow;
    QString paperId;
    if (request.paper) {
        paperId = paperCheckInId(m_event.id, found ? attendeeId : codeHash, now);
        QSqlQuery &q = m_q->checkInById;
        q.addBindValue(StoreRows::text(m_event.id));
        q.addBindValue(paperId);
        if (!q.exec()) {
            out.error = describe(q.lastError(), StoreWorker::tr("looking up the check-in"));
            return out;
        }
        const bool before = q.next();
        q.finish();
        if (before) {
            out.verdict = Verdict::Admitted;
            out.repeated = true;
            out.checkInId = paperId;
            out.hasAttendee = found;
            out.attendee = *view;
            return out;
        }
    }
    const CheckInList &list = m_rules.listOrDefault(m_listId);
    const AttendeeState state = derive(attendee, checkIns, &m_rules, m_listId).state;
    // A paper tick is a fact: the person was let in (the walk classifies it among the others).
    const Decision decision = decide(attendee, state, request.kind,
                                     request.forced || (request.paper && found), now, &m_rules, &list);
    out.verdict = decision.verdict;
    out.hasAttendee = found;
    out.forced = request.forced && decision.record;
    out.listName = list.name;
    out.listEntries = list.entries;
    out.refusal = decision.refusal;
    out.question = list.question;
    if (decision.verdict == Verdict::AlreadyUsed) {
        out.usedAtMs = state.lastEntryAtMs;
        out.usedDeviceName = deviceName(state.lastEntryDeviceId);
    }
    if (found && !loadOrder(view->attendee.orderCode, attendeeId, &out.group, &out.error))
        return out;
    if (!decision.record) {
        if (logRefusal(request, decision.verdict, attendeeId, found ? QString() : codeHash, &out.error))
            out.attendee = *view;
        return out;
    }
    const bool asks = request.kind == CheckInKind::Entry && !list.question.isEmpty() && !request.paper;
    if (asks && request.answer.trimmed().isEmpty()) {
        out.verdict = Verdict::NeedsAnswer; // not a refusal: nothing to log
        out.forced = false;
        out.attendee = *view;
        return out;
    }

    CheckIn c;
    c.id = request.paper ? paperId : newCheckInId();
    c.eventId = m_event.id;
    c.attendeeId = attendeeId;
    c.codeHash = found ? QString() : codeHash;
    c.kind = request.kind;
    c.atMs = now;
    // A paper tick is ordered where it happened, not when it was typed in.
    c.hlc = request.paper ? Hlc{std::min(now, Hlc::MaxMs), 0} : m_clock.now();
    c.deviceId = meta(QStringLiteral("device_id"));
    c.forced = request.forced;
    c.note = request.note.trimmed();
    c.list = m_listId;
    c.answer = asks ? request.answer.trimmed().left(Protocol::MaxAnswerLength) : QString();
    c.paper = request.paper;
    if (!insertCheckIn(c, &out.error))
        return out;
    records.append(CheckInRecord{.checkIn = c});
    if (!reclassify(attendee, records, found ? view : nullptr, &out.error))
        return out;
    out.recorded = true;
    out.checkInId = c.id;
    out.attendee = *view;
    if (request.paper) {
        QSqlQuery &q = m_q->checkInById;
        q.addBindValue(StoreRows::text(m_event.id));
        q.addBindValue(c.id);
        if (!q.exec() || !q.next()) {
            out.error = describe(q.lastError(), StoreWorker::tr("looking up the check-in"));
            out.recorded = false;
            return out;
        }
        out.classification = StoreRows::checkInRecord(q).classification;
        q.finish();
    }
    return out;
}

ScanOutcome StoreWorker::undo(const QString &checkInId)
{
    ScanOutcome out;
    if (m_event.id.isEmpty()) {
        out.error = StoreWorker::tr("No event on this device yet: there is nothing to undo.");
        return out;
    }
    if (!begin(&out.error))
        return out;
    auto fail = [&](const QString &message) {
        rollback();
        out.error = message;
        return out;
    };

    QSqlQuery &q = m_q->checkInById;
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(checkInId.trimmed());
    if (!q.exec())
        return fail(describe(q.lastError(), StoreWorker::tr("looking up the check-in")));
    if (!q.next()) {
        q.finish();
        return fail(
            StoreWorker::tr("There is no check-in with id %1 in %2: copy the id from `checkinctl export` "
                            "or the check-in's verdict.")
                .arg(checkInId, m_event.name));
    }
    const CheckInRecord target = StoreRows::checkInRecord(q);
    q.finish();
    if (target.checkIn.kind == CheckInKind::Undo)
        return fail(
            StoreWorker::tr("Check-in %1 is itself an undo and cannot be undone: check the person in again "
                            "instead.")
                .arg(checkInId));
    if (target.classification.undone)
        return fail(StoreWorker::tr("Check-in %1 was already undone.").arg(checkInId));

    AttendeeView view;
    bool found = false;
    if (!target.checkIn.attendeeId.isEmpty() &&
        !findAttendee(QStringLiteral("id"), target.checkIn.attendeeId, &view, &found, &out.error))
        return fail(out.error);
    QList<CheckInRecord> records;
    if (!loadCheckIns(m_event.id, found ? view.attendee.id : QString(), target.checkIn.codeHash, &records,
                      &out.error))
        return fail(out.error);

    CheckIn c;
    c.id = newCheckInId();
    c.eventId = m_event.id;
    c.attendeeId = target.checkIn.attendeeId;
    c.codeHash = target.checkIn.codeHash;
    c.kind = CheckInKind::Undo;
    c.ref = target.checkIn.id;
    c.list = target.checkIn.list;
    c.atMs = m_wall->nowMs();
    c.hlc = m_clock.now();
    c.deviceId = meta(QStringLiteral("device_id"));
    if (!insertCheckIn(c, &out.error))
        return fail(out.error);
    records.append(CheckInRecord{.checkIn = c});
    if (!reclassify(found ? &view.attendee : nullptr, records, found ? &view : nullptr, &out.error))
        return fail(out.error);
    if (!commit(&out.error))
        return out;
    out.verdict = Verdict::Undone;
    out.recorded = true;
    out.checkInId = c.id;
    out.hasAttendee = found;
    out.attendee = view;
    out.undoneCheckIn = target;
    out.undoneCheckIn.attendeeName = view.attendee.displayName();
    return out;
}

} // namespace checkin
