// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AttendeeCsv.h"

#include "AttendeeCsvVocabulary.h"
#include "CsvReader.h"
#include "TicketCode.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <optional>

namespace checkin {

using namespace Qt::StringLiterals;
using namespace csvvocab;

namespace {

constexpr int kMaxErrors = 100;
constexpr int kHeaderSearchRows = 10;

struct Mapping
{
    std::array<int, FieldCount> column{};
    std::array<int, FieldCount> fallback{}; // used for email and company when the chosen cell is empty
    bool nameIsSurname = false;             // "Name" next to "Vorname": the family name (ChurchTools)
    int mapped = 0;
    int namePriority = 0;
    bool hasName() const { return column[FirstName] >= 0 || column[LastName] >= 0 || column[FullName] >= 0; }
};

Mapping mapHeader(const QStringList &header)
{
    Mapping m;
    m.column.fill(-1);
    m.fallback.fill(-1);
    std::array<int, FieldCount> best{};
    for (int c = 0; c < header.size(); ++c) {
        const Meaning meaning = classify(header[c].trimmed());
        if (meaning.field == Unused)
            continue;
        const int f = meaning.field;
        if (f == FirstName || f == LastName || f == FullName)
            m.namePriority = std::max(m.namePriority, meaning.priority);
        if (meaning.priority > best[f]) {
            m.fallback[f] = m.column[f];
            m.column[f] = c;
            best[f] = meaning.priority;
        } else if (m.fallback[f] < 0) {
            m.fallback[f] = c;
        }
    }
    for (int f = 0; f < FieldCount; ++f)
        m.mapped += m.column[f] >= 0 ? 1 : 0;
    m.nameIsSurname = m.column[FirstName] >= 0 && m.column[LastName] < 0 && m.column[FullName] >= 0 &&
                      foldKey(header[m.column[FullName]]) == u"name";
    return m;
}

bool hasText(QStringView s)
{
    for (const QChar c : s) {
        if (!c.isSpace())
            return true;
    }
    return false;
}

bool isBlank(const CsvReader::Record &record)
{
    for (const QString &field : record.fields) {
        if (hasText(field))
            return false;
    }
    return true;
}

// Line breaks and tabs inside a name or company (multi-line spreadsheet cells) become spaces.
QString oneLine(QString value)
{
    for (const QChar c : std::as_const(value)) {
        if (c.category() != QChar::Other_Control)
            continue;
        // Line breaks and tabs become blanks; other control characters (BEL, ESC, ...) that a
        // name shown on a screen or terminal must not carry are dropped.
        QString out;
        out.reserve(value.size());
        for (const QChar d : std::as_const(value)) {
            if (d == u'\n' || d == u'\r' || d == u'\t')
                out += u' ';
            else if (d.category() != QChar::Other_Control)
                out += d;
        }
        return out.simplified();
    }
    return value;
}

QString quotedList(const QStringList &names, int max)
{
    QStringList shown;
    for (const QString &name : names) {
        if (shown.size() == max) {
            shown.append(AttendeeCsv::tr("and %n more", nullptr, int(names.size()) - max));
            break;
        }
        shown.append(u'"' + name + u'"');
    }
    return shown.join(u", "_s);
}

QString delimiterName(QChar delimiter)
{
    return delimiter == u'\t' ? AttendeeCsv::tr("tab") : u'"' + QString(delimiter) + u'"';
}

// Keeps the first kMaxErrors errors and counts the rest.
class ErrorList
{
public:
    explicit ErrorList(QList<AttendeeCsv::Issue> *errors)
        : m_errors(errors)
    {}
    void add(int row, const QString &message)
    {
        if (m_errors->size() < kMaxErrors)
            m_errors->append({row, message});
        else
            ++m_more;
    }
    void finish()
    {
        if (m_more > 0)
            m_errors->append(
                {0, AttendeeCsv::tr("... and %n more problems not listed here. Fix the ones above and import "
                                    "the file again to see the rest.",
                                    nullptr, m_more)});
    }

private:
    QList<AttendeeCsv::Issue> *m_errors;
    int m_more = 0;
};

const QString kUnderstood = QStringLiteral(
    "First name / Vorname, Last name / Nachname, Name, E-mail, Company / Firma, Ticket code / Barcode / "
    "Secret / Ticket-Nr., Ticket type / Produkt / Ticketart, Status");

// Finds the header among the first records as they stream by: the first row naming a name column
// (title rows above it are skipped); a generic word ("Gast", "Teilnehmer") alone does not make a
// data row a header. Keeps only the header and the records an error message may quote.
class HeaderSearch
{
public:
    enum class State { Searching, Found, Failed };

