// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's PIN card: what the admin PIN guards, and setting or changing it (PinChange).
AdminCard {
    objectName: "pinCard"
    title: qsTr("Admin PIN")
    AdminMessage {
        Layout.fillWidth: true
        text: AdminPin.hasPin
              ? qsTr("In kiosk mode and in self-service a PIN guards this area and leaving kiosk mode. Outside them the window can be closed anyway, so this area opens without it.")
              : qsTr("No PIN is set: in kiosk mode anyone can open this area. Set one now.")
        color: AdminPin.hasPin ? Theme.mutedText : Theme.stop
    }
    BigButton {
        objectName: "setPinButton"
        text: AdminPin.hasPin ? qsTr("Change PIN") : qsTr("Set PIN")
        filled: !AdminPin.hasPin
        onClicked: PinChange.start()
    }
    AdminMessage {
        Layout.fillWidth: true
        visible: text.length > 0
        text: PinChange.done ? qsTr("The new PIN is saved.") : "" // in the language of the moment
        color: Theme.go
        font.bold: true
    }
}
