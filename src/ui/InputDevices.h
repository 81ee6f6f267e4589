#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin::ui {

// Whether a hardware keyboard is attached (Linux: /proc/bus/input/devices), looked at again every
// few seconds, so that the on-screen keyboard shows on a tablet and stays away on a laptop. A
// barcode scanner that types like a keyboard counts as one: a touch kiosk with a scanner sets the
// on-screen keyboard to "always" in the admin area.
class InputDevices : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool hardwareKeyboard READ hardwareKeyboard NOTIFY hardwareKeyboardChanged)
public:
    // `devicesFile`: where the kernel lists input devices; empty for the system's.
    explicit InputDevices(const QString &devicesFile = {}, QObject *parent = nullptr);
    static InputDevices *create(QQmlEngine *engine, QJSEngine *);

    bool hardwareKeyboard() const { return m_keyboard; }
    // Reads the device list now.
    void check();
    // Asks the input method to show or hide its panel (for the field that has the focus).
    Q_INVOKABLE static void showKeyboard();
    Q_INVOKABLE static void hideKeyboard();
    // Whether a device list in the format of /proc/bus/input/devices has a keyboard: a device with
    // the "kbd" handler that repeats keys (EV_REP) and has letter keys; not a power button.
    static bool listsKeyboard(const QByteArray &devices);

Q_SIGNALS:
    void hardwareKeyboardChanged();

private:
    QString m_file;
    QTimer m_poll;
    bool m_keyboard = false;
};

} // namespace checkin::ui
