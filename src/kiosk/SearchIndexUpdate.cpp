// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SearchIndexData.h"

#include "SearchText.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

// The update side of SearchIndex: bulk build, upserts, removals, merging and compaction.
namespace checkin {

using namespace searchindex;

namespace {

// The first four UTF-16 units as a number: orders like the text where the numbers differ.
quint64 head(Text t)
{
    quint64 h = 0;
    for (size_t i = 0; i < 4; ++i)
        h = h << 16 | (i < t.size() ? t[i] : 0);
    return h;
}

// The indices 0..n-1 sorted by `less`; precomputed heads decide most comparisons without
// chasing pointers.
template<typename Head, typename Less> std::vector<quint32> sortedIndices(size_t n, Head headOf, Less less)
{
    std::vector<std::pair<quint64, quint32>> keyed(n);
    for (size_t i = 0; i < n; ++i)
        keyed[i] = {headOf(i), quint32(i)};
    std::sort(keyed.begin(), keyed.end(), [&less](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : less(a.second, b.second);
    });
    std::vector<quint32> indices(n);
    std::transform(keyed.begin(), keyed.end(), indices.begin(), [](const auto &k) { return k.second; });
    return indices;
}

// The distinct strings of a batch, with dense ids in order of appearance.
struct Interner
{
    QHash<QString, quint32> ids;
    std::vector<QString> strings;

