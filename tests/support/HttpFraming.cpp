// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpFraming.h"

#include <cstring>

namespace checkin::test::http {

namespace {

constexpr qsizetype kMaxChunkLine = 4096;
constexpr qsizetype kMaxTrailers = 64 * 1024;

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

bool isToken(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (const char c : v) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// No control characters but tab; bytes from 0x80 (obs-text) are let through.
bool isText(QByteArrayView v)
{
    for (const char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isVersion(QByteArrayView v)
{
    return v == "HTTP/1.1" || v == "HTTP/1.0";
}

bool parseRequestLine(QByteArrayView line, Head *head)
{
    const qsizetype first = line.indexOf(' ');
    const qsizetype last = line.lastIndexOf(' ');
    if (first <= 0 || last <= first + 1)
        return false;
    head->method = line.first(first).toByteArray();
    head->target = line.sliced(first + 1, last - first - 1).toByteArray();
    head->version = line.sliced(last + 1).toByteArray();
    return isToken(head->method) && !head->target.contains(' ') && isVersion(head->version);
}

bool parseStatusLine(QByteArrayView line, Head *head)
{
    // HTTP/1.1 200 OK (the reason phrase may be empty)
    if (line.size() < 12 || line[8] != ' ' || (line.size() > 12 && line[12] != ' '))
        return false;
    head->version = line.first(8).toByteArray();
    bool ok = false;
    head->status = line.sliced(9, 3).toInt(&ok);
    return isVersion(head->version) && ok && head->status >= 100 && head->status <= 599;
}

Parse parseHead(const QByteArray &data, qsizetype maxSize, Head *head,
                bool (*parseStartLine)(QByteArrayView, Head *))
{
    *head = Head();
    // Garbage shows early: the start line has no control characters.
    const qsizetype firstEnd = data.indexOf("\r\n");
    const QByteArrayView first = QByteArrayView(data).first(firstEnd < 0 ? data.size() : firstEnd);
    if (!isText(first) || first.contains('\t'))
        return Parse::Invalid;
    if (firstEnd >= 0 && !parseStartLine(first, head))
        return Parse::Invalid;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return data.size() > maxSize ? Parse::Invalid : Parse::Incomplete;
    if (end + 4 > maxSize)
        return Parse::Invalid;
    qsizetype pos = firstEnd + 2;
    while (pos < end + 2) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        const QByteArrayView line = QByteArrayView(data).sliced(pos, lineEnd - pos);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)) || !isText(line))
            return Parse::Invalid;
        head->fields.append(
            {line.first(colon).toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
        pos = lineEnd + 2;
    }
    head->size = end + 4;
    return Parse::Complete;
}

} // namespace

QByteArray Head::field(QByteArrayView name) const
{
    for (const auto &[key, value] : fields) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool Head::has(QByteArrayView name) const
{
    for (const auto &field : fields) {
        if (name.compare(field.first, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool Head::fieldHasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const auto &[key, value] : fields) {
        if (name.compare(key, Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &item : value.split(',')) {
            if (token.compare(item.trimmed(), Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

qint64 Head::contentLength() const
{
    qint64 length = -1;
    for (const auto &[key, value] : fields) {
        if (QByteArrayView("content-length").compare(key, Qt::CaseInsensitive) != 0)
            continue;
        bool ok = value.size() <= 15 && !value.isEmpty();
        for (const char c : value)
            ok = ok && c >= '0' && c <= '9';
        const qint64 n = ok ? value.toLongLong() : -2;
        if (n < 0 || (length >= 0 && n != length))
            return -2;
        length = n;
    }
    return length;
}

bool Head::closesConnection() const
{
    if (fieldHasToken("Connection", "close"))
        return true;
    return version == "HTTP/1.0" && !fieldHasToken("Connection", "keep-alive");
}

Parse parseRequestHead(const QByteArray &data, qsizetype maxSize, Head *head)
{
    return parseHead(data, maxSize, head, parseRequestLine);
}

Parse parseResponseHead(const QByteArray &data, qsizetype maxSize, Head *head)
{
    return parseHead(data, maxSize, head, parseStatusLine);
}

Parse chunkedBodyLength(const QByteArray &data, qsizetype from, qsizetype *length)
{
    qsizetype pos = from;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return data.size() - pos > kMaxChunkLine ? Parse::Invalid : Parse::Incomplete;
        if (lineEnd - pos > kMaxChunkLine)
            return Parse::Invalid;
        QByteArrayView sizeText = QByteArrayView(data).sliced(pos, lineEnd - pos);
        if (const qsizetype semicolon = sizeText.indexOf(';'); semicolon >= 0)
            sizeText = sizeText.first(semicolon); // chunk extensions
        sizeText = sizeText.trimmed();
        bool ok = !sizeText.isEmpty() && sizeText.size() <= 15;
        for (const char c : sizeText)
            ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        if (!ok)
            return Parse::Invalid;
        const qint64 size = sizeText.toLongLong(nullptr, 16);
        pos = lineEnd + 2;
        if (size == 0)
            break;
        if (data.size() < pos + size + 2)
            return Parse::Incomplete;
        if (data[pos + size] != '\r' || data[pos + size + 1] != '\n')
            return Parse::Invalid;
        pos += size + 2;
    }
    // The trailer section: header lines up to an empty line.
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return data.size() - from > kMaxTrailers ? Parse::Invalid : Parse::Incomplete;
        if (lineEnd == pos) {
            *length = lineEnd + 2 - from;
            return Parse::Complete;
        }
        if (!isText(QByteArrayView(data).sliced(pos, lineEnd - pos)))
            return Parse::Invalid;
        pos = lineEnd + 2;
    }
}

} // namespace checkin::test::http
