// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// A test's own connection to a kiosk's database, which is encrypted at rest (docs/security.md):
// through the store's encrypting VFS, with the key a kiosk of this user finds (link kiosk_core).

#include "CipherVfs.h"
#include "DatabaseKey.h"

#include <QSqlDatabase>
#include <QtDebug>

namespace checkin::test {

inline void useKioskDatabase(QSqlDatabase &db, const QString &path, const QString &options = {})
{
    if (QString error; !DatabaseKey::install(false, &error))
        qWarning() << error;
    db.setDatabaseName(CipherVfs::uri(path));
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI;") + options);
}

} // namespace checkin::test
