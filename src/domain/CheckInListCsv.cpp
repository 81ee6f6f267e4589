// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CheckInListCsv.h"

#include "CsvReader.h"
#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace checkin {

namespace {

// The header words the spreadsheet may use for each column (lower case, spaces as '_').
enum class Column { Id, Name, TicketTypes, Windows, Entries, TrackExit, Question, Retired };
const QList<std::pair<Column, QStringList>> &columnWords()
{
    static const QList<std::pair<Column, QStringList>> words{
        {Column::Id, {u"id"_s, u"list"_s, u"list_id"_s}},
        {Column::Name, {u"name"_s, u"list_name"_s}},
        {Column::TicketTypes, {u"ticket_types"_s, u"ticket_type"_s, u"types"_s}},
        {Column::Windows, {u"windows"_s, u"window"_s, u"open"_s, u"times"_s}},
        {Column::Entries, {u"entries"_s}},
        {Column::TrackExit, {u"track_exit"_s, u"exits"_s, u"track_exits"_s}},
        {Column::Question, {u"question"_s}},
        {Column::Retired, {u"retired"_s}},
    };
    return words;
}

bool parseYesNo(QStringView text, bool *value)
{
    static const QStringList yes{u"yes"_s, u"y"_s, u"true"_s, u"1"_s, u"ja"_s, u"x"_s};
    static const QStringList no{u"no"_s, u"n"_s, u"false"_s, u"0"_s, u"nein"_s};
    const QString t = text.trimmed().toString().toLower();
    if (yes.contains(t))
        *value = true;
    else if (no.contains(t))
        *value = false;
    else
        return false;
    return true;
}

bool parseEntries(QStringView text, EntryLimit *limit)
{
    const QString t = text.trimmed().toString().toLower();
    if (parseEntryLimit(t, limit))
        return true;
    static const QList<std::pair<QString, EntryLimit>> words{
        {u"once a day"_s, EntryLimit::OncePerDay}, {u"once per day"_s, EntryLimit::OncePerDay},
        {u"einmal"_s, EntryLimit::Once},           {u"täglich"_s, EntryLimit::OncePerDay},
        {u"unbegrenzt"_s, EntryLimit::Unlimited},
    };
    for (const auto &[word, value] : words) {
        if (t == word) {
            *limit = value;
            return true;
        }
    }
    return false;
}

// "a, b; c" -> windows; false with the piece that is wrong.
bool parseWindows(QStringView text, QList<TimeWindow> *windows, QString *wrong)
{
    static const QRegularExpression separators(u"[,;]"_s);
    for (const QString &piece : text.toString().split(separators, Qt::SkipEmptyParts)) {
        if (piece.trimmed().isEmpty())
            continue;
        TimeWindow w;
        if (!CheckInListCsv::parseWindow(piece, &w)) {
            *wrong = piece.trimmed();
            return false;
        }
        windows->append(w);
    }
    return true;
}

} // namespace

bool CheckInListCsv::parseWindow(QStringView text, TimeWindow *window)
{
    // DATE HH:MM - [DATE] HH:MM, with 'T' or a space between date and time, '-' or an en dash.
    static const QRegularExpression pattern(
        u"^\\s*(\\d{4}-\\d{2}-\\d{2})[T ]\\s*(\\d{1,2}:\\d{2})\\s*(?:-|\u2013|to)\\s*"
        "(?:(\\d{4}-\\d{2}-\\d{2})[T ]\\s*)?(\\d{1,2}:\\d{2})\\s*$"_s);
    const QRegularExpressionMatch m = pattern.match(text.toString());
    if (!m.hasMatch())
        return false;
    auto padded = [](const QString &time) { return time.size() == 4 ? u"0"_s + time : time; };
    const QString fromDate = m.captured(1);
    const QString toDate = m.captured(3).isEmpty() ? fromDate : m.captured(3);
    TimeWindow w;
    if (!Protocol::parseLocalTime(QString(fromDate + u'T' + padded(m.captured(2))), &w.from) ||
        !Protocol::parseLocalTime(QString(toDate + u'T' + padded(m.captured(4))), &w.to) || w.from > w.to)
        return false;
    *window = w;
    return true;
}

CheckInListCsv::Result CheckInListCsv::read(const QByteArray &bytes)
{
    const QByteArray start = bytes.trimmed().left(1);
    if (start == "{" || start == "[")
        return parseJson(bytes);
    return parseCsv(bytes);
}

CheckInListCsv::Result CheckInListCsv::parseJson(const QByteArray &bytes)
{
    Result out;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
    if (parse.error != QJsonParseError::NoError) {
        out.errors
            << u"The file is not valid JSON (%1 at byte %2)."_s.arg(parse.errorString()).arg(parse.offset);
        return out;
    }
    const QJsonArray array = doc.isArray() ? doc.array() : doc.object().value("lists"_L1).toArray();
    if (array.isEmpty()) {
        out.errors
            << u"The file holds no lists: write {\"lists\": [{\"id\": \"entrance\", \"name\": \"Entrance\"}, ...]}."_s;
        return out;
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        CheckInList list;
        QString why;
        if (!array[i].isObject() || !Protocol::fromJson(array[i].toObject(), &list, &why))
            out.errors << u"list %1: %2"_s.arg(i + 1).arg(why.isEmpty() ? u"must be an object"_s : why);
        else
            out.lists << list;
    }
    return out;
}

