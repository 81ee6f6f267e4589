// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <initializer_list>
#include <memory>

class QJSEngine;
class QQmlEngine;
class QTranslator;

namespace checkin::ui {

class KioskPreferences;

// The language of the screens. Installs the translator of the chosen language (the one saved in
// KioskPreferences, else the system's when it is German, else English) and the matching locale
// for times and numbers, and swaps both on every change of KioskPreferences::language: the QML
// engines it watches retranslate, and the view models it notifies get a QEvent::LanguageChange
// and re-emit their texts, so every screen changes at once. Translators are the application's,
// as in all of Qt: one Translations per process.
class Translations : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // What the screens show now: "en" or "de".
    Q_PROPERTY(QString language READ language NOTIFY changed)
    // What "System language" means on this device: "de" on a German system, else "en".
    Q_PROPERTY(QString systemLanguage READ systemLanguage CONSTANT)
    // The languages to choose from: "en", "de".
    Q_PROPERTY(QStringList languages READ languages CONSTANT)
public:
    // The languages the kiosk speaks, English (the source) first.
    static const QStringList Languages;

    explicit Translations(KioskPreferences *preferences, const QLocale &system = QLocale::system(),
                          QObject *parent = nullptr);
    ~Translations() override;
    static Translations *create(QQmlEngine *engine, QJSEngine *);

    QString language() const { return m_language; }
    QString systemLanguage() const { return resolve(QString(), m_system); }
    QStringList languages() const { return Languages; }

    // The language shown for a preference ("" or an unknown code: the system's) on a system whose
    // locale is `system`: the first of its UI languages the kiosk speaks, else English.
    static QString resolve(const QString &preference, const QLocale &system);
    // The locale for times and numbers in `language`: the system's when it speaks that language,
    // else that language as spoken in the system's country ("en" on a German system: en_DE).
    static QLocale localeFor(const QString &language, const QLocale &system);

    // `engine` retranslates after every change (the application's engine, loadMain()).
    void watch(QQmlEngine *engine);
    // These get a QEvent::LanguageChange after every change: view models re-emit their texts.
    void notify(std::initializer_list<QObject *> objects);

Q_SIGNALS:
    // The translator and the locale were swapped; everything has been told.
    void changed();

private:
    void apply();

    KioskPreferences *m_preferences;
    QLocale m_system;
    QString m_language;
    std::unique_ptr<QTranslator> m_translator;
    QList<QPointer<QQmlEngine>> m_engines;
    QList<QPointer<QObject>> m_listeners;
};

} // namespace checkin::ui
