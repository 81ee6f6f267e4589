#include "Attendee.h"

namespace checkin {

QString Attendee::displayName() const
{
    if (firstName.isEmpty())
        return lastName;
    if (lastName.isEmpty())
        return firstName;
    return firstName + QLatin1Char(' ') + lastName;
}

QString ticketStatusName(TicketStatus status)
{
    return status == TicketStatus::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("valid");
}

bool parseTicketStatus(QStringView text, TicketStatus *status)
{
    if (text == u"valid") {
        *status = TicketStatus::Valid;
        return true;
    }
    if (text == u"cancelled") {
        *status = TicketStatus::Cancelled;
        return true;
    }
    return false;
}

} // namespace checkin
