// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"
#include "ServerClient.h"

#include <QFuture>
#include <QObject>
#include <QString>

namespace checkin {

class LocalStore;
struct Outbox;

// The outbox's delivery, one run of a sync cycle: the undelivered check-ins, oldest first, in
// batches with the same ids on every retry (the server is idempotent on them). A batch is marked
// delivered once the server has a result for every item; the next batch is read while one travels.
// Then the badge prints of the print log, the same way (after the check-ins, so that a walk-in's
// badge reaches a server that has the walk-in). Ends with `finished`, or with one of the failures.
// After cancel() nothing more happens.
class OutboxDelivery : public QObject
{
    Q_OBJECT
public:
    OutboxDelivery(LocalStore *store, ServerClient *client, const QString &path, int batchSize,
                   QObject *parent = nullptr);

    void start();
    // Whatever is still on its way is dropped: no more requests, no more signals.
    void cancel() { m_cancelled = true; }
    // Requests and store operations under way.
    int inFlight() const { return m_inFlight; }
    int delivered() const { return m_delivered; }
    // What it last started waiting for, in words (logs, benchmarks): "reading the outbox", ...
    const char *step() const { return m_step; }

Q_SIGNALS:
    // The server's results for one batch, counted by kind.
    void tallied(int accepted, int duplicates, int conflicts, int rejected);
    // `n` more check-ins are marked delivered.
    void batchDelivered(int n);
    void finished();
    // The server did not take a batch (its answer, an error).
    void replyFailed(const checkin::ServerClient::Reply &reply);
    // It answered, but not with a result for every check-in: they stay queued.
    void refused(const checkin::LiveText &detail);
    void storeFailed(const QString &error);

private:
    void send(QFuture<Outbox> next);
    void answered(const Outbox &batch, const QByteArray &body, bool more, QFuture<Outbox> following);
    // The outbox is drained and nothing is on its way: `finished`, once.
    void maybeFinish();
    // The check-ins are all delivered: the print log's turn (once).
    void checkInsDrained();
    void sendPrints();

    LocalStore *m_store;
    ServerClient *m_client;
    QString m_path;
    int m_batchSize;
    int m_inFlight = 0;
    int m_delivered = 0;
    bool m_cancelled = false;
    bool m_drained = false; // the last batch (of prints, after the check-ins) has been read
    bool m_printsStarted = false;
    bool m_finished = false;
    const char *m_step = "not started";
};

} // namespace checkin
