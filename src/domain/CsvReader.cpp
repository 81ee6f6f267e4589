// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CsvReader.h"

#include <QCoreApplication>

#include <array>
#include <cstring>

namespace checkin {

using namespace Qt::StringLiterals;

namespace {

// Windows-1252 bytes 0x80-0x9F; everything else is Latin-1. The five bytes Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as browsers do.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

constexpr std::array<char16_t, 3> kCandidates = {u',', u';', u'\t'};
constexpr int kSniffRecords = 50;

// Strict UTF-8 check (no overlong forms, no surrogates, nothing above U+10FFFF), ASCII in 8-byte steps.
bool isValidUtf8(const uchar *p, qsizetype n)
{
    qsizetype i = 0;
    while (i < n) {
        while (i + 8 <= n) {
            quint64 word;
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const uchar c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        uint codePoint = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            codePoint = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            codePoint = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            codePoint = c & 0x07;
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        for (int k = 1; k < length; ++k) {
            const uchar next = p[i + k];
            if ((next & 0xC0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (length == 3 && (codePoint < 0x800 || (codePoint >= 0xD800 && codePoint <= 0xDFFF)))
            return false;
        if (length == 4 && (codePoint < 0x10000 || codePoint > 0x10FFFF))
            return false;
        i += length;
    }
    return true;
}

QString decodeCp1252(const uchar *p, qsizetype n)
{
    QString out(n, Qt::Uninitialized);
    char16_t *d = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < n; ++i) {
        const uchar c = p[i];
        d[i] = (c >= 0x80 && c < 0xA0) ? kCp1252High[c - 0x80] : char16_t(c);
    }
    return out;
}

// A trailing odd byte (a truncated file) is dropped.
QString decodeUtf16(const uchar *p, qsizetype n, bool bigEndian)
{
    const qsizetype count = n / 2;
    QString out(count, Qt::Uninitialized);
    char16_t *d = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < count; ++i) {
        const uchar a = p[2 * i];
        const uchar b = p[2 * i + 1];
        d[i] = bigEndian ? char16_t((a << 8) | b) : char16_t((b << 8) | a);
    }
    return out;
}

bool isLineBreak(char16_t c)
{
    return c == u'\n' || c == u'\r';
}

// The physical line (1-based) that position pos is on; CRLF, LF and a lone CR each end a line.
int lineAt(QStringView text, qsizetype pos)
{
    int line = 1;
    for (qsizetype i = 0; i < pos && i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\n' || (c == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n')))
            ++line;
    }
    return line;
}

// Excel understands a first line "sep=;" naming the delimiter; so do we.
QChar sepLineDelimiter(QStringView text, qsizetype *lineEnd)
{
    if (text.size() < 5 || !text.startsWith(u"sep=", Qt::CaseInsensitive))
        return {};
    const char16_t delimiter = text[4].unicode();
    if (delimiter == u'"' || delimiter == u' ' || isLineBreak(delimiter))
        return {};
    qsizetype end = 5;
    if (end < text.size() && !isLineBreak(text[end].unicode()))
        return {};
    if (end < text.size() && text[end] == u'\r')
        ++end;
    if (end < text.size() && text[end] == u'\n')
        ++end;
    if (lineEnd)
        *lineEnd = end;
    return text[4];
}

QString workbookMessage()
{
    return CsvReader::tr(
        "This is a spreadsheet workbook (Excel .xlsx/.xls or a zip file), not a CSV text file. "
        "Open it in Excel or LibreOffice and save it as \"CSV UTF-8\", then import that file.");
}

// Parses delimited text into records. Each field is copied out of the text once; only quoted
// fields with doubled quotes inside are assembled piece by piece.
class Parser
{
public:
    Parser(QStringView text, char16_t delimiter, qsizetype start, int firstLine)
        : m_text(text)
        , m_delimiter(delimiter)
        , m_pos(start)
        , m_line(firstLine)
    {}

