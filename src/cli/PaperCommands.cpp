// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PaperCommands.h"

#include "CheckInDesk.h"
#include "Cli.h"
#include "CsvReader.h"
#include "DoorList.h"
#include "HybridClock.h"
#include "OpenedStore.h"
#include "TimeOfDay.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace checkin::cli {

QTimeZone eventZone(LocalStore &store)
{
    const QString name = await(store.lists()).timezone;
    const QTimeZone zone(name.toUtf8());
    return !name.isEmpty() && zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

namespace {

QString statusWords(const Classification &c)
{
    switch (c.status) {
    case CheckInStatus::Accepted:
        return QStringLiteral("counts");
    case CheckInStatus::Duplicate:
        return QStringLiteral("duplicate (%1)").arg(c.reason);
    case CheckInStatus::Conflict:
        return QStringLiteral("conflict for review (%1)").arg(c.reason);
    case CheckInStatus::Rejected:
        return QStringLiteral("rejected (%1)").arg(c.reason);
    }
    return {};
}

// The columns of a paper list's CSV file: which holds the code or the attendee id, and the time.
struct PaperColumns
{
    int code = -1;
    int attendee = -1;
    int time = -1;
};

PaperColumns paperColumns(const QStringList &header)
{
    PaperColumns c;
    for (int i = 0; i < header.size(); ++i) {
        const QString h = header[i].trimmed().toLower();
        if (c.code < 0 && (h == u"code" || h == u"ticket code" || h == u"ticket_code" || h == u"ticket" ||
                           h == u"barcode" || h == u"secret" || h == u"ticketcode"))
            c.code = i;
        else if (c.attendee < 0 &&
                 (h == u"attendee" || h == u"attendee_id" || h == u"attendee id" || h == u"id"))
            c.attendee = i;
        else if (c.time < 0 && (h == u"time" || h == u"at" || h == u"checked in" || h == u"checked_in" ||
                                h == u"zeit" || h == u"uhrzeit"))
            c.time = i;
    }
    return c;
}

} // namespace

bool parsePaperTime(const QString &text, const QTimeZone &zone, qint64 nowMs, qint64 *ms, QString *error)
{
    const QString t = text.trimmed();
    QDateTime at;
    static const QRegularExpression timeOnly(QStringLiteral("^\\d{1,2}:\\d{2}(:\\d{2})?$"));
    if (timeOnly.match(t).hasMatch()) {
        const QTime time =
            QTime::fromString(t.size() <= 5 ? t.rightJustified(5, u'0') : t.rightJustified(8, u'0'),
                              t.size() <= 5 ? QStringLiteral("HH:mm") : QStringLiteral("HH:mm:ss"));
        const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).toTimeZone(zone).date();
        if (time.isValid())
            at = QDateTime(today, time, zone);
    } else {
        QString iso = t;
        if (iso.size() > 10 && iso[10] == u' ')
            iso[10] = u'T';
        at = QDateTime::fromString(iso, Qt::ISODateWithMs);
        if (at.isValid() && at.timeSpec() == Qt::LocalTime)
            at = QDateTime(at.date(), at.time(), zone);
    }
    if (!at.isValid()) {
        *error = QStringLiteral("\"%1\" is not a time: write 09:14 (today), 2026-06-05 09:14, or "
                                "2026-06-05T09:14+02:00.")
                     .arg(text);
        return false;
    }
    if (at.toMSecsSinceEpoch() > nowMs + HybridClock::MaxFutureMs) {
        *error = QStringLiteral("%1 is in the future: a paper tick is entered after it was made.").arg(text);
        return false;
    }
    *ms = at.toMSecsSinceEpoch();
    return true;
}

