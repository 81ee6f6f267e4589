// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Importing the attendee list: the file goes first to POST …/attendees?dry_run=1 (what the server
// read, and what an import would do), then, on "Import N attendees", to POST …/attendees. Columns
// the server does not read as a field can be shown at the door (?door_note=…, ?attention=…): the
// choice reads the file again, so the preview shows the notes.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { $, el, fill, say } from './dom.js';
import { fmt, t } from './i18n.js';
import { state } from './state.js';

// The fields a preview row has, in the order they are shown.
const FIELDS = ['ticket_code', 'first_name', 'last_name', 'company', 'email', 'ticket_type', 'status', 'order_code', 'notes'];

let file = null;      // the file checked, sent again for the import
let checked = null;   // the dry run's answer
let refused = null;   // a 422's body
let imported = null;  // the import's answer
let onImported = () => {};
const door = new Map(); // header -> 'note' | 'attention': the columns shown at the door

function doorQuery() {
  const parts = [];
  for (const [header, kind] of door) {
    parts.push(`${kind === 'attention' ? 'attention' : 'door_note'}=${encodeURIComponent(header)}`);
  }
  return parts.join('&');
}

// A choice per column the server read as no field (and per column chosen already).
function doorChooser() {
  const headers = [...new Set([
    ...(Array.isArray(checked.unused) ? checked.unused : []),
    ...(Array.isArray(checked.door_columns) ? checked.door_columns.map((c) => c.header) : []),
    ...door.keys(),
  ])];
  if (!headers.length) return null;
  return el('fieldset', { className: 'door-columns' },
    el('legend', { text: t('csv.doorTitle') }),
    el('p', { className: 'hint', text: t('csv.doorHint') }),
    ...headers.map((header, i) => {
      const select = el('select', { attrs: { id: `csv-door-${i}` }, dataset: { header } },
        el('option', { attrs: { value: '' }, text: t('csv.doorNo') }),
        el('option', { attrs: { value: 'note' }, text: t('csv.doorNote') }),
        el('option', { attrs: { value: 'attention' }, text: t('csv.doorAttention') }));
      select.value = door.get(header) || '';
      select.addEventListener('change', () => {
        if (select.value) door.set(header, select.value);
        else door.delete(header);
        check(true);
      });
      return el('div', { className: 'field field-inline' },
        el('label', { attrs: { for: `csv-door-${i}` } }, el('q', { text: header })), select);
    }));
}

const fieldName = (field) => t(`field.${field}`);

function delimiterName(delimiter) {
  return { ',': t('csv.delimComma'), ';': t('csv.delimSemicolon'), '\t': t('csv.delimTab') }[delimiter]
    || `“${delimiter}”`;
}

function mappingTable(columns) {
  const found = new Set(columns.map((c) => c.field));
  // A full-name column fills first and last name.
  if (found.has('name')) { found.add('first_name'); found.add('last_name'); }
  const table = el('table', { className: 'data-table compact' },
    el('caption', { text: t('csv.mapping') }),
    el('thead', {}, el('tr', {},
      el('th', { attrs: { scope: 'col' }, text: t('csv.colField') }),
      el('th', { attrs: { scope: 'col' }, text: t('csv.colHeader') }))),
    el('tbody', {}, ...columns.map((column) => el('tr', {},
      el('th', { attrs: { scope: 'row' }, text: fieldName(column.field) }),
      el('td', {}, el('q', { text: column.header }))))));
  const missing = FIELDS.filter((field) => field !== 'status' && !found.has(field)).map(fieldName);
  return [
    el('div', { className: 'table-wrap', attrs: { tabindex: '0', role: 'region', 'aria-label': t('csv.mapping') } }, table),
    missing.length ? el('p', { className: 'hint', text: t('csv.missing', { fields: fmt.list(missing) }) }) : null,
  ];
}

function previewTable(rows, columns) {
  const mapped = new Set(columns.map((c) => c.field));
  const shown = FIELDS
    .filter((field) => mapped.has(field) || rows.some((row) => row[field]) || ['first_name', 'last_name'].includes(field));
  const cell = (row, field) => {
    if (field === 'status') {
      if (row.status === 'cancelled') return t('att.cancelled');
      return row.payment_pending ? t('csv.pending') : t('att.valid');
    }
    if (field === 'notes') {
      return (row.notes || []).map((n) => `${n.attention ? '⚠ ' : ''}${n.label}: ${n.text}`).join('; ');
    }
    return row[field] || '';
  };
  const table = el('table', { className: 'data-table compact' },
    el('caption', { text: t('csv.previewCaption', { n: rows.length }) }),
    el('thead', {}, el('tr', {},
      el('th', { attrs: { scope: 'col' }, className: 'num', text: t('csv.colRow') }),
      ...shown.map((field) => el('th', { attrs: { scope: 'col' }, text: fieldName(field) })))),
    el('tbody', {}, ...rows.map((row) => el('tr', {},
      el('th', { attrs: { scope: 'row' }, className: 'num', text: fmt.number(row.row) }),
      ...shown.map((field) => el('td', { text: cell(row, field) }))))));
  return el('div', { className: 'table-wrap', attrs: { tabindex: '0', role: 'region', 'aria-label': t('csv.previewCaption', { n: rows.length }) } }, table);
}

