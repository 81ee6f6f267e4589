#include "CheckIn.h"

#include <QUuid>

#include <array>

namespace checkin {

namespace {
constexpr std::array kindNames{u"entry", u"exit", u"undo"};
constexpr std::array statusNames{u"accepted", u"duplicate", u"conflict", u"rejected"};

template<typename Enum, typename Names> bool parseName(const Names &names, QStringView text, Enum *out)
{
    for (size_t i = 0; i < names.size(); ++i) {
        if (text == QStringView(names[i])) {
            *out = Enum(i);
            return true;
        }
    }
    return false;
}
} // namespace

QString checkInKindName(CheckInKind kind)
{
    return QStringView(kindNames[size_t(kind)]).toString();
}

bool parseCheckInKind(QStringView text, CheckInKind *kind)
{
    return parseName(kindNames, text, kind);
}

QString checkInStatusName(CheckInStatus status)
{
    return QStringView(statusNames[size_t(status)]).toString();
}

bool parseCheckInStatus(QStringView text, CheckInStatus *status)
{
    return parseName(statusNames, text, status);
}

QString newCheckInId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace checkin
