// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BadgePrinter.h"
#include "PrintLogging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QPainter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QRegularExpression>
#include <QThread>
#include <QUuid>

#include <cups/cups.h>

namespace checkin::print {

namespace {

// CUPS's printer-state-reasons in words (the usual ones; others as CUPS names them).
QString reasonsInWords(const QString &reasons)
{
    QStringList words;
    for (QString reason : reasons.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        reason = reason.trimmed();
        for (const char *suffix : {"-error", "-warning", "-report"}) {
            if (reason.endsWith(QLatin1String(suffix)))
                reason.chop(int(qstrlen(suffix)));
        }
        if (reason == QLatin1String("none") || reason.isEmpty())
            continue;
        if (reason == QLatin1String("media-empty") || reason == QLatin1String("media-needed"))
            words << BadgePrinter::tr("out of paper or labels");
        else if (reason == QLatin1String("media-jam"))
            words << BadgePrinter::tr("paper jam");
        else if (reason == QLatin1String("offline") || reason == QLatin1String("connecting-to-device"))
            words << BadgePrinter::tr("offline");
        else if (reason == QLatin1String("paused"))
            words << BadgePrinter::tr("paused");
        else if (reason == QLatin1String("cover-open") || reason == QLatin1String("door-open"))
            words << BadgePrinter::tr("cover open");
        else if (reason.startsWith(QLatin1String("toner")) || reason.startsWith(QLatin1String("marker")))
            words << BadgePrinter::tr("out of ink or toner");
        else
            words << reason;
    }
    words.removeDuplicates();
    return words.join(QStringLiteral(", "));
}

// The CUPS job of ours with this title, newest first; 0 when there is none.
int findJob(const QString &queue, const QByteArray &title, int *state)
{
    cups_job_t *jobs = nullptr;
    const int count =
        cupsGetJobs2(CUPS_HTTP_DEFAULT, &jobs, queue.toUtf8().constData(), 1, CUPS_WHICHJOBS_ALL);
    int id = 0;
    for (int i = 0; i < count; ++i) {
        if (title == jobs[i].title && jobs[i].id > id) {
            id = jobs[i].id;
            *state = jobs[i].state;
        }
    }
    cupsFreeJobs(count, jobs);
    return id;
}

} // namespace

QString QueueState::problem(const QString &queue) const
{
    if (!exists)
        return BadgePrinter::tr("There is no printer \u201C%1\u201D on this device.").arg(queue);
    if (!accepting)
        return reasons.isEmpty()
                   ? BadgePrinter::tr("The printer \u201C%1\u201D does not accept jobs.").arg(queue)
                   : BadgePrinter::tr("The printer \u201C%1\u201D does not accept jobs (%2).")
                         .arg(queue, reasons);
    if (stopped)
        return reasons.isEmpty()
                   ? BadgePrinter::tr("The printer \u201C%1\u201D is stopped.").arg(queue)
                   : BadgePrinter::tr("The printer \u201C%1\u201D is stopped (%2).").arg(queue, reasons);
    return {};
}

BadgePrinter::BadgePrinter(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1);
}

BadgePrinter::~BadgePrinter()
{
    m_closing.store(true);
    m_pool.clear();
    m_pool.waitForDone();
}

int BadgePrinter::submit(Job job)
{
    job.number = m_next++;
    ++m_pending;
    const int timeoutMs = m_jobTimeoutMs;
    m_pool.start([this, job, timeoutMs] {
        const Outcome outcome = run(job, timeoutMs, &m_closing);
        QMetaObject::invokeMethod(
            this,
            [this, outcome] {
                --m_pending;
                Q_EMIT finished(outcome);
            },
            Qt::QueuedConnection);
    });
    return job.number;
}

BadgePrinter::Outcome BadgePrinter::run(const Job &job, int timeoutMs, const std::atomic<bool> *closing)
{
    return job.queue.isEmpty() ? printToFolder(job) : printToQueue(job, timeoutMs, closing);
}

BadgePrinter::Outcome BadgePrinter::printToFolder(const Job &job)
{
    Outcome outcome{job.number, {}, {}};
    if (!QDir().mkpath(job.pdfFolder)) {
        outcome.error = tr("Cannot create the folder %1 for the badges.").arg(job.pdfFolder);
        return outcome;
    }
    QString name = job.badge.name;
    name.replace(QRegularExpression(QStringLiteral("[^\\w-]+")), QStringLiteral("-"));
    const QString path =
        QDir(job.pdfFolder)
            .filePath(QStringLiteral("badge-%1-%2.pdf")
                          .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmsszzz")),
                               name.left(60)));
    outcome.error = writeBadgePdf(path, job.badge, job.layout);
    outcome.where = path;
    return outcome;
}

