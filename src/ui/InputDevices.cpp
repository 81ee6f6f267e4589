// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InputDevices.h"

#include "QmlServices.h"

#include <QFile>
#include <QGuiApplication>
#include <QInputMethod>

#include <algorithm>
#include <array>

namespace checkin::ui {

namespace {

constexpr int PollMs = 5000;
constexpr quint64 EvKey = 1u << 1;
constexpr quint64 EvRep = 1u << 20;
constexpr int KeyQ = 16; // KEY_Q .. KEY_P are 16 .. 25: a row of letters
constexpr int KeyP = 25;
constexpr int BusI8042 = 0x11; // a laptop's built-in keyboard

// USB vendor ids of barcode scanner makers: Metrologic and Hand Held Products (Honeywell), Symbol
// (Zebra), PSC and Datalogic, Newland, Opticon.
constexpr std::array ScannerVendors{0x0c2e, 0x0536, 0x05e0, 0x05f9, 0x080c, 0x1eab, 0x065a};
// Words in the names scanners give themselves.
constexpr std::array ScannerWords{"barcode",           "bar code", "scanner",   "honeywell", "metrologic",
                                  "symbol ",           "zebra",    "datalogic", "newland",   "opticon",
                                  "hand held products"};

// "B: KEY=" lists the key bitmap as hex words, most significant first, each `long` wide.
bool hasLetterKeys(const QByteArray &bitmap)
{
    const QList<QByteArray> words = bitmap.trimmed().split(' ');
    if (words.isEmpty())
        return false;
    bool ok = false;
    const quint64 lowest = words.constLast().toULongLong(&ok, 16);
    if (!ok)
        return false;
    for (int key = KeyQ; key <= KeyP; ++key) {
        if (!(lowest & (quint64(1) << key)))
            return false;
    }
    return true;
}

// "I: Bus=0003 Vendor=0c2e Product=0b61 Version=0111"
int field(const QByteArray &line, const QByteArray &name)
{
    const QByteArray key = name + '=';
    const qsizetype at = line.indexOf(key);
    if (at < 0)
        return 0;
    const QByteArray value = line.mid(at + name.size() + 1).split(' ').value(0);
    return value.toInt(nullptr, 16);
}

InputDevices::Kind classify(const InputDevices::Device &device, bool keyboardLike)
{
    using Kind = InputDevices::Kind;
    if (!keyboardLike)
        return Kind::NotKeyboard;
    if (std::find(ScannerVendors.begin(), ScannerVendors.end(), device.vendor) != ScannerVendors.end())
        return Kind::Scanner;
    const QString name = device.name.toLower() + QLatin1Char(' ');
    for (const char *word : ScannerWords) {
        if (name.contains(QLatin1String(word)))
            return Kind::Scanner;
    }
    return device.bus == BusI8042 ? Kind::Typing : Kind::Unknown;
}

} // namespace

InputDevices::InputDevices(const QString &devicesFile, QObject *parent)
    : QObject(parent)
    , m_file(devicesFile.isEmpty() ? QStringLiteral("/proc/bus/input/devices") : devicesFile)
{
    m_poll.setInterval(PollMs);
    connect(&m_poll, &QTimer::timeout, this, &InputDevices::check);
    m_poll.start();
    check();
}

InputDevices *InputDevices::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<InputDevices>(engine);
}

void InputDevices::check()
{
    // A small file that the kernel makes up in memory: no disk is waited on.
    QFile file(m_file);
    QList<Device> devices = file.open(QIODevice::ReadOnly) ? parse(file.readAll()) : QList<Device>{};
    devices.removeIf([](const Device &d) { return d.kind == Kind::NotKeyboard; });
    auto same = [](const Device &a, const Device &b) {
        return a.name == b.name && a.bus == b.bus && a.vendor == b.vendor && a.product == b.product;
    };
    if (!std::equal(devices.begin(), devices.end(), m_devices.begin(), m_devices.end(), same)) {
        // Other devices: what the keys did so far says nothing about them.
        m_devices = devices;
        m_scanned = false;
        m_typed = false;
    }
    decide();
}

void InputDevices::noteScan()
{
    m_scanned = true;
    decide();
}

void InputDevices::noteTyping()
{
    m_typed = true;
    decide();
}

void InputDevices::decide()
{
    const bool typing = std::any_of(m_devices.begin(), m_devices.end(),
                                    [](const Device &d) { return d.kind == Kind::Typing; });
    const bool unknown = std::any_of(m_devices.begin(), m_devices.end(),
                                     [](const Device &d) { return d.kind == Kind::Unknown; });
    // An unknown keyboard counts as one to type on, until it has only ever scanned.
    const bool keyboard = typing || (unknown && (m_typed || !m_scanned));
    if (keyboard == m_keyboard)
        return;
    m_keyboard = keyboard;
    Q_EMIT hardwareKeyboardChanged();
}

void InputDevices::showKeyboard()
{
    QGuiApplication::inputMethod()->show();
}

void InputDevices::hideKeyboard()
{
    QGuiApplication::inputMethod()->hide();
}

QList<InputDevices::Device> InputDevices::parse(const QByteArray &devices)
{
    QList<Device> found;
    Device device;
    bool kbdHandler = false;
    quint64 events = 0;
    bool letters = false;
    bool any = false;
    auto finish = [&] {
        if (any) {
            const bool keyboardLike = kbdHandler && (events & EvKey) && (events & EvRep) && letters;
            device.kind = classify(device, keyboardLike);
            found.append(device);
        }
        device = {};
        kbdHandler = false;
        events = 0;
        letters = false;
        any = false;
    };
    for (const QByteArray &raw : devices.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty()) { // the end of one device
            finish();
            continue;
        }
        any = true;
        if (line.startsWith("I: ")) {
            device.bus = field(line, "Bus");
            device.vendor = field(line, "Vendor");
            device.product = field(line, "Product");
        } else if (line.startsWith("N: Name=")) {
            device.name = QString::fromUtf8(line.mid(8)).remove(QLatin1Char('"'));
        } else if (line.startsWith("H: Handlers=")) {
            kbdHandler = line.mid(12).split(' ').contains("kbd");
        } else if (line.startsWith("B: EV=")) {
            events = line.mid(6).toULongLong(nullptr, 16);
        } else if (line.startsWith("B: KEY=")) {
            letters = hasLetterKeys(line.mid(7));
        }
    }
    finish();
    return found;
}

bool InputDevices::listsKeyboard(const QByteArray &devices)
{
    const QList<Device> found = parse(devices);
    return std::any_of(found.begin(), found.end(),
                       [](const Device &d) { return d.kind == Kind::Typing || d.kind == Kind::Unknown; });
}

} // namespace checkin::ui
