// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The live door view: GET /live every 2 s while it is shown and the tab is visible. Everything is
// updated in place (text, keyed table rows), so focus and scrolling survive the polls.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { drawBarChart, summarize } from './chart.js';
import { $, el, fillCell, say, setAttr, setText, stateMark, syncRows, timeEl } from './dom.js';
import { fmt, t } from './i18n.js';
import { createPoller } from './poller.js';
import { state } from './state.js';

// The server reads the counts again about once a second while a console looks: a delivery shows
// within that second plus one poll.
const POLL_MS = 1500;

let last = null;        // the last answer, drawn again on a language change
let chartKey = '';      // what the chart shows now: redrawn only when it changes
let failing = false;
let resizeObserver = null;

const poller = createPoller(poll, POLL_MS);

async function poll(signal) {
  const event = state.event;
  if (!event) return;
  try {
    const data = await api('GET', eventPath(event.id, '/live'), { signal });
    if (!state.event || state.event.id !== event.id) return;
    last = data;
    failing = false;
    render();
  } catch (error) {
    if (isQuiet(error)) return;
    failing = true;
    console.warn('console: live', errorText(error));
    renderConnection();
  }
}

function renderConnection() {
  say($('live-connection'), failing ? t('live.connectionLost') : '');
}

function renderTiles(totals) {
  const tiles = {
    'live-inside': totals.inside, 'live-entries': totals.entries,
    'live-duplicates': totals.duplicates, 'live-conflicts': totals.conflicts,
    'live-rejected': totals.rejected, 'live-walkins': totals.walk_ins,
  };
  for (const [id, value] of Object.entries(tiles)) setText($(id), fmt.number(value ?? 0));
  setText($('live-inside-sub'), typeof totals.attendees === 'number'
    ? t('live.ofAttendees', { n: totals.attendees }) : '');
}

function connectionWord(door) {
  if (door.revoked) return stateMark('revoked', t('state.revoked'));
  return door.online ? stateMark('online', t('state.online')) : stateMark('offline', t('state.offline'));
}

function createDoorRow() {
  const row = el('tr');
  row.append(el('th', { attrs: { scope: 'row' } }));
  for (let i = 0; i < 6; i += 1) row.append(el('td', { className: 'num' }));
  row.append(el('td'), el('td'));
  return row;
}

function updateDoorRow(row, door) {
  const cells = row.cells;
  setText(cells[0], door.name || door.device_id);
  const numbers = [door.entries, door.duplicates, door.conflicts, door.rejected, door.walk_ins, door.queue];
  numbers.forEach((value, i) => setText(cells[i + 1], fmt.number(value ?? 0)));
  row.classList.toggle('is-warning', Boolean(door.queue) && !door.online);
  const seen = door.last_seen;
  fillCell(cells[7], `${seen}|${fmt.relative(seen)}`, () => (seen
    ? timeEl(seen, fmt.relative(seen), fmt.dateTime(seen)) : t('dev.neverSeen')));
  const kind = door.revoked ? 'revoked' : door.online ? 'online' : 'offline';
  fillCell(cells[8], `${kind}|${t(`state.${kind}`)}`, () => connectionWord(door));
}

function renderDoors(doors) {
  const tbody = $('live-doors').tBodies[0];
  syncRows(tbody, doors, (door) => door.device_id, createDoorRow, updateDoorRow);
  $('live-doors-empty').hidden = doors.length > 0;
}

function alertText(alert) {
  const name = alert.name || alert.device_id;
  if (alert.kind === 'silent') {
    return alert.last_seen ? t('alert.silent', { door: name, time: fmt.when(alert.last_seen) })
      : t('alert.silentNever', { door: name });
  }
  if (alert.kind === 'queue_growing') return t('alert.queueGrowing', { door: name, n: alert.queue ?? 0 });
  return t('alert.other', { door: name });
}

function renderAlerts(alerts) {
  const box = $('live-alerts');
  const old = new Map(Array.from(box.children).map((node) => [node.dataset.key, node]));
  alerts.forEach((alert, index) => {
    const key = `${alert.kind}|${alert.device_id}`;
    let node = old.get(key);
    if (node) old.delete(key);
    else {
      node = el('p', { className: `banner banner-${alert.kind === 'silent' ? 'danger' : 'warning'}`,
        dataset: { key } }, el('span', { className: 'banner-icon', attrs: { 'aria-hidden': 'true' }, text: '!' }),
      el('span', { className: 'banner-text' }));
    }
    setText(node.querySelector('.banner-text'), alertText(alert));
    if (box.children[index] !== node) box.insertBefore(node, box.children[index] || null);
  });
  for (const node of old.values()) node.remove();
}

function renderChart(arrivals) {
  const minutes = arrivals.bucket_minutes || 5;
  const buckets = Array.isArray(arrivals.buckets) ? arrivals.buckets : [];
  setText($('live-chart-title'), t('chart.title', { n: minutes }));
  const container = $('live-chart');
  const key = `${container.clientWidth}|${minutes}|${buckets.map((b) => `${b.start}=${b.count}`).join(',')}`;
  if (key === chartKey) return;
  chartKey = key;
  drawBarChart(container, buckets, minutes);
  setText($('live-chart-caption'), summarize(buckets, minutes));
  $('live-chart-table').tBodies[0].replaceChildren(...buckets.map((bucket) => el('tr', {},
    el('th', { attrs: { scope: 'row' } }, timeEl(bucket.start, fmt.time(bucket.start), fmt.dateTime(bucket.start))),
    el('td', { className: 'num', text: fmt.number(bucket.count || 0) }))));
}

function render() {
  if (!last) return;
  renderTiles(last.totals || {});
  renderAlerts(Array.isArray(last.alerts) ? last.alerts : []);
  renderDoors(Array.isArray(last.doors) ? last.doors : []);
  renderChart(last.arrivals || {});
  const updated = $('live-updated');
  setText(updated, t('live.updated', { time: fmt.timeSec(last.generated_at || new Date()) }));
  setAttr(updated, 'title', fmt.dateTime(last.generated_at));
  renderConnection();
}

function clear() {
  last = null;
  chartKey = '';
  failing = false;
  for (const id of ['live-inside', 'live-entries', 'live-duplicates', 'live-conflicts', 'live-rejected', 'live-walkins']) {
    setText($(id), '—');
  }
  setText($('live-inside-sub'), '');
  setText($('live-updated'), t('live.loading'));
  $('live-alerts').replaceChildren();
  $('live-doors').tBodies[0].replaceChildren();
  $('live-doors-empty').hidden = true;
  $('live-chart').replaceChildren();
  $('live-chart-table').tBodies[0].replaceChildren();
  setText($('live-chart-caption'), '');
  setText($('live-chart-title'), t('chart.title', { n: 5 }));
  renderConnection();
}

let shownEvent = '';

export const liveView = {
  name: 'live',
  needsEvent: true,
  enter() {
    if (shownEvent !== state.event.id) {
      shownEvent = state.event.id;
      clear();
    }
    if (!resizeObserver && typeof ResizeObserver === 'function') {
      resizeObserver = new ResizeObserver(() => {
        // Hidden (another view): nothing to measure; it is drawn again when shown.
        if (last && $('live-chart').clientWidth > 0) requestAnimationFrame(() => renderChart(last.arrivals || {}));
      });
      resizeObserver.observe($('live-chart'));
    }
    poller.start();
  },
  leave() {
    poller.stop();
  },
  retranslate() {
    chartKey = '';
    if (last) render();
    else clear();
  },
  reset() {
    shownEvent = '';
  },
};
