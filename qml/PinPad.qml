pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Digits for a PIN: a row of dots for what was typed, large keys 0-9, delete and OK. A hardware
// keyboard works too (digits, Backspace, Enter).
FocusScope {
    id: pad
    objectName: "pinPad"
    property string pin: ""
    property int maxLength: 8
    property int minLength: 4
    signal submitted(pin: string)

    implicitWidth: keys.implicitWidth
    implicitHeight: column.implicitHeight

    function press(digit: string) {
        if (pad.enabled && pin.length < maxLength)
            pin += digit
    }
    function erase() {
        pin = pin.slice(0, -1)
    }
    function clear() {
        pin = ""
    }
    function submit() {
        if (!pad.enabled || pin.length < minLength)
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
            Layout.preferredHeight: 64
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.line
            border.width: 2
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("PIN, %n digit(s) entered", "", pad.pin.length)
            Text {
                anchors.centerIn: parent
                text: pad.pin.length > 0 ? "\u25CF ".repeat(pad.pin.length).trim() : qsTr("Enter PIN")
                font.pixelSize: pad.pin.length > 0 ? 32 : Theme.body
                font.letterSpacing: pad.pin.length > 0 ? 6 : 0
                color: pad.pin.length > 0 ? Theme.text : Theme.mutedText
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
                    onClicked: pad.press(modelData)
                }
            }
            PinKey {
                text: "\u232B" // erase to the left
                font.pixelSize: Theme.large
                filled: false
                accessibleName: qsTr("Delete the last digit")
                enabled: pad.pin.length > 0
                onClicked: pad.erase()
            }
            PinKey {
                text: "0"
                onClicked: pad.press("0")
            }
            PinKey {
                text: qsTr("OK")
                tint: Theme.go
                accessibleName: qsTr("Confirm the PIN")
                enabled: pad.pin.length >= pad.minLength
                onClicked: pad.submit()
            }
        }
    }

    component PinKey: BigButton {
        property string accessibleName: text
        implicitWidth: 112
        implicitHeight: 72
        font.pixelSize: 36
        Accessible.name: accessibleName
    }
}
