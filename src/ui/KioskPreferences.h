#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin::ui {

// The kiosk's own settings, chosen in the admin area and kept in `preferences.json` in the data
// directory: who stands at the door (a volunteer, or attendees themselves in self-service) and the
// language of the screens. A wipe keeps them: they belong to the device, not to the event.
class KioskPreferences : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Preferences)
    QML_SINGLETON
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool selfService READ selfService NOTIFY modeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // A sound for every verdict (on unless turned off here).
    Q_PROPERTY(bool sound READ sound WRITE setSound NOTIFY soundChanged)
    // The on-screen keyboard: "auto" (when no hardware keyboard is attached), "on" or "off".
    Q_PROPERTY(QString keyboard READ keyboard WRITE setKeyboard NOTIFY keyboardChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    static const QString FileName;
    static const QString Volunteer;   // "volunteer": search, browse, admit anyway, walk-ins
    static const QString SelfService; // "self-service": scan or 3 letters, short names, resets itself

    explicit KioskPreferences(const QString &dataDir, QObject *parent = nullptr);
    static KioskPreferences *create(QQmlEngine *engine, QJSEngine *);

    QString mode() const { return m_mode; }
    bool selfService() const { return m_mode == SelfService; }
    // Unknown modes are refused (error() says so) and change nothing.
    void setMode(const QString &mode);
    QString language() const { return m_language; }
    // A language code such as "en" or "de"; empty means the system's language.
    void setLanguage(const QString &language);
    bool sound() const { return m_sound; }
    void setSound(bool on);
    QString keyboard() const { return m_keyboard; }
    // Unknown choices are refused (error() says so) and change nothing.
    void setKeyboard(const QString &keyboard);
    // Why the last change could not be saved (the change still holds until the app ends).
    QString error() const { return m_error; }

Q_SIGNALS:
    void modeChanged();
    void languageChanged();
    void soundChanged();
    void keyboardChanged();
    void errorChanged();

private:
    void load();
    void save();
    void setError(const QString &error);

    QString m_path;
    QString m_mode;
    QString m_language;
    bool m_sound = true;
    QString m_keyboard = QStringLiteral("auto");
    QString m_error;
};

} // namespace checkin::ui
