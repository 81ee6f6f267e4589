// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T

// "Check in all 4 of this order": the people of one order, each ticked unless already inside or
// cancelled; one tap checks in the ticked ones, each with their own verdict shown in their row.
// When the door's list asks a question, each person's answer is ticked in their row too.
Popup {
    id: dialog
    objectName: "groupDialog"
    property var people: []
    property var ticked: ({}) // attendee id -> true
    property var yes: ({})    // attendee id -> true: answered the list's question with yes
    property string question: ""
    property bool sent: false
    // Where the on-screen keyboard is (bottom left, this wide and high): the shade leaves it bright.
    property real keyboardWidth: 0
    property real keyboardHeight: 0
    readonly property int count: people.filter(p => ticked[p.attendeeId] === true).length

    function ask() {
        people = DoorController.group
        question = DoorController.listQuestion
        const t = {}
        for (const p of people)
            t[p.attendeeId] = !p.inside && !p.cancelled
        ticked = t
        yes = {}
        sent = false
        DoorController.clearGroupResults()
        open()
    }
    function toggle(map: var, id: string): var {
        const copy = Object.assign({}, map)
        copy[id] = !(copy[id] === true)
        return copy
    }
    function send() {
        const ids = people.filter(p => ticked[p.attendeeId] === true).map(p => p.attendeeId)
        if (ids.length === 0)
            return
        sent = true
        DoorController.checkInGroup(ids, ids.filter(id => yes[id] === true))
    }
    function statusOf(person: var): string {
        const result = DoorController.groupResults[person.attendeeId]
        if (result)
            return result.title
        if (person.cancelled)
            return qsTr("Ticket cancelled")
        if (person.inside)
            return qsTr("Already checked in")
        if (person.paymentPending)
            return qsTr("Not paid yet")
        return ""
    }

    readonly property real edge: parent && parent.height < 500 ? 8 : Theme.margin
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * edge : 640, 720)
    contentHeight: heading.implicitHeight + 12 + rows.implicitHeight + 12 + footer.implicitHeight
    height: Math.min(implicitHeight, parent ? parent.height - 2 * edge : implicitHeight)
    modal: true
    focus: true
    T.Overlay.modal: DialogShade {
        keyboardWidth: dialog.keyboardWidth
        keyboardHeight: dialog.keyboardHeight
    }
    closePolicy: Popup.CloseOnEscape
    padding: parent && parent.height < 500 ? 12 : Theme.margin
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: 4
    }

    Text {
        id: heading
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        text: qsTr("Check in together: %n ticket(s) of one order", "", dialog.people.length)
        font.pixelSize: Theme.large
        font.bold: true
        color: Theme.text
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
    }

    // The people scroll when the dialog is short; the heading and the buttons stay.
    Flickable {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.topMargin: 12
        anchors.bottom: footer.top
        anchors.bottomMargin: 12
        contentHeight: rows.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 12 }

        // A Column: the rows come and go with each order (see VerdictScreen.qml).
        Column {
            id: rows
            width: parent.width
            spacing: 8
            Repeater {
                model: dialog.people
                delegate: Rectangle {
                    id: row
                    required property var modelData
                    required property int index
                    readonly property string status: dialog.statusOf(modelData)
                    readonly property var result: DoorController.groupResults[modelData.attendeeId]
                    objectName: "groupRow" + index
                    width: rows.width
                    implicitHeight: rowColumn.implicitHeight + 12
                    radius: 8
                    readonly property color toneColor: result ? Theme.toneColor(result.tone) : Theme.surface
                    color: result ? Qt.tint(Theme.surface, Qt.rgba(toneColor.r, toneColor.g, toneColor.b, 0.25)) : Theme.surface
                    border.width: 1
                    border.color: Theme.line
                    ColumnLayout {
                        id: rowColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.margins: 6
                        spacing: 0
                        CheckBox {
                            id: tick
                            objectName: "groupTick" + row.index
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touch
                            enabled: !dialog.sent && !row.modelData.cancelled
                            checked: dialog.ticked[row.modelData.attendeeId] === true
                            focusPolicy: Qt.NoFocus
                            font.pixelSize: Theme.body
                            text: (row.modelData.attention ? "\u26A0 " : "") + row.modelData.name
                                  + (row.modelData.ticketType.length > 0 ? "  \u00B7  " + row.modelData.ticketType : "")
                            onClicked: dialog.ticked = dialog.toggle(dialog.ticked, row.modelData.attendeeId)
                            // The name stays readable once the group is checked in (disabled).
                            contentItem: Text {
                                leftPadding: tick.indicator.width + tick.spacing
                                text: tick.text
                                font: tick.font
                                color: Theme.text
                                verticalAlignment: Text.AlignVCenter
                                wrapMode: Text.Wrap
                            }
                        }
                        CheckBox {
                            objectName: "groupAnswer" + row.index
                            Layout.fillWidth: true
                            Layout.leftMargin: 40
                            Layout.minimumHeight: Theme.touch
                            visible: dialog.question.length > 0
                            enabled: !dialog.sent && dialog.ticked[row.modelData.attendeeId] === true
                            checked: dialog.yes[row.modelData.attendeeId] === true
                            focusPolicy: Qt.NoFocus
                            font.pixelSize: Theme.body
                            //: a person's answer to the list's question in a group check-in: ticked is yes
                            text: qsTr("%1 Yes").arg(dialog.question)
                            onClicked: dialog.yes = dialog.toggle(dialog.yes, row.modelData.attendeeId)
                        }
                        Text {
                            objectName: "groupStatus" + row.index
                            Layout.fillWidth: true
                            Layout.leftMargin: 40
                            visible: row.status.length > 0
                            text: row.status
                            font.pixelSize: Theme.body
                            font.bold: row.result !== undefined
                            color: Theme.text
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
        }
    }

    // Side by side; a label too long for its half takes a second line.
    RowLayout {
        id: footer
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        spacing: 12
        BigButton {
            objectName: "groupClose"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            text: dialog.sent ? qsTr("Done") : qsTr("Cancel")
            filled: dialog.sent
            enabled: !DoorController.groupBusy
            onClicked: dialog.close()
        }
        BigButton {
            objectName: "groupConfirm"
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            visible: !dialog.sent
            text: qsTr("Check in %n", "", dialog.count)
            tint: Theme.go
            enabled: dialog.count > 0 && !DoorController.groupBusy
            onClicked: dialog.send()
        }
    }
}
