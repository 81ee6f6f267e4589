// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's card of what reads tickets: a barcode scanner only, or the tablet's camera as
// well (the back one, or the front one facing the attendee), shown on home as a viewfinder.
AdminCard {
    objectName: "cameraCard"
    title: qsTr("Reading tickets")
    Flow {
        Layout.fillWidth: true
        spacing: 10
        Repeater {
            model: [
                { value: Preferences.ScannerOnly, name: "off", label: qsTr("Scanner only") },
                { value: Preferences.BackCamera, name: "back", label: qsTr("Back camera") },
                { value: Preferences.FrontCamera, name: "front", label: qsTr("Front camera") }
            ]
            delegate: BigButton {
                required property var modelData
                objectName: "camera-" + modelData.name
                text: modelData.label
                filled: Preferences.camera === modelData.value
                Accessible.role: Accessible.RadioButton
                Accessible.checkable: true
                Accessible.checked: filled
                onClicked: Preferences.camera = modelData.value
            }
        }
    }
    AdminMessage {
        Layout.fillWidth: true
        text: Preferences.camera === Preferences.ScannerOnly
              ? qsTr("A barcode scanner (or typing the code) reads tickets.")
              : qsTr("Home shows the camera's picture while nobody is being searched for; a code held in the frame checks in as a scan does. A barcode scanner works as well.")
    }
    // The camera is off while this area is open; what it said when it last tried.
    AdminMessage {
        Layout.fillWidth: true
        visible: Preferences.camera !== Preferences.ScannerOnly && text.length > 0
        text: CameraScanner.status === CameraScanner.Unavailable || CameraScanner.status === CameraScanner.Denied
              || CameraScanner.status === CameraScanner.Failed ? CameraScanner.message : ""
        color: Theme.stop
        font.bold: true
    }
}
