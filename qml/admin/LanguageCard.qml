// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The admin area's language card (LanguageSection.qml inside).
AdminCard {
    objectName: "languageCard"
    title: qsTr("Language")
    LanguageSection {
        Layout.fillWidth: true
    }
}
