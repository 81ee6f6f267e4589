#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# checkin-server's own HTTPS with a certificate as authorities issue them: a leaf signed by an
# intermediate (the file holds both, like fullchain.pem) and an EC key. A client that trusts only
# the root verifies the server, so the server must send the chain. An RSA key works as before.
# Usage: tls-chain.sh CHECKIN_SERVER
set -euo pipefail
server=$1
source "$(dirname "$0")/../support/server-port.sh"
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"

ca() { openssl req -x509 -new -nodes -days 2 -subj "/CN=$1" -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
         -keyout "$2.key" -out "$2.pem" -addext "basicConstraints=critical,CA:TRUE" 2>/dev/null; }
sign() { # sign NAME ISSUER KEYTYPE EXT
  openssl req -new -nodes -subj "/CN=$1" -newkey "$3" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  printf '%s\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" -CAcreateserial -days 2 \
    -extfile "$1.ext" -out "$1.pem" 2>/dev/null
}
ca "Test root" root
sign intermediate root ec:<(openssl ecparam -name prime256v1) "basicConstraints=critical,CA:TRUE"
leaf_ext="subjectAltName=IP:127.0.0.1
basicConstraints=CA:FALSE
extendedKeyUsage=serverAuth"
sign leaf-ec intermediate ec:<(openssl ecparam -name prime256v1) "$leaf_ext"
sign leaf-rsa intermediate rsa:2048 "$leaf_ext"

for kind in ec rsa; do
  cat "leaf-$kind.pem" intermediate.pem > "fullchain-$kind.pem"
  mkdir -p "data-$kind"
  CHECKIN_ADMIN_TOKEN=tls-test-admin-token-0123456789 "$server" --listen 127.0.0.1:0 --data-dir "data-$kind" \
    --tls-cert "fullchain-$kind.pem" --tls-key "leaf-$kind.key" > "out-$kind" 2> "err-$kind" &
  pid=$!
  port=$(server_port "$pid" "out-$kind" "err-$kind") || {
    echo "FAIL: the server did not start with an $kind key"; exit 1; }
  curl -fsS --cacert root.pem "https://127.0.0.1:$port/api/v1/health" | grep -q '"ok"' || {
    echo "FAIL: a client trusting only the root cannot verify the server ($kind key)"; exit 1; }
  kill "$pid"; wait "$pid" || true; pid=""
  echo "PASS: HTTPS with an $kind key and the intermediate sent"
done

# A key that is no key is refused with a sentence.
echo "not a key" > bad.key
if "$server" --listen 127.0.0.1:0 --data-dir data-bad --tls-cert fullchain-ec.pem --tls-key bad.key 2> err-bad; then
  echo "FAIL: a bad key was accepted"; exit 1
fi
grep -q "RSA or EC private key" err-bad || { cat err-bad; echo "FAIL: no clear message for a bad key"; exit 1; }
echo "PASS: a bad key is refused"
