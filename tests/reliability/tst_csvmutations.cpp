// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AttendeeCsv.h"
#include "CsvReader.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace checkin;
using namespace Qt::StringLiterals;

namespace {

// The well-formed fixtures every mutation starts from.
const QStringList kFixtures = {
    u"csv/pretix_checkinlist.csv"_s,
    u"csv/pretix_orders_de.csv"_s,
    u"csv/eventbrite_attendees.csv"_s,
    u"csv/churchtools_anmeldungen.csv"_s,
    u"csv/churchtools_gruppe.csv"_s,
    u"csv/excel_de_semicolon_bom.csv"_s,
    u"csv/excel_unicode_text_utf16.txt"_s,
    u"csv/tab_separated.tsv"_s,
    u"csv/crlf_multiline_quoted.csv"_s,
    u"csv/names_only.csv"_s,
    u"csv/fullname_split.csv"_s,
    u"csv/sep_line_excel.csv"_s,
    u"csv/title_rows.csv"_s,
};

constexpr int kIterations = 6000;
constexpr quint32 kDefaultSeed = 20240611;

QList<QByteArray> splitLines(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            lines.append(bytes.mid(start, i + 1 - start));
            start = i + 1;
        }
    }
    if (start < bytes.size())
        lines.append(bytes.mid(start));
    return lines;
}

QByteArray encodeUtf16(const QString &text, bool bigEndian)
{
    QByteArray out(bigEndian ? "\xfe\xff" : "\xff\xfe");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const char hi = char(u >> 8);
        const char lo = char(u & 0xff);
        out.append(bigEndian ? hi : lo).append(bigEndian ? lo : hi);
    }
    return out;
}

// Latin-1 where possible, '?' elsewhere: what a careless "save as ANSI" produces.
QByteArray encodeLatin1(const QString &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text)
        out.append(c.unicode() < 0x100 ? char(c.unicode()) : '?');
    return out;
}

// Physical lines of the decoded text: no row number can be larger.
int physicalLines(const QByteArray &bytes)
{
    const QString text = CsvReader::decode(bytes, nullptr);
    int lines = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n' || (text[i] == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n')))
            ++lines;
    }
    return lines;
}

class Mutator
{
public:
    explicit Mutator(quint32 seed)
        : m_rng(seed)
    {}

    int bounded(int n) { return n <= 0 ? 0 : int(m_rng.bounded(quint32(n))); }

    QByteArray mutate(QByteArray bytes, QString *log)
    {
        const int count = 1 + bounded(4);
        for (int k = 0; k < count; ++k) {
            const int op = bounded(15);
            log->append(QString::number(op) + u' ');
            bytes = apply(op, std::move(bytes));
        }
        return bytes;
    }

private:
    QByteArray apply(int op, QByteArray bytes)
    {
        const int pos = bounded(int(bytes.size()) + 1);
        static const char *const inserts[] = {"\"", ",",    ";",    "\t",       "\n",          "\r\n",
                                              "\r", "\"\"", "\xc3", "\xe2\x82", "\xef\xbb\xbf"};
        switch (op) {
        case 0: // flip one bit
            if (!bytes.isEmpty()) {
                const int at = bounded(int(bytes.size()));
                bytes[at] = char(bytes[at] ^ (1 << bounded(8)));
            }
            return bytes;
        case 1: // random byte
            if (!bytes.isEmpty())
                bytes[bounded(int(bytes.size()))] = char(bounded(256));
            return bytes;
        case 2: // truncate
            return bytes.left(pos);
        case 3: // insert a quote, delimiter, line break, broken UTF-8 or a BOM
            return bytes.insert(pos, inserts[bounded(int(std::size(inserts)))]);
        case 4: // insert NUL bytes
            return bytes.insert(pos, QByteArray(1 + bounded(3), '\0'));
        case 5: // delete a range
            return bytes.remove(pos, bounded(40));
        case 6:
        case 7:
        case 8: { // duplicate, swap or delete lines
            QList<QByteArray> lines = splitLines(bytes);
            if (lines.size() < 2)
                return bytes;
            const int a = bounded(int(lines.size()));
            const int b = bounded(int(lines.size()));
            if (op == 6)
                lines.insert(b, lines[a]);
            else if (op == 7)
                lines.swapItemsAt(a, b);
            else
                lines.removeAt(a);
            return lines.join();
        }
        case 9: // replace one delimiter with another everywhere
        {
            const char from[] = {',', ';', '\t'};
            const char f = from[bounded(3)];
            const char t = from[bounded(3)];
            return bytes.replace(f, t);
        }
        case 10:
        case 11: { // re-encode as UTF-16 with BOM
            const QString text = CsvReader::decode(bytes, nullptr);
            return encodeUtf16(text, op == 11);
        }
        case 12: // re-encode as Latin-1 / "ANSI"
            return encodeLatin1(CsvReader::decode(bytes, nullptr));
        case 13: // re-encode as UTF-8 with or without BOM
        {
            const QByteArray utf8 = CsvReader::decode(bytes, nullptr).toUtf8();
            return bounded(2) ? QByteArray("\xef\xbb\xbf" + utf8) : utf8;
        }
        default: // a burst of random bytes
        {
            QByteArray noise;
            for (int i = 0, n = 1 + bounded(16); i < n; ++i)
                noise.append(char(bounded(256)));
            return bytes.insert(pos, noise);
        }
        }
    }

