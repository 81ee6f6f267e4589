// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkin-kiosk: the touch UI of a check-in kiosk. Parses the options, makes the services once,
// hands them to QML and loads the screens.
#include "AdminPin.h"
#include "DatabaseKey.h"
#include "DemoServer.h"
#include "DemoSetup.h"
#include "EnrolmentPayload.h"
#include "KioskConfig.h"
#include "KioskPreferences.h"
#include "KioskServices.h"
#include "OwnerOnly.h"
#include "PeerService.h"
#include "ScannerInput.h"
#include "SelfTest.h"
#include "ServerTrust.h"
#include "SetupController.h"
#include "SystemdNotify.h"
#include "Translations.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QScreen>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>
#include <optional>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace checkin;
using namespace checkin::ui;

namespace {

constexpr int UsageOrDataError = 2;

QString defaultDataDir()
{
    const QString fromEnv = qEnvironmentVariable("CHECKIN_DATA_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/checkin-kiosk");
}

int fail(const QString &message)
{
    std::fprintf(stderr, "checkin-kiosk: %s\n", qPrintable(message));
    return UsageOrDataError;
}

} // namespace

int main(int argc, char *argv[])
{
    // Databases, exports, tokens: this user's only (docs/security.md).
    checkin::OwnerOnly::createFilesOwnerOnly();
    // The on-screen keyboard's input method, loaded always; whether its panel shows is decided on
    // the fly (no hardware keyboard, or the admin's choice). Keys from a real keyboard or a scanner
    // reach the fields as before. QT_IM_MODULE set by the caller wins.
    if (qEnvironmentVariableIsEmpty("QT_IM_MODULE"))
        qputenv("QT_IM_MODULE", "qtvirtualkeyboard");
    // --help and --version answer without a screen (over ssh, for man pages).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if ((arg == "--help" || arg == "-h" || arg == "--help-all" || arg == "--version" || arg == "-v") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("checkin-kiosk"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Check-in"));
    QGuiApplication::setApplicationVersion(QStringLiteral(CHECKIN_VERSION));

    // People read stderr: warnings, and the demo's steps, unless QT_LOGGING_RULES asks for more.
    // The on-screen keyboard looks for spelling dictionaries for word prediction; the kiosk's fields
    // are names and codes, typed without prediction, so a missing dictionary is no news.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(
            QStringLiteral("*.info=false\n*.debug=false\norg.checkin.kiosk.demo.info=true\n"
                           "qt.virtualkeyboard.hunspell.warning=false"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The touch UI of a check-in kiosk."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("data-dir"),
         QStringLiteral("The kiosk's data directory, shared with checkinctl (default: $CHECKIN_DATA_DIR, "
                        "else %1).")
             .arg(QDir::toNativeSeparators(defaultDataDir())),
         QStringLiteral("DIR")},
        {QStringLiteral("demo"), QStringLiteral("Start a local checkin-server with a demo event of %L1 "
                                                "attendees, enrol this kiosk on it and preload it.")
                                     .arg(DemoSetup::Attendees)},
        {QStringLiteral("doors"),
         QStringLiteral("With --demo: 2 opens a second door beside the first, on the same demo server "
                        "(they talk to each other when the server is stopped)."),
         QStringLiteral("N")},
        {QStringLiteral("kiosk"),
         QStringLiteral("Kiosk mode: full screen without window decorations; closing the window or "
                        "leaving takes the admin PIN.")},
        {QStringLiteral("self-test"),
         QStringLiteral("Show every screen once and exit: 0 when none logged a warning.")},
        {QStringLiteral("screenshots"), QStringLiteral("With --self-test: save a PNG of each screen in DIR."),
         QStringLiteral("DIR")},
        {QStringLiteral("language"),
         QStringLiteral("The language of the screens: %1, or \"system\". Saved, as the choice in the admin "
                        "area is.")
             .arg(Translations::Languages.join(QStringLiteral(", "))),
         QStringLiteral("CODE")},
        {QStringLiteral("enrol"),
         QStringLiteral("Enrol with the payload of the event lead's enrolment QR code "
                        "(checkin:enrol?v=1&event=...&code=...&server=...) and preload, on the setup screen; "
                        "errors show there. For scripted setups."),
         QStringLiteral("PAYLOAD")},
        {QStringLiteral("peer"),
         QStringLiteral("Another door of the event at HOST:PORT, for networks that block discovery "
                        "(repeatable; the doors of an event also find each other by themselves)."),
         QStringLiteral("HOST:PORT")},
        {QStringLiteral("peer-port"),
         QStringLiteral("The port this door listens on for the other doors (default %1).")
             .arg(PeerService::DefaultPort),
         QStringLiteral("PORT")},
        {QStringLiteral("no-peers"), QStringLiteral("Do not talk to the other doors of the event.")},
        {QStringLiteral("database-key-file"),
         QStringLiteral("The key of the encrypted database (64 hexadecimal digits), made there at the first "
                        "start. Default: the systemd credential database-key, else %1.")
             .arg(QDir::toNativeSeparators(checkin::DatabaseKey::defaultFile())),
         QStringLiteral("FILE")},
        {QStringLiteral("config"),
         QStringLiteral("Read the kiosk's settings (servers, name, language, mode, text-size) from FILE "
                        "(default %1, when it exists).")
             .arg(KioskConfig::DefaultPath),
         QStringLiteral("FILE")},
    });
    parser.process(app);

    const bool selfTest = parser.isSet(QStringLiteral("self-test"));
    if (selfTest)
        SelfTest::watchMessages();

    // The servers' certificates: the system's authorities, SSL_CERT_FILE/SSL_CERT_DIR, kiosk.conf's ca-file.
    for (const QString &problem : checkin::ServerTrust::useEnvironment())
        std::fprintf(stderr, "checkin-kiosk: warning: %s\n", qPrintable(problem));
    KioskServices::Options options;
    options.kiosk = parser.isSet(QStringLiteral("kiosk")) && !selfTest;
    // The config file prepared for this device; the self-test and the demo stay as built.
    const QString configPath = parser.isSet(QStringLiteral("config")) ? parser.value(QStringLiteral("config"))
                                                                      : KioskConfig::DefaultPath;
    if (parser.isSet(QStringLiteral("config")) ||
        (!selfTest && !parser.isSet(QStringLiteral("demo")) && QFileInfo::exists(configPath))) {
        QStringList warnings;
        const bool read = KioskConfig::apply(configPath, &options, &warnings);
        for (const QString &warning : std::as_const(warnings))
            std::fprintf(stderr, "checkin-kiosk: %s\n", qPrintable(warning));
        if (!read && parser.isSet(QStringLiteral("config")))
            return UsageOrDataError;
    }
    if (parser.isSet(QStringLiteral("database-key-file")))
        checkin::DatabaseKey::setConfiguredFile(parser.value(QStringLiteral("database-key-file")));
    const QString enrolPayload = parser.value(QStringLiteral("enrol"));
    if (parser.isSet(QStringLiteral("enrol"))) {
        EnrolmentPayload payload;
        QString why;
        if (!EnrolmentPayload::looksLikePayload(enrolPayload))
            return fail(QStringLiteral("--enrol takes the text of the event lead's enrolment QR code, "
                                       "which starts with \"checkin:enrol?\"."));
        if (!EnrolmentPayload::parse(enrolPayload, &payload, &why))
            return fail(QStringLiteral("--enrol: %1").arg(why));
        if (selfTest || parser.isSet(QStringLiteral("demo")))
            return fail(QStringLiteral("--enrol does not go with --self-test or --demo."));
    }
    for (const QString &peer : parser.values(QStringLiteral("peer"))) {
        QString host;
        quint16 port = 0;
        QString why;
        if (!PeerService::parseAddress(peer, &host, &port, &why))
            return fail(QStringLiteral("--peer: %1").arg(why));
        options.peerAddresses << peer;
    }
    if (parser.isSet(QStringLiteral("peer-port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("peer-port")).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return fail(QStringLiteral("--peer-port needs a port number (1 to 65535)."));
        options.peerPort = quint16(port);
    }
    if (parser.isSet(QStringLiteral("no-peers")) || selfTest)
        options.peersEnabled = false;
    options.dataDir = parser.isSet(QStringLiteral("data-dir")) ? parser.value(QStringLiteral("data-dir"))
                                                               : defaultDataDir();
    std::optional<QTemporaryDir> scratch;
    if (selfTest || parser.isSet(QStringLiteral("demo"))) {
        // A fresh directory every time; the demo's is kept afterwards to look at.
        scratch.emplace(
            QDir::temp().filePath(QStringLiteral("checkin-kiosk-%1-XXXXXX")
                                      .arg(selfTest ? QStringLiteral("selftest") : QStringLiteral("demo"))));
        if (!scratch->isValid())
            return fail(
                QStringLiteral("Cannot create a temporary directory: %1.").arg(scratch->errorString()));
        scratch->setAutoRemove(selfTest);
        options.dataDir = QDir(scratch->path()).filePath(QStringLiteral("kiosk"));
    }
    if (!selfTest && parser.isSet(QStringLiteral("demo"))) {
        options.serverBinary = DemoServer::find(QCoreApplication::applicationDirPath());
        if (options.serverBinary.isEmpty())
            return fail(QStringLiteral("--demo needs checkin-server: put it next to checkin-kiosk, or on the "
                                       "PATH, or name it in $CHECKIN_SERVER_BINARY."));
        options.demoServerDir = QDir(scratch->path()).filePath(QStringLiteral("server"));
        std::fprintf(stderr, "checkin-kiosk: demo in %s (server: %s)\n", qPrintable(scratch->path()),
                     qPrintable(options.serverBinary));
    }
    if (!QDir().mkpath(options.dataDir))
        return fail(QStringLiteral("Cannot create the data directory %1.").arg(options.dataDir));
    QString language = parser.value(QStringLiteral("language"));
    if (language == QLatin1String("system"))
        language.clear();
    if (parser.isSet(QStringLiteral("language")) && !language.isEmpty() &&
        !Translations::Languages.contains(language))
        return fail(QStringLiteral("--language %1: the kiosk speaks %2, or \"system\".")
                        .arg(language, Translations::Languages.join(QStringLiteral(", "))));

    const int doors =
        parser.isSet(QStringLiteral("doors")) ? parser.value(QStringLiteral("doors")).toInt() : 1;
    if (doors != 1 && (doors != 2 || !parser.isSet(QStringLiteral("demo")) || selfTest))
        return fail(QStringLiteral("--doors 2 goes with --demo (and only 1 or 2 doors)."));
    if (doors == 2)
        options.demoDoorName = QStringLiteral("Door 1");
    KioskServices services(options);
    if (parser.isSet(QStringLiteral("language")))
        services.preferences().setLanguage(language);
    QObject::connect(&services, &KioskServices::opened, &app,
                     [&services, enrolPayload](const QString &error) {
                         if (!error.isEmpty()) {
                             fail(error);
                             QCoreApplication::exit(UsageOrDataError);
                             return;
                         }
                         if (!enrolPayload.isEmpty())
                             services.setup().enrolAtStart(enrolPayload);
                     });
    services.start();

    QQmlApplicationEngine engine;
    QQuickWindow *window = services.loadMain(&engine);
    if (!window)
        return fail(QStringLiteral("The screens could not be loaded (see the messages above)."));
    if (options.kiosk) {
        window->setFlag(Qt::FramelessWindowHint);
        // Kiosks often run without a window manager, which is what would honour showFullScreen().
        window->setGeometry(window->screen()->geometry());
        window->showFullScreen();
        if (!services.adminPin().hasPin())
            std::fprintf(stderr, "checkin-kiosk: no admin PIN is set, so anyone can open the admin area and "
                                 "leave kiosk mode. Set one there (Admin, then Set PIN).\n");
    }

    // --demo --doors 2: a second door beside the first, on its demo server, listening for the
    // other doors on the next port.
    std::unique_ptr<KioskServices> secondDoor;
    std::unique_ptr<QQmlApplicationEngine> secondEngine;
    if (doors == 2) {
        KioskServices::Options second = options;
        second.dataDir = QDir(scratch->path()).filePath(QStringLiteral("kiosk-2"));
        second.serverBinary.clear();
        second.demoFirstDoor = &services;
        second.demoDoorName = QStringLiteral("Door 2");
        second.peerPort = quint16(options.peerPort + 1);
        if (!QDir().mkpath(second.dataDir))
            return fail(QStringLiteral("Cannot create the data directory %1.").arg(second.dataDir));
        secondDoor = std::make_unique<KioskServices>(second);
        if (parser.isSet(QStringLiteral("language")))
            secondDoor->preferences().setLanguage(language);
        secondDoor->start();
        secondEngine = std::make_unique<QQmlApplicationEngine>();
        QQuickWindow *other = secondDoor->loadMain(secondEngine.get());
        if (!other)
            return fail(QStringLiteral("The second door's screens could not be loaded."));
        window->setPosition(0, 0);
        other->setPosition(window->width(), 0);
    }

    // Under systemd (the kiosk session): up once the screens are, and a watchdog on the UI thread,
    // so a hung app is restarted.
    checkin::SystemdNotify::notify("READY=1");
    checkin::SystemdNotify::startWatchdog(&app);

    if (selfTest) {
        auto *test = new SelfTest(&services, window, parser.value(QStringLiteral("screenshots")), &app);
        test->run();
    }
    return QGuiApplication::exec();
}
