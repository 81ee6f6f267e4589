// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CodeDecoder.h"

#include <QImage>
#include <QStringList>

#define ZX_USE_UTF8 1
#include <ZXing/BarcodeFormat.h>
#include <ZXing/ReadBarcode.h>

namespace checkin::scan {

namespace {

ZXing::BarcodeFormats ticketFormats()
{
    using F = ZXing::BarcodeFormat;
    return F::QRCode | F::Aztec | F::PDF417 | F::DataMatrix | F::Code128 | F::Code39 | F::EAN13 | F::EAN8 |
           F::UPCA | F::UPCE;
}

ZXing::DecodeHints hintsFor(CodeDecoder::Effort effort)
{
    ZXing::DecodeHints hints;
    hints.setFormats(ticketFormats());
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    if (effort == CodeDecoder::Effort::Frame) {
        // One code per frame, and a large frame is looked at scaled down first: a 1280x720
        // frame stays well within a frame's time, and a code too small for that is found on
        // the full picture.
        hints.setMaxNumberOfSymbols(1);
        hints.setTryDownscale(true);
    } else {
        hints.setMaxNumberOfSymbols(16);
        hints.setTryDownscale(true);
    }
    return hints;
}

QList<DecodedCode> collect(const ZXing::Results &results)
{
    QList<DecodedCode> codes;
    for (const ZXing::Result &result : results) {
        if (!result.isValid())
            continue;
        codes.append(
            {QString::fromStdString(result.text()), QString::fromLatin1(ZXing::ToString(result.format()))});
    }
    return codes;
}

} // namespace

QList<DecodedCode> CodeDecoder::decode(const LumaView &luma) const
{
    if (!luma.data || luma.width <= 0 || luma.height <= 0)
        return {};
    const ZXing::ImageView view(luma.data, luma.width, luma.height, ZXing::ImageFormat::Lum, luma.rowStride,
                                luma.pixelStride);
    QList<DecodedCode> codes = collect(ZXing::ReadBarcodes(view, hintsFor(m_effort)));
    if (codes.isEmpty() && m_effort == Effort::Still) {
        // A code printed light on dark (some wallets show it so): the picture inverted.
        const int size = luma.width * luma.height;
        QByteArray inverted(size, Qt::Uninitialized);
        for (int y = 0; y < luma.height; ++y) {
            const uchar *row = luma.data + qsizetype(y) * luma.rowStride;
            char *out = inverted.data() + qsizetype(y) * luma.width;
            for (int x = 0; x < luma.width; ++x)
                out[x] = char(255 - row[qsizetype(x) * luma.pixelStride]);
        }
        const ZXing::ImageView invertedView(reinterpret_cast<const uint8_t *>(inverted.constData()),
                                            luma.width, luma.height, ZXing::ImageFormat::Lum);
        codes = collect(ZXing::ReadBarcodes(invertedView, hintsFor(m_effort)));
    }
    return codes;
}

QList<DecodedCode> CodeDecoder::decode(const QImage &image) const
{
    if (image.isNull())
        return {};
    QImage gray = image.format() == QImage::Format_Grayscale8
                      ? image
                      : image.convertToFormat(QImage::Format_Grayscale8);
    return decode(LumaView{gray.constBits(), gray.width(), gray.height(), int(gray.bytesPerLine()), 1});
}

QStringList CodeDecoder::formatNames()
{
    QStringList names;
    for (ZXing::BarcodeFormat format : ticketFormats())
        names.append(QString::fromLatin1(ZXing::ToString(format)));
    return names;
}

} // namespace checkin::scan
