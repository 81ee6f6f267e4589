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
            QCOMPARE(preferences.textSize(), QStringLiteral("normal"));
            preferences.setTextSize(QStringLiteral("larger"));
            QCOMPARE(preferences.textSize(), QStringLiteral("larger"));
            QCOMPARE(mode.count(), 1);
            QCOMPARE(language.count(), 1);
            QVERIFY(preferences.selfService());
            QVERIFY(preferences.error().isEmpty());
        }
        KioskPreferences again(dir.path());
        QCOMPARE(again.mode(), KioskPreferences::SelfService);
        QCOMPARE(again.language(), QStringLiteral("de"));
        QVERIFY(!again.sound());
        QCOMPARE(again.textSize(), QStringLiteral("larger"));
    }

    void refusesAnUnknownMode()
    {
        QTemporaryDir dir;
        KioskPreferences preferences(dir.path());
        QSignalSpy mode(&preferences, &KioskPreferences::modeChanged);
        preferences.setTextSize(QStringLiteral("huge"));
        QCOMPARE(preferences.textSize(), QStringLiteral("normal"));
        QVERIFY(preferences.error().contains(QStringLiteral("huge")));
        preferences.setMode(QStringLiteral("party"));
        QCOMPARE(mode.count(), 0);
        QCOMPARE(preferences.mode(), KioskPreferences::Volunteer);
        QVERIFY(preferences.error().contains(QStringLiteral("party")));
    }

    void selfServiceTakesAPin()
    {
        QTemporaryDir dir;
        KioskPreferences preferences(dir.path());
        preferences.setSelfServiceAllowed(false);
        preferences.setMode(KioskPreferences::SelfService);
        QVERIFY(!preferences.selfService());
        QVERIFY(preferences.error().contains(QStringLiteral("PIN")));
        preferences.setSelfServiceAllowed(true);
        preferences.setMode(KioskPreferences::SelfService);
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
        QCOMPARE(preferences.mode(), KioskPreferences::Volunteer);
        preferences.setMode(KioskPreferences::SelfService); // and a change writes a good file again
        preferences.flush();
        KioskPreferences again(dir.path());
        QCOMPARE(again.mode(), KioskPreferences::SelfService);
    }

    void saysWhenItCannotSave()
    {
        QTemporaryDir dir;
        const QString gone = dir.filePath(QStringLiteral("missing/dir"));
        KioskPreferences preferences(gone);
        preferences.setMode(KioskPreferences::SelfService);
        QVERIFY(preferences.selfService());          // holds for this run
        QTRY_VERIFY(!preferences.error().isEmpty()); // the file thread's answer
    }
};

QTEST_GUILESS_MAIN(TestKioskPreferences)
#include "tst_kioskpreferences.moc"