    State state() const { return m_state; }
    const Mapping &mapping() const { return m_mapping; }
    const CsvReader::Record &header() const { return m_header; }
    bool skippedRows() const { return m_seen > 1; } // text rows above the header

    State offer(CsvReader::Record &&record, ErrorList *errors)
    {
        if (m_state != State::Searching || isBlank(record))
            return m_state;
        ++m_seen;
        const Mapping candidate = mapHeader(record.fields);
        const auto cells = std::count_if(record.fields.cbegin(), record.fields.cend(),
                                         [](const QString &f) { return hasText(f); });
        if (candidate.hasName() && (candidate.namePriority >= 2 || candidate.mapped >= 2 || cells == 1)) {
            m_mapping = candidate;
            m_header = std::move(record);
            m_firstText.reset();
            m_partialHeader.reset();
            return m_state = State::Found;
        }
        if (!candidate.hasName() && candidate.mapped > 0 && !m_partialHeader)
            m_partialHeader = record;
        if (!m_firstText)
            m_firstText = std::move(record);
        if (m_seen == kHeaderSearchRows)
            fail(errors);
        return m_state;
    }

    // At the end of the file: reports the missing header if it was not found yet.
    void finish(ErrorList *errors)
    {
        if (m_state == State::Searching)
            fail(errors);
    }

private:
    void fail(ErrorList *errors)
    {
        m_state = State::Failed;
        if (!m_firstText) {
            errors->add(0, AttendeeCsv::tr(
                               "The file is empty. Export the attendee list again, with a header row and one "
                               "row per attendee."));
            return;
        }
        const CsvReader::Record &at = m_partialHeader ? *m_partialHeader : *m_firstText;
        QStringList found;
        for (const QString &name : at.fields) {
            if (hasText(name))
                found.append(name.trimmed());
        }
        if (m_partialHeader)
            errors->add(
                at.row,
                AttendeeCsv::tr(
                    "This header has no name column, but every attendee needs a name. Found: %1. Add "
                    "a column \"Name\", or \"First name\" and \"Last name\" (\"Vorname\", \"Nachname\").")
                    .arg(quotedList(found, 12)));
        else
            errors->add(
                at.row,
                AttendeeCsv::tr("This does not look like a header row we understand. Found: %1. Columns we "
                                "understand: %2. Add a header row or rename the columns.")
                    .arg(quotedList(found, 12), kUnderstood));
        m_firstText.reset();
        m_partialHeader.reset();
    }

    State m_state = State::Searching;
    int m_seen = 0; // records with text so far
    Mapping m_mapping;
    CsvReader::Record m_header;
    std::optional<CsvReader::Record> m_firstText;
    std::optional<CsvReader::Record> m_partialHeader;
};

// Result::columns and the warnings about columns, so the lead sees how the file was read.
void describeMapping(const Mapping &mapping, const QStringList &header, const QList<int> &doorColumns,
                     AttendeeCsv::Result *result)
{
    for (int f = 0; f < FieldCount; ++f) {
        if (mapping.column[f] >= 0)
            result->columns.insert(QStringView(kFieldNames[f]).toString(),
                                   header[mapping.column[f]].trimmed());
    }
    if (mapping.nameIsSurname) {
        result->columns.insert(u"last_name"_s, result->columns.take(u"name"_s));
        result->warnings.append(
            AttendeeCsv::tr("Column \"%1\" is read as the last name, because there is a first-name "
                            "column \"%2\".")
                .arg(header[mapping.column[FullName]].trimmed(),
                     header[mapping.column[FirstName]].trimmed()));
    }
    QStringList unused;
    for (int c = 0; c < header.size(); ++c) {
        bool used = false;
        for (int f = 0; f < FieldCount; ++f)
            used =
                used || mapping.column[f] == c || ((f == Email || f == Company) && mapping.fallback[f] == c);
        used = used || doorColumns.contains(c);
        if (!used && hasText(header[c]))
            unused.append(header[c].trimmed());
    }
    result->unusedColumns = unused;
    if (!unused.isEmpty())
        result->warnings.append(
            AttendeeCsv::tr("These columns are not used: %1.").arg(quotedList(unused, 15)));
    if (mapping.column[Code] < 0)
        result->warnings.append(
            AttendeeCsv::tr("The file has no ticket code column (such as \"Ticket code\", \"Barcode\", "
                            "\"Secret\" or \"Ticket-Nr.\"): attendees will be checked in by name search."));
}

// The row each ticket code was first seen on, for the whole file. The codes are packed into large
// blocks: 100,000 codes as QStrings of their own in a QHash<QString, int> take about twice the memory.
class CodeRows
{
public:
    // The row the code was first on, or 0 after remembering it as being on row `row`.
    int firstRow(QStringView code, int row)
    {
        if (const auto it = m_rows.constFind(code); it != m_rows.cend())
            return *it;
        m_rows.insert(keep(code), row);
        return 0;
    }

private:
    static constexpr qsizetype kBlockSize = 32 * 1024;