int doorListCommand(const Context &ctx)
{
    const QString pdf = ctx.parser.value(QStringLiteral("pdf"));
    if (!ctx.args.isEmpty() || pdf.isEmpty())
        return ctx.fail(QStringLiteral("usage: checkinctl door-list --pdf FILE [--list ID]"));
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    const StoreStats stats = await(store->stats());
    if (stats.event.id.isEmpty())
        return ctx.fail(QStringLiteral("No event on this device yet: import an attendee list or preload an "
                                       "event first."));
    const ListsState lists = await(store->lists());
    if (!lists.error.isEmpty())
        return ctx.fail(lists.error);
    const QString listId =
        ctx.parser.isSet(QStringLiteral("list")) ? ctx.parser.value(QStringLiteral("list")) : lists.current;
    const RuleBook book(lists.lists, lists.timezone);
    const CheckInList *list = book.list(listId);
    if (!list) {
        QStringList ids;
        for (const CheckInList &l : lists.lists)
            ids << l.id;
        return ctx.fail(QStringLiteral("There is no check-in list \"%1\"; the lists are: %2.")
                            .arg(listId, ids.join(QStringLiteral(", "))));
    }
    if (listId != lists.current && ctx.parser.isSet(QStringLiteral("list")))
        ctx.progress(QStringLiteral("Who is inside is known for this kiosk's list (%1) only; the sheet of "
                                    "\"%2\" shows nobody as inside.")
                         .arg(lists.current, list->name));
    const LocalStore::States states = await(store->attendeeStates());
    if (!states.error.isEmpty())
        return ctx.fail(states.error);

    print::DoorListSheet sheet;
    sheet.event = stats.event.name;
    sheet.list = list->name;
    const QTimeZone zone = book.zone().isValid() ? book.zone() : QTimeZone::systemTimeZone();
    sheet.printedAt =
        QLocale(QLocale::English)
            .toString(QDateTime::currentDateTime().toTimeZone(zone), QStringLiteral("ddd d MMM yyyy HH:mm"));
    for (const AttendeeView &v : states.attendees) {
        const bool typeOk =
            list->admitsEveryType() ||
            std::any_of(list->ticketTypes.cbegin(), list->ticketTypes.cend(), [&](const TicketTypeRule &r) {
                return sameTicketType(r.ticketType, v.attendee.ticketType);
            });
        if (v.attendee.isCancelled() || !typeOk) {
            ++sheet.leftOut;
            continue;
        }
        const bool inside = v.inside && listId == lists.current && v.insideSinceMs > 0;
        sheet.entries.append({v.attendee, inside ? timeOfDay(v.insideSinceMs) : QString()});
    }
    print::sortForPaper(&sheet.entries);
    const QString error = print::writeDoorListPdf(pdf, sheet);
    if (!error.isEmpty())
        return ctx.fail(error);
    const QString where = QDir::toNativeSeparators(QFileInfo(pdf).absoluteFilePath());
    ctx.print(QJsonObject{{QStringLiteral("written"), where},
                          {QStringLiteral("list"), list->id},
                          {QStringLiteral("people"), sheet.entries.size()},
                          {QStringLiteral("left_out"), sheet.leftOut}},
              QStringLiteral("Paper list of %1 (%2): %3 people, written to %4.")
                  .arg(sheet.event, list->name)
                  .arg(sheet.entries.size())
                  .arg(where));
    return Done;
}

