// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HybridClock.h"

#include <QString>

namespace checkin {

enum class CheckInKind { Entry, Exit, Undo };
enum class CheckInStatus { Accepted, Duplicate, Conflict, Rejected };

// One immutable event of the grow-only check-in log: an entry, an exit, or the undo of an earlier one.
struct CheckIn
{
    QString id; // UUID, generated where the check-in happened; the idempotency key
    QString eventId;
    QString attendeeId; // empty when the scanned code matched nobody
    QString codeHash;   // the scanned code's hash when there is no attendee
    CheckInKind kind = CheckInKind::Entry;
    QString ref;     // for Undo: the id of the check-in it cancels
    qint64 atMs = 0; // the device's wall time when it happened
    Hlc hlc;
    QString deviceId;
    // The check-in list it was recorded on (docs/kiosk-core.md, "Check-in lists"); empty for the
    // default list, CheckInList::DefaultId, which is never written out.
    QString list;
    bool forced = false; // a volunteer override
    QString note;
    // The answer to the list's question ("Photo consent?"), as the volunteer gave it; empty when
    // the list asks none or it was not asked (exits, undos).
    QString answer;
    // Ticked on the door's paper list while no device worked, and entered afterwards (atMs and the
    // clock value are when it was ticked). Shown as "Paper list" wherever a device name would be.
    bool paper = false;

    friend bool operator==(const CheckIn &, const CheckIn &) = default;
};

QString checkInKindName(CheckInKind kind);
bool parseCheckInKind(QStringView text, CheckInKind *kind);
QString checkInStatusName(CheckInStatus status);
bool parseCheckInStatus(QStringView text, CheckInStatus *status);

// A new check-in id: a time-ordered UUID (version 7) without braces, lowercase.
QString newCheckInId();
QString newCheckInId(qint64 unixMs);
// The id of a paper-list tick: laid out like newCheckInId(atMs), with the other bits from a hash of
// the event, the person (attendee id, or the code's hash) and the time, so that entering the same
// tick twice names the same check-in and records it once.
QString paperCheckInId(const QString &eventId, const QString &subject, qint64 atMs);

} // namespace checkin