    // A copy that stays put: a block is filled up to its capacity, never reallocated.
    QStringView keep(QStringView code)
    {
        if (m_blocks.isEmpty() || m_blocks.last().capacity() - m_blocks.last().size() < code.size()) {
            QString block;
            block.reserve(std::max(kBlockSize, code.size()));
            m_blocks.append(std::move(block));
        }
        QString &block = m_blocks.last();
        const qsizetype at = block.size();
        block.append(code);
        return QStringView(block).sliced(at, code.size());
    }

    QList<QString> m_blocks;
    QHash<QStringView, int> m_rows; // views into m_blocks
};

// Turns the records below the header into attendees, one at a time, reporting row errors.
class RowReader
{
public:
    // A door column: its index, label and mark.
    struct Door
    {
        int column = -1;
        QString label;
        bool attention = false;
    };

    RowReader(const Mapping &mapping, const QStringList &header, QList<Door> doors, QChar delimiter,
              ErrorList *errors)
        : m_mapping(mapping)
        , m_doors(std::move(doors))
        , m_width(header.size())
        , m_delimiter(delimiter)
        , m_errors(errors)
        , m_positionNeedsOrder(mapping.column[ExternalId] >= 0 && mapping.column[OrderCode] >= 0 &&
                               foldKey(header[mapping.column[ExternalId]]).startsWith(u"position"))
    {}

    // False for a blank row or a row with an error (reported).
    bool read(const CsvReader::Record &record, AttendeeCsv::Row *row)
    {
        if (isBlank(record) || !checkWidth(record))
            return false;
        row->row = record.row;
        if (!readName(record, row) || !readCode(record, row) || !readStatus(record, row))
            return false;
        row->email = cell(record, Email);
        row->company = cell(record, Company);
        row->ticketType = cell(record, TicketType);
        if (const QString variation = cell(record, Variation); !variation.isEmpty())
            row->ticketType = row->ticketType.isEmpty() ? variation : row->ticketType + u" – " + variation;
        row->orderCode = cell(record, OrderCode);
        if (!readNotes(record, row))
            return false;
        row->externalId = cell(record, ExternalId);
        if (m_positionNeedsOrder && !row->externalId.isEmpty()) // pretix names a position "ORDER-1"
            row->externalId = cell(record, OrderCode) + u'-' + row->externalId;
        return true;
    }

    int pending = 0;
    int waiting = 0;
    int withoutCode = 0;

private:
    // The trimmed value of a field; email and company fall back to a second column when empty.
    QString cell(const CsvReader::Record &record, Field field) const
    {
        auto at = [&](int column) {
            return column >= 0 && column < record.fields.size() ? oneLine(record.fields[column].trimmed())
                                                                : QString();
        };
        QString value = at(m_mapping.column[field]);
        if (value.isEmpty() && (field == Email || field == Company))
            value = at(m_mapping.fallback[field]);
        return value;
    }

    bool readNotes(const CsvReader::Record &record, AttendeeCsv::Row *row)
    {
        for (const Door &door : m_doors) {
            const QString text = door.column < record.fields.size()
                                     ? oneLine(record.fields[door.column].trimmed())
                                     : QString();
            if (text.isEmpty())
                continue;
            if (text.size() > DoorNote::MaxTextLength) {
                m_errors->add(record.row,
                              AttendeeCsv::tr("The value in column \"%1\" has %2 characters; a note "
                                              "for the door may have at most %3. Shorten it.")
                                  .arg(door.label)
                                  .arg(text.size())
                                  .arg(DoorNote::MaxTextLength));
                return false;
            }
            row->notes.append(DoorNote{door.label, text, door.attention});
        }
        return true;
    }

