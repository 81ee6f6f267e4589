import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// "Admit anyway…": the volunteer overrides a refusal for a known attendee and says why in a short
// note, which the event lead reviews later. Nothing is recorded without a note.
Popup {
    id: dialog
    objectName: "admitAnywayDialog"
    property string attendeeId: ""
    property string personName: ""
    property string reason: "" // why the door said no, in words

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

    // Over the home screen, whose parent it is; `modal` shades the rest of the window.
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 640, 680)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: Theme.margin
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.caution
        border.width: 4
    }

    ColumnLayout {
        width: parent.width
        spacing: 16
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
        TextField {
            id: note
            objectName: "admitAnywayNote"
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touch
            font.pixelSize: Theme.body
            maximumLength: DoorController.maxNoteLength
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
        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            BigButton {
                Layout.fillWidth: true
                text: qsTr("Cancel")
                filled: false
                onClicked: dialog.close()
            }
            BigButton {
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
