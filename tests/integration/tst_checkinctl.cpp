// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkinctl end to end: the real binary on a temporary data directory; exit codes, JSON output,
// and that a broken file changes nothing.
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCheckinctl : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
        QJsonValue json() const
        {
            const QJsonDocument doc = QJsonDocument::fromJson(out);
            return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
    };

    Run ctl(QStringList args, bool withDataDir = true)
    {
        if (withDataDir)
            args.prepend(QStringLiteral("--data-dir=") + m_dir.filePath(QStringLiteral("kiosk")));
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral(CHECKINCTL_PATH), args);
        if (!p.waitForFinished(60'000))
            qFatal("checkinctl did not finish");
        return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
    }

    QString codeOfRow(int row)
    {
        QFile file(m_dir.filePath(QStringLiteral("people.csv")));
        file.open(QIODevice::ReadOnly);
        const QList<QByteArray> lines = file.readAll().split('\n');
        // Generated rows have no quoted commas before the code column only when the company has none,
        // so find the 12-character code field by position from the end.
        const QList<QByteArray> fields = lines[row - 1].split(',');
        return QString::fromUtf8(fields[fields.size() - 3]);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Run gen =
            ctl({QStringLiteral("demo-data"), QStringLiteral("--attendees"), QStringLiteral("300"),
                 QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("people.csv")});
        QCOMPARE(gen.exitCode, 0);
        const Run imported =
            ctl({QStringLiteral("--json"), QStringLiteral("import"), QStringLiteral("people.csv")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const QJsonObject o = imported.json().toObject();
        QCOMPARE(o[QStringLiteral("inserted")].toInt(), 300);
        QCOMPARE(o[QStringLiteral("event")].toObject()[QStringLiteral("name")].toString(),
                 QStringLiteral("people"));
        QCOMPARE(o[QStringLiteral("columns")].toObject()[QStringLiteral("ticket_code")].toString(),
                 QStringLiteral("Ticket code"));
    }

    void usageErrorsExitWith2()
    {
        Run r = ctl({}, false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage")));
        QCOMPARE(ctl({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("--bogus"), QStringLiteral("status")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("checkin")}).exitCode, 2);
        QCOMPARE(ctl({QStringLiteral("undo")}).exitCode, 2);
        r = ctl({QStringLiteral("demo-data"), QStringLiteral("--attendees"), QStringLiteral("many"),
                 QStringLiteral("x.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--attendees")));
        QCOMPARE(ctl({QStringLiteral("--help")}, false).exitCode, 0);
    }

    void demoDataIsReproducible()
    {
        QCOMPARE(ctl({QStringLiteral("demo-data"), QStringLiteral("--attendees"), QStringLiteral("300"),
                      QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("again.csv")})
                     .exitCode,
                 0);
        QFile a(m_dir.filePath(QStringLiteral("people.csv")));
        QFile b(m_dir.filePath(QStringLiteral("again.csv")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        const QByteArray bytes = a.readAll();
        QCOMPARE(bytes, b.readAll());
        QCOMPARE(bytes.count('\n'), 301);
        QVERIFY(bytes.contains("cancelled"));
    }

    void checkInVerdictsAndExitCodes()
    {
        const QString code = codeOfRow(2);
        Run r = ctl({QStringLiteral("--json"), QStringLiteral("checkin"), code});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QJsonObject o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("admitted"));
        const QString id = o[QStringLiteral("checkin_id")].toString();
        QCOMPARE(id.size(), 36);
        QVERIFY(!o[QStringLiteral("attendee")].toObject()[QStringLiteral("last_name")].toString().isEmpty());

        r = ctl({QStringLiteral("--json"), QStringLiteral("checkin"), code});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().toObject()[QStringLiteral("verdict")].toString(), QStringLiteral("already_inside"));
        QVERIFY(r.json().toObject()[QStringLiteral("checkin_id")].isNull());

        r = ctl({QStringLiteral("checkin"), QStringLiteral("NOT-A-TICKET")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QString::fromUtf8(r.out).contains(QStringLiteral("Unknown ticket code")));

        // Override without a note is a usage error; with a note it admits.
        QCOMPARE(
            ctl({QStringLiteral("checkin"), code, QStringLiteral("--note"), QStringLiteral("x")}).exitCode,
            2);
        r = ctl({QStringLiteral("--json"), QStringLiteral("checkin"), code, QStringLiteral("--force")});
        QCOMPARE(r.exitCode, 2);
        r = ctl({QStringLiteral("--json"), QStringLiteral("checkin"), code, QStringLiteral("--force"),
                 QStringLiteral("--note"), QStringLiteral("lost wristband")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.json().toObject()[QStringLiteral("forced")].toBool());
        const QString forcedId = r.json().toObject()[QStringLiteral("checkin_id")].toString();

        // Undo the override, then check out by attendee id.
        r = ctl({QStringLiteral("--json"), QStringLiteral("undo"), forcedId});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().toObject()[QStringLiteral("verdict")].toString(), QStringLiteral("undone"));
        QCOMPARE(ctl({QStringLiteral("undo"), QStringLiteral("no-such-id")}).exitCode, 2);
        const QString attendeeId = o[QStringLiteral("attendee")].toObject()[QStringLiteral("id")].toString();
        r = ctl({QStringLiteral("--json"), QStringLiteral("checkin"), QStringLiteral("--attendee"),
                 attendeeId, QStringLiteral("--exit")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.json().toObject()[QStringLiteral("verdict")].toString(), QStringLiteral("exited"));

        r = ctl({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("attendees")].toInt(), 300);
        QCOMPARE(o[QStringLiteral("inside")].toInt(), 0);
        QCOMPARE(o[QStringLiteral("checkins")].toInt(), 4); // entry, forced entry, undo, exit
        QCOMPARE(o[QStringLiteral("undelivered")].toInt(), 4);

        // The log export carries every check-in with its id, in CSV and JSON.
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("log.json")}).exitCode, 0);
        QFile json(m_dir.filePath(QStringLiteral("log.json")));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray log =
            QJsonDocument::fromJson(json.readAll()).object()[QStringLiteral("checkins")].toArray();
        QCOMPARE(log.size(), 4);
        QCOMPARE(log[0].toObject()[QStringLiteral("id")].toString(), id);
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("log.csv")}).exitCode, 0);
        QFile csv(m_dir.filePath(QStringLiteral("log.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains(id.toUtf8()));
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("log.txt")}).exitCode, 2);
        QCOMPARE(
            ctl({QStringLiteral("export"), QStringLiteral("--attendee-state"), QStringLiteral("state.csv")})
                .exitCode,
            0);
    }

    void searchPrintsAList()
    {
        const Run r = ctl({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("m")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = r.json().toArray();
        QVERIFY(!list.isEmpty());
        QVERIFY(list.size() <= 20);
        QVERIFY(list[0].toObject().contains(QStringLiteral("first_name")));
        const Run none = ctl({QStringLiteral("search"), QStringLiteral("zzzzqqq")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(QString::fromUtf8(none.out).contains(QStringLiteral("No attendee")));
    }

    void brokenFilesChangeNothing()
    {
        const QDir corpus(checkin::test::dataDir() + QStringLiteral("/csv/malformed"));
        const QStringList files = corpus.entryList(QDir::Files);
        QVERIFY2(!files.isEmpty(), "the malformed CSV corpus is missing");
        for (const QString &name : files) {
            const Run r = ctl({QStringLiteral("import"), corpus.filePath(name)});
            QVERIFY2(r.exitCode == 2,
                     qPrintable(name + QStringLiteral(": exit ") + QString::number(r.exitCode)));
            QVERIFY2(r.err.contains(QStringLiteral("nothing was changed")) ||
                         r.err.contains(QStringLiteral("nothing was imported")),
                     qPrintable(name + QStringLiteral(": ") + r.err));
        }
        const Run status = ctl({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(status.json().toObject()[QStringLiteral("attendees")].toInt(), 300);
        const Run missing = ctl({QStringLiteral("import"), QStringLiteral("does-not-exist.csv")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY(missing.err.contains(QStringLiteral("Cannot read")));
    }

    // Last: it adds attendees to the list the other slots count.
    void walkInRegistersAndChecksIn()
    {
        Run r = ctl({QStringLiteral("walk-in")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("usage: checkinctl walk-in")), qPrintable(r.err));
        QCOMPARE(
            ctl({QStringLiteral("walk-in"), QStringLiteral("--company"), QStringLiteral("Acme")}).exitCode,
            2);
        r = ctl({QStringLiteral("walk-in"), QStringLiteral("--first"), QStringLiteral("  "),
                 QStringLiteral("--last"), QString()});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("Enter a first or last name")), qPrintable(r.err));
        r = ctl({QStringLiteral("--data-dir=") + m_dir.filePath(QStringLiteral("empty")),
                 QStringLiteral("walk-in"), QStringLiteral("--first"), QStringLiteral("Ann")},
                false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("No event")), qPrintable(r.err));

        r = ctl({QStringLiteral("--json"), QStringLiteral("walk-in"), QStringLiteral("--first"),
                 QStringLiteral("Wanda"), QStringLiteral("--last"), QStringLiteral("Walker"),
                 QStringLiteral("--company"), QStringLiteral("Acme, Inc."), QStringLiteral("--ticket-type"),
                 QStringLiteral("Day pass")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QJsonObject o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("admitted"));
        QVERIFY(o[QStringLiteral("recorded")].toBool());
        QVERIFY(o[QStringLiteral("registered")].toBool());
        const QString entry = o[QStringLiteral("checkin_id")].toString();
        QCOMPARE(entry.size(), 36);
        const QJsonObject person = o[QStringLiteral("attendee")].toObject();
        QCOMPARE(person[QStringLiteral("last_name")].toString(), QStringLiteral("Walker"));
        QCOMPARE(person[QStringLiteral("company")].toString(), QStringLiteral("Acme, Inc."));
        QCOMPARE(person[QStringLiteral("ticket_type")].toString(), QStringLiteral("Day pass"));
        QCOMPARE(person[QStringLiteral("walk_in")].toBool(), true);
        QCOMPARE(person[QStringLiteral("inside")].toBool(), true);
        QCOMPARE(person[QStringLiteral("id")].toString().size(), 36);

        // For people: the verdict in a sentence and the entry's id (to undo it).
        r = ctl({QStringLiteral("walk-in"), QStringLiteral("--last"), QStringLiteral("Solo")});
        QCOMPARE(r.exitCode, 0);
        const QString human = QString::fromUtf8(r.out);
        QVERIFY2(human.contains(QStringLiteral("Registered as a walk-in and admitted: Solo.")),
                 qPrintable(human));
        QVERIFY(human.contains(QStringLiteral("check-in id: ")));

        r = ctl({QStringLiteral("--json"), QStringLiteral("status")});
        o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("attendees")].toInt(), 302);
        QCOMPARE(o[QStringLiteral("walk_ins")].toInt(), 2);
        QVERIFY(
            QString::fromUtf8(ctl({QStringLiteral("status")}).out).contains(QStringLiteral("2 walk-ins")));
        r = ctl({QStringLiteral("--json"), QStringLiteral("search"), QStringLiteral("walker")});
        QCOMPARE(r.json().toArray().size(), 1);
        // From now on a check-in like anybody's: she is inside already.
        QCOMPARE(ctl({QStringLiteral("--json"), QStringLiteral("checkin"), QStringLiteral("--attendee"),
                      person[QStringLiteral("id")].toString()})
                     .json()
                     .toObject()[QStringLiteral("verdict")]
                     .toString(),
                 QStringLiteral("already_inside"));

        // The exports say who is a walk-in and which entry registered them.
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("--attendee-state"),
                      QStringLiteral("walkins.json")})
                     .exitCode,
                 0);
        QFile state(m_dir.filePath(QStringLiteral("walkins.json")));
        QVERIFY(state.open(QIODevice::ReadOnly));
        int walkIns = 0;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(state.readAll()).object()[QStringLiteral("attendees")].toArray())
            walkIns += v[QStringLiteral("walk_in")].toBool() ? 1 : 0;
        QCOMPARE(walkIns, 2);
        QCOMPARE(ctl({QStringLiteral("export"), QStringLiteral("walkin-log.json")}).exitCode, 0);
        QFile log(m_dir.filePath(QStringLiteral("walkin-log.json")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QStringList registering;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(log.readAll()).object()[QStringLiteral("checkins")].toArray()) {
            if (v[QStringLiteral("walk_in")].toBool())
                registering << v[QStringLiteral("id")].toString();
        }
        QCOMPARE(registering.size(), 2);
        QVERIFY(registering.contains(entry));
    }

    // A kiosk without a server gets its check-in lists from a file; a door on a "once" list admits
    // each ticket once, and says so.
    void listsOnAKioskWithoutAServer()
    {
        QFile file(m_dir.filePath(QStringLiteral("lists.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,name,ticket_types,windows,entries,track_exit\n"
                   "museum,Museum,,,once,yes\n"
                   "speakers,Speakers' lounge,Speaker,,unlimited,yes\n");
        file.close();
        Run r = ctl({QStringLiteral("lists"), QStringLiteral("import"), QStringLiteral("lists.csv"),
                     QStringLiteral("--timezone"), QStringLiteral("Mars/Olympus")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("There is no time zone \"Mars/Olympus\"")), qPrintable(r.err));
        r = ctl({QStringLiteral("--json"), QStringLiteral("lists"), QStringLiteral("import"),
                 QStringLiteral("lists.csv"), QStringLiteral("--timezone"), QStringLiteral("Europe/Berlin")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("lists")].toArray().size(), 3); // the default list, and the two
        QCOMPARE(o[QStringLiteral("current")].toString(), QStringLiteral("entrance"));
        QCOMPARE(o[QStringLiteral("timezone")].toString(), QStringLiteral("Europe/Berlin"));

        r = ctl({QStringLiteral("lists"), QStringLiteral("use"), QStringLiteral("gala")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("has no check-in list \"gala\"")), qPrintable(r.err));
        r = ctl({QStringLiteral("lists"), QStringLiteral("use"), QStringLiteral("museum")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("* museum"));
        r = ctl({QStringLiteral("--json"), QStringLiteral("status")});
        QCOMPARE(r.json().toObject()[QStringLiteral("list")].toObject()[QStringLiteral("id")].toString(),
                 QStringLiteral("museum"));

        // Inside on the entrance does not count at the museum; its one entry does.
        const QString code = codeOfRow(2);
        QCOMPARE(ctl({QStringLiteral("checkin"), code}).exitCode, 0);
        QCOMPARE(ctl({QStringLiteral("checkin"), code, QStringLiteral("--exit")}).exitCode, 0);
        r = ctl({QStringLiteral("--json"), QStringLiteral("checkin"), code});
        QCOMPARE(r.exitCode, 1);
        o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("already_used"));
        QVERIFY2(o[QStringLiteral("message")].toString().contains(
                     QStringLiteral("Museum admits each person once")),
                 qPrintable(o[QStringLiteral("message")].toString()));

        // A broken file changes nothing, and says where.
        QFile broken(m_dir.filePath(QStringLiteral("broken.csv")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("id,name,entries\nmuseum,Museum,twice\n");
        broken.close();
        r = ctl({QStringLiteral("lists"), QStringLiteral("import"), QStringLiteral("broken.csv")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("row 2: entries \"twice\"")), qPrintable(r.err));
        r = ctl({QStringLiteral("--json"), QStringLiteral("lists")});
        bool once = false;
        for (const QJsonValue &l : r.json().toObject()[QStringLiteral("lists")].toArray())
            once = once || (l[QStringLiteral("id")].toString() == QStringLiteral("museum") &&
                            l[QStringLiteral("entries")].toString() == QStringLiteral("once"));
        QVERIFY(once);
        // Back to the entrance for whatever runs next.
        QCOMPARE(ctl({QStringLiteral("lists"), QStringLiteral("use"), QStringLiteral("entrance")}).exitCode,
                 0);
    }

    // The paper fallback on a kiosk of its own: the door's list as a PDF (alphabetical, the
    // attention notes marked, nobody cancelled), then the ticks entered afterwards, each once.
    void paperFallback()
    {
        const QString dir = QStringLiteral("--data-dir=") + m_dir.filePath(QStringLiteral("paper"));
        QFile file(m_dir.filePath(QStringLiteral("family.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Order code,Ticket code,First name,Last name,Ticket type,Status,Allergies,Notes\n"
                   "A1,P-ZOE,Zoe,Zander,Regular,paid,,\n"
                   "A1,P-AEN,\xc3\x84nne,\xc3\x84rger,Regular,paid,nuts,\n"
                   "B2,P-BEN,Ben,Brandt,Speaker,unpaid,,needs a ramp\n"
                   "C3,P-CAN,Carl,Cancel,Regular,cancelled,,\n");
        file.close();
        Run r =
            ctl({dir, QStringLiteral("import"), QStringLiteral("family.csv"), QStringLiteral("--attention"),
                 QStringLiteral("allergies"), QStringLiteral("--door-note"), QStringLiteral("Notes")},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = ctl({dir, QStringLiteral("import"), QStringLiteral("family.csv"), QStringLiteral("--attention"),
                 QStringLiteral("Allergy")},
                false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains("no column \"Allergy\"") ||
                     r.err.contains(QStringLiteral("no column \"Allergy\"")),
                 r.out.constData());

        const QString pdf = m_dir.filePath(QStringLiteral("door.pdf"));
        r = ctl({dir, QStringLiteral("--json"), QStringLiteral("door-list"), QStringLiteral("--pdf"), pdf},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json().toObject()[QStringLiteral("people")].toInt(), 3);
        QCOMPARE(r.json().toObject()[QStringLiteral("left_out")].toInt(), 1);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30'000));
        const QString sheet = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(sheet.contains(QStringLiteral("Paper list: family")), qPrintable(sheet));
        const qsizetype aenne = sheet.indexOf(QStringLiteral("Ärger, Änne"));
        const qsizetype ben = sheet.indexOf(QStringLiteral("Brandt, Ben"));
        const qsizetype zoe = sheet.indexOf(QStringLiteral("Zander, Zoe"));
        QVERIFY2(aenne >= 0 && aenne < ben && ben < zoe, qPrintable(sheet)); // Ä with A
        QVERIFY2(sheet.contains(QStringLiteral("\u26A0 Allergies: nuts")), qPrintable(sheet));
        QVERIFY2(sheet.contains(QStringLiteral("Notes: needs a ramp")), qPrintable(sheet));
        QVERIFY2(sheet.contains(QStringLiteral("not paid yet")), qPrintable(sheet));
        QVERIFY2(!sheet.contains(QStringLiteral("Cancel, Carl")), qPrintable(sheet));
        QVERIFY2(sheet.contains(QStringLiteral("Not on it: 1 with a cancelled ticket")), qPrintable(sheet));

        // One tick by hand, then the sheet's ticks from a file (the first again among them).
        const QDateTime hourAgo = QDateTime::currentDateTime().addSecs(-3600);
        const QString at = hourAgo.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        r = ctl({dir, QStringLiteral("--json"), QStringLiteral("checkin"), QStringLiteral("P-ZOE"),
                 QStringLiteral("--at"), at},
                false);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + QString::fromUtf8(r.out)));
        QCOMPARE(r.json().toObject()[QStringLiteral("recorded")].toBool(), true);
        r = ctl({dir, QStringLiteral("checkin"), QStringLiteral("P-ZOE"), QStringLiteral("--at"),
                 QDateTime::currentDateTime().addSecs(3600).toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
                false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("in the future")), qPrintable(r.err));

        QFile ticks(m_dir.filePath(QStringLiteral("ticks.csv")));
        QVERIFY(ticks.open(QIODevice::WriteOnly));
        ticks.write("code,time\nP-ZOE," + at.toUtf8() + "\nP-BEN," + at.toUtf8() + "\nNOBODY," + at.toUtf8() +
                    "\n");
        ticks.close();
        r = ctl({dir, QStringLiteral("--json"), QStringLiteral("paper"), QStringLiteral("ticks.csv")}, false);
        QCOMPARE(r.exitCode, 1); // one row could not be entered
        QJsonObject o = r.json().toObject();
        QCOMPARE(o[QStringLiteral("entered")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("entered_before")].toInt(), 1);
        QCOMPARE(o[QStringLiteral("not_entered")].toInt(), 1);
        r = ctl({dir, QStringLiteral("--json"), QStringLiteral("paper"), QStringLiteral("ticks.csv")}, false);
        QCOMPARE(r.json().toObject()[QStringLiteral("entered_before")].toInt(), 2); // nothing twice

        QFile bad(m_dir.filePath(QStringLiteral("bad-ticks.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("code,time\nP-AEN,half past nine\n");
        bad.close();
        r = ctl({dir, QStringLiteral("paper"), QStringLiteral("bad-ticks.csv")}, false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("row 2")) &&
                     r.err.contains(QStringLiteral("nothing was entered")),
                 qPrintable(r.err));

        // The export says which check-ins came from paper.
        r = ctl({dir, QStringLiteral("--json"), QStringLiteral("status")}, false);
        QCOMPARE(r.json().toObject()[QStringLiteral("checkins")].toInt(), 2);
        const QString csv = m_dir.filePath(QStringLiteral("paper-log.csv"));
        QCOMPARE(ctl({dir, QStringLiteral("export"), csv}, false).exitCode, 0);
        QFile log(csv);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray exported = log.readAll();
        QVERIFY2(exported.contains(",list,answer,paper"), exported.constData());
        QCOMPARE(exported.count(",true\r\n") + exported.count(",true\n"), 2);
    }
};

QTEST_GUILESS_MAIN(TestCheckinctl)
#include "tst_checkinctl.moc"
