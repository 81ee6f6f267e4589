// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
}

namespace checkin::ui {

// The attendees matching what the volunteer types, as they type: each change of `query` asks the
// store (on its worker thread) and only the answer to the latest query is shown.
class SearchModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // Self-service: no browsing. Nothing is looked up before `minimumLetters` letters, at most
    // SelfServiceLimit people show, and each only as "Anna M." with the ticket type.
    Q_PROPERTY(bool selfService READ selfService NOTIFY selfServiceChanged)
    Q_PROPERTY(int minimumLetters READ minimumLetters CONSTANT)
    // The query is too short to be looked up (self-service).
    Q_PROPERTY(bool tooShort READ tooShort NOTIFY resultsReady)
    // More people matched than are shown: the person should type more.
    Q_PROPERTY(bool truncated READ truncated NOTIFY resultsReady)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        CompanyRole,
        TicketTypeRole,
        AttendeeIdRole,
        InsideRole,
        CancelledRole,
    };
    Q_ENUM(Role)

    static constexpr int Limit = 50;
    static constexpr int SelfServiceLimit = 5;
    static constexpr int SelfServiceMinimumLetters = 3;

    explicit SearchModel(LocalStore *store, QObject *parent = nullptr);
    static SearchModel *create(QQmlEngine *engine, QJSEngine *);

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    bool searching() const { return m_searching; }
    QString error() const { return m_error; }
    bool selfService() const { return m_selfService; }
    void setSelfService(bool on);
    int minimumLetters() const { return m_selfService ? SelfServiceMinimumLetters : 1; }
    bool tooShort() const;
    bool truncated() const { return m_truncated; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Asks again for the current query (after check-ins or synced changes).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void clear() { setQuery(QString()); }
    // One row as a map of its roles (empty when out of range).
    Q_INVOKABLE QVariantMap get(int row) const;

Q_SIGNALS:
    void queryChanged();
    void countChanged();
    void searchingChanged();
    void errorChanged();
    void selfServiceChanged();
    // The answer to the current query is shown.
    void resultsReady();

protected:
    // On QEvent::LanguageChange: a search that failed asks again, for the error in the new words.
    bool event(QEvent *event) override;

private:
    void show(const SearchResult &result, bool truncated = false);
    QList<AttendeeView> namesOnly(const QList<AttendeeView> &found) const;
    void setSearching(bool searching);

    LocalStore *m_store;
    QString m_query;
    QList<AttendeeView> m_rows;
    quint64 m_generation = 0; // answers to older queries are dropped
    bool m_searching = false;
    QString m_error;
    bool m_selfService = false;
    bool m_truncated = false;
};

} // namespace checkin::ui
