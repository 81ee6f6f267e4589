// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace checkin {

struct Attendee;

// A span of local time in the event's time zone, from the start of `from`'s minute to the end of
// `to`'s minute: "Friday 06:00-23:59" admits until 23:59:59.999. Wall-clock time, so a window means
// what the lead wrote on either side of a change to or from summer time. `from`, `to` and the times
// compared with them are naive local times: the date and time on a clock in the event's zone, held
// in QDateTimes of spec Qt::UTC (RuleBook::localTime() makes them), never the machine's local time.
struct TimeWindow
{
    QDateTime from;
    QDateTime to;

    // Whether the naive local time `local` lies inside.
    bool contains(const QDateTime &local) const;
    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }

    friend bool operator==(const TimeWindow &, const TimeWindow &) = default;
};

// A ticket type a list admits, and when (no windows: whenever the list admits).
struct TicketTypeRule
{
    QString ticketType;
    QList<TimeWindow> windows;

    friend bool operator==(const TicketTypeRule &, const TicketTypeRule &) = default;
};

// How many entries a person may make on a list.
enum class EntryLimit {
    Unlimited, // as often as they like (with exits tracked: in, out, in again)
    Once,      // one entry, ever
    OncePerDay // one entry each day (the event's calendar day)
};

QString entryLimitName(EntryLimit limit);
bool parseEntryLimit(QStringView text, EntryLimit *limit);

// A check-in list: one door's (or one room's) idea of who may come in, when, and how often. "Inside"
// and duplicates are per list. An event without lists has the default list, DefaultId: every
// ticket type, any time, in and out as often as they like (the behaviour before lists).
struct CheckInList
{
    static constexpr QStringView DefaultId = u"entrance";
    static constexpr qsizetype MaxIdLength = 64;
    static constexpr qsizetype MaxNameLength = 200;
    static constexpr qsizetype MaxQuestionLength = 200;
    static constexpr int MaxTicketTypes = 200;
    static constexpr int MaxWindows = 100;

    QString id;
    QString name;
    QList<TicketTypeRule> ticketTypes; // empty: every ticket type
    QList<TimeWindow> windows;         // empty: any time
    EntryLimit entries = EntryLimit::Unlimited;
    bool trackExit = true; // exits are recorded, and an entry while inside is a duplicate
    QString question;      // asked at the door with each entry (e.g. "Photo consent?"); empty: none
    bool retired = false;  // no longer offered to doors; its check-ins keep counting by its rules
    qint64 updatedAtMs = 0;

    // The default list, as an event without lists has it.
    static CheckInList defaultList();
    bool admitsEveryType() const { return ticketTypes.isEmpty(); }

    friend bool operator==(const CheckInList &, const CheckInList &) = default;
};

// Why a list's rules refuse an entry, with what a door needs to say so in words.
struct RuleRefusal
{
    enum Kind {
        None,
        TicketType,     // the list does not admit this ticket type
        ListClosed,     // outside every window of the list
        TypeWindow,     // outside every window of the ticket type on this list
        ExitNotTracked, // an exit on a list that does not record exits
    };
    Kind kind = None;
    QString listName;
    QString ticketType;
    QList<TimeWindow> windows; // the windows that would have admitted them
    QDateTime local;           // when it was tried, local time in the event's zone

    explicit operator bool() const { return kind != None; }
    // The machine-readable reason of a check-in the rules would have refused ("rule_ticket_type",
    // "rule_list_closed", "rule_type_window", "rule_exit_not_tracked").
    QString reason() const;
    friend bool operator==(const RuleRefusal &, const RuleRefusal &) = default;
};

// The lists of one event and its time zone: everything the rules need besides the check-ins.
class RuleBook
{
    Q_DECLARE_TR_FUNCTIONS(RuleBook)

public:
    RuleBook() = default;
    // `timezone`: an IANA name ("Europe/Berlin"); empty or unknown means UTC.
    RuleBook(QList<CheckInList> lists, const QString &timezone);

    // The list with this id; the default list for the empty id, or for DefaultId when the event
    // has not defined it. Null for an id the book does not know.
    const CheckInList *list(QStringView id) const;
    // The list a check-in recorded on `id` counts on: list(id), else the default list's rules (a
    // check-in from a door whose list this book does not have yet).
    const CheckInList &listOrDefault(QStringView id) const;
    const QList<CheckInList> &lists() const { return m_lists; }
    const QTimeZone &zone() const { return m_zone; }

    // The local date and time of `ms` in the event's zone.
    QDateTime localTime(qint64 ms) const;
    // The event's calendar day of `ms`, as a day number (for "once per day").
    qint64 localDay(qint64 ms) const;

    // Whether `list` admits `attendee` at `atMs` by ticket type and time (the entry limit and
    // inside/outside are the walk's: derive()). A refusal says which rule.
    RuleRefusal checkEntry(const CheckInList &list, const Attendee &attendee, qint64 atMs) const;

    // The refusal in words, for the door: "Day pass Friday: Fri 5 Jun 06:00-23:59 - now Sat 6 Jun 10:12".
    static QString describe(const RuleRefusal &refusal);
    // A window in words, in the event's local time: "Fri 5 Jun 06:00-23:59", across days
    // "Fri 5 Jun 18:00 - Sat 6 Jun 02:00".
    static QString describe(const TimeWindow &window);
    // A list's rules in a line: "Day pass Friday (Fri 5 Jun 06:00-23:59), Weekend · once · no exits".
    static QString summary(const CheckInList &list);

private:
    QList<CheckInList> m_lists;
    QTimeZone m_zone = QTimeZone::utc();
    CheckInList m_default = CheckInList::defaultList();
};

// Ticket types compare without case and surrounding spaces ("Day pass" = "day pass ").
bool sameTicketType(QStringView a, QStringView b);

} // namespace checkin
