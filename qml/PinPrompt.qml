// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Asks for a PIN over the whole window: a title, what it is for, the PIN pad, what went wrong, and
// Cancel. A PinFlow (AdminGate, PinChange) decides all of it: the step, the words, and what a PIN
// typed here does; the prompt shows it and hands the PIN over.
Rectangle {
    id: prompt
    required property PinFlow flow
    readonly property string title: flow.title
    readonly property string subtitle: flow.subtitle
    readonly property string message: flow.message
    readonly property bool locked: flow.locked
    readonly property bool checking: flow.checking
    readonly property bool shown: flow.shown

    visible: shown
    color: Theme.background

    // Every step starts with an empty pad that has the keys; digits come from the pad, so the
    // on-screen keyboard goes down.
    Connections {
        target: prompt.flow
        function onAsked() {
            pad.clear()
            pad.forceActiveFocus()
            InputDevices.hideKeyboard()
        }
        function onStepChanged() {
            if (!prompt.flow.shown)
                pad.clear()
        }
    }

    // Nothing underneath takes a tap while the prompt is up.
    MouseArea {
        anchors.fill: parent
    }

    // A short screen (a small tablet in landscape, larger text): smaller keys, and it scrolls.
    readonly property bool compact: height < 720
    Flickable {
        id: scroller
        anchors.fill: parent
        contentWidth: width
        contentHeight: column.implicitHeight + 24
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: column
            width: Math.min(scroller.width - 2 * Theme.margin, 620)
            x: (scroller.width - width) / 2
            y: Math.max(12, (scroller.height - implicitHeight) / 2)
            spacing: prompt.compact ? 8 : 14

            Text {
                Layout.fillWidth: true
                text: prompt.title
                font.pixelSize: prompt.compact ? Theme.large : Theme.title
                font.bold: true
                color: Theme.text
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                // Room for a line even when empty, so the pad stays where it was between two steps.
                Layout.minimumHeight: Theme.body * 1.4
                text: prompt.subtitle
                font.pixelSize: Theme.body
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            PinPad {
                id: pad
                Layout.alignment: Qt.AlignHCenter
                enabled: !prompt.locked
                busy: prompt.checking
                compact: prompt.compact
                focus: true
                onSubmitted: (pin) => prompt.flow.enter(pin)
            }
            Text {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.body * 1.4
                text: prompt.checking ? "" : prompt.message
                font.pixelSize: Theme.body
                font.bold: true
                color: Theme.stop
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            BigButton {
                objectName: "pinCancel"
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("Cancel")
                filled: false
                onClicked: prompt.flow.cancel()
            }
        }
    }
}
