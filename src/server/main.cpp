// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// checkin-server: the sync server kiosks preload from and deliver check-ins to.
#include "ApiServer.h"
#include "CertificatePin.h"
#include "ConfigFile.h"
#include "DatabaseConfig.h"
#include "OwnerOnly.h"
#include "ServerStore.h"
#include "SystemdNotify.h"
#include "WallClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QStandardPaths>
#include <QUrl>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace checkin;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "checkin-server: %s\n", qPrintable(message));
    return 2;
}

// The admin token: from --admin-token-file, else $CHECKIN_ADMIN_TOKEN, else one generated at first
// start and kept next to the database (readable by the owner only).
bool adminToken(const QString &file, const QString &dataDir, QString *token, QString *error)
{
    if (!file.isEmpty()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("Cannot read the admin token file %1: %2.").arg(file, f.errorString());
            return false;
        }
        *token = QString::fromUtf8(f.readAll()).trimmed();
        if (const QString exposed = OwnerOnly::readableByOthers(file); !exposed.isEmpty())
            std::fprintf(stderr, "checkin-server: warning: the admin token file %s\n", qPrintable(exposed));
        if (token->size() < 16) {
            *error =
                QStringLiteral("The admin token in %1 is too short: use at least 16 characters.").arg(file);
            return false;
        }
        return true;
    }
    const QByteArray fromEnv = qgetenv("CHECKIN_ADMIN_TOKEN");
    if (!fromEnv.isEmpty()) {
        *token = QString::fromUtf8(fromEnv).trimmed();
        return true;
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("admin-token"));
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        *token = QString::fromUtf8(existing.readAll()).trimmed();
        if (!token->isEmpty())
            return true;
    }
    *token = ServerStore::newToken();
    QSaveFile out(path);
    if (!QDir().mkpath(dataDir) || !out.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("Cannot create the admin token file %1: %2.").arg(path, out.errorString());
        return false;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(token->toUtf8() + '\n');
    if (!out.commit()) {
        *error = QStringLiteral("Cannot write the admin token file %1: %2.").arg(path, out.errorString());
        return false;
    }
    std::fprintf(stderr, "checkin-server: generated an admin token; it is in %s\n", qPrintable(path));
    return true;
}

