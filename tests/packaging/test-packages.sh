#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages as an administrator meets them (docs/install.md): built with CPack from this
# build, checked by lintian, installed with dpkg -i and apt-get install ./…deb, the installed
# binaries run (checkin-server from its unit's ExecStart with the packaged config, as its user;
# checkin-kiosk --self-test from /usr/bin, also inside cage as the session runs it), the units
# verified, an older package upgraded over a database with data, then removed (data kept) and
# purged (nothing left).
# Usage: test-packages.sh BUILD_DIR SCHEMA_FIXTURE_BINARY   (as root; exit 77 = skipped)
set -euo pipefail

build=$(cd "$1" && pwd)
fixture=$2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
source "$source_dir/tests/support/server-port.sh"
if [[ $(id -u) -ne 0 ]] || ! command -v dpkg >/dev/null; then
  echo "SKIPPED: installing packages needs root on Debian"
  exit 77
fi

work=$(mktemp -d /tmp/checkin-packages-XXXXXX)
chmod 755 "$work"
server_pid=""
step="setting up"
packages=(checkin-kiosk-session checkin-kiosk checkin-server checkinctl)
purge_all() {
  local p
  for p in "${packages[@]}"; do
    if dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -qv "not-installed"; then
      dpkg --purge "$p" >/dev/null 2>&1 || true
    fi
  done
}
finish() {
  status=$?
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
  purge_all
  rm -rf "$work"
  if [[ $status -ne 0 ]]; then echo "FAILED while $step" >&2; fi
  exit $status
}
trap finish EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
purge_all

step="building the packages with CPack"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
(cd "$build" && cpack -G DEB -B "$work/new" > "$work/cpack.log") || { cat "$work/cpack.log"; fail "cpack"; }
# The older package the upgrade starts from: the server and checkinctl under an earlier version.
(cd "$build" && cpack -G DEB -B "$work/old" -D CPACK_PACKAGE_VERSION=0.0.1 -D "CPACK_COMPONENTS_ALL=server;ctl" \
  > "$work/cpack-old.log") || { cat "$work/cpack-old.log"; fail "cpack of the older package"; }
deb() { ls "$work/$1"/"$2"_*.deb; }
for p in "${packages[@]}"; do
  f=$(deb new "$p")
  echo "== $p: $(basename "$f"), $(du -k "$f" | cut -f1) kB"
  dpkg-deb -f "$f" Version Depends | sed 's/^/   /'
done
[[ $(dpkg-deb -f "$(deb new checkin-server)" Version) == "$version" ]] || fail "the version is not $version"

step="running lintian"
for p in "${packages[@]}"; do
  f=$(deb new "$p")
  lintian --fail-on error --tag-display-limit 0 "$f" > "$work/lintian-$p.txt" 2>&1 || {
    cat "$work/lintian-$p.txt"; fail "lintian found errors in $p"; }
  echo "== lintian $p: $(grep -c '^E:' "$work/lintian-$p.txt" || true) errors, $(grep -c '^W:' "$work/lintian-$p.txt" || true) warnings"
  sed 's/^/   /' "$work/lintian-$p.txt"
done

step="installing the older checkin-server and checkinctl with dpkg -i"
dpkg -i "$(deb old checkinctl)" "$(deb old checkin-server)" > "$work/dpkg-old.log" 2>&1 || {
  cat "$work/dpkg-old.log"; fail "dpkg -i of the older packages"; }
grep -q "sign in with the admin token" "$work/dpkg-old.log" || fail "the install did not say how to sign in"
getent passwd checkin-server >/dev/null || fail "no user checkin-server"
token=/etc/checkin-server/admin-token
[[ $(stat -c '%U:%G %a' "$token") == "root:checkin-server 640" ]] || fail "admin token is $(stat -c '%U:%G %a' "$token")"
[[ $(stat -c '%U:%G %a' /var/lib/checkin-server) == "checkin-server:checkin-server 750" ]] || fail "data directory"
[[ -L /etc/systemd/system/multi-user.target.wants/checkin-server.service ]] || fail "the service is not enabled on boot"

