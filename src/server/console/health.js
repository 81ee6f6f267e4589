// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Server health: GET /api/v1/server every 10 s while shown. The list is built once and its values
// are updated in place.

import { api, errorText, isQuiet } from './api.js';
import { $, el, fillCell, say, setAttr, setText, stateMark } from './dom.js';
import { fmt, t } from './i18n.js';
import { createPoller } from './poller.js';

const POLL_MS = 10000;
const ROWS = ['database', 'reachable', 'version', 'protocol', 'schema', 'started', 'inflight', 'shed5', 'shed60'];

let last = null;
let failing = null;
let updatedAt = null;

const poller = createPoller(load, POLL_MS);

async function load(signal) {
  try {
    last = await api('GET', '/api/v1/server', { signal });
    updatedAt = new Date();
    failing = null;
  } catch (error) {
    if (isQuiet(error)) return;
    failing = error;
  }
  render();
}

function ensureRows() {
  const list = $('health');
  if (list.children.length) return;
  for (const key of ROWS) {
    list.append(el('div', { dataset: { key } },
      el('dt', { attrs: { id: `health-${key}-term` } }),
      el('dd', { attrs: { id: `health-${key}` } })));
  }
}

function databaseName(kind) {
  return { sqlite: 'SQLite', postgresql: 'PostgreSQL' }[kind] || kind || '—';
}

function render() {
  ensureRows();
  for (const key of ROWS) setText($(`health-${key}-term`), t(`health.${key}`));
  say($('health-connection'), failing ? `${t('live.connectionLost')} (${errorText(failing)})` : '');
  if (!last) {
    setText($('health-updated'), failing ? '' : t('loading'));
    return;
  }
  const db = last.database || {};
  const shed = last.shed || {};
  setText($('health-database'), databaseName(db.kind));
  const reachable = db.reachable !== false;
  const word = reachable ? t('health.yes') : t('health.no');
  const detail = db.message ? ` — ${db.message}` : '';
  fillCell($('health-reachable'), `${reachable}|${word}|${detail}`,
    () => [stateMark(reachable ? 'online' : 'offline', word), detail]);
  setText($('health-version'), last.version || '—');
  setText($('health-protocol'), last.protocol ?? '—');
  setText($('health-schema'), last.schema ?? '—');
  setText($('health-started'), last.started_at
    ? t('health.startedValue', { time: fmt.dateTimeShort(last.started_at), relative: fmt.relative(last.started_at) }) : '—');
  setText($('health-inflight'), t('health.inflightValue', { n: last.inflight ?? 0, max: fmt.number(last.max_inflight ?? 0) }));
  setText($('health-shed5'), fmt.number(shed.last_5_minutes ?? 0));
  setText($('health-shed60'), fmt.number(shed.last_hour ?? 0));
  const updated = $('health-updated');
  setText(updated, t('live.updated', { time: fmt.timeSec(updatedAt) }));
  setAttr(updated, 'title', fmt.dateTime(updatedAt));
}

export const healthView = {
  name: 'health',
  needsEvent: false,
  enter() {
    render();
    poller.start();
  },
  leave() {
    poller.stop();
  },
  retranslate() {
    $('health-reachable').removeAttribute('data-sig');
    render();
  },
};
