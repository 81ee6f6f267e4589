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

// The attendee a volunteer tapped: where they are now and their check-in history (one row per
// entry, exit or undo, oldest first), read from the store on its worker thread.
class AttendeeDetailModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString attendeeId READ attendeeId WRITE setAttendeeId NOTIFY attendeeIdChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool found READ found NOTIFY detailChanged)
    Q_PROPERTY(QString error READ error NOTIFY detailChanged)
    Q_PROPERTY(QString name READ name NOTIFY detailChanged)
    Q_PROPERTY(bool inside READ inside NOTIFY detailChanged)
    Q_PROPERTY(bool cancelled READ cancelled NOTIFY detailChanged)
    // "Inside since 09:12 at Door 2", "Ticket cancelled", "Not checked in yet"; empty when unknown.
    Q_PROPERTY(QString statusText READ statusText NOTIFY detailChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    // Badges printed for them, here or at another door: "Badge printed 09:14 at Door 2", "Badge
    // printed 2 times, last 09:20 at Door 1"; empty when none.
    Q_PROPERTY(QString badgeText READ badgeText NOTIFY detailChanged)
    Q_PROPERTY(int badgeCount READ badgeCount NOTIFY detailChanged)
    // A walk-in: registered at a door (their badge carries their id as its code).
    Q_PROPERTY(bool walkIn READ walkIn NOTIFY detailChanged)
    // What the door must know: [{label, text, attention}] (never read in self-service).
    Q_PROPERTY(QVariantList notes READ notes NOTIFY detailChanged)
    Q_PROPERTY(bool paymentPending READ paymentPending NOTIFY detailChanged)
    Q_PROPERTY(QString orderCode READ orderCode NOTIFY detailChanged)
public:
    // How the rules count a check-in of the history (AttendeeDetailModel.Duplicate in QML).
    enum class Status { Accepted, Duplicate, Conflict, Rejected };
    Q_ENUM(Status)
    // What it was, for its glyph.
    enum class Kind { Entry, Exit, Undo };
    Q_ENUM(Kind)

    enum Role {
        TimeRole = Qt::UserRole + 1, // "09:12", with the date when not today (the locale's format)
        ActionRole,                  // "Entry", "Exit", "Undo"
        DeviceRole,                  // the door's name
        StatusRole,                  // a Status
        UndoneRole,                  // a later undo cancelled it
        ForcedRole,                  // a volunteer override
        NoteRole,
        DeliveredRole, // the server has it
        KindRole,      // a Kind: for glyphs, not for reading
        AnswerRole,    // the answer to the list's question ("yes", "no", ...), empty when none
    };
    Q_ENUM(Role)

    explicit AttendeeDetailModel(LocalStore *store, QObject *parent = nullptr);
    static AttendeeDetailModel *create(QQmlEngine *engine, QJSEngine *);

    QString attendeeId() const { return m_attendeeId; }
    void setAttendeeId(const QString &attendeeId);
    // Self-service: no attendee's details are read at all (the screens show none).
    void setSelfService(bool on);
    bool loading() const { return m_loading; }
    bool found() const { return m_detail.found; }
    QString error() const { return m_detail.error; }
    QString name() const;
    bool inside() const { return m_detail.view.inside; }
    bool cancelled() const { return m_detail.view.attendee.isCancelled(); }
    QString statusText() const;
    QString badgeText() const;
    int badgeCount() const { return int(m_detail.prints.size()); }
    bool walkIn() const { return !m_detail.view.attendee.walkInCheckIn.isEmpty(); }
    QVariantList notes() const;
    bool paymentPending() const { return m_detail.view.attendee.paymentPending; }
    QString orderCode() const { return m_detail.view.attendee.orderCode; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Reads the attendee again (after a check-in here or changes synced from other doors).
    Q_INVOKABLE void refresh();

    // For tests: "today" for the times shown (default: the current date).
    void setToday(const QDate &today) { m_today = today; }

Q_SIGNALS:
    void attendeeIdChanged();
    void loadingChanged();
    void detailChanged();
    void countChanged();
    // The answer for the current attendee is shown.
    void loaded();

protected:
    // On QEvent::LanguageChange: the status and the history's words and times again.
    bool event(QEvent *event) override;

private:
    void show(const AttendeeDetail &detail);
    void setLoading(bool loading);
    QString timeOf(qint64 ms) const;

    LocalStore *m_store;
    QString m_attendeeId;
    bool m_selfService = false;
    AttendeeDetail m_detail;
    quint64 m_generation = 0; // answers for an attendee no longer selected are dropped
    bool m_loading = false;
    QDate m_today;
};

} // namespace checkin::ui
