// StoreWorker: importing an attendee list into an event, all or nothing.
#include "SearchText.h"
#include "StoreRows.h"
#include "StoreWorker.h"
#include "TicketCode.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace checkin {

namespace {

// A stable id for a row without an id column: from the ticket code when there is one, else from
// the person's normalised name and e-mail (with a counter for true namesakes), so that importing
// the same list again updates instead of duplicating.
QString derivedId(const AttendeeCsv::Row &row, const QString &codeHash, QHash<QString, int> *seen)
{
    if (!codeHash.isEmpty())
        return QLatin1String("c-") + codeHash.left(24);
    const QString basis = SearchText::normalize(row.firstName) + QLatin1Char('|') + SearchText::normalize(row.lastName)
                          + QLatin1Char('|') + row.email.toLower() + QLatin1Char('|')
                          + SearchText::normalize(row.company);
    const QString digest =
        QString::fromLatin1(QCryptographicHash::hash(basis.toUtf8(), QCryptographicHash::Sha256).toHex().left(24));
    const int n = (*seen)[digest]++;
    return QLatin1String("n-") + digest + (n > 0 ? QLatin1Char('-') + QString::number(n + 1) : QString());
}

bool sameFields(const Attendee &a, const Attendee &b)
{
    return a.codeHash == b.codeHash && a.firstName == b.firstName && a.lastName == b.lastName
           && a.company == b.company && a.email == b.email && a.ticketType == b.ticketType && a.status == b.status;
}

} // namespace

