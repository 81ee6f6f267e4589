// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Exporter: CSV that spreadsheets read safely, JSON with typed values, atomic files.
#include "Exporter.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;

namespace {
CheckInRecord record()
{
    CheckInRecord r;
    r.checkIn.id = QStringLiteral("6f1c0d2e-0000-4000-8000-000000000001");
    r.checkIn.kind = CheckInKind::Entry;
    r.checkIn.atMs = 1'780'000'000'123;
    r.checkIn.hlc = Hlc{1'780'000'000'123, 4};
    r.checkIn.attendeeId = QStringLiteral("a-1");
    r.checkIn.deviceId = QStringLiteral("dev");
    r.checkIn.forced = true;
    r.checkIn.note = QStringLiteral("=HYPERLINK(\"x\"), \"quoted\"\nsecond line");
    r.attendeeName = QStringLiteral("Anna Müller");
    r.classification.status = CheckInStatus::Conflict;
    r.classification.reason = QStringLiteral("cancelled");
    return r;
}
} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvIsQuotedAndDefused()
    {
        const QByteArray csv = Exporter::checkInsCsv({record()});
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                               "id,hlc,at,kind,attendee_id,attendee,"));
        QVERIFY(csv.contains(
            "6f1c0d2e-0000-4000-8000-000000000001,1780000000123.4,2026-05-28T20:26:40.123Z,entry"));
        QVERIFY(csv.contains("Anna Müller"));
        // A formula is shown as text, quotes doubled, the line break kept inside the quoted cell.
        QVERIFY(csv.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\nsecond line\""));
        QVERIFY(csv.contains(",true,"));
        QVERIFY(csv.contains(",conflict,cancelled,"));
    }

    void jsonHasTypedFields()
    {
        const QJsonObject o = QJsonDocument::fromJson(Exporter::checkInsJson({record()}))
                                  .object()[QStringLiteral("checkins")]
                                  .toArray()[0]
                                  .toObject();
        QCOMPARE(o[QStringLiteral("id")].toString(), QStringLiteral("6f1c0d2e-0000-4000-8000-000000000001"));
        QCOMPARE(o[QStringLiteral("forced")], QJsonValue(true));
        QCOMPARE(o[QStringLiteral("delivered")], QJsonValue(false));
        QCOMPARE(o[QStringLiteral("status")].toString(), QStringLiteral("conflict"));
        QCOMPARE(o[QStringLiteral("note")].toString(), record().checkIn.note); // JSON keeps it verbatim
        QCOMPARE(o[QStringLiteral("at")].toString(), QStringLiteral("2026-05-28T20:26:40.123Z"));
    }

    void attendeeState()
    {
        AttendeeView v;
        v.attendee.id = QStringLiteral("a-1");
        v.attendee.firstName = QStringLiteral("José");
        v.attendee.status = TicketStatus::Cancelled;
        v.inside = true;
        v.insideSinceMs = 1'780'000'000'000;
        const QJsonObject o = Exporter::attendeeObject(v);
        QCOMPARE(o[QStringLiteral("status")].toString(), QStringLiteral("cancelled"));
        QCOMPARE(o[QStringLiteral("inside")], QJsonValue(true));
        QVERIFY(Exporter::attendeesCsv({v}).contains("a-1,José,,,,cancelled,true,2026-05-28T20:26:40.000Z"));
        QCOMPARE(o[QStringLiteral("walk_in")], QJsonValue(false));
    }

    // Walk-ins say so: the attendee, and the entry that registered them.
    void walkIns()
    {
        AttendeeView v;
        v.attendee.id = QStringLiteral("5b3c7a52-4f7e-4b8e-9d0a-1c2d3e4f5a6b");
        v.attendee.firstName = QStringLiteral("Ann");
        v.attendee.walkInCheckIn = QStringLiteral("6f1c0d2e-0000-4000-8000-000000000001");
        const QByteArray attendees = Exporter::attendeesCsv({v});
        QVERIFY(attendees.contains(",inside_device,walk_in,order_code,payment_pending,notes\r\n"));
        QVERIFY(attendees.endsWith(",true,,false,\r\n"));
        QCOMPARE(Exporter::attendeeObject(v)[QStringLiteral("walk_in")], QJsonValue(true));

        CheckInRecord registering = record();
        registering.walkIn = true;
        const QByteArray log = Exporter::checkInsCsv({registering, record()});
        QVERIFY(log.contains(",delivered,walk_in,list,answer,paper\r\n"));
        QVERIFY(log.contains(",true,entrance,,false\r\n")); // the registering entry, on the default list
        const QList<QByteArray> lines = log.split('\n');
        QVERIFY(lines.size() >= 3);
        QVERIFY(lines.last().isEmpty());
        QCOMPARE(Exporter::checkInObject(registering)[QStringLiteral("walk_in")], QJsonValue(true));
        QCOMPARE(Exporter::checkInObject(record())[QStringLiteral("walk_in")], QJsonValue(false));
    }

    void formatByExtensionAndAtomicWrite()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!Exporter::writeCheckIns(dir.filePath(QStringLiteral("log.xlsx")), {record()}, &error));
        QVERIFY(error.contains(QStringLiteral(".csv or .json")));
        const QString path = dir.filePath(QStringLiteral("LOG.JSON"));
        QVERIFY2(Exporter::writeCheckIns(path, {record()}, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(file.readAll()).isObject());
        QVERIFY(!Exporter::writeCheckIns(dir.filePath(QStringLiteral("missing/dir/log.csv")), {}, &error));
        QVERIFY(error.contains(QStringLiteral("Cannot write")));
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
