// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Home: scan a ticket, or type a few letters of a name, tap the person, tap "Check in" (or press
// Enter). Self-service (attendees at the screen): no browsing. Three letters at least, a few short
// names ("Anna M." and the ticket type), "Yes, check me in"; no history, overrides or undo.
//
// Wide screens (landscape tablets, laptops) have two columns: the search and its results on the
// left, the person and the toolbar on the right, down to the bottom. The on-screen keyboard then
// takes only the left column's width, below the results, so that "Check in" stays beside it.
// Narrow screens (portrait) have one column above a keyboard of the full width.
Rectangle {
    id: home
    objectName: "homeScreen"
    color: Theme.background

    property string selectedId: ""
    property var selected: ({})
    signal adminRequested()
    signal keyboardToggled()

    // The on-screen keyboard while it is up (0 x 0 while it is down): at the bottom, from the left.
    property real keyboardWidth: 0
    property real keyboardHeight: 0
    // The on-screen keyboard is in use on this kiosk: the toolbar offers to hide and show it.
    property bool keyboardAvailable: false
    readonly property bool keyboardUp: keyboardHeight > 0
    property bool showDemoPanel: DemoSetup.active && DemoSetup.ready

    readonly property bool twoColumns: width >= 1000 && width > height
    readonly property real sideWidth: twoColumns ? Math.round(Math.max(380, Math.min(560, width * 0.4)))
                                                 : width - 2 * margin
    // How wide the on-screen keyboard may be: the left column's width (and never wider than a
    // comfortable reach), or the whole width in one column.
    readonly property real keyboardSpan: twoColumns ? Math.min(width - sideWidth - Math.round(1.5 * Theme.margin), 1100)
                                                    : width
    // Little height to spare: no heading, smaller rows, tighter margins.
    readonly property bool compact: keyboardUp || height < 640
    readonly property real margin: compact ? 12 : Theme.margin
    readonly property bool selfService: Preferences.selfService
    // A dialog is up (a walk-in, an override): a scan now would land in its fields.
    readonly property bool dialogOpen: walkIn.opened || admitAnyway.opened || group.opened
    // Somebody has started here: the self-service screen goes back to the start when they walk off.
    readonly property bool inUse: search.text.length > 0 || selectedId.length > 0
    // Where the content ends: above the keyboard in one column; the left column also in two.
    readonly property real bottomEdge: height - (keyboardUp ? keyboardHeight + 12 : margin)
    readonly property real sideBottomEdge: twoColumns ? height - margin : bottomEdge

    // Empty search, nobody selected, the field ready for the next name.
    function reset() {
        search.text = ""
        clearSelection()
        search.forceActiveFocus()
    }
    function focusSearch() {
        search.forceActiveFocus()
    }
    function clearSelection() {
        selectedId = ""
        selected = ({})
        AttendeeDetailModel.attendeeId = ""
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
    // Enter in the search field: a code is scanned; with somebody selected, what "Check in" does;
    // with exactly one person found, that person is selected.
    function enter() {
        switch (ScanRouter.enterAction(search.text, selectedId.length > 0, SearchModel.count)) {
        case ScanRouter.Scan:
            ScanRouter.route(search.text) // home starts over (Main.qml), then the door checks it
            break
        case ScanRouter.CheckIn:
            if (selfService)
                selfCard.checkIn()
            else
                card.checkIn()
            break
        case ScanRouter.Select:
            selectRow(0)
            break
        }
    }
    // The people of the last verdict's order, asked for from the verdict screen.
    function checkInGroup() {
        group.ask()
    }
    // The override for the last refusal, asked for from the verdict screen.
    function admitLastRefusalAnyway() {
        admitAnyway.ask(DoorController.attendeeId, DoorController.name, DoorController.detail)
    }

    // Heading, search field and the last refusal: the top of the left (or only) column.
    ColumnLayout {
        id: top
        x: home.margin
        y: home.margin
        width: (home.twoColumns ? home.width - home.sideWidth - home.margin : home.width) - 2 * home.margin
        spacing: home.compact ? 8 : 16

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
                Layout.minimumWidth: 0
                Layout.preferredHeight: Math.max(home.compact ? Theme.touch : 80, implicitHeight)
                focus: true
                font.pixelSize: Theme.scaled(home.compact ? 28 : 34)
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
                    home.clearSelection()
                    if (text.length > 0)
                        DoorController.dismissRefusal() // on to the next person
                    SearchModel.query = text
                }
                onAccepted: home.enter()
            }

            BigButton {
                objectName: "clearButton"
                Layout.preferredHeight: search.Layout.preferredHeight
                narrowest: Theme.touch
                text: home.width < 700 ? "\u2715" : qsTr("Clear")
                filled: false
                visible: search.text.length > 0
                Accessible.name: qsTr("Clear the search")
                onClicked: home.reset()
            }
        }

        RefusalBar {
            Layout.fillWidth: true
            visible: DoorController.canAdmitAnyway && !DoorController.busy
            onAdmitAnywayRequested: home.admitLastRefusalAnyway()
        }
    }

    // The camera reads tickets (chosen in the admin area): its picture where the results go, while
    // nobody is being searched for.
    readonly property bool cameraShown: CameraScanner.wanted && search.text.length === 0 && selectedId.length === 0

    ResultsPanel {
        id: results
        x: home.margin
        y: top.y + top.height + (home.compact ? 8 : 16)
        width: top.width
        height: Math.max(0, (home.twoColumns ? home.bottomEdge : person.visible ? person.y - 12 : toolbar.y - 12) - y)
        typed: search.text
        selectedId: home.selectedId
        compact: home.compact
        selfService: home.selfService
        looksLikeCode: ScanRouter.looksLikeCode(search.text)
        hintHidden: home.cameraShown
        onPicked: (row) => home.selectRow(row)
        onWalkInRequested: walkIn.ask(search.text)
    }

    Viewfinder {
        x: results.x
        y: results.y
        width: results.width
        height: results.height
        visible: home.cameraShown && height >= 120
        compact: home.compact
    }

    // The person: the card (volunteers) or "Is this you?" (self-service); or, in two columns with
    // results and nobody tapped, what to do next.
    Item {
        id: person
        readonly property bool chosen: home.selectedId.length > 0
        // One column: what the card needs at least (the name, a line, its buttons; the rest of its
        // words scroll), and what it would like.
        readonly property real least: Math.round(Theme.title * 1.4 + Theme.body * 1.4 + 64
                                                 + (home.selfService ? (home.compact ? 72 : 110) + 76 : (home.compact ? 72 : 96)))
        readonly property real wanted: Math.max(least, Math.round(home.height * 0.38))
        // The results keep four rows when the card's least leaves room for them, else one.
        readonly property real room: toolbar.y - 12 - results.y - 12
        readonly property int resultRows: room - 4 * results.rowHeight >= least ? 4 : 1
        x: home.twoColumns ? home.width - home.sideWidth - home.margin : home.margin
        width: home.sideWidth
        visible: chosen || home.twoColumns
        // Two columns: from the top to the toolbar. One column: above the toolbar, as tall as the
        // card wants, leaving the results room for four rows.
        y: home.twoColumns ? home.margin
                           : toolbar.y - 12 - height
        height: home.twoColumns ? Math.max(0, toolbar.y - 12 - y)
                                : Math.max(0, Math.min(wanted, room - resultRows * results.rowHeight - 40), // and the count line
                                           Math.min(least, room)) // the card's buttons before the results

        AttendeeCard {
            id: card
            anchors.fill: parent
            visible: person.chosen && !home.selfService
            compact: home.compact
            person: home.selected
            onAdmitAnywayRequested: (why) => admitAnyway.ask(home.selectedId, home.selected.name ?? "", why)
        }
        SelfServiceCard {
            id: selfCard
            anchors.fill: parent
            visible: person.chosen && home.selfService
            compact: home.compact
            person: home.selected
            onNotMe: home.clearSelection()
        }
        Rectangle {
            anchors.fill: parent
            visible: !person.chosen
            radius: Theme.radius
            color: "transparent"
            border.color: Theme.line
            border.width: 2
            Text {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.margin
                text: home.selfService ? qsTr("Tap your name")
                                       : qsTr("Tap a name,\nthen \u201CCheck in\u201D")
                font.pixelSize: home.compact ? Theme.body : Theme.large
                color: Theme.mutedText
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
        }
    }

    HomeToolbar {
        id: toolbar
        x: home.twoColumns ? person.x : home.margin
        width: home.twoColumns ? home.sideWidth : home.width - 2 * home.margin
        y: home.sideBottomEdge - height
        selfService: home.selfService
        keyboardAvailable: home.keyboardAvailable
        keyboardUp: home.keyboardUp
        showDemo: home.showDemoPanel
        compact: home.compact
        onWalkInRequested: walkIn.ask(results.count === 0 ? search.text : "")
        onKeyboardToggled: home.keyboardToggled()
        onAdminRequested: home.adminRequested()
    }

    // Dialogs sit above the on-screen keyboard, whichever column it is under.
    Item {
        id: dialogArea
        width: home.width
        height: home.height - (home.keyboardUp ? home.keyboardHeight : 0)
    }

    AdmitAnywayDialog {
        id: admitAnyway
        parent: dialogArea
        keyboardWidth: home.keyboardWidth
        keyboardHeight: home.keyboardHeight
    }

    GroupDialog {
        id: group
        parent: dialogArea
        keyboardWidth: home.keyboardWidth
        keyboardHeight: home.keyboardHeight
    }

    WalkInDialog {
        id: walkIn
        parent: dialogArea
        keyboardWidth: home.keyboardWidth
        keyboardHeight: home.keyboardHeight
    }
}
