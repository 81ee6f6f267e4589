// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPageLayout>
#include <QString>

#include <functional>

class QPainter;
class QPdfWriter;

namespace checkin::print {

// Writes a PDF at 300 dpi to `path` all at once (a file that is there is complete): `paint` draws
// its pages on `painter` (QPdfWriter::newPage() for the next). An error for a person, empty when done.
QString writePdf(const QString &path, const QString &title, const QPageLayout &layout,
                 const std::function<void(QPdfWriter &pdf, QPainter &painter)> &paint);

} // namespace checkin::print
