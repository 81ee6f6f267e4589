// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Layouts

// The language of the screens, in the admin area: the system's, English or German. Each language
// is named in its own words, so that whoever cannot read the current one still finds theirs. The
// choice is saved (Preferences) and every screen changes at once (Translations).
ColumnLayout {
    id: section
    objectName: "languageSection"
    spacing: 14

    // Not translated on purpose: a language's own name for itself.
    readonly property var names: ({ "en": "English", "de": "Deutsch" })

    Text {
        Layout.fillWidth: true
        text: qsTr("The language of every screen of this kiosk.")
        font.pixelSize: Theme.body
        color: Theme.mutedText
        wrapMode: Text.Wrap
    }
    Flow {
        Layout.fillWidth: true
        spacing: 12
        Accessible.role: Accessible.Grouping
        Accessible.name: qsTr("Language")

        LanguageButton {
            objectName: "languageSystem"
            code: ""
            //: %1 the system's language, named in its own words ("English", "Deutsch")
            text: qsTr("System language (%1)").arg(section.names[Translations.systemLanguage] ?? "")
        }
        Repeater {
            model: Translations.languages
            delegate: LanguageButton {
                required property string modelData
                objectName: "language_" + modelData
                code: modelData
                text: section.names[modelData] ?? modelData
            }
        }
    }
    Text {
        objectName: "languageError"
        Layout.fillWidth: true
        visible: text.length > 0
        text: Preferences.error
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.stop
        wrapMode: Text.Wrap
    }

    // One choice: filled when it is the saved one.
    component LanguageButton: BigButton {
        property string code
        readonly property bool chosen: Preferences.language === code
        // No wider than the card (larger text, a narrow column): the label takes a second line.
        implicitWidth: Math.min(Math.max(narrowest, contentItem.implicitWidth + 48),
                                section.width > 0 ? section.width : 100000)
        filled: chosen
        Accessible.role: Accessible.RadioButton
        Accessible.checkable: true
        Accessible.checked: chosen
        onClicked: Preferences.language = code
    }
}
