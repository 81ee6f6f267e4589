// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkinctl: scripts a kiosk's data directory from the command line.
#include "AdminCommands.h"
#include "CertificatePin.h"
#include "Cli.h"
#include "DatabaseKey.h"
#include "DeviceCommands.h"
#include "KioskCommands.h"
#include "ListCommands.h"
#include "OwnerOnly.h"
#include "PaperCommands.h"
#include "ServerTrust.h"
#include "SyncCommands.h"

#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QStandardPaths>

#include <cstdio>
#include <functional>
#include <map>
#include <memory>

using namespace checkin::cli;

namespace {

const char *const usage = R"(Usage: checkinctl [--data-dir DIR] [--json] COMMAND [ARGS]

Kiosk commands (on the data directory of one kiosk):
  import FILE [--event NAME]      import an attendee list (CSV from Excel, pretix, Eventbrite,
                                  ChurchTools, ...); all or nothing, with a row-numbered report
         [--attention COLUMN]       show this column's value at the door, marked for attention
         [--door-note COLUMN]       show this column's value at the door (both repeatable;
                                    never on a self-service screen)
  search TEXT [--limit N]         find attendees by first name, last name or company
  checkin CODE                    check in the ticket with this code
  checkin --attendee ID           check in an attendee found by search
          [--exit]                  record an exit instead of an entry
          [--force --note TEXT]     volunteer override: admit whatever the verdict, saying why
          [--answer TEXT]           the answer to the list's question (without it, a list that
                                    asks one records nothing and says the question)
          [--at TIME]               a tick of the paper list, entered afterwards: when it was
                                    made (09:14 today, 2026-06-05 09:14; the event's time zone)
  paper FILE.csv                  enter a paper list's ticks: a column "code" (or "attendee_id")
                                  and a column "time"; each tick once, however often entered
  door-list --pdf FILE [--list ID]
                                  the door's paper list for when no device works: everybody the
                                  list admits, alphabetically, ticket type, what the door must
                                  know, a box to tick
  walk-in --first NAME --last NAME [--company C] [--ticket-type T]
                                  register somebody who is not on the list and check them in
                                  (a first or a last name is enough); synced like any check-in
  undo CHECKIN_ID                 undo a check-in (it is kept, and no longer counts)
  lists                           the event's check-in lists and their rules; * marks the one
                                  this kiosk checks people in on
  lists use ID                    check people in on that list (who is inside is its own)
  lists import FILE.csv|.json [--timezone ZONE]
                                  set the lists of a kiosk without a server; their times are
                                  the event's zone (ZONE, e.g. Europe/Berlin; by default this
                                  computer's)
  status                          counts: attendees, inside, check-ins, undelivered, sync state
  export FILE.csv|FILE.json       the check-in log (every check-in with its id)
         [--attendee-state]         the attendees with their state instead
  demo-data --attendees N [--seed S] [--door-info] FILE
                                  write a realistic generated attendee list (CSV); --door-info
                                  adds order codes (families of three), Allergies and Notes
                                  columns and a few pending payments

The door's devices:
  badge CODE | --attendee ID  --pdf FILE | --printer QUEUE  [--layout a6|brother-62|dymo-89x36]
                                  the person's badge (name, company, ticket type, and a QR code
                                  of the ticket code) as a PDF of the label's size, or printed on
                                  a CUPS queue; the layout: an A6 card (default), a 62 mm
                                  Brother QL label or an 89x36 mm DYMO label
  scan-image FILE...              find the ticket codes in images (PNG, JPEG, ...) with the
                                  camera's decoder: one line per file, the text and the kind of
                                  code, or "no code found" (exit 1 when a file has none)

