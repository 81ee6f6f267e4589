// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ApiServer: the endpoint bodies. They run on the request pool and talk to the store.
#include "ApiJson.h"
#include "ApiServer.h"
#include "ServerLogging.h"

#include "AttendeeCsv.h"
#include "AttendeeCsvVocabulary.h"
#include "AttendeeId.h"
#include "CheckInListCsv.h"
#include "EnrolmentPayload.h"
#include "Protocol.h"
#include "QrCode.h"
#include "ServerStore.h"
#include "TicketCode.h"
#include "WallClock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace checkin {

namespace {

// Whether a string (or key) in `value` holds U+0000; *path then names the first, e.g. "[2].note".
// JSON may carry "\u0000", but PostgreSQL cannot store it in TEXT: refused up front on both engines,
// so that such a body is a 400 and never a 503 that a kiosk would retry forever.
bool containsNul(const QJsonValue &value, QString *path)
{
    if (value.isString())
        return value.toString().contains(QChar(u'\0'));
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (containsNul(array[i], path)) {
                path->prepend(QStringLiteral("[%1]").arg(i));
                return true;
            }
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (it.key().contains(QChar(u'\0')) || containsNul(it.value(), path)) {
                path->prepend(QLatin1Char('.') + it.key());
                return true;
            }
        }
    }
    return false;
}

// The byte offset of a "\uD800"-style escape of half a UTF-16 pair without its other half, or -1.
// Qt's JSON reader would store such an escape as another character (U+FFFD): refused instead.
// Backslashes occur only inside strings in valid JSON, so no string state is needed.
qsizetype loneSurrogateAt(const QByteArray &body)
{
    auto unit = [&](qsizetype at) -> int { // the UTF-16 unit of a \uXXXX at `at`, or -1
        if (at + 6 > body.size() || body[at] != '\\' || body[at + 1] != 'u')
            return -1;
        bool ok = false;
        const int value = body.mid(at + 2, 4).toInt(&ok, 16);
        return ok ? value : -1;
    };
    for (qsizetype i = body.indexOf('\\'); i >= 0 && i + 1 < body.size(); i = body.indexOf('\\', i)) {
        if (body[i + 1] != 'u') {
            i += 2; // an escape of one character, "\\" among them
            continue;
        }
        const int first = unit(i);
        if (first >= 0xdc00 && first <= 0xdfff)
            return i; // a low half first
        if (first >= 0xd800 && first <= 0xdbff) {
            const int second = unit(i + 6);
            if (second < 0xdc00 || second > 0xdfff)
                return i;
            i += 12;
            continue;
        }
        i += 6;
    }
    return -1;
}

} // namespace

bool ApiServer::parseBatch(const QByteArray &body, BatchReader read, QJsonArray *items, Reply *failure)
{
    QJsonObject json;
    if (!parseObject(body, &json, failure))
        return false;
    QString problem;
    if (read(json, items, &problem))
        return true;
    *failure = error(400, QStringLiteral("invalid_batch"), problem);
    return false;
}

QString ApiServer::idempotencyKey(const QString &deviceId, const QByteArray &canonicalItem)
{
    // The item as this device sent it, in canonical form: the same item again is known, another
    // one under the same id is not (docs/protocol.md, "Ingest, exactly once").
    const QByteArray body = deviceId.toUtf8() + '\n' + canonicalItem;
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
}

bool ApiServer::parseObject(const QByteArray &body, QJsonObject *object, Reply *failure)
{
    if (const qsizetype at = loneSurrogateAt(body); at >= 0) {
        *failure =
            ApiServer::error(400, QStringLiteral("invalid_text"),
                             QStringLiteral("The body holds half of a UTF-16 pair (%1) at byte %2, which is "
                                            "no character.")
                                 .arg(QString::fromLatin1(body.mid(at, 6)))
                                 .arg(at));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *failure = ApiServer::error(400, QStringLiteral("malformed_json"),
                                    parseError.error != QJsonParseError::NoError
                                        ? QStringLiteral("The body is not valid JSON (%1 at byte %2).")
                                              .arg(parseError.errorString())
                                              .arg(parseError.offset)
                                        : QStringLiteral("The body must be a JSON object."));
        return false;
    }
    *object = doc.object();
    if (QString where; containsNul(*object, &where)) {
        where = where.mid(1); // without the leading '.'
        *failure =
            ApiServer::error(400, QStringLiteral("invalid_text"),
                             QStringLiteral("%1 contains a NUL character (\\u0000), which text may not "
                                            "contain.")
                                 .arg(where.left(200)));
        return false;
    }
    return true;
}

