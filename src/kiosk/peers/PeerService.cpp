// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PeerService.h"

#include "Futures.h"
#include "KioskLogging.h"
#include "LocalStore.h"
#include "PeerLink.h"
#include "StoreWorker.h"

#include <QDateTime>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUdpSocket>
#include <QUrl>

#include <algorithm>
#include <tuple>

namespace checkin {

using namespace Qt::StringLiterals;

namespace {
// Accepts connections as descriptors, for QSslSocket to take them.
class PeerServer : public QTcpServer
{
public:
    std::function<void(qintptr)> onIncoming;

protected:
    void incomingConnection(qintptr descriptor) override { onIncoming(descriptor); }
};

constexpr int MaxLinks = 64;
constexpr qint64 SendWindowBytes = 256 * 1024;
} // namespace

// What this door knows of one connection.
struct PeerService::Link
{
    QString device; // after the hello
    QString fixedAddress;
    HoldVector theirHolds; // what they said they hold
    HoldVector sent;       // what was sent to them on this connection
    QStringList theirLinks;
    bool serverReachable = false;
    qint64 serverStateSinceMs = 0;      // since when (this door's clock) their server state is so
    QHash<QString, qint64> behindSince; // origin -> since when they lack what this door has
    bool reading = false;               // check-ins for them are being read
    QList<QPair<QList<PeerItem>, QHash<QString, QString>>> inbox; // received, to be stored in order
    bool storing = false;
};

PeerService::PeerService(LocalStore *store, const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(options)
    , m_tick(new QTimer(this))
    , m_poll(new QTimer(this))
{
    m_clock.start();
    m_serverSince.start();
    connect(m_tick, &QTimer::timeout, this, &PeerService::tick);
    connect(m_poll, &QTimer::timeout, this, &PeerService::poll);
    // This door's own check-ins go out at once; others' that arrived go on to the doors that lack them.
    connect(m_store, &LocalStore::checkInRecorded, this, &PeerService::poll);
    connect(m_store, &LocalStore::peerCheckInsStored, this, [this](int n) {
        m_status.received += n;
        pumpAll();
    });
}

PeerService::~PeerService()
{
    stop();
}

qint64 PeerService::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool PeerService::parseAddress(const QString &text, QString *host, quint16 *port, QString *error)
{
    const QUrl url(u"peer://"_s + text.trimmed());
    if (!url.isValid() || url.host().isEmpty() || url.port() <= 0 || !url.path().isEmpty()) {
        *error = tr("“%1” is no door's address: write host:port, e.g. 192.168.1.20:%2.")
                     .arg(text)
                     .arg(DefaultPort);
        return false;
    }
    *host = url.host();
    *port = quint16(url.port());
    return true;
}

void PeerService::start()
{
    if (m_started)
        return;
    m_started = true;
    m_tick->start(TickMs);
    m_poll->start(m_options.pollMs);
    refreshState(false);
}

void PeerService::stop()
{
    if (!m_started)
        return;
    m_started = false;
    m_tick->stop();
    m_poll->stop();
    for (PeerLink *link : m_links.keys()) {
        link->disconnect(this);
        link->close();
        link->deleteLater();
    }
    qDeleteAll(m_links);
    m_links.clear();
    if (m_server)
        m_server->close();
    if (m_udp)
        m_udp->close();
    m_status.running = false;
    Q_EMIT statusChanged();
}

void PeerService::setServerReachable(bool reachable)
{
    if (reachable == m_serverReachable)
        return;
    m_serverReachable = reachable;
    m_serverSince.restart();
    for (PeerLink *link : m_links.keys()) {
        if (link->isEstablished())
            sendState(link);
    }
}

void PeerService::refreshState(bool announceChange)
{
    if (m_stateReading)
        return;
    m_stateReading = true;
    qint64 replicatedUpTo = 0;
    for (const PeerRecord &p : std::as_const(m_peers))
        replicatedUpTo = std::max(replicatedUpTo, p.holds);
    deliverLater(m_store->peerState(replicatedUpTo), this, [this, announceChange](const PeerState &s) {
        m_stateReading = false;
        if (!m_started)
            return;
        if (!s.error.isEmpty()) {
            m_status.problem = s.error;
            publish();
            return;
        }
        const bool keyChanged = s.key != m_key || s.eventId != m_eventId || s.deviceId != m_self;
        m_eventId = s.eventId;
        m_self = s.deviceId;
        m_name = s.deviceName.isEmpty() ? s.deviceId.left(8) : s.deviceName;
        m_names.insert(m_self, m_name);
        m_key = s.key;
        m_status.own = s.own;
        m_status.replicated = s.replicated;
        m_status.heldForOthers = s.heldForOthers;
        // What the store kept of earlier runs: names and holds, until the doors say again.
        for (const PeerRecord &p : s.peers) {
            if (!m_peers.contains(p.deviceId) && !p.deviceId.contains(u':'))
                m_peers.insert(p.deviceId, p);
            if (!p.name.isEmpty() && !p.deviceId.contains(u':'))
                m_names.insert(p.deviceId, p.name);
        }
        const bool holdsChanged = s.holds != m_holds;
        m_holds = s.holds;
        if (keyChanged) {
            // A new key (a revocation) ends every connection made with the old one.
            // (Nobody's fault: no problem noted, and the fixed addresses are dialled again at once.)
            for (PeerLink *link : m_links.keys())
                link->close();
            m_nextDial.clear();
        }
        if (!m_key.isValid() || m_eventId.isEmpty() || m_self.isEmpty()) {
            m_status.running = false;
            m_status.problem = tr("No key for the other doors yet: this door must reach the server once "
                                  "after enrolment.");
            publish();
            return;
        }
        if (!ensureListening()) {
            publish();
            return;
        }
        m_status.running = true;
        m_status.problem.clear();
        if (holdsChanged || announceChange)
            pumpAll();
        publish();
    });
}

bool PeerService::ensureListening()
{
    if (m_server && m_server->isListening())
        return true;
    if (!m_server) {
        auto *server = new PeerServer;
        server->setParent(this);
        server->onIncoming = [this](qintptr descriptor) {
            auto *socket = new QSslSocket;
            if (!socket->setSocketDescriptor(descriptor) || m_links.size() >= MaxLinks || !m_key.isValid()) {
                delete socket;
                return;
            }
            adopt(new PeerLink(socket, PeerLink::Side::Accepted, m_eventId, m_key, hello(), this), {});
        };
        m_server = server;
    }
    if (!m_server->listen(m_options.listenAddress, m_options.port)) {
        m_status.running = false;
        m_status.problem = tr("The other doors cannot connect: port %1 cannot be used (%2).")
                               .arg(m_options.port)
                               .arg(m_server->errorString());
        return false;
    }
    m_status.port = m_server->serverPort();
    qCInfo(lcSync) << "peers: listening on" << m_options.listenAddress.toString() << m_status.port;
    if (m_options.discovery)
        setUpDiscovery();
    return true;
}

void PeerService::setUpDiscovery()
{
    if (m_udp)
        return;
    m_udp = new QUdpSocket(this);
    // Several doors on one computer (the demo, tests) share the port.
    if (!m_udp->bind(QHostAddress::AnyIPv4, m_options.discoveryPort,
                     QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        qCWarning(lcSync) << "peers: no discovery, port" << m_options.discoveryPort << m_udp->errorString()
                          << "- fixed addresses only";
        return;
    }
    m_udp->setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    m_udp->setSocketOption(QAbstractSocket::MulticastTtlOption, 1); // this network only
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if ((flags & QNetworkInterface::IsUp) &&
            ((flags & QNetworkInterface::CanMulticast) || (flags & QNetworkInterface::IsLoopBack)))
            m_udp->joinMulticastGroup(m_options.discoveryGroup, iface);
    }
    connect(m_udp, &QUdpSocket::readyRead, this, &PeerService::readAnnouncements);
    announce();
}

void PeerService::announce()
{
    if (!m_udp || m_udp->state() != QAbstractSocket::BoundState || !m_key.isValid())
        return;
    const QByteArray datagram = PeerWire::announcementDatagram(
        {PeerKey::eventTag(m_eventId), m_self, m_status.port, m_key.generation, nowMs()},
        m_key.announcementKey(m_eventId));
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) ||
            !((flags & QNetworkInterface::CanMulticast) || (flags & QNetworkInterface::IsLoopBack)))
            continue;
        m_udp->setMulticastInterface(iface);
        m_udp->writeDatagram(datagram, m_options.discoveryGroup, m_options.discoveryPort);
    }
}

