// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// InputDevices: a keyboard in the kernel's device list, told apart from power buttons and mice, and
// a barcode scanner told apart from a keyboard to type on: by its maker, by its name, or by only
// ever scanning.
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

// A USB keyboard of no particular maker, and scanners as the kernel lists them.
QByteArray usbKeyboard(const char *vendor, const char *product, const char *name)
{
    return QByteArray("I: Bus=0003 Vendor=") + vendor + " Product=" + product + " Version=0110\n" +
           "N: Name=\"" + name + "\"\n" + "H: Handlers=sysrq kbd leds event5 \n" + "B: EV=120013\n" +
           "B: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n\n";
}
const QByteArray UsbKeyboard = usbKeyboard("046d", "c31c", "Logitech USB Keyboard");
const QByteArray Honeywell = usbKeyboard("0c2e", "0b61", "Honeywell Imaging & Mobility 1900");
const QByteArray Zebra = usbKeyboard("05e0", "1200", "Symbol Bar Code Scanner");
const QByteArray NamedScanner = usbKeyboard("1a86", "e026", "USB Barcode Scanner");
const QByteArray Anonymous = usbKeyboard("0483", "0011", "HID 0483:0011"); // a scanner that does not say

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

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

    void scannersAreNoKeyboardsToTypeOn()
    {
        const QList<InputDevices::Device> devices =
            InputDevices::parse(PowerButton + Keyboard + Honeywell + Mouse);
        QCOMPARE(devices.size(), 4);
        QCOMPARE(devices[1].kind, InputDevices::Kind::Typing);
        QCOMPARE(devices[1].bus, 0x11);
        QCOMPARE(devices[2].kind, InputDevices::Kind::Scanner);
        QCOMPARE(devices[2].vendor, 0x0c2e);
        QCOMPARE(devices[2].name, QStringLiteral("Honeywell Imaging & Mobility 1900"));
        // By maker (Honeywell, Zebra) or by name: not a keyboard to type names on.
        QVERIFY(!InputDevices::listsKeyboard(PowerButton + Honeywell + Mouse));
        QVERIFY(!InputDevices::listsKeyboard(Zebra));
        QVERIFY(!InputDevices::listsKeyboard(NamedScanner));
        // A laptop with a scanner has its own keyboard; a USB keyboard counts.
        QVERIFY(InputDevices::listsKeyboard(Keyboard + Honeywell));
        QVERIFY(InputDevices::listsKeyboard(UsbKeyboard));
        QCOMPARE(InputDevices::parse(UsbKeyboard).value(0).kind, InputDevices::Kind::Unknown);
    }

    void aTabletWithAScannerKeepsTheOnScreenKeyboard()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("devices"));
        write(path, PowerButton + Honeywell);
        InputDevices devices(path);
        QVERIFY(!devices.hardwareKeyboard());
        devices.noteScan(); // it scans: still no keyboard
        QVERIFY(!devices.hardwareKeyboard());
    }

    void anUnknownKeyboardThatOnlyScansIsAScanner()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("devices"));
        write(path, PowerButton + Anonymous);
        InputDevices devices(path);
        QVERIFY2(devices.hardwareKeyboard(), "until it shows what it is, it may be a keyboard");
        QSignalSpy changed(&devices, &InputDevices::hardwareKeyboardChanged);
        devices.noteScan();
        QVERIFY2(!devices.hardwareKeyboard(), "it scanned, and nobody typed on it: a scanner");
        QCOMPARE(changed.size(), 1);
        devices.noteTyping();
        QVERIFY2(devices.hardwareKeyboard(), "somebody typed: there is a keyboard");
        devices.noteScan();
        QVERIFY(devices.hardwareKeyboard());
        // Another device plugged in: what the keys did says nothing about it.
        write(path, PowerButton + Anonymous + UsbKeyboard);
        devices.check();
        QVERIFY(devices.hardwareKeyboard());
        devices.noteScan();
        QVERIFY(!devices.hardwareKeyboard());
        // A built-in keyboard is one, whatever the keys did.
        write(path, Keyboard + Anonymous);
        devices.check();
        devices.noteScan();
        QVERIFY(devices.hardwareKeyboard());
    }
};

QTEST_GUILESS_MAIN(TestInputDevices)
#include "tst_inputdevices.moc"
