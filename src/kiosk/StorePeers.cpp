// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: what the doors of an event exchange while they talk to each other (src/kiosk/peers):
// each door's check-ins by their number at that door, the event's peer key, the doors heard.
#include "KioskLogging.h"
#include "StoreRows.h"
#include "StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace checkin {

namespace {
const QString generationKey = QStringLiteral("peer_generation");
const QString secretKey = QStringLiteral("peer_secret");
const QString keyEventKey = QStringLiteral("peer_event"); // the event the key is of
} // namespace

StoreStatus StoreWorker::setPeerKey(const PeerKey &key)
{
    if (!key.isValid() || m_event.id.isEmpty())
        return {};
    // The same key again (every page of the feed carries it) writes nothing; nor does an older
    // generation of the same event's key.
    const bool sameEvent = meta(keyEventKey) == m_event.id;
    const int known = sameEvent ? meta(generationKey).toInt() : 0;
    if (key.generation < known ||
        (key.generation == known && QByteArray::fromBase64(meta(secretKey).toLatin1()) == key.secret))
        return {};
    QString error;
    if (!begin(&error))
        return {error};
    if (!setMeta(keyEventKey, m_event.id, &error) ||
        !setMeta(generationKey, QString::number(key.generation), &error) ||
        !setMeta(secretKey, QString::fromLatin1(key.secret.toBase64()), &error)) {
        rollback();
        return {error};
    }
    if (!commit(&error))
        return {error};
    qCInfo(lcStore) << "peer key of generation" << key.generation << "kept";
    return {};
}

HoldVector StoreWorker::holdings(QString *error)
{
    // One index step per door (a skip scan over checkins_origin), however many check-ins there are.
    HoldVector holds;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "WITH RECURSIVE d(dev) AS ("
        " SELECT MIN(device_id) FROM checkins WHERE origin_seq > 0"
        " UNION ALL SELECT (SELECT MIN(device_id) FROM checkins WHERE origin_seq > 0 AND device_id > d.dev)"
        " FROM d WHERE d.dev IS NOT NULL) "
        "SELECT dev, (SELECT MAX(origin_seq) FROM checkins WHERE device_id = dev AND origin_seq > 0) "
        "FROM d WHERE dev IS NOT NULL"));
    if (!q.exec()) {
        *error = describe(q.lastError(), StoreWorker::tr("reading what this door holds"));
        return holds;
    }
    while (q.next())
        holds.insert(q.value(0).toString(), q.value(1).toLongLong());
    return holds;
}

PeerState StoreWorker::peerState(qint64 replicatedUpTo)
{
    PeerState state;
    state.eventId = m_event.id;
    state.deviceId = meta(QStringLiteral("device_id"));
    state.deviceName = meta(QStringLiteral("device_name"));
    if (meta(keyEventKey) == m_event.id && !m_event.id.isEmpty()) {
        state.key.generation = meta(generationKey).toInt();
        state.key.secret = QByteArray::fromBase64(meta(secretKey).toLatin1());
    }
    state.holds = holdings(&state.error);
    if (!state.error.isEmpty())
        return state;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT device_id, name, address, version, last_heard, holds, problem "
                               "FROM peers ORDER BY last_heard DESC, device_id"))) {
        state.error = describe(q.lastError(), StoreWorker::tr("reading the doors heard"));
        return state;
    }
    qint64 replicated = replicatedUpTo;
    while (q.next()) {
        PeerRecord p{q.value(0).toString(), q.value(1).toString(),   q.value(2).toString(),
                     q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong(),
                     q.value(6).toString()};
        // Heard lately: connected (the peer service writes while it runs, every few seconds).
        p.connected = p.problem.isEmpty() && m_wall->nowMs() - p.lastHeardMs < 15'000;
        if (replicatedUpTo < 0)
            replicated = std::max(replicated, p.holds);
        state.peers << p;
    }
    q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(origin_seq <= ?), 0) FROM checkins "
                             "WHERE device_id = ? AND origin_seq > 0"));
    q.addBindValue(std::max<qint64>(0, replicated));
    q.addBindValue(StoreRows::text(state.deviceId));
    if (!q.exec() || !q.next()) {
        state.error = describe(q.lastError(), StoreWorker::tr("counting the check-ins other doors hold"));
        return state;
    }
    state.own = q.value(0).toInt();
    state.replicated = q.value(1).toInt();
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM checkins WHERE delivered = 0 AND device_id <> ?"));
    q.addBindValue(StoreRows::text(state.deviceId));
    if (!q.exec() || !q.next()) {
        state.error = describe(q.lastError(), StoreWorker::tr("counting undelivered check-ins"));
        return state;
    }
    state.heldForOthers = q.value(0).toInt();
    return state;
}

