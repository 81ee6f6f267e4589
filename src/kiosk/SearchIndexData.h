// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SearchIndex.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

// Private to SearchIndex.cpp (queries) and SearchIndexUpdate.cpp (updates): the index data they share.
namespace checkin {

namespace searchindex {

// Score of a query word: that of its best key of the person; a person's score is the sum over
// the words. Exact beats prefix whatever the field; then last name > first name > company; a key
// that begins where its field begins (its first part, or the joined whole: a key the field's
// first key is a prefix of) gets a small bonus. Different query words may match the same key
// ("anna a" finds every Anna): requiring distinct keys would cost a matching per person.
inline constexpr quint32 ExactScore = 100;
inline constexpr quint32 PrefixScore = 50;
inline constexpr quint32 FieldScore[3] = {30, 20, 10}; // by Field
inline constexpr quint32 StartScore = 5;

enum Field : quint32 { LastName = 0, FirstName = 1, Company = 2 };

inline constexpr quint32 Dead = std::numeric_limits<quint32>::max(); // rank of a removed or unused slot

// A posting is one key of one person: slot << 3 | field << 1 | startOfField. The postings of a
// key are kept by level (0: last name at its start ... 5: company, a later part; the order of
// the score, best first), then by rank, so a one-word query can take the best people first.
struct Posting
{
    static constexpr quint32 make(quint32 slot, quint32 f, bool start) { return slot << 3 | f << 1 | start; }
    static constexpr quint32 slot(quint32 p) { return p >> 3; }
    static constexpr quint32 score(quint32 p) { return FieldScore[(p >> 1) & 3] + (p & 1) * StartScore; }
    static constexpr quint32 level(quint32 p) { return (p & 7) ^ 1; }
    static constexpr quint32 Levels = 6;
};

using Text = std::u16string_view; // keys and names compare as UTF-16 code units

inline Text text(const QString &s)
{
    return {reinterpret_cast<const char16_t *>(s.constData()), size_t(s.size())};
}

} // namespace searchindex

// The index: a sorted dictionary of the distinct normalised keys (UTF-16, in one arena), each
// with a contiguous run of postings; per person a slot with its rank in the order of (normalised
// last name, first name, row key), which breaks ties between equal scores.
struct SearchIndex::Data
{
    struct Key
    {
        quint32 offset = 0; // in arena
        quint32 length = 0;
        quint32 postings = 0; // first posting; the run ends where the next key's begins
    };
    struct Name
    {
        QString sortName; // normalised last name, '\1', normalised first name
        qint64 rowKey = 0;
    };
    // What a query notes per person: the last round the person survived and the scores so far.
    struct Scratch
    {
        quint32 stamp = 0;
        quint16 current = 0; // best score for the current word
        quint16 sum = 0;     // scores of the earlier words
    };

    std::u16string arena;
    std::vector<Key> dict;
    std::vector<quint32> postings;
    std::vector<quint32> ranks;        // by slot; Dead for removed and unused slots
    std::vector<Name> names;           // by slot
    std::vector<quint32> order;        // slots by name; position = rank
    std::vector<quint32> freeSlots;    // no postings, no place in `order`: reusable
    std::vector<quint32> removedSlots; // removed, still in `postings` and `order`
    QHash<qint64, quint32> slotOf;
    std::vector<size_t> positions; // mergeInto scratch
    // Query scratch: search() is const but, like the whole class, not thread safe.
    std::vector<Scratch> scratch; // by slot
    quint32 generation = 0;
    std::vector<quint32> candidates;
    std::vector<quint64> ranked;

    searchindex::Text keyAt(size_t i) const { return {arena.data() + dict[i].offset, dict[i].length}; }
    quint32 postingsEnd(size_t i) const
    {
        return i + 1 < dict.size() ? dict[i + 1].postings : quint32(postings.size());
    }
    bool sortsBefore(quint32 a, quint32 b) const
    {
        const int c = searchindex::text(names[a].sortName).compare(searchindex::text(names[b].sortName));
        return c != 0 ? c < 0 : names[a].rowKey < names[b].rowKey;
    }
    bool postingBefore(quint32 a, quint32 b) const
    {
        const quint32 la = searchindex::Posting::level(a);
        const quint32 lb = searchindex::Posting::level(b);
        return la != lb ? la < lb
                        : ranks[searchindex::Posting::slot(a)] < ranks[searchindex::Posting::slot(b)];
    }
    // (score, rank) of a posting as one number, higher is better.
    quint64 value(quint32 p, quint32 matchScore) const
    {
        return quint64(matchScore + searchindex::Posting::score(p)) << 32 |
               quint64(searchindex::Dead - ranks[searchindex::Posting::slot(p)]);
    }
    std::vector<char> staleSlots() const
    {
        std::vector<char> stale(ranks.size());
        std::transform(ranks.begin(), ranks.end(), stale.begin(),
                       [](quint32 rank) { return rank == searchindex::Dead; });
        return stale;
    }

    quint32 allocateSlot(size_t expected);
    quint32 nextStamps(quint32 count);
    void mergeOrder(const std::vector<quint32> &sortedBatchSlots);
    void mergePostings(const std::vector<char> &stale, const std::vector<searchindex::Text> &batchKeys,
                       const std::vector<quint32> &batchStarts, const std::vector<quint32> &batchPostings);
    void purge();
    void topOfOneWord(quint32 firstKey, quint32 endKey, bool exact, int limit, QList<Hit> &hits);
};

} // namespace checkin
