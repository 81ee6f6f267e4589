// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The admin area's badge card: where badges print (a printer of this device, PDF files, or none),
// on which paper, and whether every check-in prints one; a test badge; and the last printer
// trouble with "Try again".
AdminCard {
    id: badgeCard
    objectName: "badgeCard"
    title: qsTr("Badges")
    property bool adminShown: false
    onAdminShownChanged: if (adminShown) Badges.refreshQueues()

    Text {
        Layout.fillWidth: true
        text: qsTr("Printer")
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.text
    }
    Flow {
        id: printers
        Layout.fillWidth: true
        spacing: 10
        BigButton {
            objectName: "printer-none"
            text: qsTr("None")
            filled: Preferences.badgePrinter.length === 0
            Accessible.role: Accessible.RadioButton
            Accessible.checked: filled
            onClicked: Preferences.badgePrinter = ""
        }
        Repeater {
            model: Badges.queues
            delegate: BigButton {
                required property string modelData
                objectName: "printer-" + modelData
                width: Math.min(implicitWidth, printers.width) // a long queue name
                text: modelData
                filled: Preferences.badgePrinter === modelData
                Accessible.role: Accessible.RadioButton
                Accessible.checked: filled
                onClicked: Preferences.badgePrinter = modelData
            }
        }
        BigButton {
            objectName: "printer-pdf"
            text: qsTr("PDF files")
            filled: Preferences.badgePrinter === "pdf"
            Accessible.role: Accessible.RadioButton
            Accessible.checked: filled
            onClicked: Preferences.badgePrinter = "pdf"
        }
    }
    AdminMessage {
        Layout.fillWidth: true
        text: Badges.queues.length === 0
              ? qsTr("No printer is set up on this device. Add the label printer in the system's printer settings (CUPS), then open this area again.")
              : Preferences.badgePrinter === "pdf" ? qsTr("Badges are saved as PDF files in %1.").arg(Badges.pdfFolder)
              : ""
        visible: text.length > 0
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("Paper")
        font.pixelSize: Theme.body
        font.bold: true
        color: Theme.text
    }
    Flow {
        id: papers
        Layout.fillWidth: true
        spacing: 10
        Repeater {
            model: Badges.layouts
            delegate: BigButton {
                required property var modelData
                objectName: "layout-" + modelData.id
                width: Math.min(implicitWidth, papers.width) // a long title takes a second line
                text: modelData.title
                filled: Preferences.badgeLayout === modelData.id
                Accessible.role: Accessible.RadioButton
                Accessible.checked: filled
                onClicked: Preferences.badgeLayout = modelData.id
            }
        }
    }
    Switch {
        id: printOnCheckIn
        objectName: "printOnCheckIn"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.minTouch
        enabled: Badges.enabled
        checked: Preferences.printOnCheckIn
        text: qsTr("Print a badge at every check-in")
        font.pixelSize: Theme.body
        Accessible.role: Accessible.CheckBox
        Accessible.name: text
        onToggled: Preferences.printOnCheckIn = checked
        // A long label (German, larger text) takes a second line rather than an ellipsis.
        contentItem: Text {
            leftPadding: printOnCheckIn.indicator.width + printOnCheckIn.spacing
            text: printOnCheckIn.text
            font: printOnCheckIn.font
            color: printOnCheckIn.enabled ? Theme.text : Theme.mutedText
            wrapMode: Text.Wrap
            verticalAlignment: Text.AlignVCenter
        }
    }
    AdminMessage {
        Layout.fillWidth: true
        text: qsTr("Otherwise \u201CPrint badge\u201D on a person's card prints one. A printer that fails never holds up a check-in: the warning shows under the status bar.")
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 12
        BigButton {
            objectName: "printTest"
            enabled: Badges.enabled
            text: qsTr("Print a test badge")
            filled: false
            onClicked: Badges.printTest()
        }
        BigButton {
            visible: Badges.failed > 0
            text: qsTr("Try again")
            onClicked: Badges.retry()
        }
        Item { Layout.fillWidth: true }
    }
    AdminMessage {
        Layout.fillWidth: true
        visible: text.length > 0
        text: Badges.warning.length > 0 ? Badges.warning : Badges.pending > 0 ? qsTr("Printing\u2026") : Badges.lastDone
        color: Badges.warning.length > 0 ? Theme.stop : Theme.mutedText
        font.bold: Badges.warning.length > 0
    }
}
