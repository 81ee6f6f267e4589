// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SearchIndex.h"
#include "SearchText.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace checkin;

namespace {

using Person = SearchIndex::Person;

Person person(qint64 key, const QString &first, const QString &last, const QString &company = {})
{
    return Person{key, first, last, company};
}

QList<qint64> keysOf(const QList<SearchIndex::Hit> &hits)
{
    QList<qint64> result;
    for (const auto &hit : hits)
        result.append(hit.key);
    return result;
}

QList<qint64> find(const SearchIndex &index, const QString &query, int limit = 100)
{
    return keysOf(index.search(query, limit));
}

QList<qint64> sorted(QList<qint64> keys)
{
    std::sort(keys.begin(), keys.end());
    return keys;
}

// The documented score, computed the slow way: per query word the best key of the person
// (exact 100 / prefix 50, + last name 30 / first name 20 / company 10, + 5 when the key begins
// where the field begins), summed; ties by normalised last name, first name, row key.
class Reference
{
public:
    void upsert(const Person &p) { m_people.insert(p.key, p); }
    void remove(qint64 key) { m_people.remove(key); }

    QList<SearchIndex::Hit> search(const QString &query) const
    {
        const QStringList words = SearchText::queryWords(query);
        struct Scored
        {
            SearchIndex::Hit hit;
            QString last, first;
        };
        QList<Scored> scored;
        if (words.isEmpty())
            return {};
        for (const Person &p : m_people) {
            const QStringList fieldKeys[3] = {SearchText::keys(p.lastName), SearchText::keys(p.firstName),
                                              SearchText::keys(p.company)};
            int total = 0;
            bool all = true;
            for (const QString &word : words) {
                int best = -1;
                for (int f = 0; f < 3; ++f) {
                    for (const QString &key : fieldKeys[f]) {
                        if (!key.startsWith(word))
                            continue;
                        const int score = (key == word ? 100 : 50) + (30 - 10 * f) +
                                          (key.startsWith(fieldKeys[f].front()) ? 5 : 0);
                        best = std::max(best, score);
                    }
                }
                if (best < 0) {
                    all = false;
                    break;
                }
                total += best;
            }
            if (all)
                scored.append(
                    {{p.key, total}, SearchText::normalize(p.lastName), SearchText::normalize(p.firstName)});
        }
        std::sort(scored.begin(), scored.end(), [](const Scored &a, const Scored &b) {
            if (a.hit.score != b.hit.score)
                return a.hit.score > b.hit.score;
            if (a.last != b.last)
                return a.last < b.last;
            if (a.first != b.first)
                return a.first < b.first;
            return a.hit.key < b.hit.key;
        });
        QList<SearchIndex::Hit> hits;
        for (const auto &s : scored)
            hits.append(s.hit);
        return hits;
    }

