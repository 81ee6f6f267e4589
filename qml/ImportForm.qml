// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// Import an attendee list from a CSV file (Excel, pretix, Eventbrite, ChurchTools): its path and,
// optionally, the event's name. (QtQuick.Dialogs is not installed on the kiosks: a path field.)
ColumnLayout {
    id: form
    objectName: "importForm"
    spacing: 14

    function fill(path: string, eventName: string) {
        pathField.text = path
        eventField.text = eventName
    }
    function submit() {
        SetupController.importFile(pathField.text, eventField.text)
    }

    SetupField {
        id: pathField
        objectName: "csvPathField"
        Layout.fillWidth: true
        label: qsTr("CSV file")
        placeholderText: "/media/usb/attendees.csv"
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        enabled: !SetupController.busy
        onAccepted: eventField.input.forceActiveFocus()
    }
    SetupField {
        id: eventField
        objectName: "eventNameField"
        Layout.fillWidth: true
        label: qsTr("Event name (optional)")
        placeholderText: qsTr("e.g. Summer conference 2026")
        enabled: !SetupController.busy
        onAccepted: form.submit()
    }
    BigButton {
        objectName: "importButton"
        text: SetupController.phase === SetupController.Importing ? qsTr("Importing\u2026") : qsTr("Import")
        enabled: !SetupController.busy && pathField.text.length > 0
        onClicked: form.submit()
    }
}
