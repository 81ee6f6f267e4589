// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJSEngine>
#include <QQmlEngine>
#include <QVariant>

namespace checkin::ui {

// Hands the objects main() made to one QML engine, for the singletons' create(): each engine keeps
// its own (a dynamic property named after the class), so there is no process-wide instance and a
// test may run two engines with two kiosks.
template<typename T> void provide(QQmlEngine *engine, T *object)
{
    QJSEngine::setObjectOwnership(object, QJSEngine::CppOwnership);
    engine->setProperty(T::staticMetaObject.className(), QVariant::fromValue<QObject *>(object));
}

template<typename T> T *provided(QQmlEngine *engine)
{
    T *object =
        qobject_cast<T *>(engine->property(T::staticMetaObject.className()).template value<QObject *>());
    if (!object)
        qFatal("%s was not provided to this QML engine before the UI was loaded",
               T::staticMetaObject.className());
    return object;
}

} // namespace checkin::ui
