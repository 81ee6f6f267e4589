// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The person tapped in the results: where they are now, their check-ins so far, and the buttons
// that matter: Check in; or, when they are inside, Check out; and when the door would refuse them,
// Admit anyway (with a note). What they are scrolls when the card is short (large text, the
// on-screen keyboard up); the buttons stay at its foot, always in full.
Rectangle {
    id: card
    objectName: "attendeeCard"
    property var person: ({})
    property bool compact: false
    // The store's answer (AttendeeDetailModel) is newer than the search row once it is there.
    readonly property bool detailed: AttendeeDetailModel.found && AttendeeDetailModel.attendeeId === (person.attendeeId ?? "")
    readonly property bool inside: detailed ? AttendeeDetailModel.inside : person.inside === true
    readonly property bool cancelled: detailed ? AttendeeDetailModel.cancelled : person.cancelled === true
    readonly property bool canCheckIn: !inside && !cancelled
    readonly property string details: [person.company ?? "", person.ticketType ?? ""].filter(s => s.length > 0).join("  \u00B7  ")
    readonly property string statusText: detailed ? AttendeeDetailModel.statusText
                                         : cancelled ? qsTr("Ticket cancelled")
                                         : inside ? qsTr("Already checked in")
                                         : qsTr("Not checked in yet")
    readonly property real padding: compact ? 12 : Theme.margin
    signal admitAnywayRequested(string why)

    // What Enter does with this person selected: what "Check in" does, when it is offered.
    function checkIn(): bool {
        if (!canCheckIn || DoorController.busy)
            return false
        DoorController.checkIn(person.attendeeId)
        return true
    }

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.accent
    border.width: 2
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Selected attendee: %1").arg(person.name ?? "")

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: card.padding
        spacing: card.compact ? 8 : 12

        Flickable {
            id: scroller
            objectName: "attendeeHistory"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0
            contentHeight: words.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 12 }

            // The latest check-in is the one a volunteer asks about: keep it in view, once the
            // new row is laid out.
            Timer {
                id: followLatest
                interval: 0
                onTriggered: scroller.contentY = Math.max(0, scroller.contentHeight - scroller.height)
            }

            Column {
                id: words
                width: scroller.width - 14
                spacing: 6
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
                    text: card.details
                    visible: text.length > 0
                    font.pixelSize: Theme.body
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                Text {
                    width: parent.width
                    text: (card.cancelled ? "\u2715 " : card.inside ? "\u2713 " : "") + card.statusText
                    font.pixelSize: Theme.body
                    font.bold: card.cancelled || card.inside
                    color: card.cancelled ? Theme.stop : card.inside ? Theme.go : Theme.mutedText
                    wrapMode: Text.Wrap
                }
                Text {
                    objectName: "cardPaymentPending"
                    width: parent.width
                    visible: card.detailed && AttendeeDetailModel.paymentPending && !card.cancelled
                    text: "\u20AC " + qsTr("Not paid yet: the door asks before checking in.")
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.cautionInk
                    wrapMode: Text.Wrap
                }
                // What the door must know: a note marked for attention stands out (filled, with a
                // warning sign); the others are plain.
                Repeater {
                    model: card.detailed ? AttendeeDetailModel.notes : []
                    delegate: Rectangle {
                        id: cardNote
                        required property var modelData
                        readonly property bool attention: modelData.attention === true
                        objectName: attention ? "cardAttention" : "cardNote"
                        width: words.width
                        height: cardNoteText.implicitHeight + 12
                        radius: 6
                        color: attention ? Theme.caution : "transparent"
                        border.width: attention ? 0 : 1
                        border.color: Theme.line
                        Text {
                            id: cardNoteText
                            anchors.fill: parent
                            anchors.margins: 6
                            text: (cardNote.attention ? "\u26A0 " : "") + qsTr("%1: %2").arg(cardNote.modelData.label).arg(cardNote.modelData.text)
                            font.pixelSize: Theme.body
                            font.bold: cardNote.attention
                            color: cardNote.attention ? Theme.cautionInk : Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                }
                // Their badge: printed already (here or at another door), and printing one.
                Flow {
                    width: parent.width
                    spacing: 12
                    visible: card.detailed && (Badges.enabled || AttendeeDetailModel.badgeCount > 0)
                    Text {
                        objectName: "badgeText"
                        width: Math.min(implicitWidth, parent.width)
                        height: Math.max(implicitHeight, printBadge.visible ? printBadge.height : 0)
                        verticalAlignment: Text.AlignVCenter
                        text: AttendeeDetailModel.badgeCount > 0 ? AttendeeDetailModel.badgeText
                                                                 : qsTr("No badge yet")
                        font.pixelSize: Theme.body
                        color: AttendeeDetailModel.badgeCount > 1 ? Theme.cautionInk : Theme.mutedText
                        font.bold: AttendeeDetailModel.badgeCount > 1
                        wrapMode: Text.Wrap
                    }
                    BigButton {
                        id: printBadge
                        objectName: "printBadgeButton"
                        visible: Badges.enabled
                        narrowest: 120
                        text: AttendeeDetailModel.badgeCount > 0 ? qsTr("Print again") : qsTr("Print badge")
                        filled: false
                        Accessible.name: AttendeeDetailModel.badgeCount > 0
                                         ? qsTr("Print the badge again for %1").arg(card.person.name ?? "")
                                         : qsTr("Print the badge for %1").arg(card.person.name ?? "")
                        onClicked: Badges.printFor(card.person.attendeeId)
                    }
                }
                Item { width: 1; height: 4 }
                Text {
                    width: parent.width
                    text: history.count === 0 && !AttendeeDetailModel.loading
                          ? (AttendeeDetailModel.error.length > 0 ? AttendeeDetailModel.error
                                                                   : qsTr("Check-ins: none yet."))
                          : qsTr("Check-ins")
                    font.pixelSize: Theme.small
                    font.bold: history.count > 0
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
                Rectangle {
                    width: parent.width
                    height: 1
                    color: Theme.line
                    visible: history.count > 0
                }
                Repeater {
                    id: history
                    model: AttendeeDetailModel
                    delegate: HistoryRow {
                        width: words.width
                    }
                    onCountChanged: followLatest.restart()
                }
            }
        }

        // Check in; or Check out and Admit anyway, side by side when both fit, else one above the other.
        GridLayout {
            id: buttons
            Layout.fillWidth: true
            columns: card.canCheckIn ? 1
                     : checkOut.visible && checkOut.implicitWidth + admit.implicitWidth + 12 <= width ? 2 : 1
            rowSpacing: 12
            columnSpacing: 12
            BigButton {
                objectName: "checkInButton"
                Layout.fillWidth: true
                Layout.preferredHeight: card.compact ? Theme.touch + 8 : 96
                visible: card.canCheckIn
                text: qsTr("Check in")
                font.pixelSize: Theme.large
                tint: Theme.go
                enabled: !DoorController.busy
                onClicked: card.checkIn()
            }
            BigButton {
                id: checkOut
                objectName: "checkOutButton"
                Layout.fillWidth: true
                Layout.preferredWidth: implicitWidth
                visible: card.inside
                text: qsTr("Check out")
                tint: Theme.info
                enabled: !DoorController.busy
                onClicked: DoorController.checkOut(card.person.attendeeId)
            }
            BigButton {
                id: admit
                objectName: "admitAnywayButton"
                Layout.fillWidth: true
                Layout.preferredWidth: implicitWidth
                visible: !card.canCheckIn
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
