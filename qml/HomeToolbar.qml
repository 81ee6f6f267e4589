// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk

// What a volunteer needs besides the search, in a row that wraps when it is narrow: undo the last
// check-in, register a walk-in, hide or show the on-screen keyboard, the demo's server switch, and
// the admin area. Self-service shows only the keyboard and the admin area.
Flow {
    id: bar
    objectName: "homeToolbar"
    property bool selfService: false
    property bool keyboardAvailable: false // the on-screen keyboard is in use here
    property bool keyboardUp: false
    property bool showDemo: false
    property bool compact: false // little height to spare: smaller labels, so fewer rows
    signal walkInRequested()
    signal keyboardToggled()
    signal adminRequested()

    spacing: 8

    ToolButton {
        objectName: "undoButton"
        visible: !bar.selfService
        text: qsTr("Undo")
        enabled: DoorController.canUndo && !DoorController.busy
        Accessible.name: qsTr("Undo the last check-in")
        onClicked: DoorController.undoLast()
    }
    ToolButton {
        objectName: "walkInButton"
        visible: !bar.selfService
        text: qsTr("Walk-in\u2026")
        Accessible.name: qsTr("Register a walk-in: somebody who is not on the list")
        onClicked: bar.walkInRequested()
    }
    ToolButton {
        objectName: "keyboardButton"
        visible: bar.keyboardAvailable
        narrowest: Theme.touch
        text: bar.keyboardUp ? "\u2328\u2009\u25BE" : "\u2328\u2009\u25B4"
        tint: Theme.mutedText
        Accessible.name: bar.keyboardUp ? qsTr("Hide the on-screen keyboard") : qsTr("Show the on-screen keyboard")
        onClicked: bar.keyboardToggled()
    }
    // Demo only: stop and start the local server to watch the kiosk go offline and catch up.
    ToolButton {
        objectName: "demoServerButton"
        visible: bar.showDemo
        text: DemoSetup.serverBusy ? qsTr("Demo server\u2026")
             : DemoSetup.serverRunning ? qsTr("Stop demo server") : qsTr("Start demo server")
        tint: DemoSetup.serverRunning ? Theme.stop : Theme.go
        enabled: !DemoSetup.serverBusy
        Accessible.name: DemoSetup.serverRunning ? qsTr("The demo server is running: stop it")
                                                 : qsTr("The demo server is stopped: start it")
        onClicked: DemoSetup.serverRunning ? DemoSetup.stopServer() : DemoSetup.startServer()
    }
    // Demo only: the event lead's console on the demo server, in the browser; the sign-in secret
    // goes to the clipboard.
    ToolButton {
        id: consoleButton
        objectName: "demoConsoleButton"
        property string note: ""
        visible: bar.showDemo && DemoSetup.consoleUrl.length > 0
        text: note.length > 0 ? note : qsTr("Lead's console")
        tint: Theme.mutedText
        Accessible.name: qsTr("Open the event lead's console in the browser")
        onClicked: {
            note = DemoSetup.openConsole() ? qsTr("Token copied: paste it")
                                           : qsTr("Open %1").arg(DemoSetup.consoleUrl)
            noteTimer.restart()
        }
        Timer {
            id: noteTimer
            interval: 8000
            onTriggered: consoleButton.note = ""
        }
    }
    // For the event lead: out of the volunteers' way, but a full-size target.
    ToolButton {
        objectName: "adminButton"
        text: qsTr("Admin")
        tint: Theme.mutedText
        Accessible.name: qsTr("Admin area")
        onClicked: bar.adminRequested()
    }

    // Outlined, a label of its own size; at least twice a finger's width unless said otherwise.
    component ToolButton: BigButton {
        narrowest: Theme.touch * 2
        filled: false
        font.pixelSize: bar.compact ? Theme.small : Theme.body
    }
}