unit=/lib/systemd/system/checkin-server.service
step="verifying the units"
systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit"
systemd-analyze security --offline=true --no-pager "$unit" > "$work/security.txt" 2>&1 || true
echo "== systemd-analyze security: $(grep -o 'Overall exposure level.*' "$work/security.txt")"

# The service as systemd starts it: the unit's ExecStart, as its user, on a free port (an option on
# the command line wins over the packaged config).
start_server() {
  local exec_start
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
  : > "$work/server.out"
  chmod 666 "$work/server.out"
  # setpriv execs the server itself, so SIGTERM reaches it as systemd would send it.
  (cd /var/lib/checkin-server && exec setpriv --reuid checkin-server --regid checkin-server --init-groups \
    -- $exec_start --listen 127.0.0.1:0 \
    > "$work/server.out" 2> "$work/server.err") &
  server_pid=$!
  port=$(server_port "$server_pid" "$work/server.out" "$work/server.err") || fail "checkin-server did not start"
  url=http://127.0.0.1:$port
}
stop_server() {
  kill -TERM "$server_pid"
  wait "$server_pid" || fail "checkin-server did not stop cleanly on SIGTERM (status $?)"
  server_pid=""
}
admin() { checkinctl admin --server "$url" --token-file "$token" "$@"; }
# field KEY: the value of KEY in the JSON object on stdin.
field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

step="using the older server as installed"
start_server
curl -fsS "$url/api/v1/health" | grep -q '"ok"' || fail "health"
curl -fsS "$url/" | grep -qi "<html" || fail "the console page"
event=$(admin --json event create "Gemeindefest" | field id)
checkinctl demo-data --attendees 50 --seed 7 "$work/people.csv" >/dev/null
admin attendees import "$event" "$work/people.csv" >/dev/null
payload=$(admin --json enrol "$event" | field payload)
[[ "$payload" == checkin:enrol* ]] || fail "no enrolment payload"
door="$work/door"
checkinctl --data-dir "$door" enrol --payload "$payload" --name "Door 1" >/dev/null
checkinctl --data-dir "$door" preload >/dev/null
code=$(python3 -c 'import csv, sys; print(next(r["Ticket code"] for r in csv.DictReader(open(sys.argv[1])) if r["Status"] == "valid"))' "$work/people.csv")
checkinctl --data-dir "$door" checkin "$code" >/dev/null || fail "the check-in of $code was refused"
checkinctl --data-dir "$door" sync --once >/dev/null
admin --json stats "$event" > "$work/stats-before.json"
grep -q '"inside": *1' "$work/stats-before.json" || { cat "$work/stats-before.json"; fail "the check-in did not reach the server"; }
stop_server

step="upgrading with apt-get install ./…deb"
apt-get install -y -qq "$(deb new checkinctl)" "$(deb new checkin-server)" > "$work/apt-new.log" 2>&1 || {
  cat "$work/apt-new.log"; fail "apt-get install of the new packages"; }
[[ $(dpkg-query -W -f '${Version}' checkin-server) == "$version" ]] || fail "not upgraded"
start_server
admin --json stats "$event" > "$work/stats-after.json"
diff <(tr -d ' \n' < "$work/stats-before.json") <(tr -d ' \n' < "$work/stats-after.json") \
  || fail "the upgrade changed the event's counts"
admin events | grep -q Gemeindefest || fail "the event is gone after the upgrade"
stop_server

step="migrating an older schema's database at the installed server's start"
mv /var/lib/checkin-server/server.sqlite "$work/kept.sqlite"
rm -f /var/lib/checkin-server/server.sqlite-wal /var/lib/checkin-server/server.sqlite-shm
"$fixture" /var/lib/checkin-server/server.sqlite 3
chown checkin-server:checkin-server /var/lib/checkin-server/server.sqlite
start_server
admin events | grep -q "Fest" || fail "the migrated database lost its event"
admin --json stats e | grep -q '"inside": *1' || fail "the migrated database lost who is inside"
stop_server
[[ $(sqlite3 /var/lib/checkin-server/server.sqlite "SELECT value FROM schema_meta WHERE key = 'version'") -gt 3 ]] \
  || fail "the database was not migrated"

