// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

pragma Singleton
import QtQml
import QtQuick
import Kiosk

// Colours, sizes and type for every screen: large type, high contrast, touch targets of 48 px and more.
QtObject {
    readonly property color background: "#F4F5F7"
    readonly property color surface: "#FFFFFF"
    readonly property color text: "#111418"
    readonly property color mutedText: "#4A5260"
    readonly property color line: "#C9CED6"
    readonly property color accent: "#1F4E99"
    readonly property color accentPressed: "#163A73"
    readonly property color selected: "#E3ECFA"
    readonly property color bar: "#1E2329"
    readonly property color barText: "#FFFFFF"

    // Verdict tones: each with a glyph and a headline as well, never colour alone.
    readonly property color go: "#17753A"
    readonly property color caution: "#F5B700"
    readonly property color stop: "#B3261E"
    readonly property color info: "#1F4E99"
    readonly property color cautionInk: "#111418"
    readonly property color online: "#3DDC84"
    readonly property color offline: "#FFB020"

    readonly property int touch: 64      // the height of buttons and rows
    readonly property int minTouch: 48   // nothing to tap is smaller
    readonly property int margin: 24
    readonly property int radius: 12

    // Text that scales: the admin area's text size (normal, large, larger) grows every font; the
    // layouts wrap and grow with it.
    readonly property real textScale: Preferences.textSize === Preferences.Larger ? 1.4
                                    : Preferences.textSize === Preferences.Large ? 1.2 : 1.0
    function scaled(px: int): int { return Math.round(px * textScale) }

    readonly property int huge: scaled(72)
    readonly property int title: scaled(40)
    readonly property int large: scaled(30)
    readonly property int body: scaled(22)
    readonly property int small: scaled(18)

    function toneColor(tone: int): color {
        switch (tone) {
        case Door.Go: return go
        case Door.Caution: return caution
        case Door.Info: return info
        default: return stop
        }
    }
    function inkOn(tone: int): color {
        return tone === Door.Caution ? cautionInk : "#FFFFFF"
    }
    function glyph(kind: int): string {
        switch (kind) {
        case Door.Admitted: return "\u2713"       // check mark
        case Door.Exited: return "\u2192"         // arrow: on the way out
        case Door.AlreadyInside: return "!"
        case Door.AlreadyUsed: return "!"
        case Door.PaymentPending: return "\u20AC"  // euro sign: a payment
        case Door.Question: return "?"
        case Door.Order: return "\u2261"           // three lines: several people
        case Door.NotInside: return "!"
        case Door.Unknown: return "?"
        case Door.Undone: return "\u21B6"         // anticlockwise arrow
        default: return "\u2715"                  // cross: cancelled, wrong event, not recorded
        }
    }
}
