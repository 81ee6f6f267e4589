// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's sync card: the connection and why, progress, the queue, the last sync and the
// last problem, the servers (which one is in use, which answered last), what was received, and
// "Sync now".
AdminCard {
    objectName: "syncCard"
    title: qsTr("Sync")

    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 20
        rowSpacing: 10

        DetailLabel { text: qsTr("Connection") }
        DetailValue {
            text: StatusModel.connection === StatusModel.Online ? qsTr("Online")
                  : StatusModel.connection === StatusModel.Syncing ? qsTr("Syncing\u2026")
                  : StatusModel.reason.length > 0 ? qsTr("Offline: %1").arg(StatusModel.reason)
                  : qsTr("Offline")
            font.bold: true
        }
        DetailLabel {
            text: qsTr("Why")
            visible: StatusModel.detail.length > 0
        }
        DetailValue {
            text: StatusModel.detail
            visible: text.length > 0
        }
        // Whether a sync runs is the connection's "Syncing…"; how far it is, here.
        DetailLabel {
            text: qsTr("Progress")
            visible: SyncDetail.progress.length > 0
        }
        DetailValue {
            objectName: "syncProgress"
            visible: text.length > 0
            text: SyncDetail.progress
        }
        DetailLabel { text: qsTr("Waiting to sync") }
        DetailValue {
            text: StatusModel.undelivered > 0 ? qsTr("%Ln check-in(s)", "", StatusModel.undelivered)
                                              : qsTr("None: all delivered")
        }
        DetailLabel { text: qsTr("Last sync") }
        DetailValue { text: StatusModel.lastSync }
        DetailLabel {
            text: qsTr("Last problem")
            visible: StatusModel.connection !== StatusModel.Offline && SyncDetail.lastProblem.length > 0
        }
        DetailValue {
            objectName: "lastProblem"
            visible: StatusModel.connection !== StatusModel.Offline && SyncDetail.lastProblem.length > 0
            text: SyncDetail.lastProblemAgo.length > 0
                  ? qsTr("%1 (%2)").arg(SyncDetail.lastProblem).arg(SyncDetail.lastProblemAgo)
                  : SyncDetail.lastProblem
        }
        DetailLabel { text: SyncDetail.servers.length > 1 ? qsTr("Servers") : qsTr("Server") }
        ColumnLayout {
            objectName: "syncServers"
            Layout.fillWidth: true
            spacing: 4
            DetailValue {
                visible: SyncDetail.servers.length === 0
                text: qsTr("None (not enrolled)")
            }
            Repeater {
                model: SyncDetail.servers
                delegate: ColumnLayout {
                    id: serverRow
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 0
                    DetailValue {
                        text: serverRow.modelData.url
                        font.bold: serverRow.modelData.inUse
                        wrapMode: Text.WrapAnywhere
                    }
                    AdminMessage {
                        Layout.fillWidth: true
                        visible: text.length > 0
                        font.pixelSize: Theme.small
                        text: serverRow.modelData.inUse && serverRow.modelData.answeredLast
                              ? qsTr("in use; answered last, %1").arg(SyncDetail.answeredAgo)
                              : serverRow.modelData.inUse ? qsTr("in use")
                              : serverRow.modelData.answeredLast ? qsTr("answered last, %1").arg(SyncDetail.answeredAgo)
                              : ""
                    }
                }
            }
        }
        DetailLabel { text: qsTr("Received") }
        DetailValue {
            objectName: "changesReceived"
            text: !SyncDetail.receivedEver ? qsTr("Nothing yet")
                  : SyncDetail.received > 0
                    ? qsTr("%Ln change(s) from the server since the app started", "",
                           SyncDetail.received)
                    : qsTr("No changes since the app started")
        }
        DetailLabel { text: qsTr("Failed attempts") }
        DetailValue { text: Number(StatusModel.failures).toLocaleString(Qt.locale(), "f", 0) }
        DetailLabel {
            text: qsTr("Next attempt")
            visible: StatusModel.nextAttempt.length > 0
        }
        DetailValue {
            text: StatusModel.nextAttempt
            visible: text.length > 0
        }
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 16
        BigButton {
            objectName: "syncNowButton"
            text: qsTr("Sync now")
            enabled: StatusModel.connection !== StatusModel.Syncing
            onClicked: AdminController.syncNow()
        }
        AdminMessage {
            Layout.fillWidth: true
            text: AdminController.syncMessage
        }
    }
    // Revoked, or the event long over: the data goes once nothing would be lost; what still waits.
    AdminMessage {
        objectName: "forgetMessage"
        Layout.fillWidth: true
        text: AdminController.forgetMessage
        visible: text.length > 0
    }
    Item { Layout.fillHeight: true } // the button stays with the details
}
