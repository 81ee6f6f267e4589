#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Developer and CI setup for Debian 12: installs every package the build and the tests need.
# Idempotent: when everything is installed it returns at once without touching the network.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang-format
  # Qt 6.4 (Debian 12)
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-virtualkeyboard-dev qt6-virtualkeyboard-plugin qt6-multimedia-dev
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
  qml6-module-qtquick-window qml6-module-qtquick-templates
  qml6-module-qttest qml6-module-qtquick-virtualkeyboard qml6-module-qt-labs-folderlistmodel
  # QR codes (enrolment codes on the console, badges); camera scanning decodes with ZXing-C++
  libqrencode-dev libzxing-dev qml6-module-qtmultimedia
  # badges: printing goes through CUPS; the tests start a throwaway CUPS with a PDF printer and
  # read the badges from outside (text with pdftotext, codes with zbarimg, images with qrencode)
  cups cups-bsd printer-driver-cups-pdf poppler-utils qrencode libcups2-dev
  # storage and test services
  sqlite3 libsqlite3-dev postgresql
  # the console's tests drive a real browser and read its QR code from outside
  chromium chromium-driver python3-selenium zbar-tools
  # screenshots of the real window
  xvfb xauth x11-apps imagemagick xdotool
  # packages (installers/build-packages.sh): man pages from --help, lintian, the kiosk session's
  # compositor and its X server for the app, AppStream and desktop-file checks
  help2man lintian dpkg-dev fakeroot cage xwayland appstream desktop-file-utils
  # the server tests speak HTTPS with certificates made on the spot, and through the shipped nginx site
  curl openssl adduser nginx-light
  # the kiosk encrypts its database with libcrypto (CipherVfs)
  libssl-dev
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: all ${#packages[@]} packages are installed."
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  sudo=sudo
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo; missing: ${missing[*]}" >&2; exit 1; }
else
  sudo=
fi

echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done."
