// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtMultimedia
import Kiosk
import QtQuick.Controls.Basic

// The camera's picture on home, with a box to aim the ticket's code at, and the torch where the
// camera has one. What it sees goes to the decoder (CameraScanner); when there is no camera, it is
// not allowed or will not start, the box says so in words instead, and the scanner still works.
Rectangle {
    id: finder
    objectName: "viewfinder"
    property bool compact: false
    readonly property bool live: CameraScanner.status === CameraScanner.Active
    readonly property bool trouble: CameraScanner.status === CameraScanner.Unavailable
                                    || CameraScanner.status === CameraScanner.Denied
                                    || CameraScanner.status === CameraScanner.Failed
    radius: Theme.radius
    color: live ? "#000000" : Theme.surface
    border.color: trouble ? Theme.stop : Theme.line
    border.width: 2
    clip: true

    VideoOutput {
        id: output
        anchors.fill: parent
        anchors.margins: 2
        fillMode: VideoOutput.PreserveAspectCrop
        visible: finder.live
        // The front camera as a mirror: an attendee moves the ticket the way they see it move.
        transform: Scale {
            origin.x: output.width / 2
            xScale: CameraScanner.front ? -1 : 1
        }
        Component.onCompleted: CameraScanner.videoOutput = output
    }

    // The aim box: a square of corners in the middle, the size a code should appear at.
    Item {
        id: aim
        readonly property real side: Math.min(finder.width, finder.height) * 0.62
        anchors.centerIn: parent
        anchors.verticalCenterOffset: hint.visible ? -hint.height / 2 : 0
        width: side
        height: side
        visible: finder.live
        Repeater {
            model: 4
            delegate: Item {
                id: corner
                required property int index
                readonly property bool atRight: corner.index % 2 === 1
                readonly property bool atBottom: corner.index >= 2
                readonly property real arm: aim.side * 0.22
                x: corner.atRight ? aim.side - corner.arm : 0
                y: corner.atBottom ? aim.side - corner.arm : 0
                width: corner.arm
                height: corner.arm
                Rectangle { x: 0; y: corner.atBottom ? corner.arm - 6 : 0; width: corner.arm; height: 6; radius: 3; color: "#FFFFFF" }
                Rectangle { x: corner.atRight ? corner.arm - 6 : 0; y: 0; width: 6; height: corner.arm; radius: 3; color: "#FFFFFF" }
            }
        }
    }

    // What to do, or what is wrong: over the picture at the bottom, or alone in the box.
    Rectangle {
        id: hint
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: finder.live ? parent.bottom : undefined
        anchors.verticalCenter: finder.live ? undefined : parent.verticalCenter
        anchors.margins: 2
        height: words.implicitHeight + (finder.compact ? 12 : 24)
        color: finder.live ? "#B0000000" : "transparent"
        visible: words.text.length > 0
        Text {
            id: words
            objectName: "viewfinderMessage"
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.margin
            text: CameraScanner.message
            font.pixelSize: finder.compact ? Theme.small : Theme.body
            color: finder.live ? "#FFFFFF" : finder.trouble ? Theme.stop : Theme.mutedText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
        }
    }

    // The torch, for a dim hall; only where the camera has one.
    Button {
        id: torch
        objectName: "torchButton"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.margins: 10
        width: Theme.touch
        height: Theme.touch
        visible: finder.live && CameraScanner.torchAvailable
        focusPolicy: Qt.NoFocus
        checkable: true
        checked: CameraScanner.torch
        onToggled: CameraScanner.torch = checked
        Accessible.name: torch.checked ? qsTr("Turn the light off") : qsTr("Turn the light on")
        contentItem: Text {
            text: "\u2600"
            font.pixelSize: Theme.large
            color: torch.checked ? Theme.caution : "#FFFFFF"
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle { radius: width / 2; color: "#80000000" }
    }
}
