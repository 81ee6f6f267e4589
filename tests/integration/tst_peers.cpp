// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Doors that talk to each other, with real processes: a checkin-server and kiosks that are
// `checkinctl peers --sync` processes on data directories of their own (check-ins are made with
// `checkinctl checkin` on the same directories, as a second process). The server goes away; a
// check-in at door 1 reaches door 2 within 2 s; a late door catches up; door 1's data directory is
// destroyed and the server still gets its check-ins, once; two doors split and heal; a door with
// a wrong key, a revoked one and one with a much older app get nothing and give nothing.
#include "AdminClient.h"
#include "KioskDatabase.h"
#include "ServerProcess.h"
#include "TestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAdminToken = u"peers-admin-token-0123456789"_s;
const QString kEvent = u"ev-peers"_s;
const QByteArray kCsv = "code,first_name,last_name\n"
                        "T-1,Anna,Alpha\nT-2,Bert,Beta\nT-3,Cora,Gamma\nT-4,Dirk,Delta\n"
                        "T-5,Emma,Epsilon\nT-6,Finn,Zeta\nT-7,Gina,Eta\nT-8,Hugo,Theta\n";

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

Run ctl(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CHECKINCTL_PATH), args);
    if (!p.waitForFinished(60'000))
        qFatal("checkinctl did not finish: %s", qPrintable(args.join(u' ')));
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

// Waits (with the event loop running) until `done` holds; false after `timeoutMs`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

// A door: a data directory and, while it runs, its `checkinctl peers` process.
class Door
{
public:
    Door(const QString &dir, const QString &name)
        : m_dir(dir)
        , m_name(name)
    {}
    ~Door() { stop(); }

    QString dir() const { return m_dir; }
    QString name() const { return m_name; }

    bool enrol(const QUrl &server, const QString &code)
    {
        const Run enrolled = ctl({u"--data-dir"_s, m_dir, u"enrol"_s, u"--server"_s, server.toString(),
                                  u"--code"_s, code, u"--name"_s, m_name});
        const Run preloaded = ctl({u"--data-dir"_s, m_dir, u"preload"_s});
        if (enrolled.exitCode != 0 || preloaded.exitCode != 0)
            qWarning().noquote() << enrolled.err << preloaded.err;
        return enrolled.exitCode == 0 && preloaded.exitCode == 0;
    }

    // Starts the door's peer service on a free port of 127.0.0.1, dialling `peers`; with the server's
    // sync too. Waits until it listens.
    bool start(const QStringList &peers, const QStringList &extra = {},
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), bool sync = true)
    {
        QStringList args{u"--data-dir"_s, m_dir, u"--json"_s, u"peers"_s, u"--listen"_s, u"127.0.0.1:0"_s};
        if (sync)
            args << u"--sync"_s;
        for (const QString &p : peers)
            args << u"--peer"_s << p;
        if (!extra.contains(u"--discovery-port"_s))
            args << u"--no-discovery"_s;
        args << extra;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(env);
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(), [this] {
            m_buffer += m_process->readAllStandardOutput();
            qsizetype end;
            while ((end = m_buffer.indexOf('\n')) >= 0) {
                const QJsonObject line = QJsonDocument::fromJson(m_buffer.left(end)).object();
                m_buffer.remove(0, end + 1);
                if (!line.isEmpty())
                    m_status = line;
            }
        });
        m_process->start(QStringLiteral(CHECKINCTL_PATH), args);
        return waitUntil([this] { return m_status.value(u"port"_s).toInt() > 0; }, 15'000);
    }

    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(10'000))
            m_process->kill();
        m_process.reset();
        m_status = {};
    }

    // The door's process dies (a tablet dropped): no goodbye.
    void kill()
    {
        if (m_process) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }

    QString address() const { return u"127.0.0.1:%1"_s.arg(m_status.value(u"port"_s).toInt()); }
    QJsonObject status() const { return m_status; }
    QJsonArray peers() const { return m_status.value(u"peers"_s).toArray(); }

    bool connectedTo(const QString &name) const
    {
        for (const QJsonValue &p : peers()) {
            if (p[u"name"_s].toString() == name && p[u"connected"_s].toBool())
                return true;
        }
        return false;
    }

    // A problem the door notes for another door (whatever it is called), or "".
    QString problemWith(const QString &nameOrAddressPart) const
    {
        for (const QJsonValue &p : peers()) {
            if ((p[u"name"_s].toString() == nameOrAddressPart ||
                 p[u"device_id"_s].toString().contains(nameOrAddressPart) || nameOrAddressPart.isEmpty()) &&
                !p[u"problem"_s].toString().isEmpty())
                return p[u"problem"_s].toString();
        }
        return {};
    }

    Run checkIn(const QString &code) const { return ctl({u"--data-dir"_s, m_dir, u"checkin"_s, code}); }
    QJsonObject stats() const { return ctl({u"--data-dir"_s, m_dir, u"--json"_s, u"status"_s}).json(); }

    // Whether this door knows the attendee with `code`'s ticket inside, read from its database.
    bool knowsInside(const QString &lastName) const
    {
        const QString connection = u"peek-"_s + QString::number(QRandomGenerator::global()->generate());
        bool inside = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
            useKioskDatabase(db, QDir(m_dir).filePath(u"kiosk.sqlite"_s),
                             u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(u"SELECT inside FROM attendees WHERE last_name = ?"_s);
                q.addBindValue(lastName);
                inside = q.exec() && q.next() && q.value(0).toInt() == 1;
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return inside;
    }

private:
    QString m_dir;
    QString m_name;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_buffer;
    QJsonObject m_status;
};

// A TCP relay between two doors that can be cut (a network split) and mended.
class Relay : public QObject
{
public:
    explicit Relay(quint16 upstream)
        : m_upstream(upstream)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                if (m_cut) {
                    client->abort();
                    client->deleteLater();
                    continue;
                }
                auto *up = new QTcpSocket(this);
                client->setParent(this);
                m_pairs << qMakePair(QPointer<QTcpSocket>(client), QPointer<QTcpSocket>(up));
                connect(client, &QTcpSocket::readyRead, up, [client, up] { up->write(client->readAll()); });
                connect(up, &QTcpSocket::readyRead, client, [client, up] { client->write(up->readAll()); });
                connect(client, &QTcpSocket::disconnected, up, &QTcpSocket::disconnectFromHost);
                connect(up, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
                up->connectToHost(QHostAddress::LocalHost, m_upstream);
            }
        });
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    QString address() const { return u"127.0.0.1:%1"_s.arg(m_server.serverPort()); }
    // Cut: every connection through it ends without a word, and new ones are dropped.
    void cut(bool cut)
    {
        m_cut = cut;
        if (!cut)
            return;
        for (const auto &pair : std::as_const(m_pairs)) {
            if (pair.first)
                pair.first->abort();
            if (pair.second)
                pair.second->abort();
        }
        m_pairs.clear();
    }

private:
    QTcpServer m_server;
    quint16 m_upstream;
    bool m_cut = false;
    QList<QPair<QPointer<QTcpSocket>, QPointer<QTcpSocket>>> m_pairs;
};

} // namespace

