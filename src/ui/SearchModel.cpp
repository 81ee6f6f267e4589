// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SearchModel.h"

#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"
#include "SearchText.h"

#include <QEvent>

#include <algorithm>

namespace checkin::ui {

SearchModel::SearchModel(LocalStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{}

SearchModel *SearchModel::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<SearchModel>(engine);
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    refresh();
}

void SearchModel::setSelfService(bool on)
{
    if (m_selfService == on)
        return;
    m_selfService = on;
    Q_EMIT selfServiceChanged();
    refresh(); // what may be shown has changed
}

// Self-service: only people whose names match every word typed. The store also matches companies,
// which would let anyone list who works where by typing a company's name.
QList<AttendeeView> SearchModel::namesOnly(const QList<AttendeeView> &found) const
{
    const QStringList words = SearchText::queryWords(m_query);
    QList<AttendeeView> kept;
    for (const AttendeeView &view : found) {
        const QStringList keys =
            SearchText::keys(view.attendee.firstName) + SearchText::keys(view.attendee.lastName);
        const bool all = std::all_of(words.cbegin(), words.cend(), [&keys](const QString &word) {
            return std::any_of(keys.cbegin(), keys.cend(),
                               [&word](const QString &key) { return key.startsWith(word); });
        });
        if (all)
            kept << view;
    }
    return kept;
}

bool SearchModel::tooShort() const
{
    if (!m_selfService)
        return false;
    // Three letters in one word: "a b c" would come close to browsing the list.
    for (const QString &word : m_query.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const auto letters = std::count_if(word.cbegin(), word.cend(), [](QChar c) { return c.isLetter(); });
        if (letters >= SelfServiceMinimumLetters)
            return false;
    }
    return true;
}

void SearchModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (m_query.trimmed().isEmpty() || tooShort()) {
        setSearching(false);
        show({});
        return;
    }
    setSearching(true);
    // Always through the event loop, so that an answer never arrives inside setQuery().
    // One more than is shown, to know whether there are more. Self-service asks for more, as
    // names alone must match there (see namesOnly()).
    const int limit = m_selfService ? SelfServiceLimit : Limit;
    const int ask = m_selfService ? Limit + 1 : limit + 1;
    deliverLater(m_store->search(m_query, ask), this, [this, generation, limit](SearchResult result) {
        if (generation != m_generation)
            return; // the volunteer typed on: a newer query is under way
        setSearching(false);
        if (m_selfService)
            result.attendees = namesOnly(result.attendees);
        const bool truncated = result.attendees.size() > limit;
        if (truncated)
            result.attendees.resize(limit);
        show(result, truncated);
    });
}

bool SearchModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_error.isEmpty())
        refresh();
    return QAbstractListModel::event(event);
}

void SearchModel::show(const SearchResult &result, bool truncated)
{
    m_truncated = truncated;
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows = result.attendees;
    endResetModel();
    if (before != m_rows.size())
        Q_EMIT countChanged();
    if (m_error != result.error) {
        m_error = result.error;
        Q_EMIT errorChanged();
    }
    Q_EMIT resultsReady();
}

void SearchModel::setSearching(bool searching)
{
    if (m_searching == searching)
        return;
    m_searching = searching;
    Q_EMIT searchingChanged();
}

int SearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AttendeeView &view = m_rows.at(index.row());
    const Attendee &a = view.attendee;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m_selfService ? a.shortName() : a.displayName();
    case CompanyRole:
        return m_selfService ? QString() : a.company;
    case TicketTypeRole:
        return a.ticketType;
    case AttendeeIdRole:
        return a.id;
    case InsideRole:
        return !m_selfService && view.inside; // self-service: not for other people's eyes
    case CancelledRole:
        return !m_selfService && a.isCancelled();
    default:
        return {};
    }
}

QVariantMap SearchModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_rows.size())
        return map;
    const QHash<int, QByteArray> roles = roleNames();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    return map;
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{NameRole, "name"},
            {CompanyRole, "company"},
            {TicketTypeRole, "ticketType"},
            {AttendeeIdRole, "attendeeId"},
            {InsideRole, "inside"},
            {CancelledRole, "cancelled"}};
}

} // namespace checkin::ui
