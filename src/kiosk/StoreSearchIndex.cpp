// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// StoreWorker: the search index, built off this thread ahead of the first search (SearchIndexBuilder)
// and kept up to date as attendees come in; built here only when a search cannot wait for that.
#include "Futures.h"
#include "KioskLogging.h"
#include "StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace checkin {

void StoreWorker::forgetIndex()
{
    m_indexReady = false;
    ++m_indexGeneration; // a build under way now reads what is no longer so
}

bool StoreWorker::ensureIndex(QString *error)
{
    if (m_indexReady)
        return true;
    // A build of the attendees as they are is under way: wait for it rather than build twice.
    if (m_indexBuilding && m_buildGeneration == m_indexGeneration) {
        m_indexBuild.waitForFinished();
        adoptIndex(m_indexBuild.result());
        if (m_indexReady)
            return true;
    }
    // Here and now, the same way (on a connection of its own, which reads what is committed).
    SearchIndexBuilder::Result built =
        SearchIndexBuilder::build(databasePath(), m_event.id, m_indexGeneration);
    if (!built.index) {
        *error = describe(QSqlError(QString(), built.error, QSqlError::StatementError),
                          StoreWorker::tr("loading names for search"));
        return false;
    }
    m_index = std::move(*built.index);
    m_indexReady = true;
    return true;
}

void StoreWorker::prepareIndexSoon(int delayMs)
{
    if (!m_indexAhead)
        return; // built by the first search instead (ensureIndex)
    // Made here, on the store's thread, where its timer runs.
    if (!m_indexTimer) {
        m_indexTimer = new QTimer(this);
        m_indexTimer->setSingleShot(true);
        connect(m_indexTimer, &QTimer::timeout, this, &StoreWorker::startIndexBuild);
    }
    m_indexTimer->start(delayMs);
}

void StoreWorker::startIndexBuild()
{
    if (m_indexReady || m_indexBuilding || !m_db.isOpen() || m_event.id.isEmpty())
        return;
    m_indexBuilding = true;
    m_buildGeneration = m_indexGeneration;
    m_indexBuild = SearchIndexBuilder::start(databasePath(), m_event.id, m_indexGeneration);
    deliverLater(m_indexBuild, this,
                 [this](const SearchIndexBuilder::Result &result) { adoptIndex(result); });
}

void StoreWorker::adoptIndex(const SearchIndexBuilder::Result &result)
{
    if (!m_indexBuilding)
        return; // taken already: a search waited for it
    m_indexBuilding = false;
    if (m_indexReady)
        return;
    if (result.index && result.generation == m_indexGeneration && result.eventId == m_event.id) {
        m_index = std::move(*result.index);
        m_indexReady = true;
        return;
    }
    if (!result.error.isEmpty())
        qCWarning(lcStore, "search index not built ahead (the first search builds it): %s",
                  qPrintable(result.error));
    else
        prepareIndexSoon(QuietMs); // attendees came in meanwhile: again, once they are quiet
}

bool StoreWorker::indexAttendees(const QList<Attendee> &attendees, QString *error)
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT pk FROM attendees WHERE event_id = ? AND id = ?"));
    QList<SearchIndex::Person> people;
    people.reserve(attendees.size());
    for (const Attendee &a : attendees) {
        query.addBindValue(m_event.id);
        query.addBindValue(a.id);
        if (!query.exec()) {
            *error = describe(query.lastError(), StoreWorker::tr("loading names for search"));
            return false;
        }
        if (query.next())
            people.append({query.value(0).toLongLong(), a.firstName, a.lastName, a.company});
        query.finish();
    }
    m_index.upsert(people);
    return true;
}

} // namespace checkin
