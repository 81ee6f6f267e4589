// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Draws a QR code from the server's module matrix ({size, modules: ["1011…", …]}, '1' = dark) as
// SVG: a white square with a 4-module quiet zone and one rect per horizontal run of dark modules.
// The server encodes; the page only draws (no QR encoder in the browser).

import { svg } from './dom.js';

const QUIET = 4;

export function validMatrix(qr) {
  return Boolean(qr) && Number.isInteger(qr.size) && qr.size > 0 && Array.isArray(qr.modules)
    && qr.modules.length === qr.size
    && qr.modules.every((row) => typeof row === 'string' && row.length === qr.size && /^[01]+$/.test(row));
}

// Returns the <svg>, or null when the matrix is not one. pixels: the width aimed at (whole pixels
// per module, so that the modules stay sharp).
export function qrSvg(qr, label, pixels = 296) {
  if (!validMatrix(qr)) return null;
  const total = qr.size + 2 * QUIET;
  const perModule = Math.max(3, Math.floor(pixels / total));
  const side = total * perModule;
  const root = svg('svg', {
    class: 'qr-svg', width: side, height: side, viewBox: `0 0 ${total} ${total}`,
    role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges',
  });
  root.append(svg('rect', { x: 0, y: 0, width: total, height: total, fill: '#ffffff' }));
  qr.modules.forEach((row, y) => {
    let x = 0;
    while (x < qr.size) {
      if (row[x] !== '1') {
        x += 1;
        continue;
      }
      let end = x;
      while (end < qr.size && row[end] === '1') end += 1;
      root.append(svg('rect', { x: x + QUIET, y: y + QUIET, width: end - x, height: 1, fill: '#000000' }));
      x = end;
    }
  });
  return root;
}
