// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskCommands.h"

#include "Badge.h"
#include "BadgePrinter.h"
#include "CheckInDesk.h"
#include "Cli.h"
#include "DemoAttendees.h"
#include "Exporter.h"
#include "LocalStore.h"
#include "OpenedStore.h"
#include "PaperCommands.h"
#include "SyncCommands.h"
#include "WallClock.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace checkin::cli {

namespace {

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                  : QString();
}

QString attendeeLine(const AttendeeView &v)
{
    const Attendee &a = v.attendee;
    QStringList parts{a.displayName()};
    if (!a.company.isEmpty())
        parts << a.company;
    if (!a.ticketType.isEmpty())
        parts << a.ticketType;
    QString line = parts.join(QStringLiteral(" · "));
    if (a.isCancelled())
        line += QStringLiteral("  [cancelled]");
    if (v.inside)
        line += QStringLiteral("  [inside since %1]").arg(when(v.insideSinceMs));
    return line + QStringLiteral("  (id %1)").arg(a.id);
}

QJsonObject outcomeJson(const ScanOutcome &o)
{
    QJsonObject json{
        {QStringLiteral("verdict"), verdictName(o.verdict)},
        {QStringLiteral("checkin_id"), o.checkInId.isEmpty() ? QJsonValue() : QJsonValue(o.checkInId)},
        {QStringLiteral("recorded"), o.recorded},
        {QStringLiteral("forced"), o.forced},
        {QStringLiteral("registered"), o.registered},
        {QStringLiteral("message"), CheckInDesk::describe(o)},
        {QStringLiteral("attendee"),
         o.hasAttendee ? QJsonValue(Exporter::attendeeObject(o.attendee)) : QJsonValue()}};
    if (o.verdict == Verdict::WrongEvent)
        json.insert(QStringLiteral("other_event"), o.otherEventName);
    if (o.verdict == Verdict::Undone)
        json.insert(QStringLiteral("undone"), Exporter::checkInObject(o.undoneCheckIn));
    if (!o.question.isEmpty())
        json.insert(QStringLiteral("question"), o.question);
    if (o.repeated)
        json.insert(QStringLiteral("repeated"), true);
    if (o.recorded && !o.classification.reason.isEmpty()) {
        json.insert(QStringLiteral("status"), checkInStatusName(o.classification.status));
        json.insert(QStringLiteral("reason"), o.classification.reason);
    }
    if (!o.group.isEmpty()) {
        QJsonArray group;
        for (const AttendeeView &v : o.group)
            group.append(Exporter::attendeeObject(v));
        json.insert(QStringLiteral("group"), group);
    }
    return json;
}

int printOutcome(const Context &ctx, const ScanOutcome &o)
{
    if (!o.error.isEmpty())
        return ctx.fail(o.error);
    QString human = CheckInDesk::describe(o);
    if (o.repeated) {
        ctx.print(outcomeJson(o),
                  QStringLiteral("This paper tick was entered before (check-in %1); nothing was "
                                 "added.")
                      .arg(o.checkInId));
        return Done;
    }
    if (o.recorded)
        human += QStringLiteral("\ncheck-in id: %1").arg(o.checkInId);
    if (o.recorded && o.classification.status != CheckInStatus::Accepted &&
        !o.classification.reason.isEmpty())
        human += QStringLiteral("\nIt happened earlier than what was known; the rules count it as %1 (%2).")
                     .arg(checkInStatusName(o.classification.status), o.classification.reason);
    if (o.verdict == Verdict::NeedsAnswer)
        human += QStringLiteral("\nGive the answer with --answer TEXT (for example --answer yes).");
    for (const AttendeeView &v : o.group)
        human += QStringLiteral("\n  same order: ") + attendeeLine(v);
    ctx.print(outcomeJson(o), human);
    return o.recorded ? Done : NotAdmitted;
}

} // namespace