void PeerService::readAnnouncements()
{
    const QByteArray tag = m_eventId.isEmpty() ? QByteArray() : PeerKey::eventTag(m_eventId);
    while (m_udp->hasPendingDatagrams()) {
        const QNetworkDatagram datagram = m_udp->receiveDatagram(2048);
        PeerWire::Announcement a;
        bool signedByKey = false;
        if (!m_key.isValid() ||
            !PeerWire::readAnnouncement(datagram.data(), m_key.announcementKey(m_eventId), &a,
                                        &signedByKey) ||
            a.eventTag != tag || a.deviceId == m_self)
            continue;
        QString host = datagram.senderAddress().toString();
        if (host.startsWith(u"::ffff:"_s))
            host = host.mid(7);
        const QString address = host + u':' + QString::number(a.port);
        if (!signedByKey) {
            // A door of this event with another key (it has not heard of a revocation yet, or it
            // is the revoked one): said, never dialled.
            if (a.generation != m_key.generation)
                noteProblem(a.deviceId, address,
                            tr("it has another generation of the event's key (%1; this door has %2): "
                               "the door with the older key must reach the server once")
                                .arg(a.generation)
                                .arg(m_key.generation));
            continue;
        }
        bool linked = false;
        for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
            linked = linked || it.value()->device == a.deviceId || it.key()->claimedDevice() == a.deviceId ||
                     (!it.key()->isEstablished() && it.key()->address() == address);
        if (linked) {
            m_firstHeard.remove(a.deviceId);
            continue;
        }
        // The door with the smaller id dials; the other one too once it waited a moment for that.
        const qint64 now = nowMs();
        const qint64 first = m_firstHeard.value(a.deviceId, now);
        m_firstHeard.insert(a.deviceId, first);
        if (m_self < a.deviceId || now - first > 3 * TickMs)
            dial(host, a.port, {});
    }
}

