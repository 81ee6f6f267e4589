// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// The admin area's review section on the real ReviewModel: the empty state in words, then a check-in
// of every kind with its counts in the chips, a row of words for each, filtering by a tap, and
// touch targets of at least 48 px. The list is read only while the section is visible.
Item {
    id: root
    width: 1280
    height: 1400

    TestCase {
        id: test
        name: "ReviewCard"
        when: windowShown

        Component {
            id: sectionComponent
            ReviewCard {
                width: 1000
            }
        }

        SignalSpy {
            id: recordedSpy
            target: driver
            signalName: "reviewSamplesRecorded"
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
        function chips(section) {
            const flow = findNamed(section, "reviewFilters")
            let found = {}
            for (let i = 0; i < flow.children.length; ++i) {
                const chip = flow.children[i]
                if (chip.kind !== undefined)
                    found[chip.kind] = chip
            }
            return found
        }

        function test_1_emptyInWords() {
            const section = createTemporaryObject(sectionComponent, root)
            verify(ReviewModel.active)
            tryCompare(ReviewModel, "loading", false)
            compare(findNamed(section, "reviewTitle").text, "To review")
            const empty = findNamed(section, "reviewEmpty")
            verify(empty.visible)
            compare(empty.text, "Nothing to review: no duplicates, conflicts, rejected check-ins or overrides so far.")
            verify(!findNamed(section, "reviewList").visible)
            section.visible = false
            verify(!ReviewModel.active)
        }

        function test_2_everyKindInWords() {
            recordedSpy.clear()
            driver.recordReviewSamples()
            recordedSpy.wait(20000)
            compare(recordedSpy.signalArguments[0][0], "")

            const section = createTemporaryObject(sectionComponent, root)
            tryCompare(ReviewModel, "total", 4, 20000)
            tryCompare(ReviewModel, "count", 4)
            compare(findNamed(section, "reviewTitle").text, "To review: 4")
            verify(!findNamed(section, "reviewEmpty").visible)
            const list = findNamed(section, "reviewList")
            verify(list.visible)
            tryVerify(() => list.height > 200, 5000, "the list shows its rows")

            const all = chips(section)
            compare(all[ReviewModel.All].text, "All (4)")
            compare(all[ReviewModel.Duplicate].text, "Duplicates (1)")
            compare(all[ReviewModel.Conflict].text, "Conflicts (1)")
            compare(all[ReviewModel.Forced].text, "Admitted anyway (1)")
            compare(all[ReviewModel.Rejected].text, "Rejected (1)")
            for (const kind in all)
                verify(all[kind].height >= 48, kind + " chip is a touch target")

            // Newest first: the override (just now) leads; its note and its rule are shown.
            tryVerify(() => list.itemAtIndex(0) !== null)
            const top = visibleTexts(list.itemAtIndex(0))
            verify(top.indexOf("Admitted anyway") >= 0, "shown: " + top)
            verify(top.some(t => t.indexOf("Note: \u201CLost her wristband") === 0), "shown: " + top)
            verify(top.some(t => t.indexOf("Rule: ") === 0), "shown: " + top)

            mouseClick(all[ReviewModel.Conflict])
            compare(ReviewModel.filter, ReviewModel.Conflict)
            tryCompare(ReviewModel, "count", 1)
            tryCompare(ReviewModel, "loading", false)
            // The list lays its rows out on the next frame.
            tryVerify(() => list.itemAtIndex(0) !== null && visibleTexts(list.itemAtIndex(0)).indexOf("Conflict") >= 0)
            const conflict = visibleTexts(list.itemAtIndex(0))
            verify(conflict.some(t => t.indexOf("Let in after the ticket was cancelled") === 0), "shown: " + conflict)
            verify(conflict.some(t => t.indexOf("Door 3") >= 0), "shown: " + conflict)

            mouseClick(all[ReviewModel.Rejected])
            tryCompare(ReviewModel, "filter", ReviewModel.Rejected)
            tryCompare(ReviewModel, "count", 1)
            mouseClick(all[ReviewModel.All])
            tryCompare(ReviewModel, "count", 4)

            // The duplicate says where and when the first entry was.
            let duplicate = null
            for (let row = 0; row < ReviewModel.count; ++row) {
                if (ReviewModel.get(row).kind === ReviewModel.Duplicate)
                    duplicate = ReviewModel.get(row)
            }
            verify(duplicate !== null)
            verify(duplicate.first.indexOf("First entry: ") === 0 && duplicate.first.indexOf(" at Door 2") > 0,
                   duplicate.first)
        }
    }
}
