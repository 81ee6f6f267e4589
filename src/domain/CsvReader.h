// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace checkin {

// Reads delimited text as spreadsheets and ticket shops really write it: detects the encoding
// (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252) and the delimiter (, ; tab),
// and parses quoted fields with delimiters, doubled quotes and line breaks inside, LF or CRLF.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    struct Record
    {
        int row = 0; // 1-based record number as a spreadsheet shows it (the header is row 1)
        QStringList fields;
    };

    // Receives the records one by one, in file order; returns false to stop reading.
    using RecordSink = std::function<bool(Record &&record)>;

    struct Table
    {
        QList<Record> records; // the header is records[0]; empty after the streaming read()
        QChar delimiter;
        QString encoding; // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "Windows-1252"
        int errorRow = 0; // when read() fails: the row the problem is in (0 = the file as a whole)
    };

    // Returns false with a message a person can act on (naming the row) when the bytes cannot
    // be read as a table at all, e.g. an unterminated quote or binary content.
    static bool read(const QByteArray &bytes, Table *table, QString *error);

    // The same, streaming: passes each record to sink as soon as it is read instead of keeping it,
    // so only the decoded text and the current record are in memory. info (may be null) gets the
    // delimiter and encoding before the first record reaches sink, and errorRow on failure; its
    // records stay empty. On failure the records before the problem have already been passed on.
    // When sink returns false, reading stops and read() returns true.
    static bool read(const QByteArray &bytes, const RecordSink &sink, Table *info, QString *error);

    // Decoding and delimiter detection on their own (also used by read()).
    static QString decode(const QByteArray &bytes, QString *encoding);
    static QChar detectDelimiter(QStringView text);
};

} // namespace checkin
