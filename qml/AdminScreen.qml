// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
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

                AdminCard {
                    width: parent ? parent.width : 0
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    title: qsTr("Sync")

                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: 20
                        rowSpacing: 10

                        DetailLabel { text: qsTr("Connection") }
                        DetailValue {
                            text: StatusModel.connection === StatusModel.Online ? qsTr("Online")
                                  : StatusModel.connection === StatusModel.Syncing ? qsTr("Syncing\u2026")
                                  : StatusModel.reason.length > 0 ? qsTr("Offline: %1").arg(StatusModel.reason)
                                  : qsTr("Offline")
                            font.bold: true
                        }
                        DetailLabel {
                            text: qsTr("Why")
                            visible: StatusModel.detail.length > 0
                        }
                        DetailValue {
                            text: StatusModel.detail
                            visible: text.length > 0
                        }
                        // Whether a sync runs is the connection's "Syncing…"; how far it is, here.
                        DetailLabel {
                            text: qsTr("Progress")
                            visible: SyncDetail.progress.length > 0
                        }
                        DetailValue {
                            objectName: "syncProgress"
                            visible: text.length > 0
                            text: SyncDetail.progress
                        }
                        DetailLabel { text: qsTr("Waiting to sync") }
                        DetailValue {
                            text: StatusModel.undelivered > 0 ? qsTr("%Ln check-in(s)", "", StatusModel.undelivered)
                                                              : qsTr("None: all delivered")
                        }
                        DetailLabel { text: qsTr("Last sync") }
                        DetailValue { text: StatusModel.lastSync }
                        DetailLabel {
                            text: qsTr("Last problem")
                            visible: StatusModel.connection !== StatusModel.Offline && SyncDetail.lastProblem.length > 0
                        }
                        DetailValue {
                            objectName: "lastProblem"
                            visible: StatusModel.connection !== StatusModel.Offline && SyncDetail.lastProblem.length > 0
                            text: SyncDetail.lastProblemAgo.length > 0
                                  ? qsTr("%1 (%2)").arg(SyncDetail.lastProblem).arg(SyncDetail.lastProblemAgo)
                                  : SyncDetail.lastProblem
                        }
                        DetailLabel { text: SyncDetail.servers.length > 1 ? qsTr("Servers") : qsTr("Server") }
                        ColumnLayout {
                            objectName: "syncServers"
                            Layout.fillWidth: true
                            spacing: 4
                            DetailValue {
                                visible: SyncDetail.servers.length === 0
                                text: qsTr("None (not enrolled)")
                            }
                            Repeater {
                                model: SyncDetail.servers
                                delegate: ColumnLayout {
                                    id: serverRow
                                    required property var modelData
                                    Layout.fillWidth: true
                                    spacing: 0
                                    DetailValue {
                                        text: serverRow.modelData.url
                                        font.bold: serverRow.modelData.inUse
                                        wrapMode: Text.WrapAnywhere
                                    }
                                    Message {
                                        Layout.fillWidth: true
                                        visible: text.length > 0
                                        font.pixelSize: Theme.small
                                        text: serverRow.modelData.inUse && serverRow.modelData.answeredLast
                                              ? qsTr("in use; answered last, %1").arg(SyncDetail.answeredAgo)
                                              : serverRow.modelData.inUse ? qsTr("in use")
                                              : serverRow.modelData.answeredLast ? qsTr("answered last, %1").arg(SyncDetail.answeredAgo)
                                              : ""
                                    }
                                }
                            }
                        }
                        DetailLabel { text: qsTr("Received") }
                        DetailValue {
                            objectName: "changesReceived"
                            text: !SyncDetail.receivedEver ? qsTr("Nothing yet")
                                  : SyncDetail.received > 0
                                    ? qsTr("%Ln change(s) from the server since the app started", "",
                                           SyncDetail.received)
                                    : qsTr("No changes since the app started")
                        }
                        DetailLabel { text: qsTr("Failed attempts") }
                        DetailValue { text: Number(StatusModel.failures).toLocaleString(Qt.locale(), "f", 0) }
                        DetailLabel {
                            text: qsTr("Next attempt")
                            visible: StatusModel.nextAttempt.length > 0
                        }
                        DetailValue {
                            text: StatusModel.nextAttempt
                            visible: text.length > 0
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 16
                        BigButton {
                            objectName: "syncNowButton"
                            text: qsTr("Sync now")
                            enabled: StatusModel.connection !== StatusModel.Syncing
                            onClicked: AdminController.syncNow()
                        }
                        Message {
                            Layout.fillWidth: true
                            text: AdminController.syncMessage
                        }
                    }
                    Item { Layout.fillHeight: true } // the button stays with the details
                }

                // Beside the sync detail: what the event lead reviews (AdminReviewSection.qml).
                AdminReviewSection {
                    width: parent ? parent.width : 0
                    parent: grid.two ? rightColumn : leftColumn
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                }

                AdminCard {
                    width: parent ? parent.width : 0
                    objectName: "exportCard"
                    Layout.fillWidth: true
                    title: qsTr("Check-in log")
                    Message {
                        Layout.fillWidth: true
                        text: qsTr("Save every check-in of this kiosk as a CSV file in its data folder.")
                    }
                    BigButton {
                        text: AdminController.exporting ? qsTr("Exporting\u2026") : qsTr("Export check-in log")
                        filled: false
                        enabled: !AdminController.exporting
                        onClicked: AdminController.exportCheckIns()
                    }
                    Message {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: AdminController.exporting ? "" : AdminController.exportMessage
                        color: AdminController.exportFailed ? Theme.stop : Theme.go
                        font.bold: true
                    }
                }

                AdminCard {
                    width: parent ? parent.width : 0
                    parent: grid.two ? rightColumn : leftColumn
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Admin PIN")
                    Message {
                        Layout.fillWidth: true
                        text: AdminPin.hasPin
                              ? qsTr("In kiosk mode and in self-service a PIN guards this area and leaving kiosk mode. Outside them the window can be closed anyway, so this area opens without it.")
                              : qsTr("No PIN is set: in kiosk mode anyone can open this area. Set one now.")
                        color: AdminPin.hasPin ? Theme.mutedText : Theme.stop
                    }
                    BigButton {
                        objectName: "setPinButton"
                        text: AdminPin.hasPin ? qsTr("Change PIN") : qsTr("Set PIN")
                        filled: !AdminPin.hasPin
                        onClicked: PinChange.start()
                    }
                    Message {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: PinChange.done ? qsTr("The new PIN is saved.") : "" // in the language of the moment
                        color: Theme.go
                        font.bold: true
                    }
                }

                AdminCard {
                    width: parent ? parent.width : 0
                    objectName: "modeCard"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Who uses this kiosk")
                    ModeChoice {
                        objectName: "volunteerMode"
                        mode: Preferences.Volunteer
                        text: qsTr("Volunteers")
                        description: qsTr("Search the whole list, check in and out, undo, admit anyway, register walk-ins.")
                    }
                    ModeChoice {
                        objectName: "selfServiceMode"
                        enabled: Preferences.selfServiceAllowed || Preferences.selfService
                        opacity: enabled ? 1 : 0.5
                        mode: Preferences.SelfService
                        text: qsTr("Attendees (self-service)")
                        description: qsTr("Scan a ticket or type at least 3 letters; names show as \u201CAnna M.\u201D; "
                                          + "back to the start after 20 seconds without a touch.")
                    }
                    Message {
                        Layout.fillWidth: true
                        visible: !Preferences.selfServiceAllowed && !Preferences.selfService
                        text: qsTr("Self-service needs an admin PIN: set one first, so that attendees cannot open this area.")
                    }
                    Message {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: Preferences.error
                        color: Theme.stop
                        font.bold: true
                    }
                    // Every verdict is also heard: rising for "in", low and falling for a refusal.
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 12
                        Switch {
                            id: soundSwitch
                            objectName: "soundSwitch"
                            Layout.minimumHeight: Theme.minTouch
                            checked: Preferences.sound
                            text: qsTr("Sound for every verdict")
                            font.pixelSize: Theme.body
                            Accessible.role: Accessible.CheckBox
                            Accessible.name: text
                            onToggled: Preferences.sound = checked
                        }
                        Item { Layout.fillWidth: true }
                        BigButton {
                            text: qsTr("Play")
                            filled: false
                            visible: Preferences.sound && VerdictSound.available
                            Accessible.name: qsTr("Play the check-in sound")
                            onClicked: VerdictSound.play("admitted")
                        }
                    }
                    Message {
                        Layout.fillWidth: true
                        visible: Preferences.sound && !VerdictSound.available
                        text: qsTr("No speaker found: verdicts are only shown.")
                    }
                    // Tablets show an on-screen keyboard; a barcode scanner counts as a hardware keyboard,
                    // so a touch kiosk with a scanner wants "Always".
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("On-screen keyboard")
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: Theme.text
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 10
                        Repeater {
                            model: [
                                { value: Preferences.Auto, label: qsTr("Without a keyboard") },
                                { value: Preferences.On, label: qsTr("Always") },
                                { value: Preferences.Off, label: qsTr("Never") }
                            ]
                            delegate: BigButton {
                                required property var modelData
                                text: modelData.label
                                filled: Preferences.keyboard === modelData.value
                                Accessible.role: Accessible.RadioButton
                                Accessible.checkable: true
                                Accessible.checked: filled
                                onClicked: Preferences.keyboard = modelData.value
                            }
                        }
                    }
                    Message {
                        Layout.fillWidth: true
                        text: InputDevices.hardwareKeyboard ? qsTr("A hardware keyboard (or a scanner) is attached.")
                                                            : qsTr("No hardware keyboard is attached.")
                    }
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("Text size")
                        font.pixelSize: Theme.body
                        font.bold: true
                        color: Theme.text
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: 10
                        Repeater {
                            model: [
                                { value: Preferences.Normal, name: "normal", label: qsTr("Normal") },
                                { value: Preferences.Large, name: "large", label: qsTr("Large") },
                                { value: Preferences.Larger, name: "larger", label: qsTr("Larger") }
                            ]
                            delegate: BigButton {
                                required property var modelData
                                objectName: "textSize-" + modelData.name
                                text: modelData.label
                                filled: Preferences.textSize === modelData.value
                                Accessible.role: Accessible.RadioButton
                                Accessible.checkable: true
                                Accessible.checked: filled
                                onClicked: Preferences.textSize = modelData.value
                            }
                        }
                    }
                }

                AdminCard {
                    width: parent ? parent.width : 0
                    parent: grid.two ? rightColumn : leftColumn
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Language")
                    AdminLanguageSection {
                        Layout.fillWidth: true
                    }
                }

                AdminCard {
                    width: parent ? parent.width : 0
                    objectName: "enrolCard"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: StatusModel.server.length > 0 ? qsTr("Enrol again") : qsTr("Enrol with a server")
                    Message {
                        Layout.fillWidth: true
                        text: StatusModel.server.length > 0
                              ? qsTr("Enrolled with %1. A new code from the event lead replaces this enrolment.")
                                    .arg(StatusModel.server)
                              : qsTr("Not enrolled: enter the server and a one-time code from the event lead.")
                    }
                    EnrolForm {
                        objectName: "adminEnrolForm"
                        Layout.fillWidth: true
                    }
                    SetupMessages {
                        Layout.fillWidth: true
                        showRows: false
                        visible: admin.shown
                                 && (SetupController.error.length > 0 || SetupController.result.length > 0)
                    }
                }

                AdminCard {
                    width: parent ? parent.width : 0
                    parent: grid.two ? rightColumn : leftColumn
                    objectName: "wipeCard"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    title: qsTr("Wipe this kiosk")
                    Message {
                        Layout.fillWidth: true
                        text: qsTr("After the event: delete the attendee list, the check-ins and the enrolment "
                                   + "from this kiosk before it is handed back.")
                    }
                    BigButton {
                        objectName: "wipeButton"
                        text: AdminController.wipeState === AdminController.Checking ? qsTr("Checking…") : qsTr("Wipe…")
                        filled: false
                        tint: Theme.stop
                        enabled: AdminController.wipeState !== AdminController.Checking && AdminController.wipeState !== AdminController.Wiping
                        onClicked: AdminController.requestWipe()
                    }
                    Message {
                        objectName: "wipeMessage"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: AdminController.wipeState === AdminController.Refused || AdminController.wipeState === AdminController.Failed
                              ? AdminController.wipeMessage : ""
                        color: Theme.stop
                        font.bold: true
                    }
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
    Rectangle {
        id: wipeConfirm
        objectName: "wipeConfirm"
        anchors.fill: parent
        visible: AdminController.wipeState === AdminController.Confirm || AdminController.wipeState === AdminController.Wiping
        color: "#B3111418"

        MouseArea {
            anchors.fill: parent // taps stay here
        }
        Rectangle {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.margin, 720)
            height: confirmBody.implicitHeight + 2 * Theme.margin
            radius: Theme.radius
            color: Theme.surface
            ColumnLayout {
                id: confirmBody
                x: Theme.margin
                y: Theme.margin
                width: parent.width - 2 * Theme.margin
                spacing: 20
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Wipe this kiosk?")
                    font.pixelSize: Theme.large
                    font.bold: true
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Message {
                    Layout.fillWidth: true
                    text: AdminController.wipeMessage
                    color: Theme.text
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 16
                    BigButton {
                        objectName: "confirmWipeButton"
                        text: AdminController.wipeState === AdminController.Wiping ? qsTr("Wiping…") : qsTr("Wipe everything")
                        tint: Theme.stop
                        enabled: AdminController.wipeState === AdminController.Confirm
                        onClicked: AdminController.wipe()
                    }
                    BigButton {
                        text: qsTr("Cancel")
                        filled: false
                        enabled: AdminController.wipeState === AdminController.Confirm
                        onClicked: AdminController.cancelWipe()
                    }
                }
            }
        }
    }

    // Set or change the PIN: the current one first (when there is one), then the new one twice.
    PinPrompt {
        id: pinChange
        objectName: "pinChange"
        anchors.fill: parent
        flow: PinChange
    }

    component AdminCard: Rectangle {
        id: card
        property string title
        default property alias content: body.data
        implicitHeight: body.implicitHeight + 2 * Theme.margin
        Layout.minimumHeight: implicitHeight // a card never cuts off its own buttons
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.line
        ColumnLayout {
            id: body
            anchors.fill: parent
            anchors.margins: Theme.margin
            spacing: 14
            Text {
                Layout.fillWidth: true
                text: card.title
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap // a long title in larger text stays in its column
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
        }
    }
    // One choice of the kiosk's mode: a large radio button with a line saying what it means.
    component ModeChoice: Rectangle {
        id: choice
        property int mode // a Preferences.Mode
        property alias text: choiceTitle.text
        property alias description: choiceText.text
        readonly property bool checked: Preferences.mode === mode
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touch, choiceBody.implicitHeight + 24)
        radius: Theme.radius
        color: checked ? Theme.selected : Theme.surface
        border.width: checked ? 3 : 2
        border.color: checked ? Theme.accent : Theme.line
        Accessible.role: Accessible.RadioButton
        Accessible.name: choiceTitle.text
        Accessible.description: choiceText.text
        Accessible.checkable: true
        Accessible.checked: checked
        Accessible.onPressAction: Preferences.mode = mode

        RowLayout {
            id: choiceBody
            anchors.fill: parent
            anchors.margins: 12
            spacing: 14
            Rectangle {
                Layout.alignment: Qt.AlignTop
                Layout.topMargin: 2
                width: 28
                height: 28
                radius: 14
                border.width: 3
                border.color: choice.checked ? Theme.accent : Theme.mutedText
                Rectangle {
                    anchors.centerIn: parent
                    width: 14
                    height: 14
                    radius: 7
                    color: Theme.accent
                    visible: choice.checked
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    id: choiceTitle
                    Layout.fillWidth: true
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Text {
                    id: choiceText
                    Layout.fillWidth: true
                    font.pixelSize: Theme.small
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }
        }
        MouseArea {
            anchors.fill: parent
            onClicked: Preferences.mode = choice.mode
        }
    }
    component DetailLabel: Text {
        Layout.alignment: Qt.AlignTop
        font.pixelSize: Theme.body
        color: Theme.mutedText
    }
    component DetailValue: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.body
        color: Theme.text
        wrapMode: Text.Wrap
    }
    component Message: Text {
        font.pixelSize: Theme.body
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
}
