// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Attendee.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace checkin {

// Turns an event lead's attendee list (CSV from Excel, pretix, Eventbrite, ChurchTools, ...) into
// attendees: maps headers by English and German synonyms, splits full names, maps status words,
// and reports every problem with its row number. Nothing is half-accepted: a file with any
// error yields no attendees (a streaming caller discards what it was given).
class AttendeeCsv
{
    Q_DECLARE_TR_FUNCTIONS(AttendeeCsv)
public:
    struct Row
    {
        int row = 0;        // spreadsheet row number (header = 1)
        QString externalId; // an id column from the file, if it has one
        QString ticketCode; // plain code as in the file (hashed by the caller), may be empty
        QString firstName;
        QString lastName;
        QString company;
        QString email;
        QString ticketType;
        TicketStatus status = TicketStatus::Valid;
        QString orderCode;
        bool paymentPending = false; // a pending or unpaid status: valid, the door asks first
        QList<DoorNote> notes;       // the door columns' non-empty values
    };

    // A column the lead wants shown at the door (docs/kiosk-core.md, "What the door must know").
    struct DoorColumn
    {
        QString header; // as in the file; case, accents and punctuation are ignored
        bool attention = false;
    };

    struct Options
    {
        QList<DoorColumn> doorColumns; // at most 10; each must be in the file
    };

    struct Issue
    {
        int row = 0; // 0 for a problem with the file as a whole
        QString message;
    };

    struct Result
    {
        QList<Row> rows;                 // empty when there is any error, and always when streaming
        QList<Issue> errors;             // every error found, in row order
        QStringList warnings;            // things worth saying that do not stop the import
        QHash<QString, QString> columns; // field name ("first_name", ...) -> header as in the file
        QStringList unusedColumns;       // headers read as no field and not shown at the door
        QList<DoorColumn> doorColumns;   // the door columns as the file writes their headers
        QChar delimiter;
        QString encoding;
        bool ok() const { return errors.isEmpty(); }
    };

    static Result parse(const QByteArray &bytes, const Options &options = {});

    using RowSink = std::function<void(Row &&row)>;
    // Streams rows to `sink` as they are read instead of keeping them (Result::rows stays empty).
    // After the first error the sink is not called again, but reading goes on to report every
    // error. A caller that wrote rows somewhere must discard them when the result is not ok().
    // Memory: the decoded text of the file plus one record at a time (and the ticket codes seen).
    static Result parse(const QByteArray &bytes, const RowSink &sink, const Options &options = {});
};

} // namespace checkin