CheckInListCsv::Result CheckInListCsv::parseCsv(const QByteArray &bytes)
{
    Result out;
    CsvReader::Table table;
    QString error;
    if (!CsvReader::read(bytes, &table, &error)) {
        out.errors << error;
        return out;
    }
    if (table.records.size() < 2) {
        out.errors << u"The file has no lists: a header row (id,name,ticket_types,windows,entries,track_exit,"
                      "question) and one row per list."_s;
        return out;
    }
    QHash<int, int> at; // Column -> field index
    const QStringList header = table.records.first().fields;
    for (int i = 0; i < header.size(); ++i) {
        const QString word = header[i].trimmed().toLower().replace(u' ', u'_');
        for (const auto &[column, words] : columnWords()) {
            if (words.contains(word) && !at.contains(int(column)))
                at.insert(int(column), i);
        }
    }
    if (!at.contains(int(Column::Id)) || !at.contains(int(Column::Name))) {
        out.errors << u"The header needs the columns id and name (found: %1)."_s.arg(header.join(u", "_s));
        return out;
    }
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const CsvReader::Record &record = table.records[r];
        auto cell = [&](Column c) {
            return at.contains(int(c)) ? record.fields.value(at.value(int(c))).trimmed() : QString();
        };
        if (std::all_of(record.fields.cbegin(), record.fields.cend(),
                        [](const QString &f) { return f.trimmed().isEmpty(); }))
            continue; // a blank row
        const QString where = u"row %1: "_s.arg(record.row);
        QJsonObject json{{"id"_L1, cell(Column::Id)}, {"name"_L1, cell(Column::Name)}};
        if (!cell(Column::Question).isEmpty())
            json.insert("question"_L1, cell(Column::Question));
        EntryLimit limit = EntryLimit::Unlimited;
        if (!cell(Column::Entries).isEmpty() && !parseEntries(cell(Column::Entries), &limit)) {
            out.errors << where +
                              u"entries \"%1\" is not unlimited, once or daily"_s.arg(cell(Column::Entries));
            continue;
        }
        json.insert("entries"_L1, entryLimitName(limit));
        for (const auto &[column, key] :
             {std::pair{Column::TrackExit, "track_exit"_L1}, std::pair{Column::Retired, "retired"_L1}}) {
            bool value = column == Column::TrackExit;
            if (!cell(column).isEmpty() && !parseYesNo(cell(column), &value)) {
                out.errors << where + u"%1 \"%2\" is not yes or no"_s.arg(key, cell(column));
                value = column == Column::TrackExit;
            }
            json.insert(key, value);
        }
        QString wrong;
        QList<TimeWindow> windows;
        if (!parseWindows(cell(Column::Windows), &windows, &wrong)) {
            out.errors << where + u"the window \"%1\" is not like 2026-06-05 18:00 - 2026-06-06 01:00"_s.arg(
                                      wrong);
            continue;
        }
        QJsonArray windowsJson;
        for (const TimeWindow &w : std::as_const(windows))
            windowsJson.append(QJsonObject{{"from"_L1, Protocol::localTimeText(w.from)},
                                           {"to"_L1, Protocol::localTimeText(w.to)}});
        if (!windowsJson.isEmpty())
            json.insert("windows"_L1, windowsJson);
        // "Day pass Friday [2026-06-05 06:00 - 23:59, ...]; Weekend"
        static const QRegularExpression typePattern(u"^\\s*([^\\[\\]]*?)\\s*(?:\\[([^\\]]*)\\])?\\s*$"_s);
        QJsonArray types;
        bool typesOk = true;
        QString typesText = cell(Column::TicketTypes);
        QStringList pieces;
        // Split at ';' outside brackets.
        int depth = 0;
        QString current;
        for (const QChar c : typesText) {
            depth += c == u'[' ? 1 : c == u']' ? -1 : 0;
            if (c == u';' && depth == 0) {
                pieces << current;
                current.clear();
            } else {
                current += c;
            }
        }
        pieces << current;
        for (const QString &piece : std::as_const(pieces)) {
            if (piece.trimmed().isEmpty())
                continue;
            const QRegularExpressionMatch m = typePattern.match(piece);
            QList<TimeWindow> typeWindows;
            if (!m.hasMatch() || m.captured(1).isEmpty() ||
                !parseWindows(m.captured(2), &typeWindows, &wrong)) {
                out.errors
                    << where +
                           u"the ticket type \"%1\" is not like Day pass Friday [2026-06-05 06:00 - 23:59]"_s
                               .arg(piece.trimmed());
                typesOk = false;
                break;
            }
            QJsonObject type{{"ticket_type"_L1, m.captured(1)}};
            QJsonArray typeWindowsJson;
            for (const TimeWindow &w : std::as_const(typeWindows))
                typeWindowsJson.append(QJsonObject{{"from"_L1, Protocol::localTimeText(w.from)},
                                                   {"to"_L1, Protocol::localTimeText(w.to)}});
            if (!typeWindowsJson.isEmpty())
                type.insert("windows"_L1, typeWindowsJson);
            types.append(type);
        }
        if (!typesOk)
            continue;
        if (!types.isEmpty())
            json.insert("ticket_types"_L1, types);
        CheckInList list;
        QString why;
        if (!Protocol::fromJson(json, &list, &why)) {
            out.errors << where + why;
            continue;
        }
        if (std::any_of(out.lists.cbegin(), out.lists.cend(),
                        [&](const CheckInList &l) { return l.id == list.id; })) {
            out.errors << where + u"the list %1 is on an earlier row too"_s.arg(list.id);
            continue;
        }
        out.lists << list;
    }
    if (out.lists.isEmpty() && out.errors.isEmpty())
        out.errors << u"The file has no lists, only empty rows."_s;
    return out;
}

} // namespace checkin
