// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ServerStore: enrolment codes, devices and their tokens.
#include "ServerStore.h"
#include "SqlStatement.h"

#include "WallClock.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace checkin {

namespace {

// A code a person types from a screen or a sheet of paper: no 0/O, 1/I.
QString newEnrolmentCode()
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString code;
    for (int i = 0; i < 8; ++i) {
        if (i == 4)
            code += QLatin1Char('-');
        code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(32)]);
    }
    return code;
}

// Codes are compared without case, spaces or dashes, as people type them.
QString normalizedCode(const QString &code)
{
    QString out;
    for (QChar c : code) {
        if (c.isLetterOrNumber())
            out += c.toUpper();
    }
    return out;
}

} // namespace

Result<EnrolmentCode> ServerStore::createEnrolmentCode(const QString &eventId, qint64 validForMs)
{
    const Result<Event> ev = event(eventId);
    if (!ev.ok())
        return {{}, ev.error};
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("creating an enrolment code"), error)};
    EnrolmentCode code{newEnrolmentCode(), m_clock->nowMs() + validForMs};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO enrolment_codes (code_hash, event_id, created_at, expires_at) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(hashToken(normalizedCode(code.code)));
    q.addBindValue(eventId);
    q.addBindValue(m_clock->nowMs());
    q.addBindValue(code.expiresAtMs);
    if (!q.exec())
        return {{}, dbError(QStringLiteral("creating an enrolment code"), q.lastError().text())};
    return {code, {}};
}

Result<Enrolment> ServerStore::enrol(const QString &code, const QString &deviceName)
{
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {{}, dbError(QStringLiteral("enrolling the device"), error)};
    auto rollback = [&] { tx.rollback(); };
    const qint64 now = m_clock->nowMs();
    QSqlQuery q(db);
    // The code row is locked (PostgreSQL) so that a code is used exactly once.
    q.prepare(
        QStringLiteral("SELECT event_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?%1")
            .arg(m_config.isPostgres() ? QStringLiteral(" FOR UPDATE") : QString()));
    const QString codeHash = hashToken(normalizedCode(code));
    q.addBindValue(codeHash);
    if (!q.exec()) {
        rollback();
        return {{}, dbError(QStringLiteral("enrolling the device"), q.lastError().text())};
    }
    const auto refuse = [&](const QString &message) {
        rollback();
        return Result<Enrolment>::fail(403, QStringLiteral("invalid_code"), message);
    };
    // Unknown, used and expired codes get the same answer: a guess learns nothing from it.
    const QString invalid = QStringLiteral(
        "This enrolment code is not valid (unknown, used already or expired). Check it, or ask the event "
        "lead for a new one.");
    if (!q.next())
        return refuse(invalid);
    const QString eventId = q.value(0).toString();
    if (q.value(2).toLongLong() != 0 || q.value(1).toLongLong() < now)
        return refuse(invalid);

    Enrolment enrolment;
    enrolment.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    enrolment.token = newToken();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO devices (id, event_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)"));
    for (const QVariant &v : {QVariant(enrolment.deviceId), QVariant(eventId), QVariant(deviceName),
                              QVariant(hashToken(enrolment.token)), QVariant(now)})
        insert.addBindValue(v);
    QSqlQuery used(db);
    used.prepare(QStringLiteral("UPDATE enrolment_codes SET used_at = ?, device_id = ? WHERE code_hash = ?"));
    used.addBindValue(now);
    used.addBindValue(enrolment.deviceId);
    used.addBindValue(codeHash);
    if (!insert.exec() || !used.exec() || !tx.commit(&error)) {
        const QString detail = insert.lastError().text() + used.lastError().text() + error;
        rollback();
        return {{}, dbError(QStringLiteral("enrolling the device"), detail)};
    }
    const Result<Event> ev = event(eventId);
    if (!ev.ok())
        return {{}, ev.error};
    enrolment.event = ev.value;
    return {enrolment, {}};
}

Result<bool> ServerStore::revoke(const QString &deviceId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    Transaction tx(this, db);
    if (!db.isOpen() || !tx.begin(&error))
        return {false, dbError(QStringLiteral("revoking the device"), error)};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at = 0"));
    q.addBindValue(m_clock->nowMs());
    q.addBindValue(deviceId);
    if (!q.exec()) {
        tx.rollback();
        return {false, dbError(QStringLiteral("revoking the device"), q.lastError().text())};
    }
    if (q.numRowsAffected() == 1) {
        // The doors' key is replaced in the same transaction: the revoked device keeps only the old
        // one, which the other doors stop taking once they have the new one (docs/protocol.md).
        const PeerKey next = PeerKey::generate(1);
        QSqlQuery rotate(db);
        rotate.prepare(
            QStringLiteral("UPDATE events SET peer_secret = ?, peer_generation = peer_generation + 1 "
                           "WHERE id = (SELECT event_id FROM devices WHERE id = ?) AND peer_generation > 0"));
        rotate.addBindValue(QString::fromLatin1(next.secret.toBase64()));
        rotate.addBindValue(deviceId);
        if (!rotate.exec() || !tx.commit(&error)) {
            const QString detail = rotate.lastError().text() + error;
            tx.rollback();
            return {false, dbError(QStringLiteral("revoking the device"), detail)};
        }
        return {true, {}};
    }
    tx.rollback();
    QSqlQuery exists(db);
    exists.prepare(QStringLiteral("SELECT revoked_at FROM devices WHERE id = ?"));
    exists.addBindValue(deviceId);
    if (exists.exec() && exists.next())
        return {true, {}}; // revoked before: the same outcome
    return Result<bool>::fail(404, QStringLiteral("no_such_device"),
                              QStringLiteral("There is no device %1.").arg(deviceId));
}

