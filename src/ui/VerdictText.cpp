// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "VerdictText.h"

namespace checkin::ui {

QString Door::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Admitted:
        return QStringLiteral("admitted");
    case Kind::Exited:
        return QStringLiteral("exited");
    case Kind::AlreadyInside:
        return QStringLiteral("already_inside");
    case Kind::NotInside:
        return QStringLiteral("not_inside");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::WrongEvent:
        return QStringLiteral("wrong_event");
    case Kind::Undone:
        return QStringLiteral("undone");
    case Kind::AlreadyUsed:
        return QStringLiteral("already_used");
    case Kind::NotAdmitted:
        return QStringLiteral("not_admitted");
    case Kind::PaymentPending:
        return QStringLiteral("payment_pending");
    case Kind::Question:
        return QStringLiteral("question");
    case Kind::Order:
        return QStringLiteral("order");
    case Kind::Error:
        break;
    }
    return QStringLiteral("error");
}

QVariantList doorNotes(const QList<DoorNote> &notes)
{
    QVariantList list;
    for (const DoorNote &note : notes)
        list.append(QVariantMap{{QStringLiteral("label"), note.label},
                                {QStringLiteral("text"), note.text},
                                {QStringLiteral("attention"), note.attention}});
    return list;
}

VerdictText VerdictText::of(const ScanOutcome &outcome)
{
    if (!outcome.error.isEmpty())
        return {Door::Kind::Error, Door::Tone::Stop, tr("Not recorded")};
    switch (outcome.verdict) {
    case Verdict::Admitted:
        return {Door::Kind::Admitted, Door::Tone::Go,
                outcome.registered ? tr("Registered and checked in")
                : outcome.forced   ? tr("Admitted by override")
                                   : tr("Checked in")};
    case Verdict::Exited:
        return {Door::Kind::Exited, Door::Tone::Info, tr("Checked out")};
    case Verdict::AlreadyInside:
        return {Door::Kind::AlreadyInside, Door::Tone::Caution, tr("Already checked in")};
    case Verdict::NotInside:
        return {Door::Kind::NotInside, Door::Tone::Caution, tr("Not checked in")};
    case Verdict::Cancelled:
        return {Door::Kind::Cancelled, Door::Tone::Stop, tr("Ticket cancelled")};
    case Verdict::UnknownCode:
        return {Door::Kind::Unknown, Door::Tone::Stop, tr("Ticket not found")};
    case Verdict::WrongEvent:
        return {Door::Kind::WrongEvent, Door::Tone::Stop, tr("Wrong event")};
    case Verdict::Undone:
        return {Door::Kind::Undone, Door::Tone::Info, tr("Undone")};
    case Verdict::AlreadyUsed:
        return {Door::Kind::AlreadyUsed, Door::Tone::Caution, tr("Already used")};
    case Verdict::NotAdmitted:
        return {Door::Kind::NotAdmitted, Door::Tone::Stop, tr("Not admitted here")};
    case Verdict::PaymentPending:
        return {Door::Kind::PaymentPending, Door::Tone::Caution, tr("Not paid yet")};
    case Verdict::NeedsAnswer:
        return {Door::Kind::Question, Door::Tone::Info, outcome.question};
    case Verdict::Order:
        //: the headline when an order's code was scanned: how many tickets it holds
        return {Door::Kind::Order, Door::Tone::Info,
                tr("An order of %n ticket(s)", nullptr, int(outcome.group.size()))};
    }
    return {Door::Kind::Error, Door::Tone::Stop, tr("Not recorded")};
}

} // namespace checkin::ui
