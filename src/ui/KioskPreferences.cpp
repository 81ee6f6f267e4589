#include "KioskPreferences.h"

#include "Futures.h"
#include "QmlServices.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>

namespace checkin::ui {

Q_LOGGING_CATEGORY(lcPreferences, "kiosk.preferences")

const QString KioskPreferences::FileName = QStringLiteral("preferences.json");
const QString KioskPreferences::Volunteer = QStringLiteral("volunteer");
const QString KioskPreferences::SelfService = QStringLiteral("self-service");

namespace {
bool knownMode(const QString &mode)
{
    return mode == KioskPreferences::Volunteer || mode == KioskPreferences::SelfService;
}
bool knownKeyboard(const QString &keyboard)
{
    return keyboard == u"auto" || keyboard == u"on" || keyboard == u"off";
}
bool knownTextSize(const QString &size)
{
    return size == u"normal" || size == u"large" || size == u"larger";
}
} // namespace

KioskPreferences::KioskPreferences(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_path(QDir(dataDir).filePath(FileName))
    , m_mode(Volunteer)
{
    m_files.setMaxThreadCount(1);
    load();
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
    const QString mode = object.value(QStringLiteral("mode")).toString();
    if (knownMode(mode))
        m_mode = mode;
    m_language = object.value(QStringLiteral("language")).toString();
    m_sound = object.value(QStringLiteral("sound")).toBool(true);
    const QString keyboard = object.value(QStringLiteral("keyboard")).toString();
    if (knownKeyboard(keyboard))
        m_keyboard = keyboard;
    const QString textSize = object.value(QStringLiteral("textSize")).toString();
    if (knownTextSize(textSize))
        m_textSize = textSize;
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

void KioskPreferences::setMode(const QString &mode)
{
    if (!knownMode(mode)) {
        setError(tr("Unknown mode \u201C%1\u201D.").arg(mode));
        return;
    }
    if (mode != m_mode && mode == SelfService && !m_selfServiceAllowed) {
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

void KioskPreferences::setKeyboard(const QString &keyboard)
{
    if (!knownKeyboard(keyboard)) {
        setError(tr("Unknown keyboard setting \u201C%1\u201D.").arg(keyboard));
        return;
    }
    change(m_keyboard, keyboard, &KioskPreferences::keyboardChanged);
}

void KioskPreferences::setTextSize(const QString &size)
{
    if (!knownTextSize(size)) {
        setError(tr("Unknown text size \u201C%1\u201D.").arg(size));
        return;
    }
    change(m_textSize, size, &KioskPreferences::textSizeChanged);
}

void KioskPreferences::save()
{
    QJsonObject object;
    object.insert(QStringLiteral("mode"), m_mode);
    if (!m_language.isEmpty())
        object.insert(QStringLiteral("language"), m_language);
    object.insert(QStringLiteral("sound"), m_sound);
    object.insert(QStringLiteral("keyboard"), m_keyboard);
    object.insert(QStringLiteral("textSize"), m_textSize);
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
