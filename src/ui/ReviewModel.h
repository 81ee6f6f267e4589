// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"

#include <QAbstractListModel>
#include <QDate>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
}

namespace checkin::ui {

// The check-ins the event lead reviews in the admin area, newest first: duplicates (the same
// ticket at two doors), conflicts (let in while the ticket was cancelled), rejected ones and the
// volunteers' overrides; who, what, when, where, the entry a duplicate repeats, the reason and the
// rule in words. Read from the store on its worker thread, only while `active` (the admin area is
// open): then again after each check-in here and each page of changes from the server.
class ReviewModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // All, or one kind (ReviewModel.Duplicate in QML).
    Q_PROPERTY(Kind filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QString error READ error NOTIFY countsChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int total READ total NOTIFY countsChanged)
    Q_PROPERTY(int duplicates READ duplicates NOTIFY countsChanged)
    Q_PROPERTY(int conflicts READ conflicts NOTIFY countsChanged)
    Q_PROPERTY(int rejected READ rejected NOTIFY countsChanged)
    Q_PROPERTY(int forced READ forced NOTIFY countsChanged)
    // How many there are of the kind shown (all kinds without a filter): more than `count` when
    // only the newest `Limit` are listed.
    Q_PROPERTY(int matching READ matching NOTIFY countsChanged)
public:
    // What a row is, and what the list is filtered by (All: no filter).
    enum class Kind { All, Duplicate, Conflict, Rejected, Forced };
    Q_ENUM(Kind)

    enum Role {
        KindRole = Qt::UserRole + 1, // a Kind (never All): for colours
        KindTitleRole,               // "Duplicate", "Conflict", "Rejected", "Admitted anyway"
        NameRole,                    // who, or "Unknown ticket code"
        TicketTypeRole,
        ActionRole, // "Entry", "Check-out", "Undo"
        TimeRole,   // HH:mm, with the date when not today
        DeviceRole, // the door's name
        FirstRole,  // for a duplicate: "First entry: 09:12 at Door 2"
        ReasonRole,
        RuleRole,
        NoteRole, // an override's note
        ForcedRole,
        UndoneRole,    // undone afterwards: it no longer counts
        DeliveredRole, // the server has it
        StatusRole,    // how the rules count it: "accepted", "duplicate", "conflict", "rejected"
        CheckInIdRole,
    };
    Q_ENUM(Role)

    static constexpr int Limit = 200;

    explicit ReviewModel(LocalStore *store, QObject *parent = nullptr);
    static ReviewModel *create(QQmlEngine *engine, QJSEngine *);

    bool active() const { return m_active; }
    void setActive(bool active);
    Kind filter() const { return m_filter; }
    // A number that is no Kind (from QML) is refused with a warning and changes nothing.
    void setFilter(Kind filter);
    static Kind kindOf(ReviewKind kind);
    bool loading() const { return m_loading; }
    QString error() const { return m_list.error; }
    int total() const { return m_list.counts.total(); }
    int duplicates() const { return m_list.counts.duplicates; }
    int conflicts() const { return m_list.counts.conflicts; }
    int rejected() const { return m_list.counts.rejected; }
    int forced() const { return m_list.counts.forced; }
    int matching() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    // One row as a map of its roles (empty when out of range).
    Q_INVOKABLE QVariantMap get(int row) const;

    // Reads the list again (coalesced: one request at a time, one more if asked meanwhile); while
    // not active it only notes that the list is out of date.
    Q_INVOKABLE void refresh();

    // For tests: "today" for the times shown (default: the current date).
    void setToday(const QDate &today) { m_today = today; }

Q_SIGNALS:
    void activeChanged();
    void filterChanged();
    void loadingChanged();
    void countChanged();
    void countsChanged();
    // An answer from the store is shown.
    void loaded();

protected:
    bool event(QEvent *event) override;

private:
    void show(const ReviewList &list);
    // Moves the rows to `items` with inserts, removals and changes, so a list on screen keeps its
    // place; a reset only when the order of the rows that stay has changed.
    void update(const QList<ReviewItem> &items);
    void setLoading(bool loading);
    QString timeOf(qint64 ms) const;

    LocalStore *m_store;
    bool m_active = false;
    bool m_stale = true; // something changed while not active
    Kind m_filter = Kind::All;
    ReviewList m_list;
    quint64 m_filterGeneration = 0; // answers for another filter are dropped
    bool m_inFlight = false;
    bool m_again = false;
    bool m_loading = false;
    QDate m_today;
};

} // namespace checkin::ui
