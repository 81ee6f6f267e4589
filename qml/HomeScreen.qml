pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Home: scan a ticket, or type a few letters of a name, tap the person, tap "Check in".
// Self-service (attendees at the screen): no browsing. Three letters at least, a few short names
// ("Anna M." and the ticket type), "Yes, check me in"; no history, overrides or undo.
Rectangle {
    id: home
    objectName: "homeScreen"
    color: Theme.background

    property string selectedId: ""
    signal adminRequested()
    property var selected: ({})
    // Portrait tablets (800 px wide) and narrow windows: one column.
    readonly property bool narrow: width < 1000
    readonly property bool selfService: Preferences.selfService
    // The on-screen keyboard is up: the heading makes room for results.
    property bool compact: false
    // A dialog is up (a walk-in, an override): a scan now would land in its fields.
    readonly property bool dialogOpen: walkIn.opened || admitAnyway.opened
    // Somebody has started here: the self-service screen goes back to the start when they walk off.
    readonly property bool inUse: search.text.length > 0 || selectedId.length > 0

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
        if (!home.selfService)
            AttendeeDetailModel.attendeeId = person.attendeeId
    }
    // The override for the last refusal, asked for from the verdict screen.
    function admitLastRefusalAnyway() {
        admitAnyway.ask(DoorController.attendeeId, DoorController.name, DoorController.detail)
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
            visible: !home.compact
            text: home.selfService ? qsTr("Welcome! Scan your ticket or type your name")
                                   : qsTr("Scan your ticket or type your name")
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
                Layout.preferredHeight: Math.max(80, implicitHeight)
                focus: true
                font.pixelSize: Theme.scaled(34)
                leftPadding: 20
                placeholderText: home.selfService ? qsTr("Your first or last name")
                                                  : qsTr("First or last name, e.g. \u201Cann m\u00FCl\u201D")
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
                Layout.minimumHeight: home.compact ? 84 + 4 : 2 * 84 + 4
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.line

                ListView {
                    id: results
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.bottom: moreResults.visible ? moreResults.top : parent.bottom
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

                // More matched than are shown: say so, instead of letting anyone scroll the list.
                Text {
                    id: moreResults
                    objectName: "moreResults"
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    visible: SearchModel.truncated && results.count > 0
                    padding: 14
                    text: home.selfService ? qsTr("More people match. Type more of your name.")
                                           : qsTr("Only the first %L1 are shown. Type more to narrow it down.").arg(results.count)
                    font.pixelSize: Theme.body
                    font.bold: home.selfService
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }

                Text {
                    anchors.centerIn: parent
                    // Not wider than a comfortable line: the words wrap alike in every language.
                    width: Math.min(parent.width - 2 * Theme.margin, 760)
                    visible: results.count === 0
                    text: search.text.trim().length === 0
                          ? (home.selfService
                             ? qsTr("Hold your ticket's code under the scanner, or type at least %n letters of your name.", "", SearchModel.minimumLetters)
                             : qsTr("Hold the ticket's code under the scanner, or type the first letters of a first or last name."))
                          : SearchModel.tooShort
                          ? qsTr("Type at least %n letters of your name.", "", SearchModel.minimumLetters)
                          : SearchModel.searching ? ""
                          : SearchModel.error.length > 0 ? SearchModel.error
                          : home.selfService
                          ? qsTr("Nobody found for \u201C%1\u201D.\nTry your last name, or ask at the registration desk.").arg(search.text.trim())
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
                    visible: !home.selfService && results.count === 0 && search.text.trim().length > 0
                             && !SearchModel.searching && SearchModel.error.length === 0
                             && !home.looksLikeCode(search.text)
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
                visible: home.selectedId.length > 0 && !home.selfService
                person: home.selected
                onAdmitAnywayRequested: (why) => admitAnyway.ask(home.selectedId, home.selected.name ?? "", why)
            }
            SelfServiceCard {
                Layout.fillWidth: home.narrow
                Layout.fillHeight: !home.narrow
                Layout.preferredWidth: home.narrow ? -1 : 480
                Layout.preferredHeight: home.narrow ? Math.round(home.height * 0.42) : -1
                visible: home.selectedId.length > 0 && home.selfService
                person: home.selected
                onNotMe: {
                    home.selectedId = ""
                    home.selected = ({})
                }
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
                    text: home.selfService ? qsTr("Tap your name")
                                           : qsTr("Tap a name,\nthen \u201CCheck in\u201D")
                    font.pixelSize: Theme.large
                    color: Theme.mutedText
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
            }
        }

        // Stays while the on-screen keyboard is up: it has no key to hide itself, and a tablet's
        // volunteer still needs Undo, Walk-in and Admin.
        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            BigButton {
                text: qsTr("Undo last check-in")
                visible: !home.selfService
                filled: false
                enabled: DoorController.canUndo && !DoorController.busy
                onClicked: DoorController.undoLast()
            }
            BigButton {
                objectName: "walkInButton"
                visible: !home.selfService
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
