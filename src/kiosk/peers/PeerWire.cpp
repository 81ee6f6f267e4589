// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PeerWire.h"

#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QtEndian>

#include <algorithm>

namespace checkin::PeerWire {

using namespace Qt::StringLiterals;

namespace {
QString text(const QJsonObject &json, QLatin1StringView key)
{
    return json.value(key).toString();
}

// The signed part of an announcement, in a fixed order.
QByteArray signedPart(const Announcement &a)
{
    return "checkin-peer|1|" + a.eventTag.toHex() + '|' + a.deviceId.toUtf8() + '|' +
           QByteArray::number(a.port) + '|' + QByteArray::number(a.generation) + '|' +
           QByteArray::number(a.atMs);
}
} // namespace

QByteArray frame(const QJsonObject &message)
{
    const QByteArray body = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian(quint32(body.size()), out.data());
    return out + body;
}

bool takeFrame(QByteArray *buffer, QJsonObject *message, QString *error)
{
    error->clear();
    if (buffer->size() < 4)
        return false;
    const quint32 size = qFromBigEndian<quint32>(buffer->constData());
    if (size > MaxFrameBytes) {
        *error = u"a message of %1 bytes (at most %2)"_s.arg(size).arg(MaxFrameBytes);
        return false;
    }
    if (buffer->size() < qsizetype(4 + size))
        return false;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer->mid(4, size), &parse);
    buffer->remove(0, 4 + size);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = u"a message that is not a JSON object"_s;
        return false;
    }
    *message = doc.object();
    return true;
}

QJsonObject holdsJson(const HoldVector &holds)
{
    QJsonObject json;
    for (auto it = holds.cbegin(); it != holds.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

HoldVector readHolds(const QJsonValue &value)
{
    HoldVector holds;
    const QJsonObject json = value.toObject();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const qint64 seq = it.value().toInteger(-1);
        if (Protocol::isCanonicalUuid(it.key()) && seq > 0)
            holds.insert(it.key(), seq);
    }
    return holds;
}

QJsonObject helloJson(const Hello &hello)
{
    return {{"t"_L1, "hello"_L1},
            {"protocol"_L1, hello.protocol},
            {"app"_L1, hello.app},
            {"event"_L1, hello.eventId},
            {"device"_L1, hello.deviceId},
            {"name"_L1, hello.name},
            {"holds"_L1, holdsJson(hello.holds)}};
}

bool readHello(const QJsonObject &json, Hello *hello, QString *error)
{
    if (text(json, "t"_L1) != "hello"_L1 || !json.value("protocol"_L1).isDouble()) {
        *error = u"the other side did not say hello"_s;
        return false;
    }
    hello->protocol = json.value("protocol"_L1).toInt();
    hello->app = text(json, "app"_L1).left(64);
    hello->eventId = text(json, "event"_L1);
    hello->deviceId = text(json, "device"_L1);
    hello->name = text(json, "name"_L1).left(Protocol::MaxNameLength);
    hello->holds = readHolds(json.value("holds"_L1));
    if (!Protocol::isCanonicalUuid(hello->deviceId)) {
        *error = u"the other side gave no device id"_s;
        return false;
    }
    return true;
}

QJsonObject stateJson(const State &state)
{
    return {{"t"_L1, "state"_L1},
            {"holds"_L1, holdsJson(state.holds)},
            {"links"_L1, QJsonArray::fromStringList(state.links)},
            {"server"_L1, state.serverReachable},
            {"server_for"_L1, state.serverStateForMs}};
}

State readState(const QJsonObject &json)
{
    State state;
    state.holds = readHolds(json.value("holds"_L1));
    for (const QJsonValue &v : json.value("links"_L1).toArray()) {
        if (Protocol::isCanonicalUuid(v.toString()))
            state.links << v.toString();
    }
    state.serverReachable = json.value("server"_L1).toBool();
    state.serverStateForMs = std::max<qint64>(0, json.value("server_for"_L1).toInteger());
    return state;
}

QJsonObject ackJson(const HoldVector &holds)
{
    return {{"t"_L1, "ack"_L1}, {"holds"_L1, holdsJson(holds)}};
}

QJsonObject itemsJson(const QList<PeerItem> &items, const QHash<QString, QString> &names)
{
    QJsonArray list;
    for (const PeerItem &item : items) {
        QJsonObject json = Protocol::toRelayedUploadJson(item.checkIn, item.walkIn);
        json.insert("seq"_L1, item.originSeq);
        list.append(json);
    }
    QJsonObject nameJson;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        nameJson.insert(it.key(), it.value());
    return {{"t"_L1, "items"_L1}, {"items"_L1, list}, {"names"_L1, nameJson}};
}

bool readItems(const QJsonObject &json, QList<PeerItem> *items, QHash<QString, QString> *names,
               QString *error)
{
    const QJsonArray list = json.value("items"_L1).toArray();
    if (list.size() > MaxItems) {
        *error = u"%1 check-ins in one message (at most %2)"_s.arg(list.size()).arg(MaxItems);
        return false;
    }
    // Every item is read as strictly as the server reads an upload.
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject itemJson = list[i].toObject();
        PeerItem item;
        QString problem;
        item.originSeq = itemJson.value("seq"_L1).toInteger(0);
        if (!Protocol::fromUploadJson(itemJson, &item.checkIn, &problem) ||
            !Protocol::readOriginDevice(itemJson, &item.checkIn.deviceId, &problem) ||
            !Protocol::readWalkIn(itemJson, item.checkIn, &item.walkIn, &problem) ||
            item.checkIn.deviceId.isEmpty() || item.originSeq <= 0) {
            *error = u"check-in %1 of a message: %2"_s.arg(i + 1).arg(
                problem.isEmpty() ? u"no device or number"_s : problem);
            return false;
        }
        *items << item;
    }
    const QJsonObject nameJson = json.value("names"_L1).toObject();
    for (auto it = nameJson.constBegin(); it != nameJson.constEnd(); ++it) {
        const QString name = it.value().toString().trimmed();
        if (Protocol::isCanonicalUuid(it.key()) && !name.isEmpty())
            names->insert(it.key(), name.left(Protocol::MaxNameLength));
    }
    return true;
}

