// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "WallClock.h"

#include <QString>
#include <compare>
#include <optional>

namespace checkin {

// A hybrid logical clock timestamp: 48 bits of wall-clock milliseconds, 16 bits of counter.
struct Hlc
{
    qint64 ms = 0;
    quint16 counter = 0;

    static constexpr qint64 MaxMs = (qint64(1) << 48) - 1;

    quint64 packed() const { return (quint64(ms) << 16) | counter; }
    static Hlc fromPacked(quint64 value) { return {qint64(value >> 16), quint16(value & 0xffff)}; }
    bool isNull() const { return ms == 0 && counter == 0; }

    // "<ms>.<counter>", the protocol's text form.
    QString toString() const;
    static std::optional<Hlc> parse(QStringView text);

    friend auto operator<=>(const Hlc &, const Hlc &) = default;
};

// Issues monotonic HLC timestamps from an injected wall clock and merges timestamps from elsewhere.
// A remote timestamp more than MaxFutureMs ahead of the local wall clock is clamped and flagged,
// so a device with a wrong clock cannot poison the order of everybody's check-ins.
class HybridClock
{
public:
    static constexpr qint64 MaxFutureMs = 5 * 60 * 1000;

    explicit HybridClock(const WallClock *wall, Hlc last = {});

    // A timestamp for a local event, greater than every timestamp issued or observed before.
    Hlc now();

    struct Observation
    {
        Hlc hlc;      // the remote timestamp, clamped when it was too far in the future
        bool clamped; // true when the remote clock was more than MaxFutureMs ahead
    };
    // Merges a timestamp received from another device; later local timestamps order after it.
    Observation observe(Hlc remote);

    // The clamp alone, without touching any clock: the server uses it on uploads.
    static Observation clamp(Hlc remote, qint64 wallMs);

    Hlc last() const { return m_last; }

private:
    const WallClock *m_wall;
    Hlc m_last;
};

} // namespace checkin
