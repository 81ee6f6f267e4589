// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace checkin::cli {

struct Context;

// checkinctl's commands on a kiosk data directory. Each returns the process exit code.
int importCommand(const Context &ctx);
int searchCommand(const Context &ctx);
int checkInCommand(const Context &ctx);
int walkInCommand(const Context &ctx);
int undoCommand(const Context &ctx);
int statusCommand(const Context &ctx);
int exportCommand(const Context &ctx);
int demoDataCommand(const Context &ctx);
int badgeCommand(const Context &ctx);

} // namespace checkin::cli
