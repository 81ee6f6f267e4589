// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Cli.h"
#include "LocalStore.h"
#include "WallClock.h"

namespace checkin::cli {

// A store opened on the data directory, or an error already printed.
class OpenedStore
{
public:
    explicit OpenedStore(const Context &ctx)
        : m_store(ctx.dataDir, &m_clock)
    {
        // One command and out: the search index is built only by a search, not ahead of one.
        await(m_store.setIndexAhead(false));
        m_error = await(m_store.open()).error;
    }
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    LocalStore &operator*() { return m_store; }
    LocalStore *operator->() { return &m_store; }

private:
    SystemClock m_clock;
    LocalStore m_store;
    QString m_error;
};

} // namespace checkin::cli
