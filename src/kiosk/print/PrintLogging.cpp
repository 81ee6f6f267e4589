// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PrintLogging.h"

Q_LOGGING_CATEGORY(lcPrinter, "org.checkin.kiosk.printer")
