// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SelfTest: the admin area's review list, with a check-in of every kind to review.
#include "SelfTest.h"

#include "CheckInDesk.h"
#include "Futures.h"
#include "KioskServices.h"
#include "LocalStore.h"
#include "ReviewModel.h"

#include <QDateTime>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

namespace checkin::ui {

namespace {

const QString door2 = QStringLiteral("selftest-door-2");
const QString door3 = QStringLiteral("selftest-door-3");

CheckIn entryAt(const QString &attendeeId, qint64 ms, const QString &device)
{
    CheckIn c;
    c.id = newCheckInId(ms);
    c.attendeeId = attendeeId;
    c.kind = CheckInKind::Entry;
    c.atMs = ms;
    c.hlc = Hlc{ms, 0};
    c.deviceId = device;
    return c;
}

} // namespace

void SelfTest::waitUntil(std::function<bool()> ready, const QString &what, int timeoutMs)
{
    m_steps << [this, ready, what, timeoutMs] {
        auto waited = std::make_shared<int>(0);
        auto poll = std::make_shared<std::function<void()>>();
        *poll = [this, ready, what, timeoutMs, waited, poll] {
            if (ready()) {
                QTimer::singleShot(100, this, &SelfTest::step);
                return;
            }
            *waited += 50;
            if (*waited > timeoutMs) {
                check(false, QStringLiteral("in time: ") + what);
                QTimer::singleShot(0, this, &SelfTest::step);
                return;
            }
            QTimer::singleShot(50, this, *poll);
        };
        (*poll)();
    };
}

void SelfTest::recordReviewSamples(KioskServices *services, QObject *context,
                                   std::function<void(const QString &problem)> done)
{
    // One of each: two doors let the same person in (ours is the later, a duplicate); a volunteer
    // admits someone already inside, with a note; another door lets in a ticket cancelled before;
    // and a check-in for someone not on this kiosk's list.
    LocalStore &store = services->store();
    CheckInDesk &desk = services->desk();
    deliverLater(
        store.attendeeStates(), context, [context, done, &store, &desk](const LocalStore::States &states) {
            QList<AttendeeView> people;
            for (const AttendeeView &v : states.attendees) {
                if (!v.inside && !v.attendee.isCancelled() && !v.attendee.lastName.isEmpty())
                    people << v;
            }
            if (people.size() < 3) {
                done(QStringLiteral("fewer than 3 people to check in"));
                return;
            }
            const QString twoDoors = people.at(3 % people.size()).attendee.id;
            const QString overridden = people.at(11 % people.size()).attendee.id;
            Attendee cancelled = people.at(17 % people.size()).attendee;
            deliverLater(
                desk.checkInAttendee(twoDoors), context, [=, &store, &desk](const ScanOutcome &first) {
                    if (!first.recorded) {
                        done(QStringLiteral("a check-in was not recorded: ") + first.error);
                        return;
                    }
                    deliverLater(
                        desk.checkInAttendee(overridden), context, [=, &store, &desk](const ScanOutcome &) {
                            ScanRequest force;
                            force.attendeeId = overridden;
                            force.note =
                                QStringLiteral("Lost her wristband; the info desk confirmed her ticket");
                            deliverLater(desk.force(force), context, [=, &store](const ScanOutcome &o) {
                                if (!o.recorded) {
                                    done(QStringLiteral("the override was not recorded: ") + o.error);
                                    return;
                                }
                                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                                Attendee c = cancelled;
                                c.status = TicketStatus::Cancelled;
                                c.cancelledAtMs = now - 2 * 3600'000;
                                c.updatedAtMs = now;
                                const QList<CheckIn> others{
                                    entryAt(twoDoors, now - 4 * 60'000, door2),
                                    entryAt(c.id, now - 25 * 60'000, door3),
                                    entryAt(QStringLiteral("selftest-not-on-the-list"), now - 50 * 60'000,
                                            door2)};
                                deliverLater(store.applyChanges({c}, others, QString(),
                                                                {{door2, QStringLiteral("Door 2")},
                                                                 {door3, QStringLiteral("Door 3")}}),
                                             context,
                                             [done](const StoreStatus &status) { done(status.error); });
                            });
                        });
                });
        });
}

void SelfTest::addReviewSteps()
{
    QQuickWindow *root = m_window;
    auto find = [root](const char *name) { return root->findChild<QQuickItem *>(QLatin1String(name)); };
    auto done = std::make_shared<bool>(false);
    then(0, [this, done] {
        recordReviewSamples(m_services, this, [this, done](const QString &problem) {
            check(problem.isEmpty(),
                  QStringLiteral("a check-in of every kind to review is recorded ") + problem);
            *done = true;
        });
    });
    waitUntil([done] { return *done; }, QStringLiteral("the check-ins to review are recorded"));
    then(0, [find] { QMetaObject::invokeMethod(find("adminButton"), "clicked"); });
    waitUntil([this] { return !m_services->review().loading() && m_services->review().total() >= 4; },
              QStringLiteral("the review list is read"));
    then(300, [this, find] {
        const ReviewModel &review = m_services->review();
        check(review.duplicates() == 1 && review.conflicts() == 1 && review.rejected() == 1 &&
                  review.forced() == 1 && review.rowCount() == 4,
              QStringLiteral(
                  "the review list has a duplicate, a conflict, a rejected check-in and an override"));
        QQuickItem *section = find("reviewSection");
        QQuickItem *list = find("reviewList");
        check(section && section->isVisible() && list && list->isVisible() && list->height() > 100,
              QStringLiteral("the admin area shows the review list"));
        if (QQuickItem *cards = find("adminCards"); cards && section)
            cards->setProperty(
                "contentY", std::min(section->y(), std::max(0.0, cards->property("contentHeight").toDouble() -
                                                                     cards->height())));
        shoot(QStringLiteral("admin-review"));
        m_services->review().setFilter(ReviewModel::Kind::Conflict);
    });
    waitUntil([this] { return !m_services->review().loading() && m_services->review().rowCount() == 1; },
              QStringLiteral("the review list shows only conflicts"));
    then(200, [this, find] {
        check(ReviewModel::Kind(m_services->review().get(0).value(QStringLiteral("kind")).toInt()) ==
                  ReviewModel::Kind::Conflict,
              QStringLiteral("the conflict filter shows the conflict"));
        shoot(QStringLiteral("admin-review-conflicts"));
        m_services->review().setFilter(ReviewModel::Kind::All);
        if (QQuickItem *cards = find("adminCards"))
            cards->setProperty("contentY", 0);
        QMetaObject::invokeMethod(m_window, "goHome");
    });
}

} // namespace checkin::ui
