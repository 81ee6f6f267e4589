#include "InputDevices.h"

#include "QmlServices.h"

#include <QFile>
#include <QGuiApplication>
#include <QInputMethod>
#include <QList>

namespace checkin::ui {

namespace {

constexpr int PollMs = 5000;
constexpr quint64 EvKey = 1u << 1;
constexpr quint64 EvRep = 1u << 20;
constexpr int KeyQ = 16; // KEY_Q .. KEY_P are 16 .. 25: a row of letters
constexpr int KeyP = 25;

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
    const bool keyboard = file.open(QIODevice::ReadOnly) && listsKeyboard(file.readAll());
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

bool InputDevices::listsKeyboard(const QByteArray &devices)
{
    bool kbdHandler = false;
    quint64 events = 0;
    bool letters = false;
    auto isKeyboard = [&] { return kbdHandler && (events & EvKey) && (events & EvRep) && letters; };
    for (const QByteArray &raw : devices.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty()) { // the end of one device
            if (isKeyboard())
                return true;
            kbdHandler = false;
            events = 0;
            letters = false;
        } else if (line.startsWith("H: Handlers=")) {
            kbdHandler = line.mid(12).split(' ').contains("kbd");
        } else if (line.startsWith("B: EV=")) {
            events = line.mid(6).toULongLong(nullptr, 16);
        } else if (line.startsWith("B: KEY=")) {
            letters = hasLetterKeys(line.mid(7));
        }
    }
    return isKeyboard();
}

} // namespace checkin::ui
