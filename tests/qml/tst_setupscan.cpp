// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Enrolling a new kiosk by scanning the event lead's QR code, on the real Main.qml (offscreen)
// against a real checkin-server: the barcode scanner types the payload into the focused setup field
// as a keyboard would and ends it with Enter (the keyboard-wedge path); the kiosk enrols, preloads
// and shows home. A malformed payload and a used code get their sentence on the setup screen. The
// screens are saved as PNGs in build/tests/screenshots/setup-scan to look at.
#include "AdminClient.h"
#include "FaultProxy.h"
#include "KioskServices.h"
#include "KioskWindow.h"
#include "LocalStore.h"
#include "ServerProcess.h"
#include "SetupController.h"
#include "SyncEngine.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(KioskPlugin)

using namespace checkin;
using namespace checkin::test;
using namespace Qt::StringLiterals;

namespace {
const QString kToken = u"setup-scan-admin-token"_s;
const QString kEvent = u"ev-scan"_s;
} // namespace

class TestSetupScan : public QObject
{
    Q_OBJECT

    QTemporaryDir m_serverDir;
    ServerProcess m_server;
    AdminClient m_admin{{}, kToken};
    // Between the kiosk and the server, to hold an enrolment for a moment: long enough to see it.
    FaultProxy m_proxy;
    AdminClient m_adminViaProxy{{}, kToken};
    QDir m_shots{QStringLiteral(SCREENSHOT_DIR)};