namespace {

// `json` with the fields of `more` added.
QJsonObject withFields(QJsonObject json, const QJsonObject &more)
{
    for (auto it = more.constBegin(); it != more.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

// What the console shows of a CSV file before it is imported: which column became which field,
// the first rows as read, the row count, and the importer's warnings.
QJsonObject describeCsv(const AttendeeCsv::Result &parsed)
{
    QJsonArray columns;
    for (const char16_t *name : csvvocab::kFieldNames) {
        const QString field = QStringView(name).toString();
        if (parsed.columns.contains(field))
            columns.append(QJsonObject{{QStringLiteral("field"), field},
                                       {QStringLiteral("header"), parsed.columns.value(field)}});
    }
    QJsonArray preview;
    for (const AttendeeCsv::Row &row : parsed.rows.mid(0, 10)) {
        QJsonObject r{{QStringLiteral("row"), row.row},
                      {QStringLiteral("first_name"), row.firstName},
                      {QStringLiteral("last_name"), row.lastName},
                      {QStringLiteral("company"), row.company},
                      {QStringLiteral("email"), row.email},
                      {QStringLiteral("ticket_type"), row.ticketType},
                      {QStringLiteral("status"), ticketStatusName(row.status)}};
        if (!row.ticketCode.isEmpty())
            r.insert(QStringLiteral("ticket_code"), row.ticketCode);
        if (!row.orderCode.isEmpty())
            r.insert(QStringLiteral("order_code"), row.orderCode);
        if (row.paymentPending)
            r.insert(QStringLiteral("payment_pending"), true);
        if (!row.notes.isEmpty())
            r.insert(QStringLiteral("notes"), Protocol::doorNotesJson(row.notes));
        preview.append(r);
    }
    return {{QStringLiteral("columns"), columns},
            {QStringLiteral("preview"), preview},
            {QStringLiteral("rows"), parsed.rows.size()},
            {QStringLiteral("delimiter"), QString(parsed.delimiter)},
            {QStringLiteral("encoding"), parsed.encoding},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(parsed.warnings)},
            {QStringLiteral("unused"), QJsonArray::fromStringList(parsed.unusedColumns)},
            {QStringLiteral("door_columns"), [&parsed] {
                 QJsonArray door;
                 for (const AttendeeCsv::DoorColumn &c : parsed.doorColumns)
                     door.append(QJsonObject{{QStringLiteral("header"), c.header},
                                             {QStringLiteral("attention"), c.attention}});
                 return door;
             }()}};
}

} // namespace

ApiServer::Reply ApiServer::createEvent(const Request &request)
{
    QJsonObject json;
    Reply failure;
    if (!parseObject(request.body, &json, &failure))
        return failure;
    Event event;
    QString problem;
    if (!Protocol::fromJson(json, &event, &problem))
        return error(400, QStringLiteral("invalid_event"), problem);
    // The doors read the event's day in its zone (check-in lists' times): an IANA name this
    // system knows, such as "Europe/Berlin".
    // (isValid, not isTimeZoneIdAvailable: the list of available ids leaves out zones such as Etc/UTC.)
    if (!event.timezone.isEmpty() && !QTimeZone(event.timezone.toUtf8()).isValid())
        return error(
            400, QStringLiteral("invalid_event"),
            QStringLiteral("timezone must be an IANA time zone such as \"Europe/Berlin\", not \"%1\".")
                .arg(event.timezone.left(64)));
    const Result<Event> created = m_store->createEvent(event);
    if (!created.ok())
        return error(created.error);
    return {201, Protocol::toJson(created.value), {}};
}

ApiServer::Reply ApiServer::listEvents()
{
    const Result<QList<Event>> list = m_store->events();
    if (!list.ok())
        return error(list.error);
    QJsonArray events;
    for (const Event &e : list.value)
        events.append(Protocol::toJson(e));
    return {200, QJsonObject{{QStringLiteral("events"), events}}, {}};
}

ApiServer::Reply ApiServer::uploadAttendees(const QString &eventId, const Request &request)
{
    const bool dryRun = request.query.queryItemValue(QStringLiteral("dry_run")) == QLatin1String("1");
    QList<AttendeeInput> inputs;
    QJsonArray errors;
    QJsonObject described; // a CSV file: its columns, first rows and what else the importer noticed
    if (request.contentType.startsWith("text/csv")) {
        // The same importer as the kiosk's: encodings, delimiters, headers, row-numbered errors.
        // The columns to show at the door: ?door_note=Notes&attention=Allergies (each repeatable).
        AttendeeCsv::Options options;
        for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
            if (key == QLatin1String("door_note") || key == QLatin1String("attention"))
                options.doorColumns.append({value, key == QLatin1String("attention")});
        }
        const AttendeeCsv::Result parsed = AttendeeCsv::parse(request.body, options);
        described = describeCsv(parsed);
        for (const AttendeeCsv::Issue &issue : parsed.errors)
            errors.append(
                QJsonObject{{QStringLiteral("row"), issue.row}, {QStringLiteral("message"), issue.message}});
        QHash<QString, int> namesakes;
        for (const AttendeeCsv::Row &row : parsed.rows) {
            AttendeeInput in;
            in.row = row.row;
            in.ticketCode = row.ticketCode;
            Attendee &a = in.attendee;
            a.firstName = row.firstName;
            a.lastName = row.lastName;
            a.company = row.company;
            a.email = row.email;
            a.ticketType = row.ticketType;
            a.status = row.status;
            a.orderCode = row.orderCode;
            a.paymentPending = row.paymentPending;
            a.notes = row.notes;
            // Ids derived like the kiosk's: from the code's hash under this event's salt, else the name.
            a.id = row.externalId;
            inputs << in;
        }
        if (!parsed.ok())
            return {422,
                    withFields(
                        QJsonObject{
                            {QStringLiteral("inserted"), 0},
                            {QStringLiteral("updated"), 0},
                            {QStringLiteral("errors"), errors},
                            {QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_csv")},
                                         {QStringLiteral("message"),
                                          QStringLiteral("The file has errors; nothing was imported.")}}}},
                        described),
                    {}};
        const Result<Event> ev = m_store->event(eventId);
        if (!ev.ok())
            return error(ev.error);
        for (AttendeeInput &in : inputs) {
            if (in.attendee.id.isEmpty()) {
                const QString hash =
                    in.ticketCode.isEmpty() ? QString() : TicketCode::hash(ev.value.salt, in.ticketCode);
                in.attendee.id = AttendeeId::derive(hash, in.attendee.firstName, in.attendee.lastName,
                                                    in.attendee.email, in.attendee.company, &namesakes);
            }
        }
    } else {
        QJsonObject json;
        Reply failure;
        if (!parseObject(request.body, &json, &failure))
            return failure;
        const QJsonValue list = json.value(QStringLiteral("attendees"));
        if (!list.isArray())
            return error(
                400, QStringLiteral("invalid_attendees"),
                QStringLiteral(
                    "The body must be {\"attendees\": [...]} or a CSV file (Content-Type: text/csv)."));
        int row = 0;
        for (const QJsonValue &item : list.toArray()) {
            ++row;
            AttendeeInput in;
            in.row = row;
            QString problem;
            if (!item.isObject() ||
                !Protocol::fromUploadJson(item.toObject(), &in.attendee, &in.ticketCode, &problem))
                errors.append(
                    QJsonObject{{QStringLiteral("row"), row},
                                {QStringLiteral("message"),
                                 problem.isEmpty() ? QStringLiteral("must be an object") : problem}});
            else
                inputs << in;
        }
    }
    if (errors.isEmpty()) {
        QList<QPair<int, QString>> rowErrors;
        const Result<UpsertSummary> done = m_store->upsertAttendees(eventId, inputs, &rowErrors, dryRun);
        if (done.ok()) {
            QJsonObject answer{{QStringLiteral("inserted"), done.value.inserted},
                               {QStringLiteral("updated"), done.value.updated},
                               {QStringLiteral("unchanged"), done.value.unchanged},
                               {QStringLiteral("errors"), QJsonArray()}};
            if (dryRun)
                answer.insert(QStringLiteral("dry_run"), true);
            return {200, withFields(answer, described), {}};
        }
        if (rowErrors.isEmpty())
            return error(done.error);
        for (const auto &[row, message] : rowErrors)
            errors.append(QJsonObject{{QStringLiteral("row"), row}, {QStringLiteral("message"), message}});
    }
    return {422,
            withFields(QJsonObject{{QStringLiteral("inserted"), 0},
                                   {QStringLiteral("updated"), 0},
                                   {QStringLiteral("errors"), errors},
                                   {QStringLiteral("error"),
                                    QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid_attendees")},
                                                {QStringLiteral("message"),
                                                 QStringLiteral("%1 rows have errors; nothing was imported.")
                                                     .arg(errors.size())}}}},
                       described),
            {}};
}

