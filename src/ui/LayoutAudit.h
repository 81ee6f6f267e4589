// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QRectF>
#include <QStringList>

class QQuickItem;
class QQuickWindow;

namespace checkin::ui {

// Looks at what a window shows the way a finger would: every visible control (buttons, fields, list
// rows) of the layer on top (an open dialog, else the screens) must be inside the window, not under
// the on-screen keyboard or another item (the item a tap at its centre and around it would reach is
// the control itself), at least 48 x 48 px, and its label not elided; every visible text must be
// inside the window and overlap no other text or control. Scrolled-away parts of a list or form
// are fine; a part cut off by a box that does not scroll is not. One sentence per problem.
class LayoutAudit
{
public:
    struct Options
    {
        int minTouch = 48;
        // Texts under an item of one of these names may be elided by design (the status bar's
        // last sync, a long name in a list row is elided anyway).
        QStringList mayElideUnder;
    };

    static QStringList check(QQuickWindow *window, const Options &options);
    static QStringList check(QQuickWindow *window) { return check(window, Options{}); }

    // The item a tap at `scenePoint` reaches first: the top-most visible item there that takes
    // mouse or touch input (the overlay that holds dialogs passes taps through); `asIfEnabled` and
    // what is in it count even while disabled.
    static QQuickItem *itemAt(QQuickItem *root, const QPointF &scenePoint,
                              const QQuickItem *asIfEnabled = nullptr);
    // The on-screen keyboard's rectangle in the window while it is up, else empty.
    static QRectF keyboardRect(QQuickWindow *window);
    // Whether `item` is a control a person taps or types into.
    static bool isControl(const QQuickItem *item);
    // A short description of `item` for a message: its object name, its text, or its type.
    static QString describe(const QQuickItem *item);

private:
    // While the on-screen keyboard is up: every key of the layout shown is inside it and overlaps
    // no other key (Qt 6.4's keyboard kept the old widths of Shift, &123 and Enter after it was
    // made narrower, and lost keys at its edges).
    static void checkKeys(QQuickItem *keyboard, QStringList *problems);
};

} // namespace checkin::ui
