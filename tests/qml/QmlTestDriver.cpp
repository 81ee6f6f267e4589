// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "QmlTestDriver.h"

#include "DemoAttendees.h"
#include "DoorController.h"
#include "Futures.h"
#include "KioskServices.h"
#include "LocalStore.h"
#include "SelfTest.h"
#include "StatusModel.h"

#include <QDateTime>

using namespace checkin;

QmlTestDriver::QmlTestDriver(ui::KioskServices *services, QObject *parent)
    : QObject(parent)
    , m_services(services)
{}

int QmlTestDriver::sampleCount() const
{
    return int(ui::SelfTest::sampleOutcomes().size());
}

void QmlTestDriver::presentSample(int index)
{
    m_services->door().present(ui::SelfTest::sampleOutcomes().value(index));
}

void QmlTestDriver::showOffline(const QString &reason, int undelivered)
{
    SyncEngine::Status status;
    status.connection = SyncEngine::Connection::Offline;
    status.problem = SyncEngine::Problem::Unreachable;
    status.reason = reason;
    status.undelivered = undelivered;
    status.lastSyncMs = QDateTime::currentMSecsSinceEpoch() - 7 * 60 * 1000;
    m_services->status().showSync(status);
}

void QmlTestDriver::showSyncing(int undelivered)
{
    SyncEngine::Status status;
    status.connection = SyncEngine::Connection::Syncing;
    status.problem = SyncEngine::Problem::None;
    status.undelivered = undelivered;
    status.lastSyncMs = QDateTime::currentMSecsSinceEpoch() - 20 * 1000;
    m_services->status().showSync(status);
}

void QmlTestDriver::showOnline()
{
    SyncEngine::Status status;
    status.connection = SyncEngine::Connection::Online;
    status.problem = SyncEngine::Problem::None;
    status.lastSyncMs = QDateTime::currentMSecsSinceEpoch();
    m_services->status().showSync(status);
}

bool QmlTestDriver::importSample(int count)
{
    LocalStore &store = m_services->store();
    const QFuture<StoreStats> before = store.stats();
    if (!waitForFinished(before, 10'000))
        return false;
    if (before.result().attendees >= count)
        return true;
    const QFuture<CsvImport> imported =
        store.importCsv(DemoAttendees::csv(count, 11), QStringLiteral("Qt Quick test event"));
    if (!waitForFinished(imported, 20'000) || !imported.result().summary.error.isEmpty())
        return false;
    m_services->status().refreshStats();
    return true;
}

void QmlTestDriver::recordReviewSamples()
{
    deliverLater(m_services->store().importCsv(DemoAttendees::csv(40, 11), QStringLiteral("QML test event")),
                 this, [this](const CsvImport &import) {
                     if (!import.summary.error.isEmpty()) {
                         Q_EMIT reviewSamplesRecorded(import.summary.error);
                         return;
                     }
                     ui::SelfTest::recordReviewSamples(m_services, this, [this](const QString &problem) {
                         Q_EMIT reviewSamplesRecorded(problem);
                     });
                 });
}