ApiServer::Reply ApiServer::createEnrolmentCode(const QString &eventId, const Request &request)
{
    qint64 validForMs = 24 * 3600 * 1000;
    if (!request.body.trimmed().isEmpty()) {
        QJsonObject json;
        Reply failure;
        if (!parseObject(request.body, &json, &failure))
            return failure;
        const QJsonValue expiresIn = json.value(QStringLiteral("expires_in"));
        if (!expiresIn.isUndefined() && !expiresIn.isNull()) {
            if (!expiresIn.isDouble() || expiresIn.toDouble() < 60 || expiresIn.toDouble() > 30 * 86400)
                return error(400, QStringLiteral("invalid_expiry"),
                             QStringLiteral("expires_in must be a number of seconds from 60 to 2592000."));
            validForMs = qint64(expiresIn.toDouble()) * 1000;
        }
    }
    const Result<EnrolmentCode> code = m_store->createEnrolmentCode(eventId, validForMs);
    if (!code.ok())
        return error(code.error);
    // What a kiosk's scanner reads from the console: the servers, the code and the event.
    const QStringList urls = serverUrls(request);
    // The pin of this server's own certificate, for https:// URLs only (a kiosk trusts it then
    // without an authority of its own).
    const bool allHttps = std::all_of(
        urls.begin(), urls.end(), [](const QString &u) { return u.startsWith(QLatin1String("https://")); });
    const EnrolmentPayload payload{urls, code.value.code, eventId,
                                   allHttps ? m_options.enrolmentPin : QString()};
    const QString text = payload.toText();
    const QrCode qr = QrCode::encode(text.toUtf8());
    QJsonArray modules;
    for (const QByteArray &row : qr.rows)
        modules.append(QString::fromLatin1(row));
    return {201,
            QJsonObject{{QStringLiteral("code"), code.value.code},
                        {QStringLiteral("expires_at"), Protocol::isoTime(code.value.expiresAtMs)},
                        {QStringLiteral("payload"), text},
                        {QStringLiteral("qr"), QJsonObject{{QStringLiteral("size"), qr.size},
                                                           {QStringLiteral("modules"), modules}}}},
            {}};
}

