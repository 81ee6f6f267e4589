// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The answer to a scan or a check-in, over the whole screen: colour, a large glyph and a headline
// (never colour alone), who it is, what the door must know about them, and what to do. Back to
// the search after 3 s, or on a tap; a verdict that waits for a decision (not paid yet, the list's
// question, an order) stays for 30 s, and a tap there decides nothing.
Rectangle {
    id: screen
    objectName: "verdictScreen"

    readonly property int kind: DoorController.kind // a Door.Kind
    readonly property int tone: DoorController.tone // a Door.Tone
    readonly property color ink: Theme.inkOn(tone)
    property bool shown: false
    property int timeoutMs: DoorController.waiting ? 30000 : 3000

    signal dismissed()
    // A volunteer decides to let a refused person in after all (with a note).
    signal admitAnywayRequested()
    // A volunteer checks in the others of the person's order (or an order's people).
    signal groupRequested()

    function open() {
        shown = true
        countdown.restart()
        forceActiveFocus()
    }
    function close() {
        shown = false
        countdown.stop()
    }

    visible: shown
    color: Theme.toneColor(tone)
    Accessible.role: Accessible.AlertMessage
    Accessible.name: DoorController.title + ". " + DoorController.detail

    onShownChanged: if (shown) { opacity = 0.4; fadeIn.restart() }
    NumberAnimation {
        id: fadeIn
        target: screen
        property: "opacity"
        to: 1
        duration: 120
    }

    Timer {
        id: countdown
        interval: screen.timeoutMs
        onTriggered: screen.dismissed()
    }

    MouseArea {
        anchors.fill: parent
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Back to the search")
        onClicked: screen.dismissed()
    }
    Keys.onEscapePressed: screen.dismissed()

    // Side by side in landscape; in portrait (a tablet held upright) the glyph above the words, so
    // that the headline keeps its size and nothing runs off the right edge. On a small screen (or
    // with larger text) the whole verdict is scaled down to fit above the buttons, never cut off.
    readonly property bool portrait: height > width
    readonly property real edge: Math.min(width, height) < 700 ? 24 : 48

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: screen.edge
        anchors.bottomMargin: timeBar.height + 16
        spacing: 16

        Item {
            id: stage
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 0

            GridLayout {
                id: content
                width: stage.width
                anchors.centerIn: parent
                scale: Math.min(1, stage.height / Math.max(1, implicitHeight))
                columns: screen.portrait ? 1 : 2
                columnSpacing: 48
                rowSpacing: 32

                Rectangle {
                    readonly property real size: Math.round(Math.max(120, Math.min(260, Math.min(screen.width, screen.height) * 0.3)))
                    Layout.preferredWidth: size
                    Layout.preferredHeight: size
                    Layout.alignment: screen.portrait ? Qt.AlignHCenter | Qt.AlignBottom : Qt.AlignVCenter
                    radius: size / 2
                    color: "transparent"
                    border.width: Math.round(size / 22)
                    border.color: screen.ink
                    Text {
                        anchors.centerIn: parent
                        text: Theme.glyph(screen.kind)
                        font.pixelSize: Math.round(parent.size * 0.65)
                        font.bold: true
                        color: screen.ink
                        Accessible.ignored: true
                    }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: screen.portrait ? Qt.AlignTop : Qt.AlignVCenter
                    spacing: 14

                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                        text: DoorController.title
                        font.pixelSize: Math.min(screen.width, screen.height) < 700 ? Theme.scaled(56) : Theme.huge
                        font.bold: true
                        color: screen.ink
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                        visible: text.length > 0
                        text: DoorController.name
                        font.pixelSize: Math.min(screen.width, screen.height) < 700 ? Theme.scaled(40) : Theme.scaled(52)
                        font.bold: true
                        color: screen.ink
                        wrapMode: Text.Wrap
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                        visible: text.length > 0
                        text: DoorController.ticketType
                        font.pixelSize: Theme.large
                        color: screen.ink
                        wrapMode: Text.Wrap
                    }
                    // What the door must know (volunteers only): a note marked for attention
                    // stands out, ink on the verdict's colour turned round, with a warning sign.
                    // A Column, not the layout itself: a Repeater's items come and go with each
                    // verdict, and Qt 6.4's layouts must not see an item go while they arrange.
                    Column {
                        id: notesColumn
                        Layout.fillWidth: true
                        visible: DoorController.notes.length > 0
                        spacing: 8
                        Repeater {
                            model: DoorController.notes
                            delegate: Rectangle {
                                id: noteBox
                                required property var modelData
                                readonly property bool attention: modelData.attention === true
                                objectName: attention ? "verdictAttention" : "verdictNote"
                                width: notesColumn.width
                                implicitHeight: noteText.implicitHeight + 16
                                radius: 8
                                color: attention ? screen.ink : "transparent"
                                border.width: 2
                                border.color: screen.ink
                                Text {
                                    id: noteText
                                    anchors.fill: parent
                                    anchors.margins: 8
                                    horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                                    //: a door note: %1 its column ("Allergies"), %2 its text ("nuts")
                                    text: (noteBox.attention ? "\u26A0 " : "") + qsTr("%1: %2").arg(noteBox.modelData.label).arg(noteBox.modelData.text)
                                    font.pixelSize: noteBox.attention ? Theme.large : Theme.body
                                    font.bold: noteBox.attention
                                    color: noteBox.attention ? Theme.toneColor(screen.tone) : screen.ink
                                    wrapMode: Text.Wrap
                                }
                            }
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                        visible: text.length > 0
                        text: DoorController.insideSince.length > 0
                              ? (DoorController.kind === Door.AlreadyUsed
                                 ? qsTr("Used at %1 \u00B7 %2").arg(DoorController.insideSince).arg(DoorController.insideDevice)
                                 : qsTr("Inside since %1 \u00B7 %2").arg(DoorController.insideSince).arg(DoorController.insideDevice))
                              : ""
                        font.pixelSize: Theme.large
                        font.bold: true
                        color: screen.ink
                        wrapMode: Text.Wrap
                    }
                    // What the scanner read, when it is not on the list: a misread shows at once.
                    Text {
                        objectName: "verdictCode"
                        Layout.fillWidth: true
                        horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                        visible: DoorController.code.length > 0 && (screen.kind === Door.Unknown || screen.kind === Door.WrongEvent || screen.kind === Door.Order)
                        text: qsTr("Code: %1").arg(DoorController.code)
                        font.pixelSize: Theme.large
                        font.family: "monospace"
                        color: screen.ink
                        wrapMode: Text.WrapAnywhere
                    }
                    Text {
                        Layout.fillWidth: true
                        horizontalAlignment: screen.portrait ? Text.AlignHCenter : Text.AlignLeft
                        Layout.topMargin: 8
                        text: DoorController.detail
                        font.pixelSize: Theme.body
                        color: screen.ink
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        // Refused, but known: the override is right here, before the screen goes back by itself.
        // The list's question and a pending payment are answered here; an order's people are one
        // tap away.
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 8
            // In a row when they fit, else one above the other; a button no wider than the screen
            // (a label too long takes two lines). A Flow, not a GridLayout whose columns follow its
            // own width: that re-arranges itself while it is being arranged (Qt 6.4 crashes).
            Flow {
                id: actions
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                spacing: 16
                BigButton {
                    objectName: "verdictAdmitAnyway"
                    width: Math.min(implicitWidth, actions.width)
                    visible: screen.shown && DoorController.canAdmitAnyway && !DoorController.busy
                    text: qsTr("Admit anyway\u2026")
                    tint: "#111418"
                    Accessible.name: qsTr("Admit %1 anyway, with a note").arg(DoorController.name)
                    onClicked: {
                        countdown.stop()
                        screen.admitAnywayRequested()
                    }
                }
                BigButton {
                    objectName: "verdictYes"
                    width: Math.min(implicitWidth, actions.width)
                    visible: screen.shown && screen.kind === Door.Question && !DoorController.busy
                    text: qsTr("Yes")
                    tint: "#111418"
                    Accessible.name: qsTr("Yes: %1").arg(DoorController.title)
                    onClicked: DoorController.answer("yes")
                }
                BigButton {
                    objectName: "verdictNo"
                    width: Math.min(implicitWidth, actions.width)
                    visible: screen.shown && screen.kind === Door.Question && !DoorController.busy
                    text: qsTr("No")
                    tint: "#111418"
                    Accessible.name: qsTr("No: %1").arg(DoorController.title)
                    onClicked: DoorController.answer("no")
                }
                BigButton {
                    objectName: "verdictAdmitUnpaid"
                    width: Math.min(implicitWidth, actions.width)
                    visible: screen.shown && DoorController.canAdmitUnpaid && !DoorController.busy
                    text: qsTr("Check in anyway")
                    tint: "#111418"
                    Accessible.name: qsTr("Check %1 in anyway, not paid yet").arg(DoorController.name)
                    onClicked: DoorController.admitUnpaid()
                }
                BigButton {
                    objectName: "verdictGroup"
                    width: Math.min(implicitWidth, actions.width)
                    visible: screen.shown && !DoorController.busy && screen.kind !== Door.Question
                             && DoorController.group.length > (screen.kind === Door.Order ? 0 : 1)
                    text: screen.kind === Door.Order ? qsTr("Choose who is here\u2026")
                                                     : qsTr("Check in all %1 of this order\u2026").arg(DoorController.group.length)
                    tint: "#111418"
                    onClicked: {
                        countdown.stop()
                        screen.groupRequested()
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                text: screen.kind === Door.Question ? qsTr("Tap anywhere to go back without checking in")
                                                    : qsTr("Tap anywhere to continue")
                font.pixelSize: Theme.body
                color: screen.ink
                wrapMode: Text.Wrap
            }
        }
    }

    // How long until the screen goes back by itself.
    Rectangle {
        id: timeBar
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        height: 10
        color: screen.ink
        opacity: 0.5
        width: parent.width
        NumberAnimation on width {
            id: shrink
            running: countdown.running
            from: screen.width
            to: 0
            duration: screen.timeoutMs
        }
    }
}
