// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AttendeeDetailModel.h"

#include "CheckInDesk.h"
#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"

#include "TimeOfDay.h"
#include "VerdictText.h"

#include <QDateTime>
#include <QEvent>
#include <QLocale>

namespace checkin::ui {

AttendeeDetailModel::AttendeeDetailModel(LocalStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{}

AttendeeDetailModel *AttendeeDetailModel::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<AttendeeDetailModel>(engine);
}

void AttendeeDetailModel::setSelfService(bool on)
{
    m_selfService = on;
    if (on)
        setAttendeeId(QString());
}

void AttendeeDetailModel::setAttendeeId(const QString &attendeeId)
{
    if (m_selfService && !attendeeId.isEmpty())
        return;
    if (attendeeId == m_attendeeId)
        return;
    m_attendeeId = attendeeId;
    Q_EMIT attendeeIdChanged();
    show({}); // never the previous person's history under the new name, not even for a frame
    refresh();
}

void AttendeeDetailModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (m_attendeeId.isEmpty()) {
        setLoading(false);
        show({});
        return;
    }
    setLoading(true);
    // Always later (deliverLater, not then(this, ...), which answers at once when the store was
    // quicker than this line): `loading` is seen, and an answer overtaken by another tap is dropped.
    deliverLater(m_store->attendee(m_attendeeId), this, [this, generation](const AttendeeDetail &detail) {
        if (generation != m_generation)
            return; // another attendee was tapped meanwhile
        setLoading(false);
        show(detail);
        Q_EMIT loaded();
    });
}

void AttendeeDetailModel::show(const AttendeeDetail &detail)
{
    const qsizetype before = m_detail.history.size();
    beginResetModel();
    m_detail = detail;
    endResetModel();
    if (before != m_detail.history.size())
        Q_EMIT countChanged();
    Q_EMIT detailChanged();
}

void AttendeeDetailModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

bool AttendeeDetailModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        Q_EMIT detailChanged();
        if (!m_detail.history.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_detail.history.size()) - 1), {TimeRole, ActionRole});
    }
    return QAbstractListModel::event(event);
}

QString AttendeeDetailModel::name() const
{
    return m_detail.found ? m_detail.view.attendee.displayName() : QString();
}

QString AttendeeDetailModel::statusText() const
{
    if (!m_detail.found)
        return {};
    const AttendeeView &v = m_detail.view;
    if (v.attendee.isCancelled())
        return tr("Ticket cancelled");
    if (!v.inside)
        return m_detail.history.isEmpty() ? tr("Not checked in yet") : tr("Not inside");
    const QString door = !v.insideDeviceName.isEmpty() ? v.insideDeviceName
                         : !v.insideDeviceId.isEmpty() ? v.insideDeviceId
                                                       : tr("another door");
    if (v.insideSinceMs <= 0)
        return tr("Inside (checked in at %1)").arg(door);
    return tr("Inside since %1 at %2").arg(timeOf(v.insideSinceMs), door);
}

QVariantList AttendeeDetailModel::notes() const
{
    return m_detail.found ? doorNotes(m_detail.view.attendee.notes) : QVariantList();
}

QString AttendeeDetailModel::badgeText() const
{
    if (!m_detail.found || m_detail.prints.isEmpty())
        return {};
    const BadgePrint &last = m_detail.prints.constLast();
    const QString door = last.deviceName.isEmpty() ? tr("another door") : last.deviceName;
    if (m_detail.prints.size() == 1)
        return tr("Badge printed %1 at %2").arg(timeOf(last.atMs), door);
    return tr("Badge printed %n times, last %1 at %2", nullptr, int(m_detail.prints.size()))
        .arg(timeOf(last.atMs), door);
}

QString AttendeeDetailModel::timeOf(qint64 ms) const
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    if (at.date() == today)
        return timeOfDay(at);
    //: the day of an earlier check-in, in QDate::toString() form: "3 Nov"
    const QString day = QLocale().toString(at.date(), tr("d MMM"));
    //: %1 the day ("3 Nov"), %2 the time ("09:12")
    return tr("%1, %2").arg(day, timeOfDay(at));
}

int AttendeeDetailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_detail.history.size());
}

QVariant AttendeeDetailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CheckInRecord &r = m_detail.history.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ActionRole:
        switch (r.checkIn.kind) {
        case CheckInKind::Entry:
            return tr("Entry");
        case CheckInKind::Exit:
            return tr("Exit");
        case CheckInKind::Undo:
            return tr("Undo");
        }
        return {};
    case TimeRole:
        return timeOf(r.checkIn.atMs);
    case DeviceRole:
        if (r.checkIn.paper)
            return CheckInDesk::paperDevice();
        return !r.deviceName.isEmpty() ? r.deviceName : r.checkIn.deviceId;
    case AnswerRole:
        return r.checkIn.answer;
    case StatusRole:
        switch (r.classification.status) {
        case CheckInStatus::Accepted:
            return int(Status::Accepted);
        case CheckInStatus::Duplicate:
            return int(Status::Duplicate);
        case CheckInStatus::Conflict:
            return int(Status::Conflict);
        case CheckInStatus::Rejected:
            return int(Status::Rejected);
        }
        return {};
    case UndoneRole:
        return r.classification.undone;
    case ForcedRole:
        return r.checkIn.forced;
    case NoteRole:
        return r.checkIn.note;
    case DeliveredRole:
        return r.delivered;
    case KindRole:
        switch (r.checkIn.kind) {
        case CheckInKind::Entry:
            return int(Kind::Entry);
        case CheckInKind::Exit:
            return int(Kind::Exit);
        case CheckInKind::Undo:
            return int(Kind::Undo);
        }
        return {};
    default:
        return {};
    }
}

QHash<int, QByteArray> AttendeeDetailModel::roleNames() const
{
    return {{TimeRole, "time"},     {ActionRole, "action"},       {DeviceRole, "device"},
            {StatusRole, "status"}, {UndoneRole, "undone"},       {ForcedRole, "forced"},
            {NoteRole, "note"},     {DeliveredRole, "delivered"}, {KindRole, "kind"},
            {AnswerRole, "answer"}};
}

} // namespace checkin::ui
