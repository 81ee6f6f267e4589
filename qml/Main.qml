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
    width: 1280
    height: 800
    visible: true
    title: StatusModel.eventName.length > 0 ? qsTr("Check-in: %1").arg(StatusModel.eventName)
                                            : qsTr("Check-in")
    color: Theme.background

    property bool leaving: false // the PIN was given: the window may close
    property int selfServiceIdleMs: 20000 // self-service: back to the start after this long untouched
    // The on-screen keyboard shows for a text field when there is no hardware keyboard (or always,
    // or never, as the admin chose).
    readonly property bool onScreenKeyboard: Preferences.keyboard === "on"
                                             || (Preferences.keyboard === "auto" && !InputDevices.hardwareKeyboard)

    // Back to the search, ready for the next person.
    function goHome() {
        verdict.close()
        adminGate.close()
        admin.close()
        home.reset()
        offerKeyboard()
    }
    // On a tablet the keyboard is up and ready on the home screen, without a tap on the field first.
    function offerKeyboard() {
        if (onScreenKeyboard && home.enabled)
            InputDevices.showKeyboard()
    }
    onOnScreenKeyboardChanged: if (onScreenKeyboard) offerKeyboard(); else InputDevices.hideKeyboard()
    function openAdmin() {
        if ((AdminController.kioskMode || Preferences.selfService) && AdminPin.hasPin)
            adminGate.ask("admin")
        else
            admin.open()
    }
    function closeAdmin() {
        admin.close()
        home.reset()
    }
    function leave() {
        leaving = true
        window.close()
    }

    onClosing: (close) => {
        if (AdminController.kioskMode && AdminPin.hasPin && !window.leaving) {
            close.accepted = false
            adminGate.ask("leave")
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.bottomMargin: keyboard.visible && keyboard.active ? keyboard.height : 0
        spacing: 0

        StatusBar {
            Layout.fillWidth: true
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            HomeScreen {
                id: home
                anchors.fill: parent
                enabled: !verdict.shown && !admin.shown && !adminGate.shown && !setup.visible
                onAdminRequested: window.openAdmin()
                compact: keyboard.visible && keyboard.active
            }

            SetupScreen {
                id: setup
                anchors.fill: parent
                visible: SetupController.needed && !admin.shown && !adminGate.shown
            }

            AdminScreen {
                id: admin
                anchors.fill: parent
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
            }

            DemoProgress {
                anchors.fill: parent
                visible: DemoSetup.active && !DemoSetup.ready
            }

            PinPrompt {
                id: adminGate
                objectName: "adminGate"
                anchors.fill: parent
                property string purpose: "admin"
                property bool waiting: false // this prompt asked AdminPin to check a PIN
                locked: AdminPin.locked
                checking: AdminPin.checking
                message: AdminPin.message

                function ask(why: string) {
                    purpose = why
                    waiting = false
                    AdminPin.clearMessage()
                    open(qsTr("Admin PIN"), why === "leave" ? qsTr("Enter the admin PIN to close the check-in app.")
                                                           : qsTr("Enter the admin PIN to open the admin area."))
                }
                onEntered: (pin) => {
                    waiting = true
                    AdminPin.check(pin)
                }
                onCancelled: waiting = false

                // The answer comes later (the check runs off this thread); a wrong PIN leaves the
                // prompt open with AdminPin's message.
                Connections {
                    target: AdminPin
                    function onChecked(accepted: bool) {
                        if (!adminGate.waiting)
                            return
                        adminGate.waiting = false
                        if (!accepted || !adminGate.shown)
                            return
                        adminGate.close()
                        if (adminGate.purpose === "leave")
                            window.leave()
                        else
                            admin.open()
                    }
                }
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

    // Below the screens, which shrink to make room while it is up; parked below the window's
    // edge while no text field wants it.
    // In the overlay, above dialogs (the walk-in form, the override note), which then stay usable.
    InputPanel {
        id: keyboard
        objectName: "onScreenKeyboard"
        parent: T.Overlay.overlay
        z: 1000
        width: parent.width
        y: active ? parent.height - height : parent.height
        visible: window.onScreenKeyboard
    }

    Connections {
        target: DoorController
        function onVerdictChanged() { verdict.open() }
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

    Connections {
        target: ScannerInput
        // A scanner typed into whatever had the focus: that text is the code, not a name.
        function onScanned(code: string) {
            if (admin.shown || adminGate.shown || setup.visible || home.dialogOpen)
                return // the event lead is at the admin area or setting up: nobody is at the door
            home.reset()
            DoorController.scan(code)
        }
    }
}
