// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Digits for a PIN: a row of dots for what was typed, large keys 0-9, delete and OK. A hardware
// keyboard works too (digits, Backspace, Enter). While `busy` (the last PIN is being checked) it
// says so and takes no input; it keeps the keyboard focus for the next PIN.
FocusScope {
    id: pad
    objectName: "pinPad"
    property string pin: ""
    // What ScannerInput puts back after a scan: a code scanned while the pad has the focus never
    // becomes digits of the PIN.
    property alias text: pad.pin
    property int maxLength: 8
    property int minLength: 4
    property bool busy: false
    property bool compact: false // smaller keys on a short screen
    readonly property bool takesInput: enabled && !busy
    signal submitted(pin: string)

    implicitWidth: keys.implicitWidth
    implicitHeight: column.implicitHeight

    function press(digit: string) {
        if (takesInput && pin.length < maxLength)
            pin += digit
    }
    function erase() {
        if (takesInput)
            pin = pin.slice(0, -1)
    }
    function clear() {
        pin = ""
    }
    function submit() {
        if (!takesInput || pin.length < minLength)
            return
        const entered = pin
        pin = ""
        pad.submitted(entered)
    }

    Keys.onPressed: (event) => {
        if (event.text.length === 1 && event.text >= "0" && event.text <= "9") {
            pad.press(event.text)
            event.accepted = true
        } else if (event.key === Qt.Key_Backspace) {
            pad.erase()
            event.accepted = true
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            pad.submit()
            event.accepted = true
        }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        spacing: 16

        // One dot for each digit typed, never the digits themselves.
        Rectangle {
            Layout.fillWidth: true
            Layout.preferredHeight: pad.compact ? 52 : 64
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            border.width: 2
            Accessible.role: Accessible.EditableText
            Accessible.name: pad.busy ? qsTr("Checking the PIN") : qsTr("PIN, %n digit(s) entered", "", pad.pin.length)
            Text {
                objectName: "pinDisplay"
                anchors.centerIn: parent
                text: pad.busy ? qsTr("Checking\u2026")
                      : pad.pin.length > 0 ? "\u25CF ".repeat(pad.pin.length).trim() : qsTr("Enter PIN")
                font.pixelSize: pad.pin.length > 0 && !pad.busy ? 32 : Theme.body
                font.letterSpacing: pad.pin.length > 0 && !pad.busy ? 6 : 0
                font.bold: pad.busy
                color: pad.pin.length > 0 || pad.busy ? Theme.text : Theme.mutedText
            }
        }

        GridLayout {
            id: keys
            Layout.alignment: Qt.AlignHCenter
            columns: 3
            rowSpacing: 10
            columnSpacing: 12

            Repeater {
                model: ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
                delegate: PinKey {
                    required property string modelData
                    text: modelData
                    enabled: !pad.busy
                    onClicked: pad.press(modelData)
                }
            }
            PinKey {
                text: "\u232B" // erase to the left
                font.pixelSize: Theme.large
                filled: false
                accessibleName: qsTr("Delete the last digit")
                enabled: pad.pin.length > 0 && !pad.busy
                onClicked: pad.erase()
            }
            PinKey {
                text: "0"
                enabled: !pad.busy
                onClicked: pad.press("0")
            }
            PinKey {
                text: qsTr("OK")
                tint: Theme.go
                accessibleName: qsTr("Confirm the PIN")
                enabled: pad.pin.length >= pad.minLength && !pad.busy
                onClicked: pad.submit()
            }
        }
    }

    component PinKey: BigButton {
        property string accessibleName: text
        implicitWidth: 112
        implicitHeight: pad.compact ? 56 : 72
        font.pixelSize: 36
        Accessible.name: accessibleName
    }
}
