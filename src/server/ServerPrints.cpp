// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: the badge print log (docs/protocol.md, "Badge prints"). A print is kept once per id;
// the same item again is answered as stored, another body under the same id is refused.
#include "ServerStore.h"
#include "SqlStatement.h"

#include <QHash>
#include <QSet>

namespace checkin {

Result<QList<Protocol::PrintResult>> ServerStore::storePrints(const QString &eventId, const QString &deviceId,
                                                              const QList<BadgePrint> &prints,
                                                              const QStringList &bodyHashes)
{
    using R = Result<QList<Protocol::PrintResult>>;
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {{}, dbError(QStringLiteral("storing badge prints"), error)};
    SqlStatement q(db);
    auto fail = [&](const QString &detail) {
        tx.rollback();
        return R{{}, dbError(QStringLiteral("storing badge prints"), detail)};
    };

    QStringList ids;
    QStringList attendeeIds;
    for (const BadgePrint &p : prints) {
        ids << p.id;
        attendeeIds << p.attendeeId;
    }
    ids.removeDuplicates();
    attendeeIds.removeDuplicates();
    QHash<QString, QString> stored; // id -> body hash, of the prints the event has already
    if (!q.prepare(QStringLiteral("SELECT id, body_hash FROM prints WHERE event_id = ? AND id IN (%1)")
                       .arg(q.list(ids.size()))))
        return fail(q.lastError());
    q.bind(eventId).bindList(ids);
    if (!q.exec())
        return fail(q.lastError());
    while (q.next())
        stored.insert(q.text(0), q.text(1));
    QSet<QString> known;
    if (!q.prepare(QStringLiteral("SELECT id FROM attendees WHERE event_id = ? AND id IN (%1)")
                       .arg(q.list(attendeeIds.size()))))
        return fail(q.lastError());
    q.bind(eventId).bindList(attendeeIds);
    if (!q.exec())
        return fail(q.lastError());
    while (q.next())
        known.insert(q.text(0));
    if (!q.lastError().isEmpty())
        return fail(q.lastError());

    QList<Protocol::PrintResult> results;
    QList<int> fresh;
    for (int i = 0; i < prints.size(); ++i) {
        const BadgePrint &p = prints[i];
        const QString &hash = bodyHashes[i];
        if (stored.contains(p.id)) {
            const bool same = stored.value(p.id) == hash;
            results << Protocol::PrintResult{p.id, same, same ? QString() : QStringLiteral("id_reused")};
            continue;
        }
        if (!known.contains(p.attendeeId)) {
            results << Protocol::PrintResult{p.id, false, QStringLiteral("unknown_attendee")};
            continue;
        }
        stored.insert(p.id, hash); // the same id later in this batch
        results << Protocol::PrintResult{p.id, true, {}};
        fresh << i;
    }
    QList<qint64> seqs;
    if (!allocateSeqs(db, int(fresh.size()), &seqs, &error))
        return fail(error);
    const qint64 now = m_clock->nowMs();
    for (int k = 0; k < fresh.size(); ++k) {
        const BadgePrint &p = prints[fresh[k]];
        if (!q.prepare(
                QStringLiteral("INSERT INTO prints (event_id, id, attendee_id, at, device_id, layout, "
                               "body_hash, received_at, seq, txid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, %1)")
                    .arg(txidExpression())))
            return fail(q.lastError());
        q.bind(eventId)
            .bind(p.id)
            .bind(p.attendeeId)
            .bind(p.atMs)
            .bind(deviceId)
            .bind(p.layout)
            .bind(bodyHashes[fresh[k]])
            .bind(now)
            .bind(seqs[k]);
        if (!q.exec())
            return fail(q.lastError());
    }
    if (!tx.commit(&error))
        return fail(error);
    return {results, {}};
}

} // namespace checkin
