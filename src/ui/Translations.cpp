// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Translations.h"
#include "UiLogging.h"

#include "KioskPreferences.h"
#include "QmlServices.h"

#include <QCoreApplication>
#include <QEvent>
#include <QQmlEngine>
#include <QTranslator>

namespace checkin::ui {

const QStringList Translations::Languages = {QStringLiteral("en"), QStringLiteral("de")};

Translations::Translations(KioskPreferences *preferences, const QLocale &system, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_system(system)
{
    connect(m_preferences, &KioskPreferences::languageChanged, this, &Translations::apply);
    apply();
}

Translations::~Translations()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

Translations *Translations::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<Translations>(engine);
}

QString Translations::resolve(const QString &preference, const QLocale &system)
{
    if (Languages.contains(preference))
        return preference;
    // uiLanguages() is the system's list in order of preference ("de-DE", "de", ...; $LANGUAGE first).
    for (const QString &name : system.uiLanguages()) {
        const QString code = QLocale::languageToCode(QLocale(name).language());
        if (Languages.contains(code))
            return code;
    }
    return Languages.constFirst();
}

QLocale Translations::localeFor(const QString &language, const QLocale &system)
{
    const QLocale::Language wanted = QLocale::codeToLanguage(language);
    if (system.language() == wanted)
        return system;
    // A pair that does not exist (German in the USA) falls back to the language's main country.
    return QLocale(wanted, system.territory());
}

void Translations::watch(QQmlEngine *engine)
{
    if (m_engines.contains(engine))
        return;
    m_engines.append(engine);
    engine->setUiLanguage(m_language);
}

void Translations::notify(std::initializer_list<QObject *> objects)
{
    for (QObject *object : objects)
        m_listeners.append(object);
}

void Translations::apply()
{
    const QString language = resolve(m_preferences->language(), m_system);
    if (m_translator && language == m_language)
        return; // "System language" and the system's language are the same words
    auto translator = std::make_unique<QTranslator>();
    // English is the source; its file only holds the plural forms ("1 check-in", "2 check-ins").
    if (!translator->load(QStringLiteral(":/i18n/kiosk_%1.qm").arg(language)))
        qCWarning(lcTranslations) << "the translation" << language << "is missing from the resources";
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(translator);
    QCoreApplication::installTranslator(m_translator.get());
    QLocale::setDefault(localeFor(language, m_system));
    m_language = language;
    qCInfo(lcTranslations) << "screens in" << language << "with the locale" << QLocale().name();

    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines)) {
        if (!engine)
            continue;
        engine->setUiLanguage(language);
        engine->retranslate();
    }
    for (const QPointer<QObject> &listener : std::as_const(m_listeners)) {
        if (!listener)
            continue;
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(listener, &event);
    }
    Q_EMIT changed();
}

} // namespace checkin::ui
