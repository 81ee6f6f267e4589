// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The camera's path to a verdict: camera frames in the formats cameras send (NV12, I420, YUYV,
// UYVY, grey, RGB), holding a rendered ticket code, taken by CameraScanner, decoded on the frame
// thread, and passed through the scanner's debounce and router to the door, which checks in once
// however many frames show the ticket. And a camera that is absent, not allowed or failing: words,
// not a dead screen.
#include "CameraScanner.h"
#include "CheckInDesk.h"
#include "CodeImages.h"
#include "DoorController.h"
#include "FrameDecoder.h"
#include "ScanRouter.h"
#include "ScannerInput.h"
#include "StoreFixture.h"

#include <QCameraDevice>
#include <QCoreApplication>
#include <QEvent>
#include <QMediaDevices>
#include <QSignalSpy>
#include <QTest>
#include <QVideoFrame>
#include <QVideoFrameFormat>

#include <cstring>

using namespace checkin;
using namespace checkin::test;
using checkin::ui::CameraScanner;
using checkin::ui::DoorController;
using checkin::ui::ScannerInput;
using checkin::ui::ScanRouter;

namespace {

// `luma` (grey, 1280x720) as a camera frame of `format`: the luminance where the format keeps it,
// neutral chroma.
QVideoFrame cameraFrame(const QImage &luma, QVideoFrameFormat::PixelFormat format)
{
    QVideoFrame frame(QVideoFrameFormat(luma.size(), format));
    if (!frame.map(QVideoFrame::WriteOnly))
        return {};
    const int w = luma.width();
    const int h = luma.height();
    switch (format) {
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_Y8:
        for (int y = 0; y < h; ++y)
            std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), luma.constScanLine(y),
                        size_t(w));
        for (int plane = 1; plane < frame.planeCount(); ++plane)
            std::memset(frame.bits(plane), 128, size_t(frame.mappedBytes(plane)));
        break;
    case QVideoFrameFormat::Format_YUYV:
    case QVideoFrameFormat::Format_UYVY: {
        const int yAt = format == QVideoFrameFormat::Format_YUYV ? 0 : 1;
        for (int y = 0; y < h; ++y) {
            uchar *row = frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0);
            for (int x = 0; x < w; ++x) {
                row[2 * x + yAt] = luma.constScanLine(y)[x];
                row[2 * x + 1 - yAt] = 128;
            }
        }
        break;
    }
    default: {
        const QImage rgb = luma.convertToFormat(QImage::Format_RGBX8888);
        for (int y = 0; y < h; ++y)
            std::memcpy(frame.bits(0) + qsizetype(y) * frame.bytesPerLine(0), rgb.constScanLine(y),
                        size_t(w) * 4);
        break;
    }
    }
    frame.unmap();
    return frame;
}

} // namespace

class TestCameraScan : public QObject
{
    Q_OBJECT

    StoreFixture *f = nullptr;
    CheckInDesk *desk = nullptr;
    DoorController *door = nullptr;
    ScanRouter *router = nullptr;
    ScannerInput *input = nullptr;
    CameraScanner *camera = nullptr;

    // Frames offered as a camera sends them, each once the decoder is free again (a frame that
    // comes while it is busy is dropped, which the frame thread's own test covers).
    void show(const QVideoFrame &frame, int times)
    {
        for (int i = 0; i < times; ++i) {
            QTRY_VERIFY(camera->decoder().idle());
            const qint64 before = camera->decoder().framesDecoded();
            camera->takeFrame(frame);
            QTRY_COMPARE(camera->decoder().framesDecoded(), before + 1);
            QCoreApplication::processEvents(); // its announcement, queued to this thread
        }
    }

private Q_SLOTS:
    void init()
    {
        f = new StoreFixture;
        QVERIFY(f->open());
        QVERIFY(await(f->store->importAttendees(StoreFixture::people(), QStringLiteral("Konferenz")))
                    .error.isEmpty());
        desk = new CheckInDesk(f->store.get());
        door = new DoorController(desk);
        router = new ScanRouter(door);
        input = new ScannerInput(&f->clock);
        CameraScanner::Options options;
        options.noPictureMs = 300;
        camera = new CameraScanner(options);
        // As KioskServices wires them.
        connect(camera, &CameraScanner::decoded, input, &ScannerInput::offerDecoded);
        connect(input, &ScannerInput::scanned, router, &ScanRouter::route);
    }
    void cleanup()
    {
        delete camera;
        delete input;
        delete router;
        delete door;
        delete desk;
        delete f;
    }

