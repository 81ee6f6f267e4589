// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Badge.h"

#include "PdfFile.h"
#include "QrCode.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextLayout>

namespace checkin::print {

namespace {

const QColor ink(0x11, 0x14, 0x18);
const QColor muted(0x4A, 0x52, 0x60);

// The largest font (up to `maxMm` tall letters, at least `minMm`) at which `text` fits `box` in at
// most `maxLines` lines; at the smallest, the text is elided.
QFont fitted(QPainter &painter, const QString &text, const QRectF &box, qreal maxMm, qreal minMm,
             int maxLines, qreal unit, bool bold)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setBold(bold);
    for (qreal mm = maxMm; mm >= minMm; mm -= 0.25) {
        font.setPixelSize(std::max(1, int(mm * unit)));
        const QFontMetricsF metrics(font, painter.device());
        const QRectF needed =
            metrics.boundingRect(QRectF(0, 0, box.width(), 1e6), Qt::TextWordWrap | Qt::AlignHCenter, text);
        const int lines = int(std::ceil(needed.height() / metrics.lineSpacing() - 0.01));
        if (needed.width() <= box.width() + 0.5 && lines <= maxLines && needed.height() <= box.height() + 0.5)
            return font;
    }
    font.setPixelSize(std::max(1, int(minMm * unit)));
    return font;
}

void drawText(QPainter &painter, const QRectF &box, const QString &text, const QFont &font,
              const QColor &color, Qt::Alignment align)
{
    if (text.isEmpty())
        return;
    painter.setFont(font);
    painter.setPen(color);
    const QFontMetricsF metrics(font, painter.device());
    // A name longer than the box even at the smallest size: cut with an ellipsis, never clipped.
    QString shown = text;
    const QRectF needed =
        metrics.boundingRect(QRectF(0, 0, box.width(), 1e6), Qt::TextWordWrap | align, text);
    if (needed.height() > box.height() + 0.5)
        shown = metrics.elidedText(text, Qt::ElideRight,
                                   box.width() * std::max(1.0, box.height() / metrics.lineSpacing()) * 0.95);
    painter.drawText(box, int(align) | Qt::TextWordWrap, shown);
}

void drawQr(QPainter &painter, const QRectF &box, const QString &text)
{
    const QrCode qr = QrCode::encode(text.toUtf8());
    if (qr.isNull())
        return;
    // Whole device pixels per module keep the modules sharp on a label printer's 300 dpi.
    const qreal side = std::min(box.width(), box.height());
    const qreal module = std::floor(side / (qr.size + 2)); // with a quiet zone of a module each side
    if (module < 1)
        return;
    const qreal drawn = module * qr.size;
    const QPointF origin(box.center().x() - drawn / 2, box.center().y() - drawn / 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRect(
        QRectF(origin - QPointF(module, module), QSizeF(drawn + 2 * module, drawn + 2 * module)));
    painter.setBrush(Qt::black);
    for (int y = 0; y < qr.size; ++y) {
        const QByteArray &row = qr.rows[y];
        for (int x = 0; x < qr.size; ++x) {
            if (row[x] == '1')
                painter.drawRect(QRectF(origin.x() + x * module, origin.y() + y * module, module, module));
        }
    }
}

} // namespace

const QList<BadgeLayout> &BadgeLayout::all()
{
    // The titles in English; translatedTitle() gives them in the screens' language.
    static const QList<BadgeLayout> layouts{
        {QStringLiteral("a6"),
         QStringLiteral(QT_TRANSLATE_NOOP("checkin::print", "A6 card (105 \u00D7 148 mm)")), QSizeF(105, 148),
         false},
        {QStringLiteral("brother-62"),
         QStringLiteral(QT_TRANSLATE_NOOP("checkin::print", "Brother QL 62 mm (62 \u00D7 100 mm)")),
         QSizeF(62, 100), false},
        {QStringLiteral("dymo-89x36"),
         QStringLiteral(QT_TRANSLATE_NOOP("checkin::print", "DYMO 99012 (89 \u00D7 36 mm)")), QSizeF(89, 36),
         true},
    };
    return layouts;
}

QString BadgeLayout::translatedTitle() const
{
    return QCoreApplication::translate("checkin::print", title.toUtf8().constData());
}

std::optional<BadgeLayout> BadgeLayout::byId(const QString &id)
{
    for (const BadgeLayout &layout : all()) {
        if (layout.id == id)
            return layout;
    }
    return std::nullopt;
}

QStringList BadgeLayout::ids()
{
    QStringList ids;
    for (const BadgeLayout &layout : all())
        ids.append(layout.id);
    return ids;
}

void paintBadge(QPainter &painter, const QRectF &page, const Badge &badge, const BadgeLayout &layout)
{
    const qreal unit = page.width() / layout.sizeMm.width(); // device units per mm
    auto mm = [unit](qreal v) { return v * unit; };
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(page, Qt::white);
    const bool hasCode = !badge.code.isEmpty();

    if (layout.sizeMm.width() > layout.sizeMm.height()) {
        // A wide label: the words on the left, the code on the right, as tall as the label.
        const qreal margin = mm(2.5);
        const qreal codeSide = hasCode ? page.height() - 2 * margin : 0;
        const QRectF words(page.left() + margin, page.top() + margin, page.width() - 3 * margin - codeSide,
                           page.height() - 2 * margin);
        const QRectF nameBox(words.left(), words.top(), words.width(), words.height() * 0.58);
        drawText(painter, nameBox, badge.name, fitted(painter, badge.name, nameBox, 7, 2.6, 2, unit, true),
                 ink, Qt::AlignLeft | Qt::AlignVCenter);
        const QRectF companyBox(words.left(), nameBox.bottom(), words.width(), words.height() * 0.22);
        drawText(painter, companyBox, badge.company,
                 fitted(painter, badge.company, companyBox, 3.2, 2, 1, unit, false), muted,
                 Qt::AlignLeft | Qt::AlignVCenter);
        const QRectF typeBox(words.left(), companyBox.bottom(), words.width(),
                             words.bottom() - companyBox.bottom());
        drawText(painter, typeBox, badge.ticketType,
                 fitted(painter, badge.ticketType, typeBox, 3, 2, 1, unit, true), ink,
                 Qt::AlignLeft | Qt::AlignVCenter);
        if (hasCode)
            drawQr(painter, QRectF(page.right() - margin - codeSide, page.top() + margin, codeSide, codeSide),
                   badge.code);
        painter.restore();
        return;
    }

    // A card or a tall label: the event at the top, the name large, the company, the code, and the
    // ticket type on a dark band at the bottom.
    const qreal margin = mm(layout.sizeMm.width() > 80 ? 7 : 4);
    const qreal width = page.width() - 2 * margin;
    qreal y = page.top() + margin;
    if (!badge.event.isEmpty()) {
        const QRectF eventBox(page.left() + margin, y, width, mm(6));
        drawText(painter, eventBox, badge.event,
                 fitted(painter, badge.event, eventBox, 4, 2.5, 1, unit, false), muted,
                 Qt::AlignHCenter | Qt::AlignVCenter);
        y = eventBox.bottom() + mm(3);
    }
    const qreal band = mm(layout.sizeMm.height() > 120 ? 16 : 11);
    const qreal codeSide = hasCode ? std::min(width * 0.62, page.height() * 0.34) : 0;
    const qreal bottomOfWords = page.bottom() - band - (hasCode ? codeSide + mm(4) : 0) - mm(2);
    const qreal nameShare = badge.company.isEmpty() ? 1.0 : 0.72;
    const QRectF nameBox(page.left() + margin, y, width, (bottomOfWords - y) * nameShare);
    const qreal nameMax = layout.sizeMm.width() > 80 ? 13 : 9;
    drawText(painter, nameBox, badge.name, fitted(painter, badge.name, nameBox, nameMax, 4, 3, unit, true),
             ink, Qt::AlignHCenter | Qt::AlignVCenter);
    if (!badge.company.isEmpty()) {
        const QRectF companyBox(page.left() + margin, nameBox.bottom(), width,
                                bottomOfWords - nameBox.bottom());
        drawText(painter, companyBox, badge.company,
                 fitted(painter, badge.company, companyBox, nameMax * 0.5, 2.5, 2, unit, false), muted,
                 Qt::AlignHCenter | Qt::AlignTop);
    }
    if (hasCode)
        drawQr(painter, QRectF(page.center().x() - codeSide / 2, bottomOfWords + mm(2), codeSide, codeSide),
               badge.code);
    const QRectF bandBox(page.left(), page.bottom() - band, page.width(), band);
    painter.fillRect(bandBox, ink);
    const QRectF typeBox = bandBox.adjusted(margin, 0, -margin, 0);
    drawText(painter, typeBox, badge.ticketType,
             fitted(painter, badge.ticketType, typeBox, band / unit * 0.45, 2.5, 1, unit, true), Qt::white,
             Qt::AlignHCenter | Qt::AlignVCenter);
    painter.restore();
}

QImage badgeImage(const Badge &badge, const BadgeLayout &layout, int dpi)
{
    const QSize size(qRound(layout.sizeMm.width() / 25.4 * dpi), qRound(layout.sizeMm.height() / 25.4 * dpi));
    QImage image(size, QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    QPainter painter(&image);
    paintBadge(painter, QRectF(QPointF(0, 0), QSizeF(size)), badge, layout);
    return image;
}

QString writeBadgePdf(const QString &path, const Badge &badge, const BadgeLayout &layout)
{
    return writePdf(path, QCoreApplication::translate("checkin::print", "Badge: %1").arg(badge.name),
                    QPageLayout(QPageSize(layout.sizeMm, QPageSize::Millimeter), QPageLayout::Portrait,
                                QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter),
                    [&](QPdfWriter &pdf, QPainter &painter) {
                        paintBadge(painter, QRectF(QPointF(0, 0), QSizeF(pdf.width(), pdf.height())), badge,
                                   layout);
                    });
}

} // namespace checkin::print
