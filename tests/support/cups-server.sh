#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway CUPS for the badge tests, as pg-cluster.sh is for PostgreSQL: a cupsd of its own on
# a socket in a temporary directory, with a PDF printer (printer-driver-cups-pdf) whose badges land
# in that directory. Source it, then:
#   cups_start QUEUE      starts cupsd, adds QUEUE (a cups-pdf printer), exports CUPS_SERVER and
#                         CUPS_PDF_OUT (where the printed PDFs appear); needs root (cupsd, and the
#                         cups-pdf backend runs as root)
#   cups_stop             stops cupsd and removes everything it made
# The cups-pdf backend reads its settings from /etc/cups/cups-pdf-<NAME>.conf for a device
# cups-pdf:/<NAME>; cups_start writes one with a name of its own and cups_stop removes it.

cups_start() {
  local queue=$1
  command -v cupsd >/dev/null || { echo "cups-server: cupsd is missing (Debian: cups)" >&2; return 1; }
  [[ -x /usr/lib/cups/backend/cups-pdf ]] || { echo "cups-server: the cups-pdf backend is missing (Debian: printer-driver-cups-pdf)" >&2; return 1; }
  [[ $(id -u) -eq 0 ]] || { echo "cups-server: needs root (cupsd and the cups-pdf backend)" >&2; return 1; }
  CUPS_TEST_DIR=$(mktemp -d /tmp/checkin-cups.XXXXXX)
  chmod 755 "$CUPS_TEST_DIR"
  local d=$CUPS_TEST_DIR
  mkdir -p "$d/state" "$d/cache" "$d/spool/tmp" "$d/pdf" "$d/ppd"
  chmod 1777 "$d/spool/tmp" "$d/pdf"
  chown root:lp "$d/spool" "$d/cache" "$d/state" && chmod 0775 "$d/spool" "$d/cache" "$d/state"
  cat > "$d/cupsd.conf" <<CONF
Listen $d/cups.sock
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  cat > "$d/cups-files.conf" <<CONF
ServerRoot $d
StateDir $d/state
CacheDir $d/cache
RequestRoot $d/spool
TempDir $d/spool/tmp
ServerBin /usr/lib/cups
DataDir /usr/share/cups
AccessLog $d/access_log
ErrorLog $d/error_log
PageLog $d/page_log
User lp
Group lp
SystemGroup root
Sandboxing Relaxed
CONF
  CUPS_PDF_NAME="checkintest$$"
  cat > "/etc/cups/cups-pdf-$CUPS_PDF_NAME.conf" <<CONF
Out $d/pdf
AnonDirName $d/pdf
Label 0
Grp root
CONF
  cupsd -f -c "$d/cupsd.conf" -s "$d/cups-files.conf" &
  CUPS_PID=$!
  export CUPS_SERVER=$d/cups.sock
  export CUPS_PDF_OUT=$d/pdf
  local i
  for i in $(seq 1 100); do
    [[ -S $d/cups.sock ]] && lpstat -r >/dev/null 2>&1 && break
    sleep 0.1
  done
  lpstat -r >/dev/null 2>&1 || { echo "cups-server: cupsd did not start:" >&2; cat "$d/error_log" >&2 2>/dev/null; return 1; }
  # (lpadmin warns that printer drivers are deprecated: cups-pdf comes as one.)
  lpadmin -p "$queue" -E -v "cups-pdf:/$CUPS_PDF_NAME" -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null || return 1
  cupsenable "$queue" && cupsaccept "$queue"
}

cups_stop() {
  [[ -n ${CUPS_PID:-} ]] && kill "$CUPS_PID" 2>/dev/null && wait "$CUPS_PID" 2>/dev/null
  [[ -n ${CUPS_PDF_NAME:-} ]] && rm -f "/etc/cups/cups-pdf-$CUPS_PDF_NAME.conf"
  [[ -n ${CUPS_TEST_DIR:-} && -d $CUPS_TEST_DIR ]] && rm -rf "$CUPS_TEST_DIR"
  CUPS_PID= CUPS_TEST_DIR= CUPS_PDF_NAME=
}
