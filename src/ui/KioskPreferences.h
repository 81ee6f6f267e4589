// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
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
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool selfService READ selfService NOTIFY modeChanged)
    // Self-service only with an admin PIN: attendees at the screen must not open the admin area.
    Q_PROPERTY(bool selfServiceAllowed READ selfServiceAllowed NOTIFY selfServiceAllowedChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // A sound for every verdict (on unless turned off here).
    Q_PROPERTY(bool sound READ sound WRITE setSound NOTIFY soundChanged)
    Q_PROPERTY(Keyboard keyboard READ keyboard WRITE setKeyboard NOTIFY keyboardChanged)
    Q_PROPERTY(TextSize textSize READ textSize WRITE setTextSize NOTIFY textSizeChanged)
    Q_PROPERTY(Camera camera READ camera WRITE setCamera NOTIFY cameraChanged)
    // Badges: where they print (a CUPS queue's name, PdfFolder for PDF files in the data
    // directory, empty for none), on which paper (a BadgeLayout id), and whether every check-in
    // prints one.
    Q_PROPERTY(QString badgePrinter READ badgePrinter WRITE setBadgePrinter NOTIFY badgesChanged)
    Q_PROPERTY(QString badgeLayout READ badgeLayout WRITE setBadgeLayout NOTIFY badgesChanged)
    Q_PROPERTY(bool printOnCheckIn READ printOnCheckIn WRITE setPrintOnCheckIn NOTIFY badgesChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
public:
    // Who stands at the door. Volunteer: search, browse, admit anyway, walk-ins. SelfService:
    // attendees; scan or 3 letters, short names, resets itself. (Preferences.SelfService in QML.)
    enum class Mode { Volunteer, SelfService };
    Q_ENUM(Mode)
    // The on-screen keyboard: Auto (when no hardware keyboard is attached), On or Off.
    enum class Keyboard { Auto, On, Off };
    Q_ENUM(Keyboard)
    // The size of the screens' text: Normal, Large (120 %) or Larger (140 %).
    enum class TextSize { Normal, Large, Larger };
    Q_ENUM(TextSize)
    // What reads tickets besides a keyboard-wedge scanner: nothing ("scanner only"), the camera on
    // the back of the tablet, or the one on the front (facing the attendee, for self-service).
    enum class Camera { ScannerOnly, BackCamera, FrontCamera };
    Q_ENUM(Camera)

    static const QString FileName;

    // What a setting is until the admin area chooses otherwise on this device: the config file's
    // (/etc/checkin-kiosk/kiosk.conf) or the built-in one. The file keeps only the choices that
    // differ, so a new config reaches every setting nobody changed on the device.
    struct Defaults
    {
        Mode mode = Mode::Volunteer;
        QString language; // empty: the system's
        TextSize textSize = TextSize::Normal;
        Camera camera = Camera::ScannerOnly;
        QString badgePrinter;
        QString badgeLayout = QStringLiteral("a6");
        bool printOnCheckIn = false;
    };
    static const QString PdfFolder; // badgePrinter for PDF files instead of a printer
    // The names the files use ("volunteer", "self-service"; "normal", "large", "larger"); false for
    // a name that is none of them.
    static bool modeFromName(const QString &name, Mode *mode);
    static bool textSizeFromName(const QString &name, TextSize *size);
    static bool cameraFromName(const QString &name, Camera *camera); // "off", "back", "front"

    explicit KioskPreferences(const QString &dataDir, QObject *parent = nullptr);
    KioskPreferences(const QString &dataDir, const Defaults &defaults, QObject *parent = nullptr);
    static KioskPreferences *create(QQmlEngine *engine, QJSEngine *);

    Mode mode() const { return m_mode; }
    bool selfService() const { return m_mode == Mode::SelfService; }
    // Unknown modes, and self-service while it is not allowed, are refused (error() says so) and
    // change nothing.
    void setMode(Mode mode);
    bool selfServiceAllowed() const { return m_selfServiceAllowed; }
    void setSelfServiceAllowed(bool allowed);
    QString language() const { return m_language; }
    // A language code such as "en" or "de"; empty means the system's language.
    void setLanguage(const QString &language);
    bool sound() const { return m_sound; }
    void setSound(bool on);
    Keyboard keyboard() const { return m_keyboard; }
    // Unknown choices (a number from QML that is none of them) are refused (error() says so) and
    // change nothing.
    void setKeyboard(Keyboard keyboard);
    TextSize textSize() const { return m_textSize; }
    // Unknown sizes are refused (error() says so) and change nothing.
    void setTextSize(TextSize size);
    Camera camera() const { return m_camera; }
    // Unknown choices are refused (error() says so) and change nothing.
    void setCamera(Camera camera);
    QString badgePrinter() const { return m_badgePrinter; }
    void setBadgePrinter(const QString &printer);
    QString badgeLayout() const { return m_badgeLayout; }
    void setBadgeLayout(const QString &layout);
    bool printOnCheckIn() const { return m_printOnCheckIn; }
    void setPrintOnCheckIn(bool on);
    // Waits until every change so far is on disk (for tests and for the end of the app).
    void flush();
    // Why the last change could not be saved (the change still holds until the app ends).
    QString error() const { return m_error; }

Q_SIGNALS:
    void modeChanged();
    void selfServiceAllowedChanged();
    void languageChanged();
    void soundChanged();
    void keyboardChanged();
    void textSizeChanged();
    void cameraChanged();
    void badgesChanged();
    void errorChanged();

private:
    void load();
    template<typename T> void change(T &setting, const T &value, void (KioskPreferences::*changed)());
    void save();
    void setError(const QString &error);

    QString m_path;
    Defaults m_defaults;
    Mode m_mode = Mode::Volunteer;
    bool m_selfServiceAllowed = true;
    QString m_language;
    bool m_sound = true;
    Keyboard m_keyboard = Keyboard::Auto;
    TextSize m_textSize = TextSize::Normal;
    Camera m_camera = Camera::ScannerOnly;
    QString m_badgePrinter;
    QString m_badgeLayout;
    bool m_printOnCheckIn = false;
    QString m_error;
    QThreadPool m_files; // one thread: the file is written off the UI thread, in order
};

} // namespace checkin::ui
