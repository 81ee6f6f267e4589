#include "SearchIndex.h"

#include "SearchText.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace checkin {

namespace {

// The score of a query word is that of its best key of the person; a person's score is the sum
// over the query words. Exact beats prefix whatever the field; then last name > first name >
// company; a key that begins where its field begins (the first part, or the joined whole) gets a
// small bonus. Different query words may match the same key ("anna a" finds every Anna); the
// smaller set of matches this would save is not worth the combinatorics.
constexpr quint32 ExactScore = 100;
constexpr quint32 PrefixScore = 50;
constexpr quint32 FieldScore[3] = {30, 20, 10}; // Field order
constexpr quint32 StartScore = 5;
constexpr qsizetype MaxWords = 32; // further query words are ignored

enum Field : quint32 { LastName = 0, FirstName = 1, Company = 2 };

constexpr quint32 Dead = std::numeric_limits<quint32>::max(); // rank of a removed or stale slot

// A posting is one key of one person: slot << 3 | field << 1 | startOfField.
constexpr quint32 posting(quint32 slot, quint32 field, bool start)
{
    return slot << 3 | field << 1 | (start ? 1u : 0u);
}
constexpr quint32 postingSlot(quint32 p)
{
    return p >> 3;
}
constexpr quint32 postingScore(quint32 p)
{
    return FieldScore[(p >> 1) & 3] + ((p & 1) ? StartScore : 0);
}

void appendUtf8(std::string &out, QStringView text)
{
    const qsizetype n = text.size();
    const char16_t *s = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = s[i];
        if (c < 0x80) {
            out.push_back(char(c));
            continue;
        }
        if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            c = QChar::surrogateToUcs4(char16_t(c), s[i + 1]);
            ++i;
        } else if (QChar::isSurrogate(c)) {
            c = 0xFFFD;
        }
        if (c < 0x800) {
            out.push_back(char(0xC0 | (c >> 6)));
        } else if (c < 0x10000) {
            out.push_back(char(0xE0 | (c >> 12)));
            out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        } else {
            out.push_back(char(0xF0 | (c >> 18)));
            out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
            out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
        }
        out.push_back(char(0x80 | (c & 0x3F)));
    }
}

} // namespace

// The index: a sorted dictionary of the distinct normalised keys (UTF-8, in one arena), each
// with a contiguous run of postings; per person a slot with its rank in the (last name, first
// name, row key) order and the scratch fields a query uses.
struct SearchIndex::Data
{
    struct Key
    {
        quint32 offset = 0; // in arena
        quint32 length = 0;
        quint32 postings = 0; // first posting; the run ends where the next key's begins
    };

    struct Slot
    {
        quint32 rank = Dead;
        quint32 stamp = 0;   // query scratch: the last round this person survived
        quint32 current = 0; // query scratch: best score for the current word
        quint32 sum = 0;     // query scratch: scores of the earlier words
    };

    std::string arena;
    std::vector<Key> dict;
    std::vector<quint32> postings;
    std::vector<Slot> slots;
    std::vector<qint64> rowKeys;        // by slot
    std::vector<std::string> sortNames; // by slot: normalised last name, '\1', first name
    std::vector<quint32> order;         // slots by sort name and row key; position = rank
    std::vector<quint32> freeSlots;     // no postings, no place in `order`: reusable
    std::vector<quint32> removedSlots;  // removed, still in `postings` and `order`
    QHash<qint64, quint32> slotOf;
    quint32 generation = 0;
    std::vector<quint32> candidates; // query scratch
    std::vector<quint64> ranked;     // query scratch

    std::string_view keyAt(size_t i) const { return {arena.data() + dict[i].offset, dict[i].length}; }
    quint32 postingsEnd(size_t i) const
    {
        return i + 1 < dict.size() ? dict[i + 1].postings : quint32(postings.size());
    }
    bool sortsBefore(quint32 a, quint32 b) const
    {
        const int c = sortNames[a].compare(sortNames[b]);
        return c != 0 ? c < 0 : rowKeys[a] < rowKeys[b];
    }

    quint32 allocateSlot();
    void mergePostings(const std::vector<std::string_view> &batchKeys,
                       const std::vector<quint32> &batchStarts, const std::vector<quint32> &batchPostings);
    void mergeOrder(std::vector<quint32> batchSlots);
    void purge();
};

quint32 SearchIndex::Data::allocateSlot()
{
    if (!freeSlots.empty()) {
        const quint32 slot = freeSlots.back();
        freeSlots.pop_back();
        return slot;
    }
    slots.emplace_back();
    rowKeys.push_back(0);
    sortNames.emplace_back();
    return quint32(slots.size() - 1);
}

