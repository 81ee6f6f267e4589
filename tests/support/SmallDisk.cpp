// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SmallDisk.h"

#include <QFile>
#include <QProcess>

#include <unistd.h>

namespace checkin::test {

SmallDisk::SmallDisk(int megabytes)
    : m_megabytes(megabytes)
{}

SmallDisk::~SmallDisk()
{
    if (m_mounted)
        QProcess::execute(QStringLiteral("umount"), {m_dir.path()});
}

QString SmallDisk::mount()
{
    if (::geteuid() != 0)
        return QStringLiteral(
            "needs root to mount a small tmpfs; run the suite as root (as CI does) to include this test");
    const int rc = QProcess::execute(QStringLiteral("mount"),
                                     {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                      QStringLiteral("size=%1m").arg(m_megabytes), QStringLiteral("tmpfs"),
                                      m_dir.path()});
    if (rc != 0)
        return QStringLiteral(
            "mounting a tmpfs was refused here; this test needs a place where it may mount one");
    m_mounted = true;
    return {};
}

qint64 SmallDisk::fill(const QString &path)
{
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return 0;
    // Large blocks first, then ever smaller ones down to a single byte: the last byte is taken too.
    const QByteArray block(64 * 1024, 'x');
    qint64 total = 0;
    for (int size = int(block.size()); size > 0; size /= 2) {
        while (filler.write(block.constData(), size) == size)
            total += size;
    }
    return total;
}

} // namespace checkin::test
