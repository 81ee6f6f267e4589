// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

namespace checkin {

// Source of wall-clock time, injected so that clocks, timeouts and backoff are testable without sleeping.
class WallClock
{
public:
    virtual ~WallClock() = default;
    virtual qint64 nowMs() const = 0; // milliseconds since the Unix epoch, UTC
};

// The real system clock.
class SystemClock final : public WallClock
{
public:
    qint64 nowMs() const override;
};

// A clock that moves only when told to (tests, simulations).
class ManualClock final : public WallClock
{
public:
    explicit ManualClock(qint64 startMs = 1'780'000'000'000)
        : m_now(startMs)
    {}
    qint64 nowMs() const override { return m_now; }
    void set(qint64 ms) { m_now = ms; }
    void advance(qint64 ms) { m_now += ms; }

private:
    qint64 m_now;
};

} // namespace checkin
