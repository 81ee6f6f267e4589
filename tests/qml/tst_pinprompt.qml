// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// The PIN prompt on the real flows (AdminGate, PinChange) and AdminPin: while a PIN is checked
// (off the UI thread) the pad says so and takes no digits, keys or Enter; the answer arrives
// later; a wrong PIN says how many tries are left, and every wrong PIN counts once however fast
// the next is typed; the pad stays where the finger is from one step to the next.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: test
        name: "PinPrompt"
        when: windowShown

        Component {
            id: gateComponent
            PinPrompt {
                anchors.fill: parent
                flow: AdminGate
            }
        }
        Component {
            id: changeComponent
            PinPrompt {
                anchors.fill: parent
                flow: PinChange
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
        SignalSpy {
            id: grantedSpy
            target: AdminGate
            signalName: "adminGranted"
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
        function cleanup() {
            AdminGate.cancel()
            PinChange.reset()
            tryVerify(() => !AdminPin.checking, 20000)
        }

        // Changing the PIN step by step: the current PIN (no line under the title), the new one
        // (a line), once more. The pad stays where the finger is, at a tablet's size and a small one.
        function test_padStaysPutBetweenSteps_data() {
            return [{tag: "1280x800", w: 1280, h: 800}, {tag: "1024x600", w: 1024, h: 600},
                    {tag: "800x1280", w: 800, h: 1280}]
        }
        function test_padStaysPutBetweenSteps(data) {
            root.width = data.w
            root.height = data.h
            const prompt = createTemporaryObject(changeComponent, root)
            PinChange.start()
            compare(prompt.title, "Enter the current PIN")
            compare(prompt.subtitle, "")
            const pad = findNamed(prompt, "pinPad")
            waitForRendering(prompt)
            const first = pad.mapToItem(root, 0, 0)

            checkedSpy.clear()
            typeDigits("2468")
            keyClick(Qt.Key_Return)
            checkedSpy.wait(20000)
            tryCompare(prompt, "title", "Choose a new PIN")
            verify(prompt.subtitle.length > 0)
            compare(pad.pin, "", "a new step starts with an empty pad")
            waitForRendering(prompt)
            const second = pad.mapToItem(root, 0, 0)
            compare(second.y, first.y)
            compare(second.x, first.x)

            typeDigits("2468")
            keyClick(Qt.Key_Return)
            compare(prompt.title, "Enter the new PIN again")
            waitForRendering(prompt)
            const third = pad.mapToItem(root, 0, 0)
            compare(third.y, first.y)
            root.width = 1280
            root.height = 800
        }

        function test_padIgnoresInputWhileBusy() {
            const prompt = createTemporaryObject(gateComponent, root)
            AdminGate.ask(PinFlow.OpenAdmin)
            verify(prompt.shown)
            const pad = findNamed(prompt, "pinPad")
            pad.busy = true
            pad.press("1")
            typeDigits("234")
            compare(pad.pin, "")
            compare(findNamed(prompt, "pinDisplay").text, "Checking\u2026")
            pad.busy = false
            typeDigits("12")
            compare(pad.pin, "12")
            keyClick(Qt.Key_Backspace)
            compare(pad.pin, "1")
        }

        function test_wrongThenRightPin() {
            const prompt = createTemporaryObject(gateComponent, root)
            AdminGate.ask(PinFlow.OpenAdmin)
            compare(prompt.title, "Admin PIN")
            const pad = findNamed(prompt, "pinPad")
            checkedSpy.clear()
            grantedSpy.clear()

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
            verify(prompt.shown)
            compare(prompt.message, "Wrong PIN. 4 tries left.")

            // The pad kept the keyboard: the right PIN goes straight in.
            typeDigits("2468")
            keyClick(Qt.Key_Return)
            checkedSpy.wait(20000)
            compare(checkedSpy.signalArguments[1][0], true)
            verify(!prompt.shown)
            compare(grantedSpy.count, 1)
            compare(prompt.message, "")
        }

        // Cancel closes the prompt; the next time it opens empty, without the last message.
        function test_cancelThenAgain() {
            const prompt = createTemporaryObject(gateComponent, root)
            AdminGate.ask(PinFlow.OpenAdmin)
            const pad = findNamed(prompt, "pinPad")
            typeDigits("12")
            const cancel = findNamed(prompt, "pinCancel")
            verify(cancel)
            mouseClick(cancel)
            verify(!prompt.shown)
            AdminGate.ask(PinFlow.OpenAdmin)
            verify(prompt.shown)
            compare(pad.pin, "")
        }
    }
}
