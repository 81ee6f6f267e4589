#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# checkin-server --config FILE, as the packaged service runs it: the file's settings apply, the
# command line wins over them, and a wrong line stops the start with its line number.
# Usage: server-config.sh CHECKIN_SERVER
set -euo pipefail
server=$1
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
source "$(dirname "$0")/../support/server-port.sh"

echo "a-token-of-at-least-16-characters" > "$work/token"
cat > "$work/server.conf" <<CONF
# as /etc/checkin-server/server.conf
listen = 127.0.0.1:1
data-dir = $work/data
admin-token-file = $work/token
device-rate = 5
CONF
"$server" --config "$work/server.conf" --listen 127.0.0.1:0 > "$work/out" 2> "$work/err" &
pid=$!
port=$(server_port "$pid" "$work/out" "$work/err") || fail "the server did not start with the config"
[[ -n "$port" && "$port" != 1 ]] || fail "--listen on the command line did not win over the file"
[[ -s "$work/data/server.sqlite" ]] || fail "data-dir from the file was not used"
curl -fsS -H "Authorization: Bearer $(cat "$work/token")" "http://127.0.0.1:$port/api/v1/events" > /dev/null \
  || fail "the admin token file from the config was not used"
kill -TERM "$pid"; wait "$pid" || fail "no clean stop on SIGTERM"; pid=""
echo "PASS: settings from the file, the command line wins"

printf 'listen = 127.0.0.1:0\nmax-inflight = 8\nworkrs = 4\n' > "$work/typo.conf"
if "$server" --config "$work/typo.conf" --data-dir "$work/data" 2> "$work/err"; then fail "a typo was accepted"; fi
grep -q "typo.conf, line 3: unknown setting \"workrs\"" "$work/err" || { cat "$work/err"; fail "no line number"; }
if "$server" --config "$work/none.conf" 2> "$work/err"; then fail "a missing config was accepted"; fi
grep -q "Cannot read the config file" "$work/err" || { cat "$work/err"; fail "no message for a missing file"; }
echo "PASS: a wrong or missing config stops the start with a sentence"
