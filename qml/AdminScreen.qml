// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area, for the event lead: how syncing goes (and a nudge to sync now), the check-in
// log to a file, the admin PIN, enrolling (again) and preloading, wiping the kiosk after the event,
// and in kiosk mode the way out.
Rectangle {
    id: admin
    objectName: "adminScreen"
    property bool shown: false
    property bool confirmingClose: false // "Close the check-in app…" was tapped: asked once more
    signal leaveRequested()

    visible: shown
    color: Theme.background

    function open() {
        AdminPin.clearMessage()
        PinChange.reset()
        shown = true
    }
    function close() {
        confirmingClose = false
        PinChange.reset()
        AdminController.cancelWipe()
        SetupController.clearMessages()
        shown = false
    }

    MouseArea {
        anchors.fill: parent // taps stay here
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 20

        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            Text {
                Layout.fillWidth: true
                text: qsTr("Admin")
                font.pixelSize: Theme.title
                font.bold: true
                color: Theme.text
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            BigButton {
                objectName: "backToCheckInButton"
                text: qsTr("Back to check-in")
                onClicked: admin.close()
            }
        }

        // Only in kiosk mode: this area was opened with the PIN, so leaving needs no other; but it
        // is asked once more, for a tap meant for "Back to check-in".
        Flow {
            Layout.fillWidth: true
            visible: AdminController.kioskMode
            spacing: 12
            BigButton {
                objectName: "closeAppButton"
                visible: !admin.confirmingClose
                text: qsTr("Close the check-in app\u2026")
                filled: false
                tint: Theme.stop
                onClicked: admin.confirmingClose = true
            }
            Text {
                width: Math.min(implicitWidth, parent.width)
                height: Theme.touch
                visible: admin.confirmingClose
                text: qsTr("Close the app? This door stops checking people in until it is started again.")
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.stop
                wrapMode: Text.Wrap
                verticalAlignment: Text.AlignVCenter
            }
            BigButton {
                objectName: "closeAppConfirm"
                visible: admin.confirmingClose
                text: qsTr("Close the app")
                tint: Theme.stop
                onClicked: admin.leaveRequested()
            }
            BigButton {
                objectName: "closeAppCancel"
                visible: admin.confirmingClose
                text: qsTr("Keep it open")
                filled: false
                onClicked: admin.confirmingClose = false
            }
        }

        Flickable {
            id: cards
            objectName: "adminCards"
            visible: admin.shown // no layout work while it is closed
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: grid.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds

            // Two columns in landscape, each a stack of cards of their own heights (a grid's rows
            // would make cards of wrapped text overlap); one column in portrait, where the cards of
            // the right column follow those of the left.
            Row {
                id: grid
                readonly property bool two: admin.width > admin.height
                readonly property real columnWidth: two ? (width - spacing) / 2 : width
                width: cards.width
                spacing: Theme.margin

                Column {
                    id: leftColumn
                    width: grid.columnWidth
                    spacing: Theme.margin

                    SyncCard {
                        width: parent ? parent.width : 0
                    }

                    // Beside the sync detail: what the event lead reviews.
                    ReviewCard {
                        width: parent ? parent.width : 0
                        parent: grid.two ? rightColumn : leftColumn
                    }

                    ExportCard {
                        width: parent ? parent.width : 0
                    }

                    PinCard {
                        width: parent ? parent.width : 0
                        parent: grid.two ? rightColumn : leftColumn
                    }

                    ModeCard {
                        width: parent ? parent.width : 0
                    }

                    LanguageCard {
                        width: parent ? parent.width : 0
                        parent: grid.two ? rightColumn : leftColumn
                    }

                    EnrolCard {
                        width: parent ? parent.width : 0
                        adminShown: admin.shown
                    }

                    WipeCard {
                        width: parent ? parent.width : 0
                        parent: grid.two ? rightColumn : leftColumn
                    }
                }
                Column {
                    id: rightColumn
                    width: grid.columnWidth
                    spacing: Theme.margin
                    visible: grid.two
                }
            }
        }
    }

    // "Are you sure?" before a wipe: the consequences in words, a red button and a way back.
    WipeConfirm {
        anchors.fill: parent
    }

    // Set or change the PIN: the current one first (when there is one), then the new one twice.
    PinPrompt {
        id: pinChange
        objectName: "pinChange"
        anchors.fill: parent
        flow: PinChange
    }
}
