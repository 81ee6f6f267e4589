// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The admin area's card of who uses this kiosk (volunteers or attendees in self-service) and how:
// the verdict sound, the on-screen keyboard, the text size.
AdminCard {
    objectName: "modeCard"
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
    AdminMessage {
        Layout.fillWidth: true
        visible: !Preferences.selfServiceAllowed && !Preferences.selfService
        text: qsTr("Self-service needs an admin PIN: set one first, so that attendees cannot open this area.")
    }
    AdminMessage {
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
    AdminMessage {
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
    AdminMessage {
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