void PeerService::dial(const QString &host, quint16 port, const QString &fixedAddress)
{
    if (m_links.size() >= MaxLinks)
        return;
    adopt(PeerLink::dial(host, port, m_eventId, m_key, hello(), this), fixedAddress);
}

void PeerService::adopt(PeerLink *link, const QString &fixedAddress)
{
    auto *state = new Link;
    state->fixedAddress = fixedAddress;
    m_links.insert(link, state);
    connect(link, &PeerLink::established, this, [this, link] { onEstablished(link); });
    connect(link, &PeerLink::message, this, [this, link](const QJsonObject &m) { onMessage(link, m); });
    connect(link, &PeerLink::drained, this, [this, link] { pump(link); });
    connect(link, &PeerLink::closed, this,
            [this, link](const QString &problem, int generation) { onClosed(link, problem, generation); });
}

PeerWire::Hello PeerService::hello() const
{
    PeerWire::Hello h;
    h.protocol = m_options.protocol;
    h.app = m_options.version;
    h.eventId = m_eventId;
    h.deviceId = m_self;
    h.name = m_name;
    h.holds = m_holds;
    return h;
}

PeerWire::State PeerService::state() const
{
    PeerWire::State s;
    s.holds = m_holds;
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        if (it.key()->isEstablished() && !it.value()->device.isEmpty())
            s.links << it.value()->device;
    }
    s.serverReachable = m_serverReachable;
    s.serverStateForMs = m_serverSince.elapsed();
    return s;
}

