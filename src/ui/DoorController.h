// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "StoreTypes.h"
#include "VerdictText.h"

#include <QFuture>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class CheckInDesk;
}

namespace checkin::ui {

// The door as the screens see it: scan a code, check an attendee in or out, undo the last
// check-in, all through the CheckInDesk; and the last verdict, which arrives only after the
// check-in is on disk (so green means recorded).
class DoorController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY canUndoChanged)
    Q_PROPERTY(int verdictCount READ verdictCount NOTIFY verdictChanged)
    Q_PROPERTY(checkin::ui::Door::Kind kind READ kind NOTIFY verdictChanged)
    Q_PROPERTY(checkin::ui::Door::Tone tone READ tone NOTIFY verdictChanged)
    // The words: written when read, in the current language (textChanged also on a language change).
    Q_PROPERTY(QString title READ title NOTIFY textChanged)
    Q_PROPERTY(QString detail READ detail NOTIFY textChanged)
    Q_PROPERTY(QString name READ name NOTIFY textChanged)
    Q_PROPERTY(QString ticketType READ ticketType NOTIFY textChanged)
    Q_PROPERTY(QString insideSince READ insideSince NOTIFY textChanged)
    Q_PROPERTY(QString insideDevice READ insideDevice NOTIFY textChanged)
    Q_PROPERTY(bool recorded READ recorded NOTIFY verdictChanged)
    Q_PROPERTY(bool forced READ forced NOTIFY verdictChanged)
    Q_PROPERTY(QString attendeeId READ attendeeId NOTIFY verdictChanged)
    // The code that was scanned or typed for this verdict (empty for a person chosen by name): the
    // door shows it when the ticket is not found, so the volunteer sees what the scanner read.
    Q_PROPERTY(QString code READ code NOTIFY verdictChanged)
    // The last verdict refused a known attendee: a volunteer may admit them anyway, with a note.
    Q_PROPERTY(bool canAdmitAnyway READ canAdmitAnyway NOTIFY canAdmitAnywayChanged)
    Q_PROPERTY(int maxNoteLength READ maxNoteLength CONSTANT)
    // Self-service: attendees at the screen. Verdicts name them only as "Anna M.", say what to do
    // in words for an attendee, and offer no override.
    Q_PROPERTY(bool selfService READ selfService NOTIFY selfServiceChanged)
    // What the door must know about the person: [{label, text, attention}], for volunteers only.
    Q_PROPERTY(QVariantList notes READ notes NOTIFY textChanged)
    // The verdict waits for the volunteer (or the attendee) to decide: not paid yet, the list's
    // question, an order. The screen does not go back by itself then.
    Q_PROPERTY(bool waiting READ waiting NOTIFY verdictChanged)
    Q_PROPERTY(bool canAdmitUnpaid READ canAdmitUnpaid NOTIFY verdictChanged)
    // The other people of the person's order, or an order's people: [{attendeeId, name,
    // ticketType, inside, cancelled, paymentPending, attention}], for volunteers only.
    Q_PROPERTY(QVariantList group READ group NOTIFY verdictChanged)
    // The list's question (a group check-in asks it for each person).
    Q_PROPERTY(QString listQuestion READ listQuestion NOTIFY verdictChanged)
    // A group check-in: each person's verdict as it comes, {attendeeId: {title, tone, recorded}}.
    Q_PROPERTY(QVariantMap groupResults READ groupResults NOTIFY groupResultsChanged)
    Q_PROPERTY(bool groupBusy READ groupBusy NOTIFY groupResultsChanged)
public:
    explicit DoorController(CheckInDesk *desk, QObject *parent = nullptr);
    static DoorController *create(QQmlEngine *engine, QJSEngine *);

    Q_INVOKABLE void scan(const QString &code);
    Q_INVOKABLE void checkIn(const QString &attendeeId);
    Q_INVOKABLE void checkOut(const QString &attendeeId);
    Q_INVOKABLE void undoLast();
    // Admits the attendee whatever the verdict would be (CheckInDesk::force); the note says why and
    // is required: without one the desk refuses and the verdict says so.
    Q_INVOKABLE void admitAnyway(const QString &attendeeId, const QString &note);
    // The volunteer moved on: the last refusal is no longer offered for an override.
    Q_INVOKABLE void dismissRefusal();
    // Records the entry that waits for the list's question, with this answer ("yes", "no").
    Q_INVOKABLE void answer(const QString &text);
    // Checks in the person whose payment is pending after all (an override with a note saying so).
    Q_INVOKABLE void admitUnpaid();
    // Checks in these people of one order, each with their own verdict (groupResults); `yes`
    // are those who answered the list's question with yes (the others: no).
    Q_INVOKABLE void checkInGroup(const QStringList &attendeeIds, const QStringList &yes);
    Q_INVOKABLE void clearGroupResults();

    // Shows an outcome (what the desk answered; the self-test shows made-up ones).
    void present(const ScanOutcome &outcome, const QString &code = {});
    const ScanOutcome &lastOutcome() const { return m_outcome; }

    bool busy() const { return m_pending > 0; }
    bool canUndo() const;
    int verdictCount() const { return m_count; }
    Door::Kind kind() const { return m_kind; }
    Door::Tone tone() const { return m_tone; }
    QString title() const;
    QString detail() const;
    QString name() const;
    QString ticketType() const;
    QString insideSince() const;
    QString insideDevice() const;
    QString code() const { return m_code; }
    bool recorded() const { return m_outcome.recorded; }
    bool forced() const { return m_outcome.forced; }
    QString attendeeId() const;
    bool canAdmitAnyway() const { return m_canAdmitAnyway; }
    static int maxNoteLength();
    bool selfService() const { return m_selfService; }
    void setSelfService(bool on);
    QVariantList notes() const;
    bool waiting() const;
    bool canAdmitUnpaid() const;
    QVariantList group() const;
    QString listQuestion() const { return m_outcome.question; }
    QVariantMap groupResults() const { return m_groupResults; }
    bool groupBusy() const { return m_groupPending > 0; }

Q_SIGNALS:
    void busyChanged();
    void canUndoChanged();
    // A new verdict is ready to be shown (also when it is the same kind as the last one).
    void verdictChanged();
    void textChanged();
    void canAdmitAnywayChanged();
    void selfServiceChanged();
    void groupResultsChanged();

protected:
    bool event(QEvent *event) override;

private:
    void track(QFuture<ScanOutcome> future, const ScanRequest &request);
    void setCanAdmitAnyway(bool can);
    QString selfServiceDetail(const ScanOutcome &outcome) const;

    CheckInDesk *m_desk;
    int m_pending = 0;
    int m_count = 0;
    bool m_canUndo = false;
    bool m_canAdmitAnyway = false;
    bool m_selfService = false;
    ScanOutcome m_outcome;
    ScanRequest m_request; // what m_outcome answered
    QString m_code;
    QVariantMap m_groupResults;
    int m_groupPending = 0;
    Door::Kind m_kind = Door::Kind::None;
    Door::Tone m_tone = Door::Tone::Stop;
};

} // namespace checkin::ui
