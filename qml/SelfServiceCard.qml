// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Self-service: the name an attendee tapped, as little of it as the screen may show ("Anna M."),
// the ticket type, and one big button. "Not me" goes back to the results. The words scroll when
// the card is short; both buttons stay in full at its foot.
Rectangle {
    id: card
    objectName: "selfServiceCard"
    property var person: ({})
    property bool compact: false
    readonly property real padding: compact ? 16 : Theme.margin
    signal notMe()

    function checkIn(): bool {
        if (DoorController.busy)
            return false
        DoorController.checkIn(person.attendeeId)
        return true
    }

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.accent
    border.width: 2
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Is this you? %1").arg(person.name ?? "")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: card.padding
        spacing: 12

        Flickable {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0
            contentHeight: words.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 12 }

            Column {
                id: words
                width: parent.width
                spacing: 8
                Text {
                    width: parent.width
                    text: qsTr("Is this you?")
                    font.pixelSize: Theme.body
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: card.person.name ?? ""
                    font.pixelSize: card.compact ? Theme.large : Theme.title
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: card.person.ticketType ?? ""
                    visible: text.length > 0
                    font.pixelSize: Theme.large
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
            }
        }
        BigButton {
            objectName: "checkMeInButton"
            Layout.fillWidth: true
            // Tall to find with a finger; taller still when its label takes two lines (larger text
            // on a small tablet), never cut off.
            Layout.preferredHeight: Math.max(implicitHeight, card.compact ? Theme.touch + 8 : 110)
            text: qsTr("Yes, check me in")
            font.pixelSize: Theme.large
            tint: Theme.go
            enabled: !DoorController.busy
            onClicked: card.checkIn()
        }
        BigButton {
            objectName: "notMeButton"
            Layout.fillWidth: true
            text: qsTr("No, that is not me")
            filled: false
            onClicked: card.notMe()
        }
    }
}
