// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Which servers' certificates this process trusts besides the system's authorities
// (docs/security.md, "Trusting the server"): an event's own authority from a file (kiosk.conf
// `ca-file`, checkinctl --ca-file), and SSL_CERT_FILE / SSL_CERT_DIR as OpenSSL's own tools read
// them. A pinned certificate is ServerClient::setPin.

#include <QString>
#include <QStringList>

namespace checkin::ServerTrust {

// Adds the PEM certificates in `path` (a file, or a directory of .pem/.crt files) to the
// authorities every TLS connection of this process trusts; false with a sentence when it holds none.
bool addAuthorities(const QString &path, QString *error);

// SSL_CERT_FILE and SSL_CERT_DIR (colon-separated), when set: their certificates are added as
// above. The sentences say which could not be read.
QStringList useEnvironment();

} // namespace checkin::ServerTrust
