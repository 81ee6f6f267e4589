// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's card of the other doors: whether this door talks to them (and where it
// listens), how many of its check-ins at least one other door holds, and each door heard: connected
// or when it was last heard, how much of this door's it holds, or why it was refused.
AdminCard {
    objectName: "peersCard"
    title: qsTr("Other doors")

    DetailValue {
        objectName: "peersSummary"
        text: !StatusModel.peersOn ? qsTr("Off: this door does not talk to the other doors.")
              : StatusModel.peersProblem.length > 0 ? StatusModel.peersProblem
              : StatusModel.ownCheckIns === 0 ? qsTr("No check-ins at this door yet.")
              : qsTr("%L1 of this door's %Ln check-in(s) are held by at least one other door.", "", StatusModel.ownCheckIns)
                    .arg(StatusModel.replicated)
        font.bold: StatusModel.peersOn && StatusModel.ownCheckIns > StatusModel.replicated
    }
    DetailValue {
        visible: StatusModel.peersOn && StatusModel.peers.length === 0 && StatusModel.peersProblem.length === 0
        text: qsTr("No other door heard yet. Doors of the same event find each other on the same "
                   + "network (this one listens on port %1).").arg(StatusModel.peerPort)
        color: Theme.mutedText
    }
    Column {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: StatusModel.peers
            delegate: Column {
                id: peer
                required property var modelData
                width: parent ? parent.width : 0
                spacing: 2
                Text {
                    width: parent.width
                    text: (peer.modelData.connected ? "\u25CF " : "\u25CB ") + peer.modelData.name
                          + "  \u00B7  " + peer.modelData.address
                    font.pixelSize: Theme.body
                    font.bold: true
                    color: peer.modelData.problem.length > 0 ? Theme.stop : Theme.text
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    text: peer.modelData.problem.length > 0
                          ? qsTr("Refused: %1").arg(peer.modelData.problem)
                          : (peer.modelData.connected ? qsTr("Connected") : qsTr("Last heard %1").arg(peer.modelData.heard))
                            + "  \u00B7  " + qsTr("holds %Ln of this door's check-ins", "", peer.modelData.holds)
                    font.pixelSize: Theme.small
                    color: peer.modelData.problem.length > 0 ? Theme.stop : Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
