// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CheckInList.h"

#include "Attendee.h"

#include <QLocale>

#include <algorithm>
#include <array>

namespace checkin {

namespace {
constexpr std::array limitNames{u"unlimited", u"once", u"daily"};

// A naive local time truncated to its minute.
QDateTime minuteOf(const QDateTime &t)
{
    return QDateTime(t.date(), QTime(t.time().hour(), t.time().minute()), QTimeZone::utc());
}

// "Fri 5 Jun 06:00" in the current language.
QString dayAndTime(const QLocale &locale, const QDateTime &t)
{
    return locale.toString(t.date(), QStringLiteral("ddd d MMM")) + QLatin1Char(' ') +
           locale.toString(t.time(), QStringLiteral("HH:mm"));
}
} // namespace

bool TimeWindow::contains(const QDateTime &local) const
{
    const QDateTime minute = minuteOf(local);
    return minuteOf(from) <= minute && minute <= minuteOf(to);
}

QString entryLimitName(EntryLimit limit)
{
    return QStringView(limitNames[size_t(limit)]).toString();
}

bool parseEntryLimit(QStringView text, EntryLimit *limit)
{
    for (size_t i = 0; i < limitNames.size(); ++i) {
        if (text == QStringView(limitNames[i])) {
            *limit = EntryLimit(i);
            return true;
        }
    }
    return false;
}

CheckInList CheckInList::defaultList()
{
    CheckInList list;
    list.id = DefaultId.toString();
    list.name = RuleBook::tr("Entrance");
    return list;
}

QString RuleRefusal::reason() const
{
    switch (kind) {
    case None:
        return {};
    case TicketType:
        return QStringLiteral("rule_ticket_type");
    case ListClosed:
        return QStringLiteral("rule_list_closed");
    case TypeWindow:
        return QStringLiteral("rule_type_window");
    case ExitNotTracked:
        return QStringLiteral("rule_exit_not_tracked");
    }
    return {};
}

bool sameTicketType(QStringView a, QStringView b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

RuleBook::RuleBook(QList<CheckInList> lists, const QString &timezone)
    : m_lists(std::move(lists))
{
    const QTimeZone zone(timezone.toUtf8());
    if (!timezone.isEmpty() && zone.isValid())
        m_zone = zone;
}

const CheckInList *RuleBook::list(QStringView id) const
{
    const QStringView wanted = id.isEmpty() ? CheckInList::DefaultId : id;
    for (const CheckInList &l : m_lists) {
        if (l.id == wanted)
            return &l;
    }
    return wanted == CheckInList::DefaultId ? &m_default : nullptr;
}

const CheckInList &RuleBook::listOrDefault(QStringView id) const
{
    const CheckInList *found = list(id);
    return found ? *found : m_default;
}

QDateTime RuleBook::localTime(qint64 ms) const
{
    const QDateTime there = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    return QDateTime(there.date(), there.time(), QTimeZone::utc());
}

qint64 RuleBook::localDay(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_zone).date().toJulianDay();
}

RuleRefusal RuleBook::checkEntry(const CheckInList &list, const Attendee &attendee, qint64 atMs) const
{
    // Every entry of every walk comes here: a list without rules (the default) costs nothing, and
    // the local time is only worked out when a window asks for it.
    if (list.admitsEveryType() && list.windows.isEmpty())
        return {};
    RuleRefusal refusal;
    refusal.listName = list.name;
    refusal.ticketType = attendee.ticketType;
    auto inside = [&](const QList<TimeWindow> &windows) {
        if (windows.isEmpty())
            return true;
        if (!refusal.local.isValid())
            refusal.local = localTime(atMs);
        return std::any_of(windows.cbegin(), windows.cend(),
                           [&](const TimeWindow &w) { return w.contains(refusal.local); });
    };
    const TicketTypeRule *rule = nullptr;
    for (const TicketTypeRule &r : list.ticketTypes) {
        if (sameTicketType(r.ticketType, attendee.ticketType)) {
            rule = &r;
            break;
        }
    }
    if (!list.admitsEveryType() && !rule) {
        refusal.kind = RuleRefusal::TicketType;
        refusal.local = localTime(atMs);
        return refusal;
    }
    if (!inside(list.windows)) {
        refusal.kind = RuleRefusal::ListClosed;
        refusal.windows = list.windows;
        return refusal;
    }
    if (rule && !inside(rule->windows)) {
        refusal.kind = RuleRefusal::TypeWindow;
        refusal.windows = rule->windows;
        return refusal;
    }
    return {};
}

QString RuleBook::describe(const TimeWindow &window)
{
    const QLocale locale;
    const QString from = dayAndTime(locale, window.from);
    if (window.from.date() == window.to.date())
        return from + QStringLiteral("\u2013") + locale.toString(window.to.time(), QStringLiteral("HH:mm"));
    return from + QStringLiteral(" \u2013 ") + dayAndTime(locale, window.to);
}

QString RuleBook::summary(const CheckInList &list)
{
    auto windows = [](const QList<TimeWindow> &ws) {
        QStringList out;
        for (const TimeWindow &w : ws)
            out << describe(w);
        return out.join(QStringLiteral(", "));
    };
    QStringList parts;
    if (list.admitsEveryType()) {
        parts << tr("every ticket type");
    } else {
        QStringList types;
        for (const TicketTypeRule &t : list.ticketTypes)
            types << (t.windows.isEmpty() ? t.ticketType
                                          : QStringLiteral("%1 (%2)").arg(t.ticketType, windows(t.windows)));
        parts << types.join(QStringLiteral(", "));
    }
    if (!list.windows.isEmpty())
        parts << tr("open %1").arg(windows(list.windows));
    if (list.entries == EntryLimit::Once)
        parts << tr("one entry");
    else if (list.entries == EntryLimit::OncePerDay)
        parts << tr("one entry a day");
    if (!list.trackExit)
        parts << tr("no exits");
    if (!list.question.isEmpty())
        parts << tr("asks: %1").arg(list.question);
    if (list.retired)
        parts << tr("retired");
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString RuleBook::describe(const RuleRefusal &refusal)
{
    const QString now = dayAndTime(QLocale(), refusal.local);
    QStringList windows;
    for (const TimeWindow &w : refusal.windows)
        windows << describe(w);
    const QString type =
        refusal.ticketType.trimmed().isEmpty() ? tr("A ticket without a type") : refusal.ticketType.trimmed();
    switch (refusal.kind) {
    case RuleRefusal::None:
        return {};
    case RuleRefusal::TicketType:
        //: %1 ticket type, %2 check-in list name
        return tr("%1 is not admitted at %2.").arg(type, refusal.listName);
    case RuleRefusal::ListClosed:
        //: %1 list name, %2 its opening times, %3 the date and time now
        return tr("%1 is open %2 \u2014 now it is %3.")
            .arg(refusal.listName, windows.join(QStringLiteral(", ")), now);
    case RuleRefusal::TypeWindow:
        //: %1 ticket type, %2 when it is valid, %3 the date and time now
        return tr("%1 is valid %2 \u2014 now it is %3.").arg(type, windows.join(QStringLiteral(", ")), now);
    case RuleRefusal::ExitNotTracked:
        return tr("%1 does not record exits.").arg(refusal.listName);
    }
    return {};
}

} // namespace checkin
