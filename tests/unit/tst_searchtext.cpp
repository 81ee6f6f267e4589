// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SearchText.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace checkin;

// Tests the normalised search text: folding, transliteration, splitting, prefix preservation.
class TestSearchText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data();
    void normalize();
    void germanSpellingsFindEachOther_data();
    void germanSpellingsFindEachOther();
    void idempotent();
    void prefixPreservingOnNames();
    void prefixPreservingOnRandomText();
    void everyCodePointIsSafe();
    void keys_data();
    void keys();
    void joinedKeyIsTheFieldWithoutSeparators();
    void queryWords_data();
    void queryWords();
};

void TestSearchText::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << u"Anna"_s << u"anna"_s;
    QTest::newRow("umlaut") << u"Müller"_s << u"muller"_s;
    QTest::newRow("transliterated") << u"Mueller"_s << u"muller"_s;
    QTest::newRow("capitals") << u"MÜLLER"_s << u"muller"_s;
    QTest::newRow("decomposed input") << u"Mu\u0308ller"_s << u"muller"_s;
    QTest::newRow("sharp s") << u"Straße"_s << u"strasse"_s;
    QTest::newRow("ss") << u"STRASSE"_s << u"strasse"_s;
    QTest::newRow("capital sharp s") << u"STRA\u1E9EE"_s << u"strasse"_s;
    QTest::newRow("acute") << u"José"_s << u"jose"_s;
    QTest::newRow("ring and umlaut") << u"Ångström"_s << u"angstrom"_s;
    QTest::newRow("o slash") << u"Øyvind"_s << u"oyvind"_s;
    QTest::newRow("l stroke") << u"Łukasz"_s << u"lukasz"_s;
    QTest::newRow("cedilla") << u"Çelik"_s << u"celik"_s;
    QTest::newRow("tilde") << u"Muñoz"_s << u"munoz"_s;
    QTest::newRow("double acute") << u"Erdős"_s << u"erdos"_s;
    QTest::newRow("comma below") << u"Ștefănescu"_s << u"stefanescu"_s;
    QTest::newRow("vietnamese") << u"Nguyễn"_s << u"nguyen"_s;
    QTest::newRow("diaeresis after o") << u"Zoë"_s << u"zo"_s;
    QTest::newRow("ae ligature") << u"Sæther"_s << u"sather"_s;
    QTest::newRow("oe ligature") << u"Œuvray"_s << u"ouvray"_s;
    QTest::newRow("thorn") << u"Þórunn"_s << u"thorunn"_s;
    QTest::newRow("eth") << u"Guðrún"_s << u"gudrun"_s;
    QTest::newRow("d stroke") << u"Đorđević"_s << u"dordevic"_s;
    QTest::newRow("dotless i") << u"Yıldız"_s << u"yildiz"_s;
    QTest::newRow("dotted capital I") << u"İnce"_s << u"ince"_s;
    QTest::newRow("kra") << u"\u0138"_s << u"k"_s;
    QTest::newRow("apostrophe") << u"O'Brien"_s << u"obrien"_s;
    QTest::newRow("typographic apostrophe") << u"D’Angelo"_s << u"dangelo"_s;
    QTest::newRow("modifier apostrophe") << u"Naʼomi"_s << u"naomi"_s;
    QTest::newRow("backtick") << u"D`Souza"_s << u"dsouza"_s;
    QTest::newRow("dots dropped") << u"J.R.R."_s << u"jrr"_s;
    QTest::newRow("hyphen separates") << u"Jean-Luc"_s << u"jean luc"_s;
    QTest::newRow("spaces collapse") << u"  Anna \t  Maria  "_s << u"anna maria"_s;
    QTest::newRow("no e swallowed across words") << u"Hugo Ernst"_s << u"hugo ernst"_s;
    QTest::newRow("digits") << u"3M Deutschland"_s << u"3m deutschland"_s;
    QTest::newRow("fullwidth") << u"\uFF2D\uFF35\uFF2C"_s << u"mul"_s;
    QTest::newRow("ligature fi") << u"\uFB01nn"_s << u"finn"_s;
    QTest::newRow("cyrillic kept") << u"Иванов"_s << u"иванов"_s;
    QTest::newRow("cyrillic yo folded") << u"Ёлкин"_s << u"елкин"_s;
    QTest::newRow("greek") << u"Σωκράτης"_s << u"σωκρατησ"_s;
    QTest::newRow("cjk kept") << u"山田太郎"_s << u"山田太郎"_s;
    QTest::newRow("kana with voicing mark kept") << u"がく"_s << u"がく"_s;
    QTest::newRow("hangul kept whole") << u"김민준"_s << u"김민준"_s;
    QTest::newRow("arabic kept") << u"محمد"_s << u"محمد"_s;
    QTest::newRow("arabic vowel marks dropped") << u"مُحَمَّد"_s << u"محمد"_s;
    QTest::newRow("outside the BMP") << u"\U0001D49C\U00020000"_s << u"a\U00020000"_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only punctuation") << u"'-.!"_s << QString();
}

