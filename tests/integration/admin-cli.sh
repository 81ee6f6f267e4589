#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# checkinctl admin export and what it and the server do with hostile text (issue 16):
# - the export names the device that recorded each check-in;
# - a server that says "more, ask again after Retry-After" is asked again after the wait, and one
#   that never finishes gets an error with nothing written;
# - names with control characters are refused by the server (JSON) or cleaned (CSV), and
#   checkinctl never prints control characters to the terminal.
# Usage: admin-cli.sh CHECKIN_SERVER CHECKINCTL
set -euo pipefail
server=$1
ctl=$2
source "$(dirname "$0")/../support/server-port.sh"
work=$(mktemp -d)
pid=""
fake=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; [[ -n "$fake" ]] && kill "$fake" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
token=admin-cli-test-token-0123456789
printf '%s\n' "$token" > token

"$server" --listen 127.0.0.1:0 --data-dir data --admin-token-file token > out 2> err &
pid=$!
port=$(server_port "$pid" out err) || { echo "FAIL: the server did not start"; exit 1; }
url="http://127.0.0.1:$port"
admin=("$ctl" admin --server "$url" --token-file token)

event=$("${admin[@]}" --json event create "CLI test" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
printf 'first_name,last_name,ticket_code\nAnn,Lee,T-1\nBo,Ray,T-2\n' > people.csv
"${admin[@]}" attendees import "$event" people.csv > /dev/null
payload=$("${admin[@]}" --json enrol "$event" | python3 -c 'import json,sys; print(json.load(sys.stdin)["payload"])')
"$ctl" --data-dir kiosk enrol --payload "$payload" --name "Door A" > /dev/null
"$ctl" --data-dir kiosk preload > /dev/null
"$ctl" --data-dir kiosk checkin T-1 > /dev/null
"$ctl" --data-dir kiosk sync --once > /dev/null
"${admin[@]}" export "$event" log.csv > /dev/null
python3 - "$event" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open("log.csv", encoding="utf-8")))
assert rows, "the export is empty"
for row in rows:
    assert row["device"] == "Door A", f"device column is {row['device']!r}: {row}"
EOF
echo "PASS: admin export names the device of each check-in"

# Control characters in names: JSON uploads are refused with the field named, CSV cells cleaned.
status=$(curl -s -o bell.json -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data '{"attendees":[{"id":"x1","first_name":"Ring\u0007\u001b[2J","last_name":"Bell"}]}' \
  "$url/api/v1/events/$event/attendees")
[[ "$status" == 422 ]] || { cat bell.json; echo "FAIL: a name with BEL and ESC was accepted ($status)"; exit 1; }
grep -q "first_name may not contain control characters" bell.json || { cat bell.json; echo "FAIL: no reason given"; exit 1; }
status=$(curl -s -o half.json -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data '{"attendees":[{"id":"x2","first_name":"Half\ud800","last_name":"Pair"}]}' "$url/api/v1/events/$event/attendees")
[[ "$status" == 400 ]] || { cat half.json; echo "FAIL: a lone surrogate was accepted ($status)"; exit 1; }
status=$(curl -s -o zone.json -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data '{"name":"Mars","timezone":"Mars/Olympus"}' "$url/api/v1/events")
[[ "$status" == 400 ]] || { cat zone.json; echo "FAIL: the time zone Mars/Olympus was accepted ($status)"; exit 1; }
for zone in Etc/UTC Europe/Berlin UTC; do
  status=$(curl -s -o zone.json -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data "{\"name\":\"Earth\",\"timezone\":\"$zone\"}" "$url/api/v1/events")
  [[ "$status" == 201 ]] || { cat zone.json; echo "FAIL: the time zone $zone was refused ($status)"; exit 1; }
