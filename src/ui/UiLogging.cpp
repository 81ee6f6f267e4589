// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "UiLogging.h"

namespace checkin::ui {

Q_LOGGING_CATEGORY(lcServices, "org.checkin.kiosk.services")
Q_LOGGING_CATEGORY(lcSound, "org.checkin.kiosk.sound")
Q_LOGGING_CATEGORY(lcTranslations, "org.checkin.kiosk.translations")
Q_LOGGING_CATEGORY(lcExport, "org.checkin.kiosk.export")
Q_LOGGING_CATEGORY(lcReview, "org.checkin.kiosk.review")
Q_LOGGING_CATEGORY(lcDemo, "org.checkin.kiosk.demo")
Q_LOGGING_CATEGORY(lcAdmin, "org.checkin.kiosk.admin")
Q_LOGGING_CATEGORY(lcPreferences, "org.checkin.kiosk.preferences")
Q_LOGGING_CATEGORY(lcCamera, "org.checkin.kiosk.camera")
Q_LOGGING_CATEGORY(lcPrint, "org.checkin.kiosk.badges")

} // namespace checkin::ui
