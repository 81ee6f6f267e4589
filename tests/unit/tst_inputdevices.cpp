// InputDevices: a keyboard in the kernel's device list, told apart from power buttons and mice.
#include "InputDevices.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using checkin::ui::InputDevices;

namespace {

const QByteArray PowerButton = "I: Bus=0019 Vendor=0000 Product=0001 Version=0000\n"
                               "N: Name=\"Power Button\"\n"
                               "H: Handlers=kbd event0 \n"
                               "B: PROP=0\n"
                               "B: EV=3\n"
                               "B: KEY=10000000000000 0\n\n";
const QByteArray Mouse = "I: Bus=0003 Vendor=046d Product=c077 Version=0111\n"
                         "N: Name=\"Logitech USB Optical Mouse\"\n"
                         "H: Handlers=mouse0 event2 \n"
                         "B: EV=17\n"
                         "B: KEY=70000 0 0 0 0\n\n";
const QByteArray Keyboard = "I: Bus=0011 Vendor=0001 Product=0001 Version=ab41\n"
                            "N: Name=\"AT Translated Set 2 keyboard\"\n"
                            "H: Handlers=sysrq kbd leds event1 \n"
                            "B: EV=120013\n"
                            "B: KEY=402000000 3803078f800d001 feffffdfffefffff fffffffffffffffe\n"
                            "B: MSC=10\n"
                            "B: LED=7\n\n";

} // namespace

class TestInputDevices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsAKeyboard()
    {
        QVERIFY(InputDevices::listsKeyboard(PowerButton + Keyboard + Mouse));
        QVERIFY(InputDevices::listsKeyboard(PowerButton + Mouse + Keyboard.trimmed())); // last, no blank line
    }

    void powerButtonsAndMiceAreNoKeyboards()
    {
        QVERIFY(!InputDevices::listsKeyboard(PowerButton + Mouse));
        QVERIFY(!InputDevices::listsKeyboard(QByteArray()));
        QVERIFY(!InputDevices::listsKeyboard("garbage\nH: Handlers=kbd\nB: EV=zz\n"));
    }

    void followsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("devices"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(PowerButton);
        file.close();
        InputDevices devices(path);
        QVERIFY(!devices.hardwareKeyboard());
        QSignalSpy changed(&devices, &InputDevices::hardwareKeyboardChanged);
        QVERIFY(file.open(QIODevice::Append));
        file.write(Keyboard);
        file.close();
        devices.check();
        QVERIFY(devices.hardwareKeyboard());
        QCOMPARE(changed.size(), 1);
        QVERIFY(!InputDevices(dir.filePath(QStringLiteral("missing"))).hardwareKeyboard());
    }
};

QTEST_GUILESS_MAIN(TestInputDevices)
#include "tst_inputdevices.moc"
