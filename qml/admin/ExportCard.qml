// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's export card: the whole check-in log of this kiosk to a CSV file.
AdminCard {
    objectName: "exportCard"
    title: qsTr("Check-in log")
    AdminMessage {
        Layout.fillWidth: true
        text: qsTr("Save every check-in of this kiosk as a CSV file in its data folder.")
    }
    BigButton {
        text: AdminController.exporting ? qsTr("Exporting\u2026") : qsTr("Export check-in log")
        filled: false
        enabled: !AdminController.exporting
        onClicked: AdminController.exportCheckIns()
    }
    AdminMessage {
        Layout.fillWidth: true
        visible: text.length > 0
        text: AdminController.exporting ? "" : AdminController.exportMessage
        color: AdminController.exportFailed ? Theme.stop : Theme.go
        font.bold: true
    }
}
