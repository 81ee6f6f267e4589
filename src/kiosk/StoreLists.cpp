// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: the event's check-in lists and this kiosk's list (docs/kiosk-core.md, "Check-in lists").
#include "KioskLogging.h"
#include "Protocol.h"
#include "StorePrepared.h"
#include "StoreRows.h"
#include "StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>

namespace checkin {

namespace {
const QString ListKey = QStringLiteral("checkin_list");
}

bool StoreWorker::loadLists(QString *error)
{
    m_rules = RuleBook({}, m_event.timezone);
    m_listId.clear();
    if (m_event.id.isEmpty())
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, body FROM lists WHERE event_id = ? ORDER BY id"));
    q.addBindValue(m_event.id);
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("reading the check-in lists"));
        return false;
    }
    QList<CheckInList> lists;
    while (q.next()) {
        CheckInList list;
        QString why;
        if (!Protocol::fromListText(q.value(1).toString(), &list, &why)) {
            // Written by this program, so only a damaged file gets here: that list's check-ins
            // then count by the default rules, and the log says why.
            qCWarning(lcStore,
                      "check-in list %s is unreadable (%s): its check-ins count by the default rules",
                      qPrintable(q.value(0).toString()), qPrintable(why));
            continue;
        }
        lists << list;
    }
    m_rules = RuleBook(std::move(lists), m_event.timezone);
    const QString chosen = meta(ListKey);
    const CheckInList *list = chosen.isEmpty() ? nullptr : m_rules.list(chosen);
    if (list && !list->retired)
        m_listId = list->id == CheckInList::DefaultId ? QString() : list->id;
    else if (!chosen.isEmpty())
        qCWarning(lcStore, "check-in list %s is %s: this kiosk checks in on %s", qPrintable(chosen),
                  list ? "retired" : "unknown", qPrintable(m_rules.listOrDefault({}).name));
    return true;
}

ListsState StoreWorker::lists()
{
    ListsState out;
    out.timezone = m_event.timezone;
    out.current = m_listId.isEmpty() ? CheckInList::DefaultId.toString() : m_listId;
    out.chosen = !meta(ListKey).isEmpty();
    // The default list first (as the lead set it, or as it is without lists), then the others.
    out.lists << m_rules.listOrDefault({});
    for (const CheckInList &l : m_rules.lists()) {
        if (l.id != CheckInList::DefaultId)
            out.lists << l;
    }
    return out;
}

StoreStatus StoreWorker::chooseList(const QString &listId)
{
    if (m_event.id.isEmpty())
        return {StoreWorker::tr("No event on this device yet: there are no check-in lists to choose from.")};
    const CheckInList *list = m_rules.list(listId);
    if (!list)
        return {StoreWorker::tr("%1 has no check-in list \"%2\".").arg(m_event.name, listId)};
    if (list->retired)
        return {StoreWorker::tr("The check-in list %1 is retired: choose another.").arg(list->name)};
    const QString id = list->id == CheckInList::DefaultId ? QString() : list->id;
    if (id == m_listId && !meta(ListKey).isEmpty())
        return {};
    QString error;
    if (!begin(&error))
        return {error};
    const QString name = list->name;
    m_listsTouched = true;
    m_listId = id;
    if (!setMeta(ListKey, list->id, &error) || !reclassifyAll(&error)) {
        rollback();
        return {error};
    }
    if (!commit(&error))
        return {error};
    m_counts.valid = false;
    qCInfo(lcStore, "this kiosk now checks people in on the list %s", qPrintable(name));
    return {};
}

