// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace checkin::ui {

// The words for one check-in the event lead reviews: what it is, why the rules classified it so,
// the entry a duplicate repeats, and the rule that decided it, in one sentence.
class ReviewText
{
    Q_DECLARE_TR_FUNCTIONS(ReviewText)
public:
    // Formats a device time for the screen ("09:12", or with the date when not today).
    using TimeFormat = std::function<QString(qint64 ms)>;

    static QString kindTitle(ReviewKind kind); // "Duplicate", ..., "Admitted anyway"
    static QString who(const ReviewItem &item);
    static QString action(CheckInKind kind); // "Entry", "Exit", "Undo"
    // For a duplicate: the check-in it repeats, where and when; empty for other kinds.
    static QString first(const ReviewItem &item, const TimeFormat &time);
    static QString reason(const ReviewItem &item, const TimeFormat &time);
    static QString rule(const ReviewItem &item);
};

} // namespace checkin::ui
