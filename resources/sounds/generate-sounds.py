#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the verdict sounds (16-bit mono WAV, 22,050 Hz) into this folder.

One short sound per verdict kind, told apart by pitch and rhythm, not only by loudness:
going in rises, refusals fall and sit low, "look again" repeats a middle tone. Run it again
after changing a pattern here; the WAV files are kept in the repository.
"""
import math
import os
import struct
import wave

RATE = 22050

# Each sound: a list of notes (frequency in Hz, duration in s, gap after it in s, timbre).
# Timbre "bell": sine with a soft overtone and a longer tail; "buzz": a few odd harmonics.
PATTERNS = {
    "admitted": [(784, 0.09, 0.02, "bell"), (1175, 0.20, 0.0, "bell")],
    "exited": [(1047, 0.09, 0.02, "bell"), (698, 0.16, 0.0, "bell")],
    "already_inside": [(587, 0.12, 0.07, "bell"), (587, 0.12, 0.0, "bell")],
    "not_inside": [(659, 0.11, 0.05, "bell"), (523, 0.16, 0.0, "bell")],
    "cancelled": [(392, 0.16, 0.03, "buzz"), (262, 0.30, 0.0, "buzz")],
    "unknown": [(330, 0.08, 0.06, "buzz"), (330, 0.08, 0.06, "buzz"), (330, 0.08, 0.0, "buzz")],
    "wrong_event": [(294, 0.12, 0.03, "buzz"), (440, 0.10, 0.03, "buzz"), (294, 0.18, 0.0, "buzz")],
    "undone": [(880, 0.06, 0.0, "bell"), (740, 0.06, 0.0, "bell"), (587, 0.10, 0.0, "bell")],
    "error": [(196, 0.45, 0.0, "buzz")],
}


def note(freq, seconds, timbre):
    n = int(RATE * seconds)
    attack = int(RATE * 0.006)
    release = int(RATE * (0.05 if timbre == "bell" else 0.02))
    out = []
    for i in range(n):
        t = i / RATE
        if timbre == "bell":
            s = math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(2 * math.pi * 2 * freq * t)
            s /= 1.25
        else:
            s = sum(math.sin(2 * math.pi * k * freq * t) / k for k in (1, 3, 5, 7))
            s /= 1.6
        env = 1.0
        if i < attack:
            env = i / attack
        elif i > n - release:
            env = max(0.0, (n - i) / release)
        out.append(s * env)
    return out


def render(pattern):
    samples = []
    for freq, dur, gap, timbre in pattern:
        samples += note(freq, dur, timbre)
        samples += [0.0] * int(RATE * gap)
    samples += [0.0] * int(RATE * 0.02)  # a clean end
    return samples


def write(path, samples, volume=0.7):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * volume * 32767)) for s in samples))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for kind, pattern in PATTERNS.items():
        write(os.path.join(here, kind + ".wav"), render(pattern))
        print("wrote", kind + ".wav")