done
printf 'first_name,last_name,ticket_code\n"Es\x1b[31mc",Ape,T-3\n' > escape.csv
"${admin[@]}" attendees import "$event" escape.csv > /dev/null
"$ctl" --data-dir kiosk sync --once > /dev/null
"$ctl" --data-dir kiosk search Ape > found.txt
grep -q "Es\[31mc Ape" found.txt || { cat -v found.txt; echo "FAIL: the CSV's escape was not dropped"; exit 1; }
if grep -q $'\x1b' found.txt; then echo "FAIL: an escape reached the terminal"; exit 1; fi
echo "PASS: control characters in names are refused (JSON) or dropped (CSV); a bad time zone and half a UTF-16 pair are refused"

# checkinctl shows control characters as \xNN: a QR code holding an escape sequence.
printf 'T-\033[2J\a9' | qrencode -o escape.png
"$ctl" scan-image escape.png > scanned.txt || true
grep -qF 'T-\x1b[2J\x079' scanned.txt || { cat -v scanned.txt; echo "FAIL: the code was not shown escaped"; exit 1; }
if grep -q $'\x1b' scanned.txt; then echo "FAIL: an escape reached the terminal"; exit 1; fi
echo "PASS: checkinctl shows control characters as \\xNN"

kill "$pid"; wait "$pid" || true; pid=""

# A feed that holds changes back (PostgreSQL says "more" with Retry-After) and a busy server.
cat > fake.py <<'EOF'
import http.server, json, sys
mode = sys.argv[1]
calls = {"n": 0}
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def do_GET(self):
        calls["n"] += 1
        n = calls["n"]
        headers = {}
        if mode == "forever" or n == 1:
            status, body, headers = 200, {"changes": [], "cursor": "", "more": True}, {"Retry-After": "1"}
        elif n == 2:
            status, body, headers = 503, {"error": {"code": "overloaded", "message": "busy"}}, {"Retry-After": "1"}
        else:
            status, body = 200, {"changes": [
                {"type": "checkin", "id": "6a1f0c3e-1b2c-4d5e-8f90-0123456789ab", "event_id": "e", "attendee_id": "a1",
                 "kind": "entry", "at": "2026-06-01T09:00:00.000Z", "hlc": "1780304400000.0",
                 "device_id": "0a1f0c3e-1b2c-4d5e-8f90-0123456789ab", "device_name": "Door F", "status": "accepted"}],
                "cursor": "end", "more": False}
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
srv = http.server.HTTPServer(("127.0.0.1", 0), Handler)
print(srv.server_address[1], flush=True)
srv.serve_forever()
EOF
python3 fake.py held > fake.port &
fake=$!
for _ in $(seq 50); do [[ -s fake.port ]] && break; sleep 0.1; done
start=$(date +%s%N)
"$ctl" admin --server "http://127.0.0.1:$(cat fake.port)" --token-file token export e held.csv > /dev/null ||
  { echo "FAIL: the export did not wait out Retry-After"; exit 1; }
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
(( elapsed >= 1800 )) || { echo "FAIL: the export did not wait (${elapsed} ms)"; exit 1; }
grep -q "Door F" held.csv || { cat held.csv; echo "FAIL: the held-back check-in is missing"; exit 1; }
kill "$fake"; wait "$fake" 2>/dev/null || true; fake=""
echo "PASS: admin export waits out Retry-After (held back, then busy) and writes everything (${elapsed} ms)"

rm -f fake.port
python3 fake.py forever > fake.port &
fake=$!
for _ in $(seq 50); do [[ -s fake.port ]] && break; sleep 0.1; done
if CHECKIN_EXPORT_MAX_WAIT_MS=2000 "$ctl" admin --server "http://127.0.0.1:$(cat fake.port)" --token-file token \
     export e never.csv > /dev/null 2> never.err; then
  echo "FAIL: an export that never finished succeeded"; exit 1
fi
grep -q "nothing was written" never.err || { cat never.err; echo "FAIL: no sentence"; exit 1; }
[[ ! -e never.csv ]] || { echo "FAIL: a partial export was written"; exit 1; }
echo "PASS: a feed that never finishes ends with an error and no file"
