// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// One choice of the kiosk's mode: a large radio button with a line saying what it means.
Rectangle {
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
