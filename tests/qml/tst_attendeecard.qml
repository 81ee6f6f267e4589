// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// The attendee card: Check in for someone not inside; Check out and Admit anyway for someone inside;
// only Admit anyway for a cancelled ticket; every button a touch target of at least 48 px.
Item {
    id: root
    width: 1280
    height: 800

    TestCase {
        id: test
        name: "AttendeeCard"
        when: windowShown

        Component {
            id: cardComponent
            AttendeeCard {
                width: 480
                height: 560
            }
        }

        SignalSpy {
            id: admitSpy
            signalName: "admitAnywayRequested"
        }

        // The visible buttons under `item` by their text, depth first.
        function visibleButtons(item) {
            let found = {}
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (!child.visible)
                    continue
                if (child.text !== undefined && child.clicked !== undefined && child.filled !== undefined)
                    found[child.text] = child
                const below = visibleButtons(child)
                for (const key in below)
                    found[key] = below[key]
            }
            return found
        }

        function makeCard(person) {
            const card = createTemporaryObject(cardComponent, root, { person: person })
            verify(card)
            admitSpy.target = card
            admitSpy.clear()
            return card
        }

        function test_notInside() {
            const card = makeCard({ attendeeId: "a-1", name: "Anna Müller", company: "Siemens AG",
                                    ticketType: "Full conference", inside: false, cancelled: false })
            const buttons = visibleButtons(card)
            verify(buttons["Check in"] !== undefined)
            verify(buttons["Check out"] === undefined)
            verify(buttons["Admit anyway\u2026"] === undefined)
            verify(buttons["Check in"].height >= Theme.minTouch)
        }

        function test_insideHasCheckOutAndAdmitAnyway() {
            const card = makeCard({ attendeeId: "a-2", name: "José García", company: "", ticketType: "Speaker",
                                    inside: true, cancelled: false })
            const buttons = visibleButtons(card)
            verify(buttons["Check in"] === undefined)
            verify(buttons["Check out"] !== undefined)
            verify(buttons["Admit anyway\u2026"] !== undefined)
            verify(buttons["Check out"].height >= Theme.minTouch)
            verify(buttons["Admit anyway\u2026"].height >= Theme.minTouch)
            verify(buttons["Check out"].width >= Theme.minTouch)
            mouseClick(buttons["Admit anyway\u2026"])
            compare(admitSpy.count, 1)
            compare(admitSpy.signalArguments[0][0], "Already checked in")
        }

        function test_cancelledOnlyAdmitAnyway() {
            const card = makeCard({ attendeeId: "a-3", name: "Carla Storno", company: "", ticketType: "Day ticket",
                                    inside: false, cancelled: true })
            const buttons = visibleButtons(card)
            verify(buttons["Check in"] === undefined)
            verify(buttons["Check out"] === undefined)
            verify(buttons["Admit anyway\u2026"] !== undefined)
        }
    }
}