int importCommand(const Context &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: checkinctl import FILE [--event NAME]"));
    const QString path = ctx.args.first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    QByteArray bytes(file.size(), Qt::Uninitialized); // exactly the file, no growth slack
    if (file.read(bytes.data(), bytes.size()) != bytes.size())
        return ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
    file.close();

    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    QString eventName = ctx.parser.value(QStringLiteral("event"));
    if (eventName.isEmpty() && await(store->stats()).event.id.isEmpty())
        eventName = QFileInfo(path).completeBaseName();
    const CsvImport result =
        await(store->importCsv(std::exchange(bytes, {}), eventName, ctx.importOptions()));
    const AttendeeCsv::Result &parsed = result.parsed;
    const ImportSummary &summary = result.summary;

    QJsonObject columns;
    for (auto it = parsed.columns.cbegin(); it != parsed.columns.cend(); ++it)
        columns.insert(it.key(), it.value());
    QJsonArray errors;
    QStringList errorLines;
    for (const AttendeeCsv::Issue &issue : parsed.errors) {
        errors.append(
            QJsonObject{{QStringLiteral("row"), issue.row}, {QStringLiteral("message"), issue.message}});
        errorLines << (issue.row > 0 ? QStringLiteral("  row %1: %2").arg(issue.row).arg(issue.message)
                                     : QStringLiteral("  %1").arg(issue.message));
    }
    QJsonObject json{{QStringLiteral("file"), path},
                     {QStringLiteral("imported"), summary.error.isEmpty()},
                     {QStringLiteral("encoding"), parsed.encoding},
                     {QStringLiteral("delimiter"), QString(parsed.delimiter)},
                     {QStringLiteral("columns"), columns},
                     {QStringLiteral("warnings"), QJsonArray::fromStringList(parsed.warnings)},
                     {QStringLiteral("errors"), errors}};
    for (const QString &warning : parsed.warnings)
        std::fprintf(stderr, "checkinctl: warning: %s\n", warning.toUtf8().constData());
    if (!parsed.ok()) {
        ctx.print(json, {});
        return ctx.fail(
            QStringLiteral("%1 cannot be imported; nothing was changed. Fix these rows and import the "
                           "file again:\n%2")
                .arg(path, errorLines.join(QLatin1Char('\n'))));
    }
    if (!summary.error.isEmpty()) {
        ctx.print(json, {});
        return ctx.fail(summary.error);
    }
    json.insert(QStringLiteral("event"), QJsonObject{{QStringLiteral("id"), summary.eventId},
                                                     {QStringLiteral("name"), summary.eventName}});
    json.insert(QStringLiteral("inserted"), summary.inserted);
    json.insert(QStringLiteral("updated"), summary.updated);
    json.insert(QStringLiteral("unchanged"), summary.unchanged);
    ctx.print(
        json,
        QStringLiteral("Imported %1 into \"%2\": %3 new, %4 updated, %5 unchanged (%6, delimiter '%7').")
            .arg(path, summary.eventName)
            .arg(summary.inserted)
            .arg(summary.updated)
            .arg(summary.unchanged)
            .arg(parsed.encoding,
                 parsed.delimiter == QLatin1Char('\t') ? QStringLiteral("tab") : QString(parsed.delimiter)));
    return Done;
}

