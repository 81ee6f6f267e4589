// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The logging categories of the kiosk core (kiosk_core), all declared here and defined in KioskLogging.cpp.
// Names are reverse-DNS style under org.checkin.kiosk; switch one on with e.g.
// QT_LOGGING_RULES='org.checkin.kiosk.store.debug=true' (docs/kiosk-app.md, docs/server.md).

#include <QLoggingCategory>

// The local SQLite store.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
// Its schema migrations.
Q_DECLARE_LOGGING_CATEGORY(lcMigrations)
// Requests to the server.
Q_DECLARE_LOGGING_CATEGORY(lcClient)
// The sync engine: cycles, backoff, conflicts.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
