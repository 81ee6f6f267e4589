// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// AdminPin: the admin PIN kept as a salted PBKDF2 hash, the lock after 5 wrong tries, a new PIN;
// checks and changes run off the caller's thread, one at a time.
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
#include <QTimer>

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

    enum Answer { Refused, Accepted, NoAnswer };

    // Checks `code` and waits for the answer.
    static Answer verify(AdminPin &pin, const QString &code)
    {
        QSignalSpy checked(&pin, &AdminPin::checked);
        pin.check(code);
        if (!pin.checking() || !checked.wait(20000) || checked.size() != 1 || pin.checking())
            return NoAnswer;
        return checked.constFirst().constFirst().toBool() ? Accepted : Refused;
    }
    // Sets `newPin` (the current one being `oldPin`) and waits for the answer.
    static Answer setPin(AdminPin &pin, const QString &oldPin, const QString &newPin)
    {
        QSignalSpy done(&pin, &AdminPin::changeDone);
        pin.change(oldPin, newPin);
        if (!pin.checking() || !done.wait(20000) || done.size() != 1 || pin.checking())
            return NoAnswer;
        return done.constFirst().constFirst().toBool() ? Accepted : Refused;
    }

private Q_SLOTS:
    void noPinAtFirst()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QVERIFY(!pin.hasPin());
        QCOMPARE(verify(pin, QStringLiteral("1234")), Refused);
        QVERIFY(!QFile::exists(pin.filePath()));
    }

    void storesHashNotPlaintext()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QSignalSpy changed(&pin, &AdminPin::pinChanged);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("482916")), Accepted);
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
        QCOMPARE(setPin(second, QString(), QStringLiteral("482916")), Accepted);
        QVERIFY(stored(second.filePath()).value(QStringLiteral("hash")) != o.value(QStringLiteral("hash")));
    }

    void verifies()
    {
        QTemporaryDir dir;
        ManualClock clock;
        {
            AdminPin pin(dir.path(), &clock);
            QCOMPARE(setPin(pin, QString(), QStringLiteral("2468")), Accepted);
            QCOMPARE(verify(pin, QStringLiteral("2468")), Accepted);
            QCOMPARE(verify(pin, QStringLiteral("2469")), Refused);
            QCOMPARE(verify(pin, QString()), Refused);
            QVERIFY(!pin.message().isEmpty());
        }
        AdminPin reopened(dir.path(), &clock); // a restart keeps it
        QVERIFY(reopened.hasPin());
        QCOMPARE(verify(reopened, QStringLiteral("2468")), Accepted);
        QVERIFY(reopened.message().isEmpty());
    }

    void refusesMalformedPins()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("123")), Refused);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("123456789")), Refused);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("12a4")), Refused);
        QVERIFY(!pin.hasPin());
        QVERIFY(pin.message().contains(QStringLiteral("4 to 8 digits")));
    }

    void locksAfterFiveWrongTries()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("1357")), Accepted);
        QSignalSpy lock(&pin, &AdminPin::lockChanged);
        for (int i = 0; i < AdminPin::MaxTries - 1; ++i) {
            QCOMPARE(verify(pin, QStringLiteral("0000")), Refused);
            QVERIFY(!pin.locked());
        }
        QVERIFY(pin.message().contains(QStringLiteral("1 try left")));
        QCOMPARE(verify(pin, QStringLiteral("0000")), Refused);
        QVERIFY(pin.locked());
        QVERIFY(lock.count() > 0);
        QCOMPARE(pin.lockedSeconds(), 60);
        QVERIFY(pin.message().contains(QStringLiteral("60 s")));

        // While locked even the right PIN is refused.
        clock.advance(30'000);
        QCOMPARE(verify(pin, QStringLiteral("1357")), Refused);
        QCOMPARE(pin.lockedSeconds(), 30);

        // The lock survives a restart.
        {
            AdminPin restarted(dir.path(), &clock);
            QVERIFY(restarted.locked());
            QCOMPARE(verify(restarted, QStringLiteral("1357")), Refused);
        }

        clock.advance(30'000);
        QVERIFY(!pin.locked());
        QCOMPARE(verify(pin, QStringLiteral("1357")), Accepted);
        QVERIFY(pin.message().isEmpty());
    }

    void unlockGivesFiveTriesAgain()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("1357")), Accepted);
        for (int i = 0; i < AdminPin::MaxTries; ++i)
            QCOMPARE(verify(pin, QStringLiteral("9999")), Refused);
        QVERIFY(pin.locked());
        clock.advance(AdminPin::LockMs);
        QVERIFY(!pin.locked());
        for (int i = 0; i < AdminPin::MaxTries - 1; ++i)
            QCOMPARE(verify(pin, QStringLiteral("9999")), Refused);
        QVERIFY(!pin.locked());
    }

    void clockSetBackDoesNotStretchTheLock()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("1357")), Accepted);
        for (int i = 0; i < AdminPin::MaxTries; ++i)
            QCOMPARE(verify(pin, QStringLiteral("9999")), Refused);
        clock.advance(-3600'000);
        QCOMPARE(verify(pin, QStringLiteral("1357")), Refused);
        QCOMPARE(pin.lockedSeconds(), 60);
        clock.advance(AdminPin::LockMs);
        QCOMPARE(verify(pin, QStringLiteral("1357")), Accepted);
    }

    void changesPin()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("1111")), Accepted);
        QCOMPARE(setPin(pin, QStringLiteral("2222"), QStringLiteral("3333")), Refused); // wrong old PIN
        QCOMPARE(verify(pin, QStringLiteral("1111")), Accepted);
        QCOMPARE(setPin(pin, QStringLiteral("1111"), QStringLiteral("87654321")), Accepted);
        QCOMPARE(verify(pin, QStringLiteral("1111")), Refused);
        QCOMPARE(verify(pin, QStringLiteral("87654321")), Accepted);
        AdminPin reopened(dir.path(), &clock);
        QCOMPARE(verify(reopened, QStringLiteral("87654321")), Accepted);
    }

    void answersLaterFromAnotherThread()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("2468")), Accepted);
        QSignalSpy checking(&pin, &AdminPin::checkingChanged);
        QStringList order;
        connect(&pin, &AdminPin::checked, this, [&order] { order << QStringLiteral("checked"); });
        pin.check(QStringLiteral("2468"));
        QVERIFY(pin.checking());
        QCOMPARE(checking.size(), 1);
        // The hashing (~0.1 s) runs elsewhere: this thread's event loop goes on meanwhile.
        QTimer::singleShot(0, this, [&order] { order << QStringLiteral("event loop"); });
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 20000);
        QCOMPARE(order, QStringList({QStringLiteral("event loop"), QStringLiteral("checked")}));
        QVERIFY(!pin.checking());
        QCOMPARE(checking.size(), 2);

        // Even a refusal that needs no hashing answers later, never inside check().
        QTemporaryDir empty;
        AdminPin none(empty.path(), &clock);
        QSignalSpy checked(&none, &AdminPin::checked);
        none.check(QStringLiteral("1234"));
        QCOMPARE(checked.size(), 0);
        QVERIFY(checked.wait());
        QVERIFY(!checked.constFirst().constFirst().toBool());
        QCOMPARE(none.message(), QStringLiteral("No admin PIN is set yet."));
    }

    void oneCheckAtATime()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("1357")), Accepted);
        QSignalSpy checked(&pin, &AdminPin::checked);
        QSignalSpy changed(&pin, &AdminPin::changeDone);
        pin.check(QStringLiteral("0000"));
        for (int i = 0; i < 9; ++i)
            pin.check(QStringLiteral("0000")); // ignored: the first is still being checked
        pin.check(QStringLiteral("1357"));
        pin.change(QStringLiteral("1357"), QStringLiteral("2468"));
        QVERIFY(checked.wait());
        QTest::qWait(300); // nothing else comes
        QCOMPARE(checked.size(), 1);
        QCOMPARE(changed.size(), 0);
        QVERIFY(!checked.constFirst().constFirst().toBool());
        QCOMPARE(pin.message(), QStringLiteral("Wrong PIN. 4 tries left."));
        QCOMPARE(stored(pin.filePath()).value(QStringLiteral("failures")).toInt(), 1);
        QCOMPARE(verify(pin, QStringLiteral("1357")), Accepted);
    }

    void lockIsExactWhenPinsComeFast()
    {
        QTemporaryDir dir;
        ManualClock clock;
        AdminPin pin(dir.path(), &clock);
        QCOMPARE(setPin(pin, QString(), QStringLiteral("1357")), Accepted);
        // A pad that submits a wrong PIN whenever it takes one, as fast as it can, 8 times.
        QSignalSpy checked(&pin, &AdminPin::checked);
        int attempts = 0;
        while (checked.size() < 8 && attempts < 100'000) {
            if (!pin.checking())
                pin.check(QStringLiteral("0000"));
            ++attempts;
            QTest::qWait(1);
        }
        QCOMPARE(checked.size(), 8);
        for (const QList<QVariant> &answer : std::as_const(checked))
            QVERIFY(!answer.constFirst().toBool());
        // Locked after exactly the fifth; the three after it were refused unchecked and uncounted.
        QVERIFY(pin.locked());
        QCOMPARE(pin.lockedSeconds(), 60);
        const QJsonObject file = stored(pin.filePath());
        QCOMPARE(file.value(QStringLiteral("failures")).toInt(), 0);
        QCOMPARE(file.value(QStringLiteral("lockedUntilMs")).toInteger(), clock.nowMs() + AdminPin::LockMs);
        QCOMPARE(verify(pin, QStringLiteral("1357")), Refused);
        clock.advance(AdminPin::LockMs);
        QCOMPARE(verify(pin, QStringLiteral("1357")), Accepted);
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
        QCOMPARE(setPin(pin, QString(), QStringLiteral("4321")), Accepted);
        QCOMPARE(verify(pin, QStringLiteral("4321")), Accepted);
    }
};

QTEST_GUILESS_MAIN(TestAdminPin)
#include "tst_adminpin.moc"
