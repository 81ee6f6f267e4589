// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The kiosk's database encrypted at rest (docs/security.md, "A stolen tablet"): an SQLite VFS that
// wraps the system's "unix" VFS and encrypts every page before it reaches the disk.
//
// Format: pages of PageSize bytes; the last Reserve bytes of each page are kept free by SQLite (the
// database's "reserved bytes per page", set when it is created) and hold a fresh 12-byte nonce and
// the 16-byte tag of AES-256-GCM over the rest of the page, with the page's offset as associated
// data (a page cannot be moved). The WAL's page images are encrypted the same way; its headers and
// frame headers (page numbers, salts, checksums) stay clear. The shared-memory index holds no
// content and is left alone. Temporary files, which SQLite deletes on close, are encrypted with
// AES-256-CTR under a nonce that lives only as long as the open file. Memory-mapped reads are off
// (they would bypass decryption).

#include <QByteArray>
#include <QString>

namespace checkin::CipherVfs {

inline constexpr char Name[] = "checkin-cipher";
inline constexpr int PageSize = 4096;
inline constexpr int Reserve = 32;
inline constexpr int KeySize = 32;

// Registers the VFS (once) and makes `key` (KeySize bytes) the key of files opened from now on.
// False with a sentence when the key has the wrong size or SQLite refuses the VFS.
bool install(const QByteArray &key, QString *error);
bool installed();

// The SQLite URI that opens `path` through this VFS (open it with SQLITE_OPEN_URI or
// QSQLITE_OPEN_URI).
QString uri(const QString &path);

enum class FileState {
    Missing,    // no file, or an empty one: a new database
    Clear,      // an SQLite database not encrypted (made by an older version)
    Encrypted,  // page 1 decrypts with the installed key
    WrongKey,   // encrypted, but not with the installed key (or damaged)
    Unreadable, // the file cannot be read
};
// What is at `path`, read without SQLite (and without a lock: call it before opening).
FileState probe(const QString &path);

// Marks a closed encrypted database as a WAL database (page 1's bytes 18 and 19, as PRAGMA
// journal_mode=WAL does), so that SQLite never makes a rollback journal for it: a VACUUM INTO
// writes a database in rollback mode, and switching that over would journal page 1 in the clear.
bool markWal(const QString &path, QString *error);

// How often a page failed authentication since the process started (a wrong key or a damaged file).
int authenticationFailures();

} // namespace checkin::CipherVfs
