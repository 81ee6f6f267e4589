// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Below the status bar, once, on a door of an event with several check-in lists that has not
// chosen one: which does this door admit to? One tap on a list's name chooses it (the admin area
// can change it later). Meanwhile the door admits by the default list, so nobody waits for it.
Rectangle {
    id: strip
    objectName: "listChoice"
    property bool compact: false
    visible: CheckInLists.needsChoice && !compact
    color: Theme.selected
    implicitHeight: visible ? column.implicitHeight + 16 : 0

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        spacing: 8
        Text {
            Layout.fillWidth: true
            text: qsTr("This event has %n check-in list(s). Which one does this door admit to?", "",
                       CheckInLists.lists.length)
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: 10
            Repeater {
                model: CheckInLists.lists
                delegate: BigButton {
                    required property var modelData
                    objectName: "chooseList-" + modelData.id
                    narrowest: 120
                    text: modelData.name
                    filled: false
                    enabled: !CheckInLists.busy
                    Accessible.description: modelData.summary
                    onClicked: CheckInLists.choose(modelData.id)
                }
            }
        }
    }
}
