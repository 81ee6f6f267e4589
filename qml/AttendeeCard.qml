import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The person tapped in the results, with the one button that matters: Check in.
Rectangle {
    id: card
    property var person: ({})
    readonly property bool inside: person.inside === true
    readonly property bool cancelled: person.cancelled === true

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.accent
    border.width: 2
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Selected attendee: %1").arg(person.name ?? "")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 10

        Text {
            Layout.fillWidth: true
            text: card.person.name ?? ""
            font.pixelSize: Theme.title
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            text: card.person.company ?? ""
            visible: text.length > 0
            font.pixelSize: Theme.body
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            text: card.person.ticketType ?? ""
            visible: text.length > 0
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            Layout.topMargin: 8
            text: card.cancelled ? qsTr("\u2715 Ticket cancelled")
                 : card.inside ? qsTr("\u2713 Already checked in")
                 : qsTr("Not checked in yet")
            font.pixelSize: Theme.body
            font.bold: card.cancelled || card.inside
            color: card.cancelled ? Theme.stop : card.inside ? Theme.go : Theme.mutedText
        }

        Item { Layout.fillHeight: true }

        BigButton {
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            text: qsTr("Check in")
            font.pixelSize: Theme.large
            tint: Theme.go
            enabled: !DoorController.busy
            onClicked: DoorController.checkIn(card.person.attendeeId)
        }
        BigButton {
            Layout.fillWidth: true
            visible: card.inside
            text: qsTr("Check out")
            filled: false
            enabled: !DoorController.busy
            onClicked: DoorController.checkOut(card.person.attendeeId)
        }
    }
}
