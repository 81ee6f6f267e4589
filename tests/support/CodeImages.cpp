// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CodeImages.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

#define ZX_USE_UTF8 1
#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <algorithm>
#include <functional>

namespace checkin::test {

namespace {

ZXing::BarcodeFormat zxingFormat(Symbology symbology)
{
    switch (symbology) {
    case Symbology::QRCode:
        return ZXing::BarcodeFormat::QRCode;
    case Symbology::Aztec:
        return ZXing::BarcodeFormat::Aztec;
    case Symbology::PDF417:
        return ZXing::BarcodeFormat::PDF417;
    case Symbology::DataMatrix:
        return ZXing::BarcodeFormat::DataMatrix;
    case Symbology::Code128:
        return ZXing::BarcodeFormat::Code128;
    case Symbology::EAN13:
        return ZXing::BarcodeFormat::EAN13;
    }
    return ZXing::BarcodeFormat::None;
}

bool linear(Symbology symbology)
{
    return symbology == Symbology::Code128 || symbology == Symbology::EAN13;
}

QImage gray(const QImage &image)
{
    return image.convertToFormat(QImage::Format_Grayscale8);
}

} // namespace

QString symbologyName(Symbology symbology)
{
    return QString::fromLatin1(ZXing::ToString(zxingFormat(symbology)));
}

QString sampleText(Symbology symbology)
{
    switch (symbology) {
    case Symbology::EAN13:
        return QStringLiteral("4006381333931");
    case Symbology::Code128:
        return QStringLiteral("QY7NBGBE8TR9");
    default:
        return QStringLiteral("CODE-QY7NBGBE8TR9-2026");
    }
}

QImage renderCode(Symbology symbology, const QString &text, int module)
{
    ZXing::MultiFormatWriter writer(zxingFormat(symbology));
    writer.setMargin(0);
    // Linear codes get a height; 2-D ones their natural size (1 pixel per module).
    const ZXing::BitMatrix matrix = writer.encode(text.toStdString(), 0, linear(symbology) ? 40 : 0);
    const int quiet = linear(symbology) ? 10 : 4; // modules of white around the code
    // A ticket's barcode is about a third as tall as it is wide.
    const int height = linear(symbology) ? matrix.width() * module * 3 / 10 : matrix.height() * module;
    QImage image((matrix.width() + 2 * quiet) * module, height + 2 * quiet * module,
                 QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < height; ++y) {
        uchar *row = image.scanLine(quiet * module + y);
        const int my =
            linear(symbology) ? std::min(matrix.height() - 1, y * matrix.height() / height) : y / module;
        for (int x = 0; x < matrix.width() * module; ++x)
            row[quiet * module + x] = matrix.get(x / module, my) ? 0 : 255;
    }
    return image;
}

QImage onFrame(const QImage &code, qreal share)
{
    QImage frame(1280, 720, QImage::Format_Grayscale8);
    frame.fill(200);
    QPainter painter(&frame);
    const qreal scale = share * frame.height() / code.height();
    const qreal widthScale = std::min(scale, 0.8 * frame.width() / code.width());
    const QSizeF size(code.width() * widthScale, code.height() * widthScale);
    const QRectF target(QPointF((frame.width() - size.width()) / 2, (frame.height() - size.height()) / 2),
                        size);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, code);
    return frame;
}

QImage rotated(const QImage &frame, qreal degrees)
{
    QImage out(frame.size(), QImage::Format_RGB32);
    out.fill(QColor(200, 200, 200));
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(frame.width() / 2.0, frame.height() / 2.0);
    painter.rotate(degrees);
    painter.translate(-frame.width() / 2.0, -frame.height() / 2.0);
    painter.drawImage(0, 0, frame);
    return gray(out);
}

QImage blurred(const QImage &frame, int radius)
{
    // A box blur, twice (close to a Gaussian), over rows then columns.
    QImage out = gray(frame);
    const int w = out.width();
    const int h = out.height();
    std::vector<int> line;
    for (int pass = 0; pass < 2; ++pass) {
        for (int y = 0; y < h; ++y) {
            uchar *row = out.scanLine(y);
            line.assign(row, row + w);
            for (int x = 0; x < w; ++x) {
                int sum = 0, n = 0;
                for (int k = std::max(0, x - radius); k <= std::min(w - 1, x + radius); ++k, ++n)
                    sum += line[size_t(k)];
                row[x] = uchar(sum / n);
            }
        }
        for (int x = 0; x < w; ++x) {
            line.resize(size_t(h));
            for (int y = 0; y < h; ++y)
                line[size_t(y)] = out.scanLine(y)[x];
            for (int y = 0; y < h; ++y) {
                int sum = 0, n = 0;
                for (int k = std::max(0, y - radius); k <= std::min(h - 1, y + radius); ++k, ++n)
                    sum += line[size_t(k)];
                out.scanLine(y)[x] = uchar(sum / n);
            }
        }
    }
    return out;
}