ApiServer::Reply ApiServer::enrol(const Request &request)
{
    // Guessing codes: a few wrong ones per address are free, then the address waits longer each
    // time; all addresses together have a budget of wrong ones (SignInGuard).
    const qint64 now = m_clock->nowMs();
    if (const int wait = m_enrolGuard.waitSeconds(request.peer, now); wait > 0) {
        Reply r = error(429, QStringLiteral("too_many_attempts"),
                        QStringLiteral("Too many wrong enrolment codes; try again in %1 s.").arg(wait));
        r.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArray::number(wait));
        return r;
    }
    QJsonObject json;
    Reply failure;
    if (!parseObject(request.body, &json, &failure))
        return failure;
    const QJsonValue code = json.value(QStringLiteral("code"));
    const QJsonValue name = json.value(QStringLiteral("name"));
    if (!code.isString() || code.toString().trimmed().isEmpty() || code.toString().size() > 64)
        return error(400, QStringLiteral("invalid_code"),
                     QStringLiteral("code must be the enrolment code, a string."));
    if (!name.isString() || name.toString().trimmed().isEmpty() ||
        name.toString().size() > Protocol::MaxNameLength)
        return error(400, QStringLiteral("invalid_name"),
                     QStringLiteral("name must be the device's name (1 to %1 characters).")
                         .arg(Protocol::MaxNameLength));
    const Result<Enrolment> done = m_store->enrol(code.toString(), name.toString().trimmed());
    if (!done.ok()) {
        if (done.error.code == QLatin1String("invalid_code")) {
            m_enrolGuard.failed(request.peer, now);
            qCWarning(lcHttp).noquote() << "enrolment with a code that is not valid from" << request.peer;
        }
        return error(done.error);
    }
    m_enrolGuard.succeeded(request.peer);
    const Result<PeerKey> key = m_store->peerKey(done.value.event.id);
    if (!key.ok())
        return error(key.error);
    return {201,
            QJsonObject{{QStringLiteral("device_id"), done.value.deviceId},
                        {QStringLiteral("token"), done.value.token},
                        {QStringLiteral("event"), Protocol::toJson(done.value.event)},
                        {QStringLiteral("peer_key"), Protocol::toJson(key.value)}},
            {}};
}

