#pragma once

#include <QByteArray>
#include <QString>

namespace checkin::test {

// The directory of shared fixtures (tests/data).
QString dataDir();
// The bytes of a fixture in tests/data; fails the current test when it is missing.
QByteArray readFixture(const QString &relativePath);

} // namespace checkin::test