class TestPeers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    AdminClient m_admin{{}, kAdminToken};
    QHash<QString, QString> m_attendeeOf; // code -> attendee id on the server

    std::unique_ptr<Door> enrolledDoor(const QString &name)
    {
        auto door = std::make_unique<Door>(m_dir.filePath(name), name);
        if (!door->enrol(m_server.url(), m_admin.enrolmentCode(kEvent)))
            qFatal("could not enrol %s", qPrintable(name));
        return door;
    }

    // The server's check-ins of the event: id -> change.
    QHash<QString, QJsonObject> serverCheckIns()
    {
        QString error;
        const auto all = m_admin.checkIns(kEvent, &error);
        if (!error.isEmpty())
            qWarning().noquote() << error;
        return all;
    }

private Q_SLOTS:
    // A test that failed with the server stopped leaves it running for the next.
    void init()
    {
        if (!m_server.running()) {
            QCOMPARE(m_server.restart(), QString());
            m_admin.setBase(m_server.url());
        }
    }

    void initTestCase()
    {
        ServerProcess::Options options;
        options.adminToken = kAdminToken;
        options.logDir = m_dir.path();
        const QString error = m_server.start(
            QStringLiteral(CHECKIN_SERVER_PATH),
            {u"--db"_s, u"sqlite:%1/server.sqlite"_s.arg(m_dir.path()), u"--data-dir"_s, m_dir.path()},
            options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin.setBase(m_server.url());
        int status = 0;
        m_admin.call("POST", u"/api/v1/events"_s, {{"id"_L1, kEvent}, {"name"_L1, u"Peers"_s}}, &status);
        QCOMPARE(status, 201);
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent), kCsv, "text/csv", &status);
        QCOMPARE(status, 200);
    }

    // The outage, from beginning to end.
    void outage()
    {
        auto door1 = enrolledDoor(u"Door 1"_s);
        auto door2 = enrolledDoor(u"Door 2"_s);
        auto door3 = enrolledDoor(u"Door 3"_s); // enrolled now, joins late
        QVERIFY(door1->start({}));
        QVERIFY(door2->start({door1->address()}));
        QVERIFY2(waitUntil([&] { return door1->connectedTo(u"Door 2"_s) && door2->connectedTo(u"Door 1"_s); },
                           10'000),
                 QJsonDocument(door2->status()).toJson().constData());

        // The server goes away.
        QVERIFY(m_server.stop());

        // Door 1 admits Anna; door 2 knows within 2 s and refuses her, naming door 1.
        QElapsedTimer took;
        const Run admitted = door1->checkIn(u"T-1"_s);
        took.start();
        QCOMPARE(admitted.exitCode, 0);
        QVERIFY(waitUntil([&] { return door2->knowsInside(u"Alpha"_s); }, 5000));
        const qint64 ms = took.elapsed();
        qInfo() << "door 2 knew after" << ms << "ms";
        QVERIFY2(ms <= 2000, qPrintable(u"%1 ms"_s.arg(ms)));
        const Run refused = door2->checkIn(u"T-1"_s);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.out.contains("at Door 1"), refused.out.constData());

        // More at door 1 (a walk-in too) and one at door 2, all during the outage.
        QCOMPARE(door1->checkIn(u"T-2"_s).exitCode, 0);
        QCOMPARE(ctl({u"--data-dir"_s, door1->dir(), u"walk-in"_s, u"--first"_s, u"Wanda"_s, u"--last"_s,
                      u"Walker"_s})
                     .exitCode,
                 0);
        QCOMPARE(door2->checkIn(u"T-3"_s).exitCode, 0);

        // Door 3 joins late and catches up with both.
        QVERIFY(door3->start({door1->address(), door2->address()}));
        QVERIFY(waitUntil(
            [&] {
                return door3->knowsInside(u"Alpha"_s) && door3->knowsInside(u"Beta"_s) &&
                       door3->knowsInside(u"Gamma"_s) && door3->knowsInside(u"Walker"_s);
            },
            10'000));
        // Door 1 hears that others hold all three of its check-ins ("replicated").
        QVERIFY(waitUntil([&] { return door1->status()[u"replicated"_s].toInt() == 3; }, 5000));
        QCOMPARE(door1->status()[u"own"_s].toInt(), 3);
        // `checkinctl status` on door 3's directory (another process) shows the doors it heard.
        QVERIFY(waitUntil([&] { return door3->stats()[u"peers"_s].toArray().size() == 2; }, 5000));
        const QJsonObject status3 = door3->stats();
        QCOMPARE(status3[u"held_for_other_doors"_s].toInt(), 4);
        for (const QJsonValue &p : status3[u"peers"_s].toArray())
            QVERIFY(p[u"connected"_s].toBool());

        // Door 1's tablet breaks: its process dies and its data directory is gone.
        door1->kill();
        QVERIFY(QDir(door1->dir()).removeRecursively());

        // The server comes back: doors 2 and 3 deliver door 1's check-ins for it, each once.
        QCOMPARE(m_server.restart(), QString());
        m_admin.setBase(m_server.url());
        QHash<QString, QJsonObject> onServer;
        QVERIFY(waitUntil(
            [&] {
                onServer = serverCheckIns();
                return onServer.size() == 4;
            },
            60'000));
        QStringList fromDoor1;
        for (const QJsonObject &c : std::as_const(onServer)) {
            if (c[u"device_name"_s].toString() == u"Door 1"_s)
                fromDoor1 << c[u"id"_s].toString();
            QCOMPARE(c[u"status"_s].toString(), u"accepted"_s);
        }
        QCOMPARE(fromDoor1.size(), 3);
        // The walk-in is on the server as door 1's.
        const QJsonObject people =
            m_admin.call("GET", u"/api/v1/events/%1/attendees?q=Walker"_s.arg(kEvent), QByteArray());
        QCOMPARE(people[u"total"_s].toInt(), 1);
        // Both doors learn from the feed that the server has everything: nothing left to deliver.
        QVERIFY(waitUntil([&] { return door2->stats()[u"undelivered"_s].toInt() == 0; }, 40'000));
        QVERIFY(waitUntil([&] { return door3->stats()[u"undelivered"_s].toInt() == 0; }, 40'000));
        door2->stop();
        door3->stop();
    }

    // Two doors lose each other; both admit the same ticket; when they find each other again both
    // count the same: one entry, one duplicate.
    void splitAndHeal()
    {
        auto a = enrolledDoor(u"Door A"_s);
        auto b = enrolledDoor(u"Door B"_s);
        QVERIFY(b->start({}));
        Relay relay(quint16(b->status()[u"port"_s].toInt()));
        QVERIFY(a->start({relay.address()}));
        QVERIFY(waitUntil([&] { return a->connectedTo(u"Door B"_s); }, 10'000));

        relay.cut(true);
        QVERIFY(waitUntil([&] { return !a->connectedTo(u"Door B"_s); }, 10'000));
        QCOMPARE(a->checkIn(u"T-4"_s).exitCode, 0);
        QTest::qWait(300);
        QCOMPARE(b->checkIn(u"T-4"_s).exitCode, 0); // it could not know
        QCOMPARE(a->checkIn(u"T-5"_s).exitCode, 0);
        QTest::qWait(1500);
        QVERIFY(!b->knowsInside(u"Epsilon"_s));

        relay.cut(false);
        // A door whose connection broke right after it stood asks again within 10 s.
        QVERIFY(waitUntil([&] { return a->connectedTo(u"Door B"_s); }, 20'000));
        QVERIFY(waitUntil([&] { return b->knowsInside(u"Epsilon"_s); }, 5000));
        QVERIFY(waitUntil([&] { return a->stats()[u"duplicates"_s].toInt() == 1; }, 5000));
        const QJsonObject sa = a->stats();
        const QJsonObject sb = b->stats();
        QCOMPARE(sb[u"duplicates"_s].toInt(), 1);
        QCOMPARE(sa[u"inside"_s].toInt(), sb[u"inside"_s].toInt());
        QCOMPARE(sa[u"checkins"_s].toInt(), sb[u"checkins"_s].toInt());
        a->stop();
        b->stop();
    }

    // Nobody without the event's key of now gets in: a wrong key, a revoked door (its key is the
    // old generation once the others heard of the revocation), an app too old to speak with.
    void refused()
    {
        auto door = enrolledDoor(u"Door R"_s);
        auto wrong = enrolledDoor(u"Door W"_s);
        auto revoked = enrolledDoor(u"Door V"_s);
        auto old = enrolledDoor(u"Door O"_s);

        // The revoked one: the server makes a new key; the door that syncs takes it, the revoked
        // one cannot.
        const QJsonObject devices =
            m_admin.call("GET", u"/api/v1/events/%1/devices"_s.arg(kEvent), QByteArray());
        QString revokedId;
        for (const QJsonValue &d : devices[u"devices"_s].toArray()) {
            if (d[u"name"_s].toString() == u"Door V"_s)
                revokedId = d[u"id"_s].toString();
        }
        int status = 0;
        m_admin.call("DELETE", u"/api/v1/devices/%1"_s.arg(revokedId), QByteArray(), "application/json",
                     &status);
        QCOMPARE(status, 200);
        QCOMPARE(ctl({u"--data-dir"_s, door->dir(), u"sync"_s, u"--once"_s}).exitCode, 0);
        const int generation = door->stats()[u"peer_key_generation"_s].toInt();
        QVERIFY(generation >= 2);
        QCOMPARE(revoked->stats()[u"peer_key_generation"_s].toInt(), generation - 1);

        // A wrong secret: the right generation, another key.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            useKioskDatabase(db, QDir(wrong->dir()).filePath(u"kiosk.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE meta SET value = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' "
                           "WHERE key = 'peer_secret'"_s));
            QVERIFY(q.exec(u"UPDATE meta SET value = '%1' WHERE key = 'peer_generation'"_s.arg(generation)));
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);

        QVERIFY(door->start({}));
        // Each of them admits somebody and tries to tell the door.
        QCOMPARE(wrong->checkIn(u"T-6"_s).exitCode, 0);
        QCOMPARE(revoked->checkIn(u"T-7"_s).exitCode, 0);
        QCOMPARE(old->checkIn(u"T-8"_s).exitCode, 0);
        QProcessEnvironment older = QProcessEnvironment::systemEnvironment();
        older.insert(u"CHECKIN_PEER_PROTOCOL"_s, u"0"_s);
        // (Not syncing: the server's feed would give it the right key back.)
        QVERIFY(wrong->start({door->address()}, {}, QProcessEnvironment::systemEnvironment(), false));
        QVERIFY(revoked->start({door->address()}, {}, QProcessEnvironment::systemEnvironment()));
        QVERIFY(old->start({door->address()}, {}, older));

        // Each is refused with a reason, on both sides.
        QVERIFY(waitUntil([&] { return !wrong->problemWith({}).isEmpty(); }, 10'000));
        QVERIFY2(waitUntil([&] { return revoked->problemWith({}).contains(u"handshake"_s); }, 10'000),
                 QJsonDocument(revoked->status()).toJson().constData());
        QVERIFY2(waitUntil([&] { return old->problemWith({}).contains(u"too old"_s); }, 10'000),
                 QJsonDocument(old->status()).toJson().constData());
        QVERIFY2(waitUntil([&] { return door->problemWith(u"Door O"_s).contains(u"too old"_s); }, 10'000),
                 QJsonDocument(door->status()).toJson().constData());
        // The door names each by its device: the revoked one has the key of the generation before.
        const QString wrongId = wrong->stats()[u"device"_s][u"id"_s].toString();
        QVERIFY(waitUntil(
            [&] { return door->problemWith(revokedId).contains(u"generation %1,"_s.arg(generation - 1)); },
            10'000));
        QVERIFY2(waitUntil([&] { return door->problemWith(wrongId).contains(u"handshake"_s); }, 10'000),
                 (wrongId + QString::fromUtf8(QJsonDocument(door->status()).toJson())).toUtf8().constData());
        qInfo().noquote() << "refused:" << wrong->problemWith({}) << "|" << revoked->problemWith({}) << "|"
                          << old->problemWith({});

        // Nothing they sent is stored; the door has only what the server gave it.
        QTest::qWait(1500);
        for (const QString &last : {u"Zeta"_s, u"Eta"_s, u"Theta"_s})
            QVERIFY2(!door->knowsInside(last), qPrintable(last));
        QCOMPARE(door->stats()[u"held_for_other_doors"_s].toInt(), 0);
        QVERIFY(!door->connectedTo(u"Door W"_s));
        QVERIFY(!door->connectedTo(u"Door V"_s));
        QVERIFY(!door->connectedTo(u"Door O"_s));
        for (Door *d : {door.get(), wrong.get(), revoked.get(), old.get()})
            d->stop();
    }

    // Doors of an event find each other on the local network without any address given.
    void discovery()
    {
        auto one = enrolledDoor(u"Door D1"_s);
        auto two = enrolledDoor(u"Door D2"_s);
        const QString port = QString::number(40000 + QRandomGenerator::global()->bounded(20000));
        QVERIFY(one->start({}, {u"--discovery-port"_s, port}));
        QVERIFY(two->start({}, {u"--discovery-port"_s, port}));
        QVERIFY2(waitUntil([&] { return one->connectedTo(u"Door D2"_s) && two->connectedTo(u"Door D1"_s); },
                           15'000),
                 QJsonDocument(one->status()).toJson().constData());
        one->stop();
        two->stop();
    }
};

QTEST_GUILESS_MAIN(TestPeers)
#include "tst_peers.moc"
