// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The kiosk's window: the status bar on top, always; the home screen below it; a verdict covers
// the home screen until it times out or is tapped. The admin area covers it too; in kiosk mode
// opening that or closing the window takes the admin PIN. A kiosk with no event yet (first run, or
// wiped) shows the setup screen instead of home.
ApplicationWindow {
    id: window
    // A laptop's window; never larger than the screen (a tablet's, or a desktop without a window
    // manager to fit it). Kiosk mode takes the whole screen from the start, so that the on-screen
    // keyboard is laid out for it. Set once: whatever resizes the window later has the last word.
    width: 1280
    height: 800
    Component.onCompleted: {
        width = AdminController.kioskMode ? Screen.width : Math.min(1280, Screen.desktopAvailableWidth)
        height = AdminController.kioskMode ? Screen.height : Math.min(800, Screen.desktopAvailableHeight)
    }
    visible: true
    title: StatusModel.eventName.length > 0 ? qsTr("Check-in: %1").arg(StatusModel.eventName)
                                            : qsTr("Check-in")
    color: Theme.background

    property int selfServiceIdleMs: 20000 // self-service: back to the start after this long untouched
    // The on-screen keyboard shows for a text field when there is no hardware keyboard (or always,
    // or never, as the admin chose).
    readonly property bool onScreenKeyboard: Preferences.keyboard === Preferences.On
                                             || (Preferences.keyboard === Preferences.Auto && !InputDevices.hardwareKeyboard)
    // The keyboard is on the screen now, and how much of the bottom it takes.
    readonly property bool keyboardUp: keyboard.visible && keyboard.active
    readonly property real keyboardHeight: keyboardUp ? keyboard.height : 0
    // The volunteer hid it with the toolbar's button: it stays down until asked for again (a tap
    // into a text field brings it back too).
    property bool keyboardHiddenByUser: false
    onKeyboardUpChanged: if (keyboardUp) keyboardHiddenByUser = false

    // Back to the search, ready for the next person.
    function goHome() {
        verdict.close()
        AdminGate.cancel()
        admin.close()
        home.reset()
        offerKeyboard()
    }
    // On a tablet the keyboard is up and ready on the home screen, without a tap on the field first.
    function offerKeyboard() {
        if (onScreenKeyboard && home.enabled && !keyboardHiddenByUser)
            InputDevices.showKeyboard()
    }
    function toggleKeyboard() {
        if (keyboardUp) {
            keyboardHiddenByUser = true
            InputDevices.hideKeyboard()
        } else {
            keyboardHiddenByUser = false
            home.focusSearch()
            InputDevices.showKeyboard()
        }
    }
    onOnScreenKeyboardChanged: if (onScreenKeyboard) offerKeyboard(); else InputDevices.hideKeyboard()
    // The admin area, and closing the window, may take the admin PIN first (AdminGate says when).
    function openAdmin() {
        if (AdminGate.openAdmin())
            admin.open()
    }
    function closeAdmin() {
        admin.close()
        home.reset()
    }
    function leave() {
        AdminGate.allowLeaving()
        window.close()
    }

    onClosing: (close) => {
        if (!AdminGate.mayClose())
            close.accepted = false
    }
    Connections {
        target: AdminGate
        function onAdminGranted() {
            admin.open()
        }
        function onLeaveGranted() {
            window.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StatusBar {
            Layout.fillWidth: true
            compact: window.keyboardUp
        }
        PrintWarningBar {
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            compact: window.keyboardUp
        }
        ListChoiceBar {
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            // Not over setup, the admin area (its card chooses) or a self-service kiosk.
            compact: window.keyboardUp || setup.visible || admin.shown || Preferences.mode === Preferences.SelfService
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            // Home lays itself out around the on-screen keyboard; the other screens shrink above it.
            HomeScreen {
                id: home
                anchors.fill: parent
                enabled: !verdict.shown && !admin.shown && !adminGate.shown && !setup.visible
                keyboardWidth: window.keyboardUp ? keyboard.width : 0
                keyboardHeight: window.keyboardHeight
                keyboardAvailable: window.onScreenKeyboard
                onAdminRequested: window.openAdmin()
                onKeyboardToggled: window.toggleKeyboard()
                // Back on home (the demo got ready, a screen over it closed): the keyboard is offered.
                onEnabledChanged: if (enabled) window.offerKeyboard()
            }

            SetupScreen {
                id: setup
                anchors.fill: parent
                anchors.bottomMargin: window.keyboardHeight
                visible: SetupController.needed && !admin.shown && !adminGate.shown
            }

            AdminScreen {
                id: admin
                anchors.fill: parent
                anchors.bottomMargin: window.keyboardHeight
                onShownChanged: if (!shown) home.reset()
                onLeaveRequested: window.leave()
            }

            VerdictScreen {
                id: verdict
                anchors.fill: parent
                onDismissed: window.goHome()
                onAdmitAnywayRequested: {
                    window.goHome()
                    home.admitLastRefusalAnyway()
                }
                onGroupRequested: {
                    window.goHome()
                    home.checkInGroup()
                }
            }

            DemoProgress {
                anchors.fill: parent
                visible: DemoSetup.active && !DemoSetup.ready
            }

            PinPrompt {
                id: adminGate
                objectName: "adminGate"
                anchors.fill: parent
                anchors.bottomMargin: window.keyboardHeight
                flow: AdminGate
            }
        }
    }

    // The keyboard's layout follows the language of the screens (QWERTZ with umlauts in German).
    Binding {
        target: VirtualKeyboardSettings
        property: "locale"
        value: Translations.language === "de" ? "de_DE" : "en_GB"
    }
    Binding {
        target: VirtualKeyboardSettings
        property: "activeLocales"
        value: Translations.language === "de" ? ["de_DE", "en_GB"] : ["en_GB", "de_DE"]
    }

    // Below the screens, which shrink to make room while it is up (home lays itself out around
    // it); parked below the window's edge while no text field wants it. Not in the overlay that
    // holds the dialogs: there it takes the taps of their buttons (Qt 6.4). The dialogs sit above
    // it and do not shade it (DialogShade), and its keys type into them.
    InputPanel {
        id: keyboard
        objectName: "onScreenKeyboard"
        z: 1000
        // Landscape: the width of home's left column, from the left edge; "Check in" stays beside it.
        width: span()
        x: 0
        function span(): real {
            return Math.min(home.keyboardSpan, parent.width)
        }
        // Qt 6.4's keyboard lays its rows out at a new width with the smallest key sizes of the old
        // one (made narrower, Shift, &123 and Enter keep their widths, the letters of the lower rows
        // are squeezed, or keys fall off its edges). Once a frame has been laid out at the new
        // width, one pixel less for a frame and back puts every key right.
        property int relayoutStep: 0 // 1: a frame at the new width is due; 2: one a pixel narrower
        property real relayoutWidth: 0
        onWidthChanged: if (relayoutStep === 0) relayoutStep = 1
        Connections {
            target: window
            enabled: keyboard.relayoutStep > 0
            function onAfterAnimating() {
                if (keyboard.relayoutStep === 1) {
                    keyboard.relayoutStep = 2
                    keyboard.relayoutWidth = keyboard.span()
                    keyboard.width = keyboard.relayoutWidth - 1
                } else {
                    keyboard.width = Qt.binding(() => keyboard.span())
                    // The window changed meanwhile: once more at that width.
                    keyboard.relayoutStep = keyboard.width === keyboard.relayoutWidth ? 0 : 1
                }
            }
        }
        y: active ? parent.height - height : parent.height
        visible: window.onScreenKeyboard
    }

    // A word that comes and goes at the top (a scan that cannot be taken now), above dialogs.
    Notice {
        id: notice
        parent: T.Overlay.overlay
        z: 1001
    }

    Connections {
        target: DoorController
        // The verdict takes the whole screen: the keyboard goes down, and comes back on home.
        function onVerdictChanged() {
            verdict.open()
            InputDevices.hideKeyboard()
        }
    }

    // Self-service: somebody typed a few letters or tapped a name and walked away. After 20 s
    // without a key or a touch the screen goes back to the start, so the next person does not
    // see what they were looking at.
    // An admin area (or its PIN prompt) left open goes too, after a minute, before an attendee finds it.
    readonly property bool adminOpen: admin.shown || adminGate.shown
    readonly property bool idleWatch: Preferences.selfService && ((home.inUse && home.enabled) || adminOpen)
    onIdleWatchChanged: idleWatch ? idleReset.restart() : idleReset.stop()
    Timer {
        id: idleReset
        objectName: "idleReset"
        interval: window.adminOpen ? Math.max(60000, window.selfServiceIdleMs) : window.selfServiceIdleMs
        onTriggered: window.goHome()
    }
    Connections {
        target: ScannerInput
        function onActivity() {
            if (window.idleWatch)
                idleReset.restart()
        }
    }

    Connections {
        target: AdminController
        // Wiped: nothing left to check in against; the setup screen shows.
        function onWiped() {
            setup.reset()
            window.goHome()
        }
    }

    Connections {
        target: SetupController
        // Set up from the setup screen: home, ready for the first person. (From the admin area it
        // stays open, with the result.)
        function onFinished() {
            if (!admin.shown)
                home.reset()
        }
    }

    // The camera reads tickets while home (or a verdict over it) is up, when one is chosen.
    Binding {
        target: CameraScanner
        property: "wanted"
        value: Preferences.camera !== Preferences.ScannerOnly && !admin.shown && !adminGate.shown && !setup.visible
    }

    // Where a scanned code goes (ScanRouter): the door, when home is up with nothing over it.
    Binding {
        target: ScanRouter
        property: "place"
        value: home.dialogOpen ? ScanRouter.HomeDialog
                               : admin.shown || adminGate.shown ? ScanRouter.Elsewhere
                                                                : setup.visible ? ScanRouter.Setup : ScanRouter.Home
    }
    Connections {
        target: ScanRouter
        // A code goes to the door: home starts over, ready for the verdict.
        function onToDoor() {
            home.reset()
        }
        // A code that cannot be taken here: a word at the top says why.
        function onHeld(message: string) {
            notice.show(message)
        }
    }
}
