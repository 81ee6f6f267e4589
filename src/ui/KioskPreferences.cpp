#include "KioskPreferences.h"

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
} // namespace

KioskPreferences::KioskPreferences(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_path(QDir(dataDir).filePath(FileName))
    , m_mode(Volunteer)
{
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
}

void KioskPreferences::setMode(const QString &mode)
{
    if (!knownMode(mode)) {
        setError(tr("Unknown mode \u201C%1\u201D.").arg(mode));
        return;
    }
    if (mode == m_mode)
        return;
    m_mode = mode;
    save();
    Q_EMIT modeChanged();
}

void KioskPreferences::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    save();
    Q_EMIT languageChanged();
}

void KioskPreferences::setSound(bool on)
{
    if (on == m_sound)
        return;
    m_sound = on;
    save();
    Q_EMIT soundChanged();
}

void KioskPreferences::setKeyboard(const QString &keyboard)
{
    if (!knownKeyboard(keyboard)) {
        setError(tr("Unknown keyboard setting \u201C%1\u201D.").arg(keyboard));
        return;
    }
    if (keyboard == m_keyboard)
        return;
    m_keyboard = keyboard;
    save();
    Q_EMIT keyboardChanged();
}

void KioskPreferences::save()
{
    QJsonObject object;
    object.insert(QStringLiteral("mode"), m_mode);
    if (!m_language.isEmpty())
        object.insert(QStringLiteral("language"), m_language);
    object.insert(QStringLiteral("sound"), m_sound);
    object.insert(QStringLiteral("keyboard"), m_keyboard);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 ||
        !file.commit()) {
        setError(tr("The setting could not be saved (%1); it holds until the app is closed. "
                    "Free some disk space, then choose it again.")
                     .arg(file.errorString()));
        return;
    }
    setError({});
}

void KioskPreferences::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

} // namespace checkin::ui
