// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk

// A sentence at the top of the window for a few seconds, over everything (dialogs included), that
// takes no taps: what just happened and could not be done, e.g. a scan while a form is open.
Rectangle {
    id: notice
    objectName: "notice"
    property alias text: words.text
    property int timeoutMs: 5000

    function show(message: string) {
        text = message
        visible = true
        timer.restart()
    }

    visible: false
    anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined
    y: 12
    width: Math.min(parent ? parent.width - 24 : 600, Math.max(words.implicitWidth + 48, 320), 900)
    height: words.implicitHeight + 24
    radius: Theme.radius
    color: Theme.bar
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    Text {
        id: words
        objectName: "noticeText"
        anchors.fill: parent
        anchors.margins: 12
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.barText
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    Timer {
        id: timer
        interval: notice.timeoutMs
        onTriggered: notice.visible = false
    }
}
