// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FrameDecoder.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QThread>

namespace checkin::scan {

FrameDecoder::FrameDecoder(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new QObject)
{
    m_thread->setObjectName(QStringLiteral("frame-decoder"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);
}

FrameDecoder::~FrameDecoder()
{
    m_thread->quit();
    m_thread->wait();
}

bool FrameDecoder::offer(Frame frame)
{
    if (frame.isNull())
        return false;
    bool expected = false;
    if (!m_busy.compare_exchange_strong(expected, true, std::memory_order_acq_rel)) {
        m_dropped.fetch_add(1);
        return false;
    }
    QMetaObject::invokeMethod(
        m_worker, [this, frame = std::move(frame)] { run(frame); }, Qt::QueuedConnection);
    return true;
}

void FrameDecoder::run(const Frame &frame)
{
    QElapsedTimer timer;
    timer.start();
    const QList<DecodedCode> codes =
        frame.image.isNull()
            ? m_decoder.decode(LumaView{reinterpret_cast<const uchar *>(frame.luma.constData()), frame.width,
                                        frame.height, frame.width, 1})
            : m_decoder.decode(frame.image);
    m_lastMicros.store(timer.nsecsElapsed() / 1000);
    m_decoded.fetch_add(1);
    m_busy.store(false, std::memory_order_release);
    // Announced on this object's thread (queued: the worker never calls into the UI).
    if (codes.isEmpty()) {
        QMetaObject::invokeMethod(this, &FrameDecoder::nothingFound, Qt::QueuedConnection);
        return;
    }
    const DecodedCode code = codes.first();
    QMetaObject::invokeMethod(
        this, [this, code] { Q_EMIT decoded(code.text, code.format); }, Qt::QueuedConnection);
}

} // namespace checkin::scan
