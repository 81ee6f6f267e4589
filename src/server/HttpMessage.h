// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The server's HTTP/1.1 messages: a request's head as read off a connection, an answer, and the
// strict parser of a request head (docs/server.md, "The HTTP layer"). Only what the API needs is
// accepted: origin-form targets, bodies announced by one Content-Length, no Transfer-Encoding.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace checkin {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method;    // GET, HEAD, POST, PUT, DELETE
    QByteArray target;    // as sent: path and query, percent-encoded
    QByteArray rawPath;   // the target up to '?'
    QByteArray rawQuery;  // after '?', still encoded
    QStringList segments; // the path's segments, each percent-decoded ("/a/b%2Fc" → a, b/c)
    int minorVersion = 1; // HTTP/1.<minor>
    HttpHeaders headers;  // names in lower case, values without surrounding blanks
    qint64 contentLength = 0;
    bool keepAlive = true;       // false: the connection closes after the answer
    bool expectContinue = false; // "Expect: 100-continue"
    QByteArray body;
    QString peer; // the client's address

    // The value of a header (names compared in lower case), empty when absent.
    QByteArray header(const QByteArray &lowerName) const;
    // The decoded path: "/" + segments joined by "/" (for logs and suffix checks).
    QString path() const;
};

struct HttpResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    HttpHeaders headers;
};

struct HttpLimits
{
    int maxHeadBytes = 16 * 1024; // request line and headers, with their line ends
    int maxTargetBytes = 8 * 1024;
    int maxHeaderCount = 100;
};

// What a head that cannot be served gets: an HTTP status and a sentence.
struct HttpFailure
{
    int status = 400;
    QByteArray code; // the JSON error code
    QString message;
};

// Parses a request head: the bytes before the blank line that ends it, without that line's CRLF
// pair. False with the answer to give (400, 414, 431, 501, 505) when it is not one we serve.
bool parseRequestHead(const QByteArray &head, const HttpLimits &limits, HttpRequest *request,
                      HttpFailure *failure);

// The reason phrase of a status ("Not Found").
QByteArray reasonPhrase(int status);

// The bytes of an answer: status line, headers (Content-Length always), the body unless headOnly.
QByteArray serializeResponse(const HttpResponse &response, bool keepAlive, bool http10, bool headOnly);

// A text safe for a log line: control characters, backslashes and non-ASCII bytes escaped (\xNN),
// cut to maxBytes.
QString loggable(const QByteArray &text, int maxBytes = 256);

} // namespace checkin
