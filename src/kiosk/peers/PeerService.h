// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PeerKey.h"
#include "PeerWire.h"
#include "StoreTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>

class QTcpServer;
class QTimer;
class QUdpSocket;

namespace checkin {

class LocalStore;
class PeerLink;

// Doors that talk to each other (docs/peers.md): this door finds the other doors of its event on
// the local network (signed UDP announcements to a multicast group, and a fixed list of addresses
// for networks that block them), keeps an encrypted connection to each (PeerLink), and exchanges
// check-ins and walk-ins with them, whether or not the server is reachable. Each door's check-ins
// are numbered at that door; a door says what it holds of each door (HoldVector) and is sent the
// rest, in order, by the door itself or, when it cannot reach that door, by any door that has them.
// The store keeps what arrives as undelivered; this door delivers another door's check-ins to the
// server only when that door cannot (LocalStore::leaveToPeers). Lives on the UI thread; never waits.
class PeerService : public QObject
{
    Q_OBJECT
public:
    static constexpr quint16 DefaultPort = 45872;
    static constexpr quint16 DefaultDiscoveryPort = 45871;
    static constexpr int TickMs = 1000;            // state to every door, announcements
    static constexpr int GoneMs = 15'000;          // a door not heard from for this long is gone
    static constexpr int ForwardAfterMs = 2000;    // a door behind the one it talks to directly
    static constexpr int DeliverForMs = 90'000;    // a door that cannot reach the server while this one can
    static constexpr int RefusedRedialMs = 10'000; // a fixed address whose door refused, asked again

    struct Options
    {
        QHostAddress listenAddress = QHostAddress::AnyIPv4;
        quint16 port = DefaultPort; // 0: any free one
        QStringList fixedPeers;     // "host:port", dialled whatever discovery finds
        bool discovery = true;
        quint16 discoveryPort = DefaultDiscoveryPort;
        QHostAddress discoveryGroup = QHostAddress(QStringLiteral("239.255.77.71"));
        QString version;                   // the app's, told to the other doors
        int protocol = PeerWire::Protocol; // what this door says it speaks
        int pollMs = 250;                  // how often it looks for check-ins another process recorded
    };

    // A door as the admin area and `checkinctl status` show it.
    struct Status
    {
        bool running = false;
        QString problem;         // why it does not run (no key yet, the port is taken), in words
        quint16 port = 0;        // where it listens
        QList<PeerRecord> peers; // heard doors, connected ones first
        int own = 0;             // this door's check-ins
        int replicated = 0;      // of them, held by at least one other door
        int heldForOthers = 0;
        qint64 bytesSent = 0;
        qint64 received = 0; // check-ins new here that came from other doors
    };

    PeerService(LocalStore *store, const Options &options, QObject *parent = nullptr);
    ~PeerService() override;

    // Reads who this door is and its key, listens, announces, dials. Without a key (not enrolled
    // yet) it waits for one and says so in status().
    void start();
    void stop();
    Status status() const { return m_status; }
    // Whether this door reaches the server now (the sync engine's view), told to the other doors.
    void setServerReachable(bool reachable);

    // "host:port" (a name, IPv4, or [IPv6]); false with a sentence when it is not one.
    static bool parseAddress(const QString &text, QString *host, quint16 *port, QString *error);

Q_SIGNALS:
    void statusChanged();
    // Check-ins from other doors are stored here now (their ids).
    void received(const QStringList &checkInIds);

private:
    struct Link;

    void tick();
    void poll();
    void refreshState(bool announceChange);
    bool ensureListening();
    void setUpDiscovery();
    void announce();
    void readAnnouncements();
    void dial(const QString &host, quint16 port, const QString &fixedAddress);
    void adopt(PeerLink *link, const QString &fixedAddress);
    void onEstablished(PeerLink *link);
    void onMessage(PeerLink *link, const QJsonObject &message);
    void onClosed(PeerLink *link, const QString &problem, int theirGeneration);
    void storeNext(PeerLink *link);
    void pump(PeerLink *link);
    void pumpAll();
    bool shouldForward(Link &link, const QString &origin, qint64 nowMs);
    void sendState(PeerLink *link);
    PeerWire::Hello hello() const;
    PeerWire::State state() const;
    void noteProblem(const QString &key, const QString &address, const QString &problem);
    void updateLeftToPeers();
    void publish();
    qint64 nowMs() const;

    LocalStore *m_store;
    Options m_options;
    QTimer *m_tick;
    QTimer *m_poll;
    QTcpServer *m_server = nullptr;
    QUdpSocket *m_udp = nullptr;
    bool m_started = false;
    bool m_polling = false;
    bool m_stateReading = false;

    QString m_eventId;
    QString m_self;
    QString m_name;
    PeerKey m_key;
    HoldVector m_holds;
    bool m_serverReachable = false;
    QElapsedTimer m_serverSince;
    QHash<PeerLink *, Link *> m_links;
    QHash<QString, PeerRecord> m_peers;  // by device id (or address, for a door that never said who)
    QHash<QString, QString> m_names;     // device id -> name
    QHash<QString, qint64> m_firstHeard; // device id -> when its announcements began (no link yet)
    QStringList m_leftToPeers;
    QHash<QString, qint64> m_nextDial; // fixed address -> not before
    qint64 m_lastRecordMs = 0;
    bool m_peersDirty = false;
    Status m_status;
    qint64 m_bytesSentByClosed = 0;
    QElapsedTimer m_clock;
};

} // namespace checkin