    // Passes each record to sink as soon as it is read; one record's fields are in memory at a time.
    // Returns false on an error; stops early (returning true) when the sink returns false.
    bool run(const CsvReader::RecordSink &sink, QString *error, int *errorRow)
    {
        CsvReader::Record record;
        qsizetype width = 8;
        while (m_pos < m_text.size()) {
            record.row = m_row;
            record.fields.clear(); // keeps the capacity unless the sink took the list
            record.fields.reserve(width);
            for (;;) {
                if (!readField(&record.fields, error, errorRow))
                    return false;
                if (m_pos < m_text.size() && m_text[m_pos] == m_delimiter) {
                    ++m_pos;
                    continue;
                }
                break;
            }
            if (m_row == 1)
                width = record.fields.size();
            skipLineBreak();
            ++m_row;
            if (!sink(std::move(record)))
                return true;
        }
        return true;
    }

private:
    void skipLineBreak()
    {
        if (m_pos >= m_text.size())
            return;
        if (m_text[m_pos] == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    qsizetype scanUnquoted(qsizetype from) const
    {
        const QChar *data = m_text.data();
        const qsizetype n = m_text.size();
        qsizetype i = from;
        while (i < n) {
            const char16_t c = data[i].unicode();
            if (c == m_delimiter || c == u'\n' || c == u'\r')
                break;
            ++i;
        }
        return i;
    }

    bool readField(QStringList *fields, QString *error, int *errorRow)
    {
        const qsizetype n = m_text.size();
        qsizetype quote = m_pos;
        while (quote < n && m_text[quote] == u' ')
            ++quote;
        if (quote >= n || m_text[quote] != u'"') {
            const qsizetype end = scanUnquoted(m_pos);
            fields->append(m_text.sliced(m_pos, end - m_pos).toString());
            m_pos = end;
            return true;
        }
        const int startRow = m_row;
        const int startLine = m_line;
        QString value;
        qsizetype segment = quote + 1;
        qsizetype i = segment;
        bool hasLineBreak = false;
        for (;;) {
            while (i < n && m_text[i] != u'"') {
                const char16_t c = m_text[i].unicode();
                if (c == u'\n' || (c == u'\r' && (i + 1 >= n || m_text[i + 1] != u'\n'))) {
                    ++m_line;
                    hasLineBreak = true;
                }
                ++i;
            }
            if (i >= n) {
                *errorRow = startRow;
                *error =
                    CsvReader::tr(
                        "A quoted value that starts in row %1 (line %2 of the file) is never closed, so "
                        "everything after it would run together into one cell. Add the missing closing \" "
                        "or remove the stray \" in row %1.")
                        .arg(startRow)
                        .arg(startLine);
                return false;
            }
            if (i + 1 < n && m_text[i + 1] == u'"') { // doubled quote: one literal quote
                value.append(m_text.sliced(segment, i + 1 - segment));
                i += 2;
                segment = i;
                continue;
            }
            if (value.isEmpty())
                value = m_text.sliced(segment, i - segment).toString();
            else
                value.append(m_text.sliced(segment, i - segment));
            ++i;
            break;
        }
        // Lenient like most spreadsheet programs: text between the closing quote and the next
        // delimiter ("abc" def) is kept rather than rejected.
        const qsizetype end = scanUnquoted(i);
        if (end > i)
            value.append(m_text.sliced(i, end - i));
        if (hasLineBreak)
            value.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
        fields->append(std::move(value));
        m_pos = end;
        return true;
    }

    QStringView m_text;
    char16_t m_delimiter;
    qsizetype m_pos;
    int m_row = 1;
    int m_line;
};

} // namespace

QString CsvReader::decode(const QByteArray &bytes, QString *encoding)
{
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = bytes.size();
    QString name;
    QString text;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        name = u"UTF-8 (BOM)"_s;
        text = QString::fromUtf8(bytes.constData() + 3, n - 3);
    } else if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        name = u"UTF-16LE"_s;
        text = decodeUtf16(p + 2, n - 2, false);
    } else if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        name = u"UTF-16BE"_s;
        text = decodeUtf16(p + 2, n - 2, true);
    } else if (isValidUtf8(p, n)) {
        name = u"UTF-8"_s;
        text = QString::fromUtf8(bytes);
    } else {
        name = u"Windows-1252"_s;
        text = decodeCp1252(p, n);
    }
    if (text.startsWith(QChar(0xFEFF))) // a second BOM, as some tools write after conversion
        text.remove(0, 1);
    if (encoding)
        *encoding = name;
    return text;
}

