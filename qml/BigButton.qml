// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic

// A large, plain button: filled (the one thing to do) or outlined (the alternative). It grows to a
// second line of its label rather than cut it off.
Button {
    id: control
    property bool filled: true
    property color tint: Theme.accent
    property int narrowest: 160 // no narrower than this, however short the label

    // The label's room is the button's height less these: a second line must fit in it.
    topPadding: 4
    bottomPadding: 4
    implicitHeight: Math.max(Theme.touch, contentItem.implicitHeight + topPadding + bottomPadding + 8)
    implicitWidth: Math.max(narrowest, contentItem.implicitWidth + 48)
    // A tap must not take the keyboard away from the search field.
    focusPolicy: Qt.NoFocus
    font.pixelSize: Theme.body
    font.bold: true
    Accessible.role: Accessible.Button
    Accessible.name: text

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.filled ? "#FFFFFF" : (control.enabled ? control.tint : Theme.mutedText)
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // A label longer than the button (German, larger text) takes a second line, not an ellipsis.
        wrapMode: Text.Wrap
        maximumLineCount: 2
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.filled ? (control.down ? Theme.selected : Theme.surface)
                               : !control.enabled ? Theme.line
                               : control.down ? Qt.darker(control.tint, 1.25) : control.tint
        border.width: control.filled ? 0 : 2
        border.color: control.enabled ? control.tint : Theme.line
    }
}
