// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The tablets view: the enrolment code (enrol.js) and the devices table, refreshed every 10 s in
// place. Revoking asks first in a modal <dialog> that names the tablet.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { $, el, fillCell, say, setText, stateMark, syncRows, timeEl } from './dom.js';
import { initEnrol, resetEnrol, retranslateEnrol } from './enrol.js';
import { fmt, t } from './i18n.js';
import { createPoller } from './poller.js';
import { state } from './state.js';

const POLL_MS = 10000;

let devices = [];
let shownEvent = '';
let revoking = null;

const poller = createPoller(load, POLL_MS);

async function load(signal) {
  const event = state.event;
  if (!event) return;
  try {
    const data = await api('GET', eventPath(event.id, '/devices'), { signal });
    if (!state.event || state.event.id !== event.id) return;
    devices = Array.isArray(data.devices) ? data.devices : [];
    render();
    say($('devices-status'), '');
  } catch (error) {
    if (!isQuiet(error)) say($('devices-status'), errorText(error), 'error');
  }
}

function createRow(device) {
  const row = el('tr');
  row.append(el('th', { attrs: { scope: 'row' } }));
  for (let i = 0; i < 7; i += 1) row.append(el('td'));
  for (const i of [3, 5]) row.cells[i].className = 'num';
  row.cells[7].className = 'actions';
  const button = el('button', {
    className: 'button button-danger-quiet button-small', text: t('dev.revoke'),
    attrs: { type: 'button' },
    on: { click: () => openRevoke(row.dataset.key) },
  });
  row.cells[7].append(button);
  return row;
}

function updateRow(row, device) {
  const cells = row.cells;
  const name = device.name || device.id;
  setText(cells[0], name);
  const kind = device.revoked ? 'revoked' : device.online ? 'online' : 'offline';
  fillCell(cells[1], `${kind}|${t(`state.${kind}`)}`, () => stateMark(kind, t(`state.${kind}`)));
  const seen = device.last_seen;
  fillCell(cells[2], `${seen}|${fmt.relative(seen)}`, () => (seen
    ? timeEl(seen, fmt.relative(seen), fmt.dateTime(seen)) : t('dev.neverSeen')));
  setText(cells[3], fmt.number(device.queue ?? 0));
  setText(cells[4], device.version || '—');
  setText(cells[5], fmt.offset(device.clock_offset_ms));
  setText(cells[6], device.revoked ? t('dev.revokedYes') : t('dev.revokedNo'));
  const button = cells[7].querySelector('button');
  setText(button, t('dev.revoke'));
  button.setAttribute('aria-label', t('dev.revokeFor', { name }));
  button.hidden = Boolean(device.revoked);
  row.classList.toggle('is-revoked', Boolean(device.revoked));
}

function render() {
  const tbody = $('devices-table').tBodies[0];
  syncRows(tbody, devices, (device) => device.id, createRow, updateRow);
  $('devices-empty').hidden = devices.length > 0;
}

function openRevoke(id) {
  const device = devices.find((d) => d.id === id);
  if (!device) return;
  revoking = device;
  setText($('revoke-title'), t('revoke.title', { name: device.name || device.id }));
  say($('revoke-error'), '');
  $('revoke-confirm').disabled = false;
  $('revoke-dialog').showModal();
}

async function confirmRevoke(event) {
  event.preventDefault();
  const device = revoking;
  if (!device) return;
  const button = $('revoke-confirm');
  button.disabled = true;
  try {
    await api('DELETE', `/api/v1/devices/${encodeURIComponent(device.id)}`);
    revoking = null;
    $('revoke-dialog').close();
    say($('devices-status'), t('revoke.done', { name: device.name || device.id }), 'ok');
    $('devices-title').focus();
    poller.refresh();
  } catch (error) {
    if (!isQuiet(error)) say($('revoke-error'), errorText(error), 'error');
  } finally {
    button.disabled = false;
  }
}

export function initDevices() {
  initEnrol(() => poller.refresh());
  $('devices-refresh').addEventListener('click', () => {
    say($('devices-status'), t('loading'), 'busy');
    poller.refresh();
  });
  $('revoke-form').addEventListener('submit', confirmRevoke);
  $('revoke-cancel').addEventListener('click', () => $('revoke-dialog').close());
  $('revoke-dialog').addEventListener('close', () => {
    revoking = null;
  });
}

export const devicesView = {
  name: 'devices',
  needsEvent: true,
  enter() {
    if (shownEvent !== state.event.id) {
      shownEvent = state.event.id;
      devices = [];
      render();
      $('devices-empty').hidden = true;
      resetEnrol();
    }
    poller.start();
  },
  leave() {
    poller.stop();
  },
  retranslate() {
    for (const row of $('devices-table').tBodies[0].rows) {
      for (const cell of row.cells) delete cell.dataset.sig;
    }
    render();
    retranslateEnrol();
  },
  reset() {
    shownEvent = '';
  },
};