QChar CsvReader::detectDelimiter(QStringView text)
{
    if (const QChar sep = sepLineDelimiter(text, nullptr); !sep.isNull())
        return sep;

    // Count the candidates outside quotes, record by record (quoted line breaks do not end one).
    QList<std::array<int, 3>> counts;
    std::array<int, 3> current{};
    bool inQuotes = false;
    bool blank = true;
    for (qsizetype i = 0; i < text.size() && counts.size() < kSniffRecords; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'"') {
            inQuotes = !inQuotes;
            blank = false;
            continue;
        }
        if (inQuotes)
            continue;
        if (isLineBreak(c)) {
            if (!blank)
                counts.append(current);
            current = {};
            blank = true;
            continue;
        }
        blank = false;
        for (size_t k = 0; k < kCandidates.size(); ++k) {
            if (c == kCandidates[k])
                ++current[k];
        }
    }
    if (!blank && counts.size() < kSniffRecords)
        counts.append(current);
    if (counts.isEmpty())
        return QChar(u',');

    // The delimiter is in the header, and most records have as many of it as the header.
    int best = -1;
    int bestScore = -1;
    int bestWidth = 0;
    for (size_t k = 0; k < kCandidates.size(); ++k) {
        const int width = counts.first()[k];
        if (width == 0)
            continue;
        int score = 0;
        for (const auto &record : counts)
            score += record[k] == width ? 1 : 0;
        if (score > bestScore || (score == bestScore && width > bestWidth)) {
            best = int(k);
            bestScore = score;
            bestWidth = width;
        }
    }
    if (best >= 0)
        return QChar(kCandidates[best]);

    // One column (a list of names): pick the candidate that splits the data least, so an
    // unquoted "Müller, Anna" stays one value.
    int fewest = 0;
    int fewestTotal = -1;
    for (size_t k = 0; k < kCandidates.size(); ++k) {
        int total = 0;
        for (const auto &record : counts)
            total += record[k];
        if (fewestTotal < 0 || total < fewestTotal) {
            fewest = int(k);
            fewestTotal = total;
        }
    }
    return QChar(kCandidates[fewest]);
}

bool CsvReader::read(const QByteArray &bytes, Table *table, QString *error)
{
    QList<Record> records;
    const bool ok = read(
        bytes,
        [&records](Record &&record) {
            records.append(std::move(record));
            return true;
        },
        table, error);
    if (ok)
        table->records = std::move(records);
    return ok;
}

bool CsvReader::read(const QByteArray &bytes, const RecordSink &sink, Table *info, QString *error)
{
    Table local;
    Table *table = info ? info : &local;
    table->records.clear();
    table->delimiter = QChar(u',');
    table->encoding.clear();
    table->errorRow = 0;
    auto fail = [&](int row, const QString &text) {
        table->errorRow = row;
        if (error)
            *error = text;
        return false;
    };

    if (bytes.startsWith("PK\x03\x04") || bytes.startsWith("\xD0\xCF\x11\xE0"))
        return fail(0, workbookMessage());

    const QString text = decode(bytes, &table->encoding);
    if (const qsizetype nul = text.indexOf(QChar(0)); nul >= 0) {
        const int line = lineAt(text, nul);
        return fail(
            line,
            CsvReader::tr("The file contains binary data (a NUL character in line %1), so it is not a CSV "
                          "text file. Export the attendee list again as CSV and import that file.")
                .arg(line));
    }

    qsizetype start = 0;
    QChar delimiter = sepLineDelimiter(text, &start);
    if (delimiter.isNull())
        delimiter = detectDelimiter(text);
    table->delimiter = delimiter;

    Parser parser(text, delimiter.unicode(), start, start > 0 ? 2 : 1); // a "sep=" line is line 1
    QString message;
    int row = 0;
    if (!parser.run(sink, &message, &row))
        return fail(row, message);
    return true;
}

} // namespace checkin
