// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// While --demo prepares the server and the kiosk: what it is doing, how far, or what went wrong.
Rectangle {
    color: Theme.background

    MouseArea {
        anchors.fill: parent // nothing underneath is usable yet
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 760)
        spacing: Theme.margin

        Text {
            Layout.fillWidth: true
            text: DemoSetup.error.length > 0 ? qsTr("The demo could not start") : qsTr("Preparing the demo")
            font.pixelSize: Theme.title
            font.bold: true
            color: DemoSetup.error.length > 0 ? Theme.stop : Theme.text
            horizontalAlignment: Text.AlignHCenter
        }
        Text {
            Layout.fillWidth: true
            text: DemoSetup.error.length > 0 ? DemoSetup.error : DemoSetup.phase
            font.pixelSize: Theme.body
            color: Theme.text
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: DemoSetup.error.length === 0
            from: 0
            to: 1
            value: Math.max(0, DemoSetup.progress)
            indeterminate: DemoSetup.progress < 0
            Accessible.name: qsTr("Demo preparation progress")
        }
    }
}