ApiServer::Reply ApiServer::revoke(const QString &deviceId)
{
    // Device ids are UUIDs: anything else names no device (and is not sent to the database).
    if (!Protocol::isValidId(deviceId, 128))
        return error(404, QStringLiteral("no_such_device"),
                     QStringLiteral("There is no device %1.").arg(deviceId.left(128)));
    const Result<bool> done = m_store->revoke(deviceId);
    if (!done.ok())
        return error(done.error);
    return {200, QJsonObject{{QStringLiteral("device_id"), deviceId}, {QStringLiteral("revoked"), true}}, {}};
}

ApiServer::Reply ApiServer::listDevices(const QString &eventId)
{
    Result<QList<DeviceInfo>> list = m_store->devices(eventId);
    if (!list.ok())
        return error(list.error);
    m_activity.overlay(&list.value);
    QJsonArray devices;
    for (const DeviceInfo &d : std::as_const(list.value))
        devices.append(ApiJson::device(d, m_clock->nowMs()));
    return {200, QJsonObject{{QStringLiteral("devices"), devices}}, {}};
}

ApiServer::Reply ApiServer::changes(const Principal &who, const QString &eventId, const Request &request)
{
    bool ok = true;
    const QString limitText = request.query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? 1000 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 5000)
        return error(400, QStringLiteral("invalid_limit"),
                     QStringLiteral("limit must be a number from 1 to 5000."));
    if (who.role == Principal::Role::Admin) {
        const Result<Event> ev = m_store->event(eventId);
        if (!ev.ok())
            return error(ev.error);
    }
    const Result<ChangePage> page =
        m_store->changes(eventId, request.query.queryItemValue(QStringLiteral("after")), limit,
                         request.query.queryItemValue(QStringLiteral("count")) == QLatin1String("1"));
    if (!page.ok())
        return error(page.error);
    const auto view =
        who.role == Principal::Role::Admin ? Protocol::AttendeeView::Admin : Protocol::AttendeeView::Device;
    QJsonArray list;
    for (const Change &c : page.value.changes) {
        switch (c.kind) {
        case Change::Attendee:
            list.append(Protocol::attendeeChange(c.attendee, view));
            break;
        case Change::CheckIn:
            // A check-in for nobody the event knows (a mistyped or forged attendee id) is kept for
            // the event lead, not sent to the doors: no door can show it to anybody.
            if (who.role == Principal::Role::Device && c.classification.status == CheckInStatus::Rejected &&
                c.classification.reason == QLatin1String("unknown_attendee"))
                break;
            list.append(Protocol::checkInChange(c.checkIn, c.classification, c.deviceName));
            break;
        case Change::Print:
            list.append(Protocol::printChange(c.print));
            break;
        case Change::List:
            list.append(Protocol::listChange(c.list));
            break;
        }
    }
    QJsonObject body = Protocol::feedPage(list, page.value.cursor, page.value.more, page.value.remaining);
    if (who.role == Principal::Role::Device) {
        // The doors' key travels with the feed, so that a new generation reaches every door that
        // can reach the server (docs/protocol.md, "Doors that talk to each other").
        const Result<PeerKey> key = m_store->peerKey(eventId);
        if (!key.ok())
            return error(key.error);
        body.insert(QStringLiteral("peer_key"), Protocol::toJson(key.value));
    }
    Reply reply{200, body, {}};
    // Changes are committed but not yet readable in order: ask again in a moment.
    if (page.value.heldBack)
        reply.headers << qMakePair(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
    return reply;
}

