// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// Enrol with a server and preload: the URLs, the one-time code, the device's name; then a progress
// bar while the attendee list arrives. Errors are the sync engine's sentences.
ColumnLayout {
    id: form
    objectName: "enrolForm"
    spacing: 14

    // Fills the fields (the self-test, or a kiosk that was enrolled before).
    function fill(servers: string, code: string, name: string) {
        serverField.text = servers
        codeField.text = code
        nameField.text = name
    }
    // Enrolling again keeps the kiosk's name unless another is typed (a first enrolment: the config
    // file's name, else the host's: SetupController.defaultDeviceName).
    readonly property string suggestedName: StatusModel.server.length > 0 && StatusModel.deviceName.length > 0
                                            ? StatusModel.deviceName : SetupController.defaultDeviceName
    readonly property string chosenName: nameField.text.trim().length > 0 ? nameField.text : suggestedName
    function submit() {
        SetupController.enrol(serverField.text, codeField.text, chosenName)
    }
    // The event lead's QR code, read by the barcode scanner into whichever field has the focus:
    // it enrols at once (and the field that took it is emptied).
    function scanned(field: SetupField): bool {
        if (!SetupController.enrolFromScan(field.text, chosenName))
            return false
        field.text = ""
        return true
    }

    // A payload from the barcode scanner enrols with the name typed here (ScanRouter).
    Binding {
        target: SetupController
        property: "typedDeviceName"
        value: nameField.text
        when: form.visible
    }
    // The config file's server address(es) (/etc/checkin-kiosk/kiosk.conf), ready to use.
    Component.onCompleted: serverField.text = SetupController.presetServers

    SetupField {
        id: serverField
        objectName: "serverField"
        Layout.fillWidth: true
        label: qsTr("Server address (several: separate with commas)")
        placeholderText: "https://checkin.example.org"
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
        enabled: !SetupController.busy
        onAccepted: if (!form.scanned(serverField)) codeField.input.forceActiveFocus()
    }
    SetupField {
        id: codeField
        objectName: "codeField"
        Layout.fillWidth: true
        label: qsTr("One-time enrolment code")
        placeholderText: qsTr("From the event lead")
        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        enabled: !SetupController.busy
        onAccepted: if (!form.scanned(codeField)) nameField.input.forceActiveFocus()
    }
    SetupField {
        id: nameField
        objectName: "deviceNameField"
        Layout.fillWidth: true
        label: qsTr("Name of this kiosk")
        placeholderText: form.suggestedName
        enabled: !SetupController.busy
        onAccepted: if (!form.scanned(nameField)) form.submit()
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 16
        BigButton {
            objectName: "enrolButton"
            text: SetupController.phase === SetupController.Enrolling ? qsTr("Enrolling\u2026") : qsTr("Enrol and preload")
            enabled: !SetupController.busy && serverField.text.length > 0 && codeField.text.length > 0
            onClicked: form.submit()
        }
        BigButton {
            objectName: "preloadButton"
            text: qsTr("Preload")
            filled: false
            visible: StatusModel.server.length > 0
            enabled: !SetupController.busy
            onClicked: SetupController.preload()
        }
    }
    ColumnLayout {
        objectName: "preloadProgress"
        Layout.fillWidth: true
        visible: SetupController.phase === SetupController.Preloading
        spacing: 6
        Text {
            Layout.fillWidth: true
            text: qsTr("Preloading the attendee list: %1").arg(SetupController.progressText)
            font.pixelSize: Theme.body
            color: Theme.text
            wrapMode: Text.Wrap
        }
        ProgressBar {
            Layout.fillWidth: true
            Layout.preferredHeight: 16
            from: 0
            to: Math.max(1, SetupController.total)
            value: SetupController.done
            indeterminate: SetupController.total <= 0
            Accessible.name: qsTr("Preload progress")
        }
    }
}
