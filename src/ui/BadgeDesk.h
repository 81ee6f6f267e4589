// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Badge.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class LocalStore;
namespace print {
class BadgePrinter;
}
} // namespace checkin

namespace checkin::ui {

class DoorController;
class KioskPreferences;

// Badges at the door: printed for every admitted person when "print on check-in" is on, or from a
// person's card ("Print badge", "Print again"), on the printer and paper chosen in the admin area.
// Printing runs on a thread of its own (BadgePrinter): the verdict never waits for it, and a
// printer that is missing, stopped or out of paper shows as a warning (the status bar, the admin
// area) with "Try again", never as a changed check-in. A badge that printed goes into the print
// log (the store), which every door gets through the server.
class BadgeDesk : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Badges)
    QML_SINGLETON
    Q_PROPERTY(QVariantList layouts READ layouts CONSTANT)
    Q_PROPERTY(QStringList queues READ queues NOTIFY queuesChanged)
    Q_PROPERTY(bool enabled READ enabled NOTIFY stateChanged)
    Q_PROPERTY(QString pdfFolder READ pdfFolder CONSTANT)
    Q_PROPERTY(int pending READ pending NOTIFY stateChanged)
    Q_PROPERTY(int failed READ failed NOTIFY stateChanged)
    Q_PROPERTY(QString warning READ warning NOTIFY stateChanged)
    Q_PROPERTY(QString lastDone READ lastDone NOTIFY stateChanged)
public:
    BadgeDesk(LocalStore *store, DoorController *door, KioskPreferences *preferences, const QString &dataDir,
              QObject *parent = nullptr);
    ~BadgeDesk() override;
    static BadgeDesk *create(QQmlEngine *engine, QJSEngine *);

    QVariantList layouts() const;
    QStringList queues() const { return m_queues; }
    // A printer or PDF folder is chosen.
    bool enabled() const;
    QString pdfFolder() const { return m_pdfFolder; }
    int pending() const;
    int failed() const { return int(m_failed.size()); }
    QString warning() const { return m_warning; }
    QString lastDone() const { return m_lastDone; }

    void setEventName(const QString &name) { m_eventName = name; }
    print::BadgePrinter &printer() { return *m_printer; }

    // The CUPS queues, looked up again (the admin area opens).
    Q_INVOKABLE void refreshQueues();
    // A badge for the attendee; `code` is the ticket code when the kiosk has it (just scanned).
    Q_INVOKABLE void printFor(const QString &attendeeId, const QString &code = {});
    // A badge for nobody, to try the printer and the paper.
    Q_INVOKABLE void printTest();
    // The badges that failed, once more.
    Q_INVOKABLE void retry();
    // The failed badges are given up (the warning goes).
    Q_INVOKABLE void dismiss();

Q_SIGNALS:
    void queuesChanged();
    void stateChanged();
    // A badge for this attendee printed and is in the print log.
    void printed(const QString &attendeeId);

protected:
    bool event(QEvent *event) override;

private:
    struct Pending
    {
        QString attendeeId; // empty for a test badge
        print::Badge badge;
        QString layout;
    };
    void submit(const Pending &job);
    void finished(int number, const QString &error, const QString &where);
    void doorDecided();

    LocalStore *m_store;
    DoorController *m_door;
    KioskPreferences *m_preferences;
    QString m_pdfFolder;
    QString m_eventName;
    std::unique_ptr<print::BadgePrinter> m_printer;
    QStringList m_queues;
    QHash<int, Pending> m_inFlight;
    QList<Pending> m_failed;
    QString m_warning;
    QString m_lastDone;
};

} // namespace checkin::ui
