// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Always on top: online / offline (and why) / syncing, what is waiting to be delivered, the last
// sync that went through, and how many people are checked in.
Rectangle {
    id: bar
    objectName: "statusBar"
    color: Theme.bar

    readonly property bool online: StatusModel.connection === StatusModel.Online
    readonly property bool syncing: StatusModel.connection === StatusModel.Syncing
    // A kiosk that was never enrolled works on its own list (imported from a file): nothing is
    // wrong, so it is not shown as a fault.
    readonly property bool standalone: StatusModel.standalone
    readonly property string serverText: online ? qsTr("Online")
                                         : syncing ? qsTr("Syncing\u2026")
                                         : standalone ? qsTr("This kiosk only (no server)")
                                         : StatusModel.reason.length > 0
                                           ? qsTr("Offline: %1").arg(StatusModel.reason)
                                           : qsTr("Offline")
    // The other doors this one talks to now, after the server's state ("Offline: … · 2 other doors"),
    // and of what waits, how much another door holds too: said when the bar has one row to say it
    // in (the admin area's card of the other doors says it always).
    readonly property string doorsText: StatusModel.peersConnected > 0
                                        ? serverText + " \u00B7 " + qsTr("%n other door(s)", "", StatusModel.peersConnected)
                                        : serverText
    readonly property string plainWaitingText: StatusModel.undelivered === 0 ? qsTr("All delivered")
                                               : qsTr("%L1 waiting to sync").arg(StatusModel.undelivered)
    readonly property string sharedWaitingText: StatusModel.undelivered > 0 && StatusModel.waitingAlsoElsewhere > 0
                                                ? qsTr("%L1 waiting to sync, %L2 also at another door")
                                                      .arg(StatusModel.undelivered).arg(StatusModel.waitingAlsoElsewhere)
                                                : plainWaitingText
    readonly property bool roomy: !narrow && !compact
    readonly property string connectionText: roomy ? doorsText : serverText

    Accessible.role: Accessible.StatusBar
    Accessible.name: doorsText + ", " + sharedWaitingText + ", " + lastSync.text + ", " + counts.text

    // Below 1100 px (a tablet in portrait) the bar takes two rows: connection and counts, then what
    // waits, the last sync and the device; one row would push the counts off the screen.
    // Compact (the on-screen keyboard takes the room): one low row of the connection, what waits and
    // the counts.
    property bool compact: false
    // Two rows when one does not hold its words (German, larger text) with room for the last sync
    // ("Last sync: 12 min ago", about 10 characters' widths): a fixed room, so that the bar does not
    // change its height as the minutes go by.
    // (Measured with the longer texts the one row shows, so that showing them never makes two rows.)
    readonly property real oneRow: 2 * Theme.margin + 4 * 28 + 28 + longConnection.advanceWidth + longWaiting.advanceWidth
                                   + 10 * Theme.body + counts.implicitWidth + Math.min(device.implicitWidth, device.Layout.maximumWidth)
    readonly property bool narrow: (width < 1100 || width < oneRow) && !compact
    implicitHeight: compact ? 48 : narrow ? 100 : 64

    TextMetrics {
        id: longConnection
        font.pixelSize: Theme.body
        font.bold: true
        text: bar.doorsText
    }
    TextMetrics {
        id: longWaiting
        font.pixelSize: Theme.body
        text: bar.sharedWaitingText
    }

    GridLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.margin
        anchors.rightMargin: Theme.margin
        anchors.topMargin: bar.narrow ? 8 : 0
        anchors.bottomMargin: bar.narrow ? 8 : 0
        columns: bar.narrow ? 3 : 5
        columnSpacing: 28
        rowSpacing: 4

        RowLayout {
            spacing: 10
            Layout.alignment: Qt.AlignVCenter
            Layout.row: 0
            Layout.column: 0
            Layout.columnSpan: bar.narrow ? 2 : 1
            Layout.fillWidth: bar.narrow || bar.compact
            Layout.minimumWidth: 0
            Layout.maximumWidth: implicitWidth
            Rectangle {
                Layout.alignment: Qt.AlignVCenter
                implicitWidth: 18
                implicitHeight: 18
                radius: 9
                color: bar.online || bar.syncing ? Theme.online : bar.standalone ? Theme.barText : Theme.offline
            }
            Text {
                id: connection
                Layout.fillWidth: true
                Layout.minimumWidth: 0
                text: bar.connectionText
                font.pixelSize: bar.compact ? Theme.small : Theme.body
                font.bold: true
                color: bar.online || bar.syncing || bar.standalone ? Theme.barText : Theme.offline
                elide: Text.ElideRight // the whole reason is in the admin area's sync card
            }
        }
        Text {
            id: waiting
            // Compact and narrow: the connection and the counts only (the admin area has the rest).
            visible: !bar.compact || bar.width >= 1000
            Layout.row: bar.narrow ? 1 : 0
            Layout.column: bar.narrow ? 0 : 1
            // Waiting, and of that what another door holds too (safe should this tablet break).
            text: bar.roomy ? bar.sharedWaitingText : bar.plainWaitingText
            font.pixelSize: bar.compact ? Theme.small : Theme.body
            color: Theme.barText
        }
        Text {
            id: lastSync
            Layout.row: bar.narrow ? 1 : 0
            Layout.column: bar.narrow ? 1 : 2
            Layout.fillWidth: true // gives way first when the bar is crowded
            Layout.minimumWidth: 0
            opacity: bar.compact ? 0 : 1
            text: qsTr("Last sync: %1").arg(StatusModel.lastSync)
            font.pixelSize: Theme.body
            color: "#C9CED6"
            elide: Text.ElideRight
        }
        Text {
            id: counts
            Layout.row: 0
            Layout.column: bar.narrow ? 2 : 3
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            text: qsTr("Checked in %L1 / %L2").arg(StatusModel.checkedIn).arg(StatusModel.total)
            font.pixelSize: bar.compact ? Theme.small : Theme.body
            font.bold: true
            color: Theme.barText
        }
        // The door, and the check-in list it admits to when the event has several ("Friday door").
        Text {
            id: device
            objectName: "statusDevice"
            Layout.row: bar.narrow ? 1 : 0
            Layout.column: bar.narrow ? 2 : 4
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            text: StatusModel.listName.length > 0
                  ? (StatusModel.deviceName.length > 0 ? qsTr("%1 \u00B7 %2").arg(StatusModel.listName).arg(StatusModel.deviceName)
                                                       : StatusModel.listName)
                  : StatusModel.deviceName
            visible: text.length > 0 && !bar.compact
            font.bold: StatusModel.listName.length > 0
            Layout.maximumWidth: StatusModel.listName.length > 0 ? 300 : 180
            elide: Text.ElideRight
            font.pixelSize: Theme.small
            color: "#C9CED6"
        }
    }
}
