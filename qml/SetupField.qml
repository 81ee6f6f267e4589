import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A labelled text field of the setup forms: the label above, a large field below.
ColumnLayout {
    id: field
    property alias label: caption.text
    property alias text: edit.text
    property alias placeholderText: edit.placeholderText
    property alias inputMethodHints: edit.inputMethodHints
    property alias input: edit
    signal accepted()

    spacing: 6

    Text {
        id: caption
        Layout.fillWidth: true
        font.pixelSize: Theme.small
        font.bold: true
        color: Theme.mutedText
    }
    TextField {
        id: edit
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touch
        font.pixelSize: Theme.body
        leftPadding: 16
        color: Theme.text
        placeholderTextColor: Theme.mutedText
        Accessible.role: Accessible.EditableText
        Accessible.name: field.label
        onAccepted: field.accepted()
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.width: edit.activeFocus ? 3 : 2
            border.color: edit.activeFocus ? Theme.accent : Theme.line
        }
    }
}
