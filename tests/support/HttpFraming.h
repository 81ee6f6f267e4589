// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace checkin::test::http {

// Just enough HTTP/1.1 framing for FaultProxy to find where requests and responses begin and end.

enum class Parse { Incomplete, Complete, Invalid };

// The start line and header fields of one message.
struct Head
{
    QByteArray method;  // requests
    QByteArray target;  // requests: the request target as sent
    QByteArray version; // "HTTP/1.1"
    int status = 0;     // responses
    QList<QPair<QByteArray, QByteArray>> fields;
    qsizetype size = 0; // bytes up to and including the blank line

    // The first field of that name (case-insensitive), trimmed; empty when there is none.
    QByteArray field(QByteArrayView name) const;
    bool has(QByteArrayView name) const;
    // Whether a comma-separated field (Connection, Transfer-Encoding) lists `token`.
    bool fieldHasToken(QByteArrayView name, QByteArrayView token) const;
    // Content-Length: -1 when absent, -2 when malformed or contradictory.
    qint64 contentLength() const;
    // Whether the connection ends after this message (Connection: close, or HTTP/1.0 without
    // keep-alive).
    bool closesConnection() const;
};

// The head at the start of `data`. Invalid as soon as the start line or a field is malformed, or
// when no blank line comes within `maxSize` bytes.
Parse parseRequestHead(const QByteArray &data, qsizetype maxSize, Head *head);
Parse parseResponseHead(const QByteArray &data, qsizetype maxSize, Head *head);

// A chunked body starting at `from`: on Complete, `*length` is its size including the last chunk
// and the trailer section.
Parse chunkedBodyLength(const QByteArray &data, qsizetype from, qsizetype *length);

} // namespace checkin::test::http
