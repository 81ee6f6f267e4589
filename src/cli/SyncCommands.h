// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

class QJsonObject;
class QString;

namespace checkin {
class LocalStore;
}

namespace checkin::cli {

struct Context;

// checkinctl's sync commands on a kiosk data directory. Each returns the process exit code.
int enrolCommand(const Context &ctx);
int preloadCommand(const Context &ctx);
int syncCommand(const Context &ctx);
// Runs this data directory's door for the other doors of its event (and, with --sync, its sync).
int peersCommand(const Context &ctx);
// The sync part of `status`: enrolled, servers, online, last_sync, sync_problem.
void addSyncStatus(const Context &ctx, LocalStore &store, QJsonObject *json, QString *human);
// The doors part of `status`: "peers" (as last heard), "replicated", "held_for_other_doors".
void addPeerStatus(LocalStore &store, QJsonObject *json, QString *human);

} // namespace checkin::cli
