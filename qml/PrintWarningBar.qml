// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Below the status bar while a badge did not print: what went wrong at the printer, "Try again" and
// "Dismiss". The check-in it was for is recorded all the same; only the paper is missing.
Rectangle {
    id: strip
    objectName: "printWarning"
    property bool compact: false
    visible: Badges.warning.length > 0
    color: Theme.caution
    implicitHeight: visible ? Math.max(compact ? 48 : 56, row.implicitHeight + 8) : 0

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: 8
        spacing: 12
        Text {
            objectName: "printWarningText"
            Layout.fillWidth: true
            Layout.minimumWidth: 0
            text: "\u26A0 " + Badges.warning
            font.pixelSize: strip.compact ? Theme.small : Theme.body
            font.bold: true
            color: Theme.cautionInk
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        BigButton {
            objectName: "printRetry"
            visible: Badges.failed > 0
            narrowest: 100
            Layout.preferredHeight: strip.compact ? Theme.minTouch : Theme.touch - 8
            text: qsTr("Try again")
            tint: Theme.text
            onClicked: Badges.retry()
        }
        BigButton {
            objectName: "printDismiss"
            narrowest: 100
            Layout.preferredHeight: strip.compact ? Theme.minTouch : Theme.touch - 8
            text: qsTr("Dismiss")
            filled: false
            tint: Theme.text
            onClicked: Badges.dismiss()
        }
    }
}
