// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The protocol's check-in lists (docs/protocol.md, "Check-in lists").
#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace checkin::Protocol {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control;
}

// A text field people type: a string or absent, trimmed, bounded, without control characters.
bool readText(const QJsonObject &json, QLatin1StringView key, qsizetype maxLength, QString *out,
              QString *error)
{
    const QJsonValue value = json.value(key);
    out->clear();
    if (value.isString())
        *out = value.toString().trimmed();
    else if (!value.isUndefined() && !value.isNull())
        return fail(error, u"%1 must be a string"_s.arg(key));
    if (out->size() > maxLength)
        return fail(error, u"%1 must be at most %2 characters"_s.arg(key).arg(maxLength));
    if (std::any_of(out->cbegin(), out->cend(), isControl))
        return fail(error, u"%1 must not hold control characters"_s.arg(key));
    return true;
}

QJsonArray windowsJson(const QList<TimeWindow> &windows)
{
    QJsonArray out;
    for (const TimeWindow &w : windows)
        out.append(QJsonObject{{"from"_L1, localTimeText(w.from)}, {"to"_L1, localTimeText(w.to)}});
    return out;
}

bool readWindows(const QJsonObject &json, const QString &where, QList<TimeWindow> *out, QString *error)
{
    out->clear();
    const QJsonValue value = json.value("windows"_L1);
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return fail(error, u"%1windows must be an array of {\"from\", \"to\"}"_s.arg(where));
    const QJsonArray array = value.toArray();
    if (array.size() > CheckInList::MaxWindows)
        return fail(error, u"%1windows: at most %2"_s.arg(where).arg(CheckInList::MaxWindows));
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject w = array[i].toObject();
        TimeWindow window;
        const QString at = u"%1windows[%2]"_s.arg(where).arg(i);
        if (!w.value("from"_L1).isString() || !w.value("to"_L1).isString() ||
            !parseLocalTime(w.value("from"_L1).toString(), &window.from) ||
            !parseLocalTime(w.value("to"_L1).toString(), &window.to))
            return fail(error, u"%1 must be {\"from\": \"2026-06-05T06:00\", \"to\": \"2026-06-05T23:59\"} "
                               "(the event's local time, no offset)"_s.arg(at));
        if (window.from > window.to)
            return fail(error, u"%1: \"from\" is after \"to\""_s.arg(at));
        out->append(window);
    }
    return true;
}

bool isDigits(QStringView text)
{
    return !text.isEmpty() &&
           std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

} // namespace

QString localTimeText(const QDateTime &naive)
{
    return naive.toString(u"yyyy-MM-ddTHH:mm"_s);
}

bool parseLocalTime(QStringView text, QDateTime *naive)
{
    // yyyy-MM-ddTHH:mm, optionally :00
    if (text.size() == 19 && text.endsWith(u":00"))
        text.chop(3);
    if (text.size() != 16 || text[4] != u'-' || text[7] != u'-' || (text[10] != u'T' && text[10] != u' ') ||
        text[13] != u':' || !isDigits(text.sliced(0, 4)) || !isDigits(text.sliced(5, 2)) ||
        !isDigits(text.sliced(8, 2)) || !isDigits(text.sliced(11, 2)) || !isDigits(text.sliced(14, 2)))
        return false;
    const QDate date(text.sliced(0, 4).toInt(), text.sliced(5, 2).toInt(), text.sliced(8, 2).toInt());
    const QTime time(text.sliced(11, 2).toInt(), text.sliced(14, 2).toInt());
    if (!date.isValid() || !time.isValid())
        return false;
    *naive = QDateTime(date, time, QTimeZone::utc());
    return true;
}

QJsonObject toJson(const CheckInList &list)
{
    QJsonObject json{{"id"_L1, list.id},
                     {"name"_L1, list.name},
                     {"entries"_L1, entryLimitName(list.entries)},
                     {"track_exit"_L1, list.trackExit}};
    if (!list.ticketTypes.isEmpty()) {
        QJsonArray types;
        for (const TicketTypeRule &rule : list.ticketTypes) {
            QJsonObject type{{"ticket_type"_L1, rule.ticketType}};
            if (!rule.windows.isEmpty())
                type.insert("windows"_L1, windowsJson(rule.windows));
            types.append(type);
        }
        json.insert("ticket_types"_L1, types);
    }
    if (!list.windows.isEmpty())
        json.insert("windows"_L1, windowsJson(list.windows));
    if (!list.question.isEmpty())
        json.insert("question"_L1, list.question);
    if (list.retired)
        json.insert("retired"_L1, true);
    if (list.updatedAtMs > 0)
        json.insert("updated_at"_L1, isoTime(list.updatedAtMs));
    return json;
}

