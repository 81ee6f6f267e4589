// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Badge.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>

namespace checkin::print {

// A printer queue as CUPS reports it.
struct QueueState
{
    bool exists = false;
    bool accepting = false;
    bool stopped = false;
    QString reasons; // in words: "out of paper", "offline", ...; empty when all is well

    // Why a badge cannot print there now, in words; empty when it can.
    QString problem(const QString &queue) const;
};

// Prints badges on a thread of its own, one after another, so that a slow, missing or jammed
// printer never holds up a check-in: through Qt Print Support to a CUPS queue (then watching the
// job until the printer has it done), or into a folder as PDF files. Each job ends with
// `finished`: done, or why not, in words. A job that does not complete in time is cancelled, so a
// retry never prints the badge twice.
class BadgePrinter : public QObject
{
    Q_OBJECT
public:
    struct Job
    {
        int number = 0;
        Badge badge;
        BadgeLayout layout;
        QString queue;     // a CUPS queue, or
        QString pdfFolder; // a folder for PDF files
    };
    struct Outcome
    {
        int number = 0;
        QString error; // empty: printed
        QString where; // "badges (job 12)" or the PDF's path
    };

    explicit BadgePrinter(QObject *parent = nullptr);
    ~BadgePrinter() override;

    // How long a job may take at the printer before it counts as failed (and is cancelled).
    void setJobTimeoutMs(int ms) { m_jobTimeoutMs = ms; }

    // Queues `job` (its number is set and returned); `finished` tells how it went.
    int submit(Job job);
    // Jobs submitted and not finished yet.
    int pending() const { return m_pending; }

    // The CUPS queues this device can print to, and the default one (empty when none).
    static QStringList queues();
    static QString defaultQueue();
    static QueueState queueState(const QString &queue);

Q_SIGNALS:
    void finished(const checkin::print::BadgePrinter::Outcome &outcome);

private:
    static Outcome run(const Job &job, int timeoutMs, const std::atomic<bool> *closing);
    static Outcome printToQueue(const Job &job, int timeoutMs, const std::atomic<bool> *closing);
    static Outcome printToFolder(const Job &job);

    QThreadPool m_pool; // one thread: jobs in order
    // Set when the printer goes away (the app closes): a job being watched stops waiting for the
    // printer (CUPS still prints it), jobs not started are dropped.
    std::atomic<bool> m_closing{false};
    int m_next = 1;
    int m_pending = 0;
    int m_jobTimeoutMs = 60000;
};

} // namespace checkin::print
