#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QJSEngine;
class QQmlEngine;

namespace checkin {
class WallClock;
}

namespace checkin::ui {

// Tells a keyboard-wedge barcode scanner from a person typing: a scanner types a burst of
// characters, each within a few milliseconds of the last, and ends it with Enter. Watches the key
// events of a window (wherever the focus is) and announces each code once; the same code again
// within 2.5 s (a scanner that reads twice, a ticket held too long) is ignored.
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
    };

    explicit ScannerInput(const WallClock *clock, const Options &options, QObject *parent = nullptr);
    explicit ScannerInput(const WallClock *clock, QObject *parent = nullptr)
        : ScannerInput(clock, Options{}, parent)
    {}
    static ScannerInput *create(QQmlEngine *engine, QJSEngine *);

    // One key press: its key (Qt::Key) and the text it types. True when it ended a scan (Enter
    // after a burst), which the caller then consumes.
    Q_INVOKABLE bool feed(int key, const QString &text);
    // Watches every key press sent to `target` (a window) before its items see it.
    void watch(QObject *target);

Q_SIGNALS:
    void scanned(const QString &code);
    // The same code within the repeat window: ignored.
    void repeated(const QString &code);
    // Somebody is at the screen: a key, a tap or a touch in the watched window (the self-service
    // screen's idle reset starts over on it).
    void activity();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    const WallClock *m_clock;
    Options m_options;
    QString m_burst;
    qint64 m_lastKeyMs = 0;
    QString m_lastCode;
    qint64 m_lastCodeMs = 0;
};

} // namespace checkin::ui
