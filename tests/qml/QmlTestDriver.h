// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QString>

namespace checkin::ui {
class KioskServices;
}

// What the QML tests cannot do from QML: show a made-up verdict (the self-test's samples) or sync
// state. Set as the context property `driver`.
class QmlTestDriver : public QObject
{
    Q_OBJECT
public:
    explicit QmlTestDriver(checkin::ui::KioskServices *services, QObject *parent = nullptr);

    Q_INVOKABLE int sampleCount() const;
    // Shows sample verdict `index` through the DoorController, as a scan's answer would.
    Q_INVOKABLE void presentSample(int index);
    Q_INVOKABLE void showOffline(const QString &reason, int undelivered);
    Q_INVOKABLE void showSyncing(int undelivered);
    Q_INVOKABLE void showOnline();
    // Gives the scratch kiosk an event with `count` generated attendees (once; later calls only
    // answer). True when the store has them.
    Q_INVOKABLE bool importSample(int count);

    // Imports a few attendees and records a check-in of every kind to review (the self-test's
    // samples); `reviewSamplesRecorded(problem)` says when, with an empty problem when it worked.
    Q_INVOKABLE void recordReviewSamples();

Q_SIGNALS:
    void reviewSamplesRecorded(const QString &problem);

private:
    checkin::ui::KioskServices *m_services;
};