Result<PeerKey> ServerStore::peerKey(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("reading the peer key"), error)};
    const auto read = [&](PeerKey *key, bool *found) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT peer_generation, peer_secret FROM events WHERE id = ?"));
        q.addBindValue(eventId);
        if (!q.exec())
            return false;
        *found = q.next();
        if (*found) {
            key->generation = q.value(0).toInt();
            key->secret = QByteArray::fromBase64(q.value(1).toString().toLatin1());
        }
        return true;
    };
    PeerKey key;
    bool found = false;
    if (!read(&key, &found))
        return {{}, dbError(QStringLiteral("reading the peer key"), db.lastError().text())};
    if (!found)
        return Result<PeerKey>::fail(404, QStringLiteral("no_such_event"),
                                     QStringLiteral("There is no event %1.").arg(eventId));
    if (key.generation > 0)
        return {key, {}};
    // The first ask makes it; of two servers asking at once, one writes and both read its key.
    const PeerKey made = PeerKey::generate(1);
    QSqlQuery make(db);
    make.prepare(QStringLiteral(
        "UPDATE events SET peer_secret = ?, peer_generation = 1 WHERE id = ? AND peer_generation = 0"));
    make.addBindValue(QString::fromLatin1(made.secret.toBase64()));
    make.addBindValue(eventId);
    if (!make.exec() || !read(&key, &found) || !key.isValid())
        return {{}, dbError(QStringLiteral("making the peer key"), make.lastError().text())};
    return {key, {}};
}

Result<QHash<QString, qint64>> ServerStore::devicesOfEvent(const QString &eventId,
                                                           const QStringList &deviceIds)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("reading devices"), error)};
    SqlStatement q(db);
    QHash<QString, qint64> known;
    if (deviceIds.isEmpty())
        return {known, {}};
    if (!q.prepare(
            QStringLiteral("SELECT d.id, d.created_at, e.starts_at FROM devices d JOIN events e ON e.id = "
                           "d.event_id WHERE d.event_id = ? AND d.id IN (%1)")
                .arg(q.list(deviceIds.size()))) ||
        !q.bind(eventId).bindList(deviceIds).exec())
        return {{}, dbError(QStringLiteral("reading devices"), q.lastError())};
    while (q.next()) {
        const qint64 startsAt = q.int64(2);
        known.insert(q.text(0), startsAt > 0 ? startsAt - EarliestBeforeStartMs
                                             : q.int64(1) - EarliestBeforeEnrolmentMs);
    }
    if (!q.lastError().isEmpty())
        return {{}, dbError(QStringLiteral("reading devices"), q.lastError())};
    return {known, {}};
}

Result<QList<DeviceInfo>> ServerStore::devices(const QString &eventId)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen())
        return {{}, dbError(QStringLiteral("listing devices"), error)};
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT id, name, created_at, revoked_at, last_seen, queue, version, clock_offset "
                       "FROM devices WHERE event_id = ? ORDER BY created_at, id"));
    q.addBindValue(eventId);
    if (!q.exec())
        return {{}, dbError(QStringLiteral("listing devices"), q.lastError().text())};
    QList<DeviceInfo> list;
    while (q.next()) {
        list << DeviceInfo{q.value(0).toString(),   q.value(1).toString(),   q.value(2).toLongLong(),
                           q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toInt(),
                           q.value(6).toString()};
        if (!q.value(7).isNull())
            list.last().clockOffsetMs = q.value(7).toLongLong();
    }
    return {list, {}};
}

Principal ServerStore::deviceForToken(const QString &token, QString *error)
{
    QSqlDatabase db = connection(error);
    if (!db.isOpen())
        return {};
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, event_id, name, revoked_at FROM devices WHERE token_hash = ?"));
    q.addBindValue(hashToken(token));
    if (!q.exec()) {
        *error = q.lastError().text();
        return {};
    }
    if (!q.next())
        return {};
    Principal device{Principal::Role::Device, q.value(0).toString(), q.value(1).toString(),
                     q.value(2).toString()};
    if (q.value(3).toLongLong() != 0) {
        device.role = Principal::Role::None;
        device.revoked = true;
    }
    return device;
}

void ServerStore::saveDeviceActivity(const QList<DeviceInfo> &activity)
{
    QString error;
    QSqlDatabase db = connection(&error);
    if (!db.isOpen() || activity.isEmpty())
        return;
    Transaction tx(this, db);
    if (!tx.begin(&error))
        return;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE devices SET last_seen = ?, queue = ?, version = ?, clock_offset = COALESCE(?, clock_offset) "
        "WHERE id = ?"));
    for (const DeviceInfo &d : activity) {
        q.addBindValue(d.lastSeenMs);
        q.addBindValue(d.queue);
        q.addBindValue(d.version);
        q.addBindValue(d.clockOffsetMs ? QVariant(*d.clockOffsetMs)
                                       : QVariant(QMetaType(QMetaType::LongLong)));
        q.addBindValue(d.id);
        q.exec();
    }
    tx.commit(&error);
}

} // namespace checkin
