// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// One check-in in an attendee's history: when, entry/exit/undo, at which door, how it counted, and
// the note of an override.
Item {
    id: row
    required property string time
    required property string action
    required property int kind // an AttendeeDetailModel.Kind
    required property string device
    required property int status // an AttendeeDetailModel.Status
    required property bool undone
    required property bool forced
    required property string note
    required property string answer // to the list's question
    readonly property string answerWords: answer === "yes" ? qsTr("yes") : answer === "no" ? qsTr("no") : answer

    readonly property string statusWords: status === AttendeeDetailModel.Duplicate ? qsTr("duplicate")
                                        : status === AttendeeDetailModel.Conflict ? qsTr("conflict")
                                        : status === AttendeeDetailModel.Rejected ? qsTr("rejected")
                                        : ""
    readonly property string flags: joined([statusWords, forced ? qsTr("override") : "", undone ? qsTr("undone") : ""])

    function joined(parts: var): string {
        return parts.filter(part => part.length > 0).join(", ")
    }

    implicitHeight: column.implicitHeight + 12
    Accessible.role: Accessible.ListItem
    Accessible.name: joined([time, action, device, flags, note, answerWords])

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: 10
            Text {
                text: row.time
                font.pixelSize: Theme.small
                font.bold: true
                color: Theme.text
            }
            Text {
                text: (row.kind === AttendeeDetailModel.Entry ? "\u2192 " : row.kind === AttendeeDetailModel.Exit ? "\u2190 " : "\u21B6 ") + row.action
                font.pixelSize: Theme.small
                font.strikeout: row.undone
                color: Theme.text
            }
            Text {
                Layout.fillWidth: true
                text: row.device
                font.pixelSize: Theme.small
                color: Theme.mutedText
                elide: Text.ElideRight
            }
            Text {
                visible: row.flags.length > 0
                text: row.flags
                font.pixelSize: Theme.small
                font.bold: true
                color: row.status === AttendeeDetailModel.Conflict || row.status === AttendeeDetailModel.Rejected ? Theme.stop : Theme.mutedText
            }
        }
        Text {
            Layout.fillWidth: true
            visible: row.answer.length > 0
            //: the answer recorded with a check-in to its list's question
            text: qsTr("Answer: %1").arg(row.answerWords)
            font.pixelSize: Theme.small
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        Text {
            Layout.fillWidth: true
            visible: row.note.length > 0
            text: qsTr("Note: %1").arg(row.note)
            font.pixelSize: Theme.small
            font.italic: true
            color: Theme.mutedText
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Theme.line
    }
}
