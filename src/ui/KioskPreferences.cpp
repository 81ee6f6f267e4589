// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KioskPreferences.h"
#include "UiLogging.h"

#include "Futures.h"
#include "QmlServices.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace checkin::ui {

const QString KioskPreferences::FileName = QStringLiteral("preferences.json");
const QString KioskPreferences::PdfFolder = QStringLiteral("pdf");
namespace {
// How preferences.json writes each choice, in the order of the enum.
const QStringList ModeNames = {QStringLiteral("volunteer"), QStringLiteral("self-service")};
const QStringList KeyboardNames = {QStringLiteral("auto"), QStringLiteral("on"), QStringLiteral("off")};
const QStringList TextSizeNames = {QStringLiteral("normal"), QStringLiteral("large"),
                                   QStringLiteral("larger")};
const QStringList CameraNames = {QStringLiteral("off"), QStringLiteral("back"), QStringLiteral("front")};

template<typename E> bool known(E value, const QStringList &names)
{
    return int(value) >= 0 && int(value) < names.size();
}
template<typename E> QString nameOf(E value, const QStringList &names)
{
    return names.value(int(value));
}
// The choice that the file names, or `fallback` for a name it does not know.
template<typename E> E fromName(const QJsonValue &name, const QStringList &names, E fallback)
{
    const qsizetype index = names.indexOf(name.toString());
    return index < 0 ? fallback : E(index);
}
} // namespace

KioskPreferences::KioskPreferences(const QString &dataDir, QObject *parent)
    : KioskPreferences(dataDir, Defaults(), parent)
{}

KioskPreferences::KioskPreferences(const QString &dataDir, const Defaults &defaults, QObject *parent)
    : QObject(parent)
    , m_path(QDir(dataDir).filePath(FileName))
    , m_defaults(defaults)
    , m_mode(defaults.mode)
    , m_language(defaults.language)
    , m_textSize(defaults.textSize)
    , m_camera(defaults.camera)
    , m_badgePrinter(defaults.badgePrinter)
    , m_badgeLayout(defaults.badgeLayout)
    , m_printOnCheckIn(defaults.printOnCheckIn)
{
    m_files.setMaxThreadCount(1);
    load();
}

bool KioskPreferences::modeFromName(const QString &name, Mode *mode)
{
    const qsizetype index = ModeNames.indexOf(name);
    if (index >= 0)
        *mode = Mode(index);
    return index >= 0;
}

bool KioskPreferences::textSizeFromName(const QString &name, TextSize *size)
{
    const qsizetype index = TextSizeNames.indexOf(name);
    if (index >= 0)
        *size = TextSize(index);
    return index >= 0;
}

bool KioskPreferences::cameraFromName(const QString &name, Camera *camera)
{
    const qsizetype index = CameraNames.indexOf(name);
    if (index >= 0)
        *camera = Camera(index);
    return index >= 0;
}

KioskPreferences *KioskPreferences::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<KioskPreferences>(engine);
}

void KioskPreferences::load()
{
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcPreferences) << "cannot read" << m_path << file.errorString();
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        // A damaged file costs the settings, never the start: the defaults hold until changed.
        qCWarning(lcPreferences) << m_path
                                 << "is not a JSON object, using defaults:" << parseError.errorString();
        return;
    }
    const QJsonObject object = doc.object();
    m_mode = fromName(object.value(QStringLiteral("mode")), ModeNames, m_mode);
    m_language = object.value(QStringLiteral("language")).toString(m_language);
    m_sound = object.value(QStringLiteral("sound")).toBool(true);
    m_keyboard = fromName(object.value(QStringLiteral("keyboard")), KeyboardNames, m_keyboard);
    m_textSize = fromName(object.value(QStringLiteral("textSize")), TextSizeNames, m_textSize);
    m_camera = fromName(object.value(QStringLiteral("camera")), CameraNames, m_camera);
    m_badgePrinter = object.value(QStringLiteral("badgePrinter")).toString(m_badgePrinter);
    m_badgeLayout = object.value(QStringLiteral("badgeLayout")).toString(m_badgeLayout);
    m_printOnCheckIn = object.value(QStringLiteral("printOnCheckIn")).toBool(m_printOnCheckIn);
}

// One setting changes: kept, written, announced; nothing when it is the same.
template<typename T>
void KioskPreferences::change(T &setting, const T &value, void (KioskPreferences::*changed)())
{
    if (setting == value)
        return;
    setting = value;
    save();
    Q_EMIT(this->*changed)();
}

