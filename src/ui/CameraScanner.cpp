// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CameraScanner.h"
#include "UiLogging.h"

#include "FrameDecoder.h"
#include "QmlServices.h"

#include <QCamera>
#include <QCameraDevice>
#include <QEvent>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>

#include <cstdlib>
#include <cstring>

namespace checkin::ui {

namespace {

// The camera on the chosen side, else any (a laptop's webcam says neither front nor back); null
// when the device has none.
QCameraDevice pickCamera(bool front)
{
    const QList<QCameraDevice> cameras = QMediaDevices::videoInputs();
    const QCameraDevice::Position wanted = front ? QCameraDevice::FrontFace : QCameraDevice::BackFace;
    for (const QCameraDevice &camera : cameras) {
        if (camera.position() == wanted)
            return camera;
    }
    return cameras.isEmpty() ? QCameraDevice() : QMediaDevices::defaultVideoInput();
}

// About 1280x720 at 15 frames a second or more: enough for a code at arm's length, and a frame
// decodes within a frame's time. Null (the camera's default) when it offers nothing like it.
QCameraFormat pickFormat(const QCameraDevice &camera)
{
    QCameraFormat best;
    int bestScore = 0;
    for (const QCameraFormat &format : camera.videoFormats()) {
        if (format.maxFrameRate() < 15)
            continue;
        const QSize size = format.resolution();
        const int score = std::abs(size.width() - 1280) + std::abs(size.height() - 720);
        if (best.isNull() || score < bestScore) {
            best = format;
            bestScore = score;
        }
    }
    return best;
}

// The luminance of a camera frame, copied out so that the frame goes back to the camera at once:
// the Y plane of planar and semi-planar YUV, every other byte of packed YUV; anything else as an
// image (Qt converts it).
scan::Frame lumaOf(QVideoFrame frame)
{
    scan::Frame out;
    if (!frame.isValid() || !frame.map(QVideoFrame::ReadOnly))
        return out;
    int pixelStride = 1;
    int offset = 0;
    switch (frame.pixelFormat()) {
    case QVideoFrameFormat::Format_NV12:
    case QVideoFrameFormat::Format_NV21:
    case QVideoFrameFormat::Format_YUV420P:
    case QVideoFrameFormat::Format_YUV422P:
    case QVideoFrameFormat::Format_YV12:
    case QVideoFrameFormat::Format_IMC1:
    case QVideoFrameFormat::Format_IMC2:
    case QVideoFrameFormat::Format_IMC3:
    case QVideoFrameFormat::Format_IMC4:
    case QVideoFrameFormat::Format_Y8:
        break;
    case QVideoFrameFormat::Format_YUYV:
        break;
    case QVideoFrameFormat::Format_UYVY:
        offset = 1;
        break;
    default:
        frame.unmap();
        out.image = frame.toImage();
        return out;
    }
    if (frame.pixelFormat() == QVideoFrameFormat::Format_YUYV ||
        frame.pixelFormat() == QVideoFrameFormat::Format_UYVY)
        pixelStride = 2;
    const int width = frame.width();
    const int height = frame.height();
    const uchar *bits = frame.bits(0);
    const int rowStride = frame.bytesPerLine(0);
    out.width = width;
    out.height = height;
    out.luma.resize(qsizetype(width) * height);
    char *to = out.luma.data();
    for (int y = 0; y < height; ++y) {
        const uchar *row = bits + qsizetype(y) * rowStride + offset;
        char *dest = to + qsizetype(y) * width;
        if (pixelStride == 1) {
            std::memcpy(dest, row, size_t(width));
        } else {
            for (int x = 0; x < width; ++x)
                dest[x] = char(row[x * pixelStride]);
        }
    }
    frame.unmap();
    return out;
}

} // namespace

CameraScanner::CameraScanner(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_decoder(std::make_unique<scan::FrameDecoder>())
    , m_session(std::make_unique<QMediaCaptureSession>())
    , m_devices(new QMediaDevices(this))
    , m_noPicture(new QTimer(this))
    , m_ownSink(new QVideoSink(this))
{
    connect(m_decoder.get(), &scan::FrameDecoder::decoded, this,
            [this](const QString &text, const QString &format) {
                qCInfo(lcCamera) << "read a" << format << "code";
                Q_EMIT decoded(text);
            });
    m_noPicture->setSingleShot(true);
    connect(m_noPicture, &QTimer::timeout, this, [this] {
        if (m_status == Status::Starting) {
            qCWarning(lcCamera) << "the camera sends no picture";
            stop();
            setStatus(Status::Failed);
        }
    });
    // A camera plugged in (or out) while one is wanted: start over with what is there now.
    connect(m_devices, &QMediaDevices::videoInputsChanged, this, [this] {
        if (m_wanted && m_status != Status::Active)
            restart();
    });
}

CameraScanner::~CameraScanner()
{
    stop();
}

CameraScanner *CameraScanner::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<CameraScanner>(engine);
}

void CameraScanner::setWanted(bool wanted)
{
    if (wanted == m_wanted)
        return;
    m_wanted = wanted;
    Q_EMIT wantedChanged();
    restart();
}

void CameraScanner::setFront(bool front)
{
    if (front == m_front)
        return;
    m_front = front;
    Q_EMIT frontChanged();
    if (m_wanted)
        restart();
}

void CameraScanner::setVideoOutput(QObject *output)
{
    if (output == m_videoOutput)
        return;
    m_videoOutput = output;
    Q_EMIT videoOutputChanged();
    if (m_camera)
        connectSink();
}

void CameraScanner::connectSink()
{
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    // The viewfinder's sink when there is one (the frames it shows are the frames decoded), else
    // a sink of our own.
    if (m_videoOutput)
        m_session->setVideoOutput(m_videoOutput);
    else
        m_session->setVideoSink(m_ownSink);
    m_sink = m_session->videoSink();
    if (m_sink)
        connect(m_sink, &QVideoSink::videoFrameChanged, this, &CameraScanner::takeFrame);
}

void CameraScanner::restart()
{
    stop();
    if (!m_wanted) {
        setStatus(Status::Off);
        return;
    }
    const QCameraDevice device = pickCamera(m_front);
    if (device.isNull()) {
        qCInfo(lcCamera) << "no camera on this device";
        setStatus(Status::Unavailable);
        return;
    }
    qCInfo(lcCamera) << "starting" << device.description() << "(" << device.position() << ")";
    m_camera = std::make_unique<QCamera>(device);
    const QCameraFormat format = pickFormat(device);
    if (!format.isNull())
        m_camera->setCameraFormat(format);
    connect(m_camera.get(), &QCamera::errorOccurred, this, [this](QCamera::Error error, const QString &text) {
        if (error != QCamera::NoError)
            cameraFailed(text);
    });
    connectSink();
    m_session->setCamera(m_camera.get());
    setStatus(Status::Starting);
    m_noPicture->start(m_options.noPictureMs);
    m_camera->start();
    if (m_torch && torchAvailable())
        m_camera->setTorchMode(QCamera::TorchOn);
    Q_EMIT torchChanged();
}

void CameraScanner::stop()
{
    m_noPicture->stop();
    if (m_sink)
        disconnect(m_sink, nullptr, this, nullptr);
    m_sink.clear();
    if (m_camera) {
        m_camera->stop();
        m_session->setCamera(nullptr);
        m_camera.reset();
        Q_EMIT torchChanged();
    }
}

void CameraScanner::takeFrame(const QVideoFrame &frame)
{
    if (!frame.isValid())
        return;
    if (m_status == Status::Starting && m_wanted) {
        m_noPicture->stop();
        setStatus(Status::Active);
    }
    if (!m_decoder->idle()) {
        m_decoder->noteDropped(); // copied out only when the decoder can take it
        return;
    }
    m_decoder->offer(lumaOf(frame));
}

void CameraScanner::cameraFailed(const QString &why)
{
    qCWarning(lcCamera) << "the camera failed:" << why;
    const bool denied = why.contains(QLatin1String("ermission"), Qt::CaseInsensitive) ||
                        why.contains(QLatin1String("denied"), Qt::CaseInsensitive) ||
                        why.contains(QLatin1String("EACCES"));
    stop();
    setStatus(denied ? Status::Denied : Status::Failed, why);
}

bool CameraScanner::torchAvailable() const
{
    return m_camera && m_camera->isTorchModeSupported(QCamera::TorchOn);
}

void CameraScanner::setTorch(bool on)
{
    if (on == m_torch)
        return;
    m_torch = on;
    if (m_camera && torchAvailable())
        m_camera->setTorchMode(on ? QCamera::TorchOn : QCamera::TorchOff);
    Q_EMIT torchChanged();
}

void CameraScanner::setStatus(Status status, const QString &detail)
{
    if (status == m_status && detail == m_detail)
        return;
    m_status = status;
    m_detail = detail;
    Q_EMIT statusChanged();
}

QString CameraScanner::message() const
{
    const QString instead = tr("Scan with the scanner or search by name.");
    switch (m_status) {
    case Status::Off:
        return {};
    case Status::Starting:
        return tr("Starting the camera\u2026");
    case Status::Active:
        return tr("Hold the ticket's code in the frame.");
    case Status::Unavailable:
        return tr("No camera found on this device.") + QLatin1Char(' ') + instead;
    case Status::Denied:
        return tr("This app may not use the camera (permission denied).") + QLatin1Char(' ') + instead;
    case Status::Failed:
        if (m_detail.isEmpty())
            return tr("The camera sends no picture.") + QLatin1Char(' ') + instead;
        return tr("The camera did not start (%1).").arg(m_detail) + QLatin1Char(' ') + instead;
    }
    return {};
}

bool CameraScanner::event(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT statusChanged();
    return QObject::event(event);
}

} // namespace checkin::ui
