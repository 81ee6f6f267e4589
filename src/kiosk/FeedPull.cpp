// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FeedPull.h"

#include "Futures.h"
#include "LocalStore.h"
#include "Protocol.h"
#include "SyncScheduler.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThreadPool>
#include <QUrl>

namespace checkin {

// A page of the change feed, parsed by the protocol codec; `error` says why the answer is none.
struct FeedPage : Protocol::FeedPage
{
    LiveText error;
};

FeedPull::FeedPull(LocalStore *store, ServerClient *client, SyncScheduler *scheduler, const QString &path,
                   const QString &cursor, int pageSize, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_scheduler(scheduler)
    , m_path(path)
    , m_cursor(cursor)
    , m_pageSize(pageSize)
{}

FeedPull::~FeedPull()
{
    cancel();
}

void FeedPull::cancel()
{
    m_cancelled = true;
    if (m_timer) {
        m_scheduler->cancel(m_timer);
        m_timer = 0;
        --m_inFlight;
    }
}

FeedPage FeedPull::parse(const QByteArray &body)
{
    FeedPage page;
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(body, &parseError).object();
    Protocol::PageProblem problem = Protocol::PageProblem::NotAPage;
    QString error;
    if (parseError.error == QJsonParseError::NoError && Protocol::fromJson(json, &page, &problem, &error))
        return page;
    switch (problem) {
    case Protocol::PageProblem::Attendee:
        page.error = [error] {
            return tr("The server sent an attendee this kiosk cannot read: %1").arg(error);
        };
        break;
    case Protocol::PageProblem::CheckIn:
        page.error = [error] {
            return tr("The server sent a check-in this kiosk cannot read: %1").arg(error);
        };
        break;
    case Protocol::PageProblem::Print:
        page.error = [error] {
            return tr("The server sent a badge print this kiosk cannot read: %1").arg(error);
        };
        break;
    case Protocol::PageProblem::List:
        page.error = [error] {
            return tr("The server sent a check-in list this kiosk cannot read: %1").arg(error);
        };
        break;
    default:
        page.error = [] {
            return tr("The server's change feed answered something that is not a page of changes. Is the "
                      "address that of a checkin-server?");
        };
    }
    return page;
}

void FeedPull::start()
{
    m_startMs = m_scheduler->nowMs();
    request(true);
}

void FeedPull::request(bool first)
{
    QString path = m_path + QStringLiteral("?limit=%1").arg(m_pageSize);
    if (!m_cursor.isEmpty())
        path += QStringLiteral("&after=") + QString::fromUtf8(QUrl::toPercentEncoding(m_cursor));
    if (first)
        path += QStringLiteral("&count=1");
    m_step = "asking for a page";
    ++m_inFlight;
    deliverLater(m_client->get(path), this, [this](const ServerClient::Reply &r) {
        if (m_cancelled) {
            --m_inFlight;
            return;
        }
        if (!r.ok()) {
            --m_inFlight;
            Q_EMIT replyFailed(r);
            return;
        }
        // Parsing a page of thousands of changes takes milliseconds: not on this thread.
        m_step = "reading a page";
        deliverLater(onPool<FeedPage>(QThreadPool::globalInstance(), [body = r.body] { return parse(body); }),
                     this, [this, retryAfter = r.retryAfter](const FeedPage &page) {
                         --m_inFlight;
                         if (!m_cancelled)
                             arrived(page, retryAfter);
                     });
    });
}

void FeedPull::arrived(const FeedPage &page, int retryAfter)
{
    if (!page.error.isEmpty()) {
        Q_EMIT refused(page.error);
        return;
    }
    if (page.remaining >= 0)
        m_total = m_pulled + page.remaining;
    m_cursor = page.cursor;
    const bool last = !page.more;
    if (page.more) {
        if (page.size() > 0) {
            request(false); // the next page travels while this one is stored
        } else {
            // Changes wait for older transactions on the server: ask again when it says.
            m_step = "waiting for the server's Retry-After";
            ++m_inFlight;
            m_timer = m_scheduler->start(std::max(retryAfter, 1) * 1000LL, [this] {
                m_timer = 0;
                --m_inFlight;
                request(false);
            });
        }
    }
    if (!page.more)
        m_step = "storing the last page";
    ++m_applying;
    ++m_inFlight;
    const int attendees = int(page.attendees.size());
    const int checkIns = int(page.checkIns.size());
    if (page.peerKey.isValid())
        m_store->setPeerKey(page.peerKey); // the same key again writes nothing
    deliverLater(m_store->applyChanges(page.attendees, page.checkIns, page.cursor, page.deviceNames,
                                       page.prints, page.lists),
                 this, [this, attendees, checkIns, last](const StoreStatus &done) {
                     --m_inFlight;
                     if (m_cancelled)
                         return;
                     --m_applying;
                     if (!done.ok()) {
                         Q_EMIT storeFailed(done.error);
                         return;
                     }
                     applied(attendees, checkIns, last);
                 });
}

void FeedPull::applied(int attendees, int checkIns, bool last)
{
    const qint64 n = attendees + checkIns;
    m_pulled += n;
    if (n > 0) {
        const qint64 elapsed = std::max<qint64>(1, m_scheduler->nowMs() - m_startMs);
        Q_EMIT pageApplied(attendees, checkIns);
        Q_EMIT progress(m_pulled, m_total, double(m_pulled) * 1000.0 / double(elapsed));
    }
    if (last && m_applying == 0) {
        m_step = "done";
        Q_EMIT finished();
    }
}

} // namespace checkin
