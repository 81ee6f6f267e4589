#include "VerdictText.h"

namespace checkin::ui {

VerdictText VerdictText::of(const ScanOutcome &outcome)
{
    if (!outcome.error.isEmpty())
        return {QStringLiteral("error"), QStringLiteral("stop"), QStringLiteral("Not recorded")};
    switch (outcome.verdict) {
    case Verdict::Admitted:
        return {QStringLiteral("admitted"), QStringLiteral("go"),
                outcome.registered ? QStringLiteral("Registered and checked in")
                : outcome.forced   ? QStringLiteral("Admitted by override")
                                   : QStringLiteral("Checked in")};
    case Verdict::Exited:
        return {QStringLiteral("exited"), QStringLiteral("info"), QStringLiteral("Checked out")};
    case Verdict::AlreadyInside:
        return {QStringLiteral("already_inside"), QStringLiteral("caution"),
                QStringLiteral("Already checked in")};
    case Verdict::NotInside:
        return {QStringLiteral("not_inside"), QStringLiteral("caution"), QStringLiteral("Not checked in")};
    case Verdict::Cancelled:
        return {QStringLiteral("cancelled"), QStringLiteral("stop"), QStringLiteral("Ticket cancelled")};
    case Verdict::UnknownCode:
        return {QStringLiteral("unknown"), QStringLiteral("stop"), QStringLiteral("Ticket not found")};
    case Verdict::WrongEvent:
        return {QStringLiteral("wrong_event"), QStringLiteral("stop"), QStringLiteral("Wrong event")};
    case Verdict::Undone:
        return {QStringLiteral("undone"), QStringLiteral("info"), QStringLiteral("Undone")};
    }
    return {QStringLiteral("error"), QStringLiteral("stop"), QStringLiteral("Not recorded")};
}

} // namespace checkin::ui
