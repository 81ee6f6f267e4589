// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Two plain download links; the session cookie goes along with them.

import { eventPath } from './api.js';
import { $ } from './dom.js';
import { state } from './state.js';

function fileStem(event) {
  return String(event.id).replace(/[^A-Za-z0-9._-]+/g, '-') || 'event';
}

export const exportView = {
  name: 'export',
  needsEvent: true,
  enter() {
    const event = state.event;
    const stem = fileStem(event);
    const attendees = $('export-attendees');
    attendees.href = eventPath(event.id, '/export/attendees.csv');
    attendees.setAttribute('download', `${stem}-attendees.csv`);
    const checkins = $('export-checkins');
    checkins.href = eventPath(event.id, '/export/checkins.csv');
    checkins.setAttribute('download', `${stem}-checkins.csv`);
  },
  leave() {},
};
