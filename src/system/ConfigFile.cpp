// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ConfigFile.h"

#include <QCommandLineOption>
#include <QFile>

namespace checkin {

namespace {
QString where(const QString &path, int line)
{
    return QStringLiteral("%1, line %2").arg(path).arg(line);
}
} // namespace

bool ConfigFile::read(const QString &path, QList<Entry> *entries, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("Cannot read the config file %1: %2.").arg(path, file.errorString());
        return false;
    }
    entries->clear();
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const QString name = line.left(equals).trimmed();
        if (equals <= 0 || name.isEmpty() || name.contains(QLatin1Char(' '))) {
            *error = QStringLiteral("%1: expected \"name = value\", not \"%2\".")
                         .arg(where(path, number), line.left(80));
            return false;
        }
        QString value = line.mid(equals + 1).trimmed();
        // A value may be quoted, to keep spaces at its ends or a leading #.
        if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
            value = value.mid(1, value.size() - 2);
        entries->append({name, value, number});
    }
    return true;
}

bool ConfigFile::toArguments(const QString &path, const QList<Entry> &entries,
                             const QList<QCommandLineOption> &options, const QStringList &refused,
                             QStringList *arguments, QString *error)
{
    static const QStringList yes = {QStringLiteral("true"), QStringLiteral("yes"), QStringLiteral("on"),
                                    QStringLiteral("1")};
    static const QStringList no = {QStringLiteral("false"), QStringLiteral("no"), QStringLiteral("off"),
                                   QStringLiteral("0")};
    arguments->clear();
    for (const Entry &entry : entries) {
        const QCommandLineOption *option = nullptr;
        for (const QCommandLineOption &candidate : options)
            if (candidate.names().contains(entry.name) && entry.name.size() > 1)
                option = &candidate;
        if (!option || refused.contains(entry.name)) {
            *error = QStringLiteral("%1: unknown setting \"%2\" (the settings are the long options of "
                                    "--help, without the dashes).")
                         .arg(where(path, entry.line), entry.name);
            return false;
        }
        if (!option->valueName().isEmpty()) {
            if (entry.value.isEmpty()) {
                *error = QStringLiteral("%1: \"%2\" needs a value.").arg(where(path, entry.line), entry.name);
                return false;
            }
            *arguments << QStringLiteral("--%1=%2").arg(entry.name, entry.value);
        } else if (yes.contains(entry.value.toLower())) {
            *arguments << QStringLiteral("--") + entry.name;
        } else if (!no.contains(entry.value.toLower())) {
            *error = QStringLiteral("%1: \"%2\" is on or off (true/false, yes/no), not \"%3\".")
                         .arg(where(path, entry.line), entry.name, entry.value);
            return false;
        }
    }
    return true;
}

QString ConfigFile::optionValue(const QStringList &arguments, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    QString value;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--"))
            break;
        if (arguments[i] == flag && i + 1 < arguments.size())
            value = arguments[++i];
        else if (arguments[i].startsWith(flag + QLatin1Char('=')))
            value = arguments[i].mid(flag.size() + 1);
    }
    return value;
}

} // namespace checkin
