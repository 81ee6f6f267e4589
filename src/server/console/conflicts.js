// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Conflicts and duplicates to review: who, where, when, the rule in words, the volunteer's note,
// and the lead's review (a note, PUT .../reviews/{checkin_id}). Newest first.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { $, badge, el, say, timeEl } from './dom.js';
import { fmt, t } from './i18n.js';
import { kindWord, ruleText, statusWord } from './rules.js';
import { state } from './state.js';

let items = [];
let loaded = false;
let failure = null;
let shownEvent = '';
let reviewing = null;

async function load() {
  const event = state.event;
  say($('conflicts-summary'), t('loading'), 'busy');
  try {
    const data = await api('GET', eventPath(event.id, '/conflicts'));
    if (!state.event || state.event.id !== event.id) return;
    items = (Array.isArray(data.conflicts) ? data.conflicts : [])
      .sort((a, b) => String(b.at).localeCompare(String(a.at)));
    loaded = true;
    failure = null;
  } catch (error) {
    if (isQuiet(error)) return;
    failure = error;
  }
  render();
}

function card(item) {
  const name = item.attendee || t('conf.unknownPerson');
  const heading = el('h2', { className: 'card-title' }, name);
  if (item.walk_in) heading.append(' ', badge('neutral', t('att.walkIn')));
  const parts = [
    el('div', { className: 'card-head' }, heading, badge(item.status, statusWord(item.status))),
    el('p', { className: 'card-meta' },
      t('conf.where', { kind: kindWord(item.kind), door: item.device || t('conf.unknownDoor') }), ' · ',
      timeEl(item.at, fmt.when(item.at), fmt.dateTime(item.at))),
    el('p', { className: 'card-rule' }, ruleText(item, {
      firstAt: item.first_at, firstDevice: item.first_device, cancelledAt: item.cancelled_at,
    })),
  ];
  if (item.time_out_of_range) parts.push(el('p', { className: 'card-rule', text: t('conf.timeOutOfRange') }));
  if (item.note) parts.push(el('p', { className: 'card-note' }, `${t('conf.volunteerNote')} `, el('q', { text: item.note })));
  const review = el('div', { className: 'card-review' });
  if (item.review) {
    review.append(el('p', { className: 'reviewed' },
      el('span', { className: 'check', attrs: { 'aria-hidden': 'true' }, text: '✓' }), ' ',
      t('conf.reviewedAt', { time: fmt.when(item.review.at) })));
    if (item.review.note) review.append(el('p', { className: 'review-note' }, `${t('conf.yourNote')} `, el('q', { text: item.review.note })));
  } else {
    review.append(el('p', { className: 'not-reviewed', text: t('conf.notReviewed') }));
  }
  review.append(el('button', {
    className: item.review ? 'button button-secondary button-small' : 'button button-small',
    text: item.review ? t('conf.editReview') : t('conf.markReviewed'),
    attrs: { type: 'button', 'aria-label': t(item.review ? 'conf.editReviewFor' : 'conf.markReviewedFor', { name }) },
    dataset: { id: item.id },
    on: { click: () => openReview(item) },
  }));
  parts.push(review);
  return el('li', { className: `card conflict-card is-${item.status}${item.review ? ' is-reviewed' : ''}`,
    dataset: { id: item.id } }, ...parts);
}

function render() {
  const openOnly = $('conflicts-open-only').checked;
  const shown = openOnly ? items.filter((item) => !item.review) : items;
  $('conflicts-list').replaceChildren(...shown.map(card));
  const open = items.filter((item) => !item.review).length;
  if (failure) say($('conflicts-summary'), errorText(failure), 'error');
  else if (!loaded) say($('conflicts-summary'), '');
  else if (!items.length) say($('conflicts-summary'), t('conf.none'));
  else say($('conflicts-summary'), t('conf.summary', { n: items.length, open }));
}

function openReview(item) {
  reviewing = item;
  $('review-what').textContent = t('review.what', {
    status: statusWord(item.status), name: item.attendee || t('conf.unknownPerson'),
    door: item.device || t('conf.unknownDoor'), time: fmt.when(item.at),
  });
  $('review-note').value = item.review ? item.review.note || '' : '';
  say($('review-error'), '');
  $('review-dialog').showModal();
  $('review-note').focus();
}

async function saveReview(event) {
  event.preventDefault();
  const item = reviewing;
  if (!item) return;
  const button = $('review-save');
  button.disabled = true;
  try {
    const note = $('review-note').value.trim();
    const data = await api('PUT', eventPath(state.event.id, `/reviews/${encodeURIComponent(item.id)}`), { json: { note } });
    item.review = { at: data.reviewed_at || new Date().toISOString(), note: data.note ?? note };
    reviewing = null;
    $('review-dialog').close();
    render();
    const again = $('conflicts-list').querySelector(`button[data-id="${CSS.escape(item.id)}"]`);
    if (again) again.focus();
    else $('conflicts-summary').focus();
  } catch (error) {
    if (!isQuiet(error)) say($('review-error'), errorText(error), 'error');
  } finally {
    button.disabled = false;
  }
}

export function initConflicts() {
  $('conflicts-refresh').addEventListener('click', load);
  $('conflicts-open-only').addEventListener('change', render);
  $('review-form').addEventListener('submit', saveReview);
  $('review-cancel').addEventListener('click', () => $('review-dialog').close());
  $('review-dialog').addEventListener('close', () => {
    reviewing = null;
  });
}

export const conflictsView = {
  name: 'conflicts',
  needsEvent: true,
  enter() {
    if (shownEvent !== state.event.id) {
      shownEvent = state.event.id;
      items = [];
      loaded = false;
      failure = null;
      render();
    }
    load();
  },
  leave() {},
  retranslate: render,
  reset() {
    shownEvent = '';
  },
};
