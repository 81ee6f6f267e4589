// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"
#include "CheckIn.h"
#include "CheckInRules.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace checkin {

// The people a batch of check-ins concerns, as classification needs them: the ticket's status and
// every stored check-in of theirs with its classification.
struct IngestPerson
{
    // A check-in as classification reads it: without its code hash and note (they stay in the
    // database, and out of the writer's memory).
    struct Stored
    {
        CheckIn checkIn;
        Classification classification;

        static Stored of(CheckIn checkIn, const Classification &classification);
    };
    bool known = false; // the event has this attendee; check-ins for anybody else are rejected
    TicketStatus status = TicketStatus::Valid;
    qint64 cancelledAtMs = 0;
    QString ticketType; // for the check-in lists' rules
    QList<Stored> checkIns;

    Attendee attendee(const QString &id) const;
};

// What the SQLite ingest writer knows of an event's people, so that a batch reads nothing from the
// database to classify its check-ins: on its first batch for an event the writer reads every
// attendee with their check-ins (one pass), then keeps them as its own transactions change them.
// An event too large to hold is read person by person as batches need them, and those are kept.
// Only the writer thread uses it, and only inside its transaction. It is forgotten whenever it may
// be wrong: another writer changed attendees or check-ins (`generation` moved), the writer's
// transaction failed, or it grew past its bound.
class IngestCache
{
public:
    // Keeps the cache if nothing else changed people since it was filled; forgets it otherwise.
    void sync(quint64 generation);
    void clear();

    // Whether the event is to be read whole (never read yet, and not known to be too large).
    bool wantsWhole(const QString &eventId) const;
    // The event's people, all of them (`people` is every attendee of the event).
    void setWhole(const QString &eventId, QHash<QString, IngestPerson> people);
    void setTooLarge(const QString &eventId); // read person by person from now on

    // Of `ids`, those to read from the database (none when the event is held whole).
    QStringList missing(const QString &eventId, const QStringList &ids) const;
    // A person held, to be changed in place by the writer's transaction (the cache is cleared if
    // it fails), or null: not held, or (when the event is held whole) not an attendee. Valid until
    // the next call that adds or forgets people.
    IngestPerson *held(const QString &eventId, const QString &id);
    // `checkIns` check-ins were added to people held (through held()).
    void grew(qsizetype checkIns);
    // Remembers people as classified in the writer's transaction (cleared if it fails).
    void remember(const QString &eventId, QHash<QString, IngestPerson> &&people);

    qsizetype checkInCount() const { return m_checkIns; }
    // The bound (a few hundred bytes each): an event with more attendees is read person by person,
    // and past this many people or check-ins held the cache starts over.
    static constexpr qsizetype maxPeople = 250'000;
    static constexpr qsizetype maxCheckIns = 250'000;

private:
    struct Event
    {
        bool whole = false;
        bool tooLarge = false;
        QHash<QString, IngestPerson> people;
    };
    void keep(IngestPerson &kept, IngestPerson &&person);
    void checkBound();

    QHash<QString, Event> m_events;
    qsizetype m_people = 0;
    qsizetype m_checkIns = 0;
    quint64 m_generation = 0;
};

} // namespace checkin
