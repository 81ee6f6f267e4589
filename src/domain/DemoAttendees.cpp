// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoAttendees.h"

#include "SearchText.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <random>

namespace checkin::DemoAttendees {

namespace {

using namespace Qt::StringLiterals;

const QStringList firstNames = {
    u"Anna"_s,       u"Jürgen"_s,    u"Björn"_s,      u"Jörg"_s,    u"Özlem"_s,     u"Mareike"_s,
    u"Lukas"_s,      u"Sophie"_s,    u"Maximilian"_s, u"Lea"_s,     u"Jonas"_s,     u"Hannah"_s,
    u"Günther"_s,    u"Käthe"_s,     u"Sören"_s,      u"Ümit"_s,    u"Renée"_s,     u"José"_s,
    u"François"_s,   u"Zoë"_s,       u"Łukasz"_s,     u"Siobhán"_s, u"Søren"_s,     u"Jean-Luc"_s,
    u"Anne-Marie"_s, u"Chloé"_s,     u"Mehmet"_s,     u"Ayşe"_s,    u"Fatima"_s,    u"Olga"_s,
    u"Priya"_s,      u"Wei"_s,       u"Yuki"_s,       u"Kwame"_s,   u"Ingrid"_s,    u"Maria"_s,
    u"Peter"_s,      u"Thomas"_s,    u"Michael"_s,    u"Andreas"_s, u"Stefan"_s,    u"Sabine"_s,
    u"Claudia"_s,    u"Katharina"_s, u"Julia"_s,      u"Laura"_s,   u"David"_s,     u"Samuel"_s,
    u"Noël"_s,       u"Dagný"_s,     u"Ivana"_s,      u"Tomáš"_s,   u"Agnieszka"_s, u"Miguel Ángel"_s,
    u"Ana Lucía"_s,  u"Liam"_s,      u"Emma"_s,       u"Noah"_s,    u"Mia"_s,       u"Elias"_s,
};

const QStringList lastNames = {
    u"Müller"_s,      u"Schmidt"_s,      u"Schneider"_s,  u"Fischer"_s,   u"Weber"_s,
    u"Meyer"_s,       u"Wagner"_s,       u"Becker"_s,     u"Schulz"_s,    u"Hoffmann"_s,
    u"Schröder"_s,    u"Koch"_s,         u"Groß"_s,       u"Weiß"_s,      u"Köhler"_s,
    u"Jäger"_s,       u"Fuß"_s,          u"Öztürk"_s,     u"Bäcker"_s,    u"Krüger"_s,
    u"Hübner"_s,      u"Mueller"_s,      u"Schoenberg"_s, u"Lefèvre"_s,   u"García"_s,
    u"Núñez"_s,       u"O'Neill"_s,      u"O'Brien"_s,    u"D'Angelo"_s,  u"Wiśniewski"_s,
    u"Dvořák"_s,      u"Çelik"_s,        u"Yılmaz"_s,     u"Nguyễn"_s,    u"Ångström"_s,
    u"Ólafsdóttir"_s, u"van der Berg"_s, u"de la Cruz"_s, u"von Bülow"_s, u"Meyer-Lüdenscheid"_s,
    u"Smith"_s,       u"Johnson"_s,      u"Kowalski"_s,   u"Novak"_s,     u"Rossi"_s,
    u"Bianchi"_s,     u"Dubois"_s,       u"Martin"_s,     u"Tanaka"_s,    u"Chen"_s,
    u"Kim"_s,         u"Okafor"_s,       u"Haddad"_s,     u"Petrović"_s,  u"Zimmermann"_s,
    u"Braun"_s,       u"Hartmann"_s,     u"Lange"_s,      u"Werner"_s,    u"Krause"_s,
};

const QStringList companies = {
    QString(),
    QString(),
    QString(),
    u"Siemens AG"_s,
    u"Müller & Söhne GmbH"_s,
    u"Café Grüner Baum"_s,
    u"Lehmann, Kurz & Partner"_s,
    u"Evangelische Kirchengemeinde St. Martin"_s,
    u"Universität Köln"_s,
    u"Acme Corp"_s,
    u"Initech"_s,
    u"Globex Ltd."_s,
    u"Bäckerei Weiß"_s,
    u"Stadtwerke Lüneburg"_s,
    u"CVJM Nürnberg"_s,
    u"Caritas"_s,
    u"Deutsche Bahn"_s,
    u"O'Reilly Media"_s,
    u"Société Générale"_s,
    u"Nordic Øresund AB"_s,
    u"Freie Gemeinde \"Am Markt\""_s,
};

const QStringList ticketTypes = {
    u"Full conference"_s,   u"Full conference"_s, u"Full conference"_s,  u"Day pass Friday"_s,
    u"Day pass Saturday"_s, u"Student"_s,         u"Speaker"_s,          u"Volunteer"_s,
    u"Sponsor"_s,           u"Kinder (bis 12)"_s, u"Gemeindemitglied"_s,
};

QString field(const QString &value)
{
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')))
        return value;
    return QLatin1Char('"') + QString(value).replace(QLatin1String("\""), QLatin1String("\"\"")) +
           QLatin1Char('"');
}

QString emailPart(const QString &name)
{
    QString part = SearchText::normalize(name);
    part.remove(QLatin1Char(' '));
    QString ascii;
    for (QChar c : std::as_const(part)) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-')
            ascii += c;
    }
    return ascii.isEmpty() ? QStringLiteral("guest") : ascii;
}

} // namespace

