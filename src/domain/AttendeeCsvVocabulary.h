// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

// The words of attendee lists, for AttendeeCsv: header synonyms, status words, full-name splitting.
namespace checkin::csvvocab {

enum Field {
    ExternalId,
    OrderCode,
    Code,
    FirstName,
    LastName,
    FullName,
    Company,
    Email,
    TicketType,
    Variation,
    Status,
    FieldCount,
    Unused = -1
};

inline constexpr const char16_t *kFieldNames[FieldCount] = {
    u"external_id", u"order_code", u"ticket_code", u"first_name", u"last_name", u"name",
    u"company",     u"email",      u"ticket_type", u"variation",  u"status",
};

// What a header names: a field, and how surely (when several columns could be one field, the
// higher priority wins).
struct Meaning
{
    Field field = Unused;
    int priority = 0;
};

// Lower case, letters and digits only, accents dropped, ß = ss, # = nr.
QString foldKey(QStringView text);

// The field a header names, by English and German synonyms; Unused for a buyer or invoice column
// and for a header we do not know.
Meaning classify(QStringView header);

enum class StatusWord { Valid, Cancelled, PendingAsValid, WaitlistAsCancelled, Unknown };

// What a status word means (case, accents and punctuation ignored); Unknown if we do not know it.
StatusWord statusWord(QStringView word);

// Splits "Müller, Anna" and "Anna Maria van der Berg" into first and last name.
void splitFullName(QStringView full, QString *first, QString *last);

} // namespace checkin::csvvocab
