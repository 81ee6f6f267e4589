// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: the events' check-in lists (docs/protocol.md, "Check-in lists"). A change of lists
// re-classifies every check-in of the event in the same transaction, so that the feed tells every
// kiosk what the new rules made of them.
#include "ServerRows.h"
#include "ServerStore.h"
#include "SqlStatement.h"

#include <QTimeZone>

namespace checkin {

namespace {
// Attendee ids per classify() call: the statement's parameters stay far below SQLite's and
// PostgreSQL's limits.
constexpr qsizetype ReclassifyChunk = 1000;
// More lists than any door picker could show is a mistake in the upload.
constexpr qsizetype MaxListsPerEvent = 100;
} // namespace

bool ServerStore::loadRules(QSqlDatabase &db, const QString &eventId, RuleBook *rules, QString *error,
                            bool forUpdate)
{
    SqlStatement q(db);
    const QString lock = !m_config.isPostgres() ? QString()
                         : forUpdate            ? QStringLiteral(" FOR UPDATE")
                                                : QStringLiteral(" FOR SHARE");
    if (!q.prepare(QStringLiteral("SELECT timezone FROM events WHERE id = ?%1").arg(lock)) ||
        !q.bind(eventId).exec()) {
        *error = q.lastError();
        return false;
    }
    const QString timezone = q.next() ? q.text(0) : QString();
    QList<CheckInList> lists;
    if (!q.prepare(QStringLiteral("SELECT id, body FROM lists WHERE event_id = ? ORDER BY id")) ||
        !q.bind(eventId).exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next()) {
        CheckInList list;
        QString why;
        if (!Protocol::fromListText(q.text(1), &list, &why)) {
            *error =
                QStringLiteral("check-in list %1 of event %2 is unreadable: %3").arg(q.text(0), eventId, why);
            return false;
        }
        lists << list;
    }
    if (!q.lastError().isEmpty()) {
        *error = q.lastError();
        return false;
    }
    *rules = RuleBook(std::move(lists), timezone);
    return true;
}

Result<QList<CheckInList>> ServerStore::lists(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    RuleBook rules;
    if (!db.isOpen() || !loadRules(db, eventId, &rules, &error))
        return {{}, dbError(QStringLiteral("reading the check-in lists"), error)};
    // The default list first (as the lead set it, or as it is without lists), then the others.
    QList<CheckInList> out{rules.listOrDefault({})};
    for (const CheckInList &l : rules.lists()) {
        if (l.id != CheckInList::DefaultId)
            out << l;
    }
    return {out, {}};
}

Result<ListsSummary> ServerStore::putLists(const QString &eventId, const QList<CheckInList> &lists)
{
    using R = Result<ListsSummary>;
    QSet<QString> ids;
    for (const CheckInList &l : lists) {
        if (ids.contains(l.id))
            return R::fail(400, QStringLiteral("invalid_lists"),
                           QStringLiteral("The list %1 is given twice.").arg(l.id));
        ids.insert(l.id);
    }
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {{}, dbError(QStringLiteral("storing check-in lists"), error)};
    auto fail = [&](const QString &detail) {
        tx.rollback();
        return R{{}, dbError(QStringLiteral("storing check-in lists"), detail)};
    };
    // The event row locked for update: no batch is classified by the old lists meanwhile.
    RuleBook before;
    if (!loadRules(db, eventId, &before, &error, true))
        return fail(error);

    ListsSummary summary;
    QList<CheckInList> toWrite;
    QSet<QString> known;
    for (const CheckInList &l : before.lists())
        known.insert(l.id);
    const qint64 now = m_clock->nowMs();
    for (CheckInList l : lists) {
        const CheckInList *old = before.list(l.id);
        const bool stored = known.contains(l.id);
        l.updatedAtMs = old ? old->updatedAtMs : 0; // compared without the time it was set
        if (stored && *old == l) {
            ++summary.unchanged;
            continue;
        }
        l.updatedAtMs = now;
        toWrite << l;
        ++(stored ? summary.updated : summary.inserted);
    }
    if (known.size() + summary.inserted > MaxListsPerEvent) {
        tx.rollback();
        return R::fail(
            400, QStringLiteral("invalid_lists"),
            QStringLiteral("An event has at most %1 check-in lists; retire lists instead of adding more.")
                .arg(MaxListsPerEvent));
    }
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(toWrite.size()), &seqs, &error))
        return fail(error);
    SqlStatement q(db);
    for (qsizetype n = 0; n < toWrite.size(); ++n) {
        const CheckInList &l = toWrite[n];
        if (!q.prepare(QStringLiteral("INSERT INTO lists (event_id, id, body, updated_at, seq, txid) "
                                      "VALUES (?, ?, ?, ?, ?, %1) ON CONFLICT (event_id, id) DO UPDATE SET "
                                      "body = excluded.body, updated_at = excluded.updated_at, "
                                      "seq = excluded.seq, txid = excluded.txid")
                           .arg(txidExpression())) ||
            !q.bind(eventId).bind(l.id).bind(Protocol::listText(l)).bind(now).bind(seqs[n]).exec())
            return fail(q.lastError());
    }

    if (!toWrite.isEmpty()) {
        // Every check-in walked again by the new rules (classify() reads the lists just written).
        if (!noteWritingPeople())
            return fail(error);
        if (!q.prepare(QStringLiteral("SELECT DISTINCT attendee_id FROM checkins WHERE event_id = ? AND "
                                      "attendee_id <> ''")) ||
            !q.bind(eventId).exec())
            return fail(q.lastError());
        QStringList people;
        while (q.next())
            people << q.text(0);
        if (!q.lastError().isEmpty())
            return fail(q.lastError());
        QHash<QString, Classification> none;
        for (qsizetype from = 0; from < people.size(); from += ReclassifyChunk) {
            if (!classify(db, eventId, people.mid(from, ReclassifyChunk), {}, &none, nullptr, &error,
                          &summary.reclassified, &before))
                return fail(error);
        }
    }
    if (!tx.commit(&error))
        return fail(error);

    const bool windows = std::any_of(lists.cbegin(), lists.cend(), [](const CheckInList &l) {
        return !l.windows.isEmpty() ||
               std::any_of(l.ticketTypes.cbegin(), l.ticketTypes.cend(),
                           [](const TicketTypeRule &t) { return !t.windows.isEmpty(); });
    });
    const QString timezone =
        before.zone().id() == QTimeZone::utc().id() ? QString() : QString::fromUtf8(before.zone().id());
    if (windows && timezone.isEmpty())
        summary.warnings << QStringLiteral(
            "The event has no time zone: the lists' times are read as UTC. Give the event its zone "
            "(e.g. Europe/Berlin) so that 09:00 means 09:00 at the door.");
    return {summary, {}};
}

} // namespace checkin
