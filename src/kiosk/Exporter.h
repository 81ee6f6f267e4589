// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace checkin {

// Writes the check-in log or the attendees' state to a file, as CSV or JSON by the file's
// extension. The file is replaced atomically: a failed export leaves an earlier one intact.
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)
public:
    enum class Format { Csv, Json };

    // Format from the extension (.csv, .json); false with a message for anything else.
    static bool formatFor(const QString &path, Format *format, QString *error);

    static bool writeCheckIns(const QString &path, const QList<CheckInRecord> &log, QString *error);
    static bool writeAttendees(const QString &path, const QList<AttendeeView> &attendees, QString *error);

    static QByteArray checkInsCsv(const QList<CheckInRecord> &log);
    static QByteArray checkInsJson(const QList<CheckInRecord> &log);
    static QByteArray attendeesCsv(const QList<AttendeeView> &attendees);
    static QByteArray attendeesJson(const QList<AttendeeView> &attendees);

    // One record as exported to JSON (also what checkinctl --json prints).
    static QJsonObject checkInObject(const CheckInRecord &record);
    static QJsonObject attendeeObject(const AttendeeView &attendee);

    // ISO 8601 UTC with milliseconds, as the protocol writes times; empty for 0.
    static QString isoTime(qint64 ms);
};

} // namespace checkin