void PeerService::onEstablished(PeerLink *link)
{
    Link *state = m_links.value(link);
    if (!state)
        return;
    const PeerWire::Hello &h = link->peerHello();
    const QString address = link->address();
    if (h.eventId != m_eventId) {
        link->refuse(u"other_event"_s, tr("It belongs to another event."));
        return;
    }
    if (h.deviceId == m_self) {
        link->close(); // this door itself, by another address
        return;
    }
    if (h.protocol < PeerWire::MinProtocol) {
        const QString why = tr("Door “%1” runs an app too old to exchange check-ins with this one (app %2, "
                               "peer protocol %3; this door needs at least %4): update it.")
                                .arg(h.name, h.app.isEmpty() ? tr("of unknown version") : h.app)
                                .arg(h.protocol)
                                .arg(PeerWire::MinProtocol);
        noteProblem(h.deviceId, address, why);
        m_peers[h.deviceId].name = h.name;
        m_peers[h.deviceId].version = h.app;
        link->refuse(u"app_too_old"_s, why);
        return;
    }
    // One connection a pair: of two, the one dialled by the door with the smaller id stays.
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        if (it.key() == link || it.value()->device != h.deviceId || !it.key()->isEstablished())
            continue;
        const bool mineDialled = link->side() == PeerLink::Side::Dialled;
        const bool keepNew = (m_self < h.deviceId) == mineDialled;
        PeerLink *loser = keepNew ? it.key() : link;
        if (!keepNew)
            state->device = h.deviceId; // so that its closing is not taken for the door's going
        loser->close();
        if (!keepNew)
            return;
        break;
    }
    state->device = h.deviceId;
    state->theirHolds = h.holds;
    state->serverStateSinceMs = nowMs();
    m_firstHeard.remove(h.deviceId);
    PeerRecord &p = m_peers[h.deviceId];
    p.deviceId = h.deviceId;
    p.name = h.name;
    p.address = address;
    p.version = h.app;
    p.lastHeardMs = nowMs();
    p.holds = std::max(p.holds, h.holds.value(m_self));
    p.problem.clear();
    p.connected = true;
    m_peers.remove(address); // a problem noted by address only
    if (!h.name.isEmpty())
        m_names.insert(h.deviceId, h.name);
    m_peersDirty = true;
    qCInfo(lcSync).noquote() << "peers: connected to" << h.name << address;
    sendState(link);
    pump(link);
    publish();
}

void PeerService::onMessage(PeerLink *link, const QJsonObject &message)
{
    Link *state = m_links.value(link);
    if (!state || state->device.isEmpty())
        return;
    PeerRecord &p = m_peers[state->device];
    p.lastHeardMs = nowMs();
    const QString type = message.value("t"_L1).toString();
    // What they hold: from the state every second, and after each batch they stored (an ack).
    const auto takeHolds = [&](const HoldVector &holds) {
        for (auto it = holds.cbegin(); it != holds.cend(); ++it) {
            qint64 &held = state->theirHolds[it.key()];
            held = std::max(held, it.value());
        }
        const qint64 holdsMine = state->theirHolds.value(m_self);
        if (holdsMine > p.holds) {
            p.holds = holdsMine;
            m_peersDirty = true;
        }
    };
    if (type == "state"_L1) {
        const PeerWire::State s = PeerWire::readState(message);
        takeHolds(s.holds);
        state->theirLinks = s.links;
        if (s.serverReachable != state->serverReachable)
            state->serverStateSinceMs = nowMs() - s.serverStateForMs;
        state->serverReachable = s.serverReachable;
        pump(link);
        return;
    }
    if (type == "ack"_L1) {
        takeHolds(PeerWire::readHolds(message.value("holds"_L1)));
        pump(link);
        return;
    }
    if (type == "items"_L1) {
        QList<PeerItem> items;
        QHash<QString, QString> names;
        QString problem;
        if (!PeerWire::readItems(message, &items, &names, &problem)) {
            qCWarning(lcSync).noquote() << "peers: refused a message from" << p.name << ":" << problem;
            link->refuse(u"bad_message"_s, tr("It sent something this door cannot read: %1").arg(problem));
            return;
        }
        state->inbox.append({items, names});
        storeNext(link);
        return;
    }
    // Other types are a newer door's: skipped.
}

void PeerService::storeNext(PeerLink *link)
{
    Link *state = m_links.value(link);
    if (!state || state->storing || state->inbox.isEmpty())
        return;
    state->storing = true;
    const auto [items, names] = state->inbox.takeFirst();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        m_names.insert(it.key(), it.value());
    deliverLater(m_store->storePeerItems(items, names), this, [this, link](const PeerApplied &applied) {
        Link *current = m_links.value(link);
        if (!current)
            return; // the connection ended meanwhile; the door sends again from what this one holds
        current->storing = false;
        if (!applied.error.isEmpty()) {
            // Nothing of the batch is kept: the connection ends, so that the next one starts from
            // what this door really holds.
            qCWarning(lcSync).noquote() << "peers: could not store check-ins:" << applied.error;
            link->close(applied.error);
            return;
        }
        for (auto it = applied.holds.cbegin(); it != applied.holds.cend(); ++it) {
            qint64 &held = m_holds[it.key()];
            held = std::max(held, it.value());
        }
        if (!applied.ids.isEmpty())
            Q_EMIT received(applied.ids);
        // What it holds now of the doors in the batch (the sender's "replicated"); the whole state
        // follows with the next second's.
        link->send(PeerWire::ackJson(applied.holds));
        storeNext(link);
        pumpAll();
    });
}

