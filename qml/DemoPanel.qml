import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Demo only: stop and start the local checkin-server to watch the kiosk go offline, keep checking
// people in, and deliver the queue when the server is back.
Rectangle {
    implicitWidth: row.implicitWidth + 32
    implicitHeight: Theme.touch + 16
    radius: Theme.radius
    color: "#FFF4D6"
    border.color: "#E0B54A"

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 16
        Text {
            text: DemoSetup.serverBusy ? qsTr("Demo server: \u2026")
                 : DemoSetup.serverRunning ? qsTr("Demo server: running")
                 : qsTr("Demo server: stopped")
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.text
        }
        BigButton {
            text: DemoSetup.serverRunning ? qsTr("Stop server") : qsTr("Start server")
            tint: DemoSetup.serverRunning ? Theme.stop : Theme.go
            enabled: !DemoSetup.serverBusy
            onClicked: DemoSetup.serverRunning ? DemoSetup.stopServer() : DemoSetup.startServer()
        }
    }
}