ImportSummary StoreWorker::importAttendees(const QList<AttendeeCsv::Row> &rows, const QString &eventName)
{
    ImportSummary summary;
    if (!begin(&summary.error))
        return summary;
    auto fail = [&](const QString &message) {
        rollback();
        loadEvents(&summary.error); // forget an event created in this transaction
        summary = ImportSummary{.error = message};
        return summary;
    };

    Event event = m_event;
    if (!eventName.isEmpty() && eventName != m_event.name) {
        auto it = std::find_if(m_otherEvents.cbegin(), m_otherEvents.cend(),
                               [&](const Event &e) { return e.name == eventName; });
        if (it != m_otherEvents.cend())
            event = *it;
        else if (!createEvent(eventName, &event, &summary.error))
            return fail(summary.error);
    }
    if (event.id.isEmpty() && !createEvent(QStringLiteral("Event"), &event, &summary.error))
        return fail(summary.error);
    const bool activate = m_event.id.isEmpty();
    if (activate && !setMeta(QStringLiteral("event_id"), event.id, &summary.error))
        return fail(summary.error);

    // What the event has already, to update instead of duplicating.
    QHash<QString, AttendeeView> existing;
    QHash<QString, QString> idByCode;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ?").arg(StoreRows::attendeeColumns()));
        q.addBindValue(event.id);
        if (!q.exec())
            return fail(describe(q.lastError(), QStringLiteral("reading the current attendee list")));
        while (q.next()) {
            AttendeeView view = StoreRows::attendeeView(q);
            if (!view.attendee.codeHash.isEmpty())
                idByCode.insert(view.attendee.codeHash, view.attendee.id);
            existing.insert(view.attendee.id, view);
        }
    }

    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO attendees (id, event_id, code_hash, first_name, last_name, company, "
                                  "email, ticket_type, status, cancelled_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE attendees SET code_hash = ?, first_name = ?, last_name = ?, company = ?, "
                                  "email = ?, ticket_type = ?, status = ?, cancelled_at = ?, updated_at = ? "
                                  "WHERE pk = ?"));
    const qint64 now = m_wall->nowMs();
    QHash<QString, int> namesakes;
    QHash<QString, int> rowOfId;
    QList<AttendeeView> statusChanged;
    for (const AttendeeCsv::Row &row : rows) {
        Attendee a;
        a.eventId = event.id;
        a.codeHash = row.ticketCode.isEmpty() ? QString() : TicketCode::hash(event.salt, row.ticketCode);
        a.id = row.externalId.isEmpty() ? derivedId(row, a.codeHash, &namesakes) : row.externalId;
        a.firstName = row.firstName;
        a.lastName = row.lastName;
        a.company = row.company;
        a.email = row.email;
        a.ticketType = row.ticketType;
        a.status = row.status;
        a.updatedAtMs = now;

        if (const int other = rowOfId.value(a.id); other != 0)
            return fail(QStringLiteral("Row %1: the id %2 is also on row %3. Give every attendee a unique id, or "
                                       "remove the id column; nothing was imported.")
                            .arg(row.row)
                            .arg(a.id)
                            .arg(other));
        rowOfId.insert(a.id, row.row);
        if (!a.codeHash.isEmpty()) {
            const QString holder = idByCode.value(a.codeHash);
            if (!holder.isEmpty() && holder != a.id)
                return fail(QStringLiteral("Row %1: ticket code %2 already belongs to another attendee of %3 "
                                           "(id %4). Fix the list; nothing was imported.")
                                .arg(row.row)
                                .arg(row.ticketCode, event.name, holder));
            idByCode.insert(a.codeHash, a.id);
        }

        auto found = existing.constFind(a.id);
        if (found == existing.constEnd()) {
            a.cancelledAtMs = 0; // cancelled before this device knew the attendee: from the start
            for (const QVariant &v : {StoreRows::text(a.id), StoreRows::text(a.eventId),
                                      a.codeHash.isEmpty() ? QVariant() : QVariant(a.codeHash),
                                      StoreRows::text(a.firstName), StoreRows::text(a.lastName), StoreRows::text(a.company),
                                      StoreRows::text(a.email), StoreRows::text(a.ticketType),
                                      QVariant(a.isCancelled() ? 1 : 0), QVariant(a.cancelledAtMs),
                                      QVariant(a.updatedAtMs)})
                insert.addBindValue(v);
            if (!insert.exec())
                return fail(describe(insert.lastError(), QStringLiteral("importing row %1").arg(row.row)));
            ++summary.inserted;
            continue;
        }
        const AttendeeView &before = found.value();
        if (sameFields(a, before.attendee)) {
            ++summary.unchanged;
            continue;
        }
        a.cancelledAtMs = !a.isCancelled()               ? 0
                          : before.attendee.isCancelled() ? before.attendee.cancelledAtMs
                                                          : now;
        for (const QVariant &v : {a.codeHash.isEmpty() ? QVariant() : QVariant(a.codeHash), StoreRows::text(a.firstName),
                                  StoreRows::text(a.lastName), StoreRows::text(a.company), StoreRows::text(a.email),
                                  StoreRows::text(a.ticketType), QVariant(a.isCancelled() ? 1 : 0),
                                  QVariant(a.cancelledAtMs), QVariant(a.updatedAtMs), QVariant(before.key)})
            update.addBindValue(v);
        if (!update.exec())
            return fail(describe(update.lastError(), QStringLiteral("updating row %1").arg(row.row)));
        ++summary.updated;
        if (a.status != before.attendee.status) {
            AttendeeView changed = before;
            changed.attendee = a;
            statusChanged.append(changed);
        }
    }

    // A ticket cancelled or restored changes how its check-ins count.
    for (AttendeeView &view : statusChanged) {
        QList<CheckInRecord> records;
        const QString saved = m_event.id;
        m_event.id = event.id;
        const bool ok = loadCheckIns(view.attendee.id, {}, &records, &summary.error)
                        && (records.isEmpty() || reclassify(&view.attendee, records, &view, &summary.error));
        m_event.id = saved;
        if (!ok)
            return fail(summary.error);
    }

    if (!commit(&summary.error))
        return fail(summary.error);
    if (!loadEvents(&summary.error))
        return summary;
    if (event.id == m_event.id)
        m_indexReady = false;
    summary.eventId = event.id;
    summary.eventName = event.name;
    return summary;
}

} // namespace checkin
