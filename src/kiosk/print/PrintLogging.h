// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>

// The logging categories of checkin_print.
Q_DECLARE_LOGGING_CATEGORY(lcPrinter)