    bool checkWidth(const CsvReader::Record &record)
    {
        for (qsizetype c = m_width; c < record.fields.size(); ++c) {
            if (hasText(record.fields[c])) {
                m_errors->add(record.row,
                              AttendeeCsv::tr("This row has %1 values but the header has %2 columns. A value "
                                              "probably contains an unquoted %3 (for example in a company "
                                              "name): put that value in quotes, or remove the extra %3.")
                                  .arg(record.fields.size())
                                  .arg(m_width)
                                  .arg(delimiterName(m_delimiter)));
                return false;
            }
        }
        return true;
    }

    bool readName(const CsvReader::Record &record, AttendeeCsv::Row *row)
    {
        row->firstName = cell(record, FirstName);
        row->lastName = cell(record, LastName);
        const QString full = cell(record, FullName);
        if (m_mapping.nameIsSurname) {
            if (row->firstName.isEmpty() || full.startsWith(row->firstName + u' '))
                splitFullName(full, &row->firstName, &row->lastName);
            else
                row->lastName = full;
        } else if (row->firstName.isEmpty() && row->lastName.isEmpty()) {
            splitFullName(full, &row->firstName, &row->lastName);
        }
        if (!row->firstName.isEmpty() || !row->lastName.isEmpty())
            return true;
        m_errors->add(
            record.row,
            AttendeeCsv::tr(
                "This row has no name. Fill in a first or last name: the door finds attendees by name."));
        return false;
    }

    bool readCode(const CsvReader::Record &record, AttendeeCsv::Row *row)
    {
        row->ticketCode = TicketCode::clean(cell(record, Code));
        if (row->ticketCode.isEmpty()) {
            ++withoutCode;
            return true;
        }
        const int firstRow = m_codeRows.firstRow(row->ticketCode, record.row);
        if (firstRow == 0)
            return true;
        const QString shown =
            row->ticketCode.size() > 40 ? row->ticketCode.left(40) + u"..." : row->ticketCode;
        m_errors->add(
            record.row,
            AttendeeCsv::tr("Ticket code %1 is also on row %2. Each ticket code may appear only once: remove "
                            "the duplicate row or correct one of the codes.")
                .arg(shown)
                .arg(firstRow));
        return false;
    }

    bool readStatus(const CsvReader::Record &record, AttendeeCsv::Row *row)
    {
        const QString status = cell(record, Status);
        if (status.isEmpty())
            return true;
        auto it = m_statusCache.constFind(status);
        if (it == m_statusCache.cend())
            it = m_statusCache.insert(status, statusWord(status));
        if (*it == StatusWord::Unknown) {
            m_errors->add(
                record.row,
                AttendeeCsv::tr(
                    "Status \"%1\" is not a status we know. Use a word for valid (valid, paid, "
                    "bezahlt, attending, confirmed, bestätigt, angemeldet, registered, pending) or for "
                    "cancelled (cancelled, storniert, abgemeldet, refunded, not attending, deleted, "
                    "expired, Warteliste); an empty status counts as valid.")
                    .arg(status));
            return false;
        }
        const bool valid = *it == StatusWord::Valid || *it == StatusWord::PendingAsValid;
        row->status = valid ? TicketStatus::Valid : TicketStatus::Cancelled;
        row->paymentPending = *it == StatusWord::PendingAsValid;
        pending += row->paymentPending ? 1 : 0;
        waiting += *it == StatusWord::WaitlistAsCancelled ? 1 : 0;
        return true;
    }

