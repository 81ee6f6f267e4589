// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkinctl lists: a kiosk's check-in lists, the one it checks people in on, and the lists of a
// kiosk without a server (docs/checkinctl.md, "Check-in lists").
#include "ListCommands.h"

#include "CheckInListCsv.h"
#include "Cli.h"
#include "OpenedStore.h"
#include "Protocol.h"
#include "SyncSettings.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace checkin::cli {

QString listLines(const QList<CheckInList> &lists, const QString &current)
{
    qsizetype width = 0;
    for (const CheckInList &l : lists)
        width = std::max(width, l.id.size());
    QStringList lines;
    for (const CheckInList &l : lists) {
        lines << QStringLiteral("%1 %2  %3: %4")
                     .arg(l.id == current ? QStringLiteral("*") : QStringLiteral(" "),
                          l.id.leftJustified(width), l.name, RuleBook::summary(l));
    }
    return lines.join(QLatin1Char('\n'));
}

bool readListFile(const Context &ctx, const QString &path, QList<CheckInList> *lists)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ctx.fail(QStringLiteral("Cannot read %1: %2.").arg(path, file.errorString()));
        return false;
    }
    const CheckInListCsv::Result read = CheckInListCsv::read(file.readAll());
    if (!read.ok()) {
        ctx.fail(QStringLiteral("%1 holds no usable lists; nothing was changed:\n  %2")
                     .arg(path, read.errors.join(QStringLiteral("\n  "))));
        return false;
    }
    *lists = read.lists;
    return true;
}

int listsCommand(const Context &ctx)
{
    const QString usage = QStringLiteral(
        "usage: checkinctl lists | lists use ID | lists import FILE.csv|FILE.json [--timezone ZONE]");
    const QString sub = ctx.args.value(0);
    if (!(ctx.args.isEmpty() || (sub == QLatin1String("use") && ctx.args.size() == 2) ||
          (sub == QLatin1String("import") && ctx.args.size() == 2)))
        return ctx.fail(usage);
    OpenedStore store(ctx);
    if (!store.ok())
        return ctx.fail(store.error());

    if (sub == QLatin1String("use")) {
        const StoreStatus chosen = await(store->chooseList(ctx.args[1]));
        if (!chosen.ok())
            return ctx.fail(chosen.error);
    } else if (sub == QLatin1String("import")) {
        QString error;
        if (SyncSettings::load(ctx.dataDir, &error).enrolled())
            return ctx.fail(QStringLiteral(
                "This kiosk is enrolled with a server and takes its lists from there: set them with "
                "checkinctl admin lists import EVENT FILE, and the kiosk gets them with its next sync."));
        QList<CheckInList> lists;
        if (!readListFile(ctx, ctx.args[1], &lists))
            return UsageOrDataError;
        const StoreStatus set = await(store->setLists(lists, ctx.parser.value(QStringLiteral("timezone"))));
        if (!set.ok())
            return ctx.fail(set.error);
    }

    const ListsState state = await(store->lists());
    if (!state.error.isEmpty())
        return ctx.fail(state.error);
    QJsonArray json;
    for (const CheckInList &l : state.lists)
        json.append(Protocol::toJson(l));
    const QString zone =
        state.timezone.isEmpty() ? QStringLiteral("UTC (the event has no time zone)") : state.timezone;
    ctx.print(
        QJsonObject{{QStringLiteral("lists"), json},
                    {QStringLiteral("current"), state.current},
                    {QStringLiteral("timezone"), state.timezone}},
        listLines(state.lists, state.current) +
            QStringLiteral("\n* this kiosk checks people in on %1; times are %2.").arg(state.current, zone));
    return Done;
}

} // namespace checkin::cli
