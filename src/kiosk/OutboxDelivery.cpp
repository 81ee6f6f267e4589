// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OutboxDelivery.h"
#include "KioskLogging.h"

#include "Futures.h"
#include "LocalStore.h"
#include "Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace checkin {

OutboxDelivery::OutboxDelivery(LocalStore *store, ServerClient *client, const QString &path, int batchSize,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_path(path)
    , m_batchSize(batchSize)
{}

void OutboxDelivery::start()
{
    send(m_store->outbox(m_batchSize));
}

void OutboxDelivery::send(QFuture<Outbox> next)
{
    m_step = "reading the outbox";
    ++m_inFlight;
    deliverLater(next, this, [this](const Outbox &batch) {
        --m_inFlight;
        if (m_cancelled)
            return;
        if (!batch.error.isEmpty()) {
            Q_EMIT storeFailed(batch.error);
            return;
        }
        if (batch.checkIns.isEmpty()) {
            checkInsDrained();
            return;
        }
        QJsonArray items;
        for (const CheckIn &c : batch.checkIns) {
            const auto walkIn = batch.walkIns.constFind(c.id);
            const std::optional<WalkIn> person =
                walkIn == batch.walkIns.constEnd() ? std::nullopt : std::optional<WalkIn>(*walkIn);
            // Another door's check-in, held here: delivered for that door.
            items.append(c.deviceId == batch.deviceId || batch.deviceId.isEmpty()
                             ? Protocol::toUploadJson(c, person)
                             : Protocol::toRelayedUploadJson(c, person));
        }
        const QByteArray body = QJsonDocument(Protocol::uploadBatch(items)).toJson(QJsonDocument::Compact);
        // The batch after this one is read while this one travels (a full batch may have more
        // behind it); the store marks this one delivered before it reads again.
        const bool more = batch.checkIns.size() >= m_batchSize;
        const QFuture<Outbox> following =
            more ? m_store->outbox(m_batchSize, int(batch.checkIns.size())) : QFuture<Outbox>();
        m_step = "uploading a batch";
        ++m_inFlight;
        deliverLater(m_client->post(m_path, body), this,
                     [this, batch, more, following](const ServerClient::Reply &r) {
                         --m_inFlight;
                         if (m_cancelled)
                             return;
                         if (!r.ok()) {
                             Q_EMIT replyFailed(r);
                             return;
                         }
                         answered(batch, r.body, more, following);
                     });
    });
}

void OutboxDelivery::answered(const Outbox &batch, const QByteArray &body, bool more,
                              QFuture<Outbox> following)
{
    // Every item has a result, or the batch failed as a whole (docs/protocol.md): so all are delivered.
    QSet<QString> answered;
    int accepted = 0;
    int duplicates = 0;
    int conflicts = 0;
    int rejected = 0;
    for (const Protocol::CheckInResult &result :
         Protocol::readUploadResults(QJsonDocument::fromJson(body).object())) {
        answered.insert(result.id);
        switch (result.status) {
        case CheckInStatus::Accepted:
            ++accepted;
            break;
        case CheckInStatus::Duplicate:
            ++duplicates;
            break;
        case CheckInStatus::Conflict:
            ++conflicts;
            break;
        case CheckInStatus::Rejected:
            ++rejected;
            qCWarning(lcSync) << "the server rejected check-in" << result.id << result.reason;
            break;
        }
    }
    Q_EMIT tallied(accepted, duplicates, conflicts, rejected);
    if (m_cancelled)
        return;
    QStringList delivered;
    for (const CheckIn &c : batch.checkIns) {
        if (answered.contains(c.id))
            delivered << c.id;
    }
    if (delivered.size() != batch.checkIns.size()) {
        Q_EMIT refused([] {
            return tr(
                "The server answered the upload without a result for every check-in; they stay queued.");
        });
        return;
    }
    // The queue this device shows counts its own check-ins, not those it delivered for other doors.
    const int own = int(std::count_if(batch.checkIns.cbegin(), batch.checkIns.cend(), [&](const CheckIn &c) {
        return c.deviceId == batch.deviceId || batch.deviceId.isEmpty();
    }));
    m_step = "marking a batch delivered";
    ++m_inFlight;
    deliverLater(m_store->markDelivered(delivered), this, [this, n = own, more](const StoreStatus &marked) {
        --m_inFlight;
        if (m_cancelled)
            return;
        if (!marked.ok()) {
            Q_EMIT storeFailed(marked.error);
            return;
        }
        m_delivered += n;
        Q_EMIT batchDelivered(n);
        if (!more)
            checkInsDrained();
        maybeFinish();
    });
    if (more)
        send(following); // on its way while this batch is being marked
}

void OutboxDelivery::checkInsDrained()
{
    if (m_printsStarted)
        return;
    m_printsStarted = true;
    sendPrints();
}

void OutboxDelivery::sendPrints()
{
    m_step = "reading the print log";
    ++m_inFlight;
    deliverLater(m_store->printOutbox(Protocol::MaxPrintsPerBatch), this, [this](const PrintOutbox &batch) {
        --m_inFlight;
        if (m_cancelled)
            return;
        if (!batch.error.isEmpty()) {
            Q_EMIT storeFailed(batch.error);
            return;
        }
        if (batch.prints.isEmpty()) {
            m_drained = true;
            maybeFinish();
            return;
        }
        QJsonArray items;
        for (const BadgePrint &p : batch.prints)
            items.append(Protocol::toUploadJson(p));
        const QByteArray body = QJsonDocument(Protocol::printBatch(items)).toJson(QJsonDocument::Compact);
        QString path = m_path;
        path.replace(path.lastIndexOf(QLatin1String("/checkins")), 9, QStringLiteral("/prints"));
        m_step = "uploading badge prints";
        ++m_inFlight;
        deliverLater(m_client->post(path, body), this, [this, batch](const ServerClient::Reply &r) {
            --m_inFlight;
            if (m_cancelled)
                return;
            if (r.status == 404 && r.errorCode != QLatin1String("no_such_event")) {
                // A server without the print log (older than this kiosk): the prints stay here,
                // for a server that has it; the check-ins went through.
                qCInfo(lcSync) << "the server keeps no print log; badge prints stay on this kiosk";
                m_drained = true;
                maybeFinish();
                return;
            }
            if (!r.ok()) {
                Q_EMIT replyFailed(r);
                return;
            }
            // A result for each: stored, or refused for good (logged; sending it again changes nothing).
            QStringList answered;
            for (const Protocol::PrintResult &result : Protocol::readPrintResults(r.json.object())) {
                if (!result.stored)
                    qCWarning(lcSync) << "the server refused badge print" << result.id << result.reason;
                answered << result.id;
            }
            const bool full = batch.prints.size() >= Protocol::MaxPrintsPerBatch;
            m_step = "marking badge prints delivered";
            ++m_inFlight;
            deliverLater(m_store->markPrintsDelivered(answered), this,
                         [this, full](const StoreStatus &marked) {
                             --m_inFlight;
                             if (m_cancelled)
                                 return;
                             if (!marked.ok()) {
                                 Q_EMIT storeFailed(marked.error);
                                 return;
                             }
                             if (full) {
                                 sendPrints();
                                 return;
                             }
                             m_drained = true;
                             maybeFinish();
                         });
        });
    });
}

void OutboxDelivery::maybeFinish()
{
    if (!m_drained || m_inFlight > 0 || m_finished)
        return;
    m_finished = true;
    m_step = "done";
    Q_EMIT finished();
}

} // namespace checkin
