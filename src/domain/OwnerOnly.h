// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Files that hold names, e-mails or secrets are the owner's alone (docs/security.md): every program
// creates its files owner-only, and the databases made by an older version are narrowed at open.

#include <QString>

namespace checkin::OwnerOnly {

// From now on this process creates files readable and writable by its user only (umask 077).
void createFilesOwnerOnly();

// Takes group and other access away from a SQLite database and its journal files (-wal, -shm,
// -journal) where they have any; false with a sentence when one cannot be changed.
bool restrictDatabase(const QString &path, QString *error);

// A sentence when any user may read the file (a token or a key), else empty.
QString readableByOthers(const QString &path);

} // namespace checkin::OwnerOnly
