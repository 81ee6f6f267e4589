// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQuick
import QtTest
import Kiosk

// Scanner input as QML sees it: ScannerInput.feed() with the keys a scanner or a person types
// (the window-wide key filter itself is C++: tst_scannerinput and bench_ui cover it).
TestCase {
    id: test
    name: "ScannerInput"

    SignalSpy {
        id: scannedSpy
        target: ScannerInput
        signalName: "scanned"
    }
    SignalSpy {
        id: repeatedSpy
        target: ScannerInput
        signalName: "repeated"
    }

    function init() {
        scannedSpy.clear()
        repeatedSpy.clear()
    }

    // Types `code` as fast as a scanner; true when Enter ended a scan.
    function burst(code) {
        for (let i = 0; i < code.length; ++i)
            ScannerInput.feed(code.toUpperCase().charCodeAt(i), code[i])
        return ScannerInput.feed(Qt.Key_Return, "\r")
    }

    function test_burstIsAScan() {
        verify(burst("TK-4711-QML"))
        compare(scannedSpy.count, 1)
        compare(scannedSpy.signalArguments[0][0], "TK-4711-QML")
    }

    function test_personTypingIsLeftAlone() {
        const text = "anna"
        for (let i = 0; i < text.length; ++i) {
            ScannerInput.feed(text.toUpperCase().charCodeAt(i), text[i])
            wait(90)
        }
        verify(!ScannerInput.feed(Qt.Key_Return, "\r"))
        compare(scannedSpy.count, 0)
    }

    function test_sameCodeSoonIsIgnored() {
        verify(burst("TK-0815-QML"))
        verify(burst("TK-0815-QML")) // consumed, but not a second scan
        compare(scannedSpy.count, 1)
        compare(repeatedSpy.count, 1)
    }

    function test_shortBurstIsNotACode() {
        verify(!burst("AB1"))
        compare(scannedSpy.count, 0)
    }
}
