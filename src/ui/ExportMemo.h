// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace checkin::ui {

// What the last export of the check-in log held, kept next to the exports (`last-export.json` in
// the exports folder), so that the wipe rule ("the last export holds every check-in not yet
// delivered") outlives a restart of the app. Read and written by AdminController.
struct ExportMemo
{
    QString path;      // the exported file
    int checkIns = -1; // how many check-ins it holds; -1: no export known
    QString lastId;    // the last of them in the agreed order; empty when none
    qint64 atMs = 0;   // when it was written

    bool known() const { return checkIns >= 0; }

    static const QString FileName;
    // The memo in `exportDir`; an unknown one when there is none or it cannot be read.
    static ExportMemo load(const QString &exportDir);
    // Replaces the memo atomically; false with a sentence in `error`.
    bool save(const QString &exportDir, QString *error) const;
    // Deletes the memo (a wiped kiosk); true when it is gone.
    static bool remove(const QString &exportDir, QString *error);
};

} // namespace checkin::ui
