// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: what the event lead's console reads (attendees with their state, a person's
// history, the live view's counts, exports) and its reviews. Reads write nothing.
#include "ServerStore.h"

#include "SearchText.h"
#include "ServerRows.h"
#include "ServerSchema.h"
#include "SqlStatement.h"
#include "TicketCode.h"
#include "WallClock.h"

#include <QRegularExpression>

#include <algorithm>

namespace checkin {

namespace {

// One attendee's summary from their stored check-ins (derived by the rules every kiosk uses).
AttendeeSummary summarize(const Attendee &attendee, const QList<CheckIn> &checkIns,
                          const QHash<QString, QString> &deviceNames)
{
    AttendeeSummary s{attendee, {}, {}, {}};
    s.state = derive(&attendee, checkIns).state;
    for (const CheckIn &c : checkIns) {
        if (c.id == s.state.lastCheckInId) {
            s.last = c;
            s.lastDeviceName = deviceNames.value(c.deviceId);
        }
    }
    return s;
}

// Query words as LIKE patterns on the search keys; LIKE's own wildcards are not words.
QStringList searchPatterns(const QString &query)
{
    QStringList patterns;
    for (QString word : SearchText::queryWords(query)) {
        word.remove(QRegularExpression(QStringLiteral("[%_\\\\]")));
        if (!word.isEmpty())
            patterns << QStringLiteral("% ") + word + QLatin1Char('%');
    }
    return patterns;
}

} // namespace

int ServerStore::schemaVersion() const
{
    return ServerSchema::latestVersion();
}

bool ServerStore::deviceNames(QSqlDatabase &db, const QString &eventId, QHash<QString, QString> *names,
                              QString *error)
{
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("SELECT id, name FROM devices WHERE event_id = ?")) ||
        !q.bind(eventId).exec()) {
        *error = q.lastError();
        return false;
    }
    while (q.next())
        names->insert(q.text(0), q.text(1));
    *error = q.lastError();
    return error->isEmpty();
}

Result<bool> ServerStore::createSession(const QString &idHash, const AdminSession &session,
                                        const QString &address)
{
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {false, dbError(QStringLiteral("signing in"), error)};
    SqlStatement expired(db);
    SqlStatement insert(db);
    if (!expired.prepare(QStringLiteral("DELETE FROM sessions WHERE expires_at < ?")) ||
        !expired.bind(m_clock->nowMs()).exec() ||
        !insert.prepare(QStringLiteral("INSERT INTO sessions (id_hash, csrf, created_at, expires_at, "
                                       "address) VALUES (?, ?, ?, ?, ?)")) ||
        !insert.bind(idHash)
             .bind(session.csrf)
             .bind(m_clock->nowMs())
             .bind(session.expiresAtMs)
             .bind(address)
             .exec() ||
        !tx.commit(&error))
        return {false,
                dbError(QStringLiteral("signing in"), expired.lastError() + insert.lastError() + error)};
    return {true, {}};
}

Result<AdminSession> ServerStore::session(const QString &idHash)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("checking the session"), error)};
    SqlStatement q(db);
    if (!q.prepare(
            QStringLiteral("SELECT csrf, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?")) ||
        !q.bind(idHash).bind(m_clock->nowMs()).exec())
        return {{}, dbError(QStringLiteral("checking the session"), q.lastError())};
    if (!q.next())
        return Result<AdminSession>::fail(401, QStringLiteral("unauthorized"),
                                          QStringLiteral("The session has ended; sign in again."));
    return {{q.text(0), q.int64(1)}, {}};
}

Result<bool> ServerStore::deleteSession(const QString &idHash)
{
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {false, dbError(QStringLiteral("signing out"), error)};
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("DELETE FROM sessions WHERE id_hash = ?")) || !q.bind(idHash).exec() ||
        !tx.commit(&error))
        return {false, dbError(QStringLiteral("signing out"), q.lastError() + error)};
    return {true, {}};
}

