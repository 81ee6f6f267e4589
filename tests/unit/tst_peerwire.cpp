// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Doors that talk to each other, piece by piece: the event's key and what is derived from it, the
// protocol's additions (the key, check-ins delivered for another door), the frames and messages
// between doors, announcements and their signature, and what a door's store does with another
// door's check-ins (numbers, holds, walk-ins, what the outbox leaves to other doors).
#include "HybridClock.h"
#include "LocalStore.h"
#include "PeerKey.h"
#include "PeerWire.h"
#include "Protocol.h"
#include "TestSupport.h"
#include "WallClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;

namespace {

const QString kDoor1 = u"11111111-1111-4111-8111-111111111111"_s;
const QString kDoor2 = u"22222222-2222-4222-8222-222222222222"_s;
const QString kDoor3 = u"33333333-3333-4333-8333-333333333333"_s;

// A door's store, enrolled for one event with the same attendees as the others (as after a preload).
struct DoorStore
{
    QTemporaryDir dir;
    ManualClock clock{1'780'000'000'000};
    LocalStore store{dir.path(), &clock};

    explicit DoorStore(const QString &deviceId)
    {
        QVERIFY(await(store.open()).ok());
        const Event event{u"ev"_s, u"Event"_s, u"salt"_s, 0, 0, {}};
        QVERIFY(await(store.adoptEnrolment(event, deviceId, u"Door "_s + deviceId.left(1))).ok());
        QList<Attendee> people;
        for (int i = 1; i <= 5; ++i)
            people << Attendee{.id = u"a%1"_s.arg(i),
                               .eventId = u"ev"_s,
                               .firstName = u"P%1"_s.arg(i),
                               .lastName = u"L%1"_s.arg(i)};
        QVERIFY(await(store.applyChanges(people, {}, u"0.1"_s)).ok());
    }

    ScanOutcome checkIn(const QString &attendeeId)
    {
        ScanRequest r;
        r.attendeeId = attendeeId;
        return await(store.checkIn(r));
    }
    bool inside(const QString &attendeeId) { return await(store.attendee(attendeeId)).view.inside; }
};

PeerItem item(const QString &device, qint64 seq, const QString &attendee, qint64 atMs)
{
    PeerItem p;
    p.checkIn.id = newCheckInId(atMs);
    p.checkIn.eventId = u"ev"_s;
    p.checkIn.attendeeId = attendee;
    p.checkIn.kind = CheckInKind::Entry;
    p.checkIn.atMs = atMs;
    p.checkIn.hlc = Hlc{atMs, 0};
    p.checkIn.deviceId = device;
    p.originSeq = seq;
    return p;
}

} // namespace

class TestPeerWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys()
    {
        const PeerKey a = PeerKey::generate(1);
        const PeerKey b = PeerKey::generate(1);
        QVERIFY(a.isValid());
        QCOMPARE(a.secret.size(), PeerKey::SecretBytes);
        QVERIFY(a.secret != b.secret);
        // One key for each use and event; none of them the secret.
        QVERIFY(a.connectionKey(u"ev"_s) != a.announcementKey(u"ev"_s));
        QVERIFY(a.connectionKey(u"ev"_s) != a.connectionKey(u"ev2"_s));
        QVERIFY(a.connectionKey(u"ev"_s) != a.secret);
        const PeerKey same{1, a.secret};
        QCOMPARE(a.connectionKey(u"ev"_s), same.connectionKey(u"ev"_s));
        QCOMPARE(PeerKey::eventTag(u"ev"_s).size(), 8);
        QVERIFY(PeerKey::eventTag(u"ev"_s) != PeerKey::eventTag(u"ev2"_s));
        QVERIFY(!PeerKey{}.isValid());
    }

    void keyJson()
    {
        const PeerKey key = PeerKey::generate(7);
        PeerKey read;
        QString error;
        QVERIFY(Protocol::readPeerKey(Protocol::toJson(key), &read, &error));
        QCOMPARE(read, key);
        QVERIFY(Protocol::readPeerKey(QJsonValue(), &read, &error));
        QVERIFY(!read.isValid());
        const QJsonObject good = Protocol::toJson(key);
        for (const QJsonObject &bad : {QJsonObject{{"generation"_L1, 0}, {"secret"_L1, good["secret"_L1]}},
                                       QJsonObject{{"generation"_L1, 1.5}, {"secret"_L1, good["secret"_L1]}},
                                       QJsonObject{{"generation"_L1, 1}, {"secret"_L1, u"c2hvcnQ"_s}},
                                       QJsonObject{{"generation"_L1, 1}, {"secret"_L1, u"not base64!"_s}},
                                       QJsonObject{{"generation"_L1, 1}}}) {
            QVERIFY2(!Protocol::readPeerKey(bad, &read, &error), QJsonDocument(bad).toJson().constData());
            QVERIFY(!error.isEmpty());
        }
        // A page with a key that cannot be read is still a page (without a key).
        Protocol::FeedPage page;
        Protocol::PageProblem problem;
        QVERIFY(Protocol::fromJson(
            QJsonObject{{"changes"_L1, QJsonArray()}, {"cursor"_L1, u"0.1"_s}, {"peer_key"_L1, u"junk"_s}},
            &page, &problem, &error));
        QVERIFY(!page.peerKey.isValid());
        QVERIFY(Protocol::fromJson(
            QJsonObject{{"changes"_L1, QJsonArray()}, {"cursor"_L1, u"0.1"_s}, {"peer_key"_L1, good}}, &page,
            &problem, &error));
        QCOMPARE(page.peerKey, key);
    }

    // The same check-in delivered by its door and by another is the same body for the server.
    void relayedItems()
    {
        const PeerItem p = item(kDoor1, 1, u"a1"_s, 1'780'000'000'000);
        QString error;
        const QJsonObject relayed = Protocol::toRelayedUploadJson(p.checkIn);
        QCOMPARE(relayed["device_id"_L1].toString(), kDoor1);
        CheckIn read;
        QString origin;
        QVERIFY(Protocol::fromUploadJson(relayed, &read, &error));
        QVERIFY(Protocol::readOriginDevice(relayed, &origin, &error));
        QCOMPARE(origin, kDoor1);
        QCOMPARE(Protocol::canonicalUploadJson(read), Protocol::canonicalUploadJson(p.checkIn));
        QVERIFY(!Protocol::canonicalUploadJson(read).contains("device_id"));
        QVERIFY(Protocol::readOriginDevice(Protocol::toUploadJson(p.checkIn), &origin, &error));
        QVERIFY(origin.isEmpty());
        QJsonObject bad = relayed;
        bad["device_id"_L1] = u"Door 1"_s;
        QVERIFY(!Protocol::readOriginDevice(bad, &origin, &error));
        bad["device_id"_L1] = 5;
        QVERIFY(!Protocol::readOriginDevice(bad, &origin, &error));
    }

    void frames()
    {
        const QJsonObject message{{"t"_L1, u"state"_s}, {"n"_L1, 1}};
        const QByteArray bytes = PeerWire::frame(message) + PeerWire::frame(message);
        // Arrives in pieces: a frame is taken only when it is whole.
        QByteArray buffer;
        QJsonObject out;
        QString error;
        int taken = 0;
        for (char c : bytes) {
            buffer.append(c);
            while (PeerWire::takeFrame(&buffer, &out, &error)) {
                QCOMPARE(out, message);
                ++taken;
            }
            QVERIFY(error.isEmpty());
        }
        QCOMPARE(taken, 2);
        QVERIFY(buffer.isEmpty());
        // Too long a frame, or one that is no JSON object, breaks the stream.
        QByteArray huge("\x7f\xff\xff\xff", 4);
        QVERIFY(!PeerWire::takeFrame(&huge, &out, &error));
        QVERIFY(!error.isEmpty());
        QByteArray junk = QByteArray("\0\0\0\x03", 4) + "[1]";
        QVERIFY(!PeerWire::takeFrame(&junk, &out, &error));
        QVERIFY(!error.isEmpty());
    }

    void messages()
    {
        PeerWire::Hello hello;
        hello.app = u"1.0"_s;
        hello.eventId = u"ev"_s;
        hello.deviceId = kDoor1;
        hello.name = u"Door 1"_s;
        hello.holds = {{kDoor1, 7}, {kDoor2, 3}};
        PeerWire::Hello read;
        QString error;
        QVERIFY(PeerWire::readHello(PeerWire::helloJson(hello), &read, &error));
        QCOMPARE(read.holds, hello.holds);
        QCOMPARE(read.name, hello.name);
        QJsonObject noDevice = PeerWire::helloJson(hello);
        noDevice["device"_L1] = u"x"_s;
        QVERIFY(!PeerWire::readHello(noDevice, &read, &error));
        QVERIFY(!PeerWire::readHello(QJsonObject{{"t"_L1, u"items"_s}}, &read, &error));

        // Holds ignore what is no device or no number.
        const HoldVector holds =
            PeerWire::readHolds(QJsonObject{{kDoor1, 4}, {u"nobody"_s, 3}, {kDoor2, -1}, {kDoor3, u"9"_s}});
        QCOMPARE(holds, (HoldVector{{kDoor1, 4}}));

        // Items: read as strictly as an upload; a walk-in travels with its entry.
        PeerItem walkIn = item(kDoor2, 2, u"5b3c7a52-0000-4000-8000-000000000001"_s, 1'780'000'001'000);
        walkIn.walkIn = WalkIn{u"Wanda"_s, u"Walker"_s, {}, {}};
        const QJsonObject message = PeerWire::itemsJson({item(kDoor1, 1, u"a1"_s, 1'780'000'000'000), walkIn},
                                                        {{kDoor1, u"Door 1"_s}});
        QList<PeerItem> items;
        QHash<QString, QString> names;
        QVERIFY2(PeerWire::readItems(message, &items, &names, &error), qPrintable(error));
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].checkIn.deviceId, kDoor1);
        QCOMPARE(items[1].originSeq, 2);
        QVERIFY(items[1].walkIn.has_value());
        QCOMPARE(items[1].walkIn->lastName, u"Walker"_s);
        QCOMPARE(names.value(kDoor1), u"Door 1"_s);
        for (const char *field : {"seq", "device_id", "hlc", "id"}) {
            QJsonObject broken = message;
            QJsonArray list = broken["items"_L1].toArray();
            QJsonObject first = list[0].toObject();
            first.remove(QLatin1String(field));
            list[0] = first;
            broken["items"_L1] = list;
            items.clear();
            QVERIFY2(!PeerWire::readItems(broken, &items, &names, &error), field);
            QVERIFY(!error.isEmpty());
        }
        QJsonArray many;
        for (int i = 0; i <= PeerWire::MaxItems; ++i)
            many.append(message["items"_L1].toArray()[0]);
        items.clear();
        QVERIFY(!PeerWire::readItems(QJsonObject{{"items"_L1, many}}, &items, &names, &error));
    }

    void announcements()
    {
        const PeerKey key = PeerKey::generate(2);
        const PeerWire::Announcement a{PeerKey::eventTag(u"ev"_s), kDoor1, 45872, 2, 1'780'000'000'000};
        const QByteArray datagram = PeerWire::announcementDatagram(a, key.announcementKey(u"ev"_s));
        PeerWire::Announcement read;
        bool signedBy = false;
        QVERIFY(PeerWire::readAnnouncement(datagram, key.announcementKey(u"ev"_s), &read, &signedBy));
        QVERIFY(signedBy);
        QCOMPARE(read.deviceId, kDoor1);
        QCOMPARE(read.port, 45872);
        QCOMPARE(read.generation, 2);
        // Another key (another generation, another event): read, but not signed by it.
        QVERIFY(PeerWire::readAnnouncement(datagram, PeerKey::generate(3).announcementKey(u"ev"_s), &read,
                                           &signedBy));
        QVERIFY(!signedBy);
        // Changed on the way (another port to dial): no longer signed.
        QByteArray forged = datagram;
        forged.replace("45872", "45999");
        QVERIFY(PeerWire::readAnnouncement(forged, key.announcementKey(u"ev"_s), &read, &signedBy));
        QVERIFY(!signedBy);
        for (const QByteArray &junk :
             {QByteArray(), QByteArray("hello"), QByteArray("{\"checkin-peer\":2}"), QByteArray(2000, 'x')})
            QVERIFY(!PeerWire::readAnnouncement(junk, key.announcementKey(u"ev"_s), &read, &signedBy));
    }

    // A door numbers its own check-ins; another door stores them, knows who is inside, and holds
    // them in order; the outbox delivers them unless their door delivers its own.
    void storeExchange()
    {
        DoorStore door1(kDoor1);
        DoorStore door2(kDoor2);
        QVERIFY(door1.checkIn(u"a1"_s).recorded);
        QVERIFY(door1.checkIn(u"a2"_s).recorded);
        QCOMPARE(await(door1.store.peerState()).holds, (HoldVector{{kDoor1, 2}}));
        const PeerItems out = await(door1.store.peerItems(kDoor1, 0, 500));
        QVERIFY(out.error.isEmpty());
        QCOMPARE(out.items.size(), 2);
        QCOMPARE(out.items[0].originSeq, 1);
        QCOMPARE(out.items[1].originSeq, 2);
        QCOMPARE(await(door1.store.peerItems(kDoor1, 1, 500)).items.size(), 1);

        const PeerApplied applied = await(door2.store.storePeerItems(out.items, {{kDoor1, u"Door 1"_s}}));
        QVERIFY2(applied.error.isEmpty(), qPrintable(applied.error));
        QCOMPARE(applied.stored, 2);
        QCOMPARE(applied.holds.value(kDoor1), 2);
        QVERIFY(door2.inside(u"a1"_s));
        // The second door refuses the first door's guest, naming the door.
        const ScanOutcome again = door2.checkIn(u"a1"_s);
        QVERIFY(!again.recorded);
        QCOMPARE(again.verdict, Verdict::AlreadyInside);
        QCOMPARE(again.attendee.insideDeviceName, u"Door 1"_s);
        // The same batch again stores nothing.
        QCOMPARE(await(door2.store.storePeerItems(out.items, {})).stored, 0);

        // Door 2's outbox: its own only while door 1 delivers its own; all when door 1 is gone.
        QVERIFY(door2.checkIn(u"a3"_s).recorded);
        SyncState state = await(door2.store.syncState());
        QCOMPARE(state.undelivered, 1);
        QCOMPARE(state.heldForOthers, 2);
        door2.store.leaveToPeers({kDoor1});
        Outbox outbox = await(door2.store.outbox(500));
        QCOMPARE(outbox.checkIns.size(), 1);
        QCOMPARE(outbox.checkIns[0].deviceId, kDoor2);
        door2.store.leaveToPeers({});
        outbox = await(door2.store.outbox(500));
        QCOMPARE(outbox.checkIns.size(), 3);
        QCOMPARE(outbox.deviceId, kDoor2);

        // Door 1 hears that door 2 holds both: "replicated".
        const PeerState s1 = await(door1.store.peerState(2));
        QCOMPARE(s1.own, 2);
        QCOMPARE(s1.replicated, 2);
        QCOMPARE(await(door1.store.peerState(1)).replicated, 1);
    }

    // Door 2 passes door 1's check-ins on to door 3 in order; a walk-in comes with its entry.
    void relayAndWalkIns()
    {
        DoorStore door1(kDoor1);
        DoorStore door2(kDoor2);
        DoorStore door3(kDoor3);
        const ScanOutcome walkIn = await(door1.store.registerWalkIn(WalkIn{u"Wanda"_s, u"Walker"_s, {}, {}}));
        QVERIFY(walkIn.recorded);
        const PeerItems fromDoor1 = await(door1.store.peerItems(kDoor1, 0, 500));
        QCOMPARE(fromDoor1.items.size(), 1);
        QVERIFY(fromDoor1.items[0].walkIn.has_value());
        QVERIFY(await(door2.store.storePeerItems(fromDoor1.items, {})).error.isEmpty());
        const PeerItems fromDoor2 = await(door2.store.peerItems(kDoor1, 0, 500));
        QCOMPARE(fromDoor2.items.size(), 1);
        QCOMPARE(fromDoor2.items[0].originSeq, 1);
        QVERIFY(fromDoor2.items[0].walkIn.has_value()); // door 2 passes the person on too
        QVERIFY(await(door3.store.storePeerItems(fromDoor2.items, {})).error.isEmpty());
        const AttendeeDetail person = await(door3.store.attendee(walkIn.attendee.attendee.id));
        QVERIFY(person.found);
        QCOMPARE(person.view.attendee.lastName, u"Walker"_s);
        QVERIFY(person.view.inside);
        QCOMPARE(await(door3.store.search(u"walker"_s)).attendees.size(), 1);
    }

    // A door with a clock a day ahead cannot pull this door's clock along: the hybrid clock clamps
    // what it observes, as it does for the server's feed.
    void wrongClock()
    {
        DoorStore door(kDoor2);
        const qint64 now = door.clock.nowMs();
        const qint64 dayAhead = now + 24 * 3600'000LL;
        QCOMPARE(await(door.store.storePeerItems({item(kDoor1, 1, u"a1"_s, dayAhead)}, {})).stored, 1);
        QVERIFY(door.inside(u"a1"_s));
        const ScanOutcome mine = door.checkIn(u"a2"_s);
        QVERIFY(mine.recorded);
        const AttendeeDetail detail = await(door.store.attendee(u"a2"_s));
        QCOMPARE(detail.history.size(), 1);
        QVERIFY(detail.history[0].checkIn.hlc.ms <= now + HybridClock::MaxFutureMs);
    }

    // The key as the server gives it: kept per event; an older generation does not replace a newer.
    void keyKept()
    {
        DoorStore door(kDoor1);
        QVERIFY(!await(door.store.peerState()).key.isValid());
        const PeerKey two = PeerKey::generate(2);
        QVERIFY(await(door.store.setPeerKey(two)).ok());
        QCOMPARE(await(door.store.peerState()).key, two);
        QVERIFY(await(door.store.setPeerKey(PeerKey::generate(1))).ok());
        QCOMPARE(await(door.store.peerState()).key, two);
        const PeerKey three = PeerKey::generate(3);
        QVERIFY(await(door.store.setPeerKey(three)).ok());
        QCOMPARE(await(door.store.peerState()).key, three);
        // The same generation with another secret: the server's wins (a tampered copy is mended).
        const PeerKey again{3, PeerKey::generate(3).secret};
        QVERIFY(await(door.store.setPeerKey(again)).ok());
        QCOMPARE(await(door.store.peerState()).key, again);
    }
};

QTEST_GUILESS_MAIN(TestPeerWire)
#include "tst_peerwire.moc"
