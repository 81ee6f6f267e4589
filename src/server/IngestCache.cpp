// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IngestCache.h"

namespace checkin {

Attendee IngestPerson::attendee(const QString &id) const
{
    Attendee a;
    a.id = id;
    a.status = status;
    a.cancelledAtMs = cancelledAtMs;
    a.ticketType = ticketType;
    return a;
}

IngestPerson::Stored IngestPerson::Stored::of(CheckIn checkIn, const Classification &classification)
{
    checkIn.codeHash.clear();
    checkIn.note.clear();
    return {std::move(checkIn), classification};
}

void IngestCache::sync(quint64 generation)
{
    if (generation != m_generation) {
        clear();
        m_generation = generation;
    }
}

void IngestCache::clear()
{
    m_events.clear();
    m_people = 0;
    m_checkIns = 0;
}

bool IngestCache::wantsWhole(const QString &eventId) const
{
    const auto event = m_events.constFind(eventId);
    return event == m_events.constEnd() || (!event->whole && !event->tooLarge);
}

void IngestCache::setWhole(const QString &eventId, QHash<QString, IngestPerson> people)
{
    Event &event = m_events[eventId];
    m_people -= event.people.size();
    for (const IngestPerson &p : std::as_const(event.people))
        m_checkIns -= p.checkIns.size();
    event = {};
    event.whole = true;
    event.people.reserve(people.size());
    for (auto it = people.begin(); it != people.end(); ++it)
        keep(event.people[it.key()], std::move(it.value()));
    m_people += event.people.size();
    checkBound();
}

void IngestCache::setTooLarge(const QString &eventId)
{
    m_events[eventId].tooLarge = true;
}

QStringList IngestCache::missing(const QString &eventId, const QStringList &ids) const
{
    const auto event = m_events.constFind(eventId);
    if (event == m_events.constEnd())
        return ids;
    if (event->whole)
        return {};
    QStringList out;
    for (const QString &id : ids) {
        if (!event->people.contains(id))
            out << id;
    }
    return out;
}

IngestPerson *IngestCache::held(const QString &eventId, const QString &id)
{
    const auto event = m_events.find(eventId);
    if (event == m_events.end())
        return nullptr;
    const auto found = event->people.find(id);
    return found == event->people.end() ? nullptr : &found.value();
}

void IngestCache::grew(qsizetype checkIns)
{
    m_checkIns += checkIns;
    checkBound();
}

void IngestCache::remember(const QString &eventId, QHash<QString, IngestPerson> &&people)
{
    Event &event = m_events[eventId];
    for (auto it = people.begin(); it != people.end(); ++it) {
        // Held whole, the event keeps only its attendees: anybody else is nobody by absence.
        if (event.whole && !it->known)
            continue;
        const auto found = event.people.find(it.key());
        if (found == event.people.end()) {
            ++m_people;
            keep(event.people[it.key()], std::move(it.value()));
        } else {
            keep(*found, std::move(it.value()));
        }
    }
    people.clear();
    checkBound();
}

void IngestCache::keep(IngestPerson &kept, IngestPerson &&person)
{
    m_checkIns += person.checkIns.size() - kept.checkIns.size();
    kept = std::move(person);
}

void IngestCache::checkBound()
{
    if (m_people <= maxPeople && m_checkIns <= maxCheckIns)
        return;
    // Start over; an event held whole that outgrew the bound is read person by person from now.
    QStringList tooLarge;
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
        if (it->whole || it->tooLarge)
            tooLarge << it.key();
    }
    clear();
    for (const QString &eventId : std::as_const(tooLarge))
        setTooLarge(eventId);
}

} // namespace checkin