bool fromJson(const QJsonObject &json, CheckInList *list, QString *error)
{
    CheckInList l;
    const QJsonValue id = json.value("id"_L1);
    if (!id.isString() || !isValidId(id.toString(), CheckInList::MaxIdLength))
        return fail(error, u"id must be 1 to %1 letters, digits, '_' or '-'"_s.arg(CheckInList::MaxIdLength));
    l.id = id.toString();
    const QString where = u"list %1: "_s.arg(l.id);
    if (!readText(json, "name"_L1, CheckInList::MaxNameLength, &l.name, error) ||
        !readText(json, "question"_L1, CheckInList::MaxQuestionLength, &l.question, error))
        return fail(error, where + *error);
    if (l.name.isEmpty())
        return fail(error, where + u"name is required"_s);

    const QJsonValue entries = json.value("entries"_L1);
    if (!entries.isUndefined() && !entries.isNull() &&
        (!entries.isString() || !parseEntryLimit(entries.toString(), &l.entries)))
        return fail(error, where + u"entries must be \"unlimited\", \"once\" or \"daily\""_s);
    for (const auto &[key, out] :
         {std::pair{"track_exit"_L1, &l.trackExit}, std::pair{"retired"_L1, &l.retired}}) {
        const QJsonValue value = json.value(key);
        if (value.isBool())
            *out = value.toBool();
        else if (!value.isUndefined() && !value.isNull())
            return fail(error, where + u"%1 must be true or false"_s.arg(key));
    }
    if (!readWindows(json, where, &l.windows, error))
        return false;

    const QJsonValue types = json.value("ticket_types"_L1);
    if (!types.isUndefined() && !types.isNull() && !types.isArray())
        return fail(error, where + u"ticket_types must be an array"_s);
    const QJsonArray array = types.toArray();
    if (array.size() > CheckInList::MaxTicketTypes)
        return fail(error, where + u"ticket_types: at most %1"_s.arg(CheckInList::MaxTicketTypes));
    for (qsizetype i = 0; i < array.size(); ++i) {
        TicketTypeRule rule;
        const QJsonObject t = array[i].toObject();
        const QString at = u"%1ticket_types[%2]."_s.arg(where).arg(i);
        if (!readText(t, "ticket_type"_L1, MaxNameLength, &rule.ticketType, error))
            return fail(error, at + *error);
        if (!readWindows(t, at, &rule.windows, error))
            return false;
        for (const TicketTypeRule &other : std::as_const(l.ticketTypes)) {
            if (sameTicketType(other.ticketType, rule.ticketType))
                return fail(error, at + u"ticket_type \"%1\" is listed twice"_s.arg(rule.ticketType));
        }
        l.ticketTypes << rule;
    }
    const QJsonValue updated = json.value("updated_at"_L1);
    if (updated.isString() && !parseIsoTime(updated.toString(), &l.updatedAtMs))
        return fail(error, where + u"updated_at must be an ISO 8601 time"_s);
    *list = std::move(l);
    return true;
}

QString listText(const CheckInList &list)
{
    return QString::fromUtf8(QJsonDocument(toJson(list)).toJson(QJsonDocument::Compact));
}

bool fromListText(const QString &text, CheckInList *list, QString *error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        return fail(error,
                    parse.error != QJsonParseError::NoError ? parse.errorString() : u"not a JSON object"_s);
    return fromJson(doc.object(), list, error);
}

QJsonObject listChange(const CheckInList &list)
{
    QJsonObject json = toJson(list);
    json.insert("type"_L1, u"list"_s);
    return json;
}

bool fromChangeJson(const QJsonObject &json, CheckInList *list, QString *error)
{
    const QJsonValue type = json.value("type"_L1);
    if (!type.isUndefined() && type.toString() != "list"_L1)
        return fail(error, u"type must be \"list\""_s);
    return fromJson(json, list, error);
}

} // namespace checkin::Protocol
