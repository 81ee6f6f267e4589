// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DoorList.h"
#include "PdfFile.h"

#include <QCollator>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace checkin::print {

namespace {

// Millimetres in the writer's pixels.
class Scale
{
public:
    explicit Scale(int dpi)
        : m_dpi(dpi)
    {}
    qreal operator()(qreal mm) const { return mm * m_dpi / 25.4; }

private:
    int m_dpi;
};

// One page after another: the header on each, rows until the page is full, the page number.
class Pages
{
public:
    Pages(QPdfWriter *pdf, QPainter *painter, const DoorListSheet &sheet)
        : m_pdf(pdf)
        , m_painter(painter)
        , m_sheet(sheet)
        , m_mm(pdf->resolution())
        , m_body(QStringLiteral("DejaVu Sans"))
        , m_bold(m_body)
    {
        m_body.setPointSizeF(9);
        m_bold.setPointSizeF(9);
        m_bold.setBold(true);
        m_width = pdf->width();
        m_columns = {m_mm(9), m_mm(14), m_mm(58), m_mm(38)}; // box, time, name, ticket type
        startPage();
    }

    // A row, after the letter's bar when the initial changes.
    void row(const DoorListSheet::Entry &entry)
    {
        const Attendee &a = entry.attendee;
        const QString initial = initialOf(a);
        if (initial != m_initial) {
            m_initial = initial;
            ensureRoom(m_mm(6) + m_mm(8));
            m_painter->fillRect(QRectF(0, m_y, m_width, m_mm(5.5)), QColor(0xE6, 0xE8, 0xEB));
            m_painter->setFont(m_bold);
            m_painter->setPen(Qt::black);
            m_painter->drawText(QRectF(m_mm(2), m_y, m_width, m_mm(5.5)), Qt::AlignVCenter, initial);
            m_y += m_mm(6);
        }

        const QString name = a.lastName.isEmpty()    ? a.firstName
                             : a.firstName.isEmpty() ? a.lastName
                                                     : a.lastName + QStringLiteral(", ") + a.firstName;
        const QString nameText = a.company.isEmpty() ? name : name + u'\n' + a.company;
        QStringList marks;
        if (!entry.insideSince.isEmpty())
            marks << QCoreApplication::translate("checkin::print", "\u2713 already in since %1")
                         .arg(entry.insideSince);
        if (a.paymentPending)
            marks << QCoreApplication::translate("checkin::print", "\u20AC not paid yet: ask at the desk");
        for (const DoorNote &note : a.notes)
            marks << (note.attention ? QStringLiteral("\u26A0 ") : QString()) + note.label +
                         QStringLiteral(": ") + note.text;
        if (!a.orderCode.isEmpty())
            marks << QCoreApplication::translate("checkin::print", "Order %1").arg(a.orderCode);
        const qreal x2 = m_columns[0] + m_columns[1];
        const qreal x3 = x2 + m_columns[2];
        const qreal x4 = x3 + m_columns[3];
        const qreal pad = m_mm(1.2);
        const QRectF nameBox(x2 + pad, 0, m_columns[2] - 2 * pad, 1e6);
        const QRectF typeBox(x3 + pad, 0, m_columns[3] - 2 * pad, 1e6);
        const QRectF marksBox(x4 + pad, 0, m_width - x4 - 2 * pad, 1e6);
        const int flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
        const QFontMetricsF body(m_body, m_pdf);
        const qreal height =
            std::max({m_mm(8), body.boundingRect(nameBox, flags, nameText).height() + 2 * pad,
                      body.boundingRect(typeBox, flags, a.ticketType).height() + 2 * pad,
                      body.boundingRect(marksBox, flags, marks.join(u'\n')).height() + 2 * pad});
        ensureRoom(height);

        // The box to tick, and a line for the time.
        const qreal box = m_mm(4.5);
        QPen pen(Qt::black);
        pen.setWidthF(m_mm(0.3));
        m_painter->setPen(pen);
        m_painter->setBrush(Qt::NoBrush);
        m_painter->drawRect(QRectF(m_mm(2), m_y + m_mm(1.6), box, box));
        m_painter->drawLine(QPointF(m_columns[0] + m_mm(1), m_y + m_mm(6)),
                            QPointF(m_columns[0] + m_columns[1] - m_mm(2), m_y + m_mm(6)));
        m_painter->setFont(m_bold);
        m_painter->drawText(nameBox.translated(0, m_y + pad), flags, name);
        m_painter->setFont(m_body);
        if (!a.company.isEmpty()) {
            const qreal nameHeight = QFontMetricsF(m_bold, m_pdf).boundingRect(nameBox, flags, name).height();
            m_painter->drawText(nameBox.translated(0, m_y + pad + nameHeight), flags, a.company);
        }
        m_painter->drawText(typeBox.translated(0, m_y + pad), flags, a.ticketType);
        qreal markY = m_y + pad;
        for (const QString &mark : std::as_const(marks)) {
            const bool loud = mark.startsWith(u'\u26A0') || mark.startsWith(u'\u20AC');
            m_painter->setFont(loud ? m_bold : m_body);
            const QRectF r = marksBox.translated(0, markY);
            markY += QFontMetricsF(m_painter->font(), m_pdf).boundingRect(r, flags, mark).height();
            m_painter->drawText(r, flags, mark);
        }
        m_y += height;
        QPen thin(QColor(0xB0, 0xB4, 0xBA));
        thin.setWidthF(m_mm(0.15));
        m_painter->setPen(thin);
        m_painter->drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    }