    const QHash<qint64, Person> &people() const { return m_people; }

private:
    QHash<qint64, Person> m_people;
};

const QStringList FirstNames{
    u"Anna"_s,       u"Anne"_s,   u"Annette"_s, u"Peter"_s,    u"Paul"_s,         u"Jürgen"_s,   u"Jörg"_s,
    u"Björn"_s,      u"Søren"_s,  u"José"_s,    u"Joel"_s,     u"Michael"_s,      u"Michaela"_s, u"Zoë"_s,
    u"Chloé"_s,      u"Łukasz"_s, u"Ørjan"_s,   u"Jean-Luc"_s, u"Marie-Claire"_s, u"Günther"_s,  u"Ümit"_s,
    u"Özlem"_s,      u"Çağla"_s,  u"Иван"_s,    u"Σοφία"_s,    u"Quentin"_s,      u"Mia"_s,      u"Max"_s,
    u"Maximilian"_s, u"Sven"_s,   u"Ute"_s,     u"Uwe"_s,      u"Ea"_s,           u"Aëla"_s};
const QStringList LastNames{u"Müller"_s,       u"Mueller"_s,  u"Muller"_s,
                            u"Schmidt"_s,      u"Schäfer"_s,  u"Schaefer"_s,
                            u"Schröder"_s,     u"Meyer"_s,    u"Maier"_s,
                            u"Bauer"_s,        u"Weiß"_s,     u"Weiss"_s,
                            u"Groß"_s,         u"Jäger"_s,    u"Öztürk"_s,
                            u"van der Berg"_s, u"Berg"_s,     u"Bergmann"_s,
                            u"O'Brien"_s,      u"D’Angelo"_s, u"Nguyễn"_s,
                            u"García"_s,       u"Núñez"_s,    u"Ångström"_s,
                            u"Kowalski"_s,     u"Иванов"_s,   u"Müller-Lüdenscheidt"_s,
                            u"Ma"_s,           u"Mai"_s,      u"Schoenberg"_s,
                            u"Goethe"_s,       u"Uebel"_s};
const QStringList Companies{
    u"Siemens AG"_s,    u"SAP SE"_s,       u"Müller GmbH"_s,    u"Bäckerei Schäfer"_s,
    u"Deutsche Bahn"_s, QString(),         QString(),           u"Bosch"_s,
    u"Zeiss"_s,         u"Öko-Institut"_s, u"Berg & Partner"_s, u"Mayer Consulting"_s};

Person randomPerson(QRandomGenerator &random, qint64 key)
{
    return person(key, FirstNames.at(random.bounded(FirstNames.size())),
                  LastNames.at(random.bounded(LastNames.size())),
                  Companies.at(random.bounded(Companies.size())));
}

// A query typed the way people type: 1-3 prefixes of name parts, sometimes transliterated.
QString randomQuery(QRandomGenerator &random, const QHash<qint64, Person> &people)
{
    const QList<qint64> keys = people.keys();
    const int words = 1 + int(random.bounded(3));
    QStringList parts;
    for (int w = 0; w < words; ++w) {
        const Person &p = people.value(keys.at(random.bounded(keys.size())));
        const QString fields[3] = {p.firstName, p.lastName, p.company};
        QString field = fields[random.bounded(3)];
        if (field.isEmpty())
            field = p.lastName;
        if (random.bounded(3) == 0)
            field.replace(u"ü"_s, u"ue"_s).replace(u"ö"_s, u"oe"_s).replace(u"ß"_s, u"ss"_s);
        parts.append(field.first(1 + random.bounded(field.size())));
    }
    if (random.bounded(10) == 0)
        parts.append(QString(QChar(u'a' + random.bounded(26))));
    return parts.join(u' ');
}

} // namespace

// Tests the in-memory prefix index: matching, narrowing, ranking, updates, against a reference.
class TestSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spellingsFindEachOther();
    void foldedNamesAreFound_data();
    void foldedNamesAreFound();
    void everyPrefixFindsThePerson();
    void severalWordsNarrow();
    void companyPrefix();
    void ranking();
    void tiesByNameThenKey();
    void capped();
    void blankQueryFindsNothing();
    void upsertReplacesName();
    void upsertBatchLastWins();
    void remove();
    void rebuildIsIdempotent();
    void matchesReference();
    void matchesReferenceAfterManyRemovals();
};

void TestSearchIndex::spellingsFindEachOther()
{
    SearchIndex index;
    index.rebuild({person(1, u"Anna"_s, u"Müller"_s), person(2, u"Bernd"_s, u"Mueller"_s),
                   person(3, u"Carla"_s, u"Muller"_s), person(4, u"Dora"_s, u"Mahler"_s)});
    for (const QString &query : {u"müller"_s, u"mueller"_s, u"muller"_s, u"Mül"_s, u"mue"_s, u"MUEL"_s})
        QCOMPARE(sorted(find(index, query)), (QList<qint64>{1, 2, 3}));
}

void TestSearchIndex::foldedNamesAreFound_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("jose") << u"jose"_s << QList<qint64>{1};
    QTest::newRow("josé") << u"josé"_s << QList<qint64>{1};
    QTest::newRow("angstrom") << u"angstr"_s << QList<qint64>{2};
    QTest::newRow("oyvind") << u"oyv"_s << QList<qint64>{3};
    QTest::newRow("lukasz") << u"luka"_s << QList<qint64>{4};
    QTest::newRow("celik") << u"celik"_s << QList<qint64>{5};
    QTest::newRow("obrien") << u"obri"_s << QList<qint64>{6};
    QTest::newRow("o'brien") << u"O'Bri"_s << QList<qint64>{6};
    QTest::newRow("o’brien") << u"o’brien"_s << QList<qint64>{6};
    QTest::newRow("luc") << u"luc"_s << QList<qint64>{7};
    QTest::newRow("jean-luc") << u"jean-luc"_s << QList<qint64>{7};
    QTest::newRow("jeanluc") << u"jeanl"_s << QList<qint64>{7};
    QTest::newRow("zoe") << u"zoe"_s << QList<qint64>{8};
    QTest::newRow("nguyen") << u"nguyen"_s << QList<qint64>{9};
    QTest::newRow("cyrillic") << u"иван"_s << QList<qint64>{10};
    QTest::newRow("cyrillic capitals") << u"ИВАНОВ"_s << QList<qint64>{10};
    QTest::newRow("strasse") << u"strasse"_s << QList<qint64>{11};
    QTest::newRow("straße") << u"straß"_s << QList<qint64>{11};
    QTest::newRow("nothing") << u"xyz"_s << QList<qint64>{};
}

