// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskPreferences.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using checkin::ui::KioskPreferences;

class TestKioskPreferences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsToVolunteerInTheSystemLanguage()
    {
        QTemporaryDir dir;
        KioskPreferences preferences(dir.path());
        QCOMPARE(preferences.mode(), KioskPreferences::Mode::Volunteer);
        QVERIFY(!preferences.selfService());
        QVERIFY(preferences.language().isEmpty());
        QVERIFY(!QFile::exists(dir.filePath(KioskPreferences::FileName)));
    }

    void keepsModeAndLanguageAcrossStarts()
    {
        QTemporaryDir dir;
        {
            KioskPreferences preferences(dir.path());
            QSignalSpy mode(&preferences, &KioskPreferences::modeChanged);
            QSignalSpy language(&preferences, &KioskPreferences::languageChanged);
            preferences.setMode(KioskPreferences::Mode::SelfService);
            preferences.setMode(KioskPreferences::Mode::SelfService);
            preferences.setLanguage(QStringLiteral("de"));
            QVERIFY(preferences.sound());
            preferences.setSound(false);
            QCOMPARE(preferences.textSize(), KioskPreferences::TextSize::Normal);
            preferences.setTextSize(KioskPreferences::TextSize::Larger);
            QCOMPARE(preferences.textSize(), KioskPreferences::TextSize::Larger);
            QCOMPARE(mode.count(), 1);
            QCOMPARE(language.count(), 1);
            QVERIFY(preferences.selfService());
            QVERIFY(preferences.error().isEmpty());
        }
        KioskPreferences again(dir.path());
        QCOMPARE(again.mode(), KioskPreferences::Mode::SelfService);
        QCOMPARE(again.language(), QStringLiteral("de"));
        QVERIFY(!again.sound());
        QCOMPARE(again.textSize(), KioskPreferences::TextSize::Larger);
    }

    // /etc/checkin-kiosk/kiosk.conf gives defaults: they hold until the admin area chooses otherwise
    // on the device, and a later config reaches every setting nobody chose here.
    void configDefaultsHoldUntilChosenHere()
    {
        QTemporaryDir dir;
        KioskPreferences::Defaults defaults;
        defaults.mode = KioskPreferences::Mode::SelfService;
        defaults.language = QStringLiteral("de");
        defaults.textSize = KioskPreferences::TextSize::Large;
        {
            KioskPreferences preferences(dir.path(), defaults);
            QCOMPARE(preferences.mode(), KioskPreferences::Mode::SelfService);
            QCOMPARE(preferences.language(), QStringLiteral("de"));
            QCOMPARE(preferences.textSize(), KioskPreferences::TextSize::Large);
            preferences.setLanguage(QString()); // the system's, chosen here
            preferences.setSound(false);
            preferences.flush();
        }
        KioskPreferences::Defaults next;
        next.language = QStringLiteral("en");
        next.textSize = KioskPreferences::TextSize::Larger;
        KioskPreferences again(dir.path(), next);
        QCOMPARE(again.language(), QString());                          // chosen here
        QVERIFY(!again.sound());                                        // chosen here
        QCOMPARE(again.mode(), KioskPreferences::Mode::Volunteer);      // the new config's
        QCOMPARE(again.textSize(), KioskPreferences::TextSize::Larger); // the new config's
        // Choosing what the config says lets the setting follow the config again.
        again.setTextSize(KioskPreferences::TextSize::Normal);
        again.setTextSize(KioskPreferences::TextSize::Larger);
        again.flush();
        QFile file(dir.filePath(KioskPreferences::FileName));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("textSize"));
    }

    void namesOfModesAndTextSizes()
    {
        KioskPreferences::Mode mode = KioskPreferences::Mode::Volunteer;
        QVERIFY(KioskPreferences::modeFromName(QStringLiteral("self-service"), &mode));
        QCOMPARE(mode, KioskPreferences::Mode::SelfService);
        QVERIFY(!KioskPreferences::modeFromName(QStringLiteral("Self-Service"), &mode));
        QCOMPARE(mode, KioskPreferences::Mode::SelfService);
        KioskPreferences::TextSize size = KioskPreferences::TextSize::Normal;
        QVERIFY(KioskPreferences::textSizeFromName(QStringLiteral("larger"), &size));
        QCOMPARE(size, KioskPreferences::TextSize::Larger);
        QVERIFY(!KioskPreferences::textSizeFromName(QStringLiteral("huge"), &size));
    }

    void refusesAnUnknownMode()
    {
        QTemporaryDir dir;
        KioskPreferences preferences(dir.path());
        QSignalSpy mode(&preferences, &KioskPreferences::modeChanged);
        // What QML could hand over: a number that is none of the choices.
        preferences.setTextSize(KioskPreferences::TextSize(7));
        QCOMPARE(preferences.textSize(), KioskPreferences::TextSize::Normal);
        QVERIFY(preferences.error().contains(QStringLiteral("text size")));
        preferences.setMode(KioskPreferences::Mode(-1));
        QCOMPARE(mode.count(), 0);
        QCOMPARE(preferences.mode(), KioskPreferences::Mode::Volunteer);
        QVERIFY(preferences.error().contains(QStringLiteral("mode")));
        preferences.setKeyboard(KioskPreferences::Keyboard(3));
        QCOMPARE(preferences.keyboard(), KioskPreferences::Keyboard::Auto);
        QVERIFY(preferences.error().contains(QStringLiteral("keyboard")));
    }

    void selfServiceTakesAPin()
    {
        QTemporaryDir dir;
        KioskPreferences preferences(dir.path());
        preferences.setSelfServiceAllowed(false);
        preferences.setMode(KioskPreferences::Mode::SelfService);
        QVERIFY(!preferences.selfService());
        QVERIFY(preferences.error().contains(QStringLiteral("PIN")));
        preferences.setSelfServiceAllowed(true);
        preferences.setMode(KioskPreferences::Mode::SelfService);
        QVERIFY(preferences.selfService());
    }

    void aDamagedFileGivesTheDefaults()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(KioskPreferences::FileName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"mode\": \"self-serv");
        file.close();
        KioskPreferences preferences(dir.path());
        QCOMPARE(preferences.mode(), KioskPreferences::Mode::Volunteer);
        preferences.setMode(KioskPreferences::Mode::SelfService); // and a change writes a good file again
        preferences.flush();
        KioskPreferences again(dir.path());
        QCOMPARE(again.mode(), KioskPreferences::Mode::SelfService);
    }

    void saysWhenItCannotSave()
    {
        QTemporaryDir dir;
        const QString gone = dir.filePath(QStringLiteral("missing/dir"));
        KioskPreferences preferences(gone);
        preferences.setMode(KioskPreferences::Mode::SelfService);
        QVERIFY(preferences.selfService());          // holds for this run
        QTRY_VERIFY(!preferences.error().isEmpty()); // the file thread's answer
    }
};

QTEST_GUILESS_MAIN(TestKioskPreferences)
#include "tst_kioskpreferences.moc"
