// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace checkin::cli {

struct Context;

// checkinctl's commands for the door's devices: the camera's decoder on image files.
int scanImageCommand(const Context &ctx);

} // namespace checkin::cli
