// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QFuture>
#include <QObject>

namespace checkin {

class LocalStore;

// The door: turns a scanned code or a chosen attendee into a verdict, records entries, exits,
// undos and volunteer overrides through the store, and answers only after the record is on disk.
class CheckInDesk : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxNoteLength = 500;

    explicit CheckInDesk(LocalStore *store, QObject *parent = nullptr);

    QFuture<ScanOutcome> scan(const QString &code, CheckInKind kind = CheckInKind::Entry);
    QFuture<ScanOutcome> checkInAttendee(const QString &attendeeId, CheckInKind kind = CheckInKind::Entry);
    // Any request but a forced one (force()) or an undo: with the answer to the list's question,
    // as a paper tick, with orders looked up.
    QFuture<ScanOutcome> checkIn(const ScanRequest &request);
    // A volunteer admits (or lets out) whatever the verdict would be; the note says why and is required.
    QFuture<ScanOutcome> force(const ScanRequest &request);
    // Registers somebody who is not on the list and checks them in (LocalStore::registerWalkIn):
    // the verdict, as for any check-in, comes once both are on disk; "Undo" then undoes the entry.
    QFuture<ScanOutcome> registerWalkIn(const WalkIn &walkIn);
    QFuture<ScanOutcome> undo(const QString &checkInId);
    // Undoes the last check-in this desk recorded.
    QFuture<ScanOutcome> undoLast();

    QString lastCheckInId() const { return m_lastCheckInId; }

    // One sentence for a person: what happened and, when refused, what to do.
    static QString describe(const ScanOutcome &outcome);
    // The words of the door for a paper-list check-in's device ("Paper list").
    static QString paperDevice();

Q_SIGNALS:
    void decided(const checkin::ScanOutcome &outcome);

private:
    QFuture<ScanOutcome> submit(const ScanRequest &request);
    QFuture<ScanOutcome> finish(QFuture<ScanOutcome> future);

    LocalStore *m_store;
    QString m_lastCheckInId;
};

} // namespace checkin
