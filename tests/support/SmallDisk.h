// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QTemporaryDir>

namespace checkin::test {

// A real, small file system for full-disk tests: a tmpfs of `megabytes` mounted on a temporary
// directory, unmounted again when this goes. Mounting needs root (CI runs as root); mount() says
// why it could not, for QSKIP.
class SmallDisk
{
public:
    explicit SmallDisk(int megabytes);
    ~SmallDisk();
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    // Empty when mounted, else why not.
    QString mount();
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    // Appends to `path` until the file system refuses another byte; the bytes written.
    static qint64 fill(const QString &path);

private:
    QTemporaryDir m_dir;
    int m_megabytes;
    bool m_mounted = false;
};

} // namespace checkin::test
