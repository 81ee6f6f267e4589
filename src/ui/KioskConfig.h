// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "KioskServices.h"

#include <QStringList>

namespace checkin::ui {

// The kiosk's config file, for an IT person preparing many tablets alike (docs/install.md):
// /etc/checkin-kiosk/kiosk.conf, or the file --config names. `name = value` lines:
//   servers   = https://a.example.org, https://b.example.org   (filled into the setup form)
//   name      = Door 1                                          (the kiosk's name at enrolment)
//   language  = de | en | system
//   mode      = volunteer | self-service
//   text-size = normal | large | larger
//   scanner-key-gap  = 60     (ms: keys further apart are a person typing)
//   scanner-quiet    = 150    (ms without a key that end a scan sent with no Enter or Tab; 0: off)
//   scanner-tab-ends = true   (Tab after a burst ends a scan, as Enter does)
// Language, mode and text size are defaults: a choice made in the admin area on the device wins.
namespace KioskConfig {

inline const QString DefaultPath = QStringLiteral("/etc/checkin-kiosk/kiosk.conf");

// Applies the file at `path` to `options`. A kiosk always starts: a setting that is unknown or has
// a value it cannot use is left out with a warning naming the line; false (with the reason in
// `warnings`) only when the file cannot be read at all.
bool apply(const QString &path, KioskServices::Options *options, QStringList *warnings);

} // namespace KioskConfig
} // namespace checkin::ui