    QRandomGenerator m_rng;
};

} // namespace

// Thousands of seeded random mutations of good exports: the importer never crashes and always
// answers with either attendees or errors a person can act on, never with half an import.
class TestCsvMutations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesAreGood()
    {
        for (const QString &name : kFixtures) {
            const QByteArray bytes = test::readFixture(name);
            const auto result = AttendeeCsv::parse(bytes);
            QVERIFY2(result.ok() && !result.rows.isEmpty(), qPrintable(name));
            int streamed = 0;
            QVERIFY(AttendeeCsv::parse(bytes, [&streamed](AttendeeCsv::Row &&) { ++streamed; }).ok());
            QCOMPARE(streamed, result.rows.size());
        }
    }

    void mutatedInputs()
    {
        const QByteArray seedText = qgetenv("CHECKIN_MUTATION_SEED");
        const quint32 seed = seedText.isEmpty() ? kDefaultSeed : seedText.toUInt();
        qInfo("seed %u (set CHECKIN_MUTATION_SEED to change)", seed);
        QList<QByteArray> originals;
        for (const QString &name : kFixtures)
            originals.append(test::readFixture(name));

        Mutator mutator(seed);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < kIterations; ++i) {
            const int which = mutator.bounded(int(originals.size()));
            QString log;
            const QByteArray bytes = mutator.mutate(originals[which], &log);
            const QString context = u"iteration %1, %2, operations %3"_s.arg(i).arg(kFixtures[which], log);
            const AttendeeCsv::Result result = AttendeeCsv::parse(bytes);
            QList<AttendeeCsv::Row> streamed;
            const AttendeeCsv::Result streamedResult = AttendeeCsv::parse(
                bytes, [&streamed](AttendeeCsv::Row &&row) { streamed.append(std::move(row)); });

            CsvReader::Table table;
            QString readError;
            const bool readable = CsvReader::read(bytes, &table, &readError);
            const int bound =
                readable ? (table.records.isEmpty() ? 0 : table.records.last().row) : physicalLines(bytes);
            const bool good = check(result, bound) && checkStreamed(result, streamedResult, streamed) &&
                              checkStreamedRecords(bytes, table, readable, readError);
            if (!good) {
                const QString path = QDir::temp().filePath(u"csvmutation-%1-%2.csv"_s.arg(seed).arg(i));
                QFile out(path);
                if (out.open(QIODevice::WriteOnly))
                    out.write(bytes);
                QFAIL(qPrintable(context + u", input saved to "_s + path));
            }
            (result.ok() ? accepted : rejected) += 1;
        }
        qInfo("%d mutated files: %d imported, %d rejected with errors", kIterations, accepted, rejected);
        QVERIFY(rejected > kIterations / 10); // the mutations really break things
    }

