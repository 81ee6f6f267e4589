// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"

#include <QFile>
#include <QTest>

namespace checkin::test {

QString dataDir()
{
    const QByteArray fromEnv = qgetenv("CHECKIN_TEST_DATA");
    return fromEnv.isEmpty() ? QStringLiteral(CHECKIN_TEST_DATA_DIR) : QString::fromLocal8Bit(fromEnv);
}

QByteArray readFixture(const QString &relativePath)
{
    QFile file(dataDir() + QLatin1Char('/') + relativePath);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(QStringLiteral("missing fixture %1").arg(file.fileName())), __FILE__,
                     __LINE__);
        return {};
    }
    return file.readAll();
}

} // namespace checkin::test
