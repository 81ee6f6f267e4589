// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// One person in the search results: name, company and ticket type, and whether they are inside.
ItemDelegate {
    id: row
    required property string name
    required property string company
    required property string ticketType
    required property string attendeeId
    required property bool inside
    required property bool cancelled
    required property int index
    property bool selected: false
    property bool compact: false // smaller type while the on-screen keyboard takes the room

    implicitHeight: Math.max(compact ? Theme.minTouch + 8 : 84, implicitContentHeight + topPadding + bottomPadding)
    topPadding: compact ? 2 : 8
    bottomPadding: compact ? 2 : 8
    // A tap selects; the search field keeps the keyboard (and Enter) for the person's check-in.
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.ListItem
    readonly property string details: company + (company.length > 0 && ticketType.length > 0 ? "  \u00B7  " : "")
                                      + ticketType
    Accessible.name: name + (details.length > 0 ? ", " + details : "")
                     + (inside ? ", " + qsTr("checked in") : "") + (cancelled ? ", " + qsTr("ticket cancelled") : "")

    background: Rectangle {
        color: row.selected ? Theme.selected : row.down ? "#EEF1F5" : Theme.surface
        Rectangle {
            width: 6
            height: parent.height
            color: Theme.accent
            visible: row.selected
        }
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.line
        }
    }

    contentItem: RowLayout {
        spacing: 16
        ColumnLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            spacing: 2
            Text {
                Layout.fillWidth: true
                text: row.name
                font.pixelSize: row.compact ? Theme.scaled(24) : Theme.large
                font.bold: true
                color: row.cancelled ? Theme.mutedText : Theme.text
                font.strikeout: row.cancelled
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                text: row.details
                visible: text.length > 0
                font.pixelSize: row.compact ? Theme.scaled(16) : Theme.small
                color: Theme.mutedText
                elide: Text.ElideRight
            }
        }
        Label {
            visible: row.inside || row.cancelled
            text: row.cancelled ? qsTr("\u2715 Cancelled") : qsTr("\u2713 Inside")
            font.pixelSize: Theme.small
            font.bold: true
            color: "#FFFFFF"
            topPadding: 8
            bottomPadding: 8
            leftPadding: 14
            rightPadding: 14
            background: Rectangle {
                radius: 8
                color: row.cancelled ? Theme.stop : Theme.go
            }
        }
    }
}
