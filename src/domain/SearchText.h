// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

namespace checkin::SearchText {

// The normalised form names are matched in: lower case, diacritics folded (José = jose), German
// transliteration (Müller = Mueller = Muller, ß = ss), apostrophes and other punctuation inside a
// word dropped (O'Brien = obrien). Prefix-preserving: if a is a prefix of b, then normalize(a)
// is a prefix of normalize(b), so prefix search works on normalised keys.
QString normalize(QStringView text);

// The normalised words of a field, as search keys: each part split on spaces and hyphens, plus the
// whole field joined when it has several parts ("Jean-Luc" -> "jean", "luc", "jeanluc").
QStringList keys(QStringView field);

// The normalised words of a query ("Anna  Mül" -> "anna", "mul"); empty words dropped.
QStringList queryWords(QStringView query);

} // namespace checkin::SearchText