bool PeerService::shouldForward(Link &link, const QString &origin, qint64 now)
{
    if (origin == m_self || !link.theirLinks.contains(origin)) {
        link.behindSince.remove(origin);
        return true;
    }
    // They talk to that door themselves: it sends them its check-ins, unless they stay behind.
    const qint64 since = link.behindSince.value(origin, now);
    link.behindSince.insert(origin, since);
    return now - since >= ForwardAfterMs;
}

void PeerService::pump(PeerLink *link)
{
    Link *state = m_links.value(link);
    if (!state || !link->isEstablished() || state->device.isEmpty() || state->reading ||
        link->pendingBytes() > SendWindowBytes)
        return;
    const qint64 now = nowMs();
    for (auto it = m_holds.cbegin(); it != m_holds.cend(); ++it) {
        const QString &origin = it.key();
        if (origin == state->device)
            continue;
        const qint64 have = std::max(state->sent.value(origin), state->theirHolds.value(origin));
        if (it.value() <= have) {
            state->behindSince.remove(origin);
            continue;
        }
        if (!shouldForward(*state, origin, now))
            continue;
        state->reading = true;
        deliverLater(m_store->peerItems(origin, have, PeerWire::MaxItems), this,
                     [this, link, origin, have](const PeerItems &read) {
                         Link *current = m_links.value(link);
                         if (!current)
                             return;
                         current->reading = false;
                         if (!read.error.isEmpty() || read.items.isEmpty()) {
                             if (!read.error.isEmpty())
                                 qCWarning(lcSync).noquote() << "peers:" << read.error;
                             return;
                         }
                         // Sent already on this connection meanwhile (a state said they had less).
                         if (std::max(current->sent.value(origin), current->theirHolds.value(origin)) !=
                             have) {
                             pump(link);
                             return;
                         }
                         QHash<QString, QString> names;
                         if (m_names.contains(origin))
                             names.insert(origin, m_names.value(origin));
                         link->send(PeerWire::itemsJson(read.items, names));
                         current->sent.insert(origin, read.items.constLast().originSeq);
                         pump(link);
                     });
        return; // one read at a time; the answer pumps again
    }
}

void PeerService::pumpAll()
{
    for (PeerLink *link : m_links.keys())
        pump(link);
}

void PeerService::sendState(PeerLink *link)
{
    link->send(PeerWire::stateJson(state()));
}

void PeerService::onClosed(PeerLink *link, const QString &problem, int theirGeneration)
{
    Link *state = m_links.take(link);
    link->deleteLater();
    m_bytesSentByClosed += link->bytesSent();
    if (!state)
        return;
    const QString device = !state->device.isEmpty() ? state->device : link->claimedDevice();
    bool stillLinked = false;
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
        stillLinked = stillLinked || (!device.isEmpty() && it.value()->device == device);
    // A door that answered and refused (or failed the handshake) is asked again later, not every second.
    if (!problem.isEmpty() && !state->fixedAddress.isEmpty() && (theirGeneration || link->wasConnected()))
        m_nextDial.insert(state->fixedAddress, nowMs() + RefusedRedialMs);
    if (!problem.isEmpty() && !stillLinked) {
        qCInfo(lcSync).noquote() << "peers: connection to" << link->address() << "ended:" << problem;
        // A door that never said who it is is known by its address (an accepted connection's
        // port changes with every try: its host alone).
        QString key = device;
        if (key.isEmpty())
            key = link->side() == PeerLink::Side::Dialled ? link->address()
                                                          : link->address().section(u':', 0, -2);
        noteProblem(key, link->address(), problem);
    }
    if (!device.isEmpty() && m_peers.contains(device) && !stillLinked) {
        m_peers[device].connected = false;
        m_peersDirty = true;
    }
    delete state;
    publish();
}

