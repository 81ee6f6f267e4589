// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The attendees view: the CSV import (csv.js), the search (debounced, 50 at a time) and, on a name,
// the person's history (history.js).

import { api, errorText, eventPath, isQuiet } from './api.js';
import { initCsv, resetCsv, retranslateCsv } from './csv.js';
import { $, badge, debounce, el, say, timeEl } from './dom.js';
import { closeHistory, initHistory, openHistory, retranslateHistory } from './history.js';
import { fmt, t } from './i18n.js';
import { fullName, presenceText } from './people.js';
import { kindWord } from './rules.js';
import { state } from './state.js';

const PAGE = 50;
const DEBOUNCE_MS = 250;

let items = [];
let total = 0;
let query = '';
let failure = null;
let loading = false;
let controller = null;
let shownEvent = '';

async function load(append = false) {
  const event = state.event;
  if (!event) return;
  if (controller) controller.abort();
  const own = new AbortController();
  controller = own;
  const q = $('search').value.trim();
  const params = new URLSearchParams({ q, limit: String(PAGE), offset: String(append ? items.length : 0) });
  loading = true;
  if (!append) say($('attendee-count'), t('att.searching'), 'busy');
  try {
    const data = await api('GET', eventPath(event.id, `/attendees?${params}`), { signal: own.signal });
    if (controller !== own) return;
    const found = Array.isArray(data.attendees) ? data.attendees : [];
    items = append ? items.concat(found) : found;
    total = typeof data.total === 'number' ? data.total : items.length;
    query = q;
    failure = null;
  } catch (error) {
    if (controller !== own || isQuiet(error)) return;
    failure = error;
  } finally {
    if (controller === own) {
      controller = null;
      loading = false;
    }
  }
  render(append);
}

function lastCheckin(attendee) {
  const last = attendee.last_checkin;
  if (!last) return '—';
  return [`${kindWord(last.kind)} · ${last.device_name || t('conf.unknownDoor')} · `,
    timeEl(last.at, fmt.when(last.at), fmt.dateTime(last.at))];
}

function row(attendee) {
  const name = fullName(attendee);
  const open = (event) => openHistory(attendee.id, name, event.currentTarget);
  const button = el('button', { className: 'link-button', text: name, attrs: { type: 'button' }, on: { click: open } });
  const nameCell = el('th', { attrs: { scope: 'row' } }, button);
  if (attendee.walk_in) nameCell.append(' ', badge('neutral', t('att.walkIn')));
  const tr = el('tr', { className: 'clickable' },
    nameCell,
    el('td', { text: attendee.company || '' }),
    el('td', { text: attendee.ticket_type || '' }),
    el('td', {}, attendee.status === 'cancelled' ? badge('cancelled', t('att.cancelled')) : t('att.valid')),
    el('td', {}, attendee.inside ? badge('inside', presenceText(attendee)) : presenceText(attendee)),
    el('td', {}, lastCheckin(attendee)));
  // A click anywhere on the row opens the history too (the button is the keyboard's way in).
  tr.addEventListener('click', (event) => {
    if (event.target.closest('button, a')) return;
    openHistory(attendee.id, name, button);
  });
  return tr;
}

function render(append = false) {
  const tbody = $('attendee-list').tBodies[0];
  if (append) {
    const have = tbody.rows.length;
    tbody.append(...items.slice(have).map(row));
  } else {
    tbody.replaceChildren(...items.map(row));
  }
  const more = $('attendee-more');
  more.hidden = failure !== null || items.length >= total;
  more.disabled = loading;
  if (failure) say($('attendee-count'), errorText(failure), 'error');
  else if (!total && query) say($('attendee-count'), t('att.noneFound', { q: query }));
  else if (!total) say($('attendee-count'), t('att.noneYet'));
  else if (items.length < total) say($('attendee-count'), t('att.countSome', { shown: items.length, n: total }));
  else say($('attendee-count'), t('att.countAll', { n: total }));
}

const searchSoon = debounce(() => load(false), DEBOUNCE_MS);

export function initAttendees() {
  initCsv(() => load(false));
  initHistory();
  $('search').addEventListener('input', searchSoon);
  $('search').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      searchSoon.cancel();
      load(false);
    }
  });
  $('attendee-more').addEventListener('click', () => load(true));
}

export const attendeesView = {
  name: 'attendees',
  needsEvent: true,
  enter() {
    if (shownEvent !== state.event.id) {
      shownEvent = state.event.id;
      items = [];
      total = 0;
      failure = null;
      $('search').value = '';
      $('attendee-list').tBodies[0].replaceChildren();
      resetCsv();
      closeHistory(false);
    }
    load(false);
  },
  leave() {
    searchSoon.cancel();
    if (controller) controller.abort();
    controller = null;
  },
  retranslate() {
    render(false);
    retranslateCsv();
    retranslateHistory();
  },
  reset() {
    shownEvent = '';
  },
};
