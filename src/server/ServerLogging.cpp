// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ServerLogging.h"

Q_LOGGING_CATEGORY(lcHttp, "org.checkin.server.http")
Q_LOGGING_CATEGORY(lcIngest, "org.checkin.server.ingest")
Q_LOGGING_CATEGORY(lcServerStore, "org.checkin.server.store")
Q_LOGGING_CATEGORY(lcSchema, "org.checkin.server.schema")
