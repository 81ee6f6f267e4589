// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The last refusal of a known person, after its verdict: the volunteer may admit them anyway (with
// a note), or dismiss it. The sentence wraps; the buttons keep their size.
Rectangle {
    id: bar
    objectName: "refusalBar"
    signal admitAnywayRequested()

    implicitHeight: row.implicitHeight + 16
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.caution
    border.width: 3

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 8
        anchors.leftMargin: 16
        spacing: 12
        Text {
            Layout.fillWidth: true
            Layout.minimumWidth: 0
            text: qsTr("%1: %2").arg(DoorController.title).arg(DoorController.name)
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        BigButton {
            objectName: "refusalAdmitAnyway"
            implicitWidth: Math.min(contentItem.implicitWidth + 32, bar.width * 0.55)
            text: qsTr("Admit anyway\u2026")
            filled: false
            tint: Theme.text
            Accessible.name: qsTr("Admit %1 anyway, with a note").arg(DoorController.name)
            onClicked: bar.admitAnywayRequested()
        }
        BigButton {
            objectName: "refusalDismiss"
            implicitWidth: Theme.touch
            text: "\u2715"
            filled: false
            tint: Theme.mutedText
            Accessible.name: qsTr("Dismiss")
            onClicked: DoorController.dismissRefusal()
        }
    }
}
