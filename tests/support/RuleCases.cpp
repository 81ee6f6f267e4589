// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RuleCases.h"

#include "Protocol.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace checkin::test {

bool loadRuleCases(RuleCaseTable *table, QString *error)
{
    QFile file(dataDir() + QStringLiteral("/rule-cases.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    QJsonParseError parse;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parse).object();
    if (parse.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2").arg(file.fileName(), parse.errorString());
        return false;
    }
    RuleCaseTable out;
    out.timezone = root.value(QLatin1String("timezone")).toString();
    for (const QJsonValue &v : root.value(QLatin1String("lists")).toArray()) {
        CheckInList list;
        if (!Protocol::fromJson(v.toObject(), &list, error))
            return false;
        out.lists << list;
    }
    for (const QJsonValue &cv : root.value(QLatin1String("cases")).toArray()) {
        const QJsonObject c = cv.toObject();
        RuleCase rc;
        rc.name = c.value(QLatin1String("name")).toString();
        rc.ticketType = c.value(QLatin1String("ticket_type")).toString();
        rc.list = c.value(QLatin1String("list")).toString();
        if (c.contains(QLatin1String("cancelled_at")) &&
            !Protocol::parseIsoTime(c.value(QLatin1String("cancelled_at")).toString(), &rc.cancelledAtMs)) {
            *error = QStringLiteral("%1: cancelled_at").arg(rc.name);
            return false;
        }
        for (const QJsonValue &sv : c.value(QLatin1String("steps")).toArray()) {
            const QJsonObject s = sv.toObject();
            RuleCaseStep step;
            step.list = s.value(QLatin1String("list")).toString(rc.list);
            step.forced = s.value(QLatin1String("forced")).toBool();
            step.verdict = s.value(QLatin1String("verdict")).toString();
            step.status = s.value(QLatin1String("status")).toString();
            step.reason = s.value(QLatin1String("reason")).toString();
            if (!Protocol::parseIsoTime(s.value(QLatin1String("at")).toString(), &step.atMs) ||
                !parseCheckInKind(s.value(QLatin1String("kind")).toString(QStringLiteral("entry")),
                                  &step.kind) ||
                step.verdict.isEmpty()) {
                *error = QStringLiteral("%1: a step needs at, kind and verdict").arg(rc.name);
                return false;
            }
            rc.steps << step;
        }
        out.cases << rc;
    }
    *table = std::move(out);
    return true;
}

} // namespace checkin::test