int searchCommand(const Context &ctx)
{
    if (ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: checkinctl search TEXT [--limit N]"));
    bool limitOk = true;
    const int limit = ctx.parser.isSet(QStringLiteral("limit"))
                          ? ctx.parser.value(QStringLiteral("limit")).toInt(&limitOk)
                          : 20;
    if (!limitOk || limit < 1 || limit > 1000)
        return ctx.fail(QStringLiteral("--limit takes a number from 1 to 1000."));
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    const SearchResult result = await(store->search(ctx.args.join(QLatin1Char(' ')), limit));
    if (!result.error.isEmpty())
        return ctx.fail(result.error);
    QJsonArray list;
    QStringList lines;
    for (const AttendeeView &v : result.attendees) {
        list.append(Exporter::attendeeObject(v));
        lines << attendeeLine(v);
    }
    ctx.print(list, lines.isEmpty()
                        ? QStringLiteral("No attendee matches \"%1\".").arg(ctx.args.join(QLatin1Char(' ')))
                        : lines.join(QLatin1Char('\n')));
    return Done;
}

int checkInCommand(const Context &ctx)
{
    const QString attendeeId = ctx.parser.value(QStringLiteral("attendee"));
    if (attendeeId.isEmpty() == ctx.args.isEmpty() || ctx.args.size() > 1)
        return ctx.fail(
            QStringLiteral("usage: checkinctl checkin CODE | --attendee ID  [--exit] [--force --note TEXT]"));
    const bool forced = ctx.parser.isSet(QStringLiteral("force"));
    if (ctx.parser.isSet(QStringLiteral("note")) && !forced)
        return ctx.fail(QStringLiteral("--note goes with --force (a volunteer override)."));
    const bool exit = ctx.parser.isSet(QStringLiteral("exit"));
    const bool paper = ctx.parser.isSet(QStringLiteral("at"));
    if (paper && exit)
        return ctx.fail(QStringLiteral("--at enters a tick of the paper list: an entry, not an exit."));
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    CheckInDesk desk(&*store);
    ScanRequest request;
    request.code = ctx.args.value(0);
    request.attendeeId = attendeeId;
    request.kind = exit ? CheckInKind::Exit : CheckInKind::Entry;
    request.note = ctx.parser.value(QStringLiteral("note"));
    request.answer = ctx.parser.value(QStringLiteral("answer"));
    request.orders = !paper; // an order's code lists its people
    if (paper) {
        QString why;
        if (!parsePaperTime(ctx.parser.value(QStringLiteral("at")), eventZone(*store),
                            QDateTime::currentMSecsSinceEpoch(), &request.paperAtMs, &why))
            return ctx.fail(why);
        request.paper = true;
    }
    return printOutcome(ctx, await(forced ? desk.force(request) : desk.checkIn(request)));
}

int walkInCommand(const Context &ctx)
{
    const bool named = ctx.parser.isSet(QStringLiteral("first")) || ctx.parser.isSet(QStringLiteral("last"));
    if (!ctx.args.isEmpty() || !named)
        return ctx.fail(QStringLiteral(
            "usage: checkinctl walk-in --first NAME --last NAME [--company C] [--ticket-type T]"));
    WalkIn walkIn{ctx.parser.value(QStringLiteral("first")), ctx.parser.value(QStringLiteral("last")),
                  ctx.parser.value(QStringLiteral("company")),
                  ctx.parser.value(QStringLiteral("ticket-type"))};
    QString problem;
    if (!walkIn.normalize(&problem))
        return ctx.fail(problem);
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    CheckInDesk desk(&*store);
    return printOutcome(ctx, await(desk.registerWalkIn(walkIn)));
}

int undoCommand(const Context &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: checkinctl undo CHECKIN_ID"));
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    CheckInDesk desk(&*store);
    return printOutcome(ctx, await(desk.undo(ctx.args.first())));
}

int statusCommand(const Context &ctx)
{
    if (!ctx.args.isEmpty())
        return ctx.fail(QStringLiteral("usage: checkinctl status"));
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    const StoreStats s = await(store->stats());
    if (!s.error.isEmpty())
        return ctx.fail(s.error);
    QJsonObject json{{QStringLiteral("event"),
                      s.event.id.isEmpty() ? QJsonValue()
                                           : QJsonValue(QJsonObject{{QStringLiteral("id"), s.event.id},
                                                                    {QStringLiteral("name"), s.event.name}})},
                     {QStringLiteral("device"), QJsonObject{{QStringLiteral("id"), s.deviceId},
                                                            {QStringLiteral("name"), s.deviceName}}},
                     {QStringLiteral("list"),
                      QJsonObject{{QStringLiteral("id"), s.listId}, {QStringLiteral("name"), s.listName}}},
                     {QStringLiteral("attendees"), s.attendees},
                     {QStringLiteral("walk_ins"), s.walkIns},
                     {QStringLiteral("cancelled"), s.cancelled},
                     {QStringLiteral("inside"), s.inside},
                     {QStringLiteral("checkins"), s.checkIns},
                     {QStringLiteral("undelivered"), s.undelivered},
                     {QStringLiteral("duplicates"), s.duplicates},
                     {QStringLiteral("conflicts"), s.conflicts},
                     {QStringLiteral("refused"), s.denied},
                     {QStringLiteral("database_bytes"), s.databaseBytes},
                     {QStringLiteral("data_dir"), QDir::toNativeSeparators(ctx.dataDir)}};
    QString human;
    if (s.event.id.isEmpty()) {
        human = QStringLiteral("No event yet. Import an attendee list: checkinctl import FILE\n");
    } else {
        human = QStringLiteral("Event:        %1\n"
                               "List:         %11 (%12)\n"
                               "Attendees:    %2 (%3 cancelled, %4 walk-ins)\n"
                               "Inside:       %5\n"
                               "Check-ins:    %6 recorded, %7 not yet delivered to the server\n"
                               "Review:       %8 duplicates, %9 conflicts; %10 refused scans\n")
                    .arg(s.event.name)
                    .arg(s.attendees)
                    .arg(s.cancelled)
                    .arg(s.walkIns)
                    .arg(s.inside)
                    .arg(s.checkIns)
                    .arg(s.undelivered)
                    .arg(s.duplicates)
                    .arg(s.conflicts)
                    .arg(s.denied)
                    .arg(s.listName, s.listId);
    }
    human += QStringLiteral("Device:       %1 (%2)\nData:         %3 (%4 KiB)")
                 .arg(s.deviceName, s.deviceId, QDir::toNativeSeparators(ctx.dataDir))
                 .arg(s.databaseBytes / 1024);
    addSyncStatus(ctx, *store, &json, &human);
    addPeerStatus(*store, &json, &human);
    ctx.print(json, human);
    return Done;
}

int exportCommand(const Context &ctx)
{
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("usage: checkinctl export FILE.csv|FILE.json [--attendee-state]"));
    const QString path = ctx.args.first();
    Exporter::Format format;
    QString error;
    if (!Exporter::formatFor(path, &format, &error))
        return ctx.fail(error);
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    int count = 0;
    const bool attendees = ctx.parser.isSet(QStringLiteral("attendee-state"));
    if (attendees) {
        const LocalStore::States states = await(store->attendeeStates());
        if (!states.error.isEmpty())
            return ctx.fail(states.error);
        if (!Exporter::writeAttendees(path, states.attendees, &error))
            return ctx.fail(error);
        count = states.attendees.size();
    } else {
        const LocalStore::Log log = await(store->checkInLog());
        if (!log.error.isEmpty())
            return ctx.fail(log.error);
        if (!Exporter::writeCheckIns(path, log.checkIns, &error))
            return ctx.fail(error);
        count = log.checkIns.size();
    }
    const QString what = attendees ? QStringLiteral("attendees") : QStringLiteral("checkins");
    ctx.print(QJsonObject{{QStringLiteral("file"), path}, {what, count}},
              QStringLiteral("Wrote %1 %2 to %3.")
                  .arg(count)
                  .arg(attendees ? QStringLiteral("attendees") : QStringLiteral("check-ins"), path));
    return Done;
}

