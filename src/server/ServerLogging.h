// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The logging categories of the sync server (server_core), all declared here and defined in
// ServerLogging.cpp. Names are reverse-DNS style under org.checkin.server; switch one on with e.g.
// QT_LOGGING_RULES='org.checkin.server.http.debug=true' (docs/kiosk-app.md, docs/server.md).

#include <QLoggingCategory>

// HTTP: connections, requests and their answers (info: one line per request).
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
// Ingest of uploaded check-ins and attendee lists.
Q_DECLARE_LOGGING_CATEGORY(lcIngest)
// The database: connections, transactions, retries.
Q_DECLARE_LOGGING_CATEGORY(lcServerStore)
// Schema migrations.
Q_DECLARE_LOGGING_CATEGORY(lcSchema)
