#!/usr/bin/env bash
# Sets up what is missing (Debian 12), builds, and runs a scripted demo of a kiosk with checkinctl:
# generate an event, import it, check people in (with every kind of verdict), show the status.
set -euo pipefail
cd "$(dirname "$0")/.."

bash installers/setup-debian.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --parallel "$(nproc)" --target checkinctl

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
printf '\nThe demo kiosk lives in %s; try: %s --data-dir %s/kiosk status\n' "$demo" "$ctl" "$demo"
