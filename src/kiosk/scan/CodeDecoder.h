// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

class QImage;

namespace checkin::scan {

// A code found in a picture: its text and its kind ("QRCode", "Aztec", "PDF417", "DataMatrix",
// "Code128", "EAN-13", ...).
struct DecodedCode
{
    QString text;
    QString format;
};

// A view of 8-bit luminance: a camera frame's Y plane (NV12, I420, ...) or every other byte of a
// packed YUYV row (`pixelStride` 2, `data` pointing at the first Y).
struct LumaView
{
    const uchar *data = nullptr;
    int width = 0;
    int height = 0;
    int rowStride = 0;
    int pixelStride = 1;
};

// Finds the ticket codes in a picture with ZXing-C++: QR, Aztec, PDF417, Data Matrix, Code 128,
// Code 39, EAN-13/8 and UPC (what pretix, Eventbrite, ChurchTools and airline-style tickets carry).
// Thread-safe and without state: the kiosk decodes camera frames on a thread of their own
// (FrameDecoder); `checkinctl scan-image` decodes files with `Effort::Still`.
class CodeDecoder
{
public:
    enum class Effort {
        Frame, // a camera frame: one code, fast; the next frame is another try
        Still  // a file: every code, rotated and inverted ones too, as hard as it takes
    };

    explicit CodeDecoder(Effort effort = Effort::Frame)
        : m_effort(effort)
    {}

    QList<DecodedCode> decode(const QImage &image) const;
    QList<DecodedCode> decode(const LumaView &luma) const;

    // The kinds of code looked for, as named in DecodedCode::format.
    static QStringList formatNames();

private:
    Effort m_effort;
};

} // namespace checkin::scan
