// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineOption;

namespace checkin {

// A config file such as /etc/checkin-server/server.conf: one `name = value` a line, `#` or `;`
// starts a comment line, blank lines are ignored. A name may repeat (e.g. several public URLs).
// The names are the programs' long option names, so a setting reads the same in the file, on the
// command line and in the man page.
class ConfigFile
{
public:
    struct Entry
    {
        QString name;
        QString value;
        int line = 0;
    };

    // False with a message that names the file and the line when it cannot be read or a line is
    // not `name = value`. A missing file is an error too; callers decide whether it may be absent.
    static bool read(const QString &path, QList<Entry> *entries, QString *error);

    // The entries as command-line arguments for `options` (`--name=value`, or `--name` for a
    // switch whose value is true/yes/on/1; false/no/off/0 leaves it out). A name that is no option
    // in `options`, is in `refused`, or a switch with another value, is an error naming the line.
    static bool toArguments(const QString &path, const QList<Entry> &entries,
                            const QList<QCommandLineOption> &options, const QStringList &refused,
                            QStringList *arguments, QString *error);

    // The value of `--NAME FILE` or `--NAME=FILE` in `arguments` (the last one wins), else empty.
    static QString optionValue(const QStringList &arguments, const QString &name);
};

} // namespace checkin