void TestSearchText::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SearchText::normalize(input), expected);
}

void TestSearchText::germanSpellingsFindEachOther_data()
{
    QTest::addColumn<QStringList>("spellings");
    QTest::newRow("Müller") << QStringList{u"Müller"_s, u"Mueller"_s, u"Muller"_s, u"MUELLER"_s};
    QTest::newRow("Schön") << QStringList{u"Schönberg"_s, u"Schoenberg"_s, u"Schonberg"_s};
    QTest::newRow("Jäger") << QStringList{u"Jäger"_s, u"Jaeger"_s, u"Jager"_s};
    QTest::newRow("Strauß") << QStringList{u"Strauß"_s, u"Strauss"_s};
    QTest::newRow("José") << QStringList{u"José"_s, u"Jose"_s, u"JOSÉ"_s};
}

// Every spelling, and every prefix of it, finds every other spelling by prefix.
void TestSearchText::germanSpellingsFindEachOther()
{
    QFETCH(QStringList, spellings);
    for (const QString &a : spellings) {
        for (const QString &b : spellings) {
            const QString target = SearchText::normalize(b);
            for (qsizetype n = 1; n <= a.size(); ++n) {
                const QString prefix = SearchText::normalize(QStringView(a).first(n));
                QVERIFY2(target.startsWith(prefix), qPrintable(a.first(n) + u" does not find "_s + b));
            }
        }
    }
}

void TestSearchText::idempotent()
{
    const QStringList samples{u"Mueller"_s,  u"Uee Oeoe"_s, u"Sæther"_s,  u"Œuvre"_s,
                              u"Zoë-Anne"_s, u"Straße"_s,   u"D’Angelo"_s};
    for (const QString &s : samples) {
        const QString once = SearchText::normalize(s);
        QCOMPARE(SearchText::normalize(once), once);
    }
}

static void verifyPrefixPreserving(const QString &text)
{
    const QString full = SearchText::normalize(text);
    for (qsizetype n = 0; n <= text.size(); ++n) {
        const QString prefix = SearchText::normalize(QStringView(text).first(n));
        QVERIFY2(full.startsWith(prefix),
                 qPrintable(u"normalize(\"%1\") = \"%2\" is not a prefix of normalize(\"%3\") = \"%4\""_s.arg(
                     text.first(n), prefix, text, full)));
    }
}

void TestSearchText::prefixPreservingOnNames()
{
    const QStringList names{u"Bauer"_s,        u"Michael"_s,         u"Joel"_s,       u"Quentin"_s,
                            u"Mueller"_s,      u"Müller"_s,          u"Schoenberg"_s, u"Raphael Uebel"_s,
                            u"Straße"_s,       u"Ångström"_s,        u"Sæther"_s,     u"Œuvray"_s,
                            u"O'Brien"_s,      u"Jean-Luc Picard"_s, u"Nguyễn Văn"_s, u"Þórunn"_s,
                            u"Иванов Ёлкин"_s, u"Louis Aebi"_s,      u"Zoë Quaeck"_s, u"Goethe"_s};
    for (const QString &name : names)
        verifyPrefixPreserving(name);
    // Random prefixes of random concatenations of the names.
    QRandomGenerator random(20240611);
    for (int i = 0; i < 2000; ++i) {
        QString text;
        const int parts = 1 + int(random.bounded(4));
        for (int p = 0; p < parts; ++p)
            text += names.at(random.bounded(names.size())).first(1 + random.bounded(3)) +
                    (random.bounded(2) ? u""_s : u" "_s);
        verifyPrefixPreserving(text);
    }
}

void TestSearchText::prefixPreservingOnRandomText()
{
    // Characters chosen to hit every path: ASCII, the vowels and 'e' of the transliteration, the
    // table, multi-character folds, apostrophes, separators, marks, surrogate pairs (cut too).
    const QString alphabet =
        u"aeouAEOUbsStzäöüÄÖÜßæœøÆŒØþÞéèêëÉ\u0301\u0308'’- .&_ıİłŁŋĳǆﬁＭАЁёΣς가が\U0001D49C\U0001F600"_s;
    QRandomGenerator random(7);
    for (int i = 0; i < 3000; ++i) {
        QString text;
        const int length = 1 + int(random.bounded(12));
        for (int k = 0; k < length; ++k)
            text += alphabet.at(random.bounded(alphabet.size()));
        verifyPrefixPreserving(text);
    }
}