QJsonObject refusalJson(const QString &reason, const QString &message)
{
    return {{"t"_L1, "refuse"_L1}, {"reason"_L1, reason}, {"message"_L1, message}};
}

QByteArray announcementDatagram(const Announcement &a, const QByteArray &key)
{
    const QByteArray mac =
        QMessageAuthenticationCode::hash(signedPart(a), key, QCryptographicHash::Sha256).left(16);
    const QJsonObject json{{"checkin-peer"_L1, 1},
                           {"e"_L1, QString::fromLatin1(a.eventTag.toHex())},
                           {"d"_L1, a.deviceId},
                           {"p"_L1, a.port},
                           {"g"_L1, a.generation},
                           {"t"_L1, a.atMs},
                           {"m"_L1, QString::fromLatin1(mac.toHex())}};
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

bool readAnnouncement(const QByteArray &datagram, const QByteArray &key, Announcement *a, bool *signedBy)
{
    if (datagram.size() > 1024)
        return false;
    const QJsonObject json = QJsonDocument::fromJson(datagram).object();
    if (json.value("checkin-peer"_L1).toInt() != 1)
        return false;
    a->eventTag = QByteArray::fromHex(text(json, "e"_L1).toLatin1());
    a->deviceId = text(json, "d"_L1);
    const int port = json.value("p"_L1).toInt();
    a->generation = json.value("g"_L1).toInt();
    a->atMs = json.value("t"_L1).toInteger();
    if (a->eventTag.size() != 8 || !Protocol::isCanonicalUuid(a->deviceId) || port <= 0 || port > 65535)
        return false;
    a->port = quint16(port);
    const QByteArray mac =
        QMessageAuthenticationCode::hash(signedPart(*a), key, QCryptographicHash::Sha256).left(16);
    const QByteArray given = QByteArray::fromHex(text(json, "m"_L1).toLatin1());
    // Compared in constant time: the comparison tells nobody how much of a forgery was right.
    unsigned char diff = mac.size() == given.size() ? 0 : 1;
    for (qsizetype i = 0; i < std::min(mac.size(), given.size()); ++i)
        diff |= static_cast<unsigned char>(mac[i] ^ given[i]);
    *signedBy = !key.isEmpty() && diff == 0;
    return true;
}

} // namespace checkin::PeerWire
