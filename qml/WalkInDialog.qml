// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// "Register walk-in": somebody who is not on the list is added to the event and checked in at
// once, also offline. A first or a last name is enough; company and ticket type are optional, the
// ticket type picked from the event's or typed. The dialog closes when the check-in is on disk;
// the door then shows its verdict. If it cannot be recorded, it stays open with the reason.
Popup {
    id: dialog
    objectName: "walkInDialog"
    readonly property bool narrow: width < 700
    // Where the on-screen keyboard is (bottom left, this wide and high): the shade leaves it bright.
    property real keyboardWidth: 0
    property real keyboardHeight: 0

    // Opens with the name from what the volunteer had typed into the search, if anything.
    function ask(typed: string) {
        WalkInForm.start(typed)
        open()
        const empty = WalkInForm.firstName.length === 0 ? firstName
                    : WalkInForm.lastName.length === 0 ? lastName : company
        empty.input.forceActiveFocus()
    }
    function register() {
        if (!WalkInForm.submit() && !WalkInForm.busy) {
            // The first field with a problem gets the focus: its message says what to do.
            const wrong = WalkInForm.nameError.length > 0 ? firstName
                        : WalkInForm.companyError.length > 0 ? company : ticketType
            wrong.input.forceActiveFocus()
        }
    }

    // Over the home screen (its part above the on-screen keyboard), whose parent it is; `modal`
    // shades the rest of the window. Never taller than that: with many ticket types, messages or
    // the keyboard up the form scrolls; the buttons stay below it, always in full.
    readonly property real edge: parent && parent.height < 500 ? 8 : Theme.margin
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * edge : 760, 760)
    contentHeight: form.implicitHeight + footer.implicitHeight + 12
    height: Math.min(implicitHeight, parent ? parent.height - 2 * edge : implicitHeight)
    modal: true
    focus: true
    T.Overlay.modal: DialogShade {
        keyboardWidth: dialog.keyboardWidth
        keyboardHeight: dialog.keyboardHeight
    }
    // Not while the entry is being written: the answer belongs to what was typed here.
    closePolicy: WalkInForm.busy ? Popup.NoAutoClose : Popup.CloseOnEscape
    padding: parent && parent.height < 500 ? 12 : Theme.margin
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: 4
    }

    Connections {
        target: WalkInForm
        function onRegistered() { dialog.close() }
    }

    Flickable {
        id: scroller
        objectName: "walkInScroller"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: footer.top
        anchors.bottomMargin: 12
        contentWidth: width
        contentHeight: form.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        readonly property bool scrolls: contentHeight > height
        ScrollBar.vertical: ScrollBar {
            width: 12
            policy: scroller.scrolls ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
        }

        ColumnLayout {
            id: form
            width: scroller.width - (scroller.scrolls ? 20 : 0)
            spacing: 16
            Accessible.role: Accessible.Dialog
            Accessible.name: qsTr("Register a walk-in")

            Text {
                Layout.fillWidth: true
                text: qsTr("Register a walk-in")
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("For somebody who is not on the list: they are added to the event and checked in.")
                font.pixelSize: Theme.body
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }

            GridLayout {
                Layout.fillWidth: true
                columns: dialog.narrow ? 1 : 2
                columnSpacing: 16
                rowSpacing: 12

                SetupField {
                    id: firstName
                    objectName: "walkInFirstName"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1 // the columns share the width equally
                    Layout.alignment: Qt.AlignTop
                    label: qsTr("First name")
                    text: WalkInForm.firstName
                    maximumLength: WalkInForm.maxLength
                    error: WalkInForm.showErrors ? WalkInForm.nameError : ""
                    onEdited: WalkInForm.firstName = text
                    onAccepted: lastName.input.forceActiveFocus()
                }
                SetupField {
                    id: lastName
                    objectName: "walkInLastName"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1 // the columns share the width equally
                    Layout.alignment: Qt.AlignTop
                    label: qsTr("Last name")
                    text: WalkInForm.lastName
                    maximumLength: WalkInForm.maxLength
                    // The names' message (about the pair: "a first or last name") shows under the first.
                    onEdited: WalkInForm.lastName = text
                    onAccepted: company.input.forceActiveFocus()
                }
                SetupField {
                    id: company
                    objectName: "walkInCompany"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1 // the columns share the width equally
                    Layout.alignment: Qt.AlignTop
                    label: qsTr("Company (optional)")
                    text: WalkInForm.company
                    maximumLength: WalkInForm.maxLength
                    error: WalkInForm.showErrors ? WalkInForm.companyError : ""
                    onEdited: WalkInForm.company = text
                    onAccepted: ticketType.input.forceActiveFocus()
                }
                SetupField {
                    id: ticketType
                    objectName: "walkInTicketType"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1 // the columns share the width equally
                    Layout.alignment: Qt.AlignTop
                    label: qsTr("Ticket type (optional)")
                    placeholderText: qsTr("Pick one below or type it")
                    text: WalkInForm.ticketType
                    maximumLength: WalkInForm.maxLength
                    error: WalkInForm.showErrors ? WalkInForm.ticketTypeError : ""
                    onEdited: WalkInForm.ticketType = text
                    onAccepted: dialog.register()
                }
            }

            // The event's ticket types, one tap each; tapping the chosen one again clears it.
            Flow {
                objectName: "walkInTicketTypes"
                Layout.fillWidth: true
                spacing: 8
                visible: WalkInForm.ticketTypes.length > 0
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Ticket types of this event")

                Repeater {
                    model: WalkInForm.ticketTypes
                    delegate: BigButton {
                        required property string modelData
                        readonly property bool chosen: WalkInForm.ticketType.trim() === modelData
                        implicitHeight: Math.max(Theme.minTouch, contentItem.implicitHeight + 16)
                        implicitWidth: Math.max(Theme.minTouch * 2, contentItem.implicitWidth + 32)
                        font.pixelSize: Theme.small
                        text: modelData
                        filled: chosen
                        Accessible.name: chosen ? qsTr("Ticket type %1, chosen").arg(modelData)
                                                : qsTr("Ticket type %1").arg(modelData)
                        onClicked: WalkInForm.ticketType = chosen ? "" : modelData
                    }
                }
            }

        }
    }

    // What went wrong, and the buttons: below the form, never scrolled away.
    ColumnLayout {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 12
        // The store's answer when the registration could not be recorded (e.g. a full disk).
        Text {
            objectName: "walkInError"
            Layout.fillWidth: true
            visible: WalkInForm.error.length > 0
            text: WalkInForm.error
            font.pixelSize: Theme.body
            color: Theme.stop
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        // Side by side when both labels fit, else one above the other.
        GridLayout {
            Layout.fillWidth: true
            columns: cancel.implicitWidth + registerButton.implicitWidth + 12 <= width ? 2 : 1
            rowSpacing: 8
            columnSpacing: 12
            BigButton {
                id: cancel
                objectName: "walkInCancel"
                Layout.fillWidth: true
                text: qsTr("Cancel")
                filled: false
                enabled: !WalkInForm.busy
                onClicked: dialog.close()
            }
            BigButton {
                id: registerButton
                objectName: "walkInRegister"
                Layout.fillWidth: true
                text: WalkInForm.busy ? qsTr("Registering\u2026") : qsTr("Register and check in")
                tint: Theme.go
                enabled: !WalkInForm.busy
                onClicked: dialog.register()
            }
        }
    }
}
