#include "SearchIndexBuilder.h"

#include <QAtomicInteger>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>

namespace checkin {

namespace {

SearchIndexBuilder::Result build(const QString &path, const QString &eventId, quint64 generation)
{
    static QAtomicInteger<quint64> builds;
    SearchIndexBuilder::Result result;
    result.eventId = eventId;
    result.generation = generation;
    const QString connection = QStringLiteral("kiosk-search-index-%1").arg(builds.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result.error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            query.setForwardOnly(true);
            query.prepare(QStringLiteral(
                "SELECT pk, first_name, last_name, company FROM attendees WHERE event_id = ?"));
            query.addBindValue(eventId);
            if (!query.exec()) {
                result.error = query.lastError().text();
            } else {
                QList<SearchIndex::Person> people;
                while (query.next())
                    people.append({query.value(0).toLongLong(), query.value(1).toString(),
                                   query.value(2).toString(), query.value(3).toString()});
                result.index = std::make_shared<SearchIndex>();
                result.index->rebuild(people);
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

} // namespace

QFuture<SearchIndexBuilder::Result> SearchIndexBuilder::start(const QString &databasePath,
                                                              const QString &eventId, quint64 generation)
{
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, databasePath, eventId, generation] {
        promise->addResult(build(databasePath, eventId, generation));
        promise->finish();
    });
    return future;
}

} // namespace checkin
