// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The name of a detail in a card (left column).
Text {
    Layout.alignment: Qt.AlignTop
    font.pixelSize: Theme.body
    color: Theme.mutedText
}
