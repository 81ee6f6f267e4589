import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Always on top: online / offline (and why) / syncing, what is waiting to be delivered, the last
// sync that went through, and how many people are checked in.
Rectangle {
    id: bar
    objectName: "statusBar"
    implicitHeight: 64
    color: Theme.bar

    readonly property bool online: StatusModel.connection === "online"
    readonly property bool syncing: StatusModel.connection === "syncing"
    readonly property string connectionText: online ? qsTr("Online")
                                             : syncing ? qsTr("Syncing\u2026")
                                             : StatusModel.reason.length > 0
                                               ? qsTr("Offline: %1").arg(StatusModel.reason)
                                               : qsTr("Offline")

    Accessible.role: Accessible.StatusBar
    Accessible.name: connectionText + ", " + waiting.text + ", " + lastSync.text + ", " + counts.text

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: 28

        Row {
            spacing: 10
            Layout.alignment: Qt.AlignVCenter
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: 18
                height: 18
                radius: 9
                color: bar.online || bar.syncing ? Theme.online : Theme.offline
            }
            Text {
                text: bar.connectionText
                font.pixelSize: Theme.body
                font.bold: true
                color: bar.online || bar.syncing ? Theme.barText : Theme.offline
            }
        }
        Text {
            id: waiting
            text: StatusModel.undelivered > 0 ? qsTr("%L1 waiting to sync").arg(StatusModel.undelivered)
                                              : qsTr("All delivered")
            font.pixelSize: Theme.body
            color: Theme.barText
        }
        Text {
            id: lastSync
            Layout.fillWidth: true // gives way first when the bar is crowded
            text: qsTr("Last sync: %1").arg(StatusModel.lastSync)
            font.pixelSize: Theme.body
            color: "#C9CED6"
            elide: Text.ElideRight
        }
        Text {
            id: counts
            text: qsTr("Checked in %L1 / %L2").arg(StatusModel.checkedIn).arg(StatusModel.total)
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.barText
        }
        Text {
            text: StatusModel.deviceName
            visible: text.length > 0
            Layout.maximumWidth: 180
            elide: Text.ElideRight
            font.pixelSize: Theme.small
            color: "#C9CED6"
        }
    }
}
