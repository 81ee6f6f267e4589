// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SearchIndex.h"

#include "SearchIndexData.h"
#include "SearchText.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace checkin {

using namespace searchindex;

namespace {

constexpr qsizetype MaxWords = 32; // further query words are ignored

} // namespace

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
SearchIndex::SearchIndex(SearchIndex &&) noexcept = default;
SearchIndex &SearchIndex::operator=(SearchIndex &&) noexcept = default;

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
