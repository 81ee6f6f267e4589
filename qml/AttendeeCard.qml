import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The person tapped in the results: where they are now, their check-ins so far, and the buttons
// that matter: Check in; or, when they are inside, Check out; and when the door would refuse them,
// Admit anyway (with a note).
Rectangle {
    id: card
    objectName: "attendeeCard"
    property var person: ({})
    // The store's answer (AttendeeDetailModel) is newer than the search row once it is there.
    readonly property bool detailed: AttendeeDetailModel.found && AttendeeDetailModel.attendeeId === (person.attendeeId ?? "")
    readonly property bool inside: detailed ? AttendeeDetailModel.inside : person.inside === true
    readonly property bool cancelled: detailed ? AttendeeDetailModel.cancelled : person.cancelled === true
    readonly property string details: [person.company ?? "", person.ticketType ?? ""].filter(s => s.length > 0).join("  \u00B7  ")
    readonly property string statusText: detailed ? AttendeeDetailModel.statusText
                                         : cancelled ? qsTr("Ticket cancelled")
                                         : inside ? qsTr("Already checked in")
                                         : qsTr("Not checked in yet")
    signal admitAnywayRequested(string why)

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.accent
    border.width: 2
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Selected attendee: %1").arg(person.name ?? "")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 8

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
            text: card.details
            visible: text.length > 0
            font.pixelSize: Theme.body
            color: Theme.mutedText
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            Layout.fillWidth: true
            text: (card.cancelled ? "\u2715 " : card.inside ? "\u2713 " : "") + card.statusText
            font.pixelSize: Theme.body
            font.bold: card.cancelled || card.inside
            color: card.cancelled ? Theme.stop : card.inside ? Theme.go : Theme.mutedText
            wrapMode: Text.Wrap
        }

        Text {
            Layout.fillWidth: true
            Layout.topMargin: 6
            text: qsTr("Check-ins")
            font.pixelSize: Theme.small
            font.bold: true
            color: Theme.mutedText
        }
        ListView {
            id: history
            objectName: "attendeeHistory"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0 // shrinks first when the card is short (the refusal bar is up)
            clip: true
            model: AttendeeDetailModel
            boundsBehavior: Flickable.StopAtBounds
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Check-in history")
            ScrollBar.vertical: ScrollBar { width: 12 }
            // The latest check-in is the one a volunteer asks about: keep it in view.
            onCountChanged: positionViewAtEnd()
            delegate: HistoryRow {
                width: ListView.view.width - 14
            }
            Rectangle {
                anchors.top: parent.top
                width: parent.width
                height: 1
                color: Theme.line
            }
            Text {
                anchors.top: parent.top
                anchors.topMargin: 10
                width: parent.width
                visible: history.count === 0
                text: AttendeeDetailModel.loading ? "" : AttendeeDetailModel.error.length > 0
                      ? AttendeeDetailModel.error : qsTr("None yet.")
                font.pixelSize: Theme.small
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }

        BigButton {
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            visible: !card.inside && !card.cancelled
            text: qsTr("Check in")
            font.pixelSize: Theme.large
            tint: Theme.go
            enabled: !DoorController.busy
            onClicked: DoorController.checkIn(card.person.attendeeId)
        }
        // Side by side; stacked only in a card too narrow for "Admit anyway…" beside "Check out".
        GridLayout {
            Layout.fillWidth: true
            columns: card.width >= 470 ? 2 : 1
            rowSpacing: 12
            columnSpacing: 12
            visible: card.inside || card.cancelled
            BigButton {
                objectName: "checkOutButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 4
                visible: card.inside
                text: qsTr("Check out")
                tint: Theme.info
                enabled: !DoorController.busy
                onClicked: DoorController.checkOut(card.person.attendeeId)
            }
            BigButton {
                objectName: "admitAnywayButton"
                Layout.fillWidth: true
                Layout.preferredWidth: 5 // the longer label
                text: qsTr("Admit anyway\u2026")
                filled: false
                tint: Theme.text
                enabled: !DoorController.busy
                Accessible.name: qsTr("Admit anyway, with a note")
                onClicked: card.admitAnywayRequested(card.statusText)
            }
        }
    }
}
