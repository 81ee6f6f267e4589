#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The shipped nginx site (installers/debian/checkin-server/nginx-checkin-server.conf) in front of a
# real checkin-server, as deploy-several-servers.md installs it but on free ports and a throwaway
# certificate: nginx accepts the site, health answers through it over HTTPS, the server sees each
# client's own address (--trusted-proxy, X-Forwarded-For), its session cookie is Secure, and the
# site's own limit answers guessed enrolments with the protocol's JSON 429.
# Usage: nginx-proxy.sh CHECKIN_SERVER SITE_CONF
set -euo pipefail
server=$1
site=$2
source "$(dirname "$0")/../support/server-port.sh"
command -v nginx > /dev/null || { echo "FAIL: nginx is not installed (installers/setup-debian.sh installs nginx-light)"; exit 1; }
work=$(mktemp -d)
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

openssl req -x509 -new -nodes -days 2 -subj "/CN=127.0.0.1" -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
  -addext "subjectAltName=IP:127.0.0.1" -keyout key.pem -out cert.pem 2>/dev/null
token=nginx-proxy-test-token-0123456789
printf '%s\n' "$token" > token
"$server" --listen 127.0.0.1:0 --data-dir data --admin-token-file token --trusted-proxy 127.0.0.1 \
  --max-connections-per-address 0 > out 2> err &
pid=$!
port=$(server_port "$pid" out err) || { echo "FAIL: the server did not start"; exit 1; }
http_port=$(free_port)
https_port=$(free_port)

# The site as shipped, but on this machine's free ports, this certificate and this one server.
sed -e "/^    server 127.0.0.1:808[12] /d" -e "s|^    server 10.0.0.12:8081 .*|    server 127.0.0.1:$port;|" \
    -e "/listen \[::\]/d" -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl;|listen 127.0.0.1:$https_port ssl;|" \
    -e "s|/etc/letsencrypt/live/checkin.example.org/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/letsencrypt/live/checkin.example.org/privkey.pem|$work/key.pem|" \
    -e "s|root /var/www/html;|root $work/www;|" "$site" > site.conf
grep -q "server 127.0.0.1:$port;" site.conf || { echo "FAIL: the site's upstream block changed; update this test"; exit 1; }
mkdir -p www temp
user=""
[[ $(id -u) -eq 0 ]] && user="user root;"
cat > nginx.conf <<EOF
$user
daemon on;
pid $work/nginx.pid;
error_log $work/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/temp/body;
    proxy_temp_path $work/temp/proxy;
    fastcgi_temp_path $work/temp/fastcgi;
    uwsgi_temp_path $work/temp/uwsgi;
    scgi_temp_path $work/temp/scgi;
    include $work/site.conf;
}
EOF
nginx -t -q -p "$work" -c "$work/nginx.conf" 2> check.log || { cat check.log; echo "FAIL: nginx does not accept the site"; exit 1; }
nginx -p "$work" -c "$work/nginx.conf"
for _ in $(seq 50); do [[ -s nginx.pid ]] && break; sleep 0.1; done
url="https://127.0.0.1:$https_port"
curl -fsS --cacert cert.pem "$url/api/v1/health" | grep -q '"ok"' || { cat error.log; echo "FAIL: no health through nginx"; exit 1; }
echo "PASS: nginx accepts the shipped site and passes requests to checkin-server over HTTPS"

# A wrong console secret from 127.0.0.2: the server names that address, not the proxy's.
curl -s --interface 127.0.0.2 --cacert cert.pem -o /dev/null -H 'Content-Type: application/json' \
  --data '{"secret":"wrong-secret-0123456789"}' "$url/api/v1/session"
grep -q "console sign-in refused from 127.0.0.2" err || { cat err; echo "FAIL: the server did not see the client's address"; exit 1; }
cookie=$(curl -s -D - -o /dev/null --cacert cert.pem -H 'Content-Type: application/json' \
  --data "{\"secret\":\"$token\"}" "$url/api/v1/session" | grep -i '^set-cookie:')
[[ "$cookie" == *"; Secure"* ]] || { echo "FAIL: the session cookie is not Secure: $cookie"; exit 1; }
echo "PASS: the server sees each client's address through the proxy, and its cookie is Secure"

# Guessing enrolment codes through the site: the server locks the address out after 5, the site
# limits every address to a burst of 20 and answers in the protocol's JSON too.
site429=0
for i in $(seq 30); do
  body=$(curl -s --interface 127.0.0.3 --cacert cert.pem -H 'Content-Type: application/json' \
    --data "{\"code\":\"GUES-$i\",\"name\":\"x\"}" "$url/api/v1/devices")
  [[ "$body" == *'"too_many_attempts"'*'Too many attempts from this address'* ]] && site429=$((site429 + 1))
done
(( site429 > 0 )) || { echo "FAIL: the site's enrolment limit never answered"; exit 1; }
echo "PASS: guessed enrolments are limited by the site ($site429 of 30 refused by nginx) and by the server"
