#include "AttendeeCsv.h"

#include "CsvReader.h"
#include "TicketCode.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <optional>

namespace checkin {

using namespace Qt::StringLiterals;

namespace {

enum Field {
    ExternalId,
    OrderCode,
    Code,
    FirstName,
    LastName,
    FullName,
    Company,
    Email,
    TicketType,
    Variation,
    Status,
    FieldCount,
    Unused = -1
};

constexpr const char16_t *kFieldNames[FieldCount] = {
    u"external_id", u"order_code", u"ticket_code", u"first_name", u"last_name", u"name",
    u"company",     u"email",      u"ticket_type", u"variation",  u"status",
};

// Headers of one field and priority, separated by "|".
struct Synonyms
{
    Field field;
    int priority;
    const char16_t *headers;
};

// Headers as real exports write them: pretix (check-in list, order data; English and German),
// the Eventbrite attendee report, ChurchTools, hand-made Excel lists. Matching ignores case,
// accents, spaces and punctuation ("E-Mail" = "email"); "#" reads as "Nr". When several columns
// could be one field the higher priority wins (pretix "Secret" is the ticket code, its "Order code"
// is not). A header qualified by "attendee"/"Teilnehmer" ("Attendee email") ranks one higher.
// "Checked in" is deliberately absent: pretix and Eventbrite put a time there, not a status.
constexpr Synonyms kSynonyms[] = {
    {ExternalId, 1, u"ID|Nr.|No.|Number|Nummer|Lfd. Nr."},
    {ExternalId, 2, u"Position ID|Positions-ID|Registration ID|Anmelde-ID|Anmeldungs-ID|Anmeldenummer"},
    {ExternalId, 2, u"Person ID|Personen-ID"},
    {ExternalId, 3, u"External ID|Externe ID"},
    {OrderCode, 1, u"Order|Bestellung"},
    {OrderCode, 3, u"Order code|Order #|Order number|Order ID|Order no.|Bestellnummer|Bestell-Nr."},
    {OrderCode, 3, u"Buchungsnummer|Booking reference"},
    {Code, 1, u"Ticket ID"},
    {Code, 2, u"QR|Code|Ticket-Nr.|Ticket number|Ticket no.|Ticketnummer"},
    {Code, 3, u"Secret|Ticket secret|Geheimnis|Ticket code|Barcode|Barcode #|Barcode number|Barcodenummer"},
    {Code, 3, u"QR code|Scan code|Einlasscode|Zugangscode|Access code"},
    {FirstName, 1, u"First"},
    {FirstName, 3, u"First name|Given name|Given names|Forename|Vorname|Vornamen|Prénom"},
    {LastName, 1, u"Last"},
    {LastName, 3, u"Last name|Surname|Family name|Nachname|Familienname|Zuname"},
    {FullName, 1, u"Attendee|Participant|Guest|Gast|Teilnehmer|Teilnehmende|Person"},
    {FullName, 2, u"Name"},
    {FullName, 3, u"Full name|Vollständiger Name|Vor- und Nachname|Name, Vorname|Nachname, Vorname"},
    {FullName, 3, u"Vorname Nachname|Guest name"},
    {Company, 1, u"Institution|Employer|Arbeitgeber"},
    {Company, 2, u"Company|Company name|Firma|Firmenname|Organisation|Organization|Unternehmen"},
    {Company, 2, u"Firma/Organisation|Organisation/Firma"},
    {Email, 1, u"Mail|Mailadresse"},
    {Email, 2, u"Email|E-mail address|E-Mail-Adresse"},
    {TicketType, 1, u"Item|Artikel|Ticket|Category|Kategorie|Group|Gruppe"},
    {TicketType, 2, u"Product|Produkt|Tarif"},
    {TicketType, 3, u"Ticket type|Ticket-Typ|Ticketart|Ticket category|Ticketkategorie|Ticket class"},
    {TicketType, 3, u"Registration type|Anmeldeart"},
    {Variation, 3, u"Variation|Variante"},
    {Status, 2, u"Status|Order status|Bestellstatus"},
    {Status, 3, u"Ticket status|Registration status|Anmeldestatus|Teilnahmestatus"},
};

// Columns about the buyer or invoice, not the attendee ("Buyer Email", "Invoice address name").
constexpr const char16_t *kBuyerTokens[] = {u"invoice", u"rechnung",  u"buyer", u"billing", u"purchaser",
                                            u"kaufer",  u"besteller", u"payer", u"orderer", u"auftraggeber"};
// "Attendee email", "Teilnehmer-Vorname", "E-Mail der/des Teilnehmenden" (longest first).
constexpr const char16_t *kAttendeePrefixes[] = {
    u"teilnehmerinnen", u"ticketinhaber", u"participants", u"teilnehmenden", u"ticketholder",
    u"participant",     u"teilnehmende",  u"teilnehmerin", u"teilnehmers",   u"teilnehmer",
    u"attendees",       u"attendee",      u"guest",        u"gast"};
constexpr const char16_t *kAttendeeSuffixes[] = {
    u"derdesteilnehmenden", u"desderteilnehmenden", u"desteilnehmenden", u"derteilnehmenden",
    u"desteilnehmers",      u"derteilnehmerin",     u"teilnehmenden",    u"teilnehmende",
    u"teilnehmer",          u"participant",         u"attendee"};

enum class StatusWord { Valid, Cancelled, PendingAsValid, WaitlistAsCancelled, Unknown };

// Status words as exports write them. Decisions for the in-between states:
// - pending / "ausstehend" / pretix "n" / "angefragt": VALID. The file is the lead's list of who
//   may enter; pretix only puts pending orders into a check-in list export when that list admits
//   them, and the lead exported them on purpose. The import warns how many there were.
// - expired / "abgelaufen" / pretix "e": CANCELLED. The order was never paid and its quota was
//   released; pretix admits expired orders on no list.
// - waiting list / "Warteliste" / "zu löschen": CANCELLED, i.e. not admitted: these people hold
//   no place (ChurchTools and Eventbrite keep them in the export). The door still finds them by
//   name, so a volunteer sees who they are instead of "unknown". The import warns how many.
// - ChurchTools person categories (Mitglied, Freund, Gast) say who someone is, not whether they
//   cancelled: valid.
struct StatusWords
{
    StatusWord meaning;
    const char16_t *words; // separated by "|"
};
constexpr StatusWords kStatusWords[] = {
    {StatusWord::Valid, u"valid|gültig|paid|p|bezahlt|attending|active|aktiv|confirmed|bestätigt|angemeldet"},
    {StatusWord::Valid, u"registered|registriert|checked in|eingecheckt|attended|teilgenommen|ok|yes|ja"},
    {StatusWord::Valid, u"approved|genehmigt|accepted|zugesagt|complete|completed|placed|free|kostenlos"},
    {StatusWord::Valid, u"mitglied|freund|gast"},
    {StatusWord::PendingAsValid, u"pending|n|ausstehend|offen|angefragt|requested|reserved|reserviert"},
    {StatusWord::Cancelled, u"cancelled|canceled|c|storniert|abgesagt|abgemeldet|refunded|erstattet"},
    {StatusWord::Cancelled, u"rückerstattet|not attending|deleted|gelöscht|void|ungültig|invalid|expired|e"},
    {StatusWord::Cancelled, u"abgelaufen|declined|abgelehnt|rejected|transferred|no|nein"},
    {StatusWord::WaitlistAsCancelled, u"waitlist|waiting list|waitlisted|waiting|warteliste|auf warteliste"},
    {StatusWord::WaitlistAsCancelled, u"zu löschen"},
};

constexpr const char16_t *kParticles[] = {u"van", u"von", u"de",  u"der", u"den", u"da",    u"di",
                                          u"du",  u"la",  u"le",  u"zu",  u"zum", u"zur",   u"vom",
                                          u"ten", u"ter", u"del", u"dos", u"das", u"della", u"des"};
constexpr const char16_t *kNameSuffixes[] = {u"jr",  u"jr.", u"sr",   u"sr.", u"ii",
                                             u"iii", u"iv",  u"jun.", u"sen."};

constexpr int kMaxErrors = 100;
constexpr int kHeaderSearchRows = 10;

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("AttendeeCsv", text, nullptr, n);
}

// Lower case, letters and digits only, accents dropped, ß = ss, # = nr.
QString foldKey(QStringView text)
{
    QString key;
    key.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80) {
            if ((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9'))
                key.append(c);
            else if (u >= u'A' && u <= u'Z')
                key.append(QChar(u + 32));
            else if (u == u'#')
                key.append(u"nr");
        } else if (u == 0x00DF) {
            key.append(u"ss");
        } else if (c.isLetterOrNumber()) {
            const QString decomposed = c.decomposition();
            key.append((decomposed.isEmpty() ? c : decomposed.front()).toLower());
        }
    }
    return key;
}

struct Meaning
{
    Field field = Unused;
    int priority = 0;
};

const QHash<QString, Meaning> &headerTable()
{
    static const QHash<QString, Meaning> table = [] {
        QHash<QString, Meaning> t;
        for (const Synonyms &s : kSynonyms) {
            for (const QStringView header : QStringView(s.headers).split(u'|'))
                t.insert(foldKey(header), Meaning{s.field, s.priority});
        }
        return t;
    }();
    return table;
}

const QHash<QString, StatusWord> &statusTable()
{
    static const QHash<QString, StatusWord> table = [] {
        QHash<QString, StatusWord> t;
        for (const StatusWords &s : kStatusWords) {
            for (const QStringView word : QStringView(s.words).split(u'|'))
                t.insert(foldKey(word), s.meaning);
        }
        return t;
    }();
    return table;
}

Meaning classify(QStringView header)
{
    const QString key = foldKey(header);
    if (key.isEmpty())
        return {};
    for (const char16_t *token : kBuyerTokens) {
        if (key.contains(QStringView(token)))
            return {};
    }
    const auto &table = headerTable();
    // "Attendee name: Given name" (pretix name parts): the part after the colon decides.
    if (const qsizetype colon = header.lastIndexOf(u':'); colon > 0) {
        const Meaning part = table.value(foldKey(header.sliced(colon + 1)));
        if (part.field == FirstName || part.field == LastName)
            return {part.field, part.priority + 1};
    }
    if (const auto it = table.constFind(key); it != table.cend())
        return *it;
    // Try every matching affix: "attendeestatus" starts with "attendees" too.
    const QStringView whole(key);
    auto lookup = [&](QStringView rest) -> Meaning {
        if (rest.size() == whole.size())
            return {};
        const auto it = table.constFind(rest.toString());
        return it == table.cend() ? Meaning{} : Meaning{it->field, it->priority + 1};
    };
    auto withoutSuffix = [&](QStringView rest) -> Meaning {
        if (const Meaning m = lookup(rest); m.field != Unused)
            return m;
        for (const QStringView suffix : kAttendeeSuffixes) {
            if (rest.size() > suffix.size() && rest.endsWith(suffix)) {
                if (const Meaning m = lookup(rest.chopped(suffix.size())); m.field != Unused)
                    return m;
            }
        }
        return {};
    };
    if (const Meaning m = withoutSuffix(whole); m.field != Unused)
        return m;
    for (const QStringView prefix : kAttendeePrefixes) {
        if (whole.size() > prefix.size() && whole.startsWith(prefix)) {
            if (const Meaning m = withoutSuffix(whole.sliced(prefix.size())); m.field != Unused)
                return m;
        }
    }
    return {};
}

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
        if (c == u'\n' || c == u'\r' || c == u'\t')
            return value.simplified();
    }
    return value;
}

