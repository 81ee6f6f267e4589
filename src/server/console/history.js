// SPDX-FileCopyrightText: 2026 Check-in kiosk contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// One attendee's history: all their check-ins at every door, oldest first, each with its status
// and the rule in words.

import { api, errorText, eventPath, isQuiet } from './api.js';
import { $, badge, el, say, timeEl } from './dom.js';
import { fmt, t } from './i18n.js';
import { kindWord, ruleText, statusWord } from './rules.js';
import { state } from './state.js';
import { fullName, presenceText } from './people.js';

let data = null;
let returnTo = null;
let requested = '';

function facts(attendee) {
  const rows = [
    [t('col.company'), attendee.company],
    [t('col.ticketType'), attendee.ticket_type],
    [t('field.email'), attendee.email],
    [t('col.status'), attendee.status === 'cancelled' ? t('att.cancelled') : t('att.valid')],
    [t('col.presence'), presenceText(attendee)],
    [t('history.entries'), fmt.number(attendee.entries ?? 0)],
  ];
  if (attendee.walk_in) rows.push([t('att.walkIn'), t('history.walkInYes')]);
  return rows.filter(([, value]) => value).map(([term, value]) => el('div', {},
    el('dt', { text: term }), el('dd', { text: value })));
}

function notes(checkin) {
  const parts = [];
  if (checkin.note) parts.push(el('p', {}, `${t('conf.volunteerNote')} `, el('q', { text: checkin.note })));
  if (checkin.review) {
    parts.push(el('p', { className: 'reviewed' }, t('conf.reviewedAt', { time: fmt.when(checkin.review.at) }),
      checkin.review.note ? [': ', el('q', { text: checkin.review.note })] : null));
  }
  return parts.length ? parts : '—';
}

function row(checkin, byId) {
  const first = checkin.first ? byId.get(checkin.first) : null;
  const undo = checkin.undone_by ? byId.get(checkin.undone_by) : null;
  const attendee = data.attendee || {};
  const rule = ruleText(checkin, {
    firstAt: first && first.at, firstDevice: first && first.device_name,
    cancelledAt: attendee.cancelled_at, undoneAt: undo && undo.at,
  });
  return el('tr', { className: `is-${checkin.status}` },
    el('th', { attrs: { scope: 'row' } }, timeEl(checkin.at, fmt.dateTimeShort(checkin.at), fmt.dateTime(checkin.at))),
    el('td', { text: checkin.device_name || t('conf.unknownDoor') }),
    el('td', { text: kindWord(checkin.kind) }),
    el('td', {}, badge(checkin.status, statusWord(checkin.status))),
    el('td', { text: rule }),
    el('td', { className: 'notes' }, notes(checkin)));
}

function render() {
  const box = $('attendee-history');
  if (!data) return;
  const attendee = data.attendee || {};
  const checkins = Array.isArray(data.checkins) ? data.checkins : [];
  const byId = new Map(checkins.map((c) => [c.id, c]));
  $('history-title').textContent = t('history.title', { name: fullName(attendee) });
  $('history-facts').replaceChildren(...facts(attendee));
  $('history-table').tBodies[0].replaceChildren(...checkins.map((c) => row(c, byId)));
  $('history-wrap').hidden = checkins.length === 0;
  say($('history-status'), checkins.length ? '' : t('history.none'));
  box.hidden = false;
}

export async function openHistory(attendeeId, name, opener) {
  const box = $('attendee-history');
  returnTo = opener || null;
  requested = attendeeId;
  data = null;
  box.hidden = false;
  $('history-title').textContent = t('history.title', { name });
  $('history-facts').replaceChildren();
  $('history-table').tBodies[0].replaceChildren();
  $('history-wrap').hidden = true;
  say($('history-status'), t('loading'), 'busy');
  $('history-title').focus();
  box.scrollIntoView({ block: 'start', behavior: 'smooth' });
  try {
    const answer = await api('GET', eventPath(state.event.id, `/attendees/${encodeURIComponent(attendeeId)}`));
    if (requested !== attendeeId) return;
    data = answer;
    render();
  } catch (error) {
    if (requested === attendeeId && !isQuiet(error)) say($('history-status'), errorText(error), 'error');
  }
}

export function closeHistory(restoreFocus = true) {
  requested = '';
  data = null;
  $('attendee-history').hidden = true;
  if (restoreFocus && returnTo && returnTo.isConnected) returnTo.focus();
  returnTo = null;
}

export function initHistory() {
  $('history-close').addEventListener('click', () => closeHistory(true));
  $('attendee-history').addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeHistory(true);
  });
}

export function retranslateHistory() {
  render();
}
