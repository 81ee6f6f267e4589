#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Screenshots of the real kiosk window under Xvfb: `checkin-kiosk --self-test --screenshots` at one
# window size and in one language, kept in OUTDIR as test artefacts (setup, home, results, attendee,
# every verdict, status bar, self-service, the on-screen keyboard, the admin area and its language card).
# Usage: kiosk-screenshots.sh KIOSK OUTDIR WIDTHxHEIGHT [LANGUAGE]   (LANGUAGE: en (default), de)
# The size reaches the window through CHECKIN_KIOSK_WINDOW_SIZE (src/app/StartupProbe.cpp); the
# X screen has the same size. Fails when the self-test fails or a PNG is missing or of another size.
set -euo pipefail

kiosk=$1
out=$2
size=$3
width=${size%x*}
height=${size#*x}
language=${4:-en}

command -v xvfb-run >/dev/null || { echo "kiosk-screenshots: xvfb-run is missing (package xvfb; installers/setup-debian.sh)" >&2; exit 1; }
command -v xauth >/dev/null || { echo "kiosk-screenshots: xauth is missing (package xauth; installers/setup-debian.sh)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
runtime=$(mktemp -d /tmp/checkin-screenshots.XXXXXX)
trap 'rm -rf "$runtime"' EXIT
chmod 700 "$runtime"

# A real X display (not the offscreen platform): what a kiosk's screen shows. The X authority file
# is ours (-f): xvfb-run then makes no temporary directory of its own, whose failed removal would
# make it exit before it stops the X server, leaving one running.
env -u QT_QPA_PLATFORM XDG_RUNTIME_DIR="$runtime" CHECKIN_KIOSK_WINDOW_SIZE="$size" \
  xvfb-run -a -f "$runtime/Xauthority" -s "-screen 0 ${width}x${height}x24 -nolisten tcp" \
  "$kiosk" -platform xcb --self-test --language "$language" --screenshots "$out"

shopt -s nullglob
pngs=("$out"/*.png)
if [[ ${#pngs[@]} -lt 10 ]]; then
  echo "kiosk-screenshots: only ${#pngs[@]} screenshots in $out" >&2
  exit 1
fi
# PNG header: width and height, big-endian, at bytes 16..23.
for png in "${pngs[@]}"; do
  got=$(od -An -tu1 -j16 -N8 "$png" | awk '{printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  if [[ "$got" != "$size" ]]; then
    echo "kiosk-screenshots: $png is $got, not $size" >&2
    exit 1
  fi
done
echo "kiosk-screenshots: ${#pngs[@]} screenshots at $size ($language) in $out"
