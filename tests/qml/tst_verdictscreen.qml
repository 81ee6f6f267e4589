// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// The verdict screen: every kind says what happened in words and a glyph, not colour alone, and it
// goes back by itself after 3 s.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: test
        name: "VerdictScreen"
        when: windowShown

        Component {
            id: screenComponent
            VerdictScreen {
                width: 1280
                height: 736
            }
        }

        SignalSpy {
            id: dismissedSpy
            signalName: "dismissed"
        }

        // The visible Text items under `item`, depth first.
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

        function test_everyKindInWordsAndGlyph() {
            const expected = {
                [Door.Admitted]: ["Checked in", "\u2713"],
                [Door.AlreadyInside]: ["Already checked in", "!"],
                [Door.Cancelled]: ["Ticket cancelled", "\u2715"],
                [Door.Unknown]: ["Ticket not found", "?"],
                [Door.WrongEvent]: ["Wrong event", "\u2715"],
                [Door.Exited]: ["Checked out", "\u2192"],
                [Door.NotInside]: ["Not checked in", "!"],
                [Door.Undone]: ["Undone", "\u21B6"],
                [Door.AlreadyUsed]: ["Already used", "!"],
                [Door.NotAdmitted]: ["Not admitted here", "\u2715"],
                [Door.PaymentPending]: ["Not paid yet", "\u20AC"],
                [Door.Question]: ["Photo consent?", "?"],
                [Door.Order]: ["An order of 3 tickets", "\u2261"],
                [Door.Error]: ["Not recorded", "\u2715"]
            }
            const screen = createTemporaryObject(screenComponent, root)
            verify(screen)
            const seen = []
            for (let i = 0; i < driver.sampleCount(); ++i) {
                driver.presentSample(i)
                screen.open()
                verify(screen.visible)
                const kind = screen.kind
                verify(expected[kind] !== undefined, "a kind the test knows: " + kind)
                const texts = visibleTexts(screen)
                verify(texts.indexOf(expected[kind][0]) >= 0, kind + " shows its headline; shown: " + texts)
                verify(texts.indexOf(expected[kind][1]) >= 0, kind + " shows its glyph; shown: " + texts)
                verify(texts.indexOf(DoorController.detail) >= 0 && DoorController.detail.length > 0,
                       kind + " says what to do next")
                seen.push(kind)
                screen.close()
                verify(!screen.visible)
            }
            compare(seen.length, Object.keys(expected).length)
        }

        function test_nameAndWhenInside() {
            const screen = createTemporaryObject(screenComponent, root)
            driver.presentSample(1) // already inside, at Door 2
            screen.open()
            const texts = visibleTexts(screen)
            verify(texts.indexOf("José García") >= 0, "the name: " + texts)
            verify(texts.some(t => t.indexOf("Door 2") >= 0), "at which device: " + texts)
        }

        // A used entry says when and where; a refusal by rule says the rule.
        function test_listVerdictsSayWhenAndWhy() {
            const screen = createTemporaryObject(screenComponent, root)
            let used = -1
            let refused = -1
            for (let i = 0; i < driver.sampleCount(); ++i) {
                driver.presentSample(i)
                if (DoorController.kind === Door.AlreadyUsed)
                    used = i
                if (DoorController.kind === Door.NotAdmitted)
                    refused = i
            }
            verify(used >= 0 && refused >= 0)
            driver.presentSample(used)
            screen.open()
            let texts = visibleTexts(screen)
            verify(texts.some(t => t.indexOf("Used at") === 0 && t.indexOf("Door 2") > 0), "when and where: " + texts)
            verify(DoorController.canAdmitAnyway, "a used entry can be overridden")
            screen.close()
            driver.presentSample(refused)
            screen.open()
            texts = visibleTexts(screen)
            verify(texts.some(t => t.indexOf("Day pass Friday is valid Fri 5 Jun 06:00\u201323:59") >= 0),
                   "the rule in words: " + texts)
            verify(DoorController.canAdmitAnyway, "a refusal by rule can be overridden")
            screen.close()
        }

        function sampleOf(kind) {
            for (let i = 0; i < driver.sampleCount(); ++i) {
                driver.presentSample(i)
                if (DoorController.kind === kind)
                    return i
            }
            return -1
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

        // What the door must know: the note marked for attention stands out; the order's others
        // are offered.
        function test_notesAndTheOrder() {
            const screen = createTemporaryObject(screenComponent, root)
            driver.presentSample(0)
            screen.open()
            const attention = findNamed(screen, "verdictAttention")
            verify(attention && attention.visible, "the attention note is shown")
            const texts = visibleTexts(screen)
            verify(texts.some(t => t.indexOf("\u26A0 Allergies: nuts") === 0), "marked and in words: " + texts)
            verify(texts.indexOf("Notes: speaker dinner on Friday") >= 0, "the plain note: " + texts)
            const group = findNamed(screen, "verdictGroup")
            verify(group && group.visible, "the order is offered")
            compare(group.text, "Check in all 3 of this order\u2026")
            compare(screen.timeoutMs, 3000)
        }

        // A verdict that waits for a decision stays, and offers the decision.
        function test_waitingVerdicts() {
            const screen = createTemporaryObject(screenComponent, root)
            verify(sampleOf(Door.Question) >= 0)
            screen.open()
            compare(screen.timeoutMs, 30000)
            verify(findNamed(screen, "verdictYes").visible && findNamed(screen, "verdictNo").visible)
            verify(!findNamed(screen, "verdictGroup").visible)
            screen.close()
            verify(sampleOf(Door.PaymentPending) >= 0)
            screen.open()
            compare(screen.timeoutMs, 30000)
            verify(findNamed(screen, "verdictAdmitUnpaid").visible, "check in anyway")
            verify(!findNamed(screen, "verdictAdmitAnyway").visible)
            screen.close()
            verify(sampleOf(Door.Order) >= 0)
            screen.open()
            compare(findNamed(screen, "verdictGroup").text, "Choose who is here\u2026")
            screen.close()
        }

        function test_backAfterThreeSeconds() {
            const screen = createTemporaryObject(screenComponent, root)
            dismissedSpy.target = screen
            dismissedSpy.clear()
            driver.presentSample(0)
            screen.open()
            compare(screen.timeoutMs, 3000)
            wait(2500)
            compare(dismissedSpy.count, 0, "still showing after 2.5 s")
            tryCompare(dismissedSpy, "count", 1, 1500)
        }

        function test_tapGoesBack() {
            const screen = createTemporaryObject(screenComponent, root)
            dismissedSpy.target = screen
            dismissedSpy.clear()
            driver.presentSample(0)
            screen.open()
            mouseClick(screen)
            compare(dismissedSpy.count, 1)
        }
    }
}
