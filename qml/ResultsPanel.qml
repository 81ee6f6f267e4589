// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic

// The search's answer on home: the people found (a tap selects one), how many there are when not
// all fit, and what to do when nobody is found: a hint, or registering what was typed as a walk-in.
Rectangle {
    id: panel
    objectName: "resultsPanel"
    property string typed: ""        // what is in the search field
    property bool hintHidden: false  // the camera's viewfinder shows instead of the empty hint
    property string selectedId: ""
    property bool compact: false     // little height (the on-screen keyboard is up): smaller rows
    property bool selfService: false
    property bool looksLikeCode: false
    readonly property int count: results.count
    // Compact: four rows and the count line fit above the keyboard of a 1024 x 600 tablet.
    readonly property real rowHeight: compact ? Math.max(Theme.minTouch + 8, Theme.scaled(56)) : Math.max(84, Theme.scaled(84))
    signal picked(int row)
    signal walkInRequested()

    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line

    ListView {
        id: results
        objectName: "resultsList"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: footer.visible ? footer.top : parent.bottom
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
            height: panel.rowHeight
            compact: panel.compact
            selected: attendeeId === panel.selectedId
            onClicked: panel.picked(index)
        }
    }

    // More matched than are shown, or more than fit: say so, so nobody misses the one below.
    Text {
        id: footer
        objectName: "moreResults"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        // (Measured against the panel, not the list, which the line itself makes shorter.)
        // And only with room for it and a row (a small screen gives a selected person's card first).
        visible: results.count > 0 && (SearchModel.truncated || results.count * panel.rowHeight > panel.height - 4)
                 && panel.height >= implicitHeight + panel.rowHeight
        leftPadding: 14
        rightPadding: 14
        topPadding: panel.compact ? 4 : 12
        bottomPadding: panel.compact ? 4 : 12
        text: SearchModel.truncated
              ? (panel.selfService ? qsTr("More people match. Type more of your name.")
                                   : qsTr("Only the first %L1 are shown. Type more to narrow it down.").arg(results.count))
              : qsTr("%Ln found: scroll for more.", "", results.count)
        font.pixelSize: Theme.small
        font.bold: panel.selfService
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }

    // Nothing to show: what to do, in words; and, with a name typed that nobody has, a walk-in.
    // (The words give way first when the panel is short: the keyboard and the refusal bar are up.)
    Column {
        id: empty
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, 760)
        spacing: panel.compact ? 8 : Theme.margin
        visible: results.count === 0 && !panel.hintHidden

        Text {
            objectName: "resultsHint"
            width: parent.width
            visible: text.length > 0 && implicitHeight + (offer.visible ? offer.height + empty.spacing : 0) <= panel.height - 8
            text: panel.typed.trim().length === 0
                  ? (panel.selfService
                     ? qsTr("Hold your ticket's code under the scanner, or type at least %n letters of your name.", "", SearchModel.minimumLetters)
                     : qsTr("Hold the ticket's code under the scanner, or type the first letters of a first or last name."))
                  : SearchModel.tooShort
                  ? qsTr("Type at least %n letters of your name.", "", SearchModel.minimumLetters)
                  : SearchModel.searching ? ""
                  : SearchModel.error.length > 0 ? SearchModel.error
                  : panel.selfService
                  ? qsTr("Nobody found for \u201C%1\u201D.\nTry your last name, or ask at the registration desk.").arg(panel.typed.trim())
                  : qsTr("Nobody found for \u201C%1\u201D.\nTry the last name, or fewer letters.").arg(panel.typed.trim())
            font.pixelSize: panel.compact ? Theme.body : Theme.large
            color: Theme.mutedText
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            lineHeight: 1.2
        }

        // Nobody of that name on the list: register them here, with what was typed.
        BigButton {
            id: offer
            objectName: "nobodyFoundWalkIn"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(implicitWidth, parent.width)
            visible: !panel.selfService && panel.typed.trim().length > 0 && !SearchModel.searching
                     && SearchModel.error.length === 0 && !SearchModel.tooShort && !panel.looksLikeCode
            text: qsTr("Register as a walk-in\u2026")
            filled: false
            Accessible.name: qsTr("Register \u201C%1\u201D as a walk-in").arg(panel.typed.trim())
            onClicked: panel.walkInRequested()
        }
    }
}
