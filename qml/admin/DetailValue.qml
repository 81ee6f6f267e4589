// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The value of a detail in a card (right column); wraps.
Text {
    Layout.fillWidth: true
    font.pixelSize: Theme.body
    color: Theme.text
    wrapMode: Text.Wrap
}
