// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// "Admit anyway…": the volunteer overrides a refusal for a known attendee and says why in a short
// note, which the event lead reviews later. Nothing is recorded without a note.
Popup {
    id: dialog
    objectName: "admitAnywayDialog"
    property string attendeeId: ""
    property string personName: ""
    property string reason: "" // why the door said no, in words
    // Where the on-screen keyboard is (bottom left, this wide and high): the shade leaves it bright.
    property real keyboardWidth: 0
    property real keyboardHeight: 0

    function ask(id: string, name: string, why: string) {
        attendeeId = id
        personName = name
        reason = why
        note.text = ""
        open()
        note.forceActiveFocus()
    }
    function admit() {
        if (note.text.trim().length === 0)
            return
        DoorController.dismissRefusal()
        DoorController.admitAnyway(attendeeId, note.text)
        close()
    }

    // Over the home screen (its part above the on-screen keyboard), whose parent it is; `modal`
    // shades the rest of the window. When that is short, the words scroll; the note and the
    // buttons stay in full.
    readonly property real edge: parent && parent.height < 500 ? 8 : Theme.margin
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * edge : 640, 680)
    contentHeight: words.implicitHeight + 12 + footer.implicitHeight
    height: Math.min(implicitHeight, parent ? parent.height - 2 * edge : implicitHeight)
    modal: true
    focus: true
    T.Overlay.modal: DialogShade {
        keyboardWidth: dialog.keyboardWidth
        keyboardHeight: dialog.keyboardHeight
    }
    closePolicy: Popup.CloseOnEscape
    padding: parent && parent.height < 500 ? 12 : Theme.margin
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.caution
        border.width: 4
    }

    Flickable {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: footer.top
        anchors.bottomMargin: 12
        contentHeight: words.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 12 }

        ColumnLayout {
            id: words
            width: parent.width
            spacing: 12
            Accessible.role: Accessible.Dialog
            Accessible.name: qsTr("Admit %1 anyway").arg(dialog.personName)
            Text {
                Layout.fillWidth: true
                text: qsTr("Admit %1 anyway?").arg(dialog.personName)
                font.pixelSize: Theme.large
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                visible: dialog.reason.length > 0
                text: dialog.reason
                font.pixelSize: Theme.body
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Say why in a few words, for the event lead (required).")
                font.pixelSize: Theme.body
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }
    }

    ColumnLayout {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 12
        TextField {
            id: note
            objectName: "admitAnywayNote"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(Theme.touch, implicitHeight)
            font.pixelSize: Theme.body
            maximumLength: DoorController.maxNoteLength
            inputMethodHints: Qt.ImhNoPredictiveText
            placeholderText: qsTr("e.g. left for lunch, exit was not scanned")
            placeholderTextColor: Theme.mutedText
            color: Theme.text
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("Note: why this person is admitted")
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.width: note.activeFocus ? 3 : 2
                border.color: note.activeFocus ? Theme.accent : Theme.line
            }
            onAccepted: dialog.admit()
        }
        // Side by side when both labels fit, else one above the other.
        GridLayout {
            Layout.fillWidth: true
            columns: cancel.implicitWidth + confirm.implicitWidth + 12 <= width ? 2 : 1
            rowSpacing: 8
            columnSpacing: 12
            BigButton {
                id: cancel
                objectName: "admitAnywayCancel"
                Layout.fillWidth: true
                text: qsTr("Cancel")
                filled: false
                onClicked: dialog.close()
            }
            BigButton {
                id: confirm
                objectName: "admitAnywayConfirm"
                Layout.fillWidth: true
                text: qsTr("Admit with note")
                tint: Theme.go
                enabled: note.text.trim().length > 0 && !DoorController.busy
                onClicked: dialog.admit()
            }
        }
    }
}
