// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick

// The shade behind an open dialog: over the whole window but the on-screen keyboard (bottom left,
// this wide and high), which stays bright to type on. Set as a dialog's Overlay.modal.
Item {
    property real keyboardWidth: 0
    property real keyboardHeight: 0
    readonly property color shade: "#80000000"

    Rectangle {
        width: parent.width
        height: parent.height - parent.keyboardHeight
        color: parent.shade
    }
    Rectangle {
        x: parent.keyboardWidth
        y: parent.height - parent.keyboardHeight
        width: parent.width - parent.keyboardWidth
        height: parent.keyboardHeight
        color: parent.shade
    }
}
