// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// The status bar: offline with the reason in words, what waits to be delivered, syncing.
Item {
    id: root
    width: 1280
    height: 100

    TestCase {
        id: test
        name: "StatusBar"
        when: windowShown

        Component {
            id: barComponent
            StatusBar {
                width: 1280
            }
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

        function test_offlineWithReason() {
            const bar = createTemporaryObject(barComponent, root)
            driver.showOffline("server unreachable", 12)
            const texts = visibleTexts(bar)
            verify(texts.indexOf("Offline: server unreachable") >= 0, "shown: " + texts)
            verify(texts.indexOf("12 waiting to sync") >= 0, "shown: " + texts)
            verify(texts.some(t => t.indexOf("Last sync: 7 min ago") === 0), "shown: " + texts)
            verify(bar.Accessible.name.indexOf("Offline: server unreachable") === 0)
        }

        function test_syncing() {
            const bar = createTemporaryObject(barComponent, root)
            driver.showSyncing(3)
            const texts = visibleTexts(bar)
            verify(texts.indexOf("Syncing\u2026") >= 0, "shown: " + texts)
            verify(texts.indexOf("3 waiting to sync") >= 0, "shown: " + texts)
        }

        function test_onlineAllDelivered() {
            const bar = createTemporaryObject(barComponent, root)
            driver.showOnline()
            const texts = visibleTexts(bar)
            verify(texts.indexOf("Online") >= 0, "shown: " + texts)
            verify(texts.indexOf("All delivered") >= 0, "shown: " + texts)
        }

        function test_narrowBarKeepsTheConnection() {
            const bar = createTemporaryObject(barComponent, root, {width: 800})
            driver.showOffline("server unreachable", 12)
            const texts = visibleTexts(bar)
            verify(texts.indexOf("Offline: server unreachable") >= 0, "shown: " + texts)
        }
    }
}
