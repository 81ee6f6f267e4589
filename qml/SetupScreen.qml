// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The first run: this kiosk has no event yet. Two ways to get one: enrol with the event's server
// (and preload it), or import the attendee list from a CSV file and work without a server.
Rectangle {
    id: setup
    objectName: "setupScreen"
    color: Theme.background

    readonly property bool wide: width > height

    // Empty forms: after a wipe nothing of the last event stays on screen.
    function reset() {
        enrolForm.fill(SetupController.presetServers, "", "")
        importForm.fill("", "")
        SetupController.clearMessages()
    }

    MouseArea {
        anchors.fill: parent // taps stay here
    }

    Flickable {
        anchors.fill: parent
        contentHeight: page.implicitHeight + 2 * Theme.margin
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: page
            x: Theme.margin
            y: Theme.margin
            width: setup.width - 2 * Theme.margin
            spacing: 16

            Text {
                Layout.fillWidth: true
                text: qsTr("Set up this kiosk")
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                text: SetupController.canLeave
                      ? qsTr("This kiosk is set up already. A new code from the event lead replaces its "
                             + "enrolment; or go back to check-in as it is.")
                      : qsTr("It has no attendee list yet. Enrol it with the event's server, or import a CSV "
                             + "file if there is no server.")
                font.pixelSize: Theme.body
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
            BigButton {
                // Shown by checkin-kiosk --enrol on a kiosk that has an event: the door is one tap away.
                objectName: "setupLeaveButton"
                visible: SetupController.canLeave
                enabled: !SetupController.busy
                filled: false
                text: qsTr("Back to check-in")
                onClicked: SetupController.leave()
            }
            SetupMessages {
                Layout.fillWidth: true
            }

            GridLayout {
                Layout.fillWidth: true
                columns: setup.wide ? 2 : 1
                columnSpacing: Theme.margin
                rowSpacing: Theme.margin

                SetupCard {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    title: qsTr("Enrol with a server")
                    hint: qsTr("Check-ins are shared with the other doors.")
                    EnrolForm {
                        id: enrolForm
                        Layout.fillWidth: true
                    }
                }
                SetupCard {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    title: qsTr("Import a CSV file")
                    hint: qsTr("Without a server: this kiosk works on its own.")
                    ImportForm {
                        id: importForm
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }

    component SetupCard: Rectangle {
        id: card
        property string title
        property string hint
        default property alias content: body.data
        implicitHeight: body.implicitHeight + 2 * Theme.margin
        Layout.minimumHeight: implicitHeight
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.line
        ColumnLayout {
            id: body
            // The top of the card: a taller neighbour leaves space below, not between the fields.
            x: Theme.margin
            y: Theme.margin
            width: parent.width - 2 * Theme.margin
            spacing: 14
            Text {
                Layout.fillWidth: true
                text: card.title
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                Layout.fillWidth: true
                text: card.hint
                font.pixelSize: Theme.body
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }
    }
}