int paperCommand(const Context &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(
            QStringLiteral("usage: checkinctl paper FILE.csv   (columns: code or attendee_id, and time)"));
    const QString path = ctx.args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    CsvReader::Table table;
    QString problem;
    if (!CsvReader::read(file.readAll(), &table, &problem))
        return ctx.fail(QStringLiteral("%1: %2").arg(path, problem));
    if (table.records.isEmpty())
        return ctx.fail(
            QStringLiteral("%1 is empty: write a header (code,time) and one row per tick.").arg(path));
    const PaperColumns columns = paperColumns(table.records.first().fields);
    if ((columns.code < 0 && columns.attendee < 0) || columns.time < 0)
        return ctx.fail(
            QStringLiteral("%1 needs a column \"code\" (or \"attendee_id\") and a column \"time\"; its "
                           "header is: %2.")
                .arg(path, table.records.first().fields.join(QStringLiteral(", "))));

    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    const QTimeZone zone = eventZone(*store);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    // Every row is read before anything is recorded: a mistake anywhere records nothing.
    QList<ScanRequest> ticks;
    QList<int> rows;
    QStringList errors;
    for (qsizetype i = 1; i < table.records.size(); ++i) {
        const CsvReader::Record &r = table.records[i];
        auto cell = [&](int c) { return c >= 0 && c < r.fields.size() ? r.fields[c].trimmed() : QString(); };
        if (std::all_of(r.fields.cbegin(), r.fields.cend(),
                        [](const QString &f) { return f.trimmed().isEmpty(); }))
            continue;
        ScanRequest tick;
        tick.paper = true;
        tick.code = cell(columns.code);
        tick.attendeeId = tick.code.isEmpty() ? cell(columns.attendee) : QString();
        QString why;
        if (tick.code.isEmpty() && tick.attendeeId.isEmpty())
            errors << QStringLiteral("row %1: no code and no attendee id.").arg(r.row);
        else if (!parsePaperTime(cell(columns.time), zone, now, &tick.paperAtMs, &why))
            errors << QStringLiteral("row %1: %2").arg(r.row).arg(why);
        ticks << tick;
        rows << r.row;
    }
    if (!errors.isEmpty())
        return ctx.fail(QStringLiteral("%1 has mistakes; nothing was entered:\n  %2")
                            .arg(path, errors.join(QStringLiteral("\n  "))));

    CheckInDesk desk(&*store);
    QJsonArray results;
    QStringList lines;
    int entered = 0, before = 0, refused = 0;
    for (qsizetype i = 0; i < ticks.size(); ++i) {
        const ScanOutcome o = await(desk.checkIn(ticks[i]));
        const QString who = o.hasAttendee ? o.attendee.attendee.displayName()
                                          : (ticks[i].code.isEmpty() ? ticks[i].attendeeId : ticks[i].code);
        QJsonObject item{{QStringLiteral("row"), rows[i]},
                         {QStringLiteral("at"),
                          QDateTime::fromMSecsSinceEpoch(ticks[i].paperAtMs, zone).toString(Qt::ISODate)},
                         {QStringLiteral("recorded"), o.recorded},
                         {QStringLiteral("repeated"), o.repeated}};
        QString line;
        if (!o.error.isEmpty()) {
            ++refused;
            item.insert(QStringLiteral("error"), o.error);
            line = QStringLiteral("row %1: not entered: %2").arg(rows[i]).arg(o.error);
        } else if (o.repeated) {
            ++before;
            item.insert(QStringLiteral("checkin_id"), o.checkInId);
            line = QStringLiteral("row %1: %2 was entered before; nothing added.").arg(rows[i]).arg(who);
        } else if (!o.recorded) {
            ++refused;
            item.insert(QStringLiteral("verdict"), verdictName(o.verdict));
            line = QStringLiteral("row %1: not entered: %2").arg(rows[i]).arg(CheckInDesk::describe(o));
        } else {
            ++entered;
            item.insert(QStringLiteral("checkin_id"), o.checkInId);
            item.insert(QStringLiteral("status"), checkInStatusName(o.classification.status));
            if (!o.classification.reason.isEmpty())
                item.insert(QStringLiteral("reason"), o.classification.reason);
            line = QStringLiteral("row %1: %2 at %3: %4")
                       .arg(rows[i])
                       .arg(who,
                            QDateTime::fromMSecsSinceEpoch(ticks[i].paperAtMs, zone)
                                .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                            statusWords(o.classification));
        }
        results.append(item);
        lines << line;
    }
    ctx.print(QJsonObject{{QStringLiteral("file"), path},
                          {QStringLiteral("entered"), entered},
                          {QStringLiteral("entered_before"), before},
                          {QStringLiteral("not_entered"), refused},
                          {QStringLiteral("rows"), results}},
              lines.join(u'\n') +
                  QStringLiteral("\nPaper list %1: %2 entered, %3 entered before, %4 not entered.")
                      .arg(path)
                      .arg(entered)
                      .arg(before)
                      .arg(refused));
    return refused > 0 ? NotAdmitted : Done;
}

} // namespace checkin::cli
