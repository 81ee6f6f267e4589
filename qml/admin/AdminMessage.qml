// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

import QtQml
import QtQuick
import Kiosk

// A sentence in a card; wraps.
Text {
    font.pixelSize: Theme.body
    color: Theme.mutedText
    wrapMode: Text.Wrap
}
