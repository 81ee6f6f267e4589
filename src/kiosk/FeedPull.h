// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "LiveText.h"
#include "ServerClient.h"

#include <QObject>
#include <QString>

namespace checkin {

class LocalStore;
class SyncScheduler;
struct FeedPage;

// The change feed's pull, one run of a sync cycle: page by page from the saved cursor until the
// feed has no more. Each page is parsed off this thread (Protocol) and applied in one store
// transaction, with its cursor; the next page travels while one is stored. A page that has more
// but is empty (changes wait for older transactions on the server) is asked again after the
// server's Retry-After. Ends with `finished`, or with one of the failures. After cancel() nothing
// more happens.
class FeedPull : public QObject
{
    Q_OBJECT
public:
    // `path` is the event's feed ("/api/v1/events/<id>/changes"); `cursor` where the store stands.
    FeedPull(LocalStore *store, ServerClient *client, SyncScheduler *scheduler, const QString &path,
             const QString &cursor, int pageSize, QObject *parent = nullptr);
    ~FeedPull() override;

    void start();
    void cancel();
    int inFlight() const { return m_inFlight; }
    // Changes applied in this run.
    qint64 pulled() const { return m_pulled; }
    // What it last started waiting for, in words (logs, benchmarks): "asking for a page", ...
    const char *step() const { return m_step; }

    // The feed answer as the engine reads it: a page, or why it is none ("" when it is one), in the
    // language of the moment.
    static FeedPage parse(const QByteArray &body);

Q_SIGNALS:
    // Changes applied so far, how many in all when the server said (else -1), changes per second.
    void progress(qint64 done, qint64 total, double perSecond);
    void pageApplied(int attendees, int checkIns);
    void finished();
    void replyFailed(const checkin::ServerClient::Reply &reply);
    // The server sent something this kiosk cannot read.
    void refused(const checkin::LiveText &detail);
    void storeFailed(const QString &error);

private:
    void request(bool first);
    void arrived(const FeedPage &page, int retryAfter);
    void applied(int attendees, int checkIns, bool last);

    LocalStore *m_store;
    ServerClient *m_client;
    SyncScheduler *m_scheduler;
    QString m_path;
    QString m_cursor; // the last cursor asked for
    int m_pageSize;
    int m_inFlight = 0;
    int m_applying = 0; // pages handed to the store and not yet applied
    int m_timer = 0;    // asking again after Retry-After
    qint64 m_startMs = 0;
    qint64 m_pulled = 0;
    qint64 m_total = -1;
    bool m_cancelled = false;
    const char *m_step = "not started";
};

} // namespace checkin