template<size_t N> bool isOneOf(QStringView word, const char16_t *const (&list)[N], Qt::CaseSensitivity cs)
{
    for (const char16_t *entry : list) {
        if (word.compare(QStringView(entry), cs) == 0)
            return true;
    }
    return false;
}

QString quotedList(const QStringList &names, int max)
{
    QStringList shown;
    for (const QString &name : names) {
        if (shown.size() == max) {
            shown.append(tr("and %n more", int(names.size()) - max));
            break;
        }
        shown.append(u'"' + name + u'"');
    }
    return shown.join(u", "_s);
}

QString delimiterName(QChar delimiter)
{
    return delimiter == u'\t' ? tr("tab") : u'"' + QString(delimiter) + u'"';
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
            m_errors->append({0, tr("... and %n more problems not listed here. Fix the ones above and import "
                                    "the file again to see the rest.",
                                    m_more)});
    }

private:
    QList<AttendeeCsv::Issue> *m_errors;
    int m_more = 0;
};

// Splits "Müller, Anna" and "Anna Maria van der Berg" into first and last name.
void splitFullName(QStringView full, QString *first, QString *last)
{
    const QString name = full.toString().simplified();
    if (name.isEmpty())
        return;
    if (const qsizetype comma = name.indexOf(u','); comma >= 0) {
        *last = name.left(comma).trimmed();
        *first = name.mid(comma + 1).trimmed();
        if (last->isEmpty())
            std::swap(*first, *last);
        return;
    }
    const QStringList words = name.split(u' ');
    qsizetype start = words.size() - 1;
    if (words.size() >= 3 && isOneOf(words.last(), kNameSuffixes, Qt::CaseInsensitive))
        --start;
    while (start > 1 && isOneOf(words[start - 1], kParticles, Qt::CaseSensitive))
        --start;
    *first = words.mid(0, start).join(u' ');
    *last = words.mid(start).join(u' ');
}

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
            errors->add(0, tr("The file is empty. Export the attendee list again, with a header row and one "
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
                tr("This header has no name column, but every attendee needs a name. Found: %1. Add "
                   "a column \"Name\", or \"First name\" and \"Last name\" (\"Vorname\", \"Nachname\").")
                    .arg(quotedList(found, 12)));
        else
            errors->add(at.row,
                        tr("This does not look like a header row we understand. Found: %1. Columns we "
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
void describeMapping(const Mapping &mapping, const QStringList &header, AttendeeCsv::Result *result)
{
    for (int f = 0; f < FieldCount; ++f) {
        if (mapping.column[f] >= 0)
            result->columns.insert(QStringView(kFieldNames[f]).toString(),
                                   header[mapping.column[f]].trimmed());
    }
    if (mapping.nameIsSurname) {
        result->columns.insert(u"last_name"_s, result->columns.take(u"name"_s));
        result->warnings.append(tr("Column \"%1\" is read as the last name, because there is a first-name "
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
        if (!used && hasText(header[c]))
            unused.append(header[c].trimmed());
    }
    if (!unused.isEmpty())
        result->warnings.append(tr("These columns are not used: %1.").arg(quotedList(unused, 15)));
    if (mapping.column[Code] < 0)
        result->warnings.append(
            tr("The file has no ticket code column (such as \"Ticket code\", \"Barcode\", "
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
    RowReader(const Mapping &mapping, const QStringList &header, QChar delimiter, ErrorList *errors)
        : m_mapping(mapping)
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

    bool checkWidth(const CsvReader::Record &record)
    {
        for (qsizetype c = m_width; c < record.fields.size(); ++c) {
            if (hasText(record.fields[c])) {
                m_errors->add(record.row, tr("This row has %1 values but the header has %2 columns. A value "
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
            tr("This row has no name. Fill in a first or last name: the door finds attendees by name."));
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
        m_errors->add(record.row,
                      tr("Ticket code %1 is also on row %2. Each ticket code may appear only once: remove "
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
            it = m_statusCache.insert(status, statusTable().value(foldKey(status), StatusWord::Unknown));
        if (*it == StatusWord::Unknown) {
            m_errors->add(
                record.row,
                tr("Status \"%1\" is not a status we know. Use a word for valid (valid, paid, "
                   "bezahlt, attending, confirmed, bestätigt, angemeldet, registered, pending) or for "
                   "cancelled (cancelled, storniert, abgemeldet, refunded, not attending, deleted, "
                   "expired, Warteliste); an empty status counts as valid.")
                    .arg(status));
            return false;
        }
        const bool valid = *it == StatusWord::Valid || *it == StatusWord::PendingAsValid;
        row->status = valid ? TicketStatus::Valid : TicketStatus::Cancelled;
        pending += *it == StatusWord::PendingAsValid ? 1 : 0;
        waiting += *it == StatusWord::WaitlistAsCancelled ? 1 : 0;
        return true;
    }

    const Mapping &m_mapping;
    qsizetype m_width;
    QChar m_delimiter;
    ErrorList *m_errors;
    bool m_positionNeedsOrder;
    CodeRows m_codeRows;
    QHash<QString, StatusWord> m_statusCache;
};

} // namespace

AttendeeCsv::Result AttendeeCsv::parse(const QByteArray &bytes)
{
    QList<Row> rows;
    Result result = parse(bytes, [&rows](Row &&row) { rows.append(std::move(row)); });
    if (result.ok())
        result.rows = std::move(rows);
    return result;
}

AttendeeCsv::Result AttendeeCsv::parse(const QByteArray &bytes, const RowSink &sink)
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
            describeMapping(search.mapping(), header.fields, &result);
            if (search.skippedRows())
                result.warnings.append(
                    tr("The rows above the header (row %1) were skipped.").arg(header.row));
            reader.emplace(search.mapping(), header.fields, info.delimiter, &errors);
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
        errors.add(search.header().row, tr("The file has a header row but no attendees below it."));
    errors.finish();
    if (!result.errors.isEmpty())
        return result;
    if (reader->pending > 0)
        result.warnings.append(
            tr("%n attendee(s) with a pending status were imported as valid.", reader->pending));
    if (reader->waiting > 0)
        result.warnings.append(tr(
            "%n attendee(s) on a waiting list were imported as not admitted (cancelled).", reader->waiting));
    if (search.mapping().column[Code] >= 0 && reader->withoutCode > 0)
        result.warnings.append(
            tr("%n attendee(s) have no ticket code; they can only be checked in by name search.",
               reader->withoutCode));
    return result;
}

} // namespace checkin
