// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>

// What doors say to each other (docs/protocol.md, "Doors that talk to each other"): announcements
// on the local network, and messages on an encrypted connection, each a frame of compact JSON.
namespace checkin::PeerWire {

// The peer protocol this app speaks, and the oldest it still talks to.
constexpr int Protocol = 1;
constexpr int MinProtocol = 1;
// A frame: 4 bytes of length (big endian), then that many bytes of JSON.
constexpr qsizetype MaxFrameBytes = 4 * 1024 * 1024;
// Check-ins in one "items" message.
constexpr int MaxItems = 500;

QByteArray frame(const QJsonObject &message);
// Takes the next whole frame off the front of `buffer`: true with the message, false when it needs
// more bytes (error empty) or the stream is broken (error set: the connection must end).
bool takeFrame(QByteArray *buffer, QJsonObject *message, QString *error);

QJsonObject holdsJson(const HoldVector &holds);
HoldVector readHolds(const QJsonValue &value);

// A door's hello, the first message either side sends once the connection is encrypted.
struct Hello
{
    int protocol = Protocol;
    QString app; // the app's version, for people
    QString eventId;
    QString deviceId;
    QString name;
    HoldVector holds; // what it holds of each door's check-ins
};
QJsonObject helloJson(const Hello &hello);
bool readHello(const QJsonObject &json, Hello *hello, QString *error);

// How a door is doing, sent every second and after it stored what it was sent: what it holds, the
// doors it has a connection to, whether it reaches the server.
struct State
{
    HoldVector holds;
    QStringList links;
    bool serverReachable = false;
    qint64 serverStateForMs = 0; // how long that has been so
};
QJsonObject stateJson(const State &state);
State readState(const QJsonObject &json);

// {"t":"ack","holds":{...}}: after storing a batch, what the door holds now of the doors in it.
QJsonObject ackJson(const HoldVector &holds);

// {"t":"items","items":[upload item + "device_id" + "seq"],"names":{device:name}}
QJsonObject itemsJson(const QList<PeerItem> &items, const QHash<QString, QString> &names);
bool readItems(const QJsonObject &json, QList<PeerItem> *items, QHash<QString, QString> *names,
               QString *error);

// {"t":"refuse","reason","message"}: said before the connection ends.
QJsonObject refusalJson(const QString &reason, const QString &message);

// An announcement on the local network: who is here, where it listens, signed with the event's
// announcement key (PeerKey::announcementKey) so that nobody without the key makes a door dial.
struct Announcement
{
    QByteArray eventTag; // PeerKey::eventTag
    QString deviceId;
    quint16 port = 0;
    int generation = 0;
    qint64 atMs = 0;
};
QByteArray announcementDatagram(const Announcement &announcement, const QByteArray &key);
// Reads a datagram: false when it is not one. `signedBy` tells whether `key` signed it (a door
// with another generation of the key is still recognised by its event tag, unsigned).
bool readAnnouncement(const QByteArray &datagram, const QByteArray &key, Announcement *announcement,
                      bool *signedBy);

} // namespace checkin::PeerWire
