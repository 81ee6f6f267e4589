#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# checkinctl admin enrol EVENT --qr: the QR code it draws in the terminal is read back from the
# text (each half block two modules), made into an image, and decoded by zbarimg (zbar-tools):
# it must be the enrolment payload, which then enrols a kiosk.
# Usage: enrol-qr.sh CHECKIN_SERVER CHECKINCTL
set -euo pipefail
server=$1
ctl=$2
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
source "$(dirname "$0")/../support/server-port.sh"

export CHECKIN_ADMIN_TOKEN=enrol-qr-test-token-0123456789
"$server" --listen 127.0.0.1:0 --data-dir "$work/server" > "$work/out" 2> "$work/err" &
pid=$!
port=$(server_port "$pid" "$work/out" "$work/err") || fail "the server did not start"
export CHECKIN_SERVER=http://127.0.0.1:$port
event=$("$ctl" --json admin event create "QR test" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
"$ctl" admin enrol "$event" --qr > "$work/qr.txt"
grep -q "^Enrolment code: " "$work/qr.txt" || fail "no code line"
grep -q $'\x1b' "$work/qr.txt" && fail "colour codes written to a file"

# The text back into modules: full block both dark, upper half the top one, lower half the bottom one.
python3 - "$work/qr.txt" "$work/qr.pgm" <<'PY'
import sys
lines = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
art = [l for l in lines if any(c in l for c in "\u2588\u2580\u2584")]
if not art:
    sys.exit("no QR code in the output")
width = max(len(l) for l in art)
rows = []
for l in art:
    l = l.ljust(width)
    rows.append([c in "\u2588\u2580" for c in l])
    rows.append([c in "\u2588\u2584" for c in l])
scale, quiet = 6, 4
w, h = (width + 2 * quiet) * scale, (len(rows) + 2 * quiet) * scale
pixels = bytearray([255]) * (w * h)
for y, row in enumerate(rows):
    for x, dark in enumerate(row):
        if dark:
            for dy in range(scale):
                start = ((y + quiet) * scale + dy) * w + (x + quiet) * scale
                pixels[start:start + scale] = bytes(scale)
with open(sys.argv[2], "wb") as f:
    f.write(b"P5\n%d %d\n255\n" % (w, h) + bytes(pixels))
PY
decoded=$(zbarimg --quiet --raw "$work/qr.pgm" 2>/dev/null) || fail "zbarimg found no QR code in the terminal drawing"
payload=$(sed -n "s/.*checkin-kiosk --enrol '\(checkin:enrol?[^']*\)'.*/\1/p" "$work/qr.txt")
[[ "$decoded" == "$payload" ]] || fail "the QR code says \"$decoded\", the payload is \"$payload\""
[[ "$decoded" == checkin:enrol\?v=1* ]] || fail "not an enrolment payload: $decoded"
"$ctl" --data-dir "$work/kiosk" enrol --payload "$decoded" --name "QR door" > /dev/null || fail "the scanned payload did not enrol"
echo "PASS: the terminal's QR code decodes to the payload, which enrols a kiosk"