Result<QList<AttendeeSummary>> ServerStore::findAttendees(const QString &eventId, const QString &query,
                                                          int limit, int offset, int *total)
{
    using R = Result<QList<AttendeeSummary>>;
    const Result<Event> ev = event(eventId);
    if (!ev.ok())
        return {{}, ev.error};
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("searching attendees"), error)};
    const QStringList patterns = searchPatterns(query);
    const QString code = query.trimmed();
    QString where = QStringLiteral("event_id = ?");
    if (!code.isEmpty()) {
        QStringList words(patterns.size(), QStringLiteral("search LIKE ?"));
        where += QStringLiteral(" AND (%1code_hash = ?)")
                     .arg(words.isEmpty() ? QString()
                                          : QLatin1Char('(') + words.join(QStringLiteral(" AND ")) +
                                                QStringLiteral(") OR "));
    }
    auto bindWhere = [&](SqlStatement &q) {
        q.bind(eventId);
        if (code.isEmpty())
            return;
        for (const QString &p : patterns)
            q.bind(p);
        q.bind(TicketCode::hash(ev.value.salt, code));
    };
    SqlStatement count(db);
    if (!count.prepare(QStringLiteral("SELECT COUNT(*) FROM attendees WHERE ") + where))
        return {{}, dbError(QStringLiteral("searching attendees"), count.lastError())};
    bindWhere(count);
    if (!count.exec() || !count.next())
        return {{}, dbError(QStringLiteral("searching attendees"), count.lastError())};
    *total = count.int32(0);

    SqlStatement q(db);
    if (!q.prepare(
            QStringLiteral(
                "SELECT %1 FROM attendees WHERE %2 ORDER BY last_name, first_name, id LIMIT ? OFFSET ?")
                .arg(ServerRows::attendeeColumns(), where)))
        return {{}, dbError(QStringLiteral("searching attendees"), q.lastError())};
    bindWhere(q);
    if (!q.bind(limit).bind(offset).exec())
        return {{}, dbError(QStringLiteral("searching attendees"), q.lastError())};
    QList<Attendee> found;
    QStringList ids;
    while (q.next()) {
        found << ServerRows::readAttendee(q, 0, eventId);
        ids << found.constLast().id;
    }
    if (!q.lastError().isEmpty())
        return {{}, dbError(QStringLiteral("searching attendees"), q.lastError())};

    QHash<QString, QList<CheckIn>> checkIns;
    QHash<QString, QString> names;
    if (!ids.isEmpty()) {
        SqlStatement c(db);
        if (!c.prepare(QStringLiteral("SELECT %1 FROM checkins WHERE event_id = ? AND attendee_id IN (%2)")
                           .arg(ServerRows::checkInColumns(), c.list(ids.size()))) ||
            !c.bind(eventId).bindList(ids).exec())
            return {{}, dbError(QStringLiteral("searching attendees"), c.lastError())};
        while (c.next()) {
            CheckIn checkIn;
            Classification unused;
            ServerRows::readCheckIn(c, 0, eventId, &checkIn, &unused);
            checkIns[checkIn.attendeeId] << checkIn;
        }
        if (!c.lastError().isEmpty() || !deviceNames(db, eventId, &names, &error))
            return {{}, dbError(QStringLiteral("searching attendees"), c.lastError() + error)};
    }
    R out;
    for (const Attendee &a : std::as_const(found))
        out.value << summarize(a, checkIns.value(a.id), names);
    return out;
}

