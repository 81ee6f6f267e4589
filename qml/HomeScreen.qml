pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Home: scan a ticket, or type a few letters of a name, tap the person, tap "Check in".
Rectangle {
    id: home
    objectName: "homeScreen"
    color: Theme.background

    property string selectedId: ""
    signal adminRequested()
    property var selected: ({})
    // Portrait tablets (800 px wide) and narrow windows: one column.
    readonly property bool narrow: width < 1000

    // Empty search, nobody selected, the field ready for the next name.
    function reset() {
        search.text = ""
        selectedId = ""
        selected = ({})
        AttendeeDetailModel.attendeeId = ""
        search.forceActiveFocus()
    }
    function selectRow(row: int) {
        select(SearchModel.get(row))
    }
    function select(person: var) {
        selectedId = person.attendeeId
        selected = person
        AttendeeDetailModel.attendeeId = person.attendeeId
    }
    function looksLikeCode(text: string): bool {
        return /\d/.test(text) && !/\s/.test(text.trim())
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 16

        Text {
            Layout.fillWidth: true
            text: qsTr("Scan your ticket or type your name")
            font.pixelSize: Theme.title
            font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            TextField {
                id: search
                objectName: "searchField"
                Layout.fillWidth: true
                Layout.preferredHeight: 80
                focus: true
                font.pixelSize: 34
                leftPadding: 20
                placeholderText: qsTr("First or last name, e.g. \u201Cann m\u00FCl\u201D")
                placeholderTextColor: Theme.mutedText
                color: Theme.text
                inputMethodHints: Qt.ImhNoPredictiveText
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("Search by name or type a ticket code")
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: search.activeFocus ? 3 : 2
                    border.color: search.activeFocus ? Theme.accent : Theme.line
                }
                onTextChanged: {
                    home.selectedId = ""
                    home.selected = ({})
                    AttendeeDetailModel.attendeeId = ""
                    if (text.length > 0)
                        DoorController.dismissRefusal() // on to the next person
                    SearchModel.query = text
                }
                onAccepted: {
                    if (home.looksLikeCode(text)) {
                        const code = text
                        home.reset()
                        DoorController.scan(code)
                    } else if (SearchModel.count === 1) {
                        home.select(SearchModel.get(0))
                    }
                }
            }

            BigButton {
                Layout.preferredHeight: 80
                Layout.preferredWidth: 140
                text: qsTr("Clear")
                filled: false
                visible: search.text.length > 0
                onClicked: home.reset()
            }
        }

        // The last refusal of a known person, after its verdict: the volunteer may admit them anyway.
        Rectangle {
            objectName: "refusalBar"
            Layout.fillWidth: true
            Layout.preferredHeight: refusalRow.implicitHeight + 16
            visible: DoorController.canAdmitAnyway && !DoorController.busy
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.caution
            border.width: 3

            RowLayout {
                id: refusalRow
                anchors.fill: parent
                anchors.margins: 8
                anchors.leftMargin: 16
                spacing: 12
                Text {
                    Layout.fillWidth: true
                    text: qsTr("%1: %2").arg(DoorController.title).arg(DoorController.name)
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: Theme.text
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                BigButton {
                    text: qsTr("Admit anyway\u2026")
                    filled: false
                    tint: Theme.text
                    Accessible.name: qsTr("Admit %1 anyway, with a note").arg(DoorController.name)
                    onClicked: admitAnyway.ask(DoorController.attendeeId, DoorController.name, DoorController.detail)
                }
                BigButton {
                    implicitWidth: Theme.touch
                    text: "\u2715"
                    filled: false
                    tint: Theme.mutedText
                    Accessible.name: qsTr("Dismiss")
                    onClicked: DoorController.dismissRefusal()
                }
            }
        }

        // Landscape: the results and the card side by side. Portrait (narrow): the card below the
        // results, full width, once somebody is tapped.
        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: home.narrow ? 1 : 2
            rowSpacing: 16
            columnSpacing: Theme.margin

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 2 * 84 + 4
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.line

                ListView {
                    id: results
                    anchors.fill: parent
                    anchors.margins: 2
                    clip: true
                    model: SearchModel
                    currentIndex: -1
                    boundsBehavior: Flickable.StopAtBounds
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Search results")
                    ScrollBar.vertical: ScrollBar { width: 16 }
                    delegate: ResultRow {
                        width: ListView.view.width
                        selected: attendeeId === home.selectedId
                        onClicked: home.select(SearchModel.get(index))
                    }
                }

                Text {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.margin
                    visible: results.count === 0
                    text: search.text.trim().length === 0
                          ? qsTr("Hold the ticket's code under the scanner,\nor type the first letters of a first or last name.")
                          : SearchModel.searching ? ""
                          : SearchModel.error.length > 0 ? SearchModel.error
                          : qsTr("Nobody found for \u201C%1\u201D.\nTry the last name, or fewer letters.").arg(search.text.trim())
                    font.pixelSize: Theme.large
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    lineHeight: 1.2
                }

                // Nobody of that name on the list: register them here, with what was typed.
                BigButton {
                    objectName: "nobodyFoundWalkIn"
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: Theme.margin
                    visible: results.count === 0 && search.text.trim().length > 0 && !SearchModel.searching &&
                             SearchModel.error.length === 0 && !home.looksLikeCode(search.text)
                    text: qsTr("Register \u201C%1\u201D as a walk-in\u2026").arg(search.text.trim())
                    filled: false
                    onClicked: walkIn.ask(search.text)
                }
            }

            AttendeeCard {
                Layout.fillWidth: home.narrow
                Layout.fillHeight: !home.narrow
                Layout.preferredWidth: home.narrow ? -1 : 480
                Layout.preferredHeight: home.narrow ? Math.round(home.height * 0.42) : -1
                visible: home.selectedId.length > 0
                person: home.selected
                onAdmitAnywayRequested: (why) => admitAnyway.ask(home.selectedId, home.selected.name ?? "", why)
            }
            Rectangle {
                Layout.preferredWidth: 480
                Layout.fillHeight: true
                visible: !home.narrow && home.selectedId.length === 0 && results.count > 0
                radius: Theme.radius
                color: "transparent"
                border.color: Theme.line
                border.width: 2
                Text {
                    anchors.centerIn: parent
                    width: parent.width - 2 * Theme.margin
                    text: qsTr("Tap a name,\nthen \u201CCheck in\u201D")
                    font.pixelSize: Theme.large
                    color: Theme.mutedText
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            BigButton {
                text: qsTr("Undo last check-in")
                filled: false
                enabled: DoorController.canUndo && !DoorController.busy
                onClicked: DoorController.undoLast()
            }
            BigButton {
                objectName: "walkInButton"
                text: qsTr("Register walk-in\u2026")
                filled: false
                Accessible.name: qsTr("Register a walk-in: somebody who is not on the list")
                onClicked: walkIn.ask(search.text)
            }
            Item { Layout.fillWidth: true }
            DemoPanel {
                visible: DemoSetup.active && DemoSetup.ready
            }
            // For the event lead: small and quiet, out of the volunteers' way.
            Button {
                id: adminButton
                objectName: "adminButton"
                text: qsTr("Admin")
                implicitWidth: Math.max(Theme.minTouch * 2, implicitContentWidth + 32)
                implicitHeight: Theme.minTouch
                focusPolicy: Qt.NoFocus
                font.pixelSize: Theme.small
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Admin area")
                contentItem: Text {
                    text: adminButton.text
                    font: adminButton.font
                    color: Theme.mutedText
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle {
                    radius: Theme.radius
                    color: adminButton.down ? Theme.selected : "transparent"
                    border.color: Theme.line
                }
                onClicked: home.adminRequested()
            }
        }
    }

    AdmitAnywayDialog {
        id: admitAnyway
    }

    WalkInDialog {
        id: walkIn
    }
}
