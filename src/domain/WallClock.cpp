#include "WallClock.h"

#include <QDateTime>

namespace checkin {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace checkin
