// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Exporter.h"

#include "CsvWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace checkin {

namespace {

QByteArray csvLine(const QVariantList &values)
{
    QStringList texts;
    for (const QVariant &v : values)
        texts << v.toString();
    return CsvWriter::line(texts);
}

const QStringList checkInHeader{
    QStringLiteral("id"),        QStringLiteral("hlc"),         QStringLiteral("at"),
    QStringLiteral("kind"),      QStringLiteral("attendee_id"), QStringLiteral("attendee"),
    QStringLiteral("code_hash"), QStringLiteral("device_id"),   QStringLiteral("device"),
    QStringLiteral("forced"),    QStringLiteral("note"),        QStringLiteral("ref"),
    QStringLiteral("status"),    QStringLiteral("reason"),      QStringLiteral("first"),
    QStringLiteral("undone_by"), QStringLiteral("delivered"),   QStringLiteral("walk_in"),
    QStringLiteral("list"),      QStringLiteral("answer"),      QStringLiteral("paper")};

const QStringList attendeeHeader{
    QStringLiteral("id"),      QStringLiteral("first_name"),   QStringLiteral("last_name"),
    QStringLiteral("company"), QStringLiteral("ticket_type"),  QStringLiteral("status"),
    QStringLiteral("inside"),  QStringLiteral("inside_since"), QStringLiteral("inside_device"),
    QStringLiteral("walk_in"), QStringLiteral("order_code"),   QStringLiteral("payment_pending"),
    QStringLiteral("notes")};

QVariantList checkInValues(const CheckInRecord &r)
{
    const CheckIn &c = r.checkIn;
    return {c.id,
            c.hlc.toString(),
            Exporter::isoTime(c.atMs),
            checkInKindName(c.kind),
            c.attendeeId,
            r.attendeeName,
            c.codeHash,
            c.deviceId,
            r.deviceName,
            c.forced,
            c.note,
            c.ref,
            checkInStatusName(r.classification.status),
            r.classification.reason,
            r.classification.first,
            r.classification.undoneBy,
            r.delivered,
            r.walkIn,
            c.list.isEmpty() ? CheckInList::DefaultId.toString() : c.list,
            c.answer,
            c.paper};
}

QVariantList attendeeValues(const AttendeeView &v)
{
    const Attendee &a = v.attendee;
    return {a.id,
            a.firstName,
            a.lastName,
            a.company,
            a.ticketType,
            ticketStatusName(a.status),
            v.inside,
            Exporter::isoTime(v.insideSinceMs),
            v.insideDeviceName,
            a.isWalkIn(),
            a.orderCode,
            a.paymentPending,
            doorNotesText(a.notes)};
}

QJsonObject toObject(const QStringList &header, const QVariantList &values)
{
    QJsonObject object;
    for (qsizetype i = 0; i < header.size(); ++i)
        object.insert(header[i], QJsonValue::fromVariant(values[i]));
    return object;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = Exporter::tr("Cannot write %1: %2. Choose another place or free some space.")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

QString Exporter::isoTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

bool Exporter::formatFor(const QString &path, Format *format, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        *format = Format::Csv;
        return true;
    }
    if (suffix == QLatin1String("json")) {
        *format = Format::Json;
        return true;
    }
    *error = tr("Cannot tell the format of %1: name the file with .csv or .json.").arg(path);
    return false;
}

QByteArray Exporter::checkInsCsv(const QList<CheckInRecord> &log)
{
    QByteArray out =
        "\xEF\xBB\xBF" + csvLine(QVariantList(checkInHeader.cbegin(),
                                              checkInHeader.cend())); // BOM: Excel then reads UTF-8 correctly
    for (const CheckInRecord &r : log)
        out += csvLine(checkInValues(r));
    return out;
}

QJsonObject Exporter::checkInObject(const CheckInRecord &record)
{
    return toObject(checkInHeader, checkInValues(record));
}

QJsonObject Exporter::attendeeObject(const AttendeeView &attendee)
{
    return toObject(attendeeHeader, attendeeValues(attendee));
}

QByteArray Exporter::checkInsJson(const QList<CheckInRecord> &log)
{
    QJsonArray array;
    for (const CheckInRecord &r : log)
        array.append(checkInObject(r));
    return QJsonDocument(QJsonObject{{QStringLiteral("checkins"), array}}).toJson(QJsonDocument::Indented);
}

QByteArray Exporter::attendeesCsv(const QList<AttendeeView> &attendees)
{
    QByteArray out = "\xEF\xBB\xBF" + csvLine(QVariantList(attendeeHeader.cbegin(), attendeeHeader.cend()));
    for (const AttendeeView &v : attendees)
        out += csvLine(attendeeValues(v));
    return out;
}

QByteArray Exporter::attendeesJson(const QList<AttendeeView> &attendees)
{
    QJsonArray array;
    for (const AttendeeView &v : attendees)
        array.append(attendeeObject(v));
    return QJsonDocument(QJsonObject{{QStringLiteral("attendees"), array}}).toJson(QJsonDocument::Indented);
}

bool Exporter::writeCheckIns(const QString &path, const QList<CheckInRecord> &log, QString *error)
{
    Format format;
    if (!formatFor(path, &format, error))
        return false;
    return writeFile(path, format == Format::Csv ? checkInsCsv(log) : checkInsJson(log), error);
}

bool Exporter::writeAttendees(const QString &path, const QList<AttendeeView> &attendees, QString *error)
{
    Format format;
    if (!formatFor(path, &format, error))
        return false;
    return writeFile(path, format == Format::Csv ? attendeesCsv(attendees) : attendeesJson(attendees), error);
}

} // namespace checkin