Result<AttendeeSummary> ServerStore::attendee(const QString &eventId, const QString &attendeeId,
                                              QList<HistoryItem> *history)
{
    using R = Result<AttendeeSummary>;
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("reading the attendee"), error)};
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("SELECT %1 FROM attendees WHERE event_id = ? AND id = ?")
                       .arg(ServerRows::attendeeColumns())) ||
        !q.bind(eventId).bind(attendeeId).exec())
        return {{}, dbError(QStringLiteral("reading the attendee"), q.lastError())};
    if (!q.next())
        return R::fail(404, QStringLiteral("no_such_attendee"),
                       QStringLiteral("Event %1 has no attendee %2.").arg(eventId, attendeeId.left(128)));
    const Attendee a = ServerRows::readAttendee(q, 0, eventId);

    SqlStatement c(db);
    if (!c.prepare(QStringLiteral("SELECT %1, r.note, r.reviewed_at FROM checkins c LEFT JOIN reviews r ON "
                                  "r.event_id = c.event_id AND r.checkin_id = c.id "
                                  "WHERE c.event_id = ? AND c.attendee_id = ?")
                       .arg(ServerRows::checkInColumns(QStringLiteral("c.")))) ||
        !c.bind(eventId).bind(attendeeId).exec())
        return {{}, dbError(QStringLiteral("reading the attendee"), c.lastError())};
    QList<CheckIn> checkIns;
    QHash<QString, QString> names;
    while (c.next()) {
        HistoryItem item;
        ServerRows::readCheckIn(c, 0, eventId, &item.checkIn, &item.classification);
        item.review = {c.int64(ServerRows::CheckInWidth + 1), c.text(ServerRows::CheckInWidth)};
        checkIns << item.checkIn;
        *history << item;
    }
    if (!c.lastError().isEmpty() || !deviceNames(db, eventId, &names, &error))
        return {{}, dbError(QStringLiteral("reading the attendee"), c.lastError() + error)};
    std::sort(history->begin(), history->end(),
              [](const HistoryItem &x, const HistoryItem &y) { return precedes(x.checkIn, y.checkIn); });
    for (HistoryItem &item : *history)
        item.deviceName = names.value(item.checkIn.deviceId);
    return {summarize(a, checkIns, names), {}};
}

Result<Review> ServerStore::saveReview(const QString &eventId, const QString &checkInId, const QString &note)
{
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {{}, dbError(QStringLiteral("saving the review"), error)};
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("SELECT 1 FROM checkins WHERE event_id = ? AND id = ?")) ||
        !q.bind(eventId).bind(checkInId).exec())
        return {{}, dbError(QStringLiteral("saving the review"), q.lastError())};
    if (!q.next())
        return Result<Review>::fail(
            404, QStringLiteral("no_such_checkin"),
            QStringLiteral("Event %1 has no check-in %2.").arg(eventId, checkInId.left(128)));
    const Review review{m_clock->nowMs(), note};
    SqlStatement save(db);
    if (!save.prepare(QStringLiteral(
            "INSERT INTO reviews (event_id, checkin_id, note, reviewed_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (event_id, checkin_id) DO UPDATE SET note = excluded.note, "
            "reviewed_at = excluded.reviewed_at")) ||
        !save.bind(eventId).bind(checkInId).bind(note).bind(review.atMs).exec() || !tx.commit(&error))
        return {{}, dbError(QStringLiteral("saving the review"), save.lastError() + error)};
    return {review, {}};
}