QImage noised(const QImage &frame, int amplitude, quint32 seed)
{
    QImage out = gray(frame);
    QRandomGenerator random(seed);
    for (int y = 0; y < out.height(); ++y) {
        uchar *row = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x) {
            // The sum of three uniform draws: roughly normal, within ±amplitude.
            const int noise =
                (int(random.bounded(2 * amplitude + 1)) + int(random.bounded(2 * amplitude + 1)) +
                 int(random.bounded(2 * amplitude + 1))) /
                    3 -
                amplitude;
            row[x] = uchar(std::clamp(row[x] + noise, 0, 255));
        }
    }
    return out;
}

QImage perspective(const QImage &frame, qreal tilt)
{
    const qreal w = frame.width();
    const qreal h = frame.height();
    const QPolygonF from({QPointF(0, 0), QPointF(w, 0), QPointF(w, h), QPointF(0, h)});
    const QPolygonF to({QPointF(w * tilt / 2, h * tilt / 4), QPointF(w * (1 - tilt / 2), h * tilt / 4),
                        QPointF(w, h), QPointF(0, h)});
    QTransform transform;
    QTransform::quadToQuad(from, to, transform);
    QImage out(frame.size(), QImage::Format_RGB32);
    out.fill(QColor(200, 200, 200));
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setTransform(transform);
    painter.drawImage(0, 0, frame);
    return gray(out);
}

QImage lowContrast(const QImage &frame, int dark, int light)
{
    QImage out = gray(frame);
    for (int y = 0; y < out.height(); ++y) {
        uchar *row = out.scanLine(y);
        for (int x = 0; x < out.width(); ++x)
            row[x] = uchar(dark + (light - dark) * row[x] / 255);
    }
    return out;
}

QList<CodeSample> distortedSet()
{
    struct Distortion
    {
        QString name;
        std::function<QImage(const QImage &)> apply;
    };
    const QList<Distortion> distortions{
        {QStringLiteral("clean"), [](const QImage &f) { return f; }},
        {QStringLiteral("rotated 12°"), [](const QImage &f) { return rotated(f, 12); }},
        {QStringLiteral("rotated 30°"), [](const QImage &f) { return rotated(f, 30); }},
        {QStringLiteral("upside down"), [](const QImage &f) { return rotated(f, 180); }},
        {QStringLiteral("blurred"), [](const QImage &f) { return blurred(f, 2); }},
        {QStringLiteral("noised"), [](const QImage &f) { return noised(f, 40, 2026); }},
        {QStringLiteral("perspective"), [](const QImage &f) { return perspective(f, 0.3); }},
        {QStringLiteral("low contrast"), [](const QImage &f) { return lowContrast(f, 90, 150); }},
        {QStringLiteral("small"), [](const QImage &f) { return f; }},
    };
    QList<CodeSample> samples;
    for (Symbology symbology : {Symbology::QRCode, Symbology::Aztec, Symbology::PDF417, Symbology::DataMatrix,
                                Symbology::Code128, Symbology::EAN13}) {
        const QString text = sampleText(symbology);
        const QImage code = renderCode(symbology, text, 4);
        for (const Distortion &distortion : distortions) {
            const bool small = distortion.name == QLatin1String("small");
            const QImage frame = onFrame(code, small ? 0.18 : 0.45);
            samples.append({symbologyName(symbology) + QLatin1Char('/') + distortion.name, text,
                            symbologyName(symbology), distortion.name, distortion.apply(frame)});
        }
    }
    return samples;
}

QImage frameWithoutCode()
{
    QImage frame(1280, 720, QImage::Format_RGB32);
    frame.fill(QColor(180, 170, 160));
    QPainter painter(&frame);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(QColor(90, 70, 60));
    painter.drawEllipse(QRectF(500, 150, 280, 360));
    painter.setBrush(QColor(40, 40, 120));
    painter.drawRect(QRectF(420, 500, 440, 220));
    painter.setPen(Qt::black);
    painter.drawText(QRectF(100, 100, 300, 100), QStringLiteral("Welcome, Konferenz 2026"));
    return gray(frame);
}

} // namespace checkin::test