    void heldTicketChecksInOnce_data()
    {
        QTest::addColumn<QVideoFrameFormat::PixelFormat>("format");
        QTest::newRow("NV12") << QVideoFrameFormat::Format_NV12;
        QTest::newRow("I420") << QVideoFrameFormat::Format_YUV420P;
        QTest::newRow("YUYV") << QVideoFrameFormat::Format_YUYV;
        QTest::newRow("UYVY") << QVideoFrameFormat::Format_UYVY;
        QTest::newRow("grey") << QVideoFrameFormat::Format_Y8;
        QTest::newRow("RGBX") << QVideoFrameFormat::Format_RGBX8888;
    }
    void heldTicketChecksInOnce()
    {
        QFETCH(QVideoFrameFormat::PixelFormat, format);
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        QSignalSpy repeated(input, &ScannerInput::repeated);
        // A phone held a little crooked, in a hall's light.
        const QImage luma = noised(
            rotated(onFrame(renderCode(Symbology::QRCode, QStringLiteral("CODE-ANNA"), 4)), 12), 20, 7);
        const QVideoFrame frame = cameraFrame(luma, format);
        QVERIFY(frame.isValid());
        show(frame, 5); // a sixth of a second of a held ticket, frame after frame
        QTRY_COMPARE(verdict.size(), 1);
        QCOMPARE(door->kind(), ui::Door::Kind::Admitted);
        QCOMPARE(door->name(), QStringLiteral("Anna Müller"));
        QCOMPARE(repeated.size(), 4); // the same ticket, still in the frame: no second check-in
        QTest::qWait(50);
        QCOMPARE(verdict.size(), 1);
        QCOMPARE(await(f->store->stats()).inside, 1);
    }

    void theNextTicketChecksIn()
    {
        QSignalSpy verdict(door, &DoorController::verdictChanged);
        show(cameraFrame(onFrame(renderCode(Symbology::Aztec, QStringLiteral("CODE-ANNA"), 4)),
                         QVideoFrameFormat::Format_NV12),
             1);
        QTRY_COMPARE(verdict.size(), 1);
        show(cameraFrame(
                 perspective(onFrame(renderCode(Symbology::DataMatrix, QStringLiteral("CODE-PETER"), 5)),
                             0.25),
                 QVideoFrameFormat::Format_NV12),
             1);
        QTRY_COMPARE(verdict.size(), 2);
        QCOMPARE(door->name(), QStringLiteral("Peter Mueller"));
        // The first ticket again, soon after another one: a scan (the window is per code).
        show(cameraFrame(onFrame(renderCode(Symbology::Aztec, QStringLiteral("CODE-ANNA"), 4)),
                         QVideoFrameFormat::Format_NV12),
             1);
        QTRY_COMPARE(verdict.size(), 3);
        QCOMPARE(door->kind(), ui::Door::Kind::AlreadyInside);
        QCOMPARE(await(f->store->stats()).inside, 2);
    }

    void framesWithoutCodeDoNothing()
    {
        QSignalSpy decoded(camera, &CameraScanner::decoded);
        show(cameraFrame(frameWithoutCode(), QVideoFrameFormat::Format_NV12), 3);
        QCOMPARE(decoded.size(), 0);
        QCOMPARE(door->verdictCount(), 0);
    }

    void heldBackWhileADialogIsOpen()
    {
        // A code the camera sees while a form is open over home is held, as a scanner's is.
        router->setPlace(ScanRouter::Place::HomeDialog);
        QSignalSpy held(router, &ScanRouter::held);
        show(cameraFrame(onFrame(renderCode(Symbology::QRCode, QStringLiteral("CODE-JOSE"), 4)),
                         QVideoFrameFormat::Format_NV12),
             1);
        QTRY_COMPARE(held.size(), 1);
        QCOMPARE(door->verdictCount(), 0);
    }

    void noCameraOnThisDevice()
    {
        if (!QMediaDevices::videoInputs().isEmpty())
            QSKIP("this machine has a camera; the case is for a device without one");
        QSignalSpy status(camera, &CameraScanner::statusChanged);
        QCOMPARE(camera->status(), CameraScanner::Status::Off);
        QVERIFY(camera->message().isEmpty());
        camera->setWanted(true);
        QCOMPARE(camera->status(), CameraScanner::Status::Unavailable);
        QCOMPARE(camera->message(),
                 QStringLiteral("No camera found on this device. Scan with the scanner or search by name."));
        QVERIFY(!camera->torchAvailable());
        camera->setTorch(true); // nothing to light: no harm
        camera->setFront(true); // the other side: still none
        QCOMPARE(camera->status(), CameraScanner::Status::Unavailable);
        camera->setWanted(false);
        QCOMPARE(camera->status(), CameraScanner::Status::Off);
        QVERIFY(status.size() >= 2);
    }

    void aCameraThatFails_data()
    {
        QTest::addColumn<QString>("why");
        QTest::addColumn<CameraScanner::Status>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("not allowed")
            << "Could not open /dev/video0: Permission denied" << CameraScanner::Status::Denied
            << "This app may not use the camera (permission denied). Scan with the scanner or "
               "search by name.";
        QTest::newRow("busy")
            << "Device or resource busy" << CameraScanner::Status::Failed
            << "The camera did not start (Device or resource busy). Scan with the scanner or "
               "search by name.";
    }
    void aCameraThatFails()
    {
        QFETCH(QString, why);
        QFETCH(CameraScanner::Status, status);
        QFETCH(QString, message);
        QSignalSpy changed(camera, &CameraScanner::statusChanged);
        camera->cameraFailed(why);
        QCOMPARE(camera->status(), status);
        QCOMPARE(camera->message(), message);
        QCOMPARE(changed.size(), 1);
        // A language change says it again, in the new words.
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(camera, &languageChange);
        QCOMPARE(changed.size(), 2);
    }
};

QTEST_MAIN(TestCameraScan)
#include "tst_camerascan.moc"
