// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CheckIn.h"
#include "CheckInList.h"

#include <QList>
#include <QString>

// The shared table of check-in rule cases (tests/data/rule-cases.json), read for the domain's, the
// kiosk's and the server's tests: one table, three places that must agree.
namespace checkin::test {

struct RuleCaseStep
{
    qint64 atMs = 0;
    CheckInKind kind = CheckInKind::Entry;
    QString list; // as the case's when the step names none
    bool forced = false;
    QString verdict; // verdictName() of what the door decides
    QString status;  // the recorded check-in's classification; empty when nothing is recorded
    QString reason;  // its reason, or for a refusal the rule's (RuleRefusal::reason())
};

struct RuleCase
{
    QString name;
    QString ticketType;
    qint64 cancelledAtMs = -1; // -1: valid
    QString list;
    QList<RuleCaseStep> steps;
};

struct RuleCaseTable
{
    QString timezone;
    QList<CheckInList> lists;
    QList<RuleCase> cases;
};

// Reads the table; false with a sentence when the file is missing or wrong.
bool loadRuleCases(RuleCaseTable *table, QString *error);

} // namespace checkin::test
