// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The admin area's review for the event lead: every check-in that did not plainly count, or that a
// volunteer forced, newest first: who, what, when, at which door, for a duplicate the first entry,
// the reason and the rule that decided it. Chips with the counts filter by kind.
Rectangle {
    id: section
    objectName: "reviewSection"
    // The tallest the list grows before it scrolls on its own, so the cards below stay in reach.
    property real listMaxHeight: 520

    implicitHeight: body.implicitHeight + 2 * Theme.margin
    Layout.minimumHeight: implicitHeight
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line

    // The list is read only while someone can see it; a busy door does not pay for it otherwise.
    onVisibleChanged: ReviewModel.active = visible
    Component.onCompleted: ReviewModel.active = visible
    Component.onDestruction: ReviewModel.active = false

    function kindColor(kind: int): color {
        switch (kind) {
        case ReviewModel.Duplicate: return Theme.caution
        case ReviewModel.Conflict: return Theme.stop
        case ReviewModel.Forced: return Theme.info
        default: return Theme.mutedText
        }
    }
    function kindInk(kind: int): color {
        return kind === ReviewModel.Duplicate ? Theme.cautionInk : "#FFFFFF"
    }
    function joined(parts: var, separator: string): string {
        return parts.filter(part => part.length > 0).join(separator)
    }

    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 14

        Text {
            objectName: "reviewTitle"
            Layout.fillWidth: true
            text: ReviewModel.total > 0 ? qsTr("To review: %L1").arg(ReviewModel.total) : qsTr("To review")
            font.pixelSize: Theme.large
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Duplicates (the same ticket at two doors), conflicts (let in while the ticket was "
                       + "cancelled), rejected check-ins and volunteers' overrides, newest first.")
            font.pixelSize: Theme.small
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }

        Flow {
            objectName: "reviewFilters"
            Layout.fillWidth: true
            spacing: 10
            FilterChip {
                kind: ReviewModel.All
                label: qsTr("All")
                count: ReviewModel.total
            }
            FilterChip {
                kind: ReviewModel.Duplicate
                label: qsTr("Duplicates")
                count: ReviewModel.duplicates
            }
            FilterChip {
                kind: ReviewModel.Conflict
                label: qsTr("Conflicts")
                count: ReviewModel.conflicts
            }
            FilterChip {
                kind: ReviewModel.Forced
                label: qsTr("Admitted anyway")
                count: ReviewModel.forced
            }
            FilterChip {
                kind: ReviewModel.Rejected
                label: qsTr("Rejected")
                count: ReviewModel.rejected
            }
        }

        Text {
            objectName: "reviewError"
            Layout.fillWidth: true
            visible: ReviewModel.error.length > 0
            text: ReviewModel.error
            font.pixelSize: Theme.body
            font.bold: true
            color: Theme.stop
            wrapMode: Text.Wrap
        }
        Text {
            objectName: "reviewEmpty"
            Layout.fillWidth: true
            visible: ReviewModel.count === 0 && ReviewModel.error.length === 0
            text: ReviewModel.loading && ReviewModel.total === 0 ? qsTr("Reading the check-ins\u2026")
                  : ReviewModel.filter === ReviewModel.All ? qsTr("Nothing to review: no duplicates, conflicts, rejected check-ins or overrides so far.")
                  : ReviewModel.filter === ReviewModel.Duplicate ? qsTr("No duplicates so far.")
                  : ReviewModel.filter === ReviewModel.Conflict ? qsTr("No conflicts so far.")
                  : ReviewModel.filter === ReviewModel.Forced ? qsTr("Nobody was admitted anyway so far.")
                  : qsTr("No rejected check-ins so far.")
            font.pixelSize: Theme.body
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }

        ListView {
            id: list
            objectName: "reviewList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, section.listMaxHeight)
            visible: ReviewModel.count > 0
            model: ReviewModel
            clip: true
            interactive: contentHeight > height
            boundsBehavior: Flickable.StopAtBounds
            spacing: 10
            ScrollBar.vertical: ScrollBar {
                policy: list.interactive ? ScrollBar.AlwaysOn : ScrollBar.AlwaysOff
            }
            delegate: ReviewRow {
                width: ListView.view.width - (list.interactive ? 16 : 0)
            }
        }
        Text {
            Layout.fillWidth: true
            visible: ReviewModel.matching > ReviewModel.count && ReviewModel.count > 0
            text: qsTr("Showing the newest %L1 of %L2. The check-in log export has them all.")
                      .arg(ReviewModel.count).arg(ReviewModel.matching)
            font.pixelSize: Theme.small
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
    }

    // One kind to show, with how many there are; the chosen one is filled.
    component FilterChip: Button {
        id: chip
        property int kind // a ReviewModel.Kind
        property string label
        property int count
        readonly property bool chosen: ReviewModel.filter === kind
        implicitHeight: Theme.minTouch + 8
        implicitWidth: contentItem.implicitWidth + 36
        focusPolicy: Qt.NoFocus
        Accessible.role: Accessible.RadioButton
        Accessible.name: text
        Accessible.checked: chosen
        text: qsTr("%1 (%L2)").arg(label).arg(count)
        onClicked: ReviewModel.filter = kind
        contentItem: Text {
            text: chip.text
            font.pixelSize: Theme.small
            font.bold: true
            color: chip.chosen ? "#FFFFFF" : Theme.accent
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: height / 2
            color: chip.chosen ? Theme.accent : chip.down ? Theme.selected : Theme.surface
            border.width: 2
            border.color: Theme.accent
        }
    }

    // One check-in to review.
    component ReviewRow: Rectangle {
        id: row
        required property int kind // a ReviewModel.Kind
        required property string kindTitle
        required property string name
        required property string ticketType
        required property string action
        required property string time
        required property string device
        required property string first
        required property string reason
        required property string rule
        required property string note
        required property bool undone
        required property bool delivered

        implicitHeight: rowBody.implicitHeight + 24
        radius: Theme.radius
        color: Theme.background
        Accessible.role: Accessible.ListItem
        Accessible.name: section.joined([kindTitle, name, action, time, device, first, reason, note], ". ")

        Rectangle {
            id: stripe
            width: 8
            height: parent.height
            radius: 4
            color: section.kindColor(row.kind)
        }
        ColumnLayout {
            id: rowBody
            x: stripe.width + 16
            y: 12
            width: row.width - x - 16
            spacing: 4

            RowLayout {
                Layout.fillWidth: true
                spacing: 12
                Text {
                    Layout.fillWidth: true
                    text: row.ticketType.length > 0 ? qsTr("%1 \u00B7 %2").arg(row.name).arg(row.ticketType) : row.name
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                }
                Rectangle {
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: badge.implicitWidth + 20
                    implicitHeight: badge.implicitHeight + 8
                    radius: height / 2
                    color: section.kindColor(row.kind)
                    Text {
                        id: badge
                        anchors.centerIn: parent
                        text: row.kindTitle
                        font.pixelSize: Theme.small
                        font.bold: true
                        color: section.kindInk(row.kind)
                    }
                }
            }
            Text {
                Layout.fillWidth: true
                text: section.joined([qsTr("%1 at %2").arg(row.action).arg(row.time), row.device,
                                      row.undone ? qsTr("undone afterwards") : "",
                                      row.delivered ? "" : qsTr("not yet sent to the server")], " \u00B7 ")
                font.pixelSize: Theme.small
                font.bold: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                visible: row.first.length > 0
                text: row.first
                font.pixelSize: Theme.small
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                text: row.reason
                font.pixelSize: Theme.small
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                visible: row.note.length > 0
                text: qsTr("Note: \u201C%1\u201D").arg(row.note)
                font.pixelSize: Theme.small
                font.italic: true
                color: Theme.text
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Rule: %1").arg(row.rule)
                font.pixelSize: Theme.small
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
        }
    }
}
