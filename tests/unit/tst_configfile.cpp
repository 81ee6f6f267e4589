// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The installed programs' ties to the system: config files (ConfigFile, the kiosk's KioskConfig)
// and systemd's notifications (SystemdNotify), on a real datagram socket.
#include "ConfigFile.h"
#include "KioskConfig.h"
#include "SystemdNotify.h"

#include <QCommandLineOption>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace checkin;
using namespace Qt::StringLiterals;

namespace {

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

const QList<QCommandLineOption> serverOptions = {
    {u"config"_s, QString(), u"FILE"_s},    {u"listen"_s, QString(), u"ADDR"_s},
    {u"public-url"_s, QString(), u"URL"_s}, {u"verbose"_s, QString()},
    {{u"h"_s, u"help"_s}, QString()},
};

// A datagram socket standing in for systemd's notification socket.
class NotifySocket
{
public:
    explicit NotifySocket(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray bytes = QFile::encodeName(path);
        memcpy(address.sun_path, bytes.constData(), size_t(bytes.size()));
        if (::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0)
            qFatal("bind %s", bytes.constData());
    }
    ~NotifySocket() { ::close(m_fd); }
    // The messages received so far.
    QList<QByteArray> received()
    {
        char buffer[512];
        for (ssize_t n; (n = ::recv(m_fd, buffer, sizeof(buffer), 0)) > 0;)
            m_messages << QByteArray(buffer, n);
        return m_messages;
    }

private:
    int m_fd = -1;
    QList<QByteArray> m_messages;
};

} // namespace

class TestConfigFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        for (const char *name : {"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"})
            qunsetenv(name);
    }

    void readsNamesValuesAndComments()
    {
        QTemporaryDir dir;
        const QString path =
            write(dir, u"server.conf"_s,
                  "# the server\n\nlisten = 0.0.0.0:8080\n  ; old style comment\n"
                  "public-url=https://a.example.org\npublic-url = \"  spaced \"\nverbose = yes\n");
        QList<ConfigFile::Entry> entries;
        QString error;
        QVERIFY2(ConfigFile::read(path, &entries, &error), qPrintable(error));
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[0].name, u"listen"_s);
        QCOMPARE(entries[0].value, u"0.0.0.0:8080"_s);
        QCOMPARE(entries[0].line, 3);
        QCOMPARE(entries[2].value, u"  spaced "_s);

        QStringList arguments;
        QVERIFY2(ConfigFile::toArguments(path, entries, serverOptions, {u"config"_s}, &arguments, &error),
                 qPrintable(error));
        QCOMPARE(arguments, QStringList({u"--listen=0.0.0.0:8080"_s, u"--public-url=https://a.example.org"_s,
                                         u"--public-url=  spaced "_s, u"--verbose"_s}));
    }

    void sayWhichLineIsWrong_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no equals sign") << QByteArray("listen 1.2.3.4:80\n") << u"line 1: expected"_s;
        QTest::newRow("unknown setting")
            << QByteArray("# x\nlisten = a:1\nlisen = b:2\n") << u"line 3: unknown setting \"lisen\""_s;
        QTest::newRow("refused setting")
            << QByteArray("config = other.conf\n") << u"line 1: unknown setting \"config\""_s;
        QTest::newRow("short option") << QByteArray("h = true\n") << u"line 1: unknown setting \"h\""_s;
        QTest::newRow("no value") << QByteArray("listen =\n") << u"line 1: \"listen\" needs a value"_s;
        QTest::newRow("switch with a word")
            << QByteArray("verbose = maybe\n") << u"line 1: \"verbose\" is on or off"_s;
    }
    void sayWhichLineIsWrong()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = write(dir, u"bad.conf"_s, text);
        QList<ConfigFile::Entry> entries;
        QStringList arguments;
        QString error;
        const bool ok =
            ConfigFile::read(path, &entries, &error) &&
            ConfigFile::toArguments(path, entries, serverOptions, {u"config"_s}, &arguments, &error);
        QVERIFY(!ok);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }

    void aMissingFileIsAnError()
    {
        QList<ConfigFile::Entry> entries;
        QString error;
        QVERIFY(!ConfigFile::read(u"/nonexistent/checkin.conf"_s, &entries, &error));
        QVERIFY2(error.contains(u"/nonexistent/checkin.conf"_s), qPrintable(error));
    }

    void switchesOffAreLeftOut()
    {
        QStringList arguments;
        QString error;
        QVERIFY(ConfigFile::toArguments(u"f"_s, {{u"verbose"_s, u"off"_s, 1}}, serverOptions, {}, &arguments,
                                        &error));
        QVERIFY(arguments.isEmpty());
    }

    void findsTheConfigOption()
    {
        QCOMPARE(ConfigFile::optionValue({u"prog"_s, u"--config"_s, u"a.conf"_s}, u"config"_s), u"a.conf"_s);
        QCOMPARE(
            ConfigFile::optionValue({u"prog"_s, u"--config=b.conf"_s, u"--listen"_s, u"x"_s}, u"config"_s),
            u"b.conf"_s);
        QCOMPARE(ConfigFile::optionValue({u"prog"_s, u"--config=a"_s, u"--config=b"_s}, u"config"_s), u"b"_s);
        QCOMPARE(ConfigFile::optionValue({u"prog"_s, u"--"_s, u"--config=a"_s}, u"config"_s), QString());
        QCOMPARE(ConfigFile::optionValue({u"prog"_s, u"--config"_s}, u"config"_s), QString());
    }

    void kioskConfigSetsWhatItCanAndWarnsOfTheRest()
    {
        QTemporaryDir dir;
        const QString path = write(dir, u"kiosk.conf"_s,
                                   "servers = https://a.example.org, https://b.example.org\n"
                                   "name = Door 1\nlanguage = de\nmode = self-service\ntext-size = larger\n"
                                   "colour = blue\nmode = sometimes\nservers = ftp://x\n"
                                   "scanner-key-gap = 40\nscanner-quiet = 0\nscanner-tab-ends = false\n"
                                   "scanner-quiet = soon\n");
        ui::KioskServices::Options options;
        QStringList warnings;
        QVERIFY(ui::KioskConfig::apply(path, &options, &warnings));
        QCOMPARE(options.presetServers, u"https://a.example.org, https://b.example.org"_s);
        QCOMPARE(options.presetName, u"Door 1"_s);
        QCOMPARE(options.preferences.language, u"de"_s);
        QCOMPARE(options.preferences.mode, ui::KioskPreferences::Mode::SelfService);
        QCOMPARE(options.preferences.textSize, ui::KioskPreferences::TextSize::Larger);
        QCOMPARE(options.scanner.maxGapMs, 40);
        QCOMPARE(options.scanner.quietMs, 0);
        QVERIFY(!options.scanner.tabEnds);
        QCOMPARE(warnings.size(), 4);
        QVERIFY2(warnings[3].contains(u"line 12: scanner-quiet"_s), qPrintable(warnings[3]));
        QVERIFY2(warnings[0].contains(u"line 6: unknown setting \"colour\""_s), qPrintable(warnings[0]));
        QVERIFY2(warnings[1].contains(u"line 7: mode"_s), qPrintable(warnings[1]));
        QVERIFY2(warnings[2].contains(u"line 8: servers"_s), qPrintable(warnings[2]));

        // The other doors: addresses to dial (a bad one is named), the port, discovery, or off.
        const QString peers = write(dir, u"peers.conf"_s,
                                    "peers = 192.168.1.21:45872, door3.local:45880, nowhere\n"
                                    "peer-port = 45999\npeer-discovery = false\npeer-port = many\n");
        ui::KioskServices::Options doors;
        warnings.clear();
        QVERIFY(ui::KioskConfig::apply(peers, &doors, &warnings));
        QCOMPARE(doors.peerAddresses, QStringList({u"192.168.1.21:45872"_s, u"door3.local:45880"_s}));
        QCOMPARE(doors.peerPort, 45999);
        QVERIFY(!doors.peerDiscovery);
        QVERIFY(doors.peersEnabled);
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings[0].contains(u"line 1: peers"_s) && warnings[0].contains(u"nowhere"_s),
                 qPrintable(warnings[0]));
        QVERIFY2(warnings[1].contains(u"line 4: peer-port"_s), qPrintable(warnings[1]));
        const QString off = write(dir, u"off.conf"_s, "peers = off\n");
        QVERIFY(ui::KioskConfig::apply(off, &doors, &warnings));
        QVERIFY(!doors.peersEnabled);

        warnings.clear();
        QVERIFY(!ui::KioskConfig::apply(dir.filePath(u"missing.conf"_s), &options, &warnings));
        QCOMPARE(warnings.size(), 1);
    }

    void notifiesSystemd()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notify"_s);
        NotifySocket socket(path);
        QVERIFY(!SystemdNotify::notify("READY=1")); // no socket named: nothing sent
        qputenv("NOTIFY_SOCKET", QFile::encodeName(path));
        QVERIFY(SystemdNotify::notify("READY=1\nSTATUS=up"));
        QCOMPARE(socket.received(), QList<QByteArray>({"READY=1\nSTATUS=up"}));
    }

    void watchdogPingsFromTheEventLoop()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notify"_s);
        NotifySocket socket(path);
        qputenv("NOTIFY_SOCKET", QFile::encodeName(path));
        QCOMPARE(SystemdNotify::watchdogPingMs(), 0); // no watchdog asked for
        qputenv("WATCHDOG_USEC", "200000");
        qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid()) + 1));
        QCOMPARE(SystemdNotify::watchdogPingMs(), 0); // another process's watchdog
        qputenv("WATCHDOG_PID", QByteArray::number(qint64(::getpid())));
        QCOMPARE(SystemdNotify::watchdogPingMs(), 100);
        QObject context;
        SystemdNotify::startWatchdog(&context);
        QVERIFY(QTest::qWaitFor([&] { return socket.received().count("WATCHDOG=1") >= 3; }, 5000));
        // A blocked event loop sends nothing: systemd would restart the service.
        const qsizetype before = socket.received().size();
        QThread::msleep(350);
        QCOMPARE(socket.received().size(), before);
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