BadgePrinter::Outcome BadgePrinter::printToQueue(const Job &job, int timeoutMs,
                                                 const std::atomic<bool> *closing)
{
    Outcome outcome{job.number, {}, job.queue};
    const QueueState before = queueState(job.queue);
    outcome.error = before.problem(job.queue);
    if (!outcome.error.isEmpty())
        return outcome;

    // A title of its own, to find the job in the queue afterwards.
    const QByteArray title = QStringLiteral("Badge %1 %2")
                                 .arg(job.badge.name, QUuid::createUuid().toString(QUuid::Id128).left(12))
                                 .toUtf8();
    {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPrinterName(job.queue);
        if (!printer.isValid()) {
            outcome.error = tr("There is no printer \u201C%1\u201D on this device.").arg(job.queue);
            return outcome;
        }
        printer.setDocName(QString::fromUtf8(title));
        printer.setFullPage(true);
        printer.setCreator(QStringLiteral("checkin-kiosk"));
        // A label fed short edge first (DYMO) takes the badge turned.
        const QSizeF paper = job.layout.landscape ? job.layout.sizeMm.transposed() : job.layout.sizeMm;
        printer.setPageLayout(
            QPageLayout(QPageSize(paper, QPageSize::Millimeter),
                        job.layout.landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                        QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        QPainter painter;
        if (!painter.begin(&printer)) {
            outcome.error = tr("The printer \u201C%1\u201D could not start the badge.").arg(job.queue);
            return outcome;
        }
        const QRectF page = printer.pageLayout().fullRectPixels(printer.resolution());
        paintBadge(painter, QRectF(QPointF(0, 0), page.size()), job.badge, job.layout);
        if (!painter.end()) {
            outcome.error = tr("The badge could not be sent to the printer \u201C%1\u201D.").arg(job.queue);
            return outcome;
        }
    }

    qCInfo(lcPrinter) << "sent" << title << "to" << job.queue;
    // Sent: wait until the printer has done it, or says why not.
    QElapsedTimer timer;
    timer.start();
    int jobId = 0;
    int state = 0;
    while (timer.elapsed() < timeoutMs) {
        if (closing->load()) {
            outcome.error =
                tr("The app closed before the printer \u201C%1\u201D had the badge done.").arg(job.queue);
            return outcome;
        }
        jobId = findJob(job.queue, title, &state);
        if (jobId == 0 && timer.elapsed() > 5000) {
            outcome.error = tr("The printer \u201C%1\u201D did not take the badge.").arg(job.queue);
            return outcome;
        }
        if (jobId != 0) {
            outcome.where = tr("%1, job %2").arg(job.queue).arg(jobId);
            if (state == IPP_JSTATE_COMPLETED)
                return outcome;
            if (state == IPP_JSTATE_ABORTED || state == IPP_JSTATE_CANCELED) {
                outcome.error = tr("The printer \u201C%1\u201D dropped the badge.").arg(job.queue);
                return outcome;
            }
            const QueueState now = queueState(job.queue);
            if (state == IPP_JSTATE_STOPPED || now.stopped || !now.exists) {
                cupsCancelJob2(CUPS_HTTP_DEFAULT, job.queue.toUtf8().constData(), jobId, 0);
                outcome.error = now.problem(job.queue);
                if (outcome.error.isEmpty())
                    outcome.error = tr("The printer \u201C%1\u201D stopped the badge.").arg(job.queue);
                return outcome;
            }
        }
        QThread::msleep(200);
    }
    // Too long: taken back, so that a retry does not print it twice.
    if (jobId != 0)
        cupsCancelJob2(CUPS_HTTP_DEFAULT, job.queue.toUtf8().constData(), jobId, 0);
    const QueueState now = queueState(job.queue);
    outcome.error =
        now.reasons.isEmpty()
            ? tr("The printer \u201C%1\u201D did not print the badge within %n seconds.", nullptr,
                 timeoutMs / 1000)
                  .arg(job.queue)
            : tr("The printer \u201C%1\u201D did not print the badge (%2).").arg(job.queue, now.reasons);
    return outcome;
}

QStringList BadgePrinter::queues()
{
    return QPrinterInfo::availablePrinterNames();
}

QString BadgePrinter::defaultQueue()
{
    return QPrinterInfo::defaultPrinterName();
}

QueueState BadgePrinter::queueState(const QString &queue)
{
    QueueState state;
    cups_dest_t *dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue.toUtf8().constData(), nullptr);
    if (!dest)
        return state;
    state.exists = true;
    const char *accepting = cupsGetOption("printer-is-accepting-jobs", dest->num_options, dest->options);
    state.accepting = !accepting || qstrcmp(accepting, "false") != 0;
    const char *printerState = cupsGetOption("printer-state", dest->num_options, dest->options);
    state.stopped = printerState && qstrcmp(printerState, "5") == 0;
    const char *reasons = cupsGetOption("printer-state-reasons", dest->num_options, dest->options);
    state.reasons = reasonsInWords(QString::fromUtf8(reasons ? reasons : ""));
    cupsFreeDests(1, dest);
    // What whoever stopped it said (cupsdisable -r), or the driver's own message: only an IPP
    // request for the printer's attributes gives it.
    QString said;
    if (state.stopped || !state.accepting || !state.reasons.isEmpty()) {
        char uri[HTTP_MAX_URI];
        httpAssembleURIf(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", nullptr, "localhost", 0,
                         "/printers/%s", queue.toUtf8().constData());
        ipp_t *request = ippNewRequest(IPP_OP_GET_PRINTER_ATTRIBUTES);
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_URI, "printer-uri", nullptr, uri);
        ippAddString(request, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", nullptr,
                     "printer-state-message");
        if (ipp_t *response = cupsDoRequest(CUPS_HTTP_DEFAULT, request, "/")) {
            if (ipp_attribute_t *attr = ippFindAttribute(response, "printer-state-message", IPP_TAG_TEXT))
                said = QString::fromUtf8(ippGetString(attr, 0, nullptr)).simplified();
            ippDelete(response);
        }
    }
    if (!said.isEmpty() && !state.reasons.contains(said))
        state.reasons = state.reasons.isEmpty() ? said : state.reasons + QStringLiteral(", ") + said;
    return state;
}

} // namespace checkin::print