    const Mapping &m_mapping;
    QList<Door> m_doors;
    qsizetype m_width;
    QChar m_delimiter;
    ErrorList *m_errors;
    bool m_positionNeedsOrder;
    CodeRows m_codeRows;
    QHash<QString, StatusWord> m_statusCache;
};

// The columns the lead chose for the door, found in the header; an error names any that is not.
bool findDoorColumns(const QList<AttendeeCsv::DoorColumn> &wanted, const CsvReader::Record &header,
                     QList<RowReader::Door> *doors, ErrorList *errors)
{
    if (wanted.size() > DoorNote::MaxNotes) {
        errors->add(0, AttendeeCsv::tr("%1 columns were chosen for the door; at most %2 can be shown. "
                                       "Choose fewer.")
                           .arg(wanted.size())
                           .arg(DoorNote::MaxNotes));
        return false;
    }
    bool ok = true;
    for (const AttendeeCsv::DoorColumn &want : wanted) {
        const QString key = foldKey(want.header);
        int found = -1;
        for (int c = 0; c < header.fields.size() && found < 0; ++c) {
            if (!key.isEmpty() && foldKey(header.fields[c]) == key)
                found = c;
        }
        if (found < 0) {
            QStringList names;
            for (const QString &name : header.fields) {
                if (hasText(name))
                    names.append(name.trimmed());
            }
            errors->add(header.row, AttendeeCsv::tr("There is no column \"%1\" to show at the door. The "
                                                    "columns are: %2.")
                                        .arg(want.header.trimmed(), quotedList(names, 30)));
            ok = false;
            continue;
        }
        bool twice = false;
        for (const RowReader::Door &door : std::as_const(*doors))
            twice = twice || door.column == found;
        if (!twice)
            doors->append({found, header.fields[found].trimmed(), want.attention});
    }
    return ok;
}

} // namespace

AttendeeCsv::Result AttendeeCsv::parse(const QByteArray &bytes, const Options &options)
{
    QList<Row> rows;
    Result result = parse(
        bytes, [&rows](Row &&row) { rows.append(std::move(row)); }, options);
    if (result.ok())
        result.rows = std::move(rows);
    return result;
}

AttendeeCsv::Result AttendeeCsv::parse(const QByteArray &bytes, const RowSink &sink, const Options &options)
{
    Result result;
    ErrorList errors(&result.errors);
    CsvReader::Table info;
    HeaderSearch search;
    std::optional<RowReader> reader;
    int accepted = 0;

    auto onRecord = [&](CsvReader::Record &&record) {
        if (reader) {
            Row row;
            if (reader->read(record, &row)) {
                ++accepted;
                if (result.errors.isEmpty())
                    sink(std::move(row));
            }
            return true;
        }
        // After a header error reading goes on, only to see whether the file can be read at all:
        // if it cannot, that is the one error to report.
        if (search.offer(std::move(record), &errors) == HeaderSearch::State::Found) {
            const CsvReader::Record &header = search.header();
            QList<RowReader::Door> doors;
            if (!findDoorColumns(options.doorColumns, header, &doors, &errors))
                return false; // nothing in the rows can be right without the columns asked for
            QList<int> doorIndexes;
            for (const RowReader::Door &door : std::as_const(doors))
                doorIndexes.append(door.column);
            describeMapping(search.mapping(), header.fields, doorIndexes, &result);
            for (const RowReader::Door &door : std::as_const(doors))
                result.doorColumns.append({door.label, door.attention});
            if (search.skippedRows())
                result.warnings.append(
                    AttendeeCsv::tr("The rows above the header (row %1) were skipped.").arg(header.row));
            reader.emplace(search.mapping(), header.fields, std::move(doors), info.delimiter, &errors);
        }
        return true;
    };
    QString message;
    const bool readable = CsvReader::read(bytes, onRecord, &info, &message);
    result.delimiter = info.delimiter;
    result.encoding = info.encoding;
    if (!readable) { // the problem with the file replaces anything found in the rows before it
        result.errors = {Issue{info.errorRow, message}};
        result.warnings.clear();
        result.columns.clear();
        return result;
    }
    search.finish(&errors);
    if (!reader)
        return result;
    if (result.errors.isEmpty() && accepted == 0)
        errors.add(search.header().row,
                   AttendeeCsv::tr("The file has a header row but no attendees below it."));
    errors.finish();
    if (!result.errors.isEmpty())
        return result;
    if (reader->pending > 0)
        result.warnings.append(
            AttendeeCsv::tr("%n attendee(s) have not paid yet (a pending or unpaid status): the door asks "
                            "before letting them in.",
                            nullptr, reader->pending));
    if (reader->waiting > 0)
        result.warnings.append(
            AttendeeCsv::tr("%n attendee(s) on a waiting list were imported as not admitted (cancelled).",
                            nullptr, reader->waiting));
    if (search.mapping().column[Code] >= 0 && reader->withoutCode > 0)
        result.warnings.append(
            AttendeeCsv::tr("%n attendee(s) have no ticket code; they can only be checked in by name search.",
                            nullptr, reader->withoutCode));
    return result;
}

} // namespace checkin
