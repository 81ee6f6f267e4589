// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreWorker.h"

#include <QSqlQuery>

namespace checkin {

// Prepared statements of the check-in path, prepared once per connection.
struct StoreWorker::Prepared
{
    explicit Prepared(const QSqlDatabase &db)
        : byCode(db)
        , byId(db)
        , checkInsOfAttendee(db)
        , checkInsOfCode(db)
        , insertCheckIn(db)
        , updateClassification(db)
        , updateState(db)
        , insertRefusal(db)
        , checkInById(db)
        , byOrder(db)
    {}
    QSqlQuery byCode;
    QSqlQuery byId;
    QSqlQuery checkInsOfAttendee;
    QSqlQuery checkInsOfCode;
    QSqlQuery insertCheckIn;
    QSqlQuery updateClassification;
    QSqlQuery updateState;
    QSqlQuery insertRefusal;
    QSqlQuery checkInById;
    QSqlQuery byOrder;
};

} // namespace checkin