function counts(result, heading) {
  return [
    el('h3', { text: heading }),
    el('ul', { className: 'counts' },
      el('li', {}, el('strong', { text: fmt.number(result.inserted || 0) }), ' ', t('csv.inserted', { n: result.inserted || 0 })),
      el('li', {}, el('strong', { text: fmt.number(result.updated || 0) }), ' ', t('csv.updated', { n: result.updated || 0 })),
      el('li', {}, el('strong', { text: fmt.number(result.unchanged || 0) }), ' ', t('csv.unchanged', { n: result.unchanged || 0 }))),
  ];
}

function renderPreview() {
  const box = $('csv-preview');
  const button = $('csv-import');
  if (!checked) {
    box.hidden = true;
    box.replaceChildren();
    button.hidden = true;
    return;
  }
  const columns = Array.isArray(checked.columns) ? checked.columns : [];
  const warnings = Array.isArray(checked.warnings) ? checked.warnings : [];
  const rows = Array.isArray(checked.preview) ? checked.preview : [];
  fill(box,
    el('h3', { text: t('csv.whatFile', { name: file ? file.name : '' }) }),
    el('p', { text: t('csv.read', { n: checked.rows || 0, encoding: checked.encoding || '?', delimiter: delimiterName(checked.delimiter) }) }),
    warnings.length ? el('div', { className: 'banner banner-warning' },
      el('span', { className: 'banner-text' }, el('strong', { text: t('csv.warnings') }),
        el('ul', {}, ...warnings.map((w) => el('li', { text: w }))))) : null,
    ...counts(checked, t('csv.wouldDo')),
    ...mappingTable(columns),
    doorChooser(),
    rows.length ? previewTable(rows, columns) : null);
  box.hidden = false;
  button.hidden = imported !== null || !(checked.rows > 0);
  button.textContent = t('csv.importN', { n: checked.rows || 0 });
}

function renderErrors() {
  const box = $('csv-errors');
  if (!refused) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const errors = Array.isArray(refused.errors) ? refused.errors : [];
  const columns = Array.isArray(refused.columns) ? refused.columns : [];
  fill(box,
    el('h3', { text: t('csv.refusedTitle') }),
    el('p', { text: t('csv.refusedHint') }),
    el('ul', { className: 'error-list' }, ...errors.map((e) => el('li', {},
      el('strong', { text: e.row ? t('csv.row', { row: e.row }) : t('csv.wholeFile') }), ': ', e.message || ''))),
    ...(columns.length ? mappingTable(columns) : []));
  box.hidden = false;
}

function renderResult() {
  const box = $('csv-result');
  box.replaceChildren(...(imported ? counts(imported, t('csv.done')) : []));
}

function render() {
  renderErrors();
  renderPreview();
  renderResult();
}

function refuse(error) {
  if (error.status === 422 && error.body && Array.isArray(error.body.errors)) {
    refused = error.body;
    checked = null;
    say($('csv-status'), t('csv.refused', { n: refused.errors.length }), 'error');
  } else {
    say($('csv-status'), errorText(error), 'error');
  }
  render();
}

// Reads the chosen file (again, with `again`: the door columns changed) and shows what it holds.
async function check(again = false) {
  const chosen = $('csv-file').files[0] || null;
  if (!again) door.clear();
  file = chosen;
  checked = null;
  refused = null;
  imported = null;
  render();
  if (!chosen) {
    say($('csv-status'), '');
    return;
  }
  const event = state.event;
  say($('csv-status'), t('csv.checking', { name: chosen.name }), 'busy');
  try {
    const query = doorQuery();
    const data = await api('POST', eventPath(event.id, `/attendees?dry_run=1${query ? `&${query}` : ''}`),
      { body: chosen, contentType: 'text/csv' });
    if (file !== chosen) return;
    checked = data;
    if (Array.isArray(data.errors) && data.errors.length) refused = data;
    say($('csv-status'), t('csv.checked', { n: data.rows || 0 }), 'ok');
    render();
  } catch (error) {
    if (file === chosen && !isQuiet(error)) refuse(error);
  }
}

async function importFile() {
  if (!file || !checked) return;
  const chosen = file;
  const button = $('csv-import');
  button.disabled = true;
  say($('csv-status'), t('csv.importing'), 'busy');
  try {
    const query = doorQuery();
    const data = await api('POST', eventPath(state.event.id, `/attendees${query ? `?${query}` : ''}`),
      { body: chosen, contentType: 'text/csv' });
    imported = data;
    say($('csv-status'), t('csv.imported', {
      inserted: data.inserted || 0, updated: data.updated || 0, unchanged: data.unchanged || 0,
    }), 'ok');
    $('csv-file').value = '';
    render();
    onImported();
  } catch (error) {
    if (!isQuiet(error)) refuse(error);
  } finally {
    button.disabled = false;
  }
}

export function initCsv(imported) {
  onImported = imported || onImported;
  $('csv-file').addEventListener('change', () => check(false));
  $('csv-import').addEventListener('click', importFile);
}

export function resetCsv() {
  door.clear();
  file = null;
  checked = null;
  refused = null;
  imported = null;
  $('csv-file').value = '';
  say($('csv-status'), '');
  render();
}

export const retranslateCsv = render;
