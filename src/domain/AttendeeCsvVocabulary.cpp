// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AttendeeCsvVocabulary.h"

#include <QHash>
#include <QStringList>

#include <utility>

namespace checkin::csvvocab {

namespace {

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

// Status words as exports write them. Decisions for the in-between states:
// - pending / unpaid / "ausstehend" / pretix "n" / "angefragt": VALID with the payment pending.
//   The file is the lead's list of who may enter; pretix only puts pending orders into a check-in
//   list export when that list admits them, and the lead exported them on purpose. The door asks
//   "Check in anyway?" for them; the import says how many there were.
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
    {StatusWord::PendingAsValid, u"unpaid|unbezahlt|nicht bezahlt|awaiting payment|zahlung ausstehend"},
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

template<size_t N> bool isOneOf(QStringView word, const char16_t *const (&list)[N], Qt::CaseSensitivity cs)
{
    for (const char16_t *entry : list) {
        if (word.compare(QStringView(entry), cs) == 0)
            return true;
    }
    return false;
}

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

} // namespace

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

StatusWord statusWord(QStringView word)
{
    return statusTable().value(foldKey(word), StatusWord::Unknown);
}

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

} // namespace checkin::csvvocab
