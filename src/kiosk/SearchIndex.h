// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

#include <memory>

namespace checkin {

// In-memory prefix index over attendees' first name, last name and company, on normalised keys
// (SearchText). Several query words narrow the result (each word must prefix-match some key of
// the attendee); hits are ranked by how well they match, then by last and first name. Not thread
// safe: it lives on the store's worker thread.
class SearchIndex
{
public:
    struct Person
    {
        qint64 key = 0; // the store's row id of the attendee
        QString firstName;
        QString lastName;
        QString company;
    };

    struct Hit
    {
        qint64 key = 0;
        int score = 0; // higher is better
    };

    SearchIndex();
    ~SearchIndex();
    SearchIndex(const SearchIndex &) = delete;
    SearchIndex &operator=(const SearchIndex &) = delete;
    SearchIndex(SearchIndex &&) noexcept;
    SearchIndex &operator=(SearchIndex &&) noexcept;

    // Replaces the whole index (bulk build; 100,000 people well under 200 ms).
    void rebuild(const QList<Person> &people);
    // Adds or replaces people by key (a page of changes, an import into an existing event).
    void upsert(const QList<Person> &people);
    void remove(qint64 key);
    void clear();
    qsizetype size() const;

    // At most `limit` hits, best first. An empty or blank query gives no hits.
    QList<Hit> search(QStringView query, int limit) const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace checkin
