import QtQuick
import QtTest
import Kiosk

// The PIN prompt with the real AdminPin: while a PIN is checked (off the UI thread) the pad says
// so and takes no digits, keys or Enter; the answer arrives later; a wrong PIN says how many tries
// are left, and every wrong PIN counts once however fast the next is typed.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: test
        name: "PinPrompt"
        when: windowShown

        // As Main.qml's gate: the prompt hands the PIN to AdminPin and closes on an accepted one.
        Component {
            id: gateComponent
            PinPrompt {
                id: gate
                anchors.fill: parent
                locked: AdminPin.locked
                checking: AdminPin.checking
                message: AdminPin.message
                onEntered: (pin) => AdminPin.check(pin)
                Connections {
                    target: AdminPin
                    function onChecked(accepted: bool) {
                        if (accepted)
                            gate.close()
                    }
                }
            }
        }

        SignalSpy {
            id: checkedSpy
            target: AdminPin
            signalName: "checked"
        }
        SignalSpy {
            id: changeSpy
            target: AdminPin
            signalName: "changeDone"
        }

        function findNamed(item, name) {
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findNamed(item.children[i], name)
                if (found)
                    return found
            }
            return null
        }
        function typeDigits(digits) {
            for (let i = 0; i < digits.length; ++i)
                keyClick(digits[i])
        }

        function initTestCase() {
            if (!AdminPin.hasPin) {
                changeSpy.clear()
                AdminPin.change("", "2468")
                changeSpy.wait(20000)
                verify(changeSpy.signalArguments[0][0], "the test PIN is saved")
            }
            verify(AdminPin.hasPin)
        }

        // Choosing a PIN and entering it again: the pad stays where the finger is, with or without
        // a line under the title, at a tablet's size and at a small one.
        function test_padStaysPutBetweenSteps_data() {
            return [{tag: "1280x800", w: 1280, h: 800}, {tag: "1024x600", w: 1024, h: 600},
                    {tag: "800x1280", w: 800, h: 1280}]
        }
        function test_padStaysPutBetweenSteps(data) {
            root.width = data.w
            root.height = data.h
            const gate = createTemporaryObject(gateComponent, root)
            gate.open("Choose a new PIN", "4 to 8 digits. Keep it to the event team.")
            const pad = findNamed(gate, "pinPad")
            waitForRendering(gate)
            const first = pad.mapToItem(root, 0, 0)
            gate.open("Enter the new PIN again", "")
            waitForRendering(gate)
            const second = pad.mapToItem(root, 0, 0)
            compare(second.y, first.y)
            compare(second.x, first.x)
            root.width = 1280
            root.height = 800
        }

        function test_padIgnoresInputWhileBusy() {
            const gate = createTemporaryObject(gateComponent, root)
            gate.open("Admin PIN", "")
            const pad = findNamed(gate, "pinPad")
            pad.busy = true
            pad.press("1")
            typeDigits("234")
            compare(pad.pin, "")
            compare(findNamed(gate, "pinDisplay").text, "Checking\u2026")
            pad.busy = false
            typeDigits("12")
            compare(pad.pin, "12")
            keyClick(Qt.Key_Backspace)
            compare(pad.pin, "1")
        }

        function test_wrongThenRightPin() {
            const gate = createTemporaryObject(gateComponent, root)
            gate.open("Admin PIN", "")
            const pad = findNamed(gate, "pinPad")
            checkedSpy.clear()

            typeDigits("1111")
            keyClick(Qt.Key_Return)
            // Not answered yet: the pad says it checks, and what is typed now goes nowhere.
            verify(AdminPin.checking)
            verify(pad.busy)
            compare(checkedSpy.count, 0)
            typeDigits("2468")
            keyClick(Qt.Key_Return)
            compare(pad.pin, "")

            checkedSpy.wait(20000)
            compare(checkedSpy.count, 1, "the PIN typed while checking was not checked")
            compare(checkedSpy.signalArguments[0][0], false)
            verify(!AdminPin.checking)
            verify(!pad.busy)
            verify(gate.shown)
            compare(AdminPin.message, "Wrong PIN. 4 tries left.")

            // The pad kept the keyboard: the right PIN goes straight in.
            typeDigits("2468")
            keyClick(Qt.Key_Return)
            checkedSpy.wait(20000)
            compare(checkedSpy.signalArguments[1][0], true)
            verify(!gate.shown)
            compare(AdminPin.message, "")
        }
    }
}