int badgeCommand(const Context &ctx)
{
    const QString attendeeId = ctx.parser.value(QStringLiteral("attendee"));
    const QString pdf = ctx.parser.value(QStringLiteral("pdf"));
    const QString queue = ctx.parser.value(QStringLiteral("printer"));
    if (attendeeId.isEmpty() == ctx.args.isEmpty() || ctx.args.size() > 1 || pdf.isEmpty() == queue.isEmpty())
        return ctx.fail(
            QStringLiteral("usage: checkinctl badge CODE | --attendee ID  --pdf FILE | --printer QUEUE  "
                           "[--layout %1]")
                .arg(print::BadgeLayout::ids().join(QLatin1Char('|'))));
    const QString layoutId = ctx.parser.isSet(QStringLiteral("layout"))
                                 ? ctx.parser.value(QStringLiteral("layout"))
                                 : QStringLiteral("a6");
    const std::optional<print::BadgeLayout> layout = print::BadgeLayout::byId(layoutId);
    if (!layout)
        return ctx.fail(QStringLiteral("unknown layout \"%1\"; the layouts are %2.")
                            .arg(layoutId, print::BadgeLayout::ids().join(QStringLiteral(", "))));
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());
    const QString code = ctx.args.value(0).trimmed();
    const AttendeeDetail detail =
        await(code.isEmpty() ? store->attendee(attendeeId) : store->attendeeByCode(code));
    if (!detail.error.isEmpty())
        return ctx.fail(detail.error);
    if (!detail.found)
        return ctx.fail(code.isEmpty() ? QStringLiteral("there is no attendee with id %1.").arg(attendeeId)
                                       : QStringLiteral("no attendee has the ticket code %1.").arg(code));
    const Attendee &a = detail.view.attendee;
    print::Badge badge{a.displayName(), a.company, a.ticketType, await(store->stats()).event.name, code};
    // A walk-in's badge carries their id; a person given by id otherwise has no code here (the
    // kiosk keeps only hashes of ticket codes).
    if (badge.code.isEmpty() && !a.walkInCheckIn.isEmpty())
        badge.code = a.id;
    QString where;
    if (!pdf.isEmpty()) {
        const QString error = print::writeBadgePdf(pdf, badge, *layout);
        if (!error.isEmpty())
            return ctx.fail(error);
        where = QDir::toNativeSeparators(QFileInfo(pdf).absoluteFilePath());
    } else {
        print::BadgePrinter printer;
        print::BadgePrinter::Outcome outcome;
        QEventLoop loop;
        QObject::connect(&printer, &print::BadgePrinter::finished, &loop,
                         [&](const print::BadgePrinter::Outcome &o) {
                             outcome = o;
                             loop.quit();
                         });
        printer.submit({0, badge, *layout, queue, {}});
        loop.exec();
        if (!outcome.error.isEmpty())
            return ctx.fail(outcome.error);
        where = outcome.where;
    }
    ctx.print(QJsonObject{{QStringLiteral("attendee_id"), a.id},
                          {QStringLiteral("name"), badge.name},
                          {QStringLiteral("layout"), layout->id},
                          {QStringLiteral("qr"), !badge.code.isEmpty()},
                          {QStringLiteral("written"), where}},
              QStringLiteral("Badge for %1 (%2%3): %4")
                  .arg(badge.name, layout->title,
                       badge.code.isEmpty()
                           ? QStringLiteral(", no code: scan the ticket or give CODE for one")
                           : QString(),
                       where));
    return Done;
}