    QString payload()
    {
        return m_admin.call("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(kEvent))
            .value("payload"_L1)
            .toString();
    }

    // The scanner: the text as quick key presses into whatever has the focus, then Enter.
    static void scan(KioskWindow &w, const QString &field, const QString &text)
    {
        QQuickItem *input = w.item(field)->property("input").value<QQuickItem *>();
        input->forceActiveFocus();
        w.settle();
        for (const QChar c : text)
            QTest::keyClick(w.window(), c.toLatin1());
        QTest::keyClick(w.window(), Qt::Key_Return);
    }

    void shoot(KioskWindow &w, const QString &name)
    {
        w.settle(100);
        QVERIFY(m_shots.mkpath(u"."_s));
        QVERIFY(w.window()->grabWindow().save(m_shots.filePath(name + u".png"_s)));
    }

    static QString messageOnScreen(KioskWindow &w) { return w.services().setup().error(); }

private Q_SLOTS:
    void initTestCase()
    {
        ServerProcess::Options options;
        options.adminToken = kToken;
        options.logDir = m_serverDir.path();
        const QString error = m_server.start(QStringLiteral(CHECKIN_SERVER_PATH),
                                             {u"--data-dir"_s, m_serverDir.path()}, options);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_admin.setBase(m_server.url());
        QVERIFY(m_proxy.listen(m_server.port()));
        m_proxy.setPathFilter(u"/api/v1/devices"_s);
        m_adminViaProxy.setBase(m_proxy.url());
        int status = 0;
        m_admin.call("POST", u"/api/v1/events"_s, {{"id"_L1, kEvent}, {"name"_L1, u"Gemeindefest"_s}},
                     &status);
        QCOMPARE(status, 201);
        QJsonArray list;
        for (int i = 0; i < 30; ++i)
            list.append(QJsonObject{{"id"_L1, u"a-%1"_s.arg(i)},
                                    {"ticket_code"_L1, u"SCAN-%1"_s.arg(i)},
                                    {"first_name"_L1, u"Person"_s},
                                    {"last_name"_L1, u"Number %1"_s.arg(i)},
                                    {"status"_L1, u"valid"_s}});
        m_admin.call("POST", u"/api/v1/events/%1/attendees"_s.arg(kEvent), {{"attendees"_L1, list}}, &status);
        QCOMPARE(status, 200);
    }

    void scanningTheQrCodeEnrolsAndPreloads_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("language");
        QTest::newRow("into the server field, en") << u"serverField"_s << u"en"_s;
        QTest::newRow("into the code field, de") << u"codeField"_s << u"de"_s;
    }
    void scanningTheQrCodeEnrolsAndPreloads()
    {
        QFETCH(QString, field);
        QFETCH(QString, language);
        KioskWindow w(0);
        const QString started = w.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        w.services().preferences().setKeyboard(
            ui::KioskPreferences::Keyboard::Off); // a scanner is plugged in
        w.setLanguage(language);
        w.resize({1280, 800});
        QSignalSpy finished(&w.services().setup(), &ui::SetupController::finished);
        // The payload names the proxy (the console was "opened" there), which holds the enrolment
        // for a moment so the screen can be seen receiving it.
        const QString viaProxy =
            m_adminViaProxy.call("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(kEvent))
                .value("payload"_L1)
                .toString();
        QVERIFY2(viaProxy.contains(QString::number(m_proxy.port())), qPrintable(viaProxy));
        m_proxy.failNext(FaultProxy::Fault::Delay, 1, 1500);
        scan(w, field, viaProxy);
        // The field that took the payload is empty again: the code is not left on the screen.
        QCOMPARE(w.item(field)->property("text").toString(), QString());
        QVERIFY(QTest::qWaitFor(
            [&] { return w.services().setup().phase() == ui::SetupController::Phase::Enrolling; }, 5000));
        shoot(w, u"scanned-%1-%2"_s.arg(field, language));
        QVERIFY(finished.count() == 1 || finished.wait(30000));
        QVERIFY2(messageOnScreen(w).isEmpty(), qPrintable(messageOnScreen(w)));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return w.item(u"homeScreen"_s) && w.item(u"homeScreen"_s)->isVisible() &&
                       !w.item(u"setupScreen"_s)->isVisible();
            },
            10000));
        const StoreStats stats = await(w.services().store().stats());
        QCOMPARE(stats.event.id, kEvent);
        QCOMPARE(stats.attendees, 30);
        shoot(w, u"ready-%1"_s.arg(language));
    }

    void aBadOrUsedCodeSaysWhy_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << u"en"_s;
        QTest::newRow("de") << u"de"_s;
    }
    void aBadOrUsedCodeSaysWhy()
    {
        QFETCH(QString, language);
        KioskWindow w(0);
        const QString started = w.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        w.services().preferences().setKeyboard(ui::KioskPreferences::Keyboard::Off);
        w.setLanguage(language);
        w.resize({1024, 600});

        // Cut short (a scanner that lost the end): no code in it.
        scan(w, u"serverField"_s, u"checkin:enrol?v=1&event=ev-scan&server=http%3A%2F%2F127.0.0.1%3A9"_s);
        QVERIFY(QTest::qWaitFor([&] { return !messageOnScreen(w).isEmpty(); }, 5000));
        QVERIFY(!w.services().setup().busy());
        QVERIFY(w.item(u"setupScreen"_s)->isVisible());
        shoot(w, u"malformed-%1"_s.arg(language));

        // A code another kiosk has used: the server's answer, and the form stays for another try.
        const QJsonObject code = m_admin.call("POST", u"/api/v1/events/%1/enrolment-codes"_s.arg(kEvent));
        const QString used = code.value("payload"_L1).toString();
        int status = 0;
        m_admin.call("POST", u"/api/v1/devices"_s,
                     {{"code"_L1, code.value("code"_L1).toString()}, {"name"_L1, u"Other door"_s}}, &status);
        QCOMPARE(status, 201);
        const QString before = messageOnScreen(w);
        scan(w, u"codeField"_s, used);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !w.services().setup().busy() && messageOnScreen(w) != before &&
                       !messageOnScreen(w).isEmpty();
            },
            20000));
        QVERIFY(w.item(u"setupScreen"_s)->isVisible());
        QVERIFY(!w.services().syncEngine().settings().enrolled());
        shoot(w, u"used-code-%1"_s.arg(language));
        qInfo("%s: %s", qPrintable(language), qPrintable(messageOnScreen(w)));
    }
};

QTEST_MAIN(TestSetupScan)
#include "tst_setupscan.moc"
