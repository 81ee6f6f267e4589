// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's card of the check-in list this door admits to: each of the event's lists with
// its rules in a line; a tap makes it this kiosk's (who is inside is counted per list).
AdminCard {
    id: card
    objectName: "listCard"
    title: qsTr("Check-in list")
    AdminMessage {
        Layout.fillWidth: true
        text: CheckInLists.lists.length > 1
              ? qsTr("This door admits by the list chosen here: its ticket types, its times and how often each person may come in. Who is inside is counted for each list apart.")
              : qsTr("The event has one check-in list. The event lead can add more (a day, a room, the dinner) on the server; they show here after the next sync.")
    }
    Repeater {
        model: CheckInLists.lists
        delegate: Rectangle {
            id: option
            required property var modelData
            readonly property bool current: modelData.id === CheckInLists.current
            objectName: "list-" + modelData.id
            Layout.fillWidth: true
            implicitHeight: Math.max(Theme.touch, texts.implicitHeight + 24)
            radius: Theme.radius
            color: current ? Theme.selected : tap.pressed ? Theme.background : Theme.surface
            border.width: current ? 3 : 2
            border.color: current ? Theme.accent : Theme.line
            Accessible.role: Accessible.RadioButton
            Accessible.name: modelData.name
            Accessible.description: modelData.summary
            Accessible.checkable: true
            Accessible.checked: current
            ColumnLayout {
                id: texts
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: 16
                anchors.rightMargin: 16
                spacing: 2
                Text {
                    Layout.fillWidth: true
                    text: option.current ? qsTr("%1 (this door)").arg(option.modelData.name) : option.modelData.name
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    Layout.fillWidth: true
                    text: option.modelData.summary
                    font.pixelSize: Theme.small
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }
            TapHandler {
                id: tap
                enabled: !CheckInLists.busy
                onTapped: CheckInLists.choose(option.modelData.id)
            }
        }
    }
    AdminMessage {
        Layout.fillWidth: true
        visible: CheckInLists.error.length > 0
        text: CheckInLists.error
        color: Theme.stop
        font.bold: true
    }
}