StoreStatus StoreWorker::setLists(const QList<CheckInList> &lists, const QString &timezone)
{
    if (m_event.id.isEmpty())
        return {StoreWorker::tr("No event on this device yet: import an attendee list first, then its "
                                "check-in lists.")};
    // The lists' times are the event's local time: a kiosk on its own is where the event is.
    QString zone = timezone.trimmed();
    if (zone.isEmpty() && m_event.timezone.isEmpty())
        zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    if (!zone.isEmpty() && !QTimeZone(zone.toUtf8()).isValid())
        return {StoreWorker::tr("There is no time zone \"%1\": give one such as Europe/Berlin.").arg(zone)};
    QString error;
    if (!begin(&error))
        return {error};
    const QString before = m_event.timezone;
    if (!zone.isEmpty() && zone != m_event.timezone) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE events SET timezone = ? WHERE id = ?"));
        q.addBindValue(zone);
        q.addBindValue(m_event.id);
        if (!q.exec()) {
            error = describe(q.lastError(), StoreWorker::tr("storing the check-in lists"));
            rollback();
            return {error};
        }
        m_event.timezone = zone;
        m_listsTouched = true;
        m_rules = RuleBook(m_rules.lists(), zone); // the walk below goes by it
    }
    if (!storeLists(lists, &error) || (m_event.timezone != before && !reclassifyAll(&error))) {
        m_event.timezone = before;
        rollback();
        return {error};
    }
    if (!commit(&error)) {
        m_event.timezone = before;
        QString ignored;
        loadLists(&ignored);
        return {error};
    }
    m_counts.valid = false;
    return {};
}

bool StoreWorker::storeLists(const QList<CheckInList> &lists, QString *error)
{
    if (lists.isEmpty())
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO lists (event_id, id, body) VALUES (?, ?, ?) "
                             "ON CONFLICT (event_id, id) DO UPDATE SET body = excluded.body"));
    bool changed = false;
    for (const CheckInList &list : lists) {
        const QList<CheckInList> &set = m_rules.lists();
        if (std::find(set.cbegin(), set.cend(), list) != set.cend())
            continue; // stored as it is
        changed = true;
        q.addBindValue(m_event.id);
        q.addBindValue(list.id);
        q.addBindValue(Protocol::listText(list));
        if (!q.exec()) {
            *error = describe(q.lastError(), StoreWorker::tr("storing the check-in lists"));
            return false;
        }
    }
    if (!changed)
        return true;
    m_listsTouched = true;
    if (!loadLists(error))
        return false;
    // New rules: every check-in is walked again (an entry that counted still counts; one the new
    // rules would have refused becomes a conflict for the lead to review).
    return reclassifyAll(error);
}

bool StoreWorker::reclassifyAll(QString *error)
{
    QSqlQuery people(m_db);
    people.setForwardOnly(true);
    people.prepare(QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ? AND id IN "
                                  "(SELECT attendee_id FROM checkins WHERE event_id = ?)")
                       .arg(StoreRows::attendeeColumns()));
    people.addBindValue(m_event.id);
    people.addBindValue(m_event.id);
    if (!people.exec()) {
        *error = describe(people.lastError(), StoreWorker::tr("reading who has check-ins"));
        return false;
    }
    QHash<QString, AttendeeView> views;
    while (people.next()) {
        AttendeeView view = StoreRows::attendeeView(people);
        views.insert(view.attendee.id, std::move(view));
    }
    QSqlQuery checkIns(m_db);
    checkIns.setForwardOnly(true);
    checkIns.prepare(QStringLiteral("SELECT %1 FROM checkins WHERE event_id = ? AND attendee_id <> '' "
                                    "ORDER BY attendee_id")
                         .arg(StoreRows::checkInColumns()));
    checkIns.addBindValue(m_event.id);
    if (!checkIns.exec()) {
        *error = describe(checkIns.lastError(), StoreWorker::tr("reading the check-ins"));
        return false;
    }
    QList<CheckInRecord> records;
    QString current;
    auto flush = [&]() {
        if (records.isEmpty())
            return true;
        const auto view = views.find(current);
        const bool known = view != views.end();
        const bool ok =
            reclassify(known ? &view->attendee : nullptr, records, known ? &*view : nullptr, error);
        records.clear();
        return ok;
    };
    while (checkIns.next()) {
        CheckInRecord record = StoreRows::checkInRecord(checkIns);
        if (record.checkIn.attendeeId != current) {
            if (!flush())
                return false;
            current = record.checkIn.attendeeId;
        }
        records << std::move(record);
    }
    return flush();
}

} // namespace checkin
