// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReviewModel.h"
#include "UiLogging.h"

#include "TimeOfDay.h"

#include <QEvent>
#include <QLocale>

#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "ReviewText.h"

#include <QDateTime>
#include <QSet>

namespace checkin::ui {

ReviewModel::ReviewModel(LocalStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{}

ReviewModel *ReviewModel::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<ReviewModel>(engine);
}

void ReviewModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        refresh();
}

ReviewModel::Kind ReviewModel::kindOf(ReviewKind kind)
{
    switch (kind) {
    case ReviewKind::Duplicate:
        return Kind::Duplicate;
    case ReviewKind::Conflict:
        return Kind::Conflict;
    case ReviewKind::Rejected:
        return Kind::Rejected;
    case ReviewKind::Forced:
        break;
    }
    return Kind::Forced;
}

namespace {
// The store's kind for a filter; none for All.
std::optional<ReviewKind> storeKind(ReviewModel::Kind kind)
{
    switch (kind) {
    case ReviewModel::Kind::All:
        break;
    case ReviewModel::Kind::Duplicate:
        return ReviewKind::Duplicate;
    case ReviewModel::Kind::Conflict:
        return ReviewKind::Conflict;
    case ReviewModel::Kind::Rejected:
        return ReviewKind::Rejected;
    case ReviewModel::Kind::Forced:
        return ReviewKind::Forced;
    }
    return std::nullopt;
}
} // namespace

void ReviewModel::setFilter(Kind filter)
{
    if (int(filter) < int(Kind::All) || int(filter) > int(Kind::Forced)) {
        qCWarning(lcReview) << "unknown review filter" << int(filter) << "- the filter stays";
        return;
    }
    if (filter == m_filter)
        return;
    m_filter = filter;
    ++m_filterGeneration;
    Q_EMIT filterChanged();
    Q_EMIT countsChanged(); // `matching` follows the filter
    refresh();
}

int ReviewModel::matching() const
{
    const std::optional<ReviewKind> kind = storeKind(m_filter);
    if (!kind)
        return m_list.counts.total();
    switch (*kind) {
    case ReviewKind::Duplicate:
        return m_list.counts.duplicates;
    case ReviewKind::Conflict:
        return m_list.counts.conflicts;
    case ReviewKind::Rejected:
        return m_list.counts.rejected;
    case ReviewKind::Forced:
        return m_list.counts.forced;
    }
    return 0;
}

void ReviewModel::refresh()
{
    if (!m_active) {
        m_stale = true;
        return;
    }
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_inFlight = true;
    m_again = false;
    m_stale = false;
    setLoading(true);
    const std::optional<ReviewKind> only = storeKind(m_filter);
    deliverLater(m_store->reviewItems(only, Limit), this,
                 [this, generation = m_filterGeneration](const ReviewList &list) {
                     m_inFlight = false;
                     // An answer for the filter shown is shown even when more changed meanwhile, so
                     // that a busy door does not keep the list from ever appearing.
                     if (generation == m_filterGeneration)
                         show(list);
                     if (m_again || generation != m_filterGeneration) {
                         refresh();
                         return;
                     }
                     setLoading(false);
                     Q_EMIT loaded();
                 });
}

void ReviewModel::show(const ReviewList &list)
{
    const bool countsDiffer = list.counts != m_list.counts || list.error != m_list.error;
    const int before = int(m_list.items.size());
    update(list.items);
    m_list.counts = list.counts;
    m_list.error = list.error;
    if (before != m_list.items.size())
        Q_EMIT countChanged();
    if (countsDiffer)
        Q_EMIT countsChanged();
}

