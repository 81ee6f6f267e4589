# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the shell tests that start a checkin-server on port 0.
# server_port PID OUT ERR: waits up to 10 s for the server started as PID to print "listening PORT"
# into OUT and prints PORT; when it exits first or does not say it in time, prints ERR (its stderr)
# to stderr and returns 1.
server_port() {
  local pid=$1 out=$2 err=$3 port
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening //p' "$out")
    if [[ -n "$port" ]]; then
      echo "$port"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$err" >&2
  return 1
}
