// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SystemdNotify.h"

#include <QTimer>

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace checkin::SystemdNotify {

bool notify(const QByteArray &state)
{
    const QByteArray path = qgetenv("NOTIFY_SOCKET");
    sockaddr_un address{};
    if (path.isEmpty() || size_t(path.size()) >= sizeof(address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    // An abstract socket is written "@name"; its address starts with a NUL byte.
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0';
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    const ssize_t sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&address), length);
    ::close(fd);
    return sent == state.size();
}

int watchdogPingMs()
{
    bool ok = false;
    const qint64 usec = qEnvironmentVariable("WATCHDOG_USEC").toLongLong(&ok);
    if (!ok || usec <= 0)
        return 0;
    const QString pid = qEnvironmentVariable("WATCHDOG_PID");
    if (!pid.isEmpty() && pid.toLongLong() != qint64(::getpid()))
        return 0;
    return int(qMax<qint64>(usec / 2000, 1));
}

void startWatchdog(QObject *context)
{
    const int every = watchdogPingMs();
    if (every == 0 || qEnvironmentVariableIsEmpty("NOTIFY_SOCKET"))
        return;
    auto *timer = new QTimer(context);
    QObject::connect(timer, &QTimer::timeout, timer, [] { notify("WATCHDOG=1"); });
    timer->start(every);
    notify("WATCHDOG=1");
}

} // namespace checkin::SystemdNotify
