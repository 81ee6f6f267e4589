// AdminPin: the admin PIN kept as a salted PBKDF2 hash, the lock after 5 wrong tries, a new PIN.
#include "AdminPin.h"
#include "WallClock.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace checkin;
using checkin::ui::AdminPin;

class TestAdminPin : public QObject
{
    Q_OBJECT

    static QJsonObject stored(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private Q_SLOTS:
    void noPinAtFirst()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(!pin.hasPin());
        QVERIFY(!pin.verify(QStringLiteral("1234")));
        QVERIFY(!QFile::exists(pin.filePath()));
    }

    void storesHashNotPlaintext()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QSignalSpy changed(&pin, &AdminPin::pinChanged);
        QVERIFY(pin.setPin(QString(), QStringLiteral("482916")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(pin.hasPin());

        QFile file(pin.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains("482916"));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther |
                                       QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        QCOMPARE(o.value(QStringLiteral("kdf")).toString(), QStringLiteral("pbkdf2-sha256"));
        QVERIFY(o.value(QStringLiteral("iterations")).toInt() >= 100'000);
        QCOMPARE(QByteArray::fromHex(o.value(QStringLiteral("hash")).toString().toLatin1()).size(), 32);
        QVERIFY(QByteArray::fromHex(o.value(QStringLiteral("salt")).toString().toLatin1()).size() >= 16);

        // The same PIN on another kiosk gets another salt, so another hash.
        QTemporaryDir other;
        AdminPin second(other.path(), &clock);
        QVERIFY(second.setPin(QString(), QStringLiteral("482916")));
        QVERIFY(stored(second.filePath()).value(QStringLiteral("hash")) != o.value(QStringLiteral("hash")));
    }

    void verifies()
    {
        QTemporaryDir dir;
        ManualClock clock;
        {
            AdminPin pin(dir.path(), &clock);
            QVERIFY(pin.setPin(QString(), QStringLiteral("2468")));
            QVERIFY(pin.verify(QStringLiteral("2468")));
            QVERIFY(!pin.verify(QStringLiteral("2469")));
            QVERIFY(!pin.verify(QString()));
            QVERIFY(!pin.message().isEmpty());
        }
        AdminPin reopened(dir.path(), &clock); // a restart keeps it
        QVERIFY(reopened.hasPin());
        QVERIFY(reopened.verify(QStringLiteral("2468")));
        QVERIFY(reopened.message().isEmpty());
    }

    void refusesMalformedPins()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(!pin.setPin(QString(), QStringLiteral("123")));
        QVERIFY(!pin.setPin(QString(), QStringLiteral("123456789")));
        QVERIFY(!pin.setPin(QString(), QStringLiteral("12a4")));
        QVERIFY(!pin.hasPin());
        QVERIFY(pin.message().contains(QStringLiteral("4 to 8 digits")));
    }

    void locksAfterFiveWrongTries()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(pin.setPin(QString(), QStringLiteral("1357")));
        QSignalSpy lock(&pin, &AdminPin::lockChanged);
        for (int i = 0; i < AdminPin::MaxTries - 1; ++i) {
            QVERIFY(!pin.verify(QStringLiteral("0000")));
            QVERIFY(!pin.locked());
        }
        QVERIFY(pin.message().contains(QStringLiteral("1 try left")));
        QVERIFY(!pin.verify(QStringLiteral("0000")));
        QVERIFY(pin.locked());
        QVERIFY(lock.count() > 0);
        QCOMPARE(pin.lockedSeconds(), 60);
        QVERIFY(pin.message().contains(QStringLiteral("60 s")));

        // While locked even the right PIN is refused.
        clock.advance(30'000);
        QVERIFY(!pin.verify(QStringLiteral("1357")));
        QCOMPARE(pin.lockedSeconds(), 30);

        // The lock survives a restart.
        {
            AdminPin restarted(dir.path(), &clock);
            QVERIFY(restarted.locked());
            QVERIFY(!restarted.verify(QStringLiteral("1357")));
        }

        clock.advance(30'000);
        QVERIFY(!pin.locked());
        QVERIFY(pin.verify(QStringLiteral("1357")));
        QVERIFY(pin.message().isEmpty());
    }

    void unlockGivesFiveTriesAgain()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(pin.setPin(QString(), QStringLiteral("1357")));
        for (int i = 0; i < AdminPin::MaxTries; ++i)
            QVERIFY(!pin.verify(QStringLiteral("9999")));
        QVERIFY(pin.locked());
        clock.advance(AdminPin::LockMs);
        QVERIFY(!pin.locked());
        for (int i = 0; i < AdminPin::MaxTries - 1; ++i)
            QVERIFY(!pin.verify(QStringLiteral("9999")));
        QVERIFY(!pin.locked());
    }

    void clockSetBackDoesNotStretchTheLock()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(pin.setPin(QString(), QStringLiteral("1357")));
        for (int i = 0; i < AdminPin::MaxTries; ++i)
            pin.verify(QStringLiteral("9999"));
        clock.advance(-3600'000);
        QVERIFY(!pin.verify(QStringLiteral("1357")));
        QCOMPARE(pin.lockedSeconds(), 60);
        clock.advance(AdminPin::LockMs);
        QVERIFY(pin.verify(QStringLiteral("1357")));
    }

    void changesPin()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(pin.setPin(QString(), QStringLiteral("1111")));
        QVERIFY(!pin.setPin(QStringLiteral("2222"), QStringLiteral("3333"))); // wrong old PIN
        QVERIFY(pin.verify(QStringLiteral("1111")));
        QVERIFY(pin.setPin(QStringLiteral("1111"), QStringLiteral("87654321")));
        QVERIFY(!pin.verify(QStringLiteral("1111")));
        QVERIFY(pin.verify(QStringLiteral("87654321")));
        AdminPin reopened(dir.path(), &clock);
        QVERIFY(reopened.verify(QStringLiteral("87654321")));
    }

    void unreadableFileMeansNoPin()
    {
        QTemporaryDir dir;
        ManualClock clock;
        QFile file(QDir(dir.path()).filePath(AdminPin::FileName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json");
        file.close();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unreadable")));
        AdminPin pin(dir.path(), &clock);
        QVERIFY(!pin.hasPin());
        QVERIFY(pin.setPin(QString(), QStringLiteral("4321")));
        QVERIFY(pin.verify(QStringLiteral("4321")));
    }
};

QTEST_GUILESS_MAIN(TestAdminPin)
#include "tst_adminpin.moc"
