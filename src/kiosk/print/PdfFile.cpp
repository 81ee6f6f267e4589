// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PdfFile.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace checkin::print {

QString writePdf(const QString &path, const QString &title, const QPageLayout &layout,
                 const std::function<void(QPdfWriter &pdf, QPainter &painter)> &paint)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("checkin::print", "Cannot write %1: %2")
            .arg(path, file.errorString());
    {
        QPdfWriter pdf(&file);
        pdf.setResolution(300);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("checkin-kiosk"));
        pdf.setPageLayout(layout);
        QPainter painter;
        if (!painter.begin(&pdf))
            return QCoreApplication::translate("checkin::print", "Cannot write %1.").arg(path);
        paint(pdf, painter);
        painter.end();
    }
    if (!file.commit())
        return QCoreApplication::translate("checkin::print", "Cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

} // namespace checkin::print
