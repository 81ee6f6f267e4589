#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing (Debian 12), builds, and starts the touch kiosk against a local demo
# server with a sample event (`checkin-kiosk --demo`; further arguments go to it: --doors 2 opens a
# second door beside the first).
#
# Without a display (no $DISPLAY or $WAYLAND_DISPLAY), or with --script, it runs a scripted demo
# with checkinctl instead:
#  1. one kiosk on its own: generate an event, import it, check people in (every kind of verdict);
#  2. two kiosks with a local checkin-server: enrol, preload, sync; the server goes away, both doors
#     admit the same person offline, the server comes back, and both doors and the event lead see
#     the duplicate; then the doors talk to each other (checkinctl peers), the server goes away,
#     and door 2 refuses a person door 1 admitted a moment before.
set -euo pipefail
cd "$(dirname "$0")/.."
script_only=0
[ "${1:-}" = "--script" ] && script_only=1

bash installers/setup-debian.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target checkinctl checkin-server checkin-kiosk

if [ "$script_only" = 0 ] && [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Starting the kiosk with a demo server and 2,000 sample attendees."
    echo "The toolbar button \"Stop demo server\" takes the server away: check people in while it is gone."
    echo "The button \"Lead's console\" opens the event lead's web console (its address and secret are printed below)."
    exec "$PWD/$build/src/app/checkin-kiosk" --demo "$@"
fi
if [ "$script_only" = 0 ]; then
    echo "No display here: running the scripted demo with checkinctl instead."
    echo "To see the touch kiosk: $PWD/$build/src/app/checkin-kiosk --demo (on a desktop, or: xvfb-run -s '-screen 0 1280x800x24' ...)"
fi

ctl="$PWD/$build/src/cli/checkinctl"
demo=$(mktemp -d /tmp/checkin-demo.XXXXXX)
kiosk=(--data-dir "$demo/kiosk")
step() { printf '\n\033[1m$ checkinctl %s\033[0m\n' "$*"; }
run() { step "$@"; "$ctl" "${kiosk[@]}" "$@" || true; }

run demo-data --attendees 2000 --seed 42 "$demo/attendees.csv"
run import "$demo/attendees.csv" --event "Demo conference"
run search anna mül
run search mueller
code=$(awk -F, 'NR==2 {print $(NF-2)}' "$demo/attendees.csv")
cancelled=$(awk -F, '$NF=="cancelled" {print $(NF-2); exit}' "$demo/attendees.csv")
run checkin "$code"
run checkin "$code"
run checkin "$cancelled"
run checkin "$cancelled" --force --note "refund still open, approved by the event lead"
run checkin NOT-A-TICKET
run checkin "$code" --exit
run status
run export "$demo/checkins.csv"

# --- Part 2: two doors and a server ---------------------------------------------------------------
printf '\n\033[1m--- Two doors and a checkin-server on 127.0.0.1 ---\033[0m\n'
server="$PWD/$build/src/server/checkin-server"
export CHECKIN_ADMIN_TOKEN="demo-admin-token"
port=""
start_server() {
    "$server" --listen "127.0.0.1:${port:-0}" --data-dir "$demo/server" >"$demo/server.out" 2>>"$demo/server.log" &
    server_pid=$!
    for _ in $(seq 100); do
        port=$(awk '/^listening/ {print $2}' "$demo/server.out" 2>/dev/null || true)
        [ -n "$port" ] && break
        sleep 0.1
    done
    echo "checkin-server (pid $server_pid) listening on 127.0.0.1:$port"
}
stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; echo "checkin-server stopped"; }
trap 'stop_server >/dev/null 2>&1 || true' EXIT
start_server
url="http://127.0.0.1:$port"
echo "The event lead's console: $url/ (sign in with: $CHECKIN_ADMIN_TOKEN) while this demo runs"
admin() { step admin --server "$url" "$@"; "$ctl" admin --server "$url" "$@" || true; }
door() { local d=$1; shift; step --data-dir "door$d" "$@"; "$ctl" --data-dir "$demo/door$d" "$@" || true; }

event=$("$ctl" admin --server "$url" --json event create "Demo conference (synced)" | sed -n 's/.*"id": *"\([^"]*\)".*/\1/p' | head -1)
admin attendees import "$event" "$demo/attendees.csv"
for d in 1 2; do
    code=$("$ctl" admin --server "$url" --json enrol "$event" | sed -n 's/.*"code": *"\([^"]*\)".*/\1/p')
    door "$d" enrol --server "$url" --code "$code" --name "Door $d"
    door "$d" preload
done
person=$(awk -F, 'NR==3 {print $(NF-2)}' "$demo/attendees.csv")
door 1 checkin "$person"
door 1 sync --once
door 2 sync --once
door 2 checkin "$person"

printf '\n\033[1m--- The server goes away; both doors keep working ---\033[0m\n'
stop_server
guest=$(awk -F, 'NR==4 {print $(NF-2)}' "$demo/attendees.csv")
door 1 checkin "$guest"
door 2 checkin "$guest"
door 1 sync --once
door 1 status

printf '\n\033[1m--- The server is back: both doors deliver their queue ---\033[0m\n'
start_server
door 1 sync --once
door 2 sync --once
door 1 sync --once
door 1 --json status
admin conflicts "$event"
admin stats "$event"

printf '\n\033[1m--- Doors that talk to each other (docs/peers.md): the server goes away again ---\033[0m\n'
peer_pids=()
start_door_peers() {
    local d=$1; shift
    "$ctl" --data-dir "$demo/door$d" --json peers --listen 127.0.0.1:0 --no-discovery "$@" >"$demo/peers$d.out" 2>&1 &
    peer_pids+=($!)
}
start_door_peers 1
peer_port=""
for _ in $(seq 100); do
    peer_port=$(sed -n 's/.*"port":\([1-9][0-9]*\).*/\1/p' "$demo/peers1.out" | head -1)
    [ -n "$peer_port" ] && break
    sleep 0.1
done
start_door_peers 2 --peer "127.0.0.1:$peer_port"
trap 'kill "${peer_pids[@]}" 2>/dev/null || true; stop_server >/dev/null 2>&1 || true' EXIT
echo "checkinctl peers: door 1 listens on 127.0.0.1:$peer_port, door 2 dials it"
sleep 2
stop_server
third=$(awk -F, 'NR==5 {print $(NF-2)}' "$demo/attendees.csv")
door 1 checkin "$third"
sleep 1
door 2 checkin "$third"
sleep 2 # the doors heard are written down every 2 s
door 1 status
kill "${peer_pids[@]}" 2>/dev/null || true
wait "${peer_pids[@]}" 2>/dev/null || true
trap - EXIT
printf '\nThe demo lives in %s; try: %s --data-dir %s/door1 status\n' "$demo" "$ctl" "$demo"
printf 'The touch kiosk on a desktop: %s --demo\n' "$PWD/$build/src/app/checkin-kiosk"
