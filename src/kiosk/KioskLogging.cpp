// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskLogging.h"

Q_LOGGING_CATEGORY(lcStore, "org.checkin.kiosk.store")
Q_LOGGING_CATEGORY(lcMigrations, "org.checkin.kiosk.store.migrations")
Q_LOGGING_CATEGORY(lcClient, "org.checkin.kiosk.client")
Q_LOGGING_CATEGORY(lcSync, "org.checkin.kiosk.sync")
