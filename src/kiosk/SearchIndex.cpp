#include "SearchIndex.h"

#include "SearchText.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace checkin {

namespace {

// Score of a query word: that of its best key of the person; a person's score is the sum over
// the words. Exact beats prefix whatever the field; then last name > first name > company; a key
// that begins where its field begins (its first part, or the joined whole: a key the field's
// first key is a prefix of) gets a small bonus. Different query words may match the same key
// ("anna a" finds every Anna): requiring distinct keys would cost a matching per person.
constexpr quint32 ExactScore = 100;
constexpr quint32 PrefixScore = 50;
constexpr quint32 FieldScore[3] = {30, 20, 10}; // by Field
constexpr quint32 StartScore = 5;
constexpr qsizetype MaxWords = 32; // further query words are ignored

enum Field : quint32 { LastName = 0, FirstName = 1, Company = 2 };

constexpr quint32 Dead = std::numeric_limits<quint32>::max(); // rank of a removed or unused slot

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

Text text(const QString &s)
{
    return {reinterpret_cast<const char16_t *>(s.constData()), size_t(s.size())};
}

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

    Text keyAt(size_t i) const { return {arena.data() + dict[i].offset, dict[i].length}; }
    quint32 postingsEnd(size_t i) const
    {
        return i + 1 < dict.size() ? dict[i + 1].postings : quint32(postings.size());
    }
    bool sortsBefore(quint32 a, quint32 b) const
    {
        const int c = text(names[a].sortName).compare(text(names[b].sortName));
        return c != 0 ? c < 0 : names[a].rowKey < names[b].rowKey;
    }
    bool postingBefore(quint32 a, quint32 b) const
    {
        const quint32 la = Posting::level(a);
        const quint32 lb = Posting::level(b);
        return la != lb ? la < lb : ranks[Posting::slot(a)] < ranks[Posting::slot(b)];
    }
    // (score, rank) of a posting as one number, higher is better.
    quint64 value(quint32 p, quint32 matchScore) const
    {
        return quint64(matchScore + Posting::score(p)) << 32 | quint64(Dead - ranks[Posting::slot(p)]);
    }
    std::vector<char> staleSlots() const
    {
        std::vector<char> stale(ranks.size());
        std::transform(ranks.begin(), ranks.end(), stale.begin(), [](quint32 rank) { return rank == Dead; });
        return stale;
    }

    quint32 allocateSlot(size_t expected);
    quint32 nextStamps(quint32 count);
    void mergeOrder(const std::vector<quint32> &sortedBatchSlots);
    void mergePostings(const std::vector<char> &stale, const std::vector<Text> &batchKeys,
                       const std::vector<quint32> &batchStarts, const std::vector<quint32> &batchPostings);
    void purge();
    void topOfOneWord(quint32 firstKey, quint32 endKey, bool exact, int limit, QList<Hit> &hits);
};

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

