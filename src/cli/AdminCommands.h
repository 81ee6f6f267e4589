// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace checkin::cli {

struct Context;

// `checkinctl admin --server URL [--token-file F] ...`: the event lead's commands against a server.
int adminCommand(const Context &ctx);

} // namespace checkin::cli
