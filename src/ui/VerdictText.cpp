#include "VerdictText.h"

namespace checkin::ui {

VerdictText VerdictText::of(const ScanOutcome &outcome)
{
    if (!outcome.error.isEmpty())
        return {QStringLiteral("error"), QStringLiteral("stop"), tr("Not recorded")};
    switch (outcome.verdict) {
    case Verdict::Admitted:
        return {QStringLiteral("admitted"), QStringLiteral("go"),
                outcome.registered ? tr("Registered and checked in")
                : outcome.forced   ? tr("Admitted by override")
                                   : tr("Checked in")};
    case Verdict::Exited:
        return {QStringLiteral("exited"), QStringLiteral("info"), tr("Checked out")};
    case Verdict::AlreadyInside:
        return {QStringLiteral("already_inside"), QStringLiteral("caution"), tr("Already checked in")};
    case Verdict::NotInside:
        return {QStringLiteral("not_inside"), QStringLiteral("caution"), tr("Not checked in")};
    case Verdict::Cancelled:
        return {QStringLiteral("cancelled"), QStringLiteral("stop"), tr("Ticket cancelled")};
    case Verdict::UnknownCode:
        return {QStringLiteral("unknown"), QStringLiteral("stop"), tr("Ticket not found")};
    case Verdict::WrongEvent:
        return {QStringLiteral("wrong_event"), QStringLiteral("stop"), tr("Wrong event")};
    case Verdict::Undone:
        return {QStringLiteral("undone"), QStringLiteral("info"), tr("Undone")};
    }
    return {QStringLiteral("error"), QStringLiteral("stop"), tr("Not recorded")};
}

} // namespace checkin::ui
