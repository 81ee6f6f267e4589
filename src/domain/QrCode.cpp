// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "QrCode.h"

#include <qrencode.h>

#include <memory>

namespace checkin {

QrCode QrCode::encode(const QByteArray &text)
{
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(int(text.size()), reinterpret_cast<const unsigned char *>(text.constData()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code)
        return {};
    QrCode out;
    out.size = code->width;
    for (int y = 0; y < code->width; ++y) {
        QByteArray row(code->width, '0');
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                row[x] = '1';
        }
        out.rows << row;
    }
    return out;
}

} // namespace checkin
