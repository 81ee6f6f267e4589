// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: importing an attendee list into an event, all or nothing.
#include "AttendeeId.h"
#include "Protocol.h"
#include "StoreRows.h"
#include "StoreWorker.h"
#include "TicketCode.h"

#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

namespace {

bool sameFields(const Attendee &a, const Attendee &b)
{
    return a.codeHash == b.codeHash && a.firstName == b.firstName && a.lastName == b.lastName &&
           a.company == b.company && a.ticketType == b.ticketType && a.status == b.status &&
           a.orderCode == b.orderCode && a.paymentPending == b.paymentPending && a.notes == b.notes;
}

} // namespace

// Upserts attendee rows one at a time inside the caller's transaction, so a list of any size is
// imported without holding it in memory. Knows only what it needs to refuse a bad list: which
// row each id came from.
class StoreWorker::AttendeeUpsert
{
public:
    AttendeeUpsert(StoreWorker *store, const Event &event)
        : m_store(store)
        , m_event(event)
        , m_now(store->m_wall->nowMs())
        , m_byId(store->m_db)
        , m_byCode(store->m_db)
        , m_insert(store->m_db)
        , m_update(store->m_db)
    {
        const QString columns = StoreRows::attendeeColumns();
        m_byId.prepare(QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ? AND id = ?").arg(columns));
        m_byCode.prepare(QStringLiteral("SELECT id FROM attendees WHERE code_hash = ?"));
        m_insert.prepare(QStringLiteral(
            "INSERT INTO attendees (id, event_id, code_hash, first_name, last_name, "
            "company, ticket_type, status, cancelled_at, updated_at, order_code, pending, notes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        m_update.prepare(
            QStringLiteral("UPDATE attendees SET code_hash = ?, first_name = ?, last_name = ?, "
                           "company = ?, ticket_type = ?, status = ?, cancelled_at = ?, "
                           "updated_at = ?, order_code = ?, pending = ?, notes = ? WHERE pk = ?"));
        // Into an empty event every row is new: no need to look anybody up.
        QSqlQuery any(store->m_db);
        any.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM attendees WHERE event_id = ?)"));
        any.addBindValue(m_event.id);
        m_eventWasEmpty = any.exec() && any.next() && !any.value(0).toBool();
    }

    bool add(const AttendeeCsv::Row &row, QString *error)
    {
        Attendee a;
        a.eventId = m_event.id;
        a.codeHash = row.ticketCode.isEmpty() ? QString() : TicketCode::hash(m_event.salt, row.ticketCode);
        a.id = row.externalId.isEmpty() ? AttendeeId::derive(a.codeHash, row.firstName, row.lastName,
                                                             row.email, row.company, &m_namesakes)
                                        : row.externalId;
        a.firstName = row.firstName;
        a.lastName = row.lastName;
        a.company = row.company;
        // The door needs no e-mail address: a kiosk does not keep one (a lost tablet leaks less).
        a.ticketType = row.ticketType;
        a.status = row.status;
        a.orderCode = row.orderCode;
        a.paymentPending = row.paymentPending;
        a.notes = row.notes;
        a.updatedAtMs = m_now;

        if (const int other = m_rowOfId.value(a.id); other != 0) {
            *error =
                StoreWorker::tr("Row %1: the id %2 is also on row %3. Give every attendee a unique id, or "
                                "remove the id column; nothing was imported.")
                    .arg(row.row)
                    .arg(a.id)
                    .arg(other);
            return false;
        }
        m_rowOfId.insert(a.id, row.row);

        AttendeeView before;
        bool exists = false;
        if (!m_eventWasEmpty && !find(a.id, &before, &exists, error))
            return false;
        if (!exists) {
            a.cancelledAtMs = 0; // cancelled before this device knew the attendee: from the start
            for (const QVariant &v :
                 {StoreRows::text(a.id), StoreRows::text(a.eventId), codeValue(a),
                  StoreRows::text(a.firstName), StoreRows::text(a.lastName), StoreRows::text(a.company),
                  StoreRows::text(a.ticketType), QVariant(a.isCancelled() ? 1 : 0), QVariant(a.cancelledAtMs),
                  QVariant(a.updatedAtMs), StoreRows::text(a.orderCode), QVariant(a.paymentPending ? 1 : 0),
                  QVariant(Protocol::storedDoorNotes(a.notes))})
                m_insert.addBindValue(v);
            if (!m_insert.exec())
                return fail(m_insert, row, a, error);
            ++m_summary.inserted;
            return true;
        }
        if (sameFields(a, before.attendee)) {
            ++m_summary.unchanged;
            return true;
        }
        a.cancelledAtMs = !a.isCancelled()                ? 0
                          : before.attendee.isCancelled() ? before.attendee.cancelledAtMs
                                                          : m_now;
        for (const QVariant &v :
             {codeValue(a), StoreRows::text(a.firstName), StoreRows::text(a.lastName),
              StoreRows::text(a.company), StoreRows::text(a.ticketType), QVariant(a.isCancelled() ? 1 : 0),
              QVariant(a.cancelledAtMs), QVariant(a.updatedAtMs), StoreRows::text(a.orderCode),
              QVariant(a.paymentPending ? 1 : 0), QVariant(Protocol::storedDoorNotes(a.notes)),
              QVariant(before.key)})
            m_update.addBindValue(v);
        if (!m_update.exec())
            return fail(m_update, row, a, error);
        ++m_summary.updated;
        // A ticket cancelled or restored changes how its check-ins count.
        if (a.status != before.attendee.status) {
            before.attendee = a;
            m_statusChanged.append(before);
        }
        return true;
    }

    // Reclassifies the check-ins of attendees whose ticket status changed.
    bool finish(QString *error)
    {
        for (AttendeeView &view : m_statusChanged) {
            QList<CheckInRecord> records;
            if (!m_store->loadCheckIns(m_event.id, view.attendee.id, {}, &records, error))
                return false;
            if (!records.isEmpty() && !m_store->reclassify(&view.attendee, records, &view, error))
                return false;
        }
        return true;
    }

    ImportSummary summary() const { return m_summary; }

private:
    static QVariant codeValue(const Attendee &a) { return StoreRows::hashOrNull(a.codeHash); }

    bool find(const QString &id, AttendeeView *view, bool *exists, QString *error)
    {
        m_byId.addBindValue(m_event.id);
        m_byId.addBindValue(id);
        if (!m_byId.exec()) {
            *error =
                m_store->describe(m_byId.lastError(), StoreWorker::tr("reading the current attendee list"));
            return false;
        }
        *exists = m_byId.next();
        if (*exists)
            *view = StoreRows::attendeeView(m_byId);
        m_byId.finish();
        return true;
    }

    // A failed write; the unique index on ticket codes refuses a row that would take another
    // attendee's code, and then the message names that attendee.
    bool fail(const QSqlQuery &query, const AttendeeCsv::Row &row, const Attendee &a, QString *error)
    {
        const QString holder = a.codeHash.isEmpty() ? QString() : codeHolder(a.codeHash);
        if (!holder.isEmpty() && holder != a.id) {
            *error = QStringLiteral(
                         "Row %1: ticket code %2 already belongs to another attendee of %3 (id %4). Fix "
                         "the list; nothing was imported.")
                         .arg(row.row)
                         .arg(row.ticketCode, m_event.name, holder);
            return false;
        }
        *error = m_store->describe(query.lastError(), StoreWorker::tr("importing row %1").arg(row.row));
        return false;
    }

    QString codeHolder(const QString &codeHash)
    {
        m_byCode.addBindValue(StoreRows::hash(codeHash));
        const QString holder = m_byCode.exec() && m_byCode.next() ? m_byCode.value(0).toString() : QString();
        m_byCode.finish();
        return holder;
    }

    StoreWorker *m_store;
    Event m_event;
    qint64 m_now;
    QSqlQuery m_byId;
    QSqlQuery m_byCode;
    QSqlQuery m_insert;
    QSqlQuery m_update;
    bool m_eventWasEmpty = false;
    QHash<QString, int> m_namesakes;
    QHash<QString, int> m_rowOfId;
    QList<AttendeeView> m_statusChanged;
    ImportSummary m_summary;
};

bool StoreWorker::beginImport(const QString &eventName, Event *event, QString *error)
{
    if (!begin(error))
        return false;
    *event = m_event;
    if (!eventName.isEmpty() && eventName != m_event.name) {
        auto it = std::find_if(m_otherEvents.cbegin(), m_otherEvents.cend(),
                               [&](const Event &e) { return e.name == eventName; });
        if (it != m_otherEvents.cend())
            *event = *it;
        else if (!createEvent(eventName, event, error))
            return false;
    }
    if (event->id.isEmpty() &&
        !createEvent(StoreWorker::tr("Event", "the name of an event imported without one"), event, error))
        return false;
    if (m_event.id.isEmpty() && !setMeta(QStringLiteral("event_id"), event->id, error))
        return false;
    return true;
}

ImportSummary StoreWorker::endImport(const Event &event, AttendeeUpsert &upsert, QString error)
{
    if (error.isEmpty() && upsert.finish(&error) && commit(&error)) {
        ImportSummary summary = upsert.summary();
        m_counts.valid = false;
        if (loadEvents(&summary.error) && event.id == m_event.id) {
            forgetIndex();
            prepareIndexSoon();
        }
        summary.eventId = event.id;
        summary.eventName = event.name;
        return summary;
    }
    rollback();
    QString ignored;
    m_meta.clear();
    loadMeta(&ignored); // forget an event made active in the rolled-back transaction
    loadEvents(&ignored);
    return ImportSummary{.error = error};
}

ImportSummary StoreWorker::importAttendees(const QList<AttendeeCsv::Row> &rows, const QString &eventName)
{
    Event event;
    QString error;
    if (!beginImport(eventName, &event, &error)) {
        rollback();
        return ImportSummary{.error = error};
    }
    AttendeeUpsert upsert(this, event);
    for (const AttendeeCsv::Row &row : rows) {
        if (!upsert.add(row, &error))
            break;
    }
    return endImport(event, upsert, error);
}

CsvImport StoreWorker::importCsv(const QByteArray &bytes, const QString &eventName,
                                 const AttendeeCsv::Options &options)
{
    CsvImport result;
    Event event;
    QString error;
    if (!beginImport(eventName, &event, &error)) {
        rollback();
        result.summary.error = error;
        return result;
    }
    AttendeeUpsert upsert(this, event);
    // Rows go into the open transaction as they are read; any error in the file rolls it all back.
    result.parsed = AttendeeCsv::parse(
        bytes,
        [&](AttendeeCsv::Row &&row) {
            if (error.isEmpty())
                upsert.add(row, &error);
        },
        options);
    if (!result.parsed.ok() && error.isEmpty())
        error = StoreWorker::tr("The file has errors; nothing was imported.");
    result.summary = endImport(event, upsert, error);
    return result;
}

} // namespace checkin
