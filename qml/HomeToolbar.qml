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
    signal walkInRequested()
    signal keyboardToggled()
    signal adminRequested()

    spacing: 8

    BigButton {
        objectName: "undoButton"
        visible: !bar.selfService
        narrowest: Theme.touch * 2
        text: qsTr("Undo")
        filled: false
        enabled: DoorController.canUndo && !DoorController.busy
        Accessible.name: qsTr("Undo the last check-in")
        onClicked: DoorController.undoLast()
    }
    BigButton {
        objectName: "walkInButton"
        visible: !bar.selfService
        narrowest: Theme.touch * 2
        text: qsTr("Walk-in\u2026")
        filled: false
        Accessible.name: qsTr("Register a walk-in: somebody who is not on the list")
        onClicked: bar.walkInRequested()
    }
    BigButton {
        objectName: "keyboardButton"
        visible: bar.keyboardAvailable
        narrowest: Theme.touch
        text: bar.keyboardUp ? "\u2328\u2009\u25BE" : "\u2328\u2009\u25B4"
        filled: false
        tint: Theme.mutedText
        Accessible.name: bar.keyboardUp ? qsTr("Hide the on-screen keyboard") : qsTr("Show the on-screen keyboard")
        onClicked: bar.keyboardToggled()
    }
    // Demo only: stop and start the local server to watch the kiosk go offline and catch up.
    BigButton {
        objectName: "demoServerButton"
        visible: bar.showDemo
        narrowest: Theme.touch * 2
        text: DemoSetup.serverBusy ? qsTr("Demo server\u2026")
             : DemoSetup.serverRunning ? qsTr("Stop demo server") : qsTr("Start demo server")
        filled: false
        tint: DemoSetup.serverRunning ? Theme.stop : Theme.go
        enabled: !DemoSetup.serverBusy
        Accessible.name: DemoSetup.serverRunning ? qsTr("The demo server is running: stop it")
                                                 : qsTr("The demo server is stopped: start it")
        onClicked: DemoSetup.serverRunning ? DemoSetup.stopServer() : DemoSetup.startServer()
    }
    // For the event lead: out of the volunteers' way, but a full-size target.
    BigButton {
        objectName: "adminButton"
        narrowest: Theme.touch * 2
        text: qsTr("Admin")
        filled: false
        tint: Theme.mutedText
        Accessible.name: qsTr("Admin area")
        onClicked: bar.adminRequested()
    }
}
