// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>

class QObject;

namespace checkin {

// systemd's service notifications (sd_notify(3)), spoken directly on $NOTIFY_SOCKET: READY=1 when
// a Type=notify service is up, STOPPING=1 when it winds down, WATCHDOG=1 to prove it is alive.
// Without $NOTIFY_SOCKET (not started by systemd) every call does nothing.
namespace SystemdNotify {

// Sends `state` (e.g. "READY=1\nSTATUS=serving"); false when there is no socket or it failed.
bool notify(const QByteArray &state);

// Half the watchdog interval systemd asks for ($WATCHDOG_USEC, when $WATCHDOG_PID is unset or
// this process), in milliseconds; 0 when there is no watchdog.
int watchdogPingMs();

// When systemd watches this process: sends WATCHDOG=1 every watchdogPingMs() from a timer on
// `context`'s thread, so a hung event loop there stops the pings and systemd restarts the service.
void startWatchdog(QObject *context);

} // namespace SystemdNotify
} // namespace checkin
