// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SearchText.h"

#include <QVarLengthArray>

#include <array>

namespace checkin::SearchText {

namespace {

// How one code point contributes to the normalised text.
enum class Kind : quint8 {
    Drop,      // apostrophes, punctuation, symbols, combining diacritics
    Separator, // whitespace, dashes, brackets, quotes, '/', '&', ...: between words
    Emit,      // letters and digits: the folded, lower-case characters in `out`
    Slow,      // (table only) the result does not fit an entry; use the slow path
};

// The fold of one code point: its kind and, for Emit, up to three UTF-16 units.
struct Fold
{
    Kind kind = Kind::Drop;
    quint8 length = 0;
    std::array<char16_t, 3> out{};
};

constexpr char32_t TableSize = 0x2000; // Latin, Greek, Cyrillic, ..., Latin and Greek Extended

bool isApostrophe(char32_t c)
{
    switch (c) {
    case u'\'':
    case u'`':
    case 0x00B4: // acute accent used as apostrophe
    case 0x02B9: // modifier letter prime
    case 0x02BB: // modifier letter turned comma (ʻokina)
    case 0x02BC: // modifier letter apostrophe
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032: // prime
    case 0xFF07: // fullwidth apostrophe
        return true;
    default:
        return false;
    }
}

bool isSeparator(char32_t c)
{
    if (c < 0x80) {
        switch (c) {
        case u'-':
        case u'/':
        case u'\\':
        case u'_':
        case u'+':
        case u'&':
        case u',':
        case u';':
        case u':':
        case u'(':
        case u')':
        case u'[':
        case u']':
        case u'{':
        case u'}':
        case u'<':
        case u'>':
        case u'|':
        case u'"':
            return true;
        default:
            return QChar::isSpace(c);
        }
    }
    if (isApostrophe(c))
        return false;
    switch (QChar::category(c)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
        return true;
    default:
        return QChar::isSpace(c);
    }
}

// Combining diacritics that are folded away (the base letter stays). Marks of other scripts
// (Indic vowel signs, the kana voicing mark, ...) carry meaning and are kept.
bool isDroppableMark(char32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) || (c >= 0x064B && c <= 0x065F);
}

// Letters that have no decomposition but an obvious base or spelling (after lower-casing).
const char16_t *specialLetter(char32_t lower)
{
    switch (lower) {
    case 0x00DF: // ß
    case 0x1E9E: // capital ß lowers to ß, but be safe
        return u"ss";
    case 0x00E6: // æ
        return u"ae";
    case 0x0153: // œ
        return u"oe";
    case 0x00F8: // ø
        return u"o";
    case 0x0142: // ł
    case 0x0140: // ŀ
    case 0x019A: // ƚ
        return u"l";
    case 0x0111: // đ
    case 0x00F0: // ð
    case 0x0257: // ɗ
        return u"d";
    case 0x00FE: // þ
        return u"th";
    case 0x0131: // ı
    case 0x0268: // ɨ
        return u"i";
    case 0x0138: // ĸ
    case 0x0199: // ƙ
        return u"k";
    case 0x0127: // ħ
        return u"h";
    case 0x0167: // ŧ
        return u"t";
    case 0x014B: // ŋ
    case 0x0149: // ŉ
    case 0x0272: // ɲ
        return u"n";
    case 0x017F: // ſ
        return u"s";
    case 0x0192: // ƒ
        return u"f";
    case 0x0180: // ƀ
    case 0x0253: // ɓ
        return u"b";
    case 0x0188: // ƈ
        return u"c";
    case 0x01B4: // ƴ
        return u"y";
    case 0x0289: // ʉ
        return u"u";
    case 0x03C2: // Greek final sigma
        return u"\u03C3";
    default:
        return nullptr;
    }
}

void appendCodePoint(QVarLengthArray<char16_t, 8> &out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar::highSurrogate(c));
        out.append(QChar::lowSurrogate(c));
    } else {
        out.append(char16_t(c));
    }
}

// The fold of one code point without the table: the reference the table is built from and the
// fallback for everything above it.
Kind foldSlow(char32_t c, QVarLengthArray<char16_t, 8> &out)
{
    if (isApostrophe(c))
        return Kind::Drop;
    if (isSeparator(c))
        return Kind::Separator;
    if (c >= 0xAC00 && c <= 0xD7A3) { // Hangul syllables decompose into jamo: keep them whole
        appendCodePoint(out, c);
        return Kind::Emit;
    }
    if (isDroppableMark(c))
        return Kind::Drop;
    switch (QChar::category(c)) {
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate: // a lone surrogate (text cut in the middle of a pair)
        return Kind::Drop;
    default:
        break;
    }
    const char32_t lower = QChar::toLower(c);
    if (const char16_t *special = specialLetter(lower)) {
        for (; *special; ++special)
            out.append(*special);
        return Kind::Emit;
    }
    const QString decomposed = QChar::decomposition(c);
    if (!decomposed.isEmpty()) {
        const auto codePoints = decomposed.toUcs4();
        if (QChar::decompositionTag(c) == QChar::Canonical) {
            // Base letter plus diacritics: keep the base. Base plus a mark we keep (a kana with
            // its voicing mark): keep the precomposed character.
            for (qsizetype i = 1; i < codePoints.size(); ++i) {
                if (!isDroppableMark(codePoints[i])) {
                    appendCodePoint(out, lower);
                    return Kind::Emit;
                }
            }
            return foldSlow(codePoints.front(), out);
        }
        // Compatibility forms (fullwidth letters, ligatures, superscripts, Arabic presentation
        // forms): the folds of their parts; separators inside them are dropped.
        const qsizetype before = out.size();
        for (char32_t part : codePoints)
            foldSlow(part, out);
        return out.size() > before ? Kind::Emit : Kind::Drop;
    }
    appendCodePoint(out, lower);
    return Kind::Emit;
}