private:
    static bool check(const AttendeeCsv::Result &result, int bound)
    {
        if (result.ok()) {
            if (result.rows.isEmpty())
                return fail("ok() without attendees");
            QSet<QString> codes;
            int previous = 1;
            for (const auto &row : result.rows) {
                if (row.firstName.isEmpty() && row.lastName.isEmpty())
                    return fail("attendee without a name");
                if (row.row <= previous || row.row > bound)
                    return fail("attendee row number out of order or range");
                previous = row.row;
                if (!row.ticketCode.isEmpty() && codes.contains(row.ticketCode))
                    return fail("duplicate ticket code accepted");
                codes.insert(row.ticketCode);
            }
            return true;
        }
        if (!result.rows.isEmpty())
            return fail("errors reported but attendees kept (half an import)");
        if (result.errors.size() > 101)
            return fail("error list not capped");
        for (const auto &issue : result.errors) {
            if (issue.message.trimmed().isEmpty())
                return fail("empty error message");
            if (issue.row < 0 || issue.row > bound)
                return fail(qPrintable(
                    u"error row %1 outside 0..%2: %3"_s.arg(issue.row).arg(bound).arg(issue.message)));
        }
        return true;
    }

    // The streaming parse reports exactly what parse() does; its sink got parse()'s rows, or when
    // there are errors, only rows before the first one.
    static bool checkStreamed(const AttendeeCsv::Result &result, const AttendeeCsv::Result &streamedResult,
                              const QList<AttendeeCsv::Row> &streamed)
    {
        if (!streamedResult.rows.isEmpty())
            return fail("streaming parse kept rows");
        if (streamedResult.errors.size() != result.errors.size())
            return fail("streaming parse reports other errors");
        for (qsizetype i = 0; i < result.errors.size(); ++i) {
            if (streamedResult.errors[i].row != result.errors[i].row ||
                streamedResult.errors[i].message != result.errors[i].message)
                return fail("streaming parse reports other errors");
        }
        if (streamedResult.warnings != result.warnings || streamedResult.columns != result.columns ||
            streamedResult.delimiter != result.delimiter || streamedResult.encoding != result.encoding)
            return fail("streaming parse reports other warnings, columns, delimiter or encoding");
        if (result.ok()) {
            if (streamed.size() != result.rows.size())
                return fail("streaming parse delivered another number of rows");
            for (qsizetype i = 0; i < streamed.size(); ++i) {
                const auto &a = streamed[i];
                const auto &b = result.rows[i];
                if (a.row != b.row || a.externalId != b.externalId || a.ticketCode != b.ticketCode ||
                    a.firstName != b.firstName || a.lastName != b.lastName || a.company != b.company ||
                    a.email != b.email || a.ticketType != b.ticketType || a.status != b.status)
                    return fail("streaming parse delivered another row");
            }
            return true;
        }
        const int firstError = result.errors.first().row;
        for (const auto &row : streamed) {
            if (firstError <= 0 || row.row >= firstError)
                return fail("streaming parse delivered a row after the first error");
        }
        return true;
    }

    // The streaming CsvReader::read passes on the records read() returns, or fails the same way.
    static bool checkStreamedRecords(const QByteArray &bytes, const CsvReader::Table &table, bool readable,
                                     const QString &readError)
    {
        qsizetype index = 0;
        bool same = true;
        CsvReader::Table info;
        QString error;
        const bool ok = CsvReader::read(
            bytes,
            [&](CsvReader::Record &&record) {
                same = same && (!readable ||
                                (index < table.records.size() && record.row == table.records[index].row &&
                                 record.fields == table.records[index].fields));
                ++index;
                return true;
            },
            &info, &error);
        if (ok != readable || !same || (readable && index != table.records.size()))
            return fail("streaming read passed on other records");
        if (error != (readable ? QString() : readError) || info.errorRow != table.errorRow ||
            info.delimiter != table.delimiter || info.encoding != table.encoding)
            return fail("streaming read reports another error, delimiter or encoding");
        return true;
    }

    static bool fail(const char *what)
    {
        qWarning("%s", what);
        return false;
    }
};

QTEST_GUILESS_MAIN(TestCsvMutations)
#include "tst_csvmutations.moc"
