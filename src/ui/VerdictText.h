#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QString>

namespace checkin::ui {

// How the door shows an outcome: a stable kind for the QML (which picks the colour and the glyph
// from it), a tone, and the headline. Never colour alone: the headline says it in words.
struct VerdictText
{
    Q_DECLARE_TR_FUNCTIONS(VerdictText)
public:
    QString
        kind; // admitted, exited, already_inside, not_inside, cancelled, unknown, wrong_event, undone, error
    QString tone;  // go (green), caution (amber), stop (red), info (blue)
    QString title; // the headline, a few words, in the current language

    static VerdictText of(const ScanOutcome &outcome);
};

} // namespace checkin::ui
