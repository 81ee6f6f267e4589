// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// "Are you sure?" before a wipe, over the admin area: the consequences in words
// (AdminController.wipeMessage), a red button and a way back.
Rectangle {
    id: wipeConfirm
    objectName: "wipeConfirm"
    visible: AdminController.wipeState === AdminController.Confirm || AdminController.wipeState === AdminController.Wiping
    color: "#B3111418"

    MouseArea {
        anchors.fill: parent // taps stay here
    }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 720)
        height: confirmBody.implicitHeight + 2 * Theme.margin
        radius: Theme.radius
        color: Theme.surface
        ColumnLayout {
            id: confirmBody
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: 20
            Text {
                Layout.fillWidth: true
                text: qsTr("Wipe this kiosk?")
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            AdminMessage {
                Layout.fillWidth: true
                text: AdminController.wipeMessage
                color: Theme.text
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 16
                BigButton {
                    objectName: "confirmWipeButton"
                    text: AdminController.wipeState === AdminController.Wiping ? qsTr("Wiping…") : qsTr("Wipe everything")
                    tint: Theme.stop
                    enabled: AdminController.wipeState === AdminController.Confirm
                    onClicked: AdminController.wipe()
                }
                BigButton {
                    text: qsTr("Cancel")
                    filled: false
                    enabled: AdminController.wipeState === AdminController.Confirm
                    onClicked: AdminController.cancelWipe()
                }
            }
        }
    }
}
