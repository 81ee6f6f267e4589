// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DatabaseKey.h"
#include "CipherVfs.h"
#include "OwnerOnly.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <unistd.h>

namespace checkin::DatabaseKey {

namespace {

QMutex configuredMutex;
QString configured;
QString installedFrom;

Found readKey(const QString &path, const QString &source)
{
    Found found;
    found.source = source;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        found.error = QStringLiteral("The database key %1 cannot be read: %2.")
                          .arg(QDir::toNativeSeparators(path), file.errorString());
        return found;
    }
    QString error;
    found.key = parse(file.read(4096), &error);
    if (found.key.isEmpty())
        found.error =
            QStringLiteral("The database key %1 is not a key: %2").arg(QDir::toNativeSeparators(path), error);
    return found;
}

// Made whole in a file of its own, then linked into place: a link never replaces a file, so of two
// programs starting at once (the app and checkinctl on a new device) the first one's key is the key,
// and the other reads it.
Found createKey(const QString &path)
{
    Found found;
    found.source = QDir::toNativeSeparators(path);
    QByteArray key(CipherVfs::KeySize, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    const QFileInfo info(path);
    QTemporaryFile file(info.absoluteFilePath() + QStringLiteral(".XXXXXX"));
    if (!QDir().mkpath(info.absolutePath()) || !file.open()) {
        found.error =
            QStringLiteral("Cannot make the database key %1: %2. Check the permissions of its folder, "
                           "or name another file with --database-key-file.")
                .arg(found.source, file.errorString());
        return found;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(key.toHex() + '\n') != 2 * CipherVfs::KeySize + 1 || !file.flush() ||
        ::fsync(file.handle()) != 0) {
        found.error =
            QStringLiteral("Cannot write the database key %1: %2.").arg(found.source, file.errorString());
        return found;
    }
    if (::link(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(path).constData()) != 0) {
        if (errno == EEXIST)
            return readKey(path, found.source); // another program made it a moment ago
        found.error = QStringLiteral("Cannot make the database key %1: %2.")
                          .arg(found.source, QString::fromLocal8Bit(std::strerror(errno)));
        return found;
    }
    found.key = key;
    return found;
}

} // namespace

void setConfiguredFile(const QString &path)
{
    QMutexLocker lock(&configuredMutex);
    configured = path;
}

QString configuredFile()
{
    QMutexLocker lock(&configuredMutex);
    return configured;
}

QString defaultFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("checkin-kiosk/database.key"));
}

Found load(bool mayCreate)
{
    const QString named = configuredFile();
    if (!named.isEmpty()) {
        if (!QFileInfo::exists(named))
            return mayCreate ? createKey(named)
                             : Found{{},
                                     named,
                                     QStringLiteral("The database key %1 is missing; the database cannot be "
                                                    "read without it.")
                                         .arg(QDir::toNativeSeparators(named))};
        return readKey(named, QDir::toNativeSeparators(named));
    }
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty()) {
        const QString credential = QDir(credentials).filePath(QStringLiteral("database-key"));
        if (QFileInfo::exists(credential))
            return readKey(credential, QStringLiteral("the systemd credential database-key"));
    }
    const QString own = defaultFile();
    if (QFileInfo::exists(own)) {
        Found found = readKey(own, QDir::toNativeSeparators(own));
        if (const QString open = OwnerOnly::readableByOthers(own); !open.isEmpty() && found.error.isEmpty())
            qWarning("%s", qPrintable(open));
        return found;
    }
    if (mayCreate)
        return createKey(own);
    return {
        {},
        QDir::toNativeSeparators(own),
        QStringLiteral("The database is encrypted and its key is missing (no --database-key-file, no "
                       "systemd credential database-key, no %1). Restore the key, or wipe this device and "
                       "enrol it again.")
            .arg(QDir::toNativeSeparators(own))};
}

bool install(bool mayCreate, QString *error)
{
    static QMutex installing; // two stores opening at once must not make two keys
    QMutexLocker once(&installing);
    if (CipherVfs::installed())
        return true;
    Found found = load(mayCreate);
    if (found.key.isEmpty()) {
        if (error)
            *error = found.error;
        return false;
    }
    if (!CipherVfs::install(found.key, error))
        return false;
    QMutexLocker lock(&configuredMutex);
    installedFrom = found.source;
    return true;
}

QString installedSource()
{
    QMutexLocker lock(&configuredMutex);
    return installedFrom.isEmpty() ? QStringLiteral("the key given to this program") : installedFrom;
}

QByteArray parse(const QByteArray &contents, QString *error)
{
    const QByteArray text = contents.trimmed();
    if (text.size() == 2 * CipherVfs::KeySize) {
        const bool hex = std::all_of(text.begin(), text.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
        if (hex)
            return QByteArray::fromHex(text);
    }
    if (contents.size() == CipherVfs::KeySize)
        return contents;
    if (error)
        *error = QStringLiteral("it must be %1 hexadecimal digits (make one with: openssl rand -hex %2).")
                     .arg(2 * CipherVfs::KeySize)
                     .arg(CipherVfs::KeySize);
    return {};
}

} // namespace checkin::DatabaseKey