ApiServer::Reply ApiServer::ingest(const Principal &who, const QString &eventId, const Request &request)
{
    QJsonArray array;
    Reply failure;
    if (!parseBatch(request.body, Protocol::readUploadBatch, &array, &failure))
        return failure;
    QList<CheckIn> items;
    QStringList hashes;
    QHash<int, WalkIn> walkIns;            // index in `items` -> the person that entry registers
    QHash<qsizetype, QJsonObject> refused; // index in the batch -> its result, not stored
    QList<qsizetype> position;             // index in `items` -> index in the batch
    QStringList origins;                   // other doors whose check-ins this device delivers
    items.reserve(array.size());
    const auto refuse = [&](qsizetype i, const QString &id, QLatin1StringView reason,
                            const QString &problem) {
        QJsonObject result =
            Protocol::toJson(CheckInResult{id, CheckInStatus::Rejected, QString(reason), {}});
        result.insert(QStringLiteral("message"), problem);
        refused.insert(i, result);
        qCInfo(lcIngest).noquote() << "check-in" << id << "from device" << who.deviceId
                                   << "refused:" << problem;
    };
    for (qsizetype i = 0; i < array.size(); ++i) {
        CheckIn c;
        QString problem;
        QString origin;
        const QJsonObject item = array[i].toObject();
        if (!array[i].isObject() || !Protocol::fromUploadJson(item, &c, &problem) ||
            !Protocol::readOriginDevice(item, &origin, &problem))
            return error(400, QStringLiteral("invalid_checkin"),
                         QStringLiteral("Check-in %1 of the batch: %2")
                             .arg(i + 1)
                             .arg(problem.isEmpty() ? QStringLiteral("must be an object") : problem));
        // A bad walk-in refuses its item alone: the kiosk's other check-ins go through.
        std::optional<WalkIn> walkIn;
        if (!Protocol::readWalkIn(item, c, &walkIn, &problem)) {
            refuse(i, c.id, Protocol::InvalidWalkIn, problem);
            continue;
        }
        // The body is the recording door's, whichever door delivers it.
        c.deviceId = origin.isEmpty() ? who.deviceId : origin;
        if (c.deviceId != who.deviceId && !origins.contains(c.deviceId))
            origins << c.deviceId;
        hashes << idempotencyKey(c.deviceId, Protocol::canonicalUploadJson(c, walkIn));
        if (walkIn)
            walkIns.insert(int(items.size()), *walkIn);
        items << c;
        position << i;
    }
    // Another door's check-ins: only of a door enrolled for this event. And for every recording
    // door, the earliest time its check-ins may claim.
    const Result<QHash<QString, qint64>> known =
        m_store->devicesOfEvent(eventId, origins + QStringList{who.deviceId});
    if (!known.ok())
        return error(known.error);
    for (qsizetype n = items.size() - 1; n >= 0; --n) {
        if (known.value.contains(items[n].deviceId) || items[n].deviceId == who.deviceId)
            continue;
        refuse(position[n], items[n].id, Protocol::UnknownDevice,
               QStringLiteral("device_id %1 is no device of this event").arg(items[n].deviceId));
        QHash<int, WalkIn> shifted;
        for (auto it = walkIns.cbegin(); it != walkIns.cend(); ++it) {
            if (it.key() != n)
                shifted.insert(it.key() > n ? it.key() - 1 : it.key(), it.value());
        }
        walkIns = shifted;
        items.removeAt(n);
        hashes.removeAt(n);
        position.removeAt(n);
    }
    QList<CheckInResult> stored;
    if (!items.isEmpty()) {
        const Result<QList<CheckInResult>> results =
            m_store->ingest(eventId, who.deviceId, items, hashes, walkIns, known.value);
        if (!results.ok())
            return error(results.error);
        stored = results.value;
    }
    QJsonArray out;
    qsizetype next = 0;
    for (qsizetype i = 0; i < array.size(); ++i)
        out.append(refused.contains(i) ? refused.value(i) : Protocol::toJson(stored.value(next++)));
    return {200, Protocol::uploadResults(out), {}};
}

