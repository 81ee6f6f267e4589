#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# checkinctl badge and scan-image, read from outside: a generated list is imported, each layout's
# badge is written as a PDF; pdfinfo sees one page, pdftotext the name, and zbarimg (zbar-tools)
# reads the ticket code off a 300 dpi picture of it, as checkinctl scan-image does. Then what goes
# wrong: an unknown code, an unknown layout, an unwritable file, an image without a code, a file
# that is no image, and a code holding terminal escapes.
# Usage: badge-cli.sh CHECKINCTL
set -euo pipefail
ctl=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in pdfinfo pdftotext pdftoppm zbarimg qrencode; do
  command -v "$tool" >/dev/null || fail "$tool is missing: run installers/setup-debian.sh"
done
export QT_QPA_PLATFORM=offscreen

"$ctl" demo-data --attendees 30 --seed 11 "$work/people.csv" > /dev/null
"$ctl" --data-dir "$work/kiosk" import "$work/people.csv" --event "Badge day" > /dev/null
# The first valid row: its names and ticket code.
IFS=$'\t' read -r first last code < <(python3 - "$work/people.csv" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    if row["Status"] == "valid":
        print(row["First name"], row["Last name"], row["Ticket code"], sep="\t")
        break
PY
)

for layout in a6 brother-62 dymo-89x36; do
  pdf=$work/$layout.pdf
  "$ctl" --data-dir "$work/kiosk" badge "$code" --layout "$layout" --pdf "$pdf" > "$work/out" 2> "$work/err" \
    || fail "$layout: badge failed: $(cat "$work/err")"
  grep -q "^Badge for $first $last" "$work/out" || fail "$layout: $(cat "$work/out")"
  pdfinfo "$pdf" 2>/dev/null | grep -Eq '^Pages: +1$' || fail "$layout: not one page"
  text=$(pdftotext "$pdf" - | tr -s ' \n' ' ')
  [[ $text == *"$first"* && $text == *"$last"* ]] || fail "$layout: the name is not on the badge: $text"
  pdftoppm -r 300 -png -singlefile "$pdf" "$work/$layout"
  read_back=$(zbarimg -q --raw "$work/$layout.png" 2>/dev/null) || fail "$layout: zbarimg found no code"
  [[ $read_back == "$code" ]] || fail "$layout: zbarimg read \"$read_back\", not $code"
  "$ctl" scan-image "$work/$layout.png" | grep -q ": $code (QRCode)$" || fail "$layout: scan-image did not read it"
done

# With --json, one object per file; a code the other layout's reading (Y and Z swapped) also finds.
swapped=$(echo "$code" | tr 'YZ' 'ZY')
if [[ $swapped != "$code" ]]; then
  "$ctl" --data-dir "$work/kiosk" badge "$swapped" --pdf "$work/swapped.pdf" > /dev/null || fail "the other layout's reading"
fi
"$ctl" --json scan-image "$work/a6.png" | python3 -c '
import json, sys
files = json.load(sys.stdin)
assert files[0]["codes"] == [{"text": sys.argv[1], "format": "QRCode"}], files' "$code" || fail "scan-image --json"

# What goes wrong, each with a sentence and exit 2 (or 1: a picture without a code).
set +e
"$ctl" --data-dir "$work/kiosk" badge NO-SUCH-CODE-1 --pdf "$work/x.pdf" 2> "$work/err"; rc=$?
[[ $rc -eq 2 ]] && grep -q "no attendee has the ticket code NO-SUCH-CODE-1" "$work/err" || fail "unknown code: rc $rc $(cat "$work/err")"
"$ctl" --data-dir "$work/kiosk" badge "$code" --layout letter --pdf "$work/x.pdf" 2> "$work/err"; rc=$?
[[ $rc -eq 2 ]] && grep -q 'unknown layout "letter"' "$work/err" || fail "unknown layout: rc $rc $(cat "$work/err")"
"$ctl" --data-dir "$work/kiosk" badge "$code" --pdf /proc/no-such-dir/x.pdf 2> "$work/err"; rc=$?
[[ $rc -eq 2 ]] && grep -q "Cannot write /proc/no-such-dir/x.pdf" "$work/err" || fail "unwritable: rc $rc $(cat "$work/err")"
"$ctl" --data-dir "$work/kiosk" badge "$code" 2> "$work/err"; rc=$?
[[ $rc -eq 2 ]] && grep -q "usage: checkinctl badge" "$work/err" || fail "no destination: rc $rc"
convert -size 400x300 xc:white "$work/blank.png"
"$ctl" scan-image "$work/blank.png" > "$work/out"; rc=$?
[[ $rc -eq 1 ]] && grep -q "blank.png: no code found" "$work/out" || fail "blank image: rc $rc $(cat "$work/out")"
echo "not an image" > "$work/text.png"
"$ctl" scan-image "$work/a6.png" "$work/text.png" > "$work/out"; rc=$?
[[ $rc -eq 2 ]] && grep -q "text.png: cannot read this image" "$work/out" || fail "not an image: rc $rc $(cat "$work/out")"
# A code that would move the terminal's cursor and colour its text is shown escaped.
printf 'CODE-\033[31mRED' | qrencode -s 6 -o "$work/escape.png"
"$ctl" scan-image "$work/escape.png" > "$work/out"
grep -q $'\x1b' "$work/out" && fail "an escape reached the terminal"
grep -qF 'CODE-\x1b[31mRED' "$work/out" || fail "escaped code: $(cat "$work/out")"
echo "badge-cli: all layouts read back; errors in words"