PeerItems StoreWorker::peerItems(const QString &originDevice, qint64 after, int limit)
{
    PeerItems out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1, c.origin_seq, a.pk, a.first_name, a.last_name, a.company, a.ticket_type "
                       "FROM checkins c LEFT JOIN attendees a ON a.event_id = c.event_id AND "
                       "a.id = c.attendee_id AND a.walk_in_checkin = c.id "
                       "WHERE c.device_id = ? AND c.origin_seq > ? AND c.event_id = ? "
                       "ORDER BY c.origin_seq LIMIT ?")
            .arg(StoreRows::checkInColumns(QStringLiteral("c"))));
    q.addBindValue(originDevice);
    q.addBindValue(after);
    q.addBindValue(StoreRows::text(m_event.id));
    q.addBindValue(limit);
    if (!q.exec()) {
        out.error = describe(q.lastError(), StoreWorker::tr("reading check-ins for another door"));
        return out;
    }
    constexpr int w = StoreRows::CheckInWidth;
    while (q.next()) {
        PeerItem item{StoreRows::checkInRecord(q).checkIn, q.value(w).toLongLong(), std::nullopt};
        if (!q.isNull(w + 1))
            item.walkIn = WalkIn{q.value(w + 2).toString(), q.value(w + 3).toString(),
                                 q.value(w + 4).toString(), q.value(w + 5).toString()};
        out.items << item;
    }
    return out;
}