Result<bool> ServerStore::forEachAttendee(const QString &eventId,
                                          const std::function<void(const AttendeeSummary &)> &row)
{
    QString error;
    QSqlDatabase db = connection(&error);
    QHash<QString, QString> names;
    if (!db.isOpen() || !deviceNames(db, eventId, &names, &error))
        return {false, dbError(QStringLiteral("exporting attendees"), error)};
    // Each person's rows together (whatever order the database sorts ids in): one person's
    // check-ins in memory at a time.
    SqlStatement q(db);
    if (!q.prepare(
            QStringLiteral("SELECT %1, %2 FROM attendees a LEFT JOIN checkins c ON c.event_id = a.event_id "
                           "AND c.attendee_id = a.id WHERE a.event_id = ? ORDER BY a.id")
                .arg(ServerRows::attendeeColumns(QStringLiteral("a.")),
                     ServerRows::checkInColumns(QStringLiteral("c.")))) ||
        !q.bind(eventId).exec())
        return {false, dbError(QStringLiteral("exporting attendees"), q.lastError())};
    constexpr int CheckInFrom = ServerRows::AttendeeWidth;
    Attendee current;
    QList<CheckIn> theirs;
    while (q.next()) {
        const Attendee a = ServerRows::readAttendee(q, 0, eventId);
        if (a.id != current.id) {
            if (!current.id.isEmpty())
                row(summarize(current, theirs, names));
            current = a;
            theirs.clear();
        }
        if (!q.text(CheckInFrom).isEmpty()) {
            CheckIn c;
            Classification unused;
            ServerRows::readCheckIn(q, CheckInFrom, eventId, &c, &unused);
            theirs << c;
        }
    }
    if (!q.lastError().isEmpty())
        return {false, dbError(QStringLiteral("exporting attendees"), q.lastError())};
    if (!current.id.isEmpty())
        row(summarize(current, theirs, names));
    return {true, {}};
}

Result<bool>
ServerStore::forEachCheckIn(const QString &eventId,
                            const std::function<void(const HistoryItem &, const QString &attendeeName)> &row)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {false, dbError(QStringLiteral("exporting check-ins"), error)};
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral(
                       "SELECT %1, a.first_name, a.last_name, d.name, r.note, r.reviewed_at FROM checkins c "
                       "LEFT JOIN attendees a ON a.event_id = c.event_id AND a.id = c.attendee_id "
                       "LEFT JOIN devices d ON d.id = c.device_id "
                       "LEFT JOIN reviews r ON r.event_id = c.event_id AND r.checkin_id = c.id "
                       "WHERE c.event_id = ? ORDER BY c.hlc, c.device_id, c.id")
                       .arg(ServerRows::checkInColumns(QStringLiteral("c.")))) ||
        !q.bind(eventId).exec())
        return {false, dbError(QStringLiteral("exporting check-ins"), q.lastError())};
    while (q.next()) {
        HistoryItem item;
        ServerRows::readCheckIn(q, 0, eventId, &item.checkIn, &item.classification);
        constexpr int w = ServerRows::CheckInWidth;
        item.deviceName = q.text(w + 2);
        item.review = {q.int64(w + 4), q.text(w + 3)};
        row(item, Attendee{.firstName = q.text(w), .lastName = q.text(w + 1)}.displayName());
    }
    if (!q.lastError().isEmpty())
        return {false, dbError(QStringLiteral("exporting check-ins"), q.lastError())};
    return {true, {}};
}

bool ServerStore::fillSearchKeys(QString *error)
{
    QSqlDatabase db = connection(error);
    if (!db.isOpen())
        return false;
    SqlStatement q(db);
    if (!q.prepare(QStringLiteral("SELECT event_id, id, first_name, last_name, company, email FROM attendees "
                                  "WHERE search = ''")) ||
        !q.exec()) {
        *error = q.lastError();
        return false;
    }
    QList<QStringList> updates; // search, event, id
    while (q.next()) {
        const QString keys = ServerRows::searchKeys(Attendee{
            .firstName = q.text(2), .lastName = q.text(3), .company = q.text(4), .email = q.text(5)});
        if (!keys.isEmpty())
            updates << QStringList{keys, q.text(0), q.text(1)};
    }
    if (updates.isEmpty())
        return q.lastError().isEmpty();
    Transaction tx(this, db);
    SqlStatement update(db);
    if (!tx.begin(error) ||
        !update.prepare(QStringLiteral("UPDATE attendees SET search = ? WHERE event_id = ? AND id = ?")))
        return false;
    for (const QStringList &u : std::as_const(updates)) {
        if (!update.bind(u[0]).bind(u[1]).bind(u[2]).exec()) {
            *error = update.lastError();
            return false;
        }
    }
    return tx.commit(error);
}

} // namespace checkin