Sync with a server (on the kiosk's data directory):
  enrol --server URL[,URL...] --code CODE [--name NAME] [--pin PIN]
                                  enrol this kiosk with a one-time code from the event lead;
                                  several URLs: the kiosk moves on when one is unreachable;
                                  --pin: the server's certificate pin (kept for later syncs)
  enrol --payload TEXT [--name NAME]
                                  the same with the text of the console's enrolment QR code
                                  (checkin:enrol?...), which names the servers, the code and
                                  the certificate pin of a server with its own certificate
  preload                         download the event's attendees (resumable), with progress
  sync [--once]                   deliver queued check-ins and fetch changes; without --once it
                                  keeps going (backoff while the server is away) until Ctrl-C
  peers [--listen ADDRESS:PORT] [--peer HOST:PORT]... [--no-discovery] [--discovery-port N] [--sync]
                                  exchange check-ins with the other doors of the event (found on
                                  the network, or at the --peer addresses) until Ctrl-C; --sync
                                  also syncs with the server, as the kiosk app does

Server administration (the event lead):
  admin --server URL [--token-file FILE] [--pin PIN] COMMAND
    event create NAME               create an event (prints its id)
    events                          list events
    attendees import EVENT FILE     upload an attendee list (CSV, or JSON {"attendees":[...]});
              [--attention COLUMN] [--door-note COLUMN]  columns shown at the door, as for import
    lists EVENT                     the event's check-in lists and their rules
    lists import EVENT FILE         add or change check-in lists (CSV, or JSON {"lists":[...]});
                                    every check-in is classified again by the new rules
    enrol EVENT [--qr]              a one-time code to enrol a kiosk; --qr also prints its
                                    enrolment QR code in the terminal, for the kiosk to scan
    devices EVENT                   enrolled kiosks: last seen, queue, version
    revoke DEVICE                   stop a kiosk from syncing
    stats EVENT                     attendees, inside, entries, duplicates, conflicts
    conflicts EVENT                 duplicates and conflicts to review
    export EVENT FILE.csv|.json     every check-in of the event
  The admin token comes from --token-file or $CHECKIN_ADMIN_TOKEN; the server from --server or
  $CHECKIN_SERVER.

Options:
  --data-dir DIR   the kiosk's data directory (default: $CHECKIN_DATA_DIR, else %1)
  --database-key-file FILE  the key of the kiosk's encrypted database (default: the systemd
                   credential database-key, else %2)
  --json           print JSON instead of text
  --ca-file FILE   also trust the certificate authority in FILE (PEM) for https:// servers;
                   SSL_CERT_FILE and SSL_CERT_DIR are read too
  --pin PIN        trust the server whose certificate has this pin (sha256/...; self-signed too)
  -h, --help       this help;  -v, --version  the version

Exit codes: 0 admitted or done; 1 a check-in was not admitted (or an image held no code); 2 a usage or data error
(with a message on stderr saying what to do).
)";

QString defaultDataDir()
{
    const QByteArray fromEnv = qgetenv("CHECKIN_DATA_DIR");
    if (!fromEnv.isEmpty())
        return QString::fromLocal8Bit(fromEnv);
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/checkin-kiosk");
}

} // namespace

