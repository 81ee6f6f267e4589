// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// A labelled text field of the setup and walk-in forms: the label above, a large field below, and
// what is wrong with it (when anything is) below that, in words.
ColumnLayout {
    id: field
    property alias label: caption.text
    property alias text: edit.text
    property alias placeholderText: edit.placeholderText
    property alias inputMethodHints: edit.inputMethodHints
    property alias maximumLength: edit.maximumLength
    property alias input: edit
    property string error: ""
    signal accepted()
    signal edited()

    spacing: 6

    Text {
        id: caption
        Layout.fillWidth: true
        font.pixelSize: Theme.small
        font.bold: true
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    TextField {
        id: edit
        Layout.fillWidth: true
        Layout.preferredHeight: Theme.touch
        font.pixelSize: Theme.body
        leftPadding: 16
        // Each letter goes into the field as it is typed, on any keyboard (no word prediction: names
        // and codes, and no dictionaries), so the field always holds what is on the screen.
        inputMethodHints: Qt.ImhNoPredictiveText
        color: Theme.text
        placeholderTextColor: Theme.mutedText
        Accessible.role: Accessible.EditableText
        Accessible.name: field.label
        Accessible.description: field.error
        onAccepted: field.accepted()
        onTextEdited: field.edited()
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.width: edit.activeFocus || field.error.length > 0 ? 3 : 2
            border.color: field.error.length > 0 ? Theme.stop : edit.activeFocus ? Theme.accent : Theme.line
        }
    }
    Text {
        Layout.fillWidth: true
        visible: field.error.length > 0
        text: field.error
        font.pixelSize: Theme.small
        color: Theme.stop
        wrapMode: Text.Wrap
    }
}
