// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's enrolment card: enrol (again) with a server and preload, with the result.
AdminCard {
    id: card
    objectName: "enrolCard"
    // The admin area is open: the result of an enrolment made here shows (not the setup screen's).
    property bool adminShown: false
    title: StatusModel.server.length > 0 ? qsTr("Enrol again") : qsTr("Enrol with a server")
    AdminMessage {
        Layout.fillWidth: true
        text: StatusModel.server.length > 0
              ? qsTr("Enrolled with %1. A new code from the event lead replaces this enrolment.")
                    .arg(StatusModel.server)
              : qsTr("Not enrolled: enter the server and a one-time code from the event lead.")
    }
    EnrolForm {
        objectName: "adminEnrolForm"
        Layout.fillWidth: true
    }
    SetupMessages {
        Layout.fillWidth: true
        showRows: false
        visible: card.adminShown
                 && (SetupController.error.length > 0 || SetupController.result.length > 0)
    }
}
