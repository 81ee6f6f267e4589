#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian packages (checkin-kiosk, checkin-server, checkinctl, checkin-kiosk-session)
# from the same CMake build as the tests, into build/packages/ (BUILD_DIR overrides build/).
# Usage: bash installers/build-packages.sh [--version VERSION]   (default: the project's version)
set -euo pipefail
cd "$(dirname "$0")/.."

version=""
if [[ "${1:-}" == "--version" ]]; then
  version=${2:?--version takes a version, e.g. 0.1.0}
fi

bash installers/setup-debian.sh
build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHECKIN_PACKAGE_VERSION="$version"
cmake --build "$build" --parallel "$(nproc)"
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB > cpack.log) || { cat "$build/cpack.log" >&2; exit 1; }
ls -1 "$build"/packages/*.deb
