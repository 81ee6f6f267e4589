// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace checkin {

// What a kiosk needs to enrol, in one line of text that a QR code carries and a barcode scanner
// types (docs/protocol.md, "Enrolment payload"):
//   checkin:enrol?v=1&event=conf-2026&code=ABCD-2345&server=https%3A%2F%2Fa.example%3A8443&server=...
//   [&pin=sha256%2F...] (the server's certificate pin, CertificatePin)
struct EnrolmentPayload
{
    Q_DECLARE_TR_FUNCTIONS(EnrolmentPayload)
public:
    static constexpr int Version = 1;

    QStringList servers; // base URLs, http or https, in the order to try
    QString code;        // the one-time enrolment code
    QString eventId;
    QString pin; // the server certificate's pin, when the server gave one

    QString toText() const;
    // Whether `text` looks like a payload at all (a scanner may type anything into a field).
    static bool looksLikePayload(QStringView text);
    // Reads a payload; false with a sentence a person can act on.
    static bool parse(QStringView text, EnrolmentPayload *payload, QString *error);
};

} // namespace checkin
