// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
}

namespace checkin::ui {

// The check-in list this kiosk admits to, chosen in the admin area (and in setup when the event has
// several): `lists` are the event's lists a door may choose, each {id, name, summary, current}.
// Choosing one re-derives who is inside on it; the status bar then names it.
class ListPicker : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(CheckInLists)
    QML_SINGLETON
    Q_PROPERTY(QVariantList lists READ lists NOTIFY changed)
    Q_PROPERTY(QString current READ current NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    // The event has several lists and nobody chose this door's yet.
    Q_PROPERTY(bool needsChoice READ needsChoice NOTIFY changed)
public:
    explicit ListPicker(LocalStore *store, QObject *parent = nullptr);
    static ListPicker *create(QQmlEngine *engine, QJSEngine *);

    QVariantList lists() const { return m_lists; }
    QString current() const { return m_current; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    bool needsChoice() const { return m_lists.size() > 1 && !m_chosen; }

    // Reads the lists again (the admin area opens, a sync brought changes, the language changed).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void choose(const QString &id);

Q_SIGNALS:
    void changed();
    // Another list is this kiosk's now (who is inside was derived again).
    void chosen();

protected:
    bool event(QEvent *event) override;

private:
    LocalStore *m_store;
    QVariantList m_lists;
    QString m_current;
    QString m_error;
    bool m_busy = false;
    bool m_chosen = false;
    bool m_refreshAgain = false;
    bool m_refreshing = false;
};

} // namespace checkin::ui
