// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QSizeF>
#include <QString>

#include <optional>

class QImage;
class QPainter;
class QRectF;

namespace checkin::print {

// What a badge says about the person it is for.
struct Badge
{
    QString name; // "Anna Müller": large
    QString company;
    QString ticketType;
    QString event; // small, at the top
    // The QR code's text: the ticket code when the kiosk has it (it was scanned or typed), or a
    // walk-in's id. Empty: no QR code (a person found by name; the kiosk keeps only a hash of codes).
    QString code;
};

// A badge's paper: A6 cards, 62 mm continuous labels (Brother QL), 89x36 mm labels (DYMO
// LabelWriter 99012).
struct BadgeLayout
{
    QString id;             // "a6", "brother-62", "dymo-89x36": in settings and on the command line
    QString title;          // for people: "A6 card (105 × 148 mm)"
    QSizeF sizeMm;          // width x height as the badge is read
    bool landscape = false; // fed long edge first (the page is turned for the printer)

    // The title in the language of the screens.
    QString translatedTitle() const;

    static const QList<BadgeLayout> &all();
    static std::optional<BadgeLayout> byId(const QString &id);
    static QStringList ids();
};

// Draws `badge` on `page` (device coordinates of the whole label, no margins).
void paintBadge(QPainter &painter, const QRectF &page, const Badge &badge, const BadgeLayout &layout);
// The badge as a picture at `dpi` (a preview, a screenshot).
QImage badgeImage(const Badge &badge, const BadgeLayout &layout, int dpi = 150);
// Writes the badge as a one-page PDF of the label's size; an error for a person, empty when done.
QString writeBadgePdf(const QString &path, const Badge &badge, const BadgeLayout &layout);

} // namespace checkin::print
