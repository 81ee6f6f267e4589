// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OwnerOnly.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>

namespace checkin::OwnerOnly {

void createFilesOwnerOnly()
{
    ::umask(077);
}

bool restrictDatabase(const QString &path, QString *error)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        const QByteArray file = QFile::encodeName(path + suffix);
        struct stat info
        {};
        if (::stat(file.constData(), &info) != 0)
            continue; // not there (yet)
        if ((info.st_mode & 077) == 0)
            continue;
        if (::chmod(file.constData(), info.st_mode & 0700) != 0) {
            if (error)
                *error = QStringLiteral("%1 can be read by other users and cannot be made private (%2); "
                                        "run: chmod 600 %1")
                             .arg(path + suffix, QString::fromLocal8Bit(strerror(errno)));
            return false;
        }
    }
    return true;
}

QString readableByOthers(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || (info.st_mode & S_IROTH) == 0)
        return {};
    return QStringLiteral(
               "%1 can be read by every user of this machine (mode %2); make it private: chmod 600 %1 "
               "(or 640 with a group of its own)")
        .arg(path)
        .arg(info.st_mode & 0777, 4, 8, QLatin1Char('0'));
}

} // namespace checkin::OwnerOnly
