// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AttendeeCsv.h"
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

using namespace checkin;
using namespace Qt::StringLiterals;

using Result = AttendeeCsv::Result;
using Row = AttendeeCsv::Row;

namespace {

Result parseFixture(const QString &name)
{
    return AttendeeCsv::parse(test::readFixture(u"csv/"_s + name));
}

const Row *findByLastName(const Result &result, const QString &lastName)
{
    for (const Row &row : result.rows) {
        if (row.lastName == lastName)
            return &row;
    }
    return nullptr;
}

int countCancelled(const Result &result)
{
    int n = 0;
    for (const Row &row : result.rows)
        n += row.status == TicketStatus::Cancelled ? 1 : 0;
    return n;
}

bool hasWarning(const Result &result, const QString &fragment)
{
    for (const QString &warning : result.warnings) {
        if (warning.contains(fragment))
            return true;
    }
    return false;
}

QString describe(const Result &result)
{
    QStringList lines;
    for (const auto &issue : result.errors)
        lines.append(u"row %1: %2"_s.arg(issue.row).arg(issue.message));
    return lines.join(u'\n');
}

QString describeRow(const Row &r)
{
    return u"%1|%2|%3|%4|%5|%6|%7|%8|%9"_s.arg(r.row)
        .arg(r.externalId, r.ticketCode, r.firstName, r.lastName, r.company, r.email, r.ticketType)
        .arg(int(r.status));
}

// parse(bytes, sink), keeping what the sink was given.
Result parseStreaming(const QByteArray &bytes, QList<Row> *streamed)
{
    return AttendeeCsv::parse(bytes, [streamed](Row &&row) { streamed->append(std::move(row)); });
}

// Every fixture under tests/data/csv, the malformed ones included, relative to tests/data.
QStringList allCsvFixtures()
{
    const QDir dir(test::dataDir());
    QStringList files;
    QDirIterator it(dir.filePath(u"csv"_s), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(dir.relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

// Importing real-world attendee lists: fixtures shaped like pretix, Eventbrite, ChurchTools and
// Excel exports, the malformed corpus, name splitting, status words and header synonyms.
class TestAttendeeCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pretixCheckinList()
    {
        const Result r = parseFixture(u"pretix_checkinlist.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 7);
        QCOMPARE(r.delimiter, QChar(u','));
        QCOMPARE(r.encoding, u"UTF-8"_s);
        QCOMPARE(r.columns.value(u"ticket_code"_s), u"Secret"_s); // not "Order code"
        QCOMPARE(r.columns.value(u"first_name"_s), u"Attendee name: Given name"_s);
        QCOMPARE(r.columns.value(u"last_name"_s), u"Attendee name: Family name"_s);
        QCOMPARE(r.columns.value(u"email"_s), u"E-mail"_s);
        QCOMPARE(r.columns.value(u"ticket_type"_s), u"Product"_s);
        QVERIFY(!r.columns.contains(u"status"_s)); // "Checked in" holds a time, not a status

        const Row &anna = r.rows.first();
        QCOMPARE(anna.row, 2);
        QCOMPARE(anna.firstName, u"Anna"_s);
        QCOMPARE(anna.lastName, u"Müller"_s);
        QCOMPARE(anna.ticketCode, u"fgk3ua7q2mbhdp8z6yqxwn4cs5e9tr2v"_s);
        QCOMPARE(anna.company, u"Müller & Söhne GmbH"_s);
        QCOMPARE(anna.ticketType, u"Conference ticket – Regular"_s);
        QCOMPARE(anna.status, TicketStatus::Valid);

        const Row *fatma = findByLastName(r, u"Yılmaz"_s);
        QVERIFY(fatma);
        QCOMPARE(fatma->firstName, u"Dr. Fatma"_s);
        QCOMPARE(fatma->row, 4);
        // the multi-line comment does not shift the rows after it
        QCOMPARE(r.rows[3].row, 5);
        QCOMPARE(r.rows[3].lastName, u"Dubois"_s);
        // empty name parts: the full "Attendee name" is split instead
        const Row *sophie = findByLastName(r, u"de la Cruz"_s);
        QVERIFY(sophie);
        QCOMPARE(sophie->firstName, u"Sophie"_s);
        QCOMPARE(sophie->company, u"Cruz Consulting, S.L."_s);
        QCOMPARE(countCancelled(r), 0);
        QVERIFY(hasWarning(r, u"\"Checked in\""_s));
    }

    void pretixOrdersGerman()
    {
        const Result r = parseFixture(u"pretix_orders_de.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 6);
        QCOMPARE(r.delimiter, QChar(u';'));
        QCOMPARE(r.encoding, u"UTF-8 (BOM)"_s);
        QCOMPARE(r.columns.value(u"ticket_code"_s), u"Ticket-Code"_s);
        QCOMPARE(r.columns.value(u"first_name"_s), u"Name der/des Teilnehmenden: Vorname"_s);
        QCOMPARE(r.columns.value(u"last_name"_s), u"Name der/des Teilnehmenden: Nachname"_s);
        QCOMPARE(r.columns.value(u"email"_s), u"E-Mail der/des Teilnehmenden"_s);
        QCOMPARE(r.columns.value(u"status"_s), u"Status"_s);
        QCOMPARE(r.columns.value(u"external_id"_s), u"Positions-ID"_s);

        const Row &lea = r.rows[0];
        QCOMPARE(lea.firstName, u"Lea"_s);
        QCOMPARE(lea.lastName, u"Schneider"_s);
        QCOMPARE(lea.externalId, u"ABC12-1"_s);
        QCOMPARE(lea.email, u"lea.schneider@example-gmbh.de"_s);
        QCOMPARE(lea.ticketType, u"Fachtag – Normalpreis"_s);
        QCOMPARE(lea.ticketCode, u"x8y7z6w5v4u3t2s1r0q9p8o7n6m5l4k3"_s);
        // no attendee e-mail or company: the order's e-mail and the invoice company fill in
        const Row &matthias = r.rows[1];
        QCOMPARE(matthias.externalId, u"ABC12-2"_s);
        QCOMPARE(matthias.email, u"einkauf@example-gmbh.de"_s);
        QCOMPARE(matthias.company, u"Beispiel GmbH"_s);
        QCOMPARE(findByLastName(r, u"Weiß"_s)->status, TicketStatus::Valid); // ausstehend
        QCOMPARE(findByLastName(r, u"Weiß"_s)->ticketType, u"Workshop „Datenschutz“"_s);
        QCOMPARE(findByLastName(r, u"Çelik"_s)->status, TicketStatus::Cancelled);   // storniert
        QCOMPARE(findByLastName(r, u"Nußbaum"_s)->status, TicketStatus::Cancelled); // abgelaufen
        QCOMPARE(findByLastName(r, u"Nußbaum"_s)->company, u"Nußbaum IT"_s);
        QVERIFY(hasWarning(r, u"pending"_s));
    }

    void eventbrite()
    {
        const Result r = parseFixture(u"eventbrite_attendees.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 7);
        QCOMPARE(r.columns.value(u"ticket_code"_s), u"Barcode #"_s); // not "Order #"
        QCOMPARE(r.columns.value(u"external_id"_s), u"Attendee #"_s);
        QCOMPARE(r.columns.value(u"first_name"_s), u"First Name"_s); // not "Buyer First Name"
        QCOMPARE(r.columns.value(u"email"_s), u"Email"_s);
        QCOMPARE(r.columns.value(u"status"_s), u"Attendee Status"_s);
        QCOMPARE(r.columns.value(u"ticket_type"_s), u"Ticket Type"_s);

        const Row &emily = r.rows[0];
        QCOMPARE(emily.firstName, u"Emily"_s); // bought by Robert Smith, attended by Emily
        QCOMPARE(emily.lastName, u"Chen"_s);
        QCOMPARE(emily.email, u"emily.chen@example.com"_s);
        QCOMPARE(emily.ticketCode, u"8812345601102345678011001"_s);
        QCOMPARE(emily.externalId, u"10234567801"_s);
        QCOMPARE(emily.company, u"Acme, Inc."_s);
        QCOMPARE(r.rows[1].status, TicketStatus::Valid); // Checked In
        QCOMPARE(findByLastName(r, u"García López"_s)->firstName, u"María José"_s);
        QCOMPARE(findByLastName(r, u"Natarajan"_s)->company, u"Natarajan \"Labs\""_s);
        QCOMPARE(findByLastName(r, u"Mensah"_s)->status, TicketStatus::Cancelled); // Not Attending
        QCOMPARE(countCancelled(r), 2);
    }

    void churchToolsRegistrations()
    {
        const Result r = parseFixture(u"churchtools_anmeldungen.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 8);
        QCOMPARE(r.encoding, u"Windows-1252"_s);
        QCOMPARE(r.delimiter, QChar(u';'));
        QVERIFY(!r.columns.contains(u"ticket_code"_s));
        QVERIFY(hasWarning(r, u"name search"_s));
        QCOMPARE(r.rows[0].lastName, u"Jäger"_s);
        QCOMPARE(r.rows[0].ticketType, u"Sommerfreizeit 2024 – Teilnehmer"_s); // 0x96 en dash
        QCOMPARE(r.rows[1].lastName, u"Groß"_s);
        QCOMPARE(r.rows[1].status, TicketStatus::Valid);                            // bestätigt
        QCOMPARE(findByLastName(r, u"Schäfer"_s)->status, TicketStatus::Cancelled); // abgemeldet
        QCOMPARE(findByLastName(r, u"Öztürk"_s)->status, TicketStatus::Cancelled);  // Warteliste
        QCOMPARE(findByLastName(r, u"Dürr"_s)->status, TicketStatus::Valid);        // empty
        QCOMPARE(findByLastName(r, u"Lößner"_s)->firstName, u"Friederike"_s);
        QVERIFY(findByLastName(r, u"Krüger"_s)->ticketCode.isEmpty());
        QCOMPARE(countCancelled(r), 3);
        QVERIFY(hasWarning(r, u"waiting list"_s));
    }

    void churchToolsGroupNameIsSurname()
    {
        const Result r = parseFixture(u"churchtools_gruppe.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 6);
        QCOMPARE(r.columns.value(u"last_name"_s), u"Name"_s);
        QCOMPARE(r.columns.value(u"status"_s), u"Teilnehmerstatus"_s); // not the person's "Status"
        QCOMPARE(r.rows[0].firstName, u"Johannes"_s);
        QCOMPARE(r.rows[0].lastName, u"Becker"_s);
        QCOMPARE(findByLastName(r, u"Wolf"_s)->firstName, u"Marie-Luise"_s);
        QCOMPARE(findByLastName(r, u"Fischer"_s)->status, TicketStatus::Cancelled); // Warteliste
        QCOMPARE(findByLastName(r, u"Braun"_s)->status, TicketStatus::Cancelled);   // zu löschen
        QCOMPARE(countCancelled(r), 2);
        QVERIFY(hasWarning(r, u"last name"_s));
    }

    void excelGermanSemicolonBom()
    {
        const Result r = parseFixture(u"excel_de_semicolon_bom.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 6); // the empty middle row and the trailing empty rows are skipped
        QCOMPARE(r.encoding, u"UTF-8 (BOM)"_s);
        QCOMPARE(r.columns.value(u"ticket_code"_s), u"Ticket-Nr."_s);
        QCOMPARE(r.columns.value(u"external_id"_s), u"Nr."_s);
        QCOMPARE(r.columns.value(u"first_name"_s), u"Vorname"_s); // the BOM is not part of a header
        QCOMPARE(r.columns.value(u"ticket_type"_s), u"Ticketart"_s);
        const Row &sabine = r.rows[0];
        QCOMPARE(sabine.firstName, u"Sabine"_s); // trimmed
        QCOMPARE(sabine.lastName, u"Krause"_s);
        QCOMPARE(sabine.externalId, u"1"_s);
        QCOMPARE(r.rows[1].status, TicketStatus::Valid);     // "Bezahlt"
        QCOMPARE(r.rows[2].status, TicketStatus::Cancelled); // storniert
        QCOMPARE(r.rows[3].row, 6);
        QCOMPARE(r.rows[3].firstName, u"Ömer"_s);
        QCOMPARE(r.rows[4].company, u"Zimmermann; Söhne KG"_s);
        QCOMPARE(r.rows[4].status, TicketStatus::Valid); // offen = pending
        const Row &greta = r.rows[5];                    // a short row, padded
        QCOMPARE(greta.company, u"Vogt Design"_s);
        QVERIFY(greta.ticketCode.isEmpty());
        QCOMPARE(greta.status, TicketStatus::Valid);
        QVERIFY(hasWarning(r, u"no ticket code"_s));
    }

    void excelUnicodeTextUtf16()
    {
        const Result r = parseFixture(u"excel_unicode_text_utf16.txt"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 5);
        QCOMPARE(r.encoding, u"UTF-16LE"_s);
        QCOMPARE(r.delimiter, QChar(u'\t'));
        QCOMPARE(r.rows[0].firstName, u"Łukasz"_s);
        QCOMPARE(r.rows[0].lastName, u"Wiśniewski"_s);
        QCOMPARE(r.rows[2].company, u"Café ☕ Kollektiv"_s);
        QCOMPARE(r.rows[3].company, u"🎉 Events & Co"_s);
        QCOMPARE(r.rows[4].ticketCode, u"UX-1005"_s);
    }

    void tabSeparated()
    {
        const Result r = parseFixture(u"tab_separated.tsv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 4);
        QCOMPARE(r.delimiter, QChar(u'\t'));
        QCOMPARE(r.columns.value(u"ticket_code"_s), u"Barcode"_s);
        QCOMPARE(r.rows[1].company, u"Meyer & Co"_s); // the quoted tab becomes a space
        QCOMPARE(r.rows[3].ticketCode, u"4006381333962"_s);
    }

    void crlfMultilineQuoted()
    {
        const Result r = parseFixture(u"crlf_multiline_quoted.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 5);
        QCOMPARE(r.rows[0].firstName, u"Robert \"Bob\""_s);
        QCOMPARE(r.rows[0].company, u"Smith, Jones & Partners"_s);
        QCOMPARE(r.rows[2].row, 4);
        QCOMPARE(r.rows[2].firstName, u"Mary Ann"_s); // a multi-line cell becomes one line
        QCOMPARE(r.rows[2].company, u"Initech Berlin Office"_s);
        QCOMPARE(r.rows[3].ticketCode, u"MLQ-004"_s);
        QCOMPARE(r.rows[4].row, 6);
        QCOMPARE(r.rows[4].company, u"\"Quoted\" Corp"_s);
    }

    void namesOnly()
    {
        const Result r = parseFixture(u"names_only.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 8);
        QCOMPARE(r.columns.value(u"name"_s), u"Name"_s);
        QVERIFY(hasWarning(r, u"name search"_s));
        QCOMPARE(r.rows[0].firstName, u"Anna"_s); // unquoted "Müller, Anna" stays one value
        QCOMPARE(r.rows[0].lastName, u"Müller"_s);
        QCOMPARE(r.rows[1].firstName, u"Anna Maria"_s);
        QCOMPARE(r.rows[1].lastName, u"van der Berg"_s);
        QCOMPARE(r.rows[7].lastName, u"Cher"_s);
        for (const Row &row : r.rows)
            QVERIFY(row.ticketCode.isEmpty());
    }

    void fullNameColumn()
    {
        const Result r = parseFixture(u"fullname_split.csv"_s);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 6);
        QCOMPARE(r.columns.value(u"name"_s), u"Full name"_s);
        QCOMPARE(r.rows[0].firstName, u"Anna"_s);
        QCOMPARE(r.rows[0].lastName, u"Müller"_s);
        QCOMPARE(r.rows[2].firstName, u"Pieter"_s);
        QCOMPARE(r.rows[2].lastName, u"van der Berg"_s);
        QCOMPARE(r.rows[3].lastName, u"von der Leyen"_s);
        QCOMPARE(r.rows[4].firstName, u"Dr. Klaus"_s);
    }

    void sepLineAndTitleRows()
    {
        const Result sep = parseFixture(u"sep_line_excel.csv"_s);
        QVERIFY2(sep.ok(), qPrintable(describe(sep)));
        QCOMPARE(sep.rows.size(), 3);
        QCOMPARE(sep.encoding, u"Windows-1252"_s);
        QCOMPARE(sep.rows[0].row, 2);
        QCOMPARE(sep.rows[2].firstName, u"Søren"_s);
        QCOMPARE(sep.rows[2].lastName, u"Ærø"_s);

        const Result title = parseFixture(u"title_rows.csv"_s);
        QVERIFY2(title.ok(), qPrintable(describe(title)));
        QCOMPARE(title.rows.size(), 3);
        QCOMPARE(title.rows[0].row, 4);
        QCOMPARE(title.rows[2].ticketType, u"Helfer"_s);
        QVERIFY(hasWarning(title, u"above the header"_s));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("unterminated quote") << u"unterminated_quote.csv"_s << 4 << u"never closed"_s;
        QTest::newRow("unquoted delimiter") << u"unquoted_delimiter.csv"_s << 3 << u"unquoted \";\""_s;
        QTest::newRow("duplicate codes")
            << u"duplicate_codes.csv"_s << 6 << u"Ticket code DUP-200 is also on row 3"_s;
        QTest::newRow("missing name") << u"missing_name.csv"_s << 5 << u"has no name"_s;
        QTest::newRow("unknown status") << u"unknown_status.csv"_s << 4 << u"\"vielleicht\""_s;
        QTest::newRow("no header") << u"no_header.csv"_s << 1 << u"\"Anna\", \"Schmidt\""_s;
        QTest::newRow("no name column") << u"no_name_column.csv"_s << 1 << u"no name column"_s;
        QTest::newRow("binary") << u"binary_nul.csv"_s << 3 << u"binary"_s;
        QTest::newRow("xlsx renamed") << u"xlsx_renamed.csv"_s << 0 << u"workbook"_s;
        QTest::newRow("empty") << u"empty.csv"_s << 0 << u"empty"_s;
        QTest::newRow("header only") << u"header_only.csv"_s << 1 << u"no attendees"_s;
        QTest::newRow("many errors") << u"many_errors.csv"_s << 2 << u"has no name"_s;
    }

    void malformed()
    {
        QFETCH(QString, file);
        QFETCH(int, row);
        QFETCH(QString, fragment);
        const Result r = parseFixture(u"malformed/"_s + file);
        QVERIFY(!r.ok());
        QVERIFY(r.rows.isEmpty());
        QCOMPARE(r.errors.first().row, row);
        QVERIFY2(r.errors.first().message.contains(fragment), qPrintable(describe(r)));
        for (const auto &issue : r.errors)
            QVERIFY(!issue.message.trimmed().isEmpty());
    }

    void errorListIsCapped()
    {
        const Result r = parseFixture(u"malformed/many_errors.csv"_s);
        QCOMPARE(r.errors.size(), 101);
        QCOMPARE(r.errors[99].row, 101);
        QCOMPARE(r.errors.last().row, 0);
        QVERIFY2(r.errors.last().message.contains(u"50 more"_s), qPrintable(r.errors.last().message));
    }

    void nameSplitting_data()
    {
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("last");
        QTest::newRow("simple") << u"Anna Müller"_s << u"Anna"_s << u"Müller"_s;
        QTest::newRow("last, first") << u"Müller, Anna"_s << u"Anna"_s << u"Müller"_s;
        QTest::newRow("last, two first names") << u"Müller,  Anna   Lena"_s << u"Anna Lena"_s << u"Müller"_s;
        QTest::newRow("particle last, first")
            << u"van der Berg, Pieter"_s << u"Pieter"_s << u"van der Berg"_s;
        QTest::newRow("van der") << u"Anna Maria van der Berg"_s << u"Anna Maria"_s << u"van der Berg"_s;
        QTest::newRow("von") << u"Ludwig von Mises"_s << u"Ludwig"_s << u"von Mises"_s;
        QTest::newRow("von der") << u"Ursula von der Leyen"_s << u"Ursula"_s << u"von der Leyen"_s;
        QTest::newRow("de la") << u"Sophie de la Cruz"_s << u"Sophie"_s << u"de la Cruz"_s;
        QTest::newRow("da") << u"Leonardo da Vinci"_s << u"Leonardo"_s << u"da Vinci"_s;
        QTest::newRow("zu") << u"Karl Theodor zu Guttenberg"_s << u"Karl Theodor"_s << u"zu Guttenberg"_s;
        QTest::newRow("ten") << u"Jan ten Brink"_s << u"Jan"_s << u"ten Brink"_s;
        QTest::newRow("capital De is a name") << u"Anna De Luca"_s << u"Anna De"_s << u"Luca"_s;
        QTest::newRow("double-barrelled") << u"Zoë Wagner-Kowalski"_s << u"Zoë"_s << u"Wagner-Kowalski"_s;
        QTest::newRow("suffix") << u"Martin Luther King Jr."_s << u"Martin Luther"_s << u"King Jr."_s;
        QTest::newRow("title stays with first") << u"Dr. Klaus Weber"_s << u"Dr. Klaus"_s << u"Weber"_s;
        QTest::newRow("one word") << u"Cher"_s << QString() << u"Cher"_s;
        QTest::newRow("extra spaces") << u"  Jean-Luc    Picard "_s << u"Jean-Luc"_s << u"Picard"_s;
        QTest::newRow("particle as first word") << u"van Gogh"_s << u"van"_s << u"Gogh"_s;
    }

    void nameSplitting()
    {
        QFETCH(QString, full);
        QFETCH(QString, first);
        QFETCH(QString, last);
        QString csvValue = full;
        csvValue.replace(u'"', u"\"\""_s);
        const Result r = AttendeeCsv::parse((u"Name\n\""_s + csvValue + u"\"\n"_s).toUtf8());
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 1);
        QCOMPARE(r.rows[0].firstName, first);
        QCOMPARE(r.rows[0].lastName, last);
    }

    void statusWords_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("cancelled");
        const QStringList valid = {u"valid"_s,     u"Valid"_s,      u"paid"_s,        u"p"_s,
                                   u"bezahlt"_s,   u"Attending"_s,  u"active"_s,      u"confirmed"_s,
                                   u"bestätigt"_s, u"BESTÄTIGT"_s,  u"angemeldet"_s,  u"registered"_s,
                                   u"gültig"_s,    u"Checked In"_s, u"eingecheckt"_s, u"pending"_s,
                                   u"n"_s,         u"ausstehend"_s, u"aktiv"_s,       u"Mitglied"_s};
        const QStringList cancelled = {u"cancelled"_s,     u"canceled"_s,   u"c"_s,          u"storniert"_s,
                                       u"abgesagt"_s,      u"abgemeldet"_s, u"refunded"_s,   u"erstattet"_s,
                                       u"Not Attending"_s, u"deleted"_s,    u"void"_s,       u"ungültig"_s,
                                       u"expired"_s,       u"e"_s,          u"abgelaufen"_s, u"Warteliste"_s,
                                       u"waitlist"_s,      u"zu löschen"_s, u"transferred"_s};
        for (const QString &w : valid)
            QTest::newRow(qPrintable(u"valid: "_s + w)) << w << false;
        for (const QString &w : cancelled)
            QTest::newRow(qPrintable(u"cancelled: "_s + w)) << w << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("spaces") << u"   "_s << false;
    }

    void statusWords()
    {
        QFETCH(QString, word);
        QFETCH(bool, cancelled);
        const Result r = AttendeeCsv::parse((u"Name;Status\nAnna Müller;"_s + word + u"\n"_s).toUtf8());
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows[0].status, cancelled ? TicketStatus::Cancelled : TicketStatus::Valid);
    }

    void unknownStatusListsAcceptedWords()
    {
        const Result r = AttendeeCsv::parse("Name;Status\nAnna;bezahlt\nBen;maybe\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].row, 3);
        QVERIFY(r.errors[0].message.contains(u"\"maybe\""_s));
        QVERIFY(r.errors[0].message.contains(u"bezahlt"_s));
        QVERIFY(r.errors[0].message.contains(u"storniert"_s));
    }

    void headerSynonyms_data()
    {
        QTest::addColumn<QString>("headers");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("Vorname") << u"Vorname;Nachname"_s << u"first_name"_s << u"Vorname"_s;
        QTest::newRow("last name case") << u"FIRST NAME;LAST NAME"_s << u"last_name"_s << u"LAST NAME"_s;
        QTest::newRow("surname") << u"Forename;Surname"_s << u"last_name"_s << u"Surname"_s;
        QTest::newRow("E-Mail") << u"Name;E-Mail"_s << u"email"_s << u"E-Mail"_s;
        QTest::newRow("e mail spaced") << u"Name;  e  mail "_s << u"email"_s << u"e  mail"_s;
        QTest::newRow("Firma") << u"Name;Firma"_s << u"company"_s << u"Firma"_s;
        QTest::newRow("Organisation") << u"Name;Organisation"_s << u"company"_s << u"Organisation"_s;
        QTest::newRow("Ticket-Nr.") << u"Name;Ticket-Nr."_s << u"ticket_code"_s << u"Ticket-Nr."_s;
        QTest::newRow("Barcode") << u"Name;Barcode"_s << u"ticket_code"_s << u"Barcode"_s;
        QTest::newRow("secret") << u"Name;secret"_s << u"ticket_code"_s << u"secret"_s;
        QTest::newRow("Code") << u"Name;Code"_s << u"ticket_code"_s << u"Code"_s;
        QTest::newRow("Ticketart") << u"Name;Ticketart"_s << u"ticket_type"_s << u"Ticketart"_s;
        QTest::newRow("Produkt") << u"Name;Produkt"_s << u"ticket_type"_s << u"Produkt"_s;
        QTest::newRow("Teilnehmername") << u"Teilnehmername;Code"_s << u"name"_s << u"Teilnehmername"_s;
        QTest::newRow("Teilnehmer-E-Mail")
            << u"Name;E-Mail;Teilnehmer-E-Mail"_s << u"email"_s << u"Teilnehmer-E-Mail"_s;
        QTest::newRow("Teilnehmerstatus over Status")
            << u"Name;Status;Teilnehmerstatus"_s << u"status"_s << u"Teilnehmerstatus"_s;
        QTest::newRow("pretix secret over order code")
            << u"Order code;Name;Secret"_s << u"ticket_code"_s << u"Secret"_s;
        QTest::newRow("barcode over code") << u"Code;Name;Barcode"_s << u"ticket_code"_s << u"Barcode"_s;
        QTest::newRow("attendee email over order email")
            << u"Email;Name;Attendee email"_s << u"email"_s << u"Attendee email"_s;
        QTest::newRow("buyer ignored")
            << u"Buyer First Name;First Name;Last Name"_s << u"first_name"_s << u"First Name"_s;
        QTest::newRow("invoice name part ignored")
            << u"Invoice address name: Given name;Attendee name: Given name;Attendee name: Family name"_s
            << u"first_name"_s << u"Attendee name: Given name"_s;
        QTest::newRow("Attendee ID") << u"Name;Attendee ID"_s << u"external_id"_s << u"Attendee ID"_s;
        QTest::newRow("ID") << u"ID;Name"_s << u"external_id"_s << u"ID"_s;
    }

    void headerSynonyms()
    {
        QFETCH(QString, headers);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        const qsizetype columns = headers.count(u';') + 1;
        QString row = u"Anna Müller"_s;
        for (qsizetype i = 1; i < columns; ++i)
            row += u";x"_s + QString::number(i);
        const Result r = AttendeeCsv::parse((headers + u"\n"_s + row + u"\n"_s).toUtf8());
        QCOMPARE(r.columns.value(field), expected);
    }

    void noRecognisedHeaderListsFoundAndKnownNames()
    {
        const Result r = AttendeeCsv::parse("Spalte A,Spalte B\n1,2\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors[0].row, 1);
        QVERIFY(r.errors[0].message.contains(u"\"Spalte A\", \"Spalte B\""_s));
        QVERIFY(r.errors[0].message.contains(u"Vorname"_s));
    }

    void genericWordInDataIsNoHeader()
    {
        const Result r = AttendeeCsv::parse("Anna;M\xc3\xbcller;Teilnehmer\nBen;Meier;Gast\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors[0].row, 1);
        QVERIFY(r.errors[0].message.contains(u"header"_s));
        // ... but a one-column list headed "Teilnehmer" is fine
        const Result list = AttendeeCsv::parse("Teilnehmer\nAnna M\xc3\xbcller\nBen Meier\n");
        QVERIFY2(list.ok(), qPrintable(describe(list)));
        QCOMPARE(list.rows.size(), 2);
        QCOMPARE(list.rows[0].lastName, u"Müller"_s);
    }

    void buyerColumnsAreNoName()
    {
        const Result r = AttendeeCsv::parse("Buyer First Name,Buyer Last Name,Barcode #\nRobert,Smith,123\n");
        QVERIFY(!r.ok());
        QVERIFY(r.errors[0].message.contains(u"no name column"_s));
    }

    void firstAndLastPreferredOverFullName()
    {
        const Result r =
            AttendeeCsv::parse("Name,First name,Last name\nMüller Anna,Anna,Müller\nBen Wagner,,\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows[0].firstName, u"Anna"_s);
        QCOMPARE(r.rows[0].lastName, u"Müller"_s);
        QCOMPARE(r.rows[1].firstName, u"Ben"_s); // parts empty: the full name is split
        QCOMPARE(r.rows[1].lastName, u"Wagner"_s);
    }

    void duplicateCodesNameBothRowsAndImportNothing()
    {
        const Result r =
            AttendeeCsv::parse("Name,Code\nA One,X1\nB Two,X2\nC Three,X1\nD Four, X2 \nE Five,X1\n");
        QVERIFY(!r.ok());
        QVERIFY(r.rows.isEmpty());
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors[0].row, 4);
        QVERIFY(r.errors[0].message.contains(u"Ticket code X1 is also on row 2"_s));
        QCOMPARE(r.errors[1].row, 5); // surrounding spaces do not make a code different
        QVERIFY(r.errors[1].message.contains(u"X2 is also on row 3"_s));
        QCOMPARE(r.errors[2].row, 6);
    }

    void oneBadRowImportsNothing()
    {
        QByteArray csv = "Vorname;Nachname;Code\n";
        for (int i = 0; i < 50; ++i)
            csv += "Anna;Muster" + QByteArray::number(i) + ";C" + QByteArray::number(i) + "\n";
        csv += ";;C999\n";
        const Result r = AttendeeCsv::parse(csv);
        QVERIFY(!r.ok());
        QVERIFY(r.rows.isEmpty());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].row, 52);
    }

    void extraEmptyFieldsAndShortRowsAreFine()
    {
        const Result r = AttendeeCsv::parse("Vorname;Nachname;Firma\nAnna;Muster;ACME;;;\nBen;Wagner\n");
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 2);
        QVERIFY(r.rows[1].company.isEmpty());
    }

    void extraFieldsWithTextAreAnError()
    {
        const Result r = AttendeeCsv::parse("Vorname,Nachname,Firma\nAnna,Muster,Müller, Schmidt & Co\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors[0].row, 2);
        QVERIFY(r.errors[0].message.contains(u"This row has 4 values but the header has 3 columns"_s));
        QVERIFY(r.errors[0].message.contains(u"unquoted \",\""_s));
    }

    void errorsComeInRowOrder()
    {
        const Result r = AttendeeCsv::parse("Name,Code,Status\n,A,\nB b,A,\nC c,B,maybe\nD d,A,x,y\n,,\n");
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors[0].row, 2);
        QCOMPARE(r.errors[1].row, 4);
        QCOMPARE(r.errors[2].row, 5);
    }

    void warningsDoNotStopTheImport()
    {
        const Result r = AttendeeCsv::parse("Name,Lieblingsfarbe\nAnna Muster,blau\n");
        QVERIFY(r.ok());
        QCOMPARE(r.rows.size(), 1);
        QVERIFY(hasWarning(r, u"\"Lieblingsfarbe\""_s));
        QVERIFY(hasWarning(r, u"name search"_s));
    }

    void streamingMatchesParse_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = allCsvFixtures();
        QVERIFY2(files.size() >= 25, qPrintable(files.join(u", "_s)));
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void streamingMatchesParse()
    {
        QFETCH(QString, file);
        const QByteArray bytes = test::readFixture(file);
        const Result whole = AttendeeCsv::parse(bytes);
        QList<Row> streamed;
        const Result r = parseStreaming(bytes, &streamed);
        QVERIFY(r.rows.isEmpty()); // streamed rows are not kept
        QCOMPARE(r.ok(), whole.ok());
        QCOMPARE(describe(r), describe(whole)); // the same errors, rows and messages
        QCOMPARE(r.errors.size(), whole.errors.size());
        QCOMPARE(r.warnings, whole.warnings);
        QCOMPARE(r.columns, whole.columns);
        QCOMPARE(r.delimiter, whole.delimiter);
        QCOMPARE(r.encoding, whole.encoding);
        if (whole.ok()) {
            QCOMPARE(streamed.size(), whole.rows.size()); // the same rows in the same order
            for (qsizetype i = 0; i < streamed.size(); ++i)
                QCOMPARE(describeRow(streamed[i]), describeRow(whole.rows[i]));
        } else {
            QVERIFY(whole.rows.isEmpty());
            for (const Row &row : streamed) // nothing at or after the first error
                QVERIFY2(whole.errors.first().row > 0 && row.row < whole.errors.first().row,
                         qPrintable(describeRow(row) + u" / "_s + describe(whole)));
        }
    }

    void streamingSinkIsNotCalledAfterTheFirstError()
    {
        const QByteArray csv = "Name,Code,Status\n"
                               "Anna A,A1,\n"      // 2
                               "Ben B,B1,\n"       // 3
                               "Cara C,C1,maybe\n" // 4: the first error
                               "Dan D,D1,\n"       // 5: good, but after the error
                               ",E1,\n"            // 6: no name
                               "Eva E,A1,\n"       // 7: the code of row 2
                               "Finn F,F1,\n";     // 8: good
        QList<int> delivered;
        const Result r = AttendeeCsv::parse(csv, [&delivered](Row &&row) { delivered.append(row.row); });
        QCOMPARE(delivered, QList<int>({2, 3}));
        QVERIFY(!r.ok());
        QVERIFY(r.rows.isEmpty());
        // reading went on and found every error
        QCOMPARE(r.errors.size(), 3);
        QCOMPARE(r.errors[0].row, 4);
        QCOMPARE(r.errors[1].row, 6);
        QCOMPARE(r.errors[2].row, 7);
        QVERIFY(r.errors[2].message.contains(u"A1 is also on row 2"_s));
        QCOMPARE(describe(r), describe(AttendeeCsv::parse(csv)));
    }

    void streamingFileErrorReplacesRowErrors()
    {
        // Rows stream out before the unterminated quote is found; the result has that one error.
        const QByteArray csv = "Name,Code\nAnna A,A1\n,X\nBen B,B1\n\"open,1\nCara C,C1\n";
        QList<Row> streamed;
        const Result r = parseStreaming(csv, &streamed);
        QCOMPARE(streamed.size(), 1);
        QCOMPARE(streamed[0].row, 2);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].row, 5);
        QVERIFY2(r.errors[0].message.contains(u"never closed"_s), qPrintable(describe(r)));
        QVERIFY(r.warnings.isEmpty());
        QVERIFY(r.columns.isEmpty());
        QCOMPARE(describe(r), describe(AttendeeCsv::parse(csv)));
    }

    void streamingManyRowsAndDuplicateFarApart()
    {
        QByteArray csv = "sep=;\r\nTeilnehmerliste\r\n\r\nVorname;Nachname;Code\r\n"; // header: row 3
        for (int i = 0; i < 20000; ++i)
            csv += "Anna;\"M\xc3\xbcller " + QByteArray::number(i) + "\";C" + QByteArray::number(i) + "\r\n";
        QList<Row> streamed;
        Result r = parseStreaming(csv, &streamed);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(streamed.size(), 20000);
        QCOMPARE(streamed.first().row, 4);
        QCOMPARE(streamed.last().row, 20003);
        QCOMPARE(streamed.last().lastName, u"Müller 19999"_s);
        QCOMPARE(streamed.last().ticketCode, u"C19999"_s);
        QVERIFY(hasWarning(r, u"above the header (row 3)"_s));

        // a code seen 20,000 rows earlier is still a duplicate
        csv += "Ben;Meier;C0\r\nCara;Graf;C19999\r\n";
        streamed.clear();
        r = parseStreaming(csv, &streamed);
        QCOMPARE(streamed.size(), 20000);
        QCOMPARE(r.errors.size(), 2);
        QCOMPARE(r.errors[0].row, 20004);
        QVERIFY2(r.errors[0].message.contains(u"Ticket code C0 is also on row 4"_s), qPrintable(describe(r)));
        QCOMPARE(r.errors[1].row, 20005);
        QVERIFY2(r.errors[1].message.contains(u"C19999 is also on row 20003"_s), qPrintable(describe(r)));
    }

    // The columns a lead chose for the door: attention ones marked, in the file's words; empty
    // cells make no note; a column not in the file is named and nothing is read.
    void doorColumns()
    {
        const QByteArray csv = "Order code,Vorname,Nachname,Allergien,Bemerkung,Status\n"
                               "A1,Anna,Berger,Nüsse,,bezahlt\n"
                               "A1,Ben,Berger,,\"Rollstuhl,\nbraucht Rampe\",unbezahlt\n"
                               "B2,Cara,Graf,,,pending\n";
        AttendeeCsv::Options options;
        options.doorColumns = {{u"allergien"_s, true}, {u"Bemerkung"_s, false}};
        Result r = AttendeeCsv::parse(csv, options);
        QVERIFY2(r.ok(), qPrintable(describe(r)));
        QCOMPARE(r.rows.size(), 3);
        QCOMPARE(r.rows[0].orderCode, u"A1"_s);
        QCOMPARE(r.rows[0].notes, (QList<DoorNote>{{u"Allergien"_s, u"Nüsse"_s, true}}));
        QCOMPARE(r.rows[1].notes, (QList<DoorNote>{{u"Bemerkung"_s, u"Rollstuhl, braucht Rampe"_s, false}}));
        QVERIFY(r.rows[2].notes.isEmpty());
        QVERIFY(!r.rows[0].paymentPending);
        QVERIFY(r.rows[1].paymentPending); // unbezahlt
        QVERIFY(r.rows[2].paymentPending); // pending
        QCOMPARE(r.rows[1].status, TicketStatus::Valid);
        QVERIFY(hasWarning(r, u"2 attendee(s) have not paid yet"_s));
        QVERIFY(!hasWarning(r, u"not used"_s)); // the door columns are used

        options.doorColumns = {{u"Allergy"_s, true}};
        r = AttendeeCsv::parse(csv, options);
        QVERIFY(!r.ok());
        QVERIFY(r.rows.isEmpty());
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].row, 1);
        QVERIFY2(r.errors[0].message.contains(u"no column \"Allergy\""_s), qPrintable(r.errors[0].message));
        QVERIFY2(r.errors[0].message.contains(u"\"Allergien\""_s), qPrintable(r.errors[0].message));

        options.doorColumns.clear();
        for (int i = 0; i < 11; ++i)
            options.doorColumns.append({u"Bemerkung"_s, false});
        r = AttendeeCsv::parse(csv, options);
        QVERIFY(!r.ok());

        // A note longer than the door shows is an error on its row.
        options.doorColumns = {{u"Bemerkung"_s, false}};
        r = AttendeeCsv::parse("Name,Bemerkung\nAnna Berger," + QByteArray(501, 'x') + "\n", options);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors[0].row, 2);
    }
};

QTEST_GUILESS_MAIN(TestAttendeeCsv)
#include "tst_attendeecsv.moc"
