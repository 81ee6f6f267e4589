// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QCamera;
class QJSEngine;
class QMediaCaptureSession;
class QMediaDevices;
class QQmlEngine;
class QTimer;
class QVideoFrame;
class QVideoSink;

namespace checkin::scan {
class FrameDecoder;
}

namespace checkin::ui {

// Reads tickets with the tablet's camera: the camera chosen in the admin area (back or front),
// shown in the home screen's viewfinder (a VideoOutput, `videoOutput`), its frames decoded off the
// UI thread (FrameDecoder, which drops frames while busy). A code found is `decoded`, which goes
// into the scanner's path (ScannerInput::offerDecoded): the same debounce and the same router, so
// the verdict is the same whatever read the code.
// The camera runs only while it is `wanted` (home is up and a camera is chosen). When there is no
// camera, it is not allowed, it fails to start or sends no picture, `status` and `message` say so
// in words, and the scanner keeps working.
class CameraScanner : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool wanted READ wanted WRITE setWanted NOTIFY wantedChanged)
    Q_PROPERTY(bool front READ front WRITE setFront NOTIFY frontChanged)
    Q_PROPERTY(QObject *videoOutput READ videoOutput WRITE setVideoOutput NOTIFY videoOutputChanged)
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY statusChanged)
    Q_PROPERTY(bool torchAvailable READ torchAvailable NOTIFY torchChanged)
    Q_PROPERTY(bool torch READ torch WRITE setTorch NOTIFY torchChanged)
public:
    enum class Status {
        Off,         // not wanted
        Starting,    // asked to start, no picture yet
        Active,      // frames arrive and are decoded
        Unavailable, // no camera on this device (or none on the chosen side)
        Denied,      // the system does not let the app use the camera
        Failed       // it would not start, stopped with an error, or sends no picture
    };
    Q_ENUM(Status)

    struct Options
    {
        int noPictureMs = 8000; // started, and no frame within this long: Failed
    };

    explicit CameraScanner(const Options &options, QObject *parent = nullptr);
    explicit CameraScanner(QObject *parent = nullptr)
        : CameraScanner(Options{}, parent)
    {}
    ~CameraScanner() override;
    static CameraScanner *create(QQmlEngine *engine, QJSEngine *);

    bool wanted() const { return m_wanted; }
    void setWanted(bool wanted);
    bool front() const { return m_front; }
    void setFront(bool front);
    QObject *videoOutput() const { return m_videoOutput; }
    void setVideoOutput(QObject *output);
    Status status() const { return m_status; }
    QString message() const;
    bool torchAvailable() const;
    bool torch() const { return m_torch; }
    void setTorch(bool on);

    scan::FrameDecoder &decoder() { return *m_decoder; }

    // One frame from the camera (the sink's, and tests'): decoded unless the decoder is busy.
    void takeFrame(const QVideoFrame &frame);
    // What the camera said when it failed (its error text), for the status and the log.
    void cameraFailed(const QString &why);

Q_SIGNALS:
    void wantedChanged();
    void frontChanged();
    void videoOutputChanged();
    void statusChanged();
    void torchChanged();
    void decoded(const QString &code);

protected:
    bool event(QEvent *event) override;

private:
    void restart();
    void stop();
    void setStatus(Status status, const QString &detail = {});
    void connectSink();

    Options m_options;
    std::unique_ptr<scan::FrameDecoder> m_decoder;
    std::unique_ptr<QMediaCaptureSession> m_session;
    std::unique_ptr<QCamera> m_camera;
    QMediaDevices *m_devices;
    QTimer *m_noPicture;
    QPointer<QObject> m_videoOutput;
    QVideoSink *m_ownSink; // the frames' way when no viewfinder is shown (it lives as long as this)
    QPointer<QVideoSink> m_sink;
    bool m_wanted = false;
    bool m_front = false;
    bool m_torch = false;
    Status m_status = Status::Off;
    QString m_detail; // the camera's own words on a failure
};

} // namespace checkin::ui
