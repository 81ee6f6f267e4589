// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpMessage.h"

namespace checkin {

namespace {

// RFC 9110 token characters (header names, methods).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// A header value: visible ASCII, blanks and bytes from 0x80 (obs-text); no other control byte.
bool isFieldValue(const QByteArray &text)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

HttpFailure fail(int status, const char *code, const QString &message)
{
    return {status, QByteArray(code), message};
}

// Whether a comma-separated header holds a token (Connection: keep-alive, Upgrade).
bool hasToken(const QByteArray &value, const QByteArray &token)
{
    for (const QByteArray &part : value.split(',')) {
        if (part.trimmed().toLower() == token)
            return true;
    }
    return false;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray &lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QString HttpRequest::path() const
{
    return QLatin1Char('/') + segments.join(QLatin1Char('/'));
}

bool parseRequestHead(const QByteArray &head, const HttpLimits &limits, HttpRequest *request,
                      HttpFailure *failure)
{
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QByteArray line = lineEnd < 0 ? head : head.left(lineEnd);
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
        *failure =
            fail(400, "bad_request", QStringLiteral("The request line is not METHOD TARGET HTTP/1.1."));
        return false;
    }
    if (parts[2] == "HTTP/1.1") {
        request->minorVersion = 1;
    } else if (parts[2] == "HTTP/1.0") {
        request->minorVersion = 0;
    } else if (parts[2].startsWith("HTTP/") && parts[2].size() == 8 && parts[2][6] == '.') {
        *failure = fail(505, "http_version_not_supported", QStringLiteral("This server speaks HTTP/1.1."));
        return false;
    } else {
        *failure =
            fail(400, "bad_request", QStringLiteral("The request line is not METHOD TARGET HTTP/1.1."));
        return false;
    }
    if (!isToken(parts[0])) {
        *failure = fail(400, "bad_request", QStringLiteral("The request's method is not a token."));
        return false;
    }
    static const QList<QByteArray> methods{"GET", "HEAD", "POST", "PUT", "DELETE"};
    if (!methods.contains(parts[0])) {
        *failure = fail(501, "not_implemented",
                        QStringLiteral("This server answers GET, HEAD, POST, PUT and DELETE only."));
        return false;
    }
    request->method = parts[0];

    const QByteArray &target = parts[1];
    if (target.size() > limits.maxTargetBytes) {
        *failure =
            fail(414, "uri_too_long",
                 QStringLiteral("The request's target is longer than %1 bytes.").arg(limits.maxTargetBytes));
        return false;
    }
    for (const char ch : target) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c >= 0x7f || c == '#') {
            *failure =
                fail(400, "bad_request",
                     QStringLiteral("The request's target holds a byte that must be percent-encoded."));
            return false;
        }
    }
    if (!target.startsWith('/')) {
        *failure =
            fail(400, "bad_request", QStringLiteral("The request's target must be a path (\"/api/v1/…\")."));
        return false;
    }
    request->target = target;
    const qsizetype question = target.indexOf('?');
    request->rawPath = question < 0 ? target : target.left(question);
    request->rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);
    request->segments.clear();
    const QList<QByteArray> rawSegments = request->rawPath.mid(1).split('/');
    for (const QByteArray &raw : rawSegments) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(raw);
        const QString text = QString::fromUtf8(decoded);
        // Bytes that are not UTF-8 (a lone %C3) or a NUL in a path match nothing we serve.
        if (text.toUtf8() != decoded || decoded.contains('\0')) {
            *failure = fail(400, "bad_request", QStringLiteral("The request's path is not UTF-8 text."));
            return false;
        }
        request->segments << text;
    }

    request->headers.clear();
    qsizetype pos = lineEnd < 0 ? head.size() : lineEnd + 2;
    int contentLengths = 0;
    int hosts = 0;
    bool transferEncoding = false;
    QByteArray connection;
    while (pos < head.size()) {
        qsizetype end = head.indexOf("\r\n", pos);
        if (end < 0)
            end = head.size();
        const QByteArray field = head.mid(pos, end - pos);
        pos = end + 2;
        if (field.startsWith(' ') || field.startsWith('\t')) {
            *failure = fail(400, "bad_request", QStringLiteral("Folded header lines are not accepted."));
            return false;
        }
        if (request->headers.size() >= limits.maxHeaderCount) {
            *failure =
                fail(431, "headers_too_large",
                     QStringLiteral("The request has more than %1 headers.").arg(limits.maxHeaderCount));
            return false;
        }
        const qsizetype colon = field.indexOf(':');
        const QByteArray name = colon < 0 ? QByteArray() : field.left(colon);
        const QByteArray value = colon < 0 ? QByteArray() : field.mid(colon + 1).trimmed();
        // A blank before the colon, a bare CR or LF, or a control byte: not a header we can trust.
        if (!isToken(name) || !isFieldValue(value)) {
            *failure = fail(400, "bad_request", QStringLiteral("A header line is malformed."));
            return false;
        }
        const QByteArray lower = name.toLower();
        if (lower == "content-length") {
            ++contentLengths;
            bool ok = value.size() <= 15 && !value.isEmpty();
            for (const char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok || contentLengths > 1) {
                *failure =
                    fail(400, "bad_request",
                         contentLengths > 1 ? QStringLiteral("The request has more than one Content-Length.")
                                            : QStringLiteral("Content-Length is not a number of bytes."));
                return false;
            }
            request->contentLength = value.toLongLong();
        } else if (lower == "transfer-encoding") {
            transferEncoding = true;
        } else if (lower == "host") {
            ++hosts;
        } else if (lower == "connection") {
            connection = value;
        } else if (lower == "expect") {
            if (value.toLower() != "100-continue") {
                *failure = fail(417, "expectation_failed",
                                QStringLiteral("Only Expect: 100-continue is understood."));
                return false;
            }
            request->expectContinue = true;
        }
        request->headers.append({lower, value});
    }
    if (transferEncoding) {
        *failure =
            fail(501, "not_implemented",
                 QStringLiteral("Transfer-Encoding is not accepted; send the body with a Content-Length."));
        return false;
    }
    if (hosts > 1 || (hosts == 0 && request->minorVersion == 1)) {
        *failure =
            fail(400, "bad_request", QStringLiteral("An HTTP/1.1 request carries exactly one Host header."));
        return false;
    }
    request->keepAlive =
        request->minorVersion == 1 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
    if (request->minorVersion == 0)
        request->expectContinue = false;
    return true;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

QByteArray serializeResponse(const HttpResponse &response, bool keepAlive, bool http10, bool headOnly)
{
    QByteArray out;
    out.reserve(256 + (headOnly ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (!keepAlive)
        out += "Connection: close\r\n";
    else if (http10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!headOnly)
        out += response.body;
    return out;
}

QString loggable(const QByteArray &text, int maxBytes)
{
    QString out;
    const QByteArray cut = text.left(maxBytes);
    out.reserve(cut.size());
    static const char hex[] = "0123456789abcdef";
    for (const char ch : cut) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c >= 0x7f || c == '\\') {
            out += QLatin1String("\\x");
            out += QLatin1Char(hex[c >> 4]);
            out += QLatin1Char(hex[c & 15]);
        } else {
            out += QLatin1Char(ch);
        }
    }
    if (text.size() > maxBytes)
        out += QChar(0x2026); // …
    return out;
}

} // namespace checkin