ApiServer::Reply ApiServer::storePrints(const Principal &who, const QString &eventId, const Request &request)
{
    QJsonArray array;
    Reply failure;
    if (!parseBatch(request.body, Protocol::readPrintBatch, &array, &failure))
        return failure;
    QList<BadgePrint> prints;
    QStringList hashes;
    for (qsizetype i = 0; i < array.size(); ++i) {
        BadgePrint p;
        QString problem;
        const QJsonObject item = array[i].toObject();
        if (!array[i].isObject() || !Protocol::fromUploadJson(item, &p, &problem))
            return error(400, QStringLiteral("invalid_print"),
                         QStringLiteral("Print %1 of the batch: %2")
                             .arg(i + 1)
                             .arg(problem.isEmpty() ? QStringLiteral("must be an object") : problem));
        hashes << idempotencyKey(who.deviceId,
                                 QJsonDocument(Protocol::toUploadJson(p)).toJson(QJsonDocument::Compact));
        prints << p;
    }
    const Result<QList<Protocol::PrintResult>> results =
        m_store->storePrints(eventId, who.deviceId, prints, hashes);
    if (!results.ok())
        return error(results.error);
    QJsonArray out;
    for (const Protocol::PrintResult &r : results.value)
        out.append(Protocol::toJson(r));
    return {200, Protocol::uploadResults(out), {}};
}

ApiServer::Reply ApiServer::stats(const QString &eventId)
{
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    Result<EventStats> s = m_store->stats(eventId);
    if (!s.ok())
        return error(s.error);
    m_activity.overlay(&s.value.devices);
    QJsonArray devices;
    for (const DeviceInfo &d : std::as_const(s.value.devices))
        devices.append(ApiJson::device(d, m_clock->nowMs()));
    QJsonArray lists;
    for (const EventStats::List &l : std::as_const(s.value.lists))
        lists.append(QJsonObject{{QStringLiteral("id"), l.id},
                                 {QStringLiteral("name"), l.name},
                                 {QStringLiteral("entries"), l.entries},
                                 {QStringLiteral("people"), l.people},
                                 {QStringLiteral("duplicates"), l.duplicates},
                                 {QStringLiteral("conflicts"), l.conflicts}});
    return {200,
            QJsonObject{{QStringLiteral("event"), Protocol::toJson(ev.value)},
                        {QStringLiteral("attendees"), s.value.attendees},
                        {QStringLiteral("walk_ins"), s.value.walkIns},
                        {QStringLiteral("cancelled"), s.value.cancelled},
                        {QStringLiteral("inside"), s.value.inside},
                        {QStringLiteral("entries"), s.value.entries},
                        {QStringLiteral("duplicates"), s.value.duplicates},
                        {QStringLiteral("conflicts"), s.value.conflicts},
                        {QStringLiteral("rejected"), s.value.rejected},
                        {QStringLiteral("devices"), devices},
                        {QStringLiteral("lists"), lists}},
            {}};
}