step="installing checkin-kiosk and the kiosk session"
apt-get install -y -qq "$(deb new checkin-kiosk)" "$(deb new checkin-kiosk-session)" > "$work/apt-kiosk.log" 2>&1 || {
  cat "$work/apt-kiosk.log"; fail "apt-get install of the kiosk packages"; }
session=/lib/systemd/system/checkin-kiosk-session.service
systemd-analyze verify "$session" || fail "systemd-analyze verify $session"
getent passwd checkin-kiosk >/dev/null || fail "no user checkin-kiosk"
[[ -L /etc/systemd/system/graphical.target.wants/checkin-kiosk-session.service ]] || fail "the session is not enabled"
checkin-kiosk --version | grep -q "$version" || fail "checkin-kiosk --version"
for p in checkin-kiosk checkin-server checkinctl; do
  # The listing goes to a variable first: grep -q would stop reading at its match, and dpkg-deb,
  # still writing a long listing, would die of SIGPIPE and fail the pipeline.
  listing=$(dpkg-deb -c "$(deb new "$p")")
  grep -q "usr/share/man/man1/$p.1.gz" <<<"$listing" || fail "$p has no man page"
done
desktop-file-validate /usr/share/applications/org.checkinkiosk.CheckinKiosk.desktop || fail "desktop file"
appstreamcli validate --no-net /usr/share/metainfo/org.checkinkiosk.CheckinKiosk.metainfo.xml >/dev/null || fail "metainfo"

step="the session's database key: sealed by systemd-creds at install, handed over as systemd does"
cred=/var/lib/checkin-kiosk/database-key.cred
[[ -s "$cred" ]] || fail "no sealed database key $cred"
[[ $(stat -c %a "$cred") == 600 ]] || fail "$cred is mode $(stat -c %a "$cred"), not 600"
grep -q "^LoadCredentialEncrypted=database-key:$cred\$" "$session" || fail "the session does not load the key"
! grep -qE '[0-9a-f]{64}' "$cred" || fail "the key lies in $cred in the clear"
credentials="$work/credentials"
install -d -o checkin-kiosk -g checkin-kiosk -m 0700 "$credentials"
systemd-creds decrypt --name=database-key "$cred" "$credentials/database-key" || fail "systemd-creds decrypt"
chown checkin-kiosk "$credentials/database-key"
grep -qE '^[0-9a-f]{64}$' "$credentials/database-key" || fail "the sealed key is not 64 hexadecimal digits"
keydata="$work/key-data"
install -d -o checkin-kiosk -g checkin-kiosk -m 0700 "$keydata"
printf 'First name,Last name,Ticket code\nWendelgard,Ostermeyer-Quast,PKG-1\n' > "$work/one.csv"
chmod 644 "$work/one.csv"
runuser -u checkin-kiosk -- env CREDENTIALS_DIRECTORY="$credentials" checkinctl --data-dir "$keydata" \
  import "$work/one.csv" --event Paket > "$work/key-import.log" 2>&1 || { cat "$work/key-import.log"; fail "import with the credential"; }
runuser -u checkin-kiosk -- env CREDENTIALS_DIRECTORY="$credentials" checkinctl --data-dir "$keydata" \
  search Ostermeyer | grep -q Wendelgard || fail "search with the credential"
! grep -r -a -q -e Ostermeyer -e Wendelgard "$keydata" || fail "a name is readable in the kiosk's data directory"
if runuser -u checkin-kiosk -- checkinctl --data-dir "$keydata" search Ostermeyer > "$work/nokey.log" 2>&1; then
  fail "the database opened without its key"
fi
grep -q "key is missing" "$work/nokey.log" || { cat "$work/nokey.log"; fail "no sentence for the missing key"; }

