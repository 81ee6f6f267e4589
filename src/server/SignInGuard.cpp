// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SignInGuard.h"

#include <algorithm>

namespace checkin {

int SignInGuard::waitSeconds(const QString &address, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(address);
    if (it == m_entries.constEnd() || it->lockedUntilMs <= nowMs)
        return 0;
    return int((it->lockedUntilMs - nowMs + 999) / 1000);
}

void SignInGuard::failed(const QString &address, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    // Forget addresses quiet for the longest lock-out, so that a scan of many addresses cannot
    // grow the table without end.
    if (m_entries.size() > 10'000)
        m_entries.removeIf([nowMs](const auto &e) { return nowMs - e.value().lastMs > MaxLockMs; });
    Entry &e = m_entries[address];
    ++e.failures;
    e.lastMs = nowMs;
    if (e.failures > FreeFailures) {
        const int doublings = std::min(e.failures - FreeFailures - 1, 20);
        e.lockedUntilMs = nowMs + std::min(MaxLockMs, qint64(1000) << doublings);
    }
}

void SignInGuard::succeeded(const QString &address)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(address);
}

} // namespace checkin
