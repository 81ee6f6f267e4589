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
            // would make cards of wrapped text overlap); one column in portrait (placeCards()).
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
                }
                Column {
                    id: rightColumn
                    width: grid.columnWidth
                    spacing: Theme.margin
                    visible: grid.two
                }
                onTwoChanged: admin.placeCards()
            }
        }
    }

    // The cards in reading order, and their column in landscape (0 left, 1 right): beside the sync
    // detail what the event lead reviews and the other doors, and so on. In portrait one column, in this order.
    readonly property var cardLayout: [[syncCard, 0], [reviewCard, 1], [peersCard, 1], [listCard, 0],
                                       [exportCard, 1], [pinCard, 0], [modeCard, 1], [languageCard, 0],
                                       [badgeCard, 1], [cameraCard, 0], [enrolCard, 1], [wipeCard, 0]]
    // A column lays out its children in the order they came: all leave first, then each takes its
    // place in turn, so the order never depends on when a binding ran.
    function placeCards() {
        for (const placed of cardLayout)
            placed[0].parent = cardStash
        for (const placed of cardLayout)
            placed[0].parent = grid.two && placed[1] === 1 ? rightColumn : leftColumn
    }
    Component.onCompleted: placeCards()

    Item {
        id: cardStash
        visible: false

        SyncCard {
            id: syncCard
            width: parent ? parent.width : 0
        }
        PeersCard {
            id: peersCard
            width: parent ? parent.width : 0
        }
        ReviewCard {
            id: reviewCard
            width: parent ? parent.width : 0
        }
        ListCard {
            id: listCard
            width: parent ? parent.width : 0
        }
        ExportCard {
            id: exportCard
            width: parent ? parent.width : 0
        }
        PinCard {
            id: pinCard
            width: parent ? parent.width : 0
        }
        ModeCard {
            id: modeCard
            width: parent ? parent.width : 0
        }
        LanguageCard {
            id: languageCard
            width: parent ? parent.width : 0
        }
        CameraCard {
            id: cameraCard
            width: parent ? parent.width : 0
        }
        BadgeCard {
            id: badgeCard
            width: parent ? parent.width : 0
            adminShown: admin.shown
        }
        EnrolCard {
            id: enrolCard
            width: parent ? parent.width : 0
            adminShown: admin.shown
        }
        WipeCard {
            id: wipeCard
            width: parent ? parent.width : 0
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
