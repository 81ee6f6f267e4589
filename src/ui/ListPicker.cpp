// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ListPicker.h"

#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"

#include <QEvent>
#include <QVariantMap>

namespace checkin::ui {

ListPicker::ListPicker(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{}

ListPicker *ListPicker::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<ListPicker>(engine);
}

void ListPicker::refresh()
{
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    deliverLater(m_store->lists(), this, [this](const ListsState &state) {
        m_refreshing = false;
        if (m_refreshAgain) {
            m_refreshAgain = false;
            refresh();
            return;
        }
        m_error = state.error;
        m_current = state.current;
        m_chosen = state.chosen;
        m_lists.clear();
        for (const CheckInList &l : state.lists) {
            if (l.retired && l.id != m_current)
                continue; // not offered any more
            m_lists << QVariantMap{{QStringLiteral("id"), l.id},
                                   {QStringLiteral("name"), l.name},
                                   {QStringLiteral("summary"), RuleBook::summary(l)},
                                   {QStringLiteral("question"), l.question}};
        }
        Q_EMIT changed();
    });
}

void ListPicker::choose(const QString &id)
{
    if (m_busy || (id == m_current && m_chosen))
        return;
    m_busy = true;
    m_error.clear();
    Q_EMIT changed();
    deliverLater(m_store->chooseList(id), this, [this](const StoreStatus &status) {
        m_busy = false;
        m_error = status.error;
        Q_EMIT changed();
        if (status.ok())
            Q_EMIT chosen();
        refresh();
    });
}

bool ListPicker::event(QEvent *event)
{
    // The summaries are words in the current language.
    if (event->type() == QEvent::LanguageChange)
        refresh();
    return QObject::event(event);
}

} // namespace checkin::ui