void KioskPreferences::setMode(Mode mode)
{
    if (!known(mode, ModeNames)) {
        setError(tr("Unknown mode \u201C%1\u201D.").arg(int(mode)));
        return;
    }
    if (mode != m_mode && mode == Mode::SelfService && !m_selfServiceAllowed) {
        setError(tr("Set an admin PIN first: at a self-service screen, attendees could otherwise open "
                    "the admin area."));
        return;
    }
    change(m_mode, mode, &KioskPreferences::modeChanged);
}

void KioskPreferences::setSelfServiceAllowed(bool allowed)
{
    if (allowed == m_selfServiceAllowed)
        return;
    m_selfServiceAllowed = allowed;
    Q_EMIT selfServiceAllowedChanged();
}

void KioskPreferences::setLanguage(const QString &language)
{
    change(m_language, language, &KioskPreferences::languageChanged);
}

void KioskPreferences::setSound(bool on)
{
    change(m_sound, on, &KioskPreferences::soundChanged);
}

void KioskPreferences::setKeyboard(Keyboard keyboard)
{
    if (!known(keyboard, KeyboardNames)) {
        setError(tr("Unknown keyboard setting \u201C%1\u201D.").arg(int(keyboard)));
        return;
    }
    change(m_keyboard, keyboard, &KioskPreferences::keyboardChanged);
}

void KioskPreferences::setTextSize(TextSize size)
{
    if (!known(size, TextSizeNames)) {
        setError(tr("Unknown text size \u201C%1\u201D.").arg(int(size)));
        return;
    }
    change(m_textSize, size, &KioskPreferences::textSizeChanged);
}

void KioskPreferences::setCamera(Camera camera)
{
    if (!known(camera, CameraNames)) {
        setError(tr("Unknown camera setting \u201C%1\u201D.").arg(int(camera)));
        return;
    }
    change(m_camera, camera, &KioskPreferences::cameraChanged);
}

void KioskPreferences::setBadgePrinter(const QString &printer)
{
    change(m_badgePrinter, printer, &KioskPreferences::badgesChanged);
}

void KioskPreferences::setBadgeLayout(const QString &layout)
{
    change(m_badgeLayout, layout, &KioskPreferences::badgesChanged);
}

void KioskPreferences::setPrintOnCheckIn(bool on)
{
    change(m_printOnCheckIn, on, &KioskPreferences::badgesChanged);
}

void KioskPreferences::save()
{
    // Only what differs from the defaults: a setting nobody chose here follows the config file.
    QJsonObject object;
    if (m_mode != m_defaults.mode)
        object.insert(QStringLiteral("mode"), nameOf(m_mode, ModeNames));
    if (m_language != m_defaults.language)
        object.insert(QStringLiteral("language"), m_language); // "": the system's, chosen here
    if (!m_sound)
        object.insert(QStringLiteral("sound"), m_sound);
    if (m_keyboard != Keyboard::Auto)
        object.insert(QStringLiteral("keyboard"), nameOf(m_keyboard, KeyboardNames));
    if (m_textSize != m_defaults.textSize)
        object.insert(QStringLiteral("textSize"), nameOf(m_textSize, TextSizeNames));
    if (m_camera != m_defaults.camera)
        object.insert(QStringLiteral("camera"), nameOf(m_camera, CameraNames));
    if (m_badgePrinter != m_defaults.badgePrinter)
        object.insert(QStringLiteral("badgePrinter"), m_badgePrinter);
    if (m_badgeLayout != m_defaults.badgeLayout)
        object.insert(QStringLiteral("badgeLayout"), m_badgeLayout);
    if (m_printOnCheckIn != m_defaults.printOnCheckIn)
        object.insert(QStringLiteral("printOnCheckIn"), m_printOnCheckIn);
    // Written on the file thread; the setting holds at once, the file follows.
    auto write = [path = m_path, bytes = QJsonDocument(object).toJson()] {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
            return QString();
        return file.errorString();
    };
    deliverLater(onPool<QString>(&m_files, write), this, [this](const QString &why) {
        if (why.isEmpty()) {
            setError({});
            return;
        }
        setError(tr("The setting could not be saved (%1); it holds until the app is closed. "
                    "Free some disk space, then choose it again.")
                     .arg(why));
    });
}

void KioskPreferences::flush()
{
    m_files.waitForDone();
}

void KioskPreferences::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace checkin::ui
