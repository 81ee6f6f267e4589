// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The event's check-in lists: each list's rules in words and its counts (GET …/lists and …/stats),
// and a lists file to add or change them (POST …/lists: the spreadsheet checkinctl reads, or JSON).
// Every check-in is classified again by new rules; the kiosks get them with their next sync.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { $, el, say } from './dom.js';
import { fmt, t } from './i18n.js';
import { state } from './state.js';

let lists = [];
let timezone = '';
let counts = new Map(); // list id -> its counts from the stats
let loaded = false;
let failure = null;

async function load() {
  const event = state.event;
  say($('lists-summary'), t('loading'), 'busy');
  try {
    const [got, stats] = await Promise.all([
      api('GET', eventPath(event.id, '/lists')),
      api('GET', eventPath(event.id, '/stats')),
    ]);
    if (!state.event || state.event.id !== event.id) return;
    lists = Array.isArray(got.lists) ? got.lists : [];
    timezone = got.timezone || '';
    counts = new Map((Array.isArray(stats.lists) ? stats.lists : []).map((l) => [l.id, l]));
    loaded = true;
    failure = null;
  } catch (error) {
    if (isQuiet(error)) return;
    failure = error;
  }
  render();
}

// "2026-06-05T06:00" – "2026-06-05T23:59" as "2026-06-05 06:00–23:59".
function windowText(w) {
  const from = String(w.from || '').replace('T', ' ');
  const to = String(w.to || '').replace('T', ' ');
  return from.slice(0, 10) === to.slice(0, 10) ? `${from}–${to.slice(11)}` : `${from} – ${to}`;
}

function rulesText(list) {
  const parts = [];
  const types = Array.isArray(list.ticket_types) ? list.ticket_types : [];
  parts.push(types.length
    ? types.map((tt) => (Array.isArray(tt.windows) && tt.windows.length
      ? `${tt.ticket_type} (${tt.windows.map(windowText).join(', ')})` : tt.ticket_type)).join(', ')
    : t('lists.everyType'));
  if (Array.isArray(list.windows) && list.windows.length) {
    parts.push(t('lists.open', { windows: list.windows.map(windowText).join(', ') }));
  }
  if (list.entries === 'once') parts.push(t('lists.once'));
  if (list.entries === 'daily') parts.push(t('lists.daily'));
  if (list.track_exit === false) parts.push(t('lists.noExits'));
  if (list.retired) parts.push(t('lists.retired'));
  return parts.join(' · ');
}

function row(list) {
  const c = counts.get(list.id) || {};
  return el('tr', { dataset: { id: list.id } },
    el('th', { attrs: { scope: 'row' } }, list.name || list.id, el('br'), el('code', { text: list.id })),
    el('td', { text: rulesText(list) }),
    el('td', { text: list.question || '—' }),
    el('td', { className: 'num', text: fmt.number(c.people || 0) }),
    el('td', { className: 'num', text: fmt.number(c.entries || 0) }),
    el('td', { className: 'num', text: fmt.number(c.duplicates || 0) }));
}

function render() {
  $('lists-rows').replaceChildren(...lists.map(row));
  $('lists-table').hidden = !lists.length;
  if (failure) say($('lists-summary'), errorText(failure), 'error');
  else if (!loaded) say($('lists-summary'), '');
  else say($('lists-summary'), t('lists.summary', { n: lists.length, zone: timezone || t('lists.utc') }));
}

async function upload() {
  const chosen = $('lists-file').files[0] || null;
  if (!chosen) return;
  const json = /\.json$/i.test(chosen.name);
  say($('lists-status'), t('lists.uploading', { name: chosen.name }), 'busy');
  try {
    const data = await api('POST', eventPath(state.event.id, '/lists'),
      { body: chosen, contentType: json ? 'application/json' : 'text/csv' });
    const warnings = Array.isArray(data.warnings) ? data.warnings : [];
    say($('lists-status'), [t('lists.uploaded', {
      inserted: data.inserted || 0, updated: data.updated || 0, reclassified: data.reclassified || 0,
    }), ...warnings].join(' '), 'ok');
    $('lists-file').value = '';
    await load();
  } catch (error) {
    if (!isQuiet(error)) say($('lists-status'), errorText(error), 'error');
  }
}

export const listsView = {
  name: 'lists',
  needsEvent: true,
  enter() {
    say($('lists-status'), '');
    load();
  },
  leave() {},
  retranslate: render,
  reset() {
    lists = [];
    counts = new Map();
    loaded = false;
    failure = null;
  },
};

export function initLists() {
  $('lists-file').addEventListener('change', upload);
  $('lists-refresh').addEventListener('click', load);
}
