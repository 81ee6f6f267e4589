// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>

namespace checkin {

// A QR code's modules (libqrencode), for whoever draws it: rows of '1' (dark) and '0' (light),
// without the quiet zone.
struct QrCode
{
    int size = 0;
    QList<QByteArray> rows;

    bool isNull() const { return size == 0; }
    // Byte mode, error correction M; null when the text does not fit (over about 2 kB).
    static QrCode encode(const QByteArray &text);
};

} // namespace checkin