PeerApplied StoreWorker::storePeerItems(const QList<PeerItem> &items,
                                        const QHash<QString, QString> &deviceNames)
{
    PeerApplied out;
    if (m_event.id.isEmpty()) {
        out.error = StoreWorker::tr("No event on this device: enrol it first.");
        return out;
    }
    const QString self = meta(QStringLiteral("device_id"));
    if (!begin(&out.error))
        return out;
    auto fail = [&](const QSqlQuery &q, const QString &what) {
        out.error = describe(q.lastError(), what);
        out.stored = 0;
        out.ids.clear();
        rollback();
        return out;
    };
    // A walk-in registered at another door: the person, unless this door has them already (from
    // the server, or an earlier copy of the same entry).
    QSqlQuery person(m_db);
    person.prepare(QStringLiteral(
        "INSERT INTO attendees (id, event_id, first_name, last_name, company, ticket_type, updated_at, "
        "walk_in_checkin) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, id) DO NOTHING"));
    // New here: undelivered (the server may not have it). Known already from the server's feed:
    // it only takes its number, so that this door passes it on to others in order.
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral(
        "INSERT INTO checkins (id, event_id, attendee_id, code_hash, kind, ref, at, hlc, device_id, "
        "forced, note, list, answer, paper, delivered, origin_seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?) "
        "ON CONFLICT (id) DO UPDATE SET origin_seq = excluded.origin_seq WHERE checkins.origin_seq = 0"));
    QSet<QString> touched;
    QList<Attendee> newPeople;
    QSet<QString> origins;
    for (const PeerItem &item : items) {
        const CheckIn &c = item.checkIn;
        if (c.deviceId.isEmpty() || c.deviceId == self || item.originSeq <= 0)
            continue; // this door's own, or nobody's: nothing to learn
        origins.insert(c.deviceId);
        if (item.walkIn && !c.attendeeId.isEmpty()) {
            const WalkIn &w = *item.walkIn;
            for (const QVariant &v :
                 {StoreRows::text(c.attendeeId), StoreRows::text(m_event.id), StoreRows::text(w.firstName),
                  StoreRows::text(w.lastName), StoreRows::text(w.company), StoreRows::text(w.ticketType),
                  QVariant(c.atMs), StoreRows::text(c.id)})
                person.addBindValue(v);
            if (!person.exec())
                return fail(person, StoreWorker::tr("registering another door's walk-in"));
            if (person.numRowsAffected() > 0)
                newPeople << Attendee{.id = c.attendeeId,
                                      .eventId = m_event.id,
                                      .firstName = w.firstName,
                                      .lastName = w.lastName,
                                      .company = w.company,
                                      .ticketType = w.ticketType,
                                      .updatedAtMs = c.atMs,
                                      .walkInCheckIn = c.id};
        }
        for (const QVariant &v :
             {StoreRows::text(c.id), StoreRows::text(m_event.id), StoreRows::text(c.attendeeId),
              StoreRows::hash(c.codeHash), QVariant(int(c.kind)), StoreRows::text(c.ref), QVariant(c.atMs),
              QVariant(qint64(c.hlc.packed())), StoreRows::text(c.deviceId), QVariant(c.forced ? 1 : 0),
              StoreRows::text(c.note), StoreRows::text(c.list), StoreRows::text(c.answer),
              QVariant(c.paper ? 1 : 0), QVariant(item.originSeq)})
            insert.addBindValue(v);
        if (!insert.exec())
            return fail(insert, StoreWorker::tr("storing another door's check-ins"));
        if (insert.numRowsAffected() == 0)
            continue;
        ++out.stored;
        out.ids << c.id;
        // A code this door cannot place is kept as the server would keep it, for nobody.
        if (!c.attendeeId.isEmpty())
            touched.insert(c.attendeeId);
        m_clock.observe(c.hlc); // later local check-ins order after what this door has seen
    }
    QHash<QString, QString> newNames;
    if (!rederive(touched, &out.error) || !storeDeviceNames(deviceNames, &newNames, &out.error)) {
        out.stored = 0;
        out.ids.clear();
        rollback();
        return out;
    }
    if (!commit(&out.error)) {
        out.stored = 0;
        out.ids.clear();
        return out;
    }
    m_deviceNames.insert(newNames);
    if (!newPeople.isEmpty()) {
        m_counts.valid = false;
        if (m_indexReady && !indexAttendees(newPeople, &out.error)) {
            qCWarning(lcStore, "search index not updated, rebuilt on the next search: %s",
                      qPrintable(out.error));
            out.error.clear();
            forgetIndex();
        } else if (!m_indexReady) {
            forgetIndex();
        }
    }
    const HoldVector all = holdings(&out.error);
    for (const QString &origin : std::as_const(origins))
        out.holds.insert(origin, all.value(origin));
    return out;
}

StoreStatus StoreWorker::recordPeers(const QList<PeerRecord> &peers)
{
    if (peers.isEmpty())
        return {};
    QString error;
    if (!begin(&error))
        return {error};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO peers (device_id, name, address, version, last_heard, "
                             "holds, problem) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const PeerRecord &p : peers) {
        for (const QVariant &v : {StoreRows::text(p.deviceId), StoreRows::text(p.name),
                                  StoreRows::text(p.address), StoreRows::text(p.version),
                                  QVariant(p.lastHeardMs), QVariant(p.holds), StoreRows::text(p.problem)})
            q.addBindValue(v);
        if (!q.exec()) {
            const StoreStatus status{describe(q.lastError(), StoreWorker::tr("keeping the doors heard"))};
            rollback();
            return status;
        }
    }
    if (!commit(&error))
        return {error};
    return {};
}

} // namespace checkin
