// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin::ui {

// Whether a keyboard that a person types on is attached (Linux: /proc/bus/input/devices), looked
// at again every few seconds, so that the on-screen keyboard shows on a tablet and stays away on a
// laptop. A USB barcode scanner is a keyboard to the system, but not one to type names on: it is
// told apart by its identity (a scanner maker's vendor id, "scanner" or "barcode" in its name) or,
// for one that looks like any other USB keyboard, by what it does: when every key that came since
// the devices last changed came in scanner bursts (ScannerInput) and none was typed by a person.
class InputDevices : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hardwareKeyboard READ hardwareKeyboard NOTIFY hardwareKeyboardChanged)
public:
    // What a keyboard-like input device is, as far as its identity tells.
    enum class Kind {
        NotKeyboard, // a power button, a mouse
        Typing,      // a laptop's built-in keyboard
        Scanner,     // a barcode scanner, by its maker or its name
        Unknown,     // a USB or Bluetooth keyboard: typed on, or a scanner that hides what it is
    };
    struct Device
    {
        QString name;
        int bus = 0;
        int vendor = 0;
        int product = 0;
        Kind kind = Kind::NotKeyboard;
    };

    // `devicesFile`: where the kernel lists input devices; empty for the system's.
    explicit InputDevices(const QString &devicesFile = {}, QObject *parent = nullptr);
    static InputDevices *create(QQmlEngine *engine, QJSEngine *);

    bool hardwareKeyboard() const { return m_keyboard; }
    // Reads the device list now.
    void check();
    // What the keys did (ScannerInput's signals): a scan, or a person typing on a real keyboard.
    void noteScan();
    void noteTyping();
    // Asks the input method to show or hide its panel (for the field that has the focus).
    Q_INVOKABLE static void showKeyboard();
    Q_INVOKABLE static void hideKeyboard();

    // The devices in a list in the format of /proc/bus/input/devices, each classified.
    static QList<Device> parse(const QByteArray &devices);
    // Whether such a list has a keyboard to type on, as far as identities tell (no scanner, and no
    // power button): a built-in or an unknown keyboard.
    static bool listsKeyboard(const QByteArray &devices);

Q_SIGNALS:
    void hardwareKeyboardChanged();

private:
    void decide();

    QString m_file;
    QTimer m_poll;
    QList<Device> m_devices;
    bool m_scanned = false; // since the devices last changed
    bool m_typed = false;   // likewise
    bool m_keyboard = false;
};

} // namespace checkin::ui
