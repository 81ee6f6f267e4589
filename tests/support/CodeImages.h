// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QImage>
#include <QList>
#include <QString>

namespace checkin::test {

// Codes as a camera would see them, for the decoder's tests and benchmark: a code rendered (with
// ZXing-C++'s writer), placed on a 1280x720 frame, and then rotated, blurred, noised,
// perspective-warped or washed out. Deterministic: the same sample every run.
enum class Symbology { QRCode, Aztec, PDF417, DataMatrix, Code128, EAN13 };

struct CodeSample
{
    QString name;   // "QRCode/rotated 30°"
    QString text;   // what the code holds
    QString format; // ZXing's name of the kind, as CodeDecoder reports it
    QString distortion;
    QImage image; // 1280x720, Format_Grayscale8
};

QString symbologyName(Symbology symbology);
// A text the kind can hold: a pretix-like ticket code, or 13 digits for EAN-13.
QString sampleText(Symbology symbology);
// The code alone, black on white with a quiet zone, `module` pixels per module.
QImage renderCode(Symbology symbology, const QString &text, int module);
// `code` scaled to about `share` of the frame's height, centred on a light-grey 1280x720 frame.
QImage onFrame(const QImage &code, qreal share = 0.45);

QImage rotated(const QImage &frame, qreal degrees);
QImage blurred(const QImage &frame, int radius);
QImage noised(const QImage &frame, int amplitude, quint32 seed);
// Seen from the side: the top edge narrower than the bottom by `tilt` of the width.
QImage perspective(const QImage &frame, qreal tilt);
QImage lowContrast(const QImage &frame, int dark, int light);

// Every kind, clean and under each distortion.
QList<CodeSample> distortedSet();
// One frame with no code at all (a face-like blur of shapes and text).
QImage frameWithoutCode();

} // namespace checkin::test
