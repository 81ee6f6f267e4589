// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// What the last enrolment, preload or import said: the error sentence and the file's row-numbered
// problems in red, or the result in green.
ColumnLayout {
    id: messages
    objectName: "setupMessages"
    // The file's problems by row (the setup screen; the admin area's enrolment has none).
    property bool showRows: true

    spacing: 8
    visible: SetupController.error.length > 0 || SetupController.result.length > 0

    Text {
        objectName: "setupError"
        Layout.fillWidth: true
        visible: text.length > 0
        text: SetupController.error
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.stop
        wrapMode: Text.Wrap
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Rectangle {
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(rowList.implicitHeight + 16, 180)
        visible: messages.showRows && SetupController.rowErrors.length > 0
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.stop
        Flickable {
            objectName: "rowErrors"
            anchors.fill: parent
            anchors.margins: 8
            contentHeight: rowList.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            Column {
                id: rowList
                width: parent.width
                spacing: 4
                Repeater {
                    model: SetupController.rowErrors
                    delegate: Text {
                        required property string modelData
                        width: parent ? parent.width : 0
                        text: modelData
                        font.pixelSize: Theme.small
                        color: Theme.text
                        wrapMode: Text.Wrap
                    }
                }
            }
        }
    }
    Text {
        objectName: "setupResult"
        Layout.fillWidth: true
        visible: text.length > 0
        text: SetupController.result
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.go
        wrapMode: Text.Wrap
    }
}