step="running the session's app inside cage as the kiosk user: checkin-kiosk --self-test from /usr/bin"
# As systemd runs it: a notification socket for READY=1 and the watchdog pings (WATCHDOG_PID names
# cage, which the run script must drop so that the app's own pings count).
python3 - "$work/notify" <<'PY' &
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
os.chmod(sys.argv[1], 0o666)
s.settimeout(180)
with open(sys.argv[1] + ".log", "w") as out:
    try:
        while True:
            out.write(s.recv(4096).decode() + "\n"); out.flush()
    except socket.timeout:
        pass
PY
listener=$!
for _ in $(seq 50); do [[ -S "$work/notify" ]] && break; sleep 0.1; done
runtime="$work/runtime"
install -d -o checkin-kiosk -g checkin-kiosk -m 0700 "$runtime"
timeout 180 runuser -u checkin-kiosk -- env XDG_RUNTIME_DIR="$runtime" WLR_BACKENDS=headless \
  WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 CHECKIN_DATA_DIR="$work/session-data" \
  NOTIFY_SOCKET="$work/notify" WATCHDOG_USEC=2000000 WATCHDOG_PID=1 \
  cage -- /usr/libexec/checkin-kiosk-session/run --self-test > "$work/cage.log" 2>&1 || {
  tail -30 "$work/cage.log"; fail "the kiosk under cage"; }
kill "$listener" 2>/dev/null || true
grep -q READY=1 "$work/notify.log" || fail "no READY=1 to systemd"
grep -q WATCHDOG=1 "$work/notify.log" || fail "no watchdog ping to systemd"

step="the session restarting an app that crashed"
cat > "$work/flaky-kiosk" <<'SH'
#!/bin/sh
# Crashes the first time, closes normally the second.
if [ -e "$FLAKY_MARK" ]; then exit 0; fi
touch "$FLAKY_MARK"; kill -SEGV $$
SH
chmod 755 "$work/flaky-kiosk"
FLAKY_MARK="$work/flaky-mark" CHECKIN_KIOSK_BINARY="$work/flaky-kiosk" \
  timeout 30 /usr/libexec/checkin-kiosk-session/run > "$work/restart.log" 2>&1 || {
  cat "$work/restart.log"; fail "the session did not restart the app and end when it closed"; }
grep -q "starting it again" "$work/restart.log" || fail "no restart after the crash"

step="removing the packages: the data stays"
apt-get remove -y -qq "${packages[@]}" > "$work/remove.log" 2>&1 || { cat "$work/remove.log"; fail "remove"; }
[[ ! -e /usr/bin/checkin-server && ! -e /usr/bin/checkin-kiosk && ! -e /usr/bin/checkinctl ]] || fail "binaries left after remove"
[[ -s /var/lib/checkin-server/server.sqlite ]] || fail "remove deleted the server's data"
[[ -s "$token" && -e /etc/checkin-server/server.conf ]] || fail "remove deleted the settings or the token"
[[ -d /var/lib/checkin-kiosk ]] || fail "remove deleted the kiosk's data"

step="purging the packages: nothing stays"
apt-get purge -y -qq "${packages[@]}" > "$work/purge.log" 2>&1 || { cat "$work/purge.log"; fail "purge"; }
for left in /var/lib/checkin-server /etc/checkin-server /var/lib/checkin-kiosk /etc/checkin-kiosk \
            /lib/systemd/system/checkin-server.service /usr/libexec/checkin-kiosk-session \
            /etc/systemd/system/multi-user.target.wants/checkin-server.service \
            /etc/systemd/system/graphical.target.wants/checkin-kiosk-session.service; do
  [[ ! -e "$left" ]] || fail "purge left $left"
done
! getent passwd checkin-server >/dev/null || fail "purge left the user checkin-server"
! getent passwd checkin-kiosk >/dev/null || fail "purge left the user checkin-kiosk"
for p in "${packages[@]}"; do
  dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q "not-installed\|^$" || \
    ! dpkg-query -W "$p" >/dev/null 2>&1 || fail "$p is still known to dpkg: $(dpkg-query -W -f '${Status}' "$p")"
done
step="done"
echo "PASS: packages built, lintian clean of errors, installed, upgraded over data, removed and purged"