namespace {
// Commands that draw (badges) need fonts: a GUI application, offscreen
// unless a platform is set. The rest run without one, on any server.
bool draws(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "badge") == 0 || qstrcmp(argv[i], "door-list") == 0)
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    // Databases, exports, tokens: this user's only (docs/security.md).
    checkin::OwnerOnly::createFilesOwnerOnly();
    std::unique_ptr<QCoreApplication> application;
    if (draws(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("checkinctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHECKIN_VERSION));
    // Output is for people and scripts: only warnings on stderr unless QT_LOGGING_RULES asks for more.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("*.info=false\n*.debug=false"));

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOptions({
        {QStringLiteral("data-dir"), QString(), QStringLiteral("DIR")},
        {QStringLiteral("json"), QString()},
        {QStringLiteral("event"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("limit"), QString(), QStringLiteral("N")},
        {QStringLiteral("attendee"), QString(), QStringLiteral("ID")},
        {QStringLiteral("exit"), QString()},
        {QStringLiteral("force"), QString()},
        {QStringLiteral("note"), QString(), QStringLiteral("TEXT")},
        {QStringLiteral("attendees"), QString(), QStringLiteral("N")},
        {QStringLiteral("seed"), QString(), QStringLiteral("S")},
        {QStringLiteral("attendee-state"), QString()},
        {QStringLiteral("server"), QString(), QStringLiteral("URL")},
        {QStringLiteral("token-file"), QString(), QStringLiteral("FILE")},
        {QStringLiteral("code"), QString(), QStringLiteral("CODE")},
        {QStringLiteral("payload"), QString(), QStringLiteral("TEXT")},
        {QStringLiteral("name"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("first"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("last"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("company"), QString(), QStringLiteral("C")},
        {QStringLiteral("ticket-type"), QString(), QStringLiteral("T")},
        {QStringLiteral("once"), QString()},
        {QStringLiteral("qr"), QString()},
        {QStringLiteral("pdf"), QString(), QStringLiteral("FILE")},
        {QStringLiteral("printer"), QString(), QStringLiteral("QUEUE")},
        {QStringLiteral("layout"), QString(), QStringLiteral("NAME")},
        {QStringLiteral("timezone"), QString(), QStringLiteral("ZONE")},
        {QStringLiteral("attention"), QString(), QStringLiteral("COLUMN")},
        {QStringLiteral("door-note"), QString(), QStringLiteral("COLUMN")},
        {QStringLiteral("at"), QString(), QStringLiteral("TIME")},
        {QStringLiteral("answer"), QString(), QStringLiteral("TEXT")},
        {QStringLiteral("list"), QString(), QStringLiteral("ID")},
        {QStringLiteral("door-info"), QString()},
        {QStringLiteral("listen"), QString(), QStringLiteral("ADDRESS:PORT")},
        {QStringLiteral("peer"), QString(), QStringLiteral("HOST:PORT")},
        {QStringLiteral("no-discovery"), QString()},
        {QStringLiteral("discovery-port"), QString(), QStringLiteral("PORT")},
        {QStringLiteral("sync"), QString()},
        {QStringLiteral("ca-file"), QString(), QStringLiteral("FILE")},
        {QStringLiteral("pin"), QString(), QStringLiteral("PIN")},
        {QStringLiteral("database-key-file"), QString(), QStringLiteral("FILE")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QString()},
        {{QStringLiteral("v"), QStringLiteral("version")}, QString()},
    });

    const QString helpText =
        QString::fromUtf8(usage).arg(QDir::toNativeSeparators(defaultDataDir()),
                                     QDir::toNativeSeparators(checkin::DatabaseKey::defaultFile()));
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "checkinctl: %s\n\n%s", parser.errorText().toUtf8().constData(),
                     helpText.toUtf8().constData());
        return UsageOrDataError;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("checkinctl %s\n", CHECKIN_VERSION);
        return Done;
    }
    QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")) || positional.isEmpty() ||
        positional.first() == QLatin1String("help")) {
        std::fputs(helpText.toUtf8().constData(),
                   positional.isEmpty() && !parser.isSet(QStringLiteral("help")) ? stderr : stdout);
        return positional.isEmpty() && !parser.isSet(QStringLiteral("help")) ? UsageOrDataError : Done;
    }

    const std::map<QString, std::function<int(const Context &)>> commands{
        {QStringLiteral("import"), importCommand},      {QStringLiteral("search"), searchCommand},
        {QStringLiteral("checkin"), checkInCommand},    {QStringLiteral("walk-in"), walkInCommand},
        {QStringLiteral("undo"), undoCommand},          {QStringLiteral("status"), statusCommand},
        {QStringLiteral("export"), exportCommand},      {QStringLiteral("demo-data"), demoDataCommand},
        {QStringLiteral("admin"), adminCommand},        {QStringLiteral("enrol"), enrolCommand},
        {QStringLiteral("preload"), preloadCommand},    {QStringLiteral("sync"), syncCommand},
        {QStringLiteral("peers"), peersCommand},        {QStringLiteral("scan-image"), scanImageCommand},
        {QStringLiteral("badge"), badgeCommand},        {QStringLiteral("lists"), listsCommand},
        {QStringLiteral("door-list"), doorListCommand}, {QStringLiteral("paper"), paperCommand},
    };
    if (parser.isSet(QStringLiteral("database-key-file")))
        checkin::DatabaseKey::setConfiguredFile(parser.value(QStringLiteral("database-key-file")));
    // The servers' certificates: the system's authorities, SSL_CERT_FILE/SSL_CERT_DIR, --ca-file.
    for (const QString &problem : checkin::ServerTrust::useEnvironment())
        std::fprintf(stderr, "checkinctl: warning: %s\n", problem.toUtf8().constData());
    if (parser.isSet(QStringLiteral("ca-file"))) {
        QString error;
        if (!checkin::ServerTrust::addAuthorities(parser.value(QStringLiteral("ca-file")), &error)) {
            std::fprintf(stderr, "checkinctl: --ca-file: %s\n", error.toUtf8().constData());
            return UsageOrDataError;
        }
    }
    if (parser.isSet(QStringLiteral("pin")) &&
        !checkin::CertificatePin::isPin(parser.value(QStringLiteral("pin")))) {
        std::fprintf(stderr, "checkinctl: --pin takes sha256/ and 44 characters of base64 (the server's "
                             "certificate pin, as the console shows it).\n");
        return UsageOrDataError;
    }
    const QString name = positional.takeFirst();
    const auto command = commands.find(name);
    const QString dataDir = parser.isSet(QStringLiteral("data-dir"))
                                ? parser.value(QStringLiteral("data-dir"))
                                : defaultDataDir();
    Context ctx{parser, positional, QDir::cleanPath(QDir::current().absoluteFilePath(dataDir)),
                parser.isSet(QStringLiteral("json"))};
    if (command == commands.end())
        return ctx.fail(
            QStringLiteral("unknown command \"%1\"; run checkinctl --help for the list.").arg(name));
    return command->second(ctx);
}
