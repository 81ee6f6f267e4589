// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// A server's certificate pin, "sha256/" and the base64 of the SHA-256 of its public key
// (SubjectPublicKeyInfo, as HTTP public key pinning and `openssl pkey -pubin -outform der` have
// it). A kiosk that holds a pin trusts the server whose key it names, self-signed or not, under
// any host name, and no other key (docs/security.md, "Trusting the server").

#include <QString>

class QSslCertificate;

namespace checkin::CertificatePin {

QString of(const QSslCertificate &certificate);
// Whether `text` is a pin in that form.
bool isPin(const QString &text);

} // namespace checkin::CertificatePin
