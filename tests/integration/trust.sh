#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Trusting an event's own server (docs/security.md, "Trusting the server"): a certificate from a
# private authority, or self-signed. checkinctl refuses it by default, trusts it with --ca-file or
# SSL_CERT_FILE, or with the certificate's pin; a wrong pin is refused with a sentence. The enrolment
# code of such a server carries the pin, and a kiosk enrolled from it keeps trusting that key only.
# Also: the files the server and checkinctl make are owner-only, and a world-readable admin token
# file is warned about.
# Usage: trust.sh CHECKIN_SERVER CHECKINCTL
set -euo pipefail
server=$1
ctl=$2
source "$(dirname "$0")/../support/server-port.sh"
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
umask 022 # as a login shell has it: the programs must make their files private themselves

openssl req -x509 -new -nodes -days 2 -subj "/CN=Event root" -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -keyout root.key -out root.pem -addext "basicConstraints=critical,CA:TRUE" 2>/dev/null
openssl req -new -nodes -subj "/CN=127.0.0.1" -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -keyout leaf.key -out leaf.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' > leaf.ext
openssl x509 -req -in leaf.csr -CA root.pem -CAkey root.key -CAcreateserial -days 2 -extfile leaf.ext \
  -out leaf.pem 2>/dev/null
pin="sha256/$(openssl x509 -in leaf.pem -pubkey -noout | openssl pkey -pubin -outform der |
  openssl dgst -sha256 -binary | base64)"
# Another key, for the wrong pin.
openssl req -x509 -new -nodes -days 2 -subj "/CN=other" -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -keyout other.key -out other.pem 2>/dev/null
wrong="sha256/$(openssl x509 -in other.pem -pubkey -noout | openssl pkey -pubin -outform der |
  openssl dgst -sha256 -binary | base64)"

printf 'trust-test-admin-token-0123456789\n' > token
chmod 644 token
"$server" --listen 127.0.0.1:0 --data-dir data --admin-token-file token --tls-cert leaf.pem --tls-key leaf.key \
  > out 2> err &
pid=$!
port=$(server_port "$pid" out err) || { echo "FAIL: the server did not start"; exit 1; }
url="https://127.0.0.1:$port"
grep -q "certificate pin $pin" err || { cat err; echo "FAIL: the server did not say its certificate's pin"; exit 1; }
grep -q "admin token file token can be read by every user" err ||
  { cat err; echo "FAIL: no warning for a world-readable admin token file"; exit 1; }
echo "PASS: the server says its pin, and warns of a token file anybody can read"

for f in data/server.sqlite data/server.sqlite-wal; do
  mode=$(stat -c %a "$f")
  [[ "$mode" == 600 ]] || { echo "FAIL: $f has mode $mode, not 600"; exit 1; }
done
echo "PASS: the server's database and its journal are owner-only"

admin=("$ctl" admin --server "$url" --token-file token)
if "${admin[@]}" events > /dev/null 2> refused; then
  echo "FAIL: an unknown authority was trusted"; exit 1
fi
grep -qi "secure connection" refused || { cat refused; echo "FAIL: no sentence for the untrusted server"; exit 1; }
"${admin[@]}" --ca-file root.pem event create "Trust test" > /dev/null ||
  { echo "FAIL: --ca-file root.pem was not trusted"; exit 1; }
SSL_CERT_FILE=root.pem "${admin[@]}" events > /dev/null || { echo "FAIL: SSL_CERT_FILE was not read"; exit 1; }
"${admin[@]}" --pin "$pin" events > /dev/null || { echo "FAIL: the right pin was not trusted"; exit 1; }
if "${admin[@]}" --pin "$wrong" events > /dev/null 2> pinned; then
  echo "FAIL: a wrong pin was accepted"; exit 1
fi
grep -q "another certificate" pinned || { cat pinned; echo "FAIL: no sentence for a wrong pin"; exit 1; }
if SSL_CERT_FILE=root.pem "${admin[@]}" --pin "$wrong" events > /dev/null 2>&1; then
  echo "FAIL: a wrong pin was accepted for a certificate the authorities vouch for"; exit 1
fi
echo "PASS: checkinctl trusts the event's authority (--ca-file, SSL_CERT_FILE) or the pin, never a wrong pin"

event=$("${admin[@]}" --pin "$pin" --json events | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
payload=$("${admin[@]}" --pin "$pin" --json enrol "$event" | python3 -c 'import json,sys; print(json.load(sys.stdin)["payload"])')
[[ "$payload" == *"pin=sha256%2F"* ]] || { echo "FAIL: the enrolment code carries no pin: $payload"; exit 1; }
"$ctl" --data-dir kiosk enrol --payload "$payload" --name "Pinned door" > /dev/null ||
  { echo "FAIL: enrolling from a code with the pin failed"; exit 1; }
"$ctl" --data-dir kiosk sync --once > /dev/null || { echo "FAIL: the enrolled kiosk does not sync with its pin"; exit 1; }
grep -q "$pin" kiosk/sync.json || { echo "FAIL: the kiosk did not keep the pin"; exit 1; }
for f in kiosk/sync.json kiosk/device-token kiosk/kiosk.sqlite; do
  mode=$(stat -c %a "$f")
  [[ "$mode" == 600 ]] || { echo "FAIL: $f has mode $mode, not 600"; exit 1; }
done
echo "PASS: the enrolment code carries the pin; the kiosk enrols, syncs and keeps it; its files are owner-only"

kill "$pid"; wait "$pid" || true; pid=""
"$server" --listen 127.0.0.1:0 --data-dir data --admin-token-file token --tls-cert leaf.pem --tls-key leaf.key \
  --public-pin none > out 2> err &
pid=$!
port=$(server_port "$pid" out err) || { echo "FAIL: the server did not start with --public-pin none"; exit 1; }
payload=$("$ctl" admin --server "https://127.0.0.1:$port" --token-file token --ca-file root.pem --json enrol "$event" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["payload"])')
[[ "$payload" != *"pin="* ]] || { echo "FAIL: --public-pin none still put a pin in: $payload"; exit 1; }
echo "PASS: --public-pin none leaves the pin out"