// No code point crashes; the output is stable under normalisation and never has capitals,
// spaces or lone surrogates.
void TestSearchText::everyCodePointIsSafe()
{
    for (char32_t c = 1; c < 0x30000; ++c) {
        const QString out = SearchText::normalize(QStringView(QString::fromUcs4(&c, 1)));
        QVERIFY2(SearchText::normalize(out) == out, qPrintable(QString::number(uint(c), 16)));
        for (qsizetype i = 0; i < out.size(); ++i) {
            const QChar ch = out.at(i);
            QVERIFY2(!ch.isSpace(), qPrintable(QString::number(uint(c), 16)));
            if (ch.isHighSurrogate()) {
                QVERIFY(i + 1 < out.size() && out.at(i + 1).isLowSurrogate());
                ++i;
                continue;
            }
            QVERIFY2(!ch.isLowSurrogate(), qPrintable(QString::number(uint(c), 16)));
            QVERIFY2(ch.toLower() == ch, qPrintable(QString::number(uint(c), 16)));
        }
    }
}

void TestSearchText::keys_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("single") << u"Müller"_s << QStringList{u"muller"_s};
    QTest::newRow("hyphen") << u"Jean-Luc"_s << QStringList{u"jean"_s, u"luc"_s, u"jeanluc"_s};
    QTest::newRow("particles") << u"van der Berg"_s
                               << QStringList{u"van"_s, u"der"_s, u"berg"_s, u"vanderberg"_s};
    QTest::newRow("double name") << u"Müller-Lüdenscheidt"_s
                                 << QStringList{u"muller"_s, u"ludenscheidt"_s, u"mullerludenscheidt"_s};
    QTest::newRow("joined from raw text")
        << u"Hugo Ernst"_s << QStringList{u"hugo"_s, u"ernst"_s, u"hugornst"_s};
    QTest::newRow("apostrophe") << u"O'Brien"_s << QStringList{u"obrien"_s};
    QTest::newRow("no duplicates") << u"Anna-Anna"_s << QStringList{u"anna"_s, u"annaanna"_s};
    QTest::newRow("company") << u"Siemens AG & Co. KG"_s
                             << QStringList{u"siemens"_s, u"ag"_s, u"co"_s, u"kg"_s, u"siemensagcokg"_s};
    QTest::newRow("empty parts skipped") << u" - Anna -- "_s << QStringList{u"anna"_s};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("blank") << u" \t- "_s << QStringList{};
    QTest::newRow("cyrillic") << u"Анна Иванова"_s << QStringList{u"анна"_s, u"иванова"_s, u"аннаиванова"_s};
}

void TestSearchText::keys()
{
    QFETCH(QString, field);
    QFETCH(QStringList, expected);
    QCOMPARE(SearchText::keys(field), expected);
}

// The joined key equals what a query typed without the separators normalises to.
void TestSearchText::joinedKeyIsTheFieldWithoutSeparators()
{
    const QString alphabet = u"aeouAEOUbsäöüßæœéë'- "_s;
    QRandomGenerator random(3);
    for (int i = 0; i < 3000; ++i) {
        QString field;
        const int length = 1 + int(random.bounded(10));
        for (int k = 0; k < length; ++k)
            field += alphabet.at(random.bounded(alphabet.size()));
        const QStringList keys = SearchText::keys(field);
        QString withoutSeparators = field;
        withoutSeparators.remove(u' ').remove(u'-');
        const QString whole = SearchText::normalize(withoutSeparators);
        if (whole.isEmpty()) {
            QVERIFY(keys.isEmpty());
            continue;
        }
        QVERIFY2(keys.contains(whole), qPrintable(field + u" -> "_s + keys.join(u',')));
        // Every key is a whole part or the joined whole, and the first key starts the whole.
        QVERIFY(whole.startsWith(keys.front()));
        QCOMPARE(keys.size(), QSet<QString>(keys.begin(), keys.end()).size());
    }
}

void TestSearchText::queryWords_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("two words") << u"Anna  Mül"_s << QStringList{u"anna"_s, u"mul"_s};
    QTest::newRow("hyphenated word splits") << u"jean-l"_s << QStringList{u"jean"_s, u"l"_s};
    QTest::newRow("apostrophe") << u"o'bri"_s << QStringList{u"obri"_s};
    QTest::newRow("blank") << u"  \t "_s << QStringList{};
    QTest::newRow("punctuation only") << u"' - .'"_s << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{};
}

void TestSearchText::queryWords()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(SearchText::queryWords(query), expected);
}

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
