// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;
class QTimer;

namespace checkin {
class WallClock;
}

namespace checkin::ui {

// Tells a keyboard-wedge barcode scanner from a person typing: a scanner types a burst of
// characters, each within a few milliseconds of the last, and ends it with Enter, with Tab, or with
// nothing (the burst then ends when the keys stop: `quietMs`). Watches the key
// events of a window (wherever the focus is) and announces each code once; the same code again
// within 2.5 s (a scanner that reads twice, a ticket held too long) is ignored.
// A scan never stays in a text field: the field that had the focus when the burst began (anything
// with a `text` property: a TextField, the PIN pad) gets its text back before `scanned` is emitted,
// so a code typed into a walk-in's name or an override's note by the scanner is taken out again.
class ScannerInput : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    struct Options
    {
        qint64 maxGapMs = 60;         // longer between two keys: a person typing
        int minLength = 4;            // shorter bursts are not codes
        qint64 repeatWindowMs = 2500; // the same code again within this is ignored
        bool tabEnds = true;          // Tab right after a burst ends it, as Enter does
        // A burst that simply stops (a scanner set to send no suffix) is a scan after this long
        // without a key, when it looks like a ticket code (a digit, no space) and is not one key
        // held down (auto-repeat types as fast as a scanner); 0: only Enter or Tab end a scan.
        qint64 quietMs = 150;
    };

    explicit ScannerInput(const WallClock *clock, const Options &options, QObject *parent = nullptr);
    explicit ScannerInput(const WallClock *clock, QObject *parent = nullptr)
        : ScannerInput(clock, Options{}, parent)
    {}
    static ScannerInput *create(QQmlEngine *engine, QJSEngine *);

    // One key press: its key (Qt::Key) and the text it types. True when it ended a scan (Enter
    // after a burst), which the caller then consumes.
    Q_INVOKABLE bool feed(int key, const QString &text);
    // A burst with no suffix ends when the keys stop: called by a timer `quietMs` after the last
    // key (and by tests, on their clock). True when it was a scan.
    bool endQuietBurst();
    // A code read by the camera (CameraScanner): the same path and the same repeat window as a
    // scanner's burst, so a ticket held in front of the camera checks in once. Frames keep
    // showing it; each sighting extends the window, so it does not check in again while held there.
    Q_INVOKABLE void offerDecoded(const QString &code);
    // Watches every key press sent to `target` (a window) before its items see it.
    void watch(QObject *target);

Q_SIGNALS:
    void scanned(const QString &code);
    // The same code within the repeat window: ignored.
    void repeated(const QString &code);
    // A person typed on a real keyboard: two keys in a row, each too slow for a scanner. (The
    // on-screen keyboard's letters reach the fields through the input method, not as keys.)
    void typing();
    // Somebody is at the screen: a key, a tap or a touch in the watched window (the self-service
    // screen's idle reset starts over on it).
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The focused item's text as it was before a burst began, and putting it back after a scan.
    void rememberField();
    void restoreField();
    // The burst is over: a scan when it is long enough (announced once in the repeat window).
    bool finish(const QString &code, qint64 now);
    // A code read: scanned, or repeated within the window (which it extends).
    void announce(const QString &code, qint64 now);

    const WallClock *m_clock;
    Options m_options;
    QString m_burst;
    qint64 m_lastKeyMs = 0;
    QString m_lastCode;
    qint64 m_lastCodeMs = 0;
    bool m_lastKeyAlone = false; // the last printable key came long after the one before it
    QPointer<QObject> m_field;
    QVariant m_fieldText;
    QTimer *m_quiet = nullptr; // endQuietBurst() once the keys stop
};

} // namespace checkin::ui