// One linear pass: drops the postings of dead slots (removed, or about to be replaced) and merges
// the batch's keys (sorted, distinct) and postings in. Keys left without postings disappear.
void SearchIndex::Data::mergePostings(const std::vector<std::string_view> &batchKeys,
                                      const std::vector<quint32> &batchStarts,
                                      const std::vector<quint32> &batchPostings)
{
    std::string newArena;
    std::vector<Key> newDict;
    std::vector<quint32> newPostings;
    newArena.reserve(arena.size() + batchKeys.size() * 8);
    newDict.reserve(dict.size() + batchKeys.size());
    newPostings.reserve(postings.size() + batchPostings.size());
    size_t i = 0;
    size_t j = 0;
    while (i < dict.size() || j < batchKeys.size()) {
        const int c = i == dict.size() ? 1 : j == batchKeys.size() ? -1 : keyAt(i).compare(batchKeys[j]);
        const std::string_view key = c <= 0 ? keyAt(i) : batchKeys[j];
        const quint32 begin = quint32(newPostings.size());
        if (c <= 0) {
            for (quint32 k = dict[i].postings, end = postingsEnd(i); k < end; ++k) {
                if (slots[postingSlot(postings[k])].rank != Dead)
                    newPostings.push_back(postings[k]);
            }
            ++i;
        }
        if (c >= 0) {
            newPostings.insert(newPostings.end(), batchPostings.begin() + batchStarts[j],
                               batchPostings.begin() + batchStarts[j + 1]);
            ++j;
        }
        if (newPostings.size() > begin) {
            newDict.push_back({quint32(newArena.size()), quint32(key.size()), begin});
            newArena.append(key);
        }
    }
    arena = std::move(newArena);
    dict = std::move(newDict);
    postings = std::move(newPostings);
}

// Drops dead slots from `order`, merges the batch's slots in and renumbers the ranks.
void SearchIndex::Data::mergeOrder(std::vector<quint32> batchSlots)
{
    const auto before = [this](quint32 a, quint32 b) { return sortsBefore(a, b); };
    std::sort(batchSlots.begin(), batchSlots.end(), before);
    std::erase_if(order, [this](quint32 slot) { return slots[slot].rank == Dead; });
    std::vector<quint32> merged;
    merged.reserve(order.size() + batchSlots.size());
    std::merge(order.begin(), order.end(), batchSlots.begin(), batchSlots.end(), std::back_inserter(merged),
               before);
    order = std::move(merged);
    for (size_t r = 0; r < order.size(); ++r)
        slots[order[r]].rank = quint32(r);
}