// The first of `count` fresh stamps.
quint32 SearchIndex::Data::nextStamps(quint32 count)
{
    if (generation > Dead - count - 1) {
        for (Scratch &s : scratch)
            s.stamp = 0;
        generation = 0;
    }
    const quint32 first = generation + 1;
    generation += count;
    return first;
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

// One word, many matches: a k-way merge over the word's keys, whose postings are sorted best
// first, takes people in descending (score, rank) until `limit` distinct ones; the first posting
// taken of a person is their best.
void SearchIndex::Data::topOfOneWord(quint32 firstKey, quint32 endKey, bool exact, int limit,
                                     QList<Hit> &hits)
{
    struct Cursor
    {
        quint64 value = 0;
        quint32 next = 0;
        quint32 end = 0;
        quint32 matchScore = 0;
    };
    const auto advance = [this](Cursor &c) {
        while (c.next < c.end) {
            const quint32 p = postings[c.next++];
            if (ranks[Posting::slot(p)] != Dead) {
                c.value = value(p, c.matchScore);
                return true;
            }
        }
        return false;
    };
    std::vector<Cursor> heap;
    heap.reserve(endKey - firstKey);
    for (quint32 key = firstKey; key < endKey; ++key) {
        Cursor c{0, dict[key].postings, postingsEnd(key),
                 key == firstKey && exact ? ExactScore : PrefixScore};
        if (advance(c))
            heap.push_back(c);
    }
    const auto lower = [](const Cursor &a, const Cursor &b) { return a.value < b.value; };
    std::make_heap(heap.begin(), heap.end(), lower);
    const quint32 stamp = nextStamps(1);
    hits.reserve(limit);
    while (!heap.empty() && hits.size() < limit) {
        std::pop_heap(heap.begin(), heap.end(), lower);
        Cursor &c = heap.back();
        const quint32 slot = order[Dead - quint32(c.value & 0xFFFFFFFFu)];
        if (scratch[slot].stamp != stamp) {
            scratch[slot].stamp = stamp;
            hits.append({names[slot].rowKey, int(c.value >> 32)});
        }
        if (advance(c))
            std::push_heap(heap.begin(), heap.end(), lower);
        else
            heap.pop_back();
    }
}

SearchIndex::SearchIndex()
    : d(std::make_unique<Data>())
{}

SearchIndex::~SearchIndex() = default;

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

qsizetype SearchIndex::size() const
{
    return d->slotOf.size();
}

QList<SearchIndex::Hit> SearchIndex::search(QStringView query, int limit) const
{
    if (limit <= 0 || d->slotOf.isEmpty())
        return {};
    QStringList words = SearchText::queryWords(query);
    if (words.isEmpty())
        return {};
    if (words.size() > MaxWords)
        words.resize(MaxWords);

    // Each word's keys: those it is a prefix of, the exact one first; their postings are contiguous.
    struct Run
    {
        quint32 firstKey = 0;
        quint32 endKey = 0;
        bool exact = false;
        quint32 from = 0;
        quint32 to = 0;
    };
    std::vector<Run> runs;
    const auto keyOf = [this](const Data::Key &k) { return Text(d->arena.data() + k.offset, k.length); };
    for (const QString &word : std::as_const(words)) {
        const Text w = text(word);
        const auto first = std::partition_point(d->dict.begin(), d->dict.end(),
                                                [&](const Data::Key &k) { return keyOf(k) < w; });
        const auto last = std::partition_point(first, d->dict.end(),
                                               [&](const Data::Key &k) { return keyOf(k).starts_with(w); });
        if (first == last)
            return {};
        const quint32 firstKey = quint32(first - d->dict.begin());
        const quint32 endKey = quint32(last - d->dict.begin());
        runs.push_back(
            {firstKey, endKey, first->length == w.size(), first->postings, d->postingsEnd(endKey - 1)});
    }

    QList<Hit> hits;
    if (runs.size() == 1 && size_t(limit) * 8 < runs[0].to - runs[0].from) {
        d->topOfOneWord(runs[0].firstKey, runs[0].endKey, runs[0].exact, limit, hits);
        return hits;
    }

    // Otherwise one round per word, the smallest run first (it bounds the candidates): a person
    // survives a round if a posting of theirs is in the word's run; keep the best score per word.
    std::sort(runs.begin(), runs.end(),
              [](const Run &a, const Run &b) { return a.to - a.from < b.to - b.from; });
    const quint32 rounds = quint32(runs.size());
    const quint32 firstStamp = d->nextStamps(rounds);
    std::vector<quint32> &candidates = d->candidates;
    candidates.clear();
    for (quint32 r = 0; r < rounds; ++r) {
        const quint32 stamp = firstStamp + r;
        const bool lastRound = r + 1 == rounds;
        const auto scan = [&](quint32 from, quint32 to, quint32 matchScore) {
            for (quint32 k = from; k < to; ++k) {
                const quint32 p = d->postings[k];
                Data::Scratch &s = d->scratch[Posting::slot(p)];
                const quint16 score = quint16(matchScore + Posting::score(p));
                if (s.stamp == stamp) {
                    s.current = std::max(s.current, score);
                } else if (r == 0 || s.stamp == stamp - 1) { // first posting in this round
                    s.sum = r == 0 ? 0 : quint16(s.sum + s.current);
                    s.current = score;
                    s.stamp = stamp;
                    if (lastRound && d->ranks[Posting::slot(p)] != Dead)
                        candidates.push_back(Posting::slot(p));
                }
            }
        };
        const quint32 exactEnd = runs[r].exact ? d->postingsEnd(runs[r].firstKey) : runs[r].from;
        scan(runs[r].from, exactEnd, ExactScore);
        scan(exactEnd, runs[r].to, PrefixScore);
    }

    // Top `limit` by (score, rank).
    std::vector<quint64> &ranked = d->ranked;
    ranked.clear();
    for (quint32 slot : candidates) {
        const Data::Scratch &s = d->scratch[slot];
        ranked.push_back(quint64(s.sum + s.current) << 32 | quint64(Dead - d->ranks[slot]));
    }
    const auto k = qsizetype(std::min(size_t(limit), ranked.size()));
    std::nth_element(ranked.begin(), ranked.begin() + k, ranked.end(), std::greater<>());
    std::sort(ranked.begin(), ranked.begin() + k, std::greater<>());
    hits.reserve(k);
    for (qsizetype i = 0; i < k; ++i) {
        const quint32 slot = d->order[Dead - quint32(ranked[size_t(i)] & 0xFFFFFFFFu)];
        hits.append({d->names[slot].rowKey, int(ranked[size_t(i)] >> 32)});
    }
    return hits;
}

} // namespace checkin