ApiServer::Reply ApiServer::conflicts(const QString &eventId)
{
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    const Result<QList<ReviewItem>> items = m_store->review(eventId);
    if (!items.ok())
        return error(items.error);
    QJsonArray list;
    for (const ReviewItem &r : items.value) {
        QJsonObject o = Protocol::checkInChange(r.checkIn, r.classification);
        o.remove(QStringLiteral("type"));
        o.insert(QStringLiteral("attendee"), r.attendeeName);
        if (r.walkIn)
            o.insert(QStringLiteral("walk_in"), true);
        o.insert(QStringLiteral("device"), r.deviceName);
        if (r.firstAtMs) {
            o.insert(QStringLiteral("first_at"), Protocol::isoTime(r.firstAtMs));
            o.insert(QStringLiteral("first_device"), r.firstDevice);
        }
        if (r.cancelledAtMs)
            o.insert(QStringLiteral("cancelled_at"), Protocol::isoTime(r.cancelledAtMs));
        if (r.review.atMs)
            o.insert(QStringLiteral("review"), ApiJson::review(r.review));
        if (r.timeOutOfRange)
            o.insert(QStringLiteral("time_out_of_range"), true);
        list.append(o);
    }
    return {200, QJsonObject{{QStringLiteral("conflicts"), list}}, {}};
}

ApiServer::Reply ApiServer::lists(const QString &eventId)
{
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    const Result<QList<CheckInList>> lists = m_store->lists(eventId);
    if (!lists.ok())
        return error(lists.error);
    QJsonArray out;
    for (const CheckInList &l : lists.value)
        out.append(Protocol::toJson(l));
    return {200,
            QJsonObject{{QStringLiteral("lists"), out}, {QStringLiteral("timezone"), ev.value.timezone}},
            {}};
}

ApiServer::Reply ApiServer::putLists(const QString &eventId, const Request &request)
{
    const Result<Event> ev = m_store->event(eventId);
    if (!ev.ok())
        return error(ev.error);
    if (request.contentType.startsWith("text/csv")) {
        // The lead's spreadsheet, read as checkinctl reads it (docs/checkinctl.md, "lists").
        const CheckInListCsv::Result parsed = CheckInListCsv::parseCsv(request.body);
        if (!parsed.ok())
            return error(400, QStringLiteral("invalid_lists"), parsed.errors.join(u'\n'));
        if (parsed.lists.isEmpty())
            return error(400, QStringLiteral("invalid_lists"), QStringLiteral("The file has no lists."));
        return storeLists(eventId, parsed.lists);
    }
    QJsonObject json;
    Reply failure;
    if (!parseObject(request.body, &json, &failure))
        return failure;
    const QJsonValue items = json.value(QStringLiteral("lists"));
    if (!items.isArray() || items.toArray().isEmpty())
        return error(400, QStringLiteral("invalid_lists"),
                     QStringLiteral("The body must be {\"lists\": [...]} with at least one list."));
    QList<CheckInList> lists;
    const QJsonArray array = items.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        CheckInList l;
        QString problem;
        if (!array[i].isObject() || !Protocol::fromJson(array[i].toObject(), &l, &problem))
            return error(400, QStringLiteral("invalid_lists"),
                         QStringLiteral("List %1: %2")
                             .arg(i + 1)
                             .arg(problem.isEmpty() ? QStringLiteral("must be an object") : problem));
        lists << l;
    }
    return storeLists(eventId, lists);
}

ApiServer::Reply ApiServer::storeLists(const QString &eventId, const QList<CheckInList> &lists)
{
    const Result<ListsSummary> done = m_store->putLists(eventId, lists);
    if (!done.ok())
        return error(done.error);
    return {200,
            QJsonObject{{QStringLiteral("inserted"), done.value.inserted},
                        {QStringLiteral("updated"), done.value.updated},
                        {QStringLiteral("unchanged"), done.value.unchanged},
                        {QStringLiteral("reclassified"), done.value.reclassified},
                        {QStringLiteral("warnings"), QJsonArray::fromStringList(done.value.warnings)}},
            {}};
}

} // namespace checkin