QList<CheckInList> lists(const QDate &today)
{
    auto at = [](const QDate &day, int hour, int minute) {
        return QDateTime(day, QTime(hour, minute), QTimeZone::utc());
    };
    const QDate friday = today.addDays(5 - today.dayOfWeek());
    const QDate saturday = friday.addDays(1);
    CheckInList entrance;
    entrance.id = CheckInList::DefaultId.toString();
    entrance.name = u"Main entrance"_s;
    CheckInList hall;
    hall.id = u"hall"_s;
    hall.name = u"Main hall"_s;
    for (const QString &type : {u"Full conference"_s, u"Speaker"_s, u"Volunteer"_s, u"Sponsor"_s,
                                u"Student"_s, u"Kinder (bis 12)"_s, u"Gemeindemitglied"_s})
        hall.ticketTypes << TicketTypeRule{type, {}};
    hall.ticketTypes << TicketTypeRule{u"Day pass Friday"_s,
                                       {TimeWindow{at(friday, 7, 0), at(friday, 23, 59)}}}
                     << TicketTypeRule{u"Day pass Saturday"_s,
                                       {TimeWindow{at(saturday, 7, 0), at(saturday, 23, 59)}}};
    CheckInList workshop;
    workshop.id = u"workshop"_s;
    workshop.name = u"Workshop room A"_s;
    workshop.ticketTypes = {TicketTypeRule{u"Full conference"_s, {}}, TicketTypeRule{u"Speaker"_s, {}},
                            TicketTypeRule{u"Student"_s, {}}};
    CheckInList dinner;
    dinner.id = u"dinner"_s;
    dinner.name = u"Conference dinner"_s;
    dinner.windows = {TimeWindow{at(today, 18, 0), at(today.addDays(1), 1, 0)}};
    dinner.entries = EntryLimit::Once;
    dinner.trackExit = false;
    dinner.question = u"Photo consent?"_s;
    return {entrance, hall, workshop, dinner};
}

QByteArray csv(int attendees, quint64 seed, bool doorInfo)
{
    std::mt19937_64 random(seed);
    auto pick = [&](const QStringList &list) { return list[int(random() % quint64(list.size()))]; };
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    QSet<QString> codes;
    codes.reserve(attendees);

    QString out = QStringLiteral("First name,Last name,Email,Company,Ticket code,Ticket type,Status\n");
    if (doorInfo)
        out.prepend(QStringLiteral("Order code,Allergies,Notes,"));
    // Door information comes from the row number, not the random generator: the people stay the same.
    static const QStringList allergies{u"nuts"_s, u"gluten"_s, u"lactose, carries an EpiPen"_s};
    static const QStringList notes{u"wheelchair user, use the ramp door"_s, u"needs a seat near the exit"_s,
                                   u"speaker: take to the green room"_s};
    out.reserve(attendees * 110);
    for (int i = 0; i < attendees; ++i) {
        const QString first = pick(firstNames);
        const QString last = pick(lastNames);
        QString code;
        do {
            code.clear();
            for (int c = 0; c < 12; ++c)
                code += QLatin1Char(alphabet[random() % 32]);
        } while (codes.contains(code));
        codes.insert(code);
        const bool cancelled = random() % 50 == 0;
        if (doorInfo) {
            // Families: rows 10k, 10k+1 and 10k+2 share an order; everybody else orders alone.
            const int order = i % 10 < 3 ? i - i % 10 : i;
            out += u"ORD-%1,"_s.arg(order + 1000);
            out += (i % 23 == 5 ? field(allergies[i % 3]) : QString()) + QLatin1Char(',');
            out += (i % 31 == 7 ? field(notes[i % 3]) : QString()) + QLatin1Char(',');
        }
        const bool pending = doorInfo && !cancelled && i % 41 == 13;
        const QString email = emailPart(first) + QLatin1Char('.') + emailPart(last) +
                              QString::number(i % 97) + QStringLiteral("@example.org");
        out += field(first) + QLatin1Char(',') + field(last) + QLatin1Char(',') + email + QLatin1Char(',') +
               field(pick(companies)) + QLatin1Char(',') + code + QLatin1Char(',') +
               field(pick(ticketTypes)) + QLatin1Char(',') +
               (cancelled ? QStringLiteral("cancelled")
                : pending ? QStringLiteral("pending")
                          : QStringLiteral("valid")) +
               QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace checkin::DemoAttendees
