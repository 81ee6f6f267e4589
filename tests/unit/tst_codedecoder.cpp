// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Finding ticket codes in pictures: every kind of code a ticket carries, clean and distorted as a
// camera sees it (rotated, blurred, noised, at an angle, washed out, small), as camera frames (a
// Y plane, a packed YUYV frame) and as files; a picture without a code; and the frame thread,
// which drops frames while it is busy instead of queueing them.
#include "CodeDecoder.h"
#include "CodeImages.h"
#include "FrameDecoder.h"

#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using namespace checkin::scan;
using namespace checkin::test;

Q_DECLARE_METATYPE(QImage)

class TestCodeDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void distortedFrames_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("format");
        for (const CodeSample &sample : distortedSet())
            QTest::newRow(qPrintable(sample.name)) << sample.image << sample.text << sample.format;
    }
    void distortedFrames()
    {
        QFETCH(QImage, image);
        QFETCH(QString, text);
        QFETCH(QString, format);
        // What ZXing-C++ 1.4 (Debian 12) does not read; bench_decode counts them in its share.
        QEXPECT_FAIL("Aztec/rotated 12°", "ZXing-C++ 1.4 finds Aztec codes only when held straight", Abort);
        QEXPECT_FAIL("Aztec/rotated 30°", "ZXing-C++ 1.4 finds Aztec codes only when held straight", Abort);
        QEXPECT_FAIL("PDF417/rotated 12°", "ZXing-C++ 1.4 finds PDF417 codes only when held straight", Abort);
        QEXPECT_FAIL("PDF417/rotated 30°", "ZXing-C++ 1.4 finds PDF417 codes only when held straight", Abort);
        QEXPECT_FAIL("Code128/rotated 30°", "a line across a barcode this tilted leaves its bars", Abort);
        QEXPECT_FAIL("EAN-13/rotated 30°", "a line across a barcode this tilted leaves its bars", Abort);
        QEXPECT_FAIL("DataMatrix/low contrast", "ZXing-C++ 1.4 misses a Data Matrix in grey on grey", Abort);
        // A camera frame: one try, as the frame thread makes it.
        const QList<DecodedCode> codes = CodeDecoder(CodeDecoder::Effort::Frame).decode(image);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, text);
        QCOMPARE(codes.first().format, format);
    }

    void nothingInAFrameWithoutCode()
    {
        QVERIFY(CodeDecoder(CodeDecoder::Effort::Frame).decode(frameWithoutCode()).isEmpty());
        QVERIFY(CodeDecoder(CodeDecoder::Effort::Still).decode(frameWithoutCode()).isEmpty());
        QVERIFY(CodeDecoder().decode(QImage()).isEmpty());
        QVERIFY(CodeDecoder().decode(LumaView{}).isEmpty());
    }

    void colourImages()
    {
        // A screenshot of a phone's wallet: colour, with alpha.
        QImage code = onFrame(renderCode(Symbology::QRCode, QStringLiteral("CODE-ANNA1"), 4))
                          .convertToFormat(QImage::Format_ARGB32);
        const QList<DecodedCode> codes = CodeDecoder().decode(code);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, QStringLiteral("CODE-ANNA1"));
    }

    void packedYuyvFrame()
    {
        // A webcam's YUYV frame: Y U Y V ..., the luminance in every other byte.
        const QImage luma = onFrame(renderCode(Symbology::QRCode, QStringLiteral("CODE-BEN22"), 4));
        QByteArray yuyv(luma.width() * 2 * luma.height(), char(128));
        for (int y = 0; y < luma.height(); ++y)
            for (int x = 0; x < luma.width(); ++x)
                yuyv[qsizetype(y) * luma.width() * 2 + x * 2] = char(luma.constScanLine(y)[x]);
        const LumaView view{reinterpret_cast<const uchar *>(yuyv.constData()), luma.width(), luma.height(),
                            luma.width() * 2, 2};
        const QList<DecodedCode> codes = CodeDecoder().decode(view);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, QStringLiteral("CODE-BEN22"));
    }

    void invertedCodeInAStill()
    {
        QImage frame = onFrame(renderCode(Symbology::QRCode, QStringLiteral("CODE-CARLA3"), 4));
        frame.invertPixels();
        const QList<DecodedCode> codes = CodeDecoder(CodeDecoder::Effort::Still).decode(frame);
        QCOMPARE(codes.size(), 1);
        QCOMPARE(codes.first().text, QStringLiteral("CODE-CARLA3"));
    }

    void severalCodesInAStill()
    {
        // A sheet with two tickets: a file gives every code. (ZXing-C++ 1.4 finds several codes of
        // one kind on a picture, not always codes of different kinds: a Data Matrix beside a QR
        // code is found alone.)
        QImage sheet(1600, 700, QImage::Format_Grayscale8);
        sheet.fill(255);
        {
            QPainter painter(&sheet);
            painter.drawImage(40, 40, renderCode(Symbology::QRCode, QStringLiteral("CODE-ONE-1"), 5));
            painter.drawImage(900, 40, renderCode(Symbology::QRCode, QStringLiteral("CODE-TWO-2"), 6));
        }
        QStringList texts;
        for (const DecodedCode &code : CodeDecoder(CodeDecoder::Effort::Still).decode(sheet))
            texts.append(code.text);
        texts.sort();
        QCOMPARE(texts, QStringList({QStringLiteral("CODE-ONE-1"), QStringLiteral("CODE-TWO-2")}));
    }

    void formatNames()
    {
        const QStringList names = CodeDecoder::formatNames();
        for (const char *name : {"QRCode", "Aztec", "PDF417", "DataMatrix", "Code128", "EAN-13"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
    }

    void frameThreadAnnouncesOnItsOwnersThread()
    {
        FrameDecoder decoder;
        QSignalSpy decoded(&decoder, &FrameDecoder::decoded);
        QSignalSpy nothing(&decoder, &FrameDecoder::nothingFound);
        const QImage luma = onFrame(renderCode(Symbology::Aztec, QStringLiteral("CODE-DORA4"), 4));
        Frame frame;
        frame.luma = QByteArray(reinterpret_cast<const char *>(luma.constBits()), luma.sizeInBytes());
        QCOMPARE(luma.bytesPerLine(), qsizetype(luma.width()));
        frame.width = luma.width();
        frame.height = luma.height();
        QVERIFY(decoder.offer(frame));
        QVERIFY(decoded.wait(5000));
        QCOMPARE(decoded.first().at(0).toString(), QStringLiteral("CODE-DORA4"));
        QCOMPARE(decoded.first().at(1).toString(), QStringLiteral("Aztec"));
        QTRY_VERIFY(decoder.idle());
        Frame empty;
        empty.image = frameWithoutCode();
        QVERIFY(decoder.offer(empty));
        QVERIFY(nothing.wait(5000));
        QCOMPARE(decoded.size(), 1);
        QCOMPARE(decoder.framesDecoded(), 2);
        QVERIFY(!decoder.offer(Frame{})); // nothing to decode
    }

    void framesOfferedWhileBusyAreDropped()
    {
        FrameDecoder decoder;
        QSignalSpy decoded(&decoder, &FrameDecoder::decoded);
        Frame frame;
        frame.image = blurred(onFrame(renderCode(Symbology::PDF417, QStringLiteral("CODE-EMIL5"), 3)), 1);
        // A camera's 30 frames a second, offered as fast as can be: each offer is either taken
        // (the decoder was idle) or dropped; never more than one frame waits.
        int taken = 0;
        int dropped = 0;
        for (int i = 0; i < 200; ++i) {
            if (decoder.offer(frame))
                ++taken;
            else
                ++dropped;
            QVERIFY(decoder.framesDecoded() >= taken - 1); // at most the one in hand
        }
        QCOMPARE(decoder.framesDropped(), dropped);
        QTRY_COMPARE(decoder.framesDecoded(), taken);
        QTRY_COMPARE(decoded.size(), taken);
        QVERIFY(decoder.lastDecodeMicros() > 0);
    }
};

QTEST_MAIN(TestCodeDecoder)
#include "tst_codedecoder.moc"