// The console's lead password, kept only as PBKDF2-SHA256 with a salt of this run.
bool leadPassword(const QString &file, ApiServer::Options *options, QString *error)
{
    if (file.isEmpty())
        return true;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read the lead password file %1: %2.").arg(file, f.errorString());
        return false;
    }
    const QByteArray password = f.readAll().trimmed();
    if (const QString exposed = OwnerOnly::readableByOthers(file); !exposed.isEmpty())
        std::fprintf(stderr, "checkin-server: warning: the lead password file %s\n", qPrintable(exposed));
    if (QString::fromUtf8(password).size() < 10) {
        *error =
            QStringLiteral("The lead password in %1 is too short: use at least 10 characters.").arg(file);
        return false;
    }
    options->leadPasswordSalt = QByteArray::number(QRandomGenerator::system()->generate64(), 16) +
                                QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    options->leadPasswordKey =
        QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password, options->leadPasswordSalt,
                                           ApiServer::LeadPasswordIterations, 32);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    // The database, its journals, the generated admin token and the logs: the service's user's only.
    OwnerOnly::createFilesOwnerOnly();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("checkin-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHECKIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The check-in sync server (protocol v1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QList<QCommandLineOption> settings = {
        {QStringLiteral("config"),
         QStringLiteral("Read settings from FILE first: one \"option = value\" a line, the options below "
                        "without their dashes (the packaged service reads /etc/checkin-server/server.conf). "
                        "The command line wins over the file."),
         QStringLiteral("FILE")},
        {QStringLiteral("listen"), QStringLiteral("Address and port to serve on (default 127.0.0.1:8080)."),
         QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8080")},
        {QStringLiteral("db"),
         QStringLiteral("sqlite:PATH or postgresql://USER@HOST:PORT/DB (default: SQLite in the "
                        "data directory)."),
         QStringLiteral("DB")},
        {QStringLiteral("data-dir"),
         QStringLiteral("The server's data directory (default $CHECKIN_SERVER_DATA_DIR, "
                        "else ~/.local/share/checkin-server)."),
         QStringLiteral("DIR")},
        {QStringLiteral("admin-token-file"), QStringLiteral("File holding the admin token."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-cert"),
         QStringLiteral("PEM certificate, followed by its chain (e.g. fullchain.pem): serve HTTPS."),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), QStringLiteral("PEM private key (RSA or EC) for --tls-cert."),
         QStringLiteral("FILE")},
        {QStringLiteral("max-inflight"),
         QStringLiteral("Requests in flight before shedding with 503 (default 64)."), QStringLiteral("N"),
         QStringLiteral("64")},
        {QStringLiteral("workers"),
         QStringLiteral("Request threads, each with a database connection (default 16 on SQLite, where most "
                        "of them wait with a batch for the one writer; 8 on PostgreSQL)."),
         QStringLiteral("N")},
        {QStringLiteral("device-rate"),
         QStringLiteral("Requests per second one device may send (default 20)."), QStringLiteral("N"),
         QStringLiteral("20")},
        {QStringLiteral("lead-password-file"),
         QStringLiteral("File holding a password the event lead may sign in to the console with (besides "
                        "the admin token); at least 10 characters."),
         QStringLiteral("FILE")},
        {QStringLiteral("public-url"),
         QStringLiteral(
             "The URL kiosks reach this server at, put into enrolment QR codes (repeat for several "
             "servers; default: the address the console was opened at)."),
         QStringLiteral("URL")},
        {QStringLiteral("max-connections"),
         QStringLiteral("Connections open at once (default 2048, fewer when the file limit is lower); at the "
                        "limit the longest idle one is closed for a new one."),
         QStringLiteral("N"), QStringLiteral("2048")},
        {QStringLiteral("max-connections-per-address"),
         QStringLiteral("Connections one client address may hold (default 256; 0: no limit, for a server "
                        "behind a reverse proxy where every client is the proxy)."),
         QStringLiteral("N"), QStringLiteral("256")},
        {QStringLiteral("header-timeout"),
         QStringLiteral(
             "Seconds a client has for the TLS handshake and for a request's headers (default 10)."),
         QStringLiteral("S"), QStringLiteral("10")},
        {QStringLiteral("body-timeout"),
         QStringLiteral("Seconds a client has to send a request's body (default 60)."), QStringLiteral("S"),
         QStringLiteral("60")},
        {QStringLiteral("idle-timeout"),
         QStringLiteral("Seconds a connection stays open without a request (default 30)."),
         QStringLiteral("S"), QStringLiteral("30")},
        {QStringLiteral("public-pin"),
         QStringLiteral("The certificate pin enrolment QR codes carry: auto (default: this server's own "
                        "certificate's when no authority of this system vouches for it, as a self-signed "
                        "one), none, or a pin sha256/... (a proxy's certificate)."),
         QStringLiteral("PIN"), QStringLiteral("auto")},
        {QStringLiteral("trusted-proxy"),
         QStringLiteral("The address of a reverse proxy in front of this server (repeat for several): for "
                        "its requests the client is the last address in X-Forwarded-For, and "
                        "X-Forwarded-Proto says whether it used HTTPS."),
         QStringLiteral("ADDR")},
        {QStringLiteral("console-dir"),
         QStringLiteral("Serve the console's page from this directory instead of the built-in copy (for "
                        "working on the page)."),
         QStringLiteral("DIR")},
    };
    parser.addOptions(settings);
    // The config file's settings go first, so the same option on the command line wins.
    QStringList arguments = app.arguments();
    const QString configPath = ConfigFile::optionValue(arguments, QStringLiteral("config"));
    if (!configPath.isEmpty()) {
        QList<ConfigFile::Entry> entries;
        QStringList fromFile;
        QString configError;
        if (!ConfigFile::read(configPath, &entries, &configError) ||
            !ConfigFile::toArguments(configPath, entries, settings, {QStringLiteral("config")}, &fromFile,
                                     &configError))
            return fail(configError);
        arguments = arguments.mid(0, 1) + fromFile + arguments.mid(1);
    }
    if (!parser.parse(arguments))
        return fail(parser.errorText() + QStringLiteral("; see checkin-server --help."));
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument \"%1\"; see checkin-server --help.")
                        .arg(parser.positionalArguments().first()));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("org.checkin.server.http.info=false"));

    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    const QHostAddress address(listen.left(colon));
    if (colon <= 0 || !portOk || port > 65535 || address.isNull())
        return fail(
            QStringLiteral("--listen takes ADDRESS:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8443, not \"%1\".")
                .arg(listen));
    auto number = [&](const char *name, int min, int max, int *out) {
        bool ok = false;
        *out = parser.value(QString::fromLatin1(name)).toInt(&ok);
        return ok && *out >= min && *out <= max;
    };
    ApiServer::Options options;
    int rate = 20;
    if (!number("max-inflight", 1, 100000, &options.maxInflight))
        return fail(QStringLiteral("--max-inflight takes a number from 1 to 100000."));
    if (parser.isSet(QStringLiteral("workers")) && !number("workers", 1, 64, &options.workerThreads))
        return fail(QStringLiteral("--workers takes a number from 1 to 64."));
    if (!number("device-rate", 1, 10000, &rate))
        return fail(QStringLiteral("--device-rate takes a number from 1 to 10000."));
    options.deviceRequestsPerSecond = rate;
    options.deviceBurst = rate * 2;
    if (!number("max-connections", 8, 1'000'000, &options.http.maxConnections))
        return fail(QStringLiteral("--max-connections takes a number from 8 to 1000000."));
    if (!number("max-connections-per-address", 0, 1'000'000, &options.http.maxConnectionsPerAddress))
        return fail(
            QStringLiteral("--max-connections-per-address takes a number from 0 (no limit) to 1000000."));
    int headerS = 0;
    int bodyS = 0;
    int idleS = 0;
    if (!number("header-timeout", 1, 3600, &headerS) || !number("body-timeout", 1, 3600, &bodyS) ||
        !number("idle-timeout", 1, 3600, &idleS))
        return fail(QStringLiteral(
            "--header-timeout, --body-timeout and --idle-timeout take seconds from 1 to 3600."));
    options.http.handshakeTimeoutMs = options.http.headTimeoutMs = headerS * 1000;
    options.http.bodyTimeoutMs = bodyS * 1000;
    options.http.idleTimeoutMs = idleS * 1000;

    QString dataDir = parser.value(QStringLiteral("data-dir"));
    if (dataDir.isEmpty())
        dataDir = qEnvironmentVariableIsEmpty("CHECKIN_SERVER_DATA_DIR")
                      ? QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                            QStringLiteral("/checkin-server")
                      : qEnvironmentVariable("CHECKIN_SERVER_DATA_DIR");
    DatabaseConfig db;
    QString error;
    const QString dbText =
        parser.isSet(QStringLiteral("db"))
            ? parser.value(QStringLiteral("db"))
            : QStringLiteral("sqlite:") + QDir(dataDir).filePath(QStringLiteral("server.sqlite"));
    if (!DatabaseConfig::parse(dbText, &db, &error))
        return fail(error);
    // On SQLite a request thread hands its batch to the writer and waits: more of them waiting
    // make bigger groups (one disk flush for all).
    if (!parser.isSet(QStringLiteral("workers")))
        options.workerThreads = db.isPostgres() ? 8 : 16;

    QString token;
    if (!adminToken(parser.value(QStringLiteral("admin-token-file")), dataDir, &token, &error))
        return fail(error);
    options.adminTokenHash = ServerStore::hashToken(token);
    if (!leadPassword(parser.value(QStringLiteral("lead-password-file")), &options, &error))
        return fail(error);
    for (const QString &url : parser.values(QStringLiteral("public-url"))) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
            return fail(
                QStringLiteral("--public-url takes an http(s) URL such as https://checkin.example.org:8443, "
                               "not \"%1\".")
                    .arg(url));
        options.publicUrls << url;
    }
    for (const QString &proxy : parser.values(QStringLiteral("trusted-proxy"))) {
        const QHostAddress parsed(proxy);
        if (parsed.isNull())
            return fail(QStringLiteral("--trusted-proxy takes an IP address such as 127.0.0.1, not \"%1\".")
                            .arg(proxy));
        options.trustedProxies << parsed.toString();
    }
    const QString publicPin = parser.value(QStringLiteral("public-pin"));
    if (publicPin != QLatin1String("auto") && publicPin != QLatin1String("none") &&
        !CertificatePin::isPin(publicPin))
        return fail(
            QStringLiteral(
                "--public-pin takes auto, none or a pin sha256/... (44 characters of base64), not \"%1\".")
                .arg(publicPin));
    options.consoleDir = parser.value(QStringLiteral("console-dir"));
    if (!options.consoleDir.isEmpty() && !QFileInfo(options.consoleDir).isDir())
        return fail(QStringLiteral("--console-dir %1 is not a directory.").arg(options.consoleDir));

    options.tls = parser.isSet(QStringLiteral("tls-cert"));
    SystemClock clock;
    ServerStore store(db, &clock);
    if (!store.open(&error))
        return fail(error);
    ApiServer api(&store, &clock, options);

    const QString cert = parser.value(QStringLiteral("tls-cert"));
    const QString key = parser.value(QStringLiteral("tls-key"));
    if (cert.isEmpty() != key.isEmpty())
        return fail(QStringLiteral("--tls-cert and --tls-key go together."));
    if (!cert.isEmpty()) {
        QFile certFile(cert);
        QFile keyFile(key);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read %1 or %2.").arg(cert, key));
        if (const QString exposed = OwnerOnly::readableByOthers(key); !exposed.isEmpty())
            std::fprintf(stderr, "checkin-server: warning: the TLS key %s\n", qPrintable(exposed));
        // The certificate and the chain after it (fullchain.pem), so that kiosks can verify a
        // certificate from a public authority; an RSA or an EC key.
        const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey privateKey(keyPem, QSsl::Rsa, QSsl::Pem);
        if (privateKey.isNull())
            privateKey = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull() || privateKey.isNull())
            return fail(
                QStringLiteral("%1 or %2 is not a PEM certificate / RSA or EC private key.").arg(cert, key));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain(chain);
        tls.setPrivateKey(privateKey);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone); // kiosks and browsers bring no certificate
        api.setTls(tls);
        // A certificate no authority of this system vouches for (self-signed, a private authority):
        // its pin goes into the enrolment codes, so that kiosks trust exactly this key. A public
        // one is not pinned: its key changes with each renewal.
        if (publicPin == QLatin1String("auto") && !QSslCertificate::verify(chain).isEmpty())
            api.setEnrolmentPin(CertificatePin::of(chain.first()));
        std::fprintf(stderr, "checkin-server: certificate pin %s\n",
                     qPrintable(CertificatePin::of(chain.first())));
    }
    if (CertificatePin::isPin(publicPin))
        api.setEnrolmentPin(publicPin);
    if (!api.listen(address, quint16(port), &error))
        return fail(error);
    std::fprintf(stderr, "checkin-server %s: serving %s on %s://%s:%u (database %s)\n", CHECKIN_VERSION,
                 "protocol v1", cert.isEmpty() ? "http" : "https", qPrintable(address.toString()), api.port(),
                 qPrintable(db.describe()));
    std::fprintf(stdout, "listening %u\n", api.port());
    std::fflush(stdout);
    // Under systemd (Type=notify): up now, and alive as long as the event loop turns.
    SystemdNotify::notify(QStringLiteral("READY=1\nSTATUS=Serving on port %1").arg(api.port()).toUtf8());
    SystemdNotify::startWatchdog(&app);

    // SIGTERM / SIGINT: finish what is in flight, save device activity, stop.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
            SystemdNotify::notify("STOPPING=1\nSTATUS=Finishing the requests in flight");
            QCoreApplication::quit();
        });
        std::signal(SIGTERM, onSignal);
        std::signal(SIGINT, onSignal);
    }
    return app.exec();
}
