// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SignInGuard.h"

#include <algorithm>
#include <cmath>

namespace checkin {

double SignInGuard::tokensAt(qint64 nowMs) const
{
    if (m_tokensAtMs == 0)
        return m_tokens;
    return std::min(double(m_burst),
                    m_tokens + double(std::max<qint64>(0, nowMs - m_tokensAtMs)) * m_rate / 1000.0);
}

int SignInGuard::waitSeconds(const QString &address, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    int wait = 0;
    const double tokens = tokensAt(nowMs);
    if (tokens < 1.0)
        wait = int(std::ceil((1.0 - tokens) / m_rate));
    const auto it = m_entries.constFind(address);
    if (it != m_entries.constEnd() && it->lockedUntilMs > nowMs)
        wait = std::max(wait, int((it->lockedUntilMs - nowMs + 999) / 1000));
    return wait;
}

void SignInGuard::failed(const QString &address, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    // Forget addresses quiet for the longest lock-out, so that a scan of many addresses cannot
    // grow the table without end.
    if (m_entries.size() > 10'000)
        m_entries.removeIf([nowMs](const auto &e) { return nowMs - e.value().lastMs > MaxLockMs; });
    m_tokens = std::max(0.0, tokensAt(nowMs) - 1.0);
    m_tokensAtMs = nowMs;
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
