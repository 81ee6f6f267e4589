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
        QCOMPARE(preferences.mode(), KioskPreferences::Volunteer);
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
            preferences.setMode(KioskPreferences::SelfService);
            preferences.setMode(KioskPreferences::SelfService);
            preferences.setLanguage(QStringLiteral("de"));
            QVERIFY(preferences.sound());
            preferences.setSound(false);
            QCOMPARE(mode.count(), 1);
            QCOMPARE(language.count(), 1);
            QVERIFY(preferences.selfService());
            QVERIFY(preferences.error().isEmpty());
        }
        KioskPreferences again(dir.path());
        QCOMPARE(again.mode(), KioskPreferences::SelfService);
        QCOMPARE(again.language(), QStringLiteral("de"));
        QVERIFY(!again.sound());
    }

    void refusesAnUnknownMode()
    {
        QTemporaryDir dir;
        KioskPreferences preferences(dir.path());
        QSignalSpy mode(&preferences, &KioskPreferences::modeChanged);
        preferences.setMode(QStringLiteral("party"));
        QCOMPARE(mode.count(), 0);
        QCOMPARE(preferences.mode(), KioskPreferences::Volunteer);
        QVERIFY(preferences.error().contains(QStringLiteral("party")));
    }

    void aDamagedFileGivesTheDefaults()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(KioskPreferences::FileName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"mode\": \"self-serv");
        file.close();
        KioskPreferences preferences(dir.path());
        QCOMPARE(preferences.mode(), KioskPreferences::Volunteer);
        preferences.setMode(KioskPreferences::SelfService); // and a change writes a good file again
        KioskPreferences again(dir.path());
        QCOMPARE(again.mode(), KioskPreferences::SelfService);
    }

    void saysWhenItCannotSave()
    {
        QTemporaryDir dir;
        const QString gone = dir.filePath(QStringLiteral("missing/dir"));
        KioskPreferences preferences(gone);
        preferences.setMode(KioskPreferences::SelfService);
        QVERIFY(preferences.selfService()); // holds for this run
        QVERIFY(!preferences.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKioskPreferences)
#include "tst_kioskpreferences.moc"
