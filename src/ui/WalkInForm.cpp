// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WalkInForm.h"

#include "CheckInDesk.h"
#include "DoorController.h"
#include "Futures.h"
#include "LocalStore.h"
#include "QmlServices.h"

#include <QRegularExpression>

#include <algorithm>

namespace checkin::ui {

namespace {

bool hasControl(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(),
                       [](QChar c) { return c.category() == QChar::Other_Control; });
}

// "ann-kathrin" -> "Ann-Kathrin": the first letter of each part, when the volunteer typed all in
// lower case (as one types a search); anything with a capital letter is kept as typed.
QString capitalised(const QString &word)
{
    QString out = word;
    bool start = true;
    for (QChar &c : out) {
        if (start && c.isLetter())
            c = c.toUpper();
        start = c == u'-' || c == u'\'';
    }
    return out;
}

} // namespace

WalkInForm::WalkInForm(CheckInDesk *desk, LocalStore *store, DoorController *door, QObject *parent)
    : QObject(parent)
    , m_desk(desk)
    , m_store(store)
    , m_door(door)
{}

WalkInForm *WalkInForm::create(QQmlEngine *engine, QJSEngine *)
{
    return provided<WalkInForm>(engine);
}

QStringList WalkInForm::nameFromSearch(const QString &typed)
{
    const QString text = typed.simplified();
    // A ticket code (digits, no space) is no name.
    if (text.isEmpty() || (text.contains(QRegularExpression(QStringLiteral("\\d"))) && !text.contains(u' ')))
        return {QString(), QString()};
    QStringList words = text.split(u' ');
    if (text == text.toLower()) {
        for (QString &w : words)
            w = capitalised(w);
    }
    const QString last = words.takeLast();
    return {words.join(u' '), last};
}

void WalkInForm::start(const QString &typed)
{
    const QStringList name = nameFromSearch(typed);
    m_walkIn = WalkIn{name.value(0), name.value(1), {}, {}};
    Q_EMIT fieldsChanged();
    setShowErrors(false);
    setError({});
    const quint64 generation = ++m_generation;
    deliverLater(m_store->ticketTypes(), this, [this, generation](const LocalStore::TicketTypes &types) {
        if (generation != m_generation || types.names == m_ticketTypes)
            return;
        m_ticketTypes = types.names;
        Q_EMIT ticketTypesChanged();
    });
}

bool WalkInForm::submit()
{
    if (m_busy || m_door->selfService())
        return false; // at a self-service screen nobody registers anybody
    setShowErrors(true);
    if (!valid())
        return false;
    setError({});
    setBusy(true);
    deliverLater(m_desk->registerWalkIn(m_walkIn), this, [this](const ScanOutcome &outcome) {
        setBusy(false);
        if (!outcome.recorded) {
            setError(outcome.error.isEmpty() ? CheckInDesk::describe(outcome) : outcome.error);
            return;
        }
        m_walkIn = {};
        Q_EMIT fieldsChanged();
        setShowErrors(false);
        Q_EMIT registered();
        m_door->present(outcome);
    });
    return true;
}

void WalkInForm::setFirstName(const QString &value)
{
    setField(&m_walkIn.firstName, value);
}

void WalkInForm::setLastName(const QString &value)
{
    setField(&m_walkIn.lastName, value);
}

void WalkInForm::setCompany(const QString &value)
{
    setField(&m_walkIn.company, value);
}

void WalkInForm::setTicketType(const QString &value)
{
    setField(&m_walkIn.ticketType, value);
}

void WalkInForm::setField(QString *field, const QString &value)
{
    if (*field == value)
        return;
    *field = value;
    Q_EMIT fieldsChanged();
}

QString WalkInForm::problem(const QString &value, const QString &tooLong, const QString &control) const
{
    if (value.trimmed().size() > WalkIn::MaxFieldLength)
        return tooLong.arg(WalkIn::MaxFieldLength);
    if (hasControl(value))
        return control;
    return {};
}

QString WalkInForm::nameError() const
{
    if (m_walkIn.firstName.trimmed().isEmpty() && m_walkIn.lastName.trimmed().isEmpty())
        return tr("Enter a first or last name.");
    const QString first =
        problem(m_walkIn.firstName, tr("The first name is too long: at most %1 characters."),
                tr("The first name cannot contain line breaks or tabs."));
    return !first.isEmpty()
               ? first
               : problem(m_walkIn.lastName, tr("The last name is too long: at most %1 characters."),
                         tr("The last name cannot contain line breaks or tabs."));
}

QString WalkInForm::companyError() const
{
    return problem(m_walkIn.company, tr("The company is too long: at most %1 characters."),
                   tr("The company cannot contain line breaks or tabs."));
}

QString WalkInForm::ticketTypeError() const
{
    return problem(m_walkIn.ticketType, tr("The ticket type is too long: at most %1 characters."),
                   tr("The ticket type cannot contain line breaks or tabs."));
}

bool WalkInForm::valid() const
{
    return nameError().isEmpty() && companyError().isEmpty() && ticketTypeError().isEmpty();
}

void WalkInForm::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

void WalkInForm::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    Q_EMIT errorChanged();
}

void WalkInForm::setShowErrors(bool show)
{
    if (m_showErrors == show)
        return;
    m_showErrors = show;
    Q_EMIT showErrorsChanged();
}

} // namespace checkin::ui