void TestSearchIndex::foldedNamesAreFound()
{
    QFETCH(QString, query);
    QFETCH(QList<qint64>, expected);
    SearchIndex index;
    index.rebuild({person(1, u"José"_s, u"Álvarez"_s), person(2, u"Lars"_s, u"Ångström"_s),
                   person(3, u"Øyvind"_s, u"Berg"_s), person(4, u"Łukasz"_s, u"Nowak"_s),
                   person(5, u"Ayşe"_s, u"Çelik"_s), person(6, u"Sean"_s, u"O'Brien"_s),
                   person(7, u"Jean-Luc"_s, u"Picard"_s), person(8, u"Zoë"_s, u"Kim"_s),
                   person(9, u"Thi"_s, u"Nguyễn"_s), person(10, u"Иван"_s, u"Иванов"_s),
                   person(11, u"Hans"_s, u"Straße"_s)});
    QCOMPARE(sorted(find(index, query)), expected);
}

// What the door sees while a name is typed: every prefix of every name part, in any of its
// spellings, keeps the person among the hits.
void TestSearchIndex::everyPrefixFindsThePerson()
{
    QRandomGenerator random(5);
    QList<Person> people;
    for (int i = 0; i < 300; ++i)
        people.append(randomPerson(random, i));
    SearchIndex index;
    index.rebuild(people);
    for (const Person &p : std::as_const(people)) {
        for (const QString &field : {p.firstName, p.lastName, p.company}) {
            QString typed = field;
            for (const QString &spelling :
                 {field, typed.replace(u"ü"_s, u"ue"_s).replace(u"ö"_s, u"oe"_s).replace(u"ß"_s, u"ss"_s)}) {
                for (qsizetype n = 1; n <= spelling.size(); ++n) {
                    if (SearchText::queryWords(spelling.first(n)).isEmpty())
                        continue;
                    QVERIFY2(find(index, spelling.first(n), 1000).contains(p.key),
                             qPrintable(spelling.first(n) + u" does not find "_s + field));
                }
            }
        }
    }
}

void TestSearchIndex::severalWordsNarrow()
{
    SearchIndex index;
    index.rebuild({person(1, u"Anna"_s, u"Müller"_s), person(2, u"Anna"_s, u"Schmidt"_s),
                   person(3, u"Peter"_s, u"Müller"_s)});
    QCOMPARE(find(index, u"anna mül"_s), QList<qint64>{1});
    QCOMPARE(find(index, u"mül anna"_s), QList<qint64>{1});
    QCOMPARE(find(index, u"Anna Mueller"_s), QList<qint64>{1});
    QCOMPARE(find(index, u"anna mül x"_s), QList<qint64>{});
    QCOMPARE(sorted(find(index, u"anna"_s)), (QList<qint64>{1, 2}));
}

void TestSearchIndex::companyPrefix()
{
    SearchIndex index;
    index.rebuild({person(1, u"Anna"_s, u"Meier"_s, u"Siemens AG"_s),
                   person(2, u"Bert"_s, u"Kurz"_s, u"SAP"_s),
                   person(3, u"Cem"_s, u"Yilmaz"_s, u"Siemens Healthineers"_s),
                   person(4, u"Dana"_s, u"Roth"_s, u"Bosch"_s)});
    QCOMPARE(sorted(find(index, u"sie"_s)), (QList<qint64>{1, 3}));
    QCOMPARE(find(index, u"siemens health"_s), QList<qint64>{3});
}