// The folds of U+0000..U+1FFF, built once from foldSlow.
const std::array<Fold, TableSize> &foldTable()
{
    static const auto table = [] {
        std::array<Fold, TableSize> t{};
        QVarLengthArray<char16_t, 8> out;
        for (char32_t c = 0; c < TableSize; ++c) {
            out.clear();
            Fold &f = t[c];
            f.kind = foldSlow(c, out);
            if (f.kind == Kind::Emit && qsizetype(f.out.size()) < out.size()) {
                f.kind = Kind::Slow;
            } else if (f.kind == Kind::Emit) {
                f.length = quint8(out.size());
                std::copy(out.begin(), out.end(), f.out.begin());
            }
        }
        return t;
    }();
    return table;
}

// Writes the normalised text of `text` to `out`: folded characters, one space between words,
// and the German transliteration: an 'e' that would directly follow an 'a', 'o' or 'u' in the
// output is dropped ("mueller" -> "muller", "michael" -> "michal", "uee" -> "u"). The decision
// depends only on what was already written (no look-ahead), so every input prefix maps to an
// output prefix: normalisation is prefix-preserving. The output never contains "ae", "oe" or
// "ue", so normalising it again changes nothing.
void normalizeInto(QStringView text, QVarLengthArray<char16_t, 64> &out)
{
    const auto &table = foldTable();
    bool pendingSpace = false;
    bool afterVowel = false; // the last character written is an 'a', 'o' or 'u'
    QVarLengthArray<char16_t, 8> slow;

    auto put = [&](const char16_t *chars, qsizetype count) {
        for (qsizetype i = 0; i < count; ++i) {
            const char16_t ch = chars[i];
            if (ch == u'e' && afterVowel)
                continue;
            if (pendingSpace && !out.isEmpty())
                out.append(u' ');
            pendingSpace = false;
            out.append(ch);
            afterVowel = ch == u'a' || ch == u'o' || ch == u'u';
        }
    };

    const qsizetype n = text.size();
    const char16_t *s = text.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = s[i];
        if (c < 0x80) { // ASCII fast path
            if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9')) {
                const char16_t ch = char16_t(c);
                put(&ch, 1);
                continue;
            }
            if (c >= u'A' && c <= u'Z') {
                const char16_t ch = char16_t(c + 32);
                put(&ch, 1);
                continue;
            }
        } else if (QChar::isHighSurrogate(c) && i + 1 < n && QChar::isLowSurrogate(s[i + 1])) {
            c = QChar::surrogateToUcs4(char16_t(c), s[i + 1]);
            ++i;
        }
        Kind kind;
        const char16_t *chars = nullptr;
        qsizetype count = 0;
        if (c < TableSize && table[c].kind != Kind::Slow) {
            kind = table[c].kind;
            chars = table[c].out.data();
            count = table[c].length;
        } else {
            slow.clear();
            kind = foldSlow(c, slow);
            chars = slow.data();
            count = slow.size();
        }
        if (kind == Kind::Emit) {
            put(chars, count);
        } else if (kind == Kind::Separator) {
            pendingSpace = true;
            afterVowel = false;
        }
    }
}

// Calls f(part) for each run of characters between separators (possibly empty runs skipped).
template<typename F> void forEachPart(QStringView text, F &&f)
{
    const qsizetype n = text.size();
    qsizetype start = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (isSeparator(text[i].unicode())) {
            if (i > start)
                f(text.sliced(start, i - start));
            start = i + 1;
        }
    }
    if (n > start)
        f(text.sliced(start));
}

} // namespace

QString normalize(QStringView text)
{
    QVarLengthArray<char16_t, 64> out;
    normalizeInto(text, out);
    return QString(reinterpret_cast<const QChar *>(out.constData()), out.size());
}

QStringList keys(QStringView field)
{
    QStringList result;
    QVarLengthArray<char16_t, 64> part;
    QVarLengthArray<char16_t, 64> joined;
    int parts = 0;
    forEachPart(field, [&](QStringView text) {
        part.clear();
        normalizeInto(text, part);
        if (part.isEmpty())
            return;
        ++parts;
        // The joined key must equal normalize() of the parts written without separators (what a
        // query "hugoernst" gives): the keys back to back, except that 'e's at the start of a part
        // are dropped after an 'a', 'o' or 'u' (the transliteration only looks back one letter).
        qsizetype skip = 0;
        if (!joined.isEmpty() && (joined.back() == u'a' || joined.back() == u'o' || joined.back() == u'u')) {
            while (skip < part.size() && part[skip] == u'e')
                ++skip;
        }
        joined.append(part.constData() + skip, part.size() - skip);
        QString key(reinterpret_cast<const QChar *>(part.constData()), part.size());
        if (!result.contains(key))
            result.append(std::move(key));
    });
    if (parts > 1) {
        QString whole(reinterpret_cast<const QChar *>(joined.constData()), joined.size());
        if (!result.contains(whole))
            result.append(std::move(whole));
    }
    return result;
}

// A hyphenated query word is split like a field ("jean-l" -> "jean", "l"): the index has the
// parts of "Jean-Luc" as keys, so both words still find it, and the query behaves the same
// whether the user types a hyphen or a space.
QStringList queryWords(QStringView query)
{
    QStringList result;
    forEachPart(query, [&](QStringView part) {
        QString word = normalize(part);
        if (!word.isEmpty())
            result.append(std::move(word));
    });
    return result;
}

} // namespace checkin::SearchText
