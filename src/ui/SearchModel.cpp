#include "SearchModel.h"

#include "FutureWait.h"
#include "LocalStore.h"
#include "QmlServices.h"

#include <QEvent>

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

void SearchModel::refresh()
{
    const quint64 generation = ++m_generation;
    if (m_query.trimmed().isEmpty()) {
        setSearching(false);
        show({});
        return;
    }
    setSearching(true);
    // Always through the event loop, so that an answer never arrives inside setQuery().
    deliverLater(m_store->search(m_query, Limit), this, [this, generation](const SearchResult &result) {
        if (generation != m_generation)
            return; // the volunteer typed on: a newer query is under way
        setSearching(false);
        show(result);
    });
}

bool SearchModel::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_error.isEmpty())
        refresh();
    return QAbstractListModel::event(event);
}

void SearchModel::show(const SearchResult &result)
{
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
        return a.displayName();
    case CompanyRole:
        return a.company;
    case TicketTypeRole:
        return a.ticketType;
    case AttendeeIdRole:
        return a.id;
    case InsideRole:
        return view.inside;
    case CancelledRole:
        return a.isCancelled();
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