int demoDataCommand(const Context &ctx)
{
    if (ctx.args.size() != 1 || !ctx.parser.isSet(QStringLiteral("attendees")))
        return ctx.fail(QStringLiteral("usage: checkinctl demo-data --attendees N [--seed S] FILE"));
    bool ok = false;
    const QString countText = ctx.parser.value(QStringLiteral("attendees"));
    const int count = countText.toInt(&ok);
    if (!ok || count < 1 || count > 1'000'000)
        return ctx.fail(
            QStringLiteral("--attendees takes a number from 1 to 1000000, not \"%1\".").arg(countText));
    quint64 seed = 1;
    if (ctx.parser.isSet(QStringLiteral("seed"))) {
        seed = ctx.parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return ctx.fail(QStringLiteral("--seed takes a whole number."));
    }
    const QString path = ctx.args.first();
    QSaveFile file(path);
    const QByteArray bytes = DemoAttendees::csv(count, seed, ctx.parser.isSet(QStringLiteral("door-info")));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return ctx.fail(QStringLiteral("Cannot write %1: %2.").arg(path, file.errorString()));
    ctx.print(QJsonObject{{QStringLiteral("file"), path},
                          {QStringLiteral("attendees"), count},
                          {QStringLiteral("seed"), QString::number(seed)}},
              QStringLiteral("Wrote %1 generated attendees to %2 (seed %3).").arg(count).arg(path).arg(seed));
    return Done;
}

} // namespace checkin::cli