// Removes the postings of removed people for good and makes their slots reusable.
void SearchIndex::Data::purge()
{
    mergePostings({}, {0}, {});
    mergeOrder({});
    freeSlots.insert(freeSlots.end(), removedSlots.begin(), removedSlots.end());
    removedSlots.clear();
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

    // Slots: an existing person keeps theirs (marked dead until the merge replaces its postings);
    // the last occurrence of a row key in the batch wins.
    std::vector<const Person *> batch;
    std::vector<quint32> batchSlots;
    batch.reserve(size_t(people.size()));
    batchSlots.reserve(size_t(people.size()));
    std::vector<qint32> batchIndexOfSlot(d->slots.size() + size_t(people.size()), -1);
    for (const Person &person : people) {
        auto it = d->slotOf.find(person.key);
        quint32 slot;
        if (it == d->slotOf.end()) {
            slot = d->allocateSlot();
            d->slotOf.insert(person.key, slot);
            d->rowKeys[slot] = person.key;
        } else {
            slot = it.value();
            d->slots[slot].rank = Dead;
        }
        if (batchIndexOfSlot[slot] >= 0) {
            batch[size_t(batchIndexOfSlot[slot])] = &person;
            continue;
        }
        batchIndexOfSlot[slot] = qint32(batch.size());
        batch.push_back(&person);
        batchSlots.push_back(slot);
    }

    // The batch's keys, interned, and one posting per key and field of each person.
    std::unordered_map<std::string, quint32> ids;
    ids.reserve(batch.size() * 4);
    std::vector<const std::string *> idKeys;
    std::vector<std::pair<quint32, quint32>> items; // (key id, posting)
    items.reserve(batch.size() * 6);
    std::string bytes;
    for (size_t b = 0; b < batch.size(); ++b) {
        const Person &person = *batch[b];
        const quint32 slot = batchSlots[b];
        const QString *fields[3] = {&person.lastName, &person.firstName, &person.company};
        for (quint32 field : {LastName, FirstName, Company}) {
            const QStringList keys = SearchText::keys(*fields[field]);
            for (const QString &key : keys) {
                bytes.clear();
                appendUtf8(bytes, key);
                const auto [it, inserted] = ids.try_emplace(bytes, quint32(idKeys.size()));
                if (inserted)
                    idKeys.push_back(&it->first);
                items.emplace_back(it->second, posting(slot, field, key.startsWith(keys.front())));
            }
        }
        std::string &sortName = d->sortNames[slot];
        sortName.clear();
        appendUtf8(sortName, SearchText::normalize(person.lastName));
        sortName.push_back('\1');
        appendUtf8(sortName, SearchText::normalize(person.firstName));
    }

    // Sort the distinct keys, then the postings by key (counting sort).
    std::vector<quint32> sortedIds(idKeys.size());
    std::iota(sortedIds.begin(), sortedIds.end(), 0u);
    std::sort(sortedIds.begin(), sortedIds.end(),
              [&idKeys](quint32 a, quint32 b) { return *idKeys[a] < *idKeys[b]; });
    std::vector<quint32> positionOfId(idKeys.size());
    std::vector<std::string_view> batchKeys(idKeys.size());
    for (size_t k = 0; k < sortedIds.size(); ++k) {
        positionOfId[sortedIds[k]] = quint32(k);
        batchKeys[k] = *idKeys[sortedIds[k]];
    }
    std::vector<quint32> batchStarts(idKeys.size() + 1, 0);
    for (const auto &item : items)
        ++batchStarts[positionOfId[item.first] + 1];
    std::partial_sum(batchStarts.begin(), batchStarts.end(), batchStarts.begin());
    std::vector<quint32> batchPostings(items.size());
    {
        std::vector<quint32> fill(batchStarts.begin(), batchStarts.end() - 1);
        for (const auto &item : items)
            batchPostings[fill[positionOfId[item.first]]++] = item.second;
    }

    d->mergePostings(batchKeys, batchStarts, batchPostings);
    d->mergeOrder(std::move(batchSlots));
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
    d->slots[slot].rank = Dead; // queries skip it from now on
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

    // Each word's run of postings: those of the keys it is a prefix of, the exact key first.
    struct Run
    {
        quint32 from = 0;
        quint32 exactEnd = 0;
        quint32 to = 0;
    };
    std::vector<Run> runs;
    runs.reserve(size_t(words.size()));
    std::string bytes;
    for (const QString &word : std::as_const(words)) {
        bytes.clear();
        appendUtf8(bytes, word);
        const std::string_view w = bytes;
        const auto first = std::partition_point(d->dict.begin(), d->dict.end(), [&](const Data::Key &k) {
            return std::string_view(d->arena.data() + k.offset, k.length) < w;
        });
        const auto last = std::partition_point(first, d->dict.end(), [&](const Data::Key &k) {
            return std::string_view(d->arena.data() + k.offset, k.length).starts_with(w);
        });
        if (first == last)
            return {};
        const size_t lo = size_t(first - d->dict.begin());
        const size_t hi = size_t(last - d->dict.begin());
        const quint32 exactEnd = first->length == w.size() ? d->postingsEnd(lo) : first->postings;
        runs.push_back({first->postings, exactEnd, d->postingsEnd(hi - 1)});
    }
    // The smallest run first: it bounds the candidates; later rounds only narrow them.
    std::sort(runs.begin(), runs.end(),
              [](const Run &a, const Run &b) { return a.to - a.from < b.to - b.from; });

    const quint32 rounds = quint32(runs.size());
    if (d->generation > Dead - rounds - 1) {
        for (Data::Slot &slot : d->slots)
            slot.stamp = 0;
        d->generation = 0;
    }
    const quint32 base = d->generation;
    d->generation += rounds;
    std::vector<quint32> &candidates = d->candidates;
    candidates.clear();
    for (quint32 r = 0; r < rounds; ++r) {
        const quint32 stamp = base + r + 1;
        const bool lastRound = r + 1 == rounds;
        const auto scan = [&](quint32 from, quint32 to, quint32 matchScore) {
            for (quint32 k = from; k < to; ++k) {
                const quint32 p = d->postings[k];
                Data::Slot &slot = d->slots[postingSlot(p)];
                if (slot.rank == Dead)
                    continue;
                const quint32 score = matchScore + postingScore(p);
                if (slot.stamp == stamp) {
                    slot.current = std::max(slot.current, score);
                } else if (r == 0 || slot.stamp == stamp - 1) { // first hit in this round
                    slot.sum = r == 0 ? 0 : slot.sum + slot.current;
                    slot.current = score;
                    slot.stamp = stamp;
                    if (lastRound)
                        candidates.push_back(postingSlot(p));
                }
            }
        };
        scan(runs[r].from, runs[r].exactEnd, ExactScore);
        scan(runs[r].exactEnd, runs[r].to, PrefixScore);
    }

    // Top `limit` by (score, rank): one 64-bit value each, higher is better.
    std::vector<quint64> &ranked = d->ranked;
    ranked.clear();
    ranked.reserve(candidates.size());
    for (quint32 slot : candidates) {
        const Data::Slot &s = d->slots[slot];
        ranked.push_back(quint64(s.sum + s.current) << 32 | quint64(Dead - s.rank));
    }
    const size_t k = std::min(size_t(limit), ranked.size());
    if (k < ranked.size())
        std::nth_element(ranked.begin(), ranked.begin() + qsizetype(k), ranked.end(), std::greater<>());
    std::sort(ranked.begin(), ranked.begin() + qsizetype(k), std::greater<>());

    QList<Hit> hits;
    hits.reserve(qsizetype(k));
    for (size_t i = 0; i < k; ++i) {
        const quint32 rank = Dead - quint32(ranked[i] & 0xFFFFFFFFu);
        hits.append({d->rowKeys[d->order[rank]], int(ranked[i] >> 32)});
    }
    return hits;
}

} // namespace checkin