    void finish()
    {
        const QString end =
            m_sheet.leftOut > 0
                ? QCoreApplication::translate(
                      "checkin::print",
                      "%1 people on this list. Not on it: %2 with a cancelled ticket or a ticket "
                      "this list does not admit.")
                      .arg(m_sheet.entries.size())
                      .arg(m_sheet.leftOut)
                : QCoreApplication::translate("checkin::print", "%1 people on this list.")
                      .arg(m_sheet.entries.size());
        ensureRoom(m_mm(16));
        m_painter->setFont(m_body);
        m_painter->setPen(Qt::black);
        m_painter->drawText(QRectF(0, m_y + m_mm(2), m_width, m_mm(14)), Qt::AlignLeft | Qt::TextWordWrap,
                            end);
        footer();
    }

private:
    static QString initialOf(const Attendee &a)
    {
        const QString key = (a.lastName.isEmpty() ? a.firstName : a.lastName).trimmed();
        if (key.isEmpty())
            return QStringLiteral("#");
        // The letter without its accent: Ä under A, as the sort has it.
        const QString plain = key.left(1).normalized(QString::NormalizationForm_D).left(1).toUpper();
        return plain.at(0).isLetter() ? plain : QStringLiteral("#");
    }

    void ensureRoom(qreal height)
    {
        if (m_y + height <= m_bottom)
            return;
        footer();
        m_pdf->newPage();
        startPage();
    }

    void startPage()
    {
        ++m_page;
        m_bottom = m_pdf->height() - m_mm(9);
        QFont title = m_bold;
        title.setPointSizeF(13);
        m_painter->setPen(Qt::black);
        m_painter->setFont(title);
        const QString heading =
            m_sheet.list.isEmpty()
                ? QCoreApplication::translate("checkin::print", "Paper list: %1").arg(m_sheet.event)
                : QCoreApplication::translate("checkin::print", "Paper list: %1 \u00B7 %2")
                      .arg(m_sheet.event, m_sheet.list);
        m_painter->drawText(QRectF(0, 0, m_width, m_mm(8)), Qt::AlignLeft | Qt::AlignVCenter, heading);
        m_painter->setFont(m_body);
        m_painter->drawText(
            QRectF(0, m_mm(8), m_width, m_mm(10)), Qt::AlignLeft | Qt::TextWordWrap,
            QCoreApplication::translate(
                "checkin::print",
                "Printed %1. Tick the box of each person you let in and write the time next to "
                "it. Afterwards, enter the ticks (checkinctl checkin CODE --at TIME, or a CSV "
                "of codes and times: checkinctl paper FILE.csv).")
                .arg(m_sheet.printedAt));
        m_y = m_mm(19);
        m_painter->setFont(m_bold);
        const QStringList heads{QCoreApplication::translate("checkin::print", "In"),
                                QCoreApplication::translate("checkin::print", "Time"),
                                QCoreApplication::translate("checkin::print", "Name"),
                                QCoreApplication::translate("checkin::print", "Ticket type"),
                                QCoreApplication::translate("checkin::print", "Know at the door")};
        qreal x = 0;
        for (int i = 0; i < heads.size(); ++i) {
            const qreal w = i < m_columns.size() ? m_columns[i] : m_width - x;
            m_painter->drawText(QRectF(x + m_mm(1.2), m_y, w, m_mm(6)), Qt::AlignLeft | Qt::AlignVCenter,
                                heads[i]);
            x += w;
        }
        m_y += m_mm(6);
        QPen pen(Qt::black);
        pen.setWidthF(m_mm(0.4));
        m_painter->setPen(pen);
        m_painter->drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
        m_y += m_mm(0.5);
        m_initial.clear(); // each page starts with its letter
    }

    void footer()
    {
        m_painter->setFont(m_body);
        m_painter->setPen(Qt::black);
        m_painter->drawText(QRectF(0, m_pdf->height() - m_mm(6), m_width, m_mm(6)),
                            Qt::AlignRight | Qt::AlignVCenter,
                            QCoreApplication::translate("checkin::print", "Page %1").arg(m_page));
    }

    QPdfWriter *m_pdf;
    QPainter *m_painter;
    const DoorListSheet &m_sheet;
    Scale m_mm;
    QFont m_body;
    QFont m_bold;
    qreal m_width = 0;
    qreal m_y = 0;
    qreal m_bottom = 0;
    QList<qreal> m_columns;
    QString m_initial;
    int m_page = 0;
};

} // namespace

void sortForPaper(QList<DoorListSheet::Entry> *entries)
{
    // As the language sorts (Ä with A); a computer set to the C locale sorts as English does.
    QLocale locale;
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    QCollator collator(locale);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::stable_sort(entries->begin(), entries->end(),
                     [&collator](const DoorListSheet::Entry &x, const DoorListSheet::Entry &y) {
                         const Attendee &a = x.attendee;
                         const Attendee &b = y.attendee;
                         const int last = collator.compare(a.lastName.isEmpty() ? a.firstName : a.lastName,
                                                           b.lastName.isEmpty() ? b.firstName : b.lastName);
                         if (last != 0)
                             return last < 0;
                         return collator.compare(a.firstName, b.firstName) < 0;
                     });
}

QString writeDoorListPdf(const QString &path, const DoorListSheet &sheet)
{
    return writePdf(path, QCoreApplication::translate("checkin::print", "Paper list: %1").arg(sheet.event),
                    QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(12, 12, 12, 12),
                                QPageLayout::Millimeter),
                    [&](QPdfWriter &pdf, QPainter &painter) {
                        Pages pages(&pdf, &painter, sheet);
                        for (const DoorListSheet::Entry &entry : sheet.entries)
                            pages.row(entry);
                        pages.finish();
                    });
}

} // namespace checkin::print
