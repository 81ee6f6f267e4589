// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace checkin {

// The secret the doors of one event share to talk to each other while the server is away
// (docs/protocol.md, "Doors that talk to each other"). The server makes it for the event, hands
// it to a device at enrolment and with the change feed, and replaces it (the next generation)
// when a device of the event is revoked. Every key the doors use is derived from it, each for one
// purpose, so that the secret itself never travels between doors.
struct PeerKey
{
    static constexpr int SecretBytes = 32;

    int generation = 0; // 1, 2, ...; 0: no key
    QByteArray secret;  // SecretBytes random bytes

    bool isValid() const { return generation > 0 && secret.size() == SecretBytes; }
    // A new secret from the system's random source.
    static PeerKey generate(int generation);

    // The pre-shared key of the TLS connection between two doors of `eventId`.
    QByteArray connectionKey(const QString &eventId) const;
    // The key that signs a door's announcements on the local network.
    QByteArray announcementKey(const QString &eventId) const;
    // Eight bytes that tell an event's announcements from another event's, without the secret
    // (a door with an older or newer key still recognises its event and says so).
    static QByteArray eventTag(const QString &eventId);

    friend bool operator==(const PeerKey &, const PeerKey &) = default;
};

} // namespace checkin