void PeerService::noteProblem(const QString &key, const QString &address, const QString &problem)
{
    PeerRecord &p = m_peers[key];
    p.deviceId = key;
    if (!address.isEmpty())
        p.address = address;
    p.problem = problem;
    p.lastHeardMs = nowMs();
    p.connected = false;
    m_peersDirty = true;
    publish();
}

void PeerService::poll()
{
    if (!m_started || m_polling || !m_status.running)
        return;
    m_polling = true;
    // What this door holds now: its own check-ins (recorded here, or by another process on the
    // same data directory), and what arrived.
    deliverLater(m_store->run<HoldVector>([](StoreWorker &w) {
        QString error;
        return w.holdings(&error);
    }),
                 this, [this](const HoldVector &holds) {
                     m_polling = false;
                     if (holds == m_holds)
                         return;
                     for (auto it = holds.cbegin(); it != holds.cend(); ++it) {
                         qint64 &held = m_holds[it.key()];
                         held = std::max(held, it.value());
                     }
                     pumpAll();
                 });
}

void PeerService::tick()
{
    refreshState(false);
    if (!m_status.running)
        return;
    announce();
    for (PeerLink *link : m_links.keys()) {
        if (link->isEstablished())
            sendState(link);
    }
    // The fixed addresses: dialled while no connection stands to the door there.
    const qint64 now = nowMs();
    for (const QString &fixed : std::as_const(m_options.fixedPeers)) {
        bool linked = false;
        for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
            const QString device = it.value()->device;
            linked =
                linked || it.value()->fixedAddress == fixed ||
                (!device.isEmpty() && m_peers.value(device).address == fixed && it.key()->isEstablished());
        }
        QString host;
        quint16 port = 0;
        QString error;
        // A door that refused is asked again every RefusedRedialMs, not every second.
        if (linked || now < m_nextDial.value(fixed) || !parseAddress(fixed, &host, &port, &error))
            continue;
        m_nextDial.insert(fixed, now + TickMs);
        dial(host, port, fixed);
    }
    updateLeftToPeers();
    // When each door was last heard goes to the store every few seconds, for `checkinctl status`.
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
        m_peersDirty = m_peersDirty || it.key()->isEstablished();
    if (m_peersDirty && now - m_lastRecordMs >= 2 * TickMs) {
        m_peersDirty = false;
        m_lastRecordMs = now;
        m_store->recordPeers(QList<PeerRecord>(m_peers.cbegin(), m_peers.cend()));
    }
    publish();
}

void PeerService::updateLeftToPeers()
{
    // A door that is connected and reaches the server delivers its own check-ins; so does one that
    // cannot reach it yet, unless this door has reached it for DeliverForMs while that one has not.
    const qint64 now = nowMs();
    QStringList left;
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        const Link *state = it.value();
        if (!it.key()->isEstablished() || state->device.isEmpty())
            continue;
        const bool stuck = !state->serverReachable && m_serverReachable &&
                           now - state->serverStateSinceMs >= DeliverForMs &&
                           m_serverSince.elapsed() >= DeliverForMs;
        if (!stuck)
            left << state->device;
    }
    left.sort();
    left.removeDuplicates();
    if (left != m_leftToPeers) {
        m_leftToPeers = left;
        m_store->leaveToPeers(left);
    }
}

void PeerService::publish()
{
    QList<PeerRecord> peers;
    for (PeerRecord p : std::as_const(m_peers)) {
        p.connected = false;
        for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
            p.connected = p.connected || (it.key()->isEstablished() && it.value()->device == p.deviceId);
        peers << p;
    }
    std::sort(peers.begin(), peers.end(), [](const PeerRecord &a, const PeerRecord &b) {
        if (a.connected != b.connected)
            return a.connected;
        return std::tie(a.name, a.deviceId) < std::tie(b.name, b.deviceId);
    });
    qint64 sent = m_bytesSentByClosed;
    for (PeerLink *link : m_links.keys())
        sent += link->bytesSent();
    m_status.peers = peers;
    m_status.bytesSent = sent;
    Q_EMIT statusChanged();
}

} // namespace checkin