void TestSearchIndex::ranking()
{
    SearchIndex index;
    index.rebuild({person(1, u"Zora"_s, u"Bergmann"_s),              // last name, prefix
                   person(2, u"Zora"_s, u"Berg"_s),                  // last name, exact
                   person(3, u"Zora"_s, u"Adler"_s, u"Berg AG"_s),   // company, exact
                   person(4, u"Berg"_s, u"Zander"_s),                // first name, exact
                   person(5, u"Zora"_s, u"van der Berg"_s),          // last name, exact, not at the start
                   person(6, u"Zora"_s, u"Adler"_s, u"Bergbau"_s)}); // company, prefix
    const auto hits = index.search(u"berg"_s, 10);
    QCOMPARE(keysOf(hits), (QList<qint64>{2, 5, 4, 3, 1, 6}));
    QCOMPARE(hits.at(0).score, 135);
    QCOMPARE(hits.at(1).score, 130);
    QCOMPARE(hits.at(4).score, 85);
    for (qsizetype i = 1; i < hits.size(); ++i)
        QVERIFY(hits.at(i - 1).score > hits.at(i).score);

    // Several words add up: both words on names beat one on a name and one on the company.
    index.rebuild({person(1, u"Anna"_s, u"Schmidt"_s, u"Müller GmbH"_s), person(2, u"Anna"_s, u"Müller"_s)});
    QCOMPARE(find(index, u"anna mül"_s), (QList<qint64>{2, 1}));
}

void TestSearchIndex::tiesByNameThenKey()
{
    SearchIndex index;
    index.rebuild({person(9, u"Anna"_s, u"Schmidt"_s), person(3, u"Anna"_s, u"Adler"_s),
                   person(7, u"Anna"_s, u"Ädler"_s), person(5, u"Anna"_s, u"Adler"_s),
                   person(4, u"Anna"_s, u"Öhler"_s)});
    // "Ädler" normalises like "Adler": same name, so the row key decides.
    QCOMPARE(find(index, u"anna"_s), (QList<qint64>{3, 5, 7, 4, 9}));
}

void TestSearchIndex::capped()
{
    SearchIndex index;
    QList<Person> people;
    for (int i = 0; i < 50; ++i)
        people.append(person(i, u"Anna"_s, u"Name%1"_s.arg(i, 2, 10, QChar(u'0'))));
    index.rebuild(people);
    const QList<qint64> all = find(index, u"anna"_s, 1000);
    QCOMPARE(all.size(), 50);
    QCOMPARE(find(index, u"anna"_s, 10), all.first(10));
    QCOMPARE(find(index, u"anna"_s, 1), all.first(1));
    QCOMPARE(find(index, u"anna"_s, 0), QList<qint64>{});
    QCOMPARE(find(index, u"anna"_s, -5), QList<qint64>{});
}

void TestSearchIndex::blankQueryFindsNothing()
{
    SearchIndex index;
    index.rebuild({person(1, u"Anna"_s, u"Müller"_s)});
    QVERIFY(index.search(u""_s, 10).isEmpty());
    QVERIFY(index.search(u"   \t"_s, 10).isEmpty());
    QVERIFY(index.search(u" - ' ."_s, 10).isEmpty());
    SearchIndex empty;
    QVERIFY(empty.search(u"anna"_s, 10).isEmpty());
}

void TestSearchIndex::upsertReplacesName()
{
    SearchIndex index;
    index.rebuild({person(1, u"Anna"_s, u"Müller"_s), person(2, u"Peter"_s, u"Müller"_s)});
    index.upsert({person(1, u"Berta"_s, u"Schulz"_s, u"Siemens"_s)});
    QCOMPARE(index.size(), 2);
    QCOMPARE(find(index, u"müller"_s), QList<qint64>{2});
    QCOMPARE(find(index, u"anna"_s), QList<qint64>{});
    QCOMPARE(find(index, u"schulz"_s), QList<qint64>{1});
    QCOMPARE(find(index, u"sie ber"_s), QList<qint64>{1});
    index.upsert({person(3, u"Anna"_s, u"Adler"_s)});
    QCOMPARE(index.size(), 3);
    QCOMPARE(find(index, u"a"_s), (QList<qint64>{3}));
}

void TestSearchIndex::upsertBatchLastWins()
{
    SearchIndex index;
    index.upsert({person(1, u"Anna"_s, u"Alt"_s), person(1, u"Anna"_s, u"Neu"_s)});
    QCOMPARE(index.size(), 1);
    QCOMPARE(find(index, u"alt"_s), QList<qint64>{});
    QCOMPARE(find(index, u"neu"_s), QList<qint64>{1});
}

void TestSearchIndex::remove()
{
    SearchIndex index;
    index.rebuild({person(1, u"Anna"_s, u"Müller"_s), person(2, u"Peter"_s, u"Müller"_s)});
    index.remove(1);
    index.remove(42); // unknown: nothing happens
    QCOMPARE(index.size(), 1);
    QCOMPARE(find(index, u"müller"_s), QList<qint64>{2});
    QCOMPARE(find(index, u"anna"_s), QList<qint64>{});
    index.upsert({person(1, u"Anna"_s, u"Müller"_s)});
    QCOMPARE(find(index, u"müller"_s), (QList<qint64>{1, 2}));
    index.clear();
    QCOMPARE(index.size(), 0);
    QCOMPARE(find(index, u"müller"_s), QList<qint64>{});
}

