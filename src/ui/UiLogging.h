// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The logging categories of the touch UI (kiosk_ui), all declared here and defined in UiLogging.cpp.
// Names are reverse-DNS style under org.checkin.kiosk; switch one on with e.g.
// QT_LOGGING_RULES='org.checkin.kiosk.services.debug=true' (docs/kiosk-app.md, docs/server.md).

#include <QLoggingCategory>

namespace checkin::ui {

// Opening the services the screens use.
Q_DECLARE_LOGGING_CATEGORY(lcServices)
// Verdict sounds.
Q_DECLARE_LOGGING_CATEGORY(lcSound)
Q_DECLARE_LOGGING_CATEGORY(lcCamera)
Q_DECLARE_LOGGING_CATEGORY(lcPrint)
// Loading translations.
Q_DECLARE_LOGGING_CATEGORY(lcTranslations)
// Exports from the admin area.
Q_DECLARE_LOGGING_CATEGORY(lcExport)
// The review list.
Q_DECLARE_LOGGING_CATEGORY(lcReview)
// The demo's steps (shown at info level by default).
Q_DECLARE_LOGGING_CATEGORY(lcDemo)
// The admin PIN.
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
// Kiosk preferences.
Q_DECLARE_LOGGING_CATEGORY(lcPreferences)

} // namespace checkin::ui
