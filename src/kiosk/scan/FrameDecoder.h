// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CodeDecoder.h"

#include <QByteArray>
#include <QImage>
#include <QObject>

#include <atomic>

class QThread;

namespace checkin::scan {

// One picture for the decoder, owned: a camera frame's luminance copied out of the frame (the
// frame goes back to the camera at once), or an image.
struct Frame
{
    QByteArray luma; // width x height bytes, row after row
    int width = 0;
    int height = 0;
    QImage image; // instead of `luma`

    bool isNull() const { return image.isNull() && luma.isEmpty(); }
};

// Decodes camera frames on a thread of its own, one at a time: a frame offered while the last is
// still being decoded is dropped (a camera sends 30 a second; the next one is as good), so the UI
// thread never waits and frames never queue up. A code found is announced on the thread that owns
// this object, once per frame that shows it; the same-code debounce is the scan path's
// (ScannerInput), as for a keyboard-wedge scanner.
class FrameDecoder : public QObject
{
    Q_OBJECT
public:
    explicit FrameDecoder(QObject *parent = nullptr);
    ~FrameDecoder() override;

    // Whether a frame offered now would be decoded (the decoder is idle). A camera checks this
    // before it copies a frame out.
    bool idle() const { return !m_busy.load(std::memory_order_acquire); }
    // Takes `frame` when idle and decodes it on the decoder's thread; false when it was dropped.
    bool offer(Frame frame);
    // A frame the camera did not even copy out, because the decoder was busy: counted as dropped.
    void noteDropped() { m_dropped.fetch_add(1); }

    qint64 framesDecoded() const { return m_decoded.load(); }
    qint64 framesDropped() const { return m_dropped.load(); }
    // How long the last frame took to decode, in microseconds.
    qint64 lastDecodeMicros() const { return m_lastMicros.load(); }

Q_SIGNALS:
    void decoded(const QString &text, const QString &format);
    // A frame was decoded and showed no code (tests wait on it; the viewfinder does not care).
    void nothingFound();

private:
    void run(const Frame &frame);

    CodeDecoder m_decoder{CodeDecoder::Effort::Frame};
    QThread *m_thread;
    QObject *m_worker; // lives on m_thread
    std::atomic<bool> m_busy{false};
    std::atomic<qint64> m_decoded{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_lastMicros{0};
};

} // namespace checkin::scan
