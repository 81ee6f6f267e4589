// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Events: the list, picking one (it then shows in the header and the other views work on it) and
// creating one. Start and end come from datetime-local inputs, read in the browser's time zone.

import { api, errorText, isQuiet } from './api.js';
import { $, el, say } from './dom.js';
import { browserTimeZone, fmt, isoFromLocalInput, t } from './i18n.js';
import { setEvent, state, viewHash } from './state.js';

let noticeKey = '';
let loadFailed = null;

export async function loadEvents() {
  const data = await api('GET', '/api/v1/events');
  state.events = Array.isArray(data.events) ? data.events : [];
  return state.events;
}

export function pickEvent(event) {
  setEvent(event);
  location.hash = viewHash('live', true);
}

function eventRow(event) {
  const current = state.event && state.event.id === event.id;
  const name = el('th', { attrs: { scope: 'row' } }, event.name || event.id);
  if (current) name.append(' ', el('span', { className: 'badge badge-current', text: t('events.current') }));
  const button = el('button', {
    className: current ? 'button button-secondary button-small' : 'button button-small',
    text: current ? t('events.openLive') : t('events.pick'),
    attrs: { type: 'button', 'aria-label': t(current ? 'events.openLiveFor' : 'events.pickFor', { name: event.name || event.id }) },
    on: { click: () => pickEvent(event) },
  });
  return el('tr', { className: current ? 'is-current' : '' },
    name,
    el('td', {}, el('code', { text: event.id })),
    el('td', { className: 'nowrap', text: event.starts_at ? fmt.dateTimeShort(event.starts_at) : '—' }),
    el('td', { className: 'nowrap', text: event.ends_at ? fmt.dateTimeShort(event.ends_at) : '—' }),
    el('td', { text: event.timezone || '—' }),
    el('td', { className: 'actions' }, button));
}

function render() {
  const tbody = $('events-list').tBodies[0];
  const sorted = [...state.events].sort((a, b) => String(b.starts_at || '').localeCompare(String(a.starts_at || ''))
    || String(a.name).localeCompare(String(b.name)));
  tbody.replaceChildren(...sorted.map(eventRow));
  $('events-empty').hidden = state.events.length > 0 || Boolean(loadFailed);
  say($('events-notice'), noticeKey ? t(noticeKey) : '');
  say($('events-status'), loadFailed ? errorText(loadFailed) : '', loadFailed ? 'error' : '');
  say($('event-create-times-hint'), t('events.timesHint', { zone: browserTimeZone() || 'UTC' }));
}

async function refresh() {
  try {
    await loadEvents();
    loadFailed = null;
  } catch (error) {
    if (isQuiet(error)) return;
    loadFailed = error;
  }
  render();
}

// A notice above the list, e.g. "Pick an event first." when a view needs one.
export function eventsNotice(key) {
  noticeKey = key || '';
  say($('events-notice'), noticeKey ? t(noticeKey) : '');
}

function fieldError(id, text) {
  const input = $(id);
  say($(`${id}-error`), text || '');
  if (text) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  return !text;
}

function validTimeZone(zone) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone }).format(0);
    return true;
  } catch {
    return false;
  }
}

async function create(event) {
  event.preventDefault();
  const name = $('event-create-name').value.trim();
  const id = $('event-create-id').value.trim();
  const starts = isoFromLocalInput($('event-create-start').value);
  const ends = isoFromLocalInput($('event-create-end').value);
  const zone = $('event-create-tz').value.trim();
  const status = $('event-create-status');

  const checks = [
    fieldError('event-create-name', name ? '' : t('events.nameMissing')),
    fieldError('event-create-id', /\s/.test(id) ? t('events.idSpaces') : ''),
    fieldError('event-create-end', starts && ends && ends <= starts ? t('events.endBeforeStart') : ''),
    fieldError('event-create-tz', zone && !validTimeZone(zone) ? t('events.tzUnknown') : ''),
  ];
  if (checks.includes(false)) {
    say(status, t('form.fix'), 'error');
    const first = ['event-create-name', 'event-create-id', 'event-create-end', 'event-create-tz']
      .find((field) => $(field).getAttribute('aria-invalid') === 'true');
    if (first) $(first).focus();
    return;
  }

  const body = { name };
  if (id) body.id = id;
  if (starts) body.starts_at = starts;
  if (ends) body.ends_at = ends;
  if (zone) body.timezone = zone;

  const button = $('event-create');
  button.disabled = true;
  say(status, t('events.creating'), 'busy');
  try {
    const created = await api('POST', '/api/v1/events', { json: body });
    state.events = state.events.filter((e) => e.id !== created.id).concat([created]);
    setEvent(created);
    $('event-form').reset();
    $('event-create-tz').value = browserTimeZone();
    noticeKey = '';
    render();
    say(status, t('events.created', { name: created.name || created.id }), 'ok');
  } catch (error) {
    if (isQuiet(error)) return;
    if (error.code === 'event_exists') {
      fieldError('event-create-id', t('err.eventExists'));
      $('event-create-id').focus();
    }
    say(status, errorText(error), 'error');
  } finally {
    button.disabled = false;
  }
}

export function initEvents() {
  $('event-form').addEventListener('submit', create);
  $('event-create-tz').value = browserTimeZone();
  const list = $('timezones');
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  list.replaceChildren(...zones.map((zone) => el('option', { attrs: { value: zone } })));
}

export const eventsView = {
  name: 'events',
  needsEvent: false,
  enter() {
    render();
    refresh();
  },
  leave() {
    noticeKey = '';
  },
  retranslate: render,
};
