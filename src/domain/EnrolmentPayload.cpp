// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EnrolmentPayload.h"
#include "CertificatePin.h"

#include <QUrl>
#include <QUrlQuery>

namespace checkin {

namespace {

const QLatin1StringView Prefix{"checkin:enrol?"};

QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString EnrolmentPayload::toText() const
{
    QString text =
        Prefix + QStringLiteral("v=%1&event=%2&code=%3").arg(Version).arg(encoded(eventId), encoded(code));
    for (const QString &server : servers)
        text += QStringLiteral("&server=") + encoded(server);
    if (!pin.isEmpty())
        text += QStringLiteral("&pin=") + encoded(pin);
    return text;
}

bool EnrolmentPayload::looksLikePayload(QStringView text)
{
    return text.trimmed().startsWith(Prefix, Qt::CaseInsensitive);
}

bool EnrolmentPayload::parse(QStringView text, EnrolmentPayload *payload, QString *error)
{
    const QStringView trimmed = text.trimmed();
    if (!looksLikePayload(trimmed)) {
        *error = tr("This is not an enrolment code from the event lead's console (it should start with "
                    "\"checkin:enrol?\").");
        return false;
    }
    const QUrlQuery query(trimmed.mid(Prefix.size()).toString());
    bool versionOk = false;
    const int version = query.queryItemValue(QStringLiteral("v")).toInt(&versionOk);
    if (!versionOk || version < 1) {
        *error = tr("The enrolment code has no version; make a new one on the console.");
        return false;
    }
    if (version > Version) {
        *error = tr("The enrolment code was made by a newer server (format %1); update this app, or type "
                    "the server address and code by hand.")
                     .arg(version);
        return false;
    }
    EnrolmentPayload out;
    out.code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded).trimmed();
    out.eventId = query.queryItemValue(QStringLiteral("event"), QUrl::FullyDecoded).trimmed();
    if (out.code.isEmpty()) {
        *error = tr("The enrolment code carries no one-time code; make a new one on the console.");
        return false;
    }
    for (const QString &server : query.allQueryItemValues(QStringLiteral("server"), QUrl::FullyDecoded)) {
        const QUrl url(server.trimmed(), QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            *error = tr("The enrolment code names a server address that is not an http(s) URL: %1")
                         .arg(server.left(200));
            return false;
        }
        out.servers << server.trimmed();
    }
    out.pin = query.queryItemValue(QStringLiteral("pin"), QUrl::FullyDecoded).trimmed();
    if (!out.pin.isEmpty() && !CertificatePin::isPin(out.pin)) {
        *error = tr("The enrolment code's certificate pin is damaged; make a new one on the console.");
        return false;
    }
    if (out.servers.isEmpty()) {
        *error = tr("The enrolment code names no server; make a new one on the console.");
        return false;
    }
    *payload = out;
    return true;
}

} // namespace checkin
