// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Where the key of the kiosk's encrypted database comes from (docs/security.md), first found wins:
//  1. the file named by --database-key-file or kiosk.conf's database-key-file;
//  2. the systemd credential "database-key" ($CREDENTIALS_DIRECTORY/database-key): the packaged
//     session loads it with LoadCredentialEncrypted=, sealed by systemd-creds with the TPM where
//     the device has one, so the key never lies on the disk in the clear;
//  3. the key file of this user, ~/.config/checkin-kiosk/database.key, made at the first start
//     (outside the data directory: a copy of the data directory alone tells nothing).
// A key is 32 bytes, written as 64 hexadecimal digits (or the 32 bytes themselves).

#include <QByteArray>
#include <QString>

namespace checkin::DatabaseKey {

struct Found
{
    QByteArray key; // empty when none was found
    QString source; // where it came from, for the log and the error messages
    QString error;  // a sentence when a key source exists but cannot be used
};

// The file given on the command line or in kiosk.conf (empty: none).
void setConfiguredFile(const QString &path);
QString configuredFile();

// This user's own key file (source 3).
QString defaultFile();

// The key, from the first source there is. `mayCreate`: when there is none, make the key file
// (the configured one, else the default one) with a new random key.
Found load(bool mayCreate);

// Installs the key (load(mayCreate)) as the database key of this process unless one is installed.
// False with a sentence when there is none or it cannot be used.
bool install(bool mayCreate, QString *error);
// Where the installed key came from ("the systemd credential database-key", a file name).
QString installedSource();

// 64 hexadecimal digits (blanks around them allowed) or 32 raw bytes; empty with `error` else.
QByteArray parse(const QByteArray &contents, QString *error);

} // namespace checkin::DatabaseKey
