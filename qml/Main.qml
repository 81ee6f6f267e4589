import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The kiosk's window: the status bar on top, always; the home screen below it; a verdict covers
// the home screen until it times out or is tapped.
ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: StatusModel.eventName.length > 0 ? qsTr("Check-in: %1").arg(StatusModel.eventName)
                                            : qsTr("Check-in")
    color: Theme.background

    // Back to the search, ready for the next person.
    function goHome() {
        verdict.close()
        home.reset()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StatusBar {
            Layout.fillWidth: true
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            HomeScreen {
                id: home
                anchors.fill: parent
                enabled: !verdict.shown
            }

            VerdictScreen {
                id: verdict
                anchors.fill: parent
                onDismissed: window.goHome()
            }

            DemoProgress {
                anchors.fill: parent
                visible: DemoSetup.active && !DemoSetup.ready
            }
        }
    }

    Connections {
        target: DoorController
        function onVerdictChanged() { verdict.open() }
    }

    Connections {
        target: ScannerInput
        // A scanner typed into whatever had the focus: that text is the code, not a name.
        function onScanned(code: string) {
            home.reset()
            DoorController.scan(code)
        }
    }
}
