// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace checkin::ui {

// What the door shows, as the screens compare it: `Door.Admitted`, `Door.Caution` in QML.
namespace Door {
Q_NAMESPACE
QML_ELEMENT

// The kind of verdict: the screen's glyph and the sound follow from it. None before the first.
enum class Kind {
    None,
    Admitted,
    Exited,
    AlreadyInside,
    NotInside,
    Cancelled,
    Unknown,
    WrongEvent,
    Undone,
    AlreadyUsed,    // the check-in list's one entry (ever, or today) is used
    NotAdmitted,    // the check-in list's rules refuse it (ticket type, time, no exits here)
    PaymentPending, // not paid yet: the volunteer decides (nothing recorded yet)
    Question,       // the list's question, to be answered before the entry is recorded
    Order,          // an order's code: its attendees, to check in as a group
    Error
};
Q_ENUM_NS(Kind)

// Its colour: go (green), caution (amber), stop (red), info (blue).
enum class Tone { Go, Caution, Stop, Info };
Q_ENUM_NS(Tone)

// The kind's stable name, as the sound files are called: "admitted", "already_inside", ...,
// "error"; "" for None.
QString kindName(Kind kind);

} // namespace Door

// How the door shows an outcome: a stable kind for the QML (which picks the colour and the glyph
// from it), a tone, and the headline. Never colour alone: the headline says it in words.
struct VerdictText
{
    Q_DECLARE_TR_FUNCTIONS(VerdictText)
public:
    Door::Kind kind = Door::Kind::None;
    Door::Tone tone = Door::Tone::Stop;
    QString title; // the headline, a few words, in the current language

    static VerdictText of(const ScanOutcome &outcome);
};

// An attendee's door notes for the screens: [{label, text, attention}].
QVariantList doorNotes(const QList<DoorNote> &notes);

} // namespace checkin::ui