void ReviewModel::update(const QList<ReviewItem> &items)
{
    QList<ReviewItem> &rows = m_list.items;
    QSet<QString> wanted;
    for (const ReviewItem &item : items)
        wanted.insert(item.record.checkIn.id);
    for (int row = int(rows.size()) - 1; row >= 0; --row) {
        if (wanted.contains(rows.at(row).record.checkIn.id))
            continue;
        beginRemoveRows({}, row, row);
        rows.removeAt(row);
        endRemoveRows();
    }
    // The rows left must come in the new list in the same order; a check-in that took the server's
    // clock value may have moved, and then the list starts over.
    QHash<QString, int> position;
    for (int i = 0; i < items.size(); ++i)
        position.insert(items.at(i).record.checkIn.id, i);
    for (int row = 1; row < rows.size(); ++row) {
        if (position.value(rows.at(row - 1).record.checkIn.id) >
            position.value(rows.at(row).record.checkIn.id)) {
            beginResetModel();
            rows = items;
            endResetModel();
            return;
        }
    }
    for (int i = 0; i < items.size(); ++i) {
        const ReviewItem &item = items.at(i);
        if (i < rows.size() && rows.at(i).record.checkIn.id == item.record.checkIn.id) {
            if (!(rows.at(i) == item)) {
                rows[i] = item;
                Q_EMIT dataChanged(index(i), index(i));
            }
            continue;
        }
        beginInsertRows({}, i, i);
        rows.insert(i, item);
        endInsertRows();
    }
}

void ReviewModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

QString ReviewModel::timeOf(qint64 ms) const
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms);
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    // In the screens' language: "09:12" in German, "9:12 AM" in American English; another day with
    // the locale's month name.
    if (at.date() == today)
        return timeOfDay(at);
    return tr("%1, %2").arg(QLocale().toString(at.date(), QStringLiteral("d MMM")), timeOfDay(at));
}

bool ReviewModel::event(QEvent *event)
{
    // The kinds, reasons and rules are written when read: a new language rewrites every row.
    if (event->type() == QEvent::LanguageChange) {
        if (!m_list.items.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_list.items.size()) - 1));
        Q_EMIT countsChanged();
    }
    return QAbstractListModel::event(event);
}

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_list.items.size());
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReviewItem &item = m_list.items.at(index.row());
    const CheckInRecord &r = item.record;
    const auto time = [this](qint64 ms) { return timeOf(ms); };
    switch (role) {
    case KindRole:
        return int(kindOf(item.kind));
    case KindTitleRole:
        return ReviewText::kindTitle(item.kind);
    case Qt::DisplayRole:
    case NameRole:
        return ReviewText::who(item);
    case TicketTypeRole:
        return item.ticketType;
    case ActionRole:
        return ReviewText::action(r.checkIn.kind);
    case TimeRole:
        return timeOf(r.checkIn.atMs);
    case DeviceRole:
        return !r.deviceName.isEmpty() ? r.deviceName : r.checkIn.deviceId;
    case FirstRole:
        return ReviewText::first(item, time);
    case ReasonRole:
        return ReviewText::reason(item, time);
    case RuleRole:
        return ReviewText::rule(item);
    case NoteRole:
        return r.checkIn.note;
    case ForcedRole:
        return r.checkIn.forced;
    case UndoneRole:
        return r.classification.undone;
    case DeliveredRole:
        return r.delivered;
    case StatusRole:
        return checkInStatusName(r.classification.status);
    case CheckInIdRole:
        return r.checkIn.id;
    default:
        return {};
    }
}

QVariantMap ReviewModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_list.items.size())
        return map;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

QHash<int, QByteArray> ReviewModel::roleNames() const
{
    return {{KindRole, "kind"},     {KindTitleRole, "kindTitle"},
            {NameRole, "name"},     {TicketTypeRole, "ticketType"},
            {ActionRole, "action"}, {TimeRole, "time"},
            {DeviceRole, "device"}, {FirstRole, "first"},
            {ReasonRole, "reason"}, {RuleRole, "rule"},
            {NoteRole, "note"},     {ForcedRole, "forced"},
            {UndoneRole, "undone"}, {DeliveredRole, "delivered"},
            {StatusRole, "status"}, {CheckInIdRole, "checkInId"}};
}

} // namespace checkin::ui