void TestSearchIndex::rebuildIsIdempotent()
{
    QRandomGenerator random(11);
    QList<Person> people;
    for (int i = 0; i < 500; ++i)
        people.append(randomPerson(random, i));
    SearchIndex index;
    index.rebuild(people);
    const QStringList queries{u"m"_s, u"mül"_s, u"anna m"_s, u"sie"_s, u"jean luc"_s, u"ö"_s};
    QList<QList<SearchIndex::Hit>> first;
    for (const QString &q : queries)
        first.append(index.search(q, 20));
    index.rebuild(people);
    QCOMPARE(index.size(), 500);
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const auto again = index.search(queries.at(i), 20);
        QCOMPARE(keysOf(again), keysOf(first.at(i)));
    }
    index.rebuild({person(1000, u"Solo"_s, u"Person"_s)});
    QCOMPARE(index.size(), 1);
    QCOMPARE(find(index, u"m"_s), QList<qint64>{});
}

static void compareWithReference(const SearchIndex &index, const Reference &reference,
                                 QRandomGenerator &random, int queries)
{
    for (int i = 0; i < queries; ++i) {
        const QString query = randomQuery(random, reference.people());
        const auto expected = reference.search(query);
        const auto actual = index.search(query, 100000);
        QVERIFY2(
            actual.size() == expected.size(),
            qPrintable(u"%1: %2 hits, expected %3"_s.arg(query).arg(actual.size()).arg(expected.size())));
        for (qsizetype h = 0; h < actual.size(); ++h) {
            QVERIFY2(actual.at(h).key == expected.at(h).key && actual.at(h).score == expected.at(h).score,
                     qPrintable(u"%1: hit %2 is %3 (%4), expected %5 (%6)"_s.arg(query)
                                    .arg(h)
                                    .arg(actual.at(h).key)
                                    .arg(actual.at(h).score)
                                    .arg(expected.at(h).key)
                                    .arg(expected.at(h).score)));
        }
        QCOMPARE(keysOf(index.search(query, 7)),
                 keysOf(expected.first(std::min<qsizetype>(7, expected.size()))));
    }
}

void TestSearchIndex::matchesReference()
{
    QRandomGenerator random(2024);
    SearchIndex index;
    Reference reference;
    QList<Person> people;
    for (int i = 0; i < 2000; ++i)
        people.append(randomPerson(random, i * 3));
    index.rebuild(people);
    for (const Person &p : people)
        reference.upsert(p);
    compareWithReference(index, reference, random, 300);

    // Pages of changes: renamed people, new people, removals.
    for (int page = 0; page < 5; ++page) {
        QList<Person> changes;
        for (int i = 0; i < 200; ++i) {
            const qint64 key = random.bounded(2) ? qint64(random.bounded(2000)) * 3 : 10000 + page * 1000 + i;
            changes.append(randomPerson(random, key));
        }
        index.upsert(changes);
        for (const Person &p : changes)
            reference.upsert(p);
        for (int i = 0; i < 50; ++i) {
            const qint64 key = qint64(random.bounded(2000)) * 3;
            index.remove(key);
            reference.remove(key);
        }
        QCOMPARE(index.size(), reference.people().size());
        compareWithReference(index, reference, random, 100);
    }
}

void TestSearchIndex::matchesReferenceAfterManyRemovals()
{
    QRandomGenerator random(99);
    SearchIndex index;
    Reference reference;
    QList<Person> people;
    for (int i = 0; i < 4000; ++i)
        people.append(randomPerson(random, i));
    index.rebuild(people);
    for (const Person &p : people)
        reference.upsert(p);
    // Enough removals to make the index purge them, then slots reused by new people.
    for (int i = 0; i < 4000; i += 2) {
        index.remove(i);
        reference.remove(i);
    }
    compareWithReference(index, reference, random, 100);
    QList<Person> added;
    for (int i = 0; i < 1500; ++i)
        added.append(randomPerson(random, 100000 + i));
    index.upsert(added);
    for (const Person &p : added)
        reference.upsert(p);
    QCOMPARE(index.size(), reference.people().size());
    compareWithReference(index, reference, random, 200);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
