import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Self-service: the name an attendee tapped, as little of it as the screen may show ("Anna M."),
// the ticket type, and one big button. "Not me" goes back to the results.
Rectangle {
    id: card
    objectName: "selfServiceCard"
    property var person: ({})
    signal notMe()

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.accent
    border.width: 2
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Is this you? %1").arg(person.name ?? "")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 12

        Text {
            Layout.fillWidth: true
            text: qsTr("Is this you?")
            font.pixelSize: Theme.body
            color: Theme.mutedText
        }
        Text {
            Layout.fillWidth: true
            text: card.person.name ?? ""
            font.pixelSize: Theme.title
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            text: card.person.ticketType ?? ""
            visible: text.length > 0
            font.pixelSize: Theme.large
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Item {
            Layout.fillHeight: true
            Layout.minimumHeight: 8
        }
        BigButton {
            objectName: "checkMeInButton"
            Layout.fillWidth: true
            Layout.preferredHeight: 110
            text: qsTr("Yes, check me in")
            font.pixelSize: Theme.large
            tint: Theme.go
            enabled: !DoorController.busy
            onClicked: DoorController.checkIn(card.person.attendeeId)
        }
        BigButton {
            Layout.fillWidth: true
            text: qsTr("No, that is not me")
            filled: false
            onClicked: card.notMe()
        }
    }
}
