#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command with a throwaway CUPS (cups-server.sh) and a cups-pdf queue named "badges":
# CUPS_SERVER and CUPS_PDF_OUT are set for it; the CUPS goes away afterwards, whatever happened.
set -uo pipefail
source "$(dirname "$0")/cups-server.sh"
trap cups_stop EXIT
cups_start badges || exit 1
"$@"
