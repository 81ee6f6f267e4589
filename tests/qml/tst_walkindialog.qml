// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// The walk-in dialog: touch targets of at least 48 px with names for a screen reader, the name taken
// from the search, a message in words instead of a silent refusal, ticket types one tap each, and
// "Register and check in" closing it once the door has the verdict.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: test
        name: "WalkInDialog"
        when: windowShown

        Component {
            id: dialogComponent
            WalkInDialog {}
        }

        SignalSpy {
            id: verdictSpy
            target: DoorController
            signalName: "verdictChanged"
        }

        function initTestCase() {
            verify(driver.importSample(40), "the scratch kiosk has an event")
        }

        function openDialog(typed) {
            const dialog = createTemporaryObject(dialogComponent, root)
            verify(dialog)
            dialog.ask(typed)
            tryCompare(dialog, "opened", true)
            // Laid out: the form's layout is polished when the window renders its next frame.
            waitForRendering(root)
            return dialog
        }

        function part(dialog, name) {
            const item = findChild(dialog.contentItem, name)
            verify(item, name)
            return item
        }

        // The visible texts under `item`, depth first.
        function visibleTexts(item) {
            let found = []
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible)
                    continue
                if (child.text !== undefined && child.font !== undefined && child.text.length > 0)
                    found.push(child.text)
                found = found.concat(visibleTexts(child))
            }
            return found
        }

        function test_touchTargetsAndNames() {
            const dialog = openDialog("")
            for (const name of ["walkInFirstName", "walkInLastName", "walkInCompany", "walkInTicketType"]) {
                const field = part(dialog, name)
                verify(field.input.height >= Theme.minTouch, name + " is a touch target")
                verify(field.input.Accessible.name.length > 0, name + " has an accessible name")
                compare(field.maximumLength, WalkInForm.maxLength)
            }
            for (const name of ["walkInRegister", "walkInCancel"]) {
                const button = part(dialog, name)
                verify(button.height >= Theme.minTouch && button.width >= Theme.minTouch, name)
                verify(button.Accessible.name.length > 0, name)
            }
            compare(part(dialog, "walkInRegister").text, "Register and check in")
            // The event's ticket types, each a touch target too.
            tryVerify(() => WalkInForm.ticketTypes.length > 0)
            const types = part(dialog, "walkInTicketTypes")
            verify(types.visible)
            let chips = 0
            for (let i = 0; i < types.children.length; ++i) {
                const chip = types.children[i]
                if (chip.text === undefined)
                    continue
                ++chips
                verify(chip.height >= Theme.minTouch, chip.text)
                verify(chip.Accessible.name.indexOf(chip.text) >= 0)
            }
            compare(chips, WalkInForm.ticketTypes.length)
            // The first empty field has the keyboard: the volunteer types at once.
            verify(part(dialog, "walkInFirstName").input.activeFocus)
            mouseClick(part(dialog, "walkInCancel"))
            tryCompare(dialog, "visible", false)
        }

        function test_nameFromTheSearch() {
            const dialog = openDialog("ann müller")
            compare(part(dialog, "walkInFirstName").text, "Ann")
            compare(part(dialog, "walkInLastName").text, "Müller")
            compare(part(dialog, "walkInCompany").text, "")
            // The next empty field has the keyboard.
            verify(part(dialog, "walkInCompany").input.activeFocus)
        }

        function test_noNameSaysSoInWords() {
            const dialog = openDialog("")
            verify(visibleTexts(dialog.contentItem).indexOf("Enter a first or last name.") < 0,
                   "an empty form does not start with a message")
            const before = verdictSpy.count
            mouseClick(part(dialog, "walkInRegister"))
            verify(dialog.opened)
            verify(WalkInForm.showErrors)
            verify(visibleTexts(dialog.contentItem).indexOf("Enter a first or last name.") >= 0)
            compare(part(dialog, "walkInFirstName").error, "Enter a first or last name.")
            compare(part(dialog, "walkInFirstName").input.Accessible.description, "Enter a first or last name.")
            verify(part(dialog, "walkInFirstName").input.activeFocus)
            compare(verdictSpy.count, before)
            // Typing a last name is enough: the message goes.
            part(dialog, "walkInLastName").input.forceActiveFocus()
            keyClick(Qt.Key_L)
            keyClick(Qt.Key_I)
            compare(WalkInForm.lastName, "li")
            compare(part(dialog, "walkInFirstName").error, "")
        }

        // A small screen (or many ticket types): the dialog stays on it and its form scrolls.
        function test_smallScreenScrolls() {
            const small = createTemporaryQmlObject("import QtQuick; Item { width: 640; height: 420 }", root)
            const dialog = createTemporaryObject(dialogComponent, small)
            verify(dialog)
            dialog.ask("")
            tryCompare(dialog, "opened", true)
            waitForRendering(root)
            verify(dialog.height <= small.height - 2 * dialog.edge, "the dialog fits the screen")
            const scroller = part(dialog, "walkInScroller")
            verify(scroller.contentHeight > scroller.height, "its form scrolls")
            const register = part(dialog, "walkInRegister")
            verify(register.width >= Theme.minTouch && register.height >= Theme.minTouch)
            dialog.close()
        }

        function test_registerAndCheckIn() {
            const dialog = openDialog("wanda walker")
            tryVerify(() => WalkInForm.ticketTypes.length > 0)
            const types = part(dialog, "walkInTicketTypes")
            let chip = null
            for (let i = 0; i < types.children.length && !chip; ++i) {
                if (types.children[i].text === WalkInForm.ticketTypes[0])
                    chip = types.children[i]
            }
            verify(chip)
            mouseClick(chip)
            compare(WalkInForm.ticketType, WalkInForm.ticketTypes[0])
            compare(part(dialog, "walkInTicketType").text, WalkInForm.ticketTypes[0])
            verify(chip.filled, "the chosen type is shown as chosen")
            mouseClick(chip) // again: cleared
            compare(WalkInForm.ticketType, "")
            mouseClick(chip)
            const type = WalkInForm.ticketTypes[0]

            const before = verdictSpy.count
            mouseClick(part(dialog, "walkInRegister"))
            tryCompare(dialog, "visible", false)
            tryCompare(verdictSpy, "count", before + 1)
            compare(DoorController.title, "Registered and checked in")
            compare(DoorController.kind, Door.Admitted)
            compare(DoorController.name, "Wanda Walker")
            compare(DoorController.ticketType, type)
            verify(DoorController.recorded)
            verify(DoorController.canUndo)
        }
    }
}
