#pragma once

namespace checkin::cli {

struct Context;

// `checkinctl admin --server URL [--token-file F] ...`: the event lead's commands against a server.
int adminCommand(const Context &ctx);

} // namespace checkin::cli
