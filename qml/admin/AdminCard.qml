// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// A card of the admin area: a title, then what the card holds, in a column. It is as tall as what
// it holds: a card never cuts off its own buttons.
Rectangle {
    id: card
    property string title
    default property alias content: body.data
    implicitHeight: body.implicitHeight + 2 * Theme.margin
    Layout.minimumHeight: implicitHeight // a card never cuts off its own buttons
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.line
    ColumnLayout {
        id: body
        anchors.fill: parent
        anchors.margins: Theme.margin
        spacing: 14
        Text {
            Layout.fillWidth: true
            text: card.title
            font.pixelSize: Theme.large
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap // a long title in larger text stays in its column
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
    }
}