    quint32 id(const QString &s)
    {
        const auto it = ids.constFind(s);
        if (it != ids.cend())
            return it.value();
        strings.push_back(s);
        return ids.insert(s, quint32(strings.size() - 1)).value();
    }
    // The ids in the order of their strings.
    std::vector<quint32> sorted() const
    {
        return sortedIndices(
            strings.size(), [this](size_t i) { return head(text(strings[i])); },
            [this](quint32 a, quint32 b) { return text(strings[a]) < text(strings[b]); });
    }
};

// Merges the sorted [first, last) into the sorted tail v[begin..] with O(b log n) comparisons and
// one pass of moves: a page of changes is small next to the index.
template<typename Less>
void mergeInto(std::vector<quint32> &v, size_t begin, const quint32 *first, const quint32 *last,
               std::vector<size_t> &at, Less less)
{
    const size_t n = v.size();
    const size_t b = size_t(last - first);
    at.resize(b);
    size_t lo = begin;
    for (size_t i = 0; i < b; ++i)
        at[i] = lo = size_t(std::upper_bound(v.begin() + qsizetype(lo), v.end(), first[i], less) - v.begin());
    v.resize(n + b);
    size_t end = n; // old elements in [at[i], end) move up by i + 1
    for (size_t i = b; i-- > 0;) {
        std::move_backward(v.begin() + qsizetype(at[i]), v.begin() + qsizetype(end),
                           v.begin() + qsizetype(end + i + 1));
        v[at[i] + i] = first[i];
        end = at[i];
    }
}

} // namespace

// A reused or new slot; room is reserved for `expected` new ones (exactly on a bulk build).
quint32 SearchIndex::Data::allocateSlot(size_t expected)
{
    if (!freeSlots.empty()) {
        const quint32 slot = freeSlots.back();
        freeSlots.pop_back();
        return slot;
    }
    if (ranks.size() == ranks.capacity()) {
        const size_t capacity =
            ranks.empty() ? expected : std::max(expected, ranks.size() / 2) + ranks.size();
        ranks.reserve(capacity);
        names.reserve(capacity);
        scratch.reserve(capacity);
    }
    ranks.push_back(Dead);
    names.emplace_back();
    scratch.emplace_back();
    return quint32(ranks.size() - 1);
}

// Drops dead slots from `order`, merges the batch's slots (sorted) in and renumbers the ranks.
// The relative order of the others does not change, so the postings stay sorted.
void SearchIndex::Data::mergeOrder(const std::vector<quint32> &sortedBatchSlots)
{
    std::erase_if(order, [this](quint32 slot) { return ranks[slot] == Dead; });
    mergeInto(order, 0, sortedBatchSlots.data(), sortedBatchSlots.data() + sortedBatchSlots.size(), positions,
              [this](quint32 a, quint32 b) { return sortsBefore(a, b); });
    for (size_t r = 0; r < order.size(); ++r)
        ranks[order[r]] = quint32(r);
}

// One pass: drops the postings of stale slots (removed, or being replaced) and merges the batch's
// keys (sorted, distinct) and postings (sorted per key) in. Keys left without postings disappear.
void SearchIndex::Data::mergePostings(const std::vector<char> &stale, const std::vector<Text> &batchKeys,
                                      const std::vector<quint32> &batchStarts,
                                      const std::vector<quint32> &batchPostings)
{
    std::u16string newArena;
    std::vector<Key> newDict;
    std::vector<quint32> newPostings;
    newArena.reserve(arena.size() + batchKeys.size() * 8);
    newDict.reserve(dict.size() + batchKeys.size());
    newPostings.reserve(postings.size() + batchPostings.size());
    const auto before = [this](quint32 a, quint32 b) { return postingBefore(a, b); };
    for (size_t i = 0, j = 0; i < dict.size() || j < batchKeys.size();) {
        const int c = i == dict.size() ? 1 : j == batchKeys.size() ? -1 : keyAt(i).compare(batchKeys[j]);
        const Text key = c <= 0 ? keyAt(i) : batchKeys[j];
        const size_t begin = newPostings.size();
        if (c <= 0) {
            for (quint32 k = dict[i].postings, end = postingsEnd(i); k < end; ++k) {
                if (!stale[Posting::slot(postings[k])])
                    newPostings.push_back(postings[k]);
            }
        }
        if (c >= 0) {
            const quint32 *first = batchPostings.data() + batchStarts[j];
            const quint32 *last = batchPostings.data() + batchStarts[j + 1];
            if (newPostings.size() == begin)
                newPostings.insert(newPostings.end(), first, last);
            else
                mergeInto(newPostings, begin, first, last, positions, before);
        }
        if (newPostings.size() > begin) {
            newDict.push_back({quint32(newArena.size()), quint32(key.size()), quint32(begin)});
            newArena.append(key);
        }
        i += c <= 0 ? 1 : 0;
        j += c >= 0 ? 1 : 0;
    }
    arena = std::move(newArena);
    dict = std::move(newDict);
    postings = std::move(newPostings);
    positions = {};
}

// Removes the postings of removed people for good and makes their slots reusable.
void SearchIndex::Data::purge()
{
    const std::vector<char> stale = staleSlots();
    mergeOrder({});
    mergePostings(stale, {}, {0}, {});
    freeSlots.insert(freeSlots.end(), removedSlots.begin(), removedSlots.end());
    removedSlots.clear();
}

void SearchIndex::rebuild(const QList<Person> &people)
{
    clear();
    upsert(people);
}

void SearchIndex::upsert(const QList<Person> &people)
{
    if (people.isEmpty())
        return;

    // Slots: an existing person keeps theirs (dead until the merge replaces its postings); the
    // last occurrence of a row key in the batch wins.
    struct Entry
    {
        quint32 slot = 0;
        const Person *person = nullptr;
        quint32 itemsBegin = 0;
        quint32 itemsEnd = 0;
        quint32 lastName = 0; // name ids
        quint32 firstName = 0;
    };
    std::vector<Entry> batch;
    batch.reserve(size_t(people.size()));
    std::vector<qint32> batchIndexOfSlot(d->ranks.size() + size_t(people.size()), -1);
    if (d->slotOf.isEmpty())
        d->slotOf.reserve(people.size());
    for (const Person &person : people) {
        auto it = d->slotOf.find(person.key);
        quint32 slot;
        if (it == d->slotOf.end()) {
            slot = d->allocateSlot(size_t(people.size()));
            d->slotOf.insert(person.key, slot);
            d->names[slot].rowKey = person.key;
        } else {
            slot = it.value();
            d->ranks[slot] = Dead;
        }
        if (batchIndexOfSlot[slot] >= 0) {
            batch[size_t(batchIndexOfSlot[slot])].person = &person;
        } else {
            batchIndexOfSlot[slot] = qint32(batch.size());
            batch.push_back({slot, &person});
        }
    }
    const std::vector<char> stale = d->staleSlots();

    // The batch's keys and names, interned, and one item (key id, posting) per key and field.
    Interner keys;
    Interner names;
    std::vector<std::pair<quint32, quint32>> items;
    items.reserve(batch.size() * 6);
    for (Entry &entry : batch) {
        const Person &person = *entry.person;
        const QString lastName = SearchText::normalize(person.lastName);
        const QString firstName = SearchText::normalize(person.firstName);
        entry.lastName = names.id(lastName);
        entry.firstName = names.id(firstName);
        d->names[entry.slot].sortName = lastName + u'\1' + firstName;
        entry.itemsBegin = quint32(items.size());
        const QString *fields[3] = {&person.lastName, &person.firstName, &person.company};
        for (quint32 field : {LastName, FirstName, Company}) {
            const QStringList fieldKeys = SearchText::keys(*fields[field]);
            for (const QString &key : fieldKeys)
                items.emplace_back(keys.id(key),
                                   Posting::make(entry.slot, field, key.startsWith(fieldKeys[0])));
        }
        entry.itemsEnd = quint32(items.size());
    }

    // The batch by name (sorting the distinct names first leaves integers to compare, in the order
    // of sortsBefore); merged into the order, it gives everyone their rank.
    std::vector<quint64> nameRank(names.strings.size());
    {
        const auto sortedNames = names.sorted();
        for (size_t r = 0; r < sortedNames.size(); ++r)
            nameRank[sortedNames[r]] = r;
    }
    const auto byName = sortedIndices(
        batch.size(),
        [&](size_t i) { return nameRank[batch[i].lastName] << 32 | nameRank[batch[i].firstName]; },
        [&](quint32 a, quint32 b) {
            return d->names[batch[a].slot].rowKey < d->names[batch[b].slot].rowKey;
        });
    std::vector<quint32> sortedSlots(batch.size());
    std::transform(byName.begin(), byName.end(), sortedSlots.begin(),
                   [&](quint32 i) { return batch[i].slot; });
    d->mergeOrder(sortedSlots);

    // The distinct keys sorted, then the postings by key and level with a counting sort that visits
    // people by rank, so each level comes out in rank order.
    const auto sortedIds = keys.sorted();
    const size_t keyCount = sortedIds.size();
    std::vector<quint32> positionOfId(keyCount);
    std::vector<Text> batchKeys(keyCount);
    for (size_t k = 0; k < keyCount; ++k) {
        positionOfId[sortedIds[k]] = quint32(k);
        batchKeys[k] = text(keys.strings[sortedIds[k]]);
    }
    const auto bucket = [&](const std::pair<quint32, quint32> &item) {
        return positionOfId[item.first] * Posting::Levels + Posting::level(item.second);
    };
    std::vector<quint32> bucketStarts(keyCount * Posting::Levels + 1, 0);
    for (const auto &item : items)
        ++bucketStarts[bucket(item) + 1];
    std::partial_sum(bucketStarts.begin(), bucketStarts.end(), bucketStarts.begin());
    std::vector<quint32> batchStarts(keyCount + 1);
    for (size_t k = 0; k < batchStarts.size(); ++k)
        batchStarts[k] = bucketStarts[k * Posting::Levels];
    std::vector<quint32> batchPostings(items.size());
    for (quint32 i : byName) {
        for (quint32 k = batch[i].itemsBegin; k < batch[i].itemsEnd; ++k)
            batchPostings[bucketStarts[bucket(items[k])]++] = items[k].second;
    }

    d->mergePostings(stale, batchKeys, batchStarts, batchPostings);
    d->freeSlots.insert(d->freeSlots.end(), d->removedSlots.begin(), d->removedSlots.end());
    d->removedSlots.clear();
}

void SearchIndex::remove(qint64 key)
{
    const auto it = d->slotOf.constFind(key);
    if (it == d->slotOf.cend())
        return;
    const quint32 slot = it.value();
    d->slotOf.erase(it);
    d->ranks[slot] = Dead; // queries skip it from now on
    d->removedSlots.push_back(slot);
    // Purge in bulk, so a run of removals costs amortised O(1) each.
    if (d->removedSlots.size() >= 1024 && d->removedSlots.size() * 8 >= size_t(d->slotOf.size()))
        d->purge();
}

void SearchIndex::clear()
{
    d = std::make_unique<Data>();
}

} // namespace checkin
