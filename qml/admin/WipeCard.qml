// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's wipe card: after the event, delete this kiosk's data (AdminController checks
// first that nothing undelivered would be lost; WipeConfirm.qml asks once more).
AdminCard {
    objectName: "wipeCard"
    title: qsTr("Wipe this kiosk")
    AdminMessage {
        Layout.fillWidth: true
        text: qsTr("After the event: delete the attendee list, the check-ins and the enrolment "
                   + "from this kiosk before it is handed back.")
    }
    BigButton {
        objectName: "wipeButton"
        text: AdminController.wipeState === AdminController.Checking ? qsTr("Checking…") : qsTr("Wipe…")
        filled: false
        tint: Theme.stop
        enabled: AdminController.wipeState !== AdminController.Checking && AdminController.wipeState !== AdminController.Wiping
        onClicked: AdminController.requestWipe()
    }
    AdminMessage {
        objectName: "wipeMessage"
        Layout.fillWidth: true
        visible: text.length > 0
        text: AdminController.wipeState === AdminController.Refused || AdminController.wipeState === AdminController.Failed
              ? AdminController.wipeMessage : ""
        color: Theme.stop
        font.bold: true
    }
}
